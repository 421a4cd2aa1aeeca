"""The components plugin (overrides/components/).

- Interface strings: loaded once per build, in the outer build's on_config, from every
  component's strings.yml and checked against the phone numbers (scripts/sitelib/
  ui_strings.py load_strings); the other plugins read them from here (`strings()`).
  Templates get `ui` (the strings of the locale being built),
  `ui_fill("key", name=value)` (one with its placeholders filled, escaped:
  scripts/sitelib/ui_strings.py fill(), the one place where that happens),
  `ui_english` (the English ones, for the few places that say a word in English too:
  the language button on Norwegian pages) and `ui_forms("key")` (a text with plural
  forms as JSON, for a script that fills it in the browser: offline.js).
- The menu in the page's language, reader pages first; Previous/Next stay inside a
  group. Templates get the help page (`site_help_page`, also on the not-found page) and
  each inner page's way back (`site_back`: the page it leads to and the key of its label;
  components/back-link).
- The header shows the organisation's logo (extra.organisation.logo).
- Admonition boxes without a title get one in the page's language, not Material's English.
- Component markers (`<!-- language-list -->`) are rendered inside page content, with
  the component's own page-only CSS/JS where it has any. The content is sanitized by
  then (the security plugin), and a marker line left in it names a marker component;
  the component's HTML is trusted template output.
- The historical notice goes under the heading of the section a page names in
  `historical: <section id>` (scripts/sitelib/historical.py): after sanitizing and the
  markers, so the section carries it to embeds, feeds and flyers. A missing section
  fails the build, naming the file and line.
- Component CSS/JS is served as fingerprinted files; component sources and strings stay
  out of site/.
"""
from __future__ import annotations

from typing import Any, cast

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from scripts.sitelib.admonitions import translate_titles
from scripts.sitelib.component_assets import asset_tags, build_bundles, page_assets
from scripts.sitelib.front_matter import key_line
from scripts.sitelib.historical import after_section_heading, historical_section
from scripts.sitelib.locales import current_locale
from scripts.sitelib.markers import marker_components, render_markers
from scripts.sitelib.material_coupling import is_outer_build
from scripts.sitelib.site_build import once_per_build
from scripts.sitelib.site_files import write_site_file
from scripts.sitelib.site_nav import (
    HELP_PAGE, HOME_PAGE, back_target, home_page, keep_links_in_groups, page_named, reader_page_names, title_groups,
)
from scripts.sitelib.source_errors import SourceError
from scripts.sitelib.phone_numbers import config_numbers
from scripts.sitelib.ui_strings import browser_forms, fill, load_strings

from .config import ComponentsConfig

DEFAULT_LOGO = "assets/favicon.svg"
BACK_LABELS = {HELP_PAGE: "get_help", HOME_PAGE: "nav_home"}


PLUGIN = "smittevern-components"


def strings(config: MkDocsConfig) -> dict[str, dict[str, Any]]:
    """{locale: {key: text}}: the interface strings of this build, as the components plugin loaded them."""
    plugin = config.plugins[PLUGIN]
    assert isinstance(plugin, ComponentsPlugin)
    return plugin.strings


def _assets() -> tuple[dict[str, tuple[str, str]], dict[str, dict[str, tuple[str, str]]]]:
    """({kind: (path, text)} of the site bundles, {component: {kind: (path, text)}} of the
    page-only ones), made once per build from the component files."""
    return once_per_build("component assets", lambda: (build_bundles(), page_assets()))


class ComponentsPlugin(BasePlugin[ComponentsConfig]):

    def __init__(self) -> None:
        super().__init__()
        self.env: Environment | None = None          # this locale build's environment
        self.markers: frozenset[str] = frozenset()   # the marker components
        self.strings: dict[str, dict[str, Any]] = {}  # this build's interface strings: {locale: {key: text}}

    # --- on_config: the interface strings, the header's logo ------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if is_outer_build(config):  # once per build: static-i18n's nested builds share them
            # the numbers a text may hold: the reader-safety plugin has put its own in
            # config.extra by now (order.py OPTIONS_IN_EXTRA)
            assert config.theme.custom_dir, "mkdocs.yml sets theme.custom_dir: overrides"
            self.strings = load_strings(config.theme.custom_dir, numbers=config_numbers(config.extra))
        organisation = config.extra.get("organisation") or {}
        config.theme["logo"] = organisation.get("logo") or DEFAULT_LOGO
        return config

    # --- on_files: sources are not files to serve --------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for file in list(files):
            if file.src_uri.startswith(("components/", "strings/")):
                files.remove(file)
        return files

    # --- on_nav: the menu ----------------------------------------------------------------

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        texts = strings(config)[current_locale(config)]
        title_groups(nav.items, texts)
        home = home_page(nav.pages)
        if home is not None:
            home.title = texts["nav_home"]
        keep_links_in_groups(nav.pages)
        return nav

    # --- on_env --------------------------------------------------------------------------

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        table = strings(config)
        texts = table[current_locale(config)]
        env.globals["ui"] = texts
        env.globals["ui_fill"] = lambda key, **values: fill(texts[key], key, values, escape_with=escape)
        env.globals["ui_english"] = table.get("en", {})
        env.globals["ui_forms"] = lambda key: browser_forms(texts[key], key)
        self.env = env
        self.markers = marker_components()
        bundles, page_only = _assets()
        env.globals["site_assets"] = {kind: path for kind, (path, _) in bundles.items()}
        env.globals["component_page_assets"] = {
            name: {kind: path for kind, (path, _) in kinds.items()} for name, kinds in page_only.items()
        }
        return env

    # --- on_page_content: admonition titles ------------------------------------------------

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return translate_titles(html, strings(config)[current_locale(config)], f"docs/{page.file.src_uri}")

    # --- on_page_context: the way back, the markers, the historical notice ----------------

    def _site_nav(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                  nav: Navigation) -> TemplateContext:
        context["site_help_page"] = page_named(nav.pages, HELP_PAGE)  # type: ignore[typeddict-unknown-key]  # our template global
        readers = once_per_build("reader pages", lambda: reader_page_names(config.nav or []))
        target = back_target(page.file.name, readers)
        target_page = page_named(nav.pages, target) if target else None
        context["site_back"] = (  # type: ignore[typeddict-unknown-key]  # our template global
            {"page": target_page, "label": BACK_LABELS[target]} if target and target_page else None)
        return context

    def _markers(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                 nav: Navigation) -> TemplateContext:
        env = self.env
        assert env is not None
        assets = cast(dict[str, dict[str, str]], env.globals.get("component_page_assets", {}))

        def render(name: str) -> str:
            html = env.get_template(f"components/{name}/{name}.html").render(context)
            return html + asset_tags(assets.get(name, {}), lambda path: get_relative_url(path, page.url))

        page.content = render_markers(page.content or "", render, self.markers)
        return context

    def _historical(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                    nav: Navigation) -> TemplateContext:
        section = historical_section(page.meta)
        if section is None:
            return context
        assert self.env is not None
        template = self.env.get_template("components/page-dates/historical.html")
        notice = template.render(dict(context, historical_section=section))
        content = after_section_heading(page.content or "", section, notice)
        if content is None:
            source = page.file.content_string
            raise SourceError(f"docs/{page.file.src_uri}", key_line(source, "historical"),
                              f"'historical: {section}' names no '## … {{ #{section} }}' section of this page")
        page.content = content
        return context

    on_page_context = CombinedEvent(_site_nav, _markers, _historical)

    def on_template_context(self, context: TemplateContext, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext:
        if template_name == "404.html":  # its way on (components/not-found/)
            nav = context.get("nav")
            context["site_help_page"] = page_named(nav.pages, HELP_PAGE) if nav else None  # type: ignore[typeddict-unknown-key]  # our template global
        return context

    # --- on_post_build: the component assets ------------------------------------------------

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not is_outer_build(config):
            return
        bundles, page_only = _assets()
        files = list(bundles.values()) + [item for kinds in page_only.values() for item in kinds.values()]
        for path, text in files:
            write_site_file(config.site_dir, path, text)
