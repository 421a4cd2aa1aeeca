"""The build-wide plugin.

- One build: start each build with empty tables, tell every plugin whether this is a
  live preview (`mkdocs serve`), and have the preview rebuild when overrides/ changes
  (scripts/sitelib/site_build.py).
- The locale table: the languages of the config being built, taken from the i18n
  plugin's own config once per build, become the table every plugin reads
  (scripts/sitelib/locales.py): a variant mkdocs.yml may list other locales, and under
  `mkdocs serve` an edit to mkdocs.yml may change them.
- site_url is required (QR codes and flyers need absolute URLs; the print-kit plugin
  also checks that the deploy build's can be reached from a phone).
- Each template is compiled once per build, not once per locale (template_cache.py),
  and the theme's files are listed without walking Material's 14 000 icons
  (material_coupling.list_theme_files_quickly).
- The template filters and globals that components use; punctuation per language
  (scripts/sitelib/typography.py) on page text, the table of contents and the
  `punctuate` filter. Interface strings are punctuated when they are loaded.
"""
from __future__ import annotations

from typing import Any, Callable

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from scripts.sitelib import locales
from scripts.sitelib import material_coupling as coupling
from scripts.sitelib import site_build
from scripts.sitelib.dates import human_date
from scripts.sitelib.listen_controls import with_listen_controls
from scripts.sitelib.locales import Language, current_locale, english_name, languages_table, locale_prefix, use_table
from scripts.sitelib.material_coupling import i18n_plugin, is_outer_build
from scripts.sitelib.phone_links import spoken_number, tel_href, whatsapp_href
from scripts.sitelib.template_cache import share_compiled_templates
from scripts.sitelib.typography import punctuate_html

from ..order import at
from .config import SiteConfig


def _markup(function: Callable[..., str]) -> Callable[..., Markup]:
    return lambda *args: Markup(function(*args))


class SitePlugin(BasePlugin[SiteConfig]):

    def __init__(self) -> None:
        super().__init__()
        self.languages: tuple[Language, ...] = ()   # this build's locale table

    # on_startup also keeps this plugin across the rebuilds of one `mkdocs serve`
    # (MkDocs' plugin cache): every build takes its locale table anew.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        site_build.start(command)

    # --- on_config ---------------------------------------------------------------------

    @at("BUILD_START")
    def _new_build(self, config: MkDocsConfig) -> None:
        if is_outer_build(config):  # static-i18n's nested locale builds belong to the same build
            site_build.new_build()

    def _config(self, config: MkDocsConfig) -> MkDocsConfig:
        if is_outer_build(config):  # before static-i18n's on_config (-100) gives config another site_name
            self.languages = languages_table(i18n_plugin(config).config.languages, config.site_name,
                                             config.config_file_path)
        use_table(self.languages)
        self._require_site_url(config)
        coupling.list_theme_files_quickly(config.theme)  # each locale build's config has its own theme
        return config

    on_config = CombinedEvent(_new_build, _config)

    @staticmethod
    def _require_site_url(config: MkDocsConfig) -> None:
        if not config.site_url:
            raise ConfigurationError(
                "mkdocs.yml: 'site_url' is empty. QR codes, flyers and feeds need the "
                "absolute address of the site. Set it with the SITE_URL environment "
                "variable, for example: SITE_URL=https://example.org/ mkdocs build"
            )

    # --- on_env ------------------------------------------------------------------------

    @at("TEMPLATE_CACHE")
    def _template_cache(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        return share_compiled_templates(env)

    def _filters(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        locale = current_locale(config)  # a new env per locale build
        # `date | human_date`: the date in this build's language (it takes no argument).
        env.filters["human_date"] = lambda value: human_date(value, locale)
        env.filters["english_name"] = english_name
        env.filters["without_alternate_links"] = _markup(coupling.without_alternate_links)
        env.filters["without_description"] = _markup(coupling.without_description)
        env.filters["tel_href"] = tel_href
        env.filters["spoken_number"] = spoken_number
        env.filters["whatsapp_href"] = whatsapp_href
        env.filters["with_listen_controls"] = _markup(with_listen_controls)
        # Material's header and page title (material_coupling: each fails loudly if Material changes)
        for name in ("name_in_header", "after_title"):
            env.filters[name] = _markup(getattr(coupling, name))
        coupling.check_partials()  # overrides/partials/ replace what Material's header and footer include
        env.globals["source_locale"] = locales.SOURCE_LOCALE
        env.globals["site_locale"] = locale
        env.globals["locale_url"] = lambda code, path: locale_prefix(code) + path
        pages = {file.src_uri.rsplit("/", 1)[-1] for file in files.documentation_pages()}
        env.globals["site_has_page"] = lambda name: name in pages
        # Punctuation for template blocks that put it beside interface strings and dates
        # (main.html's content, embed.html, the flyer).
        env.filters["punctuate"] = lambda html: Markup(punctuate_html(str(html), locale))
        return env

    on_env = CombinedEvent(_template_cache, _filters)

    # --- on_page_content -----------------------------------------------------------------

    @at("TYPOGRAPHY")
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Page text as the page's own language sets it (a Norwegian fallback page stays
        # Norwegian), so embeds, feeds and flyers carry it too.
        locale = getattr(page.file, "locale", None) or current_locale(config)
        _punctuate_toc(page.toc, locale)   # the headings again, in Material's table of contents
        return punctuate_html(html, locale)

    # --- on_serve ------------------------------------------------------------------------

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
        # MkDocs watches docs/ and mkdocs.yml, and the theme only with --watch-theme: the
        # components (templates, strings.yml, CSS, JS) live in the custom_dir.
        assert config.theme.custom_dir, "mkdocs.yml sets theme.custom_dir: overrides"
        server.watch(config.theme.custom_dir)
        return server


def _punctuate_toc(items: TableOfContents | list[Any], locale: str) -> None:
    for item in items:
        item.title = punctuate_html(item.title, locale)   # escaped text, as Python-Markdown gives it
        _punctuate_toc(item.children, locale)
