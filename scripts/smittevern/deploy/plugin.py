"""The deploy plugin: the Content-Security-Policy and the server's files.

- The CSP comes from the templates, never from the content. Every template registers
  the inline <script> and <style> blocks it writes (scripts/sitelib/inline_blocks.py);
  build code registers what it writes itself.
- After the build, every page and feed is audited: inline code that nothing registered
  fails the build, naming the file. Then site/_headers (static hosts) and
  site/_nginx/*.conf (nginx) are written with the hashes of the registered blocks the
  pages use. `mkdocs serve` sends the same headers (plus its own live-reload script).
- site/_nginx/locales.conf: nginx's per-locale 404 pages and the Accept-Language choice
  of the home page and of the Norwegian pages every translation has, generated from the
  languages in mkdocs.yml and the built pages.
- Last, `<file>.br` beside every text file, for nginx's brotli_static
  (scripts/sitelib/precompress.py); not under `mkdocs serve`.
"""
from __future__ import annotations

from typing import Any, Callable
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent
from mkdocs.structure.files import Files

from scripts.sitelib import inline_blocks
from scripts.sitelib.headers import wsgi_with_headers, write_header_files
from scripts.sitelib.material_coupling import is_outer_build
from scripts.sitelib.nginx_locales import door_pages, locales_conf
from scripts.sitelib.precompress import precompress
from scripts.sitelib.quick_exit import neutral_url
from scripts.sitelib.site_build import serving
from scripts.sitelib.site_files import write_site_file

from ..order import at
from .config import DeployConfig


class DeployPlugin(BasePlugin[DeployConfig]):

    def on_config(self, config: MkDocsConfig) -> None:
        if is_outer_build(config):  # a new build (static-i18n's nested locale builds keep adding)
            inline_blocks.reset()
        # Material's first inline script names its storage scope; by default that is the
        # page's relative base_url ("..", "../..", …), one hash per folder depth. The
        # site's root path is the same scope, written the same on every page.
        config.extra.setdefault("scope", urlsplit(config.site_url or "/").path or "/")

    @at("INLINE_BLOCK_TRACKING")
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        return inline_blocks.track_template_blocks(env)

    @at("AFTER_LOCALES")
    def _nginx_locale_map(self, *, config: MkDocsConfig) -> None:
        # the door lists pages every locale has
        if is_outer_build(config):
            write_site_file(config.site_dir, "_nginx/locales.conf", locales_conf(pages=door_pages(config.site_dir)))

    @at("HEADERS")
    def _header_files(self, *, config: MkDocsConfig) -> None:
        if is_outer_build(config):
            scripts, styles = inline_blocks.audit_site(config.site_dir)
            write_header_files(config.site_dir, scripts, styles, exit_to=neutral_url(config.extra))

    @at("PRECOMPRESS")
    def _brotli_twins(self, *, config: MkDocsConfig) -> None:
        if is_outer_build(config) and not serving():
            precompress(config.site_dir)

    on_post_build = CombinedEvent(_nginx_locale_map, _header_files, _brotli_twins)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Callable[..., Any]) -> LiveReloadServer:
        app = server.get_app()
        assert app is not None, "MkDocs' live server has its app before on_serve"
        server.set_app(wsgi_with_headers(app, config.site_dir))
        return server
