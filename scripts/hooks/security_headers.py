"""The Content-Security-Policy comes from the templates, never from the content.

- Every template registers the inline <script> and <style> blocks it writes
  (scripts/sitelib/inline_blocks.py); build code registers what it writes itself.
- After the build, every page and feed is audited: inline code that nothing
  registered fails the build, naming the file.
- Then site/_headers (static hosts) and site/_nginx/*.conf (nginx) are written
  with the hashes of the registered blocks the pages use.
- `mkdocs serve` sends the same headers (plus its own live-reload script)."""
from typing import Callable
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from scripts.sitelib import inline_blocks
from scripts.sitelib.headers import wsgi_with_headers, write_header_files
from scripts.sitelib.material_coupling import is_outer_build


def on_config(config: MkDocsConfig) -> None:
    if is_outer_build(config):  # a new build (static-i18n's nested locale builds keep adding)
        inline_blocks.reset()
    # Material's first inline script names its storage scope; by default that is the
    # page's relative base_url ("..", "../..", …), one hash per folder depth. The
    # site's root path is the same scope, written the same on every page.
    config.extra.setdefault("scope", urlsplit(config.site_url or "/").path or "/")


@event_priority(100)  # first: before any other hook loads a template from this environment
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return inline_blocks.track_template_blocks(env)


@event_priority(-200)  # last: after static-i18n has built every locale and others wrote their HTML
def on_post_build(config: MkDocsConfig) -> None:
    if is_outer_build(config):
        scripts, styles = inline_blocks.audit_site(config.site_dir)
        write_header_files(config.site_dir, scripts, styles)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    server.set_app(wsgi_with_headers(server.get_app(), config.site_dir))
    return server
