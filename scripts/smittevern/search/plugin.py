"""The search plugin: per-locale search on top of Material's.

One index per locale, each page searching its own locale, through a worker that loads
on first use and stems and segments queries (overrides/components/search/
search-worker.js.in and search-lazy.html). Each page's everyday words (front matter
`synonyms:`) are indexed on its entry, and the staff pages (the menu's `staff` group)
are listed to rank after the reader pages. Material's search dialog is named in the
page's language (axe: aria-dialog-name).
"""
from __future__ import annotations

import jieba
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from scripts.sitelib.locales import current_locale, locale_prefix
from scripts.sitelib.material_coupling import (
    MATERIAL, CouplingBroken, check_search_form, check_search_overlay, is_outer_build, material_search_startup,
    material_search_worker, name_search_dialog, search_entries,
)
from scripts.sitelib.search_index import dumps, locale_index, point_search_at_locale, search_worker
from scripts.sitelib.site_build import once_per_build
from scripts.sitelib.site_files import write_site_file
from scripts.sitelib.site_nav import is_staff_page

from ..components.plugin import strings
from ..order import at
from .config import SearchConfig

jieba.setLogLevel(60)  # Material's search plugin cuts Chinese with jieba; keep the build log clean
material_search_startup()
check_search_overlay()


def _worker() -> tuple[str, str]:
    """(file name, text) of this build's search worker (its source is a component file)."""
    return once_per_build("search worker", lambda: search_worker(material_search_worker()))


def _gathered() -> tuple[dict[str, list[str]], set[str]]:
    """Site-relative page locations ('th/help/') of this build, gathered from every locale's build:
    each page's synonyms, and the staff pages."""
    return once_per_build("search synonyms", dict), once_per_build("search staff pages", set)


def _label(config: MkDocsConfig) -> str:
    return strings(config)[current_locale(config)]["search_dialog"]


class SearchPlugin(BasePlugin[SearchConfig]):

    def on_config(self, config: MkDocsConfig) -> None:
        if "search.suggest" in config.theme.get("features", []):
            raise CouplingBroken(MATERIAL, "search.suggest", "our search worker sets itself up with suggest: false "
                                 "(overrides/components/search/search-worker.js.in); pass the feature on first")

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        synonyms, staff_pages = _gathered()
        synonyms[page.url] = list((page.meta or {}).get("synonyms") or [])
        if is_staff_page(page):
            staff_pages.add(page.url)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        output = point_search_at_locale(check_search_form(output), current_locale(config), _worker()[0])
        return name_search_dialog(output, _label(config))

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        if template_name == "404.html":  # the other page templates (offline page) have no search
            output = point_search_at_locale(check_search_form(output), current_locale(config), _worker()[0])
            return name_search_dialog(output, _label(config))
        return output

    @at("AFTER_SEARCH_MERGE")
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        locale = current_locale(config)
        entries, fields = search_entries(config)
        synonyms, staff_pages = _gathered()
        index = locale_index(entries, locale, fields, synonyms=synonyms, staff_pages=staff_pages)
        write_site_file(config.site_dir, f"{locale_prefix(locale)}search/search_index.json", dumps(index))
        if is_outer_build(config):
            name, text = _worker()
            write_site_file(config.site_dir, f"assets/javascripts/workers/{name}", text)
