"""Admonition boxes without a title get one in the page's language, not Material's English."""
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.sitelib.admonitions import translate_titles
from scripts.sitelib.locales import current_locale
from scripts.sitelib.ui_strings import build_strings


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return translate_titles(html, build_strings(config)[current_locale(config)], f"docs/{page.file.src_uri}")
