"""The menu in the page's language, reader pages first; Previous/Next stay inside a group."""
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from scripts.sitelib.locales import current_locale
from scripts.sitelib.site_nav import home_page, keep_links_in_groups, title_groups
from scripts.sitelib.ui_strings import load_strings

_table = {}


def on_config(config: MkDocsConfig) -> None:
    _table.clear()
    _table.update(load_strings(config.theme.custom_dir))


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    strings = _table[current_locale(config)]
    title_groups(nav.items, strings)
    home = home_page(nav.pages)
    if home is not None:
        home.title = strings["nav_home"]
    keep_links_in_groups(nav.pages)
    return nav
