"""Per-locale search: one index per locale, each page searching its own locale,
through a worker that loads on first use and stems and segments queries
(see overrides/components/search/search-worker.js.in and search-lazy.html)."""

import jieba
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from scripts.sitelib.locales import SOURCE_LOCALE, current_locale, locale_prefix
from scripts.sitelib.material_coupling import (
    CouplingBroken, MATERIAL, check_search_form, material_search_startup, material_search_worker, search_entries,
)
from scripts.sitelib.search_index import dumps, locale_index, point_search_at_locale, search_worker
from scripts.sitelib.site_files import write_site_file

jieba.setLogLevel(60)  # Material's search plugin cuts Chinese with jieba; keep the build log clean
WORKER_NAME, WORKER_TEXT = search_worker(material_search_worker())
material_search_startup()


def on_config(config: MkDocsConfig) -> None:
    if "search.suggest" in config.theme.get("features", []):
        raise CouplingBroken(MATERIAL, "search.suggest", "our search worker sets itself up with suggest: false "
                             "(overrides/components/search/search-worker.js.in); pass the feature on first")


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return point_search_at_locale(check_search_form(output), current_locale(config), WORKER_NAME)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        return point_search_at_locale(check_search_form(output), current_locale(config), WORKER_NAME)
    return output


@event_priority(-110)  # after static-i18n has merged all locales into the root index
def on_post_build(config: MkDocsConfig) -> None:
    locale = current_locale(config)
    entries, fields = search_entries(config)
    index = locale_index(entries, locale, fields)
    write_site_file(config.site_dir, f"{locale_prefix(locale)}search/search_index.json", dumps(index))
    if locale == SOURCE_LOCALE:
        write_site_file(config.site_dir, f"assets/javascripts/workers/{WORKER_NAME}", WORKER_TEXT)
