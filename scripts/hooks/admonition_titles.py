"""Admonition boxes without a title get one in the page's language, not Material's English."""
import _root  # noqa: F401
from scripts.sitelib.admonitions import translate_titles
from scripts.sitelib.locales import current_locale
from scripts.sitelib.ui_strings import load_strings

_table = {}


def on_config(config):
    if not _table:
        _table.update(load_strings())


def on_page_content(html, page, config, files):
    return translate_titles(html, _table[current_locale(config)], f"docs/{page.file.src_uri}")
