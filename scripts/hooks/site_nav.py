"""The menu in the page's language, reader pages first; Previous/Next stay inside a group.
Templates get the help page (`site_help_page`) and each inner page's way back
(`site_back`: the page it leads to and the key of its label; components/back-link)."""
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from scripts.sitelib.locales import current_locale
from scripts.sitelib.site_nav import (
    HELP_PAGE, HOME_PAGE, back_target, home_page, keep_links_in_groups, page_named, reader_page_names, title_groups,
)
from scripts.sitelib.site_build import once_per_build
from scripts.sitelib.ui_strings import build_strings


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    strings = build_strings(config)[current_locale(config)]
    title_groups(nav.items, strings)
    home = home_page(nav.pages)
    if home is not None:
        home.title = strings["nav_home"]
    keep_links_in_groups(nav.pages)
    return nav


BACK_LABELS = {HELP_PAGE: "get_help", HOME_PAGE: "nav_home"}


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    context["site_help_page"] = page_named(nav.pages, HELP_PAGE)
    readers = once_per_build("reader pages", lambda: reader_page_names(config.nav or []))
    target = back_target(page.file.name, readers)
    target_page = page_named(nav.pages, target) if target else None
    context["site_back"] = {"page": target_page, "label": BACK_LABELS[target]} if target_page else None
    return context
