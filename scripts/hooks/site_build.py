"""Start each build with empty tables, tell every hook whether this is a live
preview (`mkdocs serve`), and have the preview rebuild when overrides/ changes
(scripts/sitelib/site_build.py)."""
from typing import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority

from scripts.sitelib import site_build
from scripts.sitelib.material_coupling import is_outer_build


def on_startup(command: str, dirty: bool) -> None:
    site_build.start(command)


@event_priority(200)  # first: before any hook reads a table of this build
def on_config(config: MkDocsConfig) -> None:
    if is_outer_build(config):  # static-i18n's nested locale builds belong to the same build
        site_build.new_build()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    # MkDocs watches docs/ and mkdocs.yml, and the theme only with --watch-theme: the
    # components (templates, strings.yml, CSS, JS) live in the custom_dir.
    server.watch(config.theme.custom_dir)
    return server
