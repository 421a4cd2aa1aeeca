"""Punctuation per language (scripts/sitelib/typography.py): page text as the page's
own language sets it (a Norwegian fallback page stays Norwegian), so embeds, feeds
and flyers carry it too; and the `punctuate` filter for template blocks that put
punctuation beside interface strings and dates (main.html's content, embed.html,
the flyer). Interface strings are punctuated when they are loaded (ui_strings)."""
from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.sitelib.locales import current_locale
from scripts.sitelib.typography import punctuate_html


@event_priority(-120)  # after the sanitizer and the phone links: the text as it is shown
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    locale = getattr(page.file, "locale", None) or current_locale(config)
    _punctuate_toc(page.toc, locale)   # the headings again, in Material's table of contents
    return punctuate_html(html, locale)


def _punctuate_toc(items, locale):
    for item in items:
        item.title = punctuate_html(item.title, locale)   # escaped text, as Python-Markdown gives it
        _punctuate_toc(item.children, locale)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    locale = current_locale(config)
    env.filters["punctuate"] = lambda html: Markup(punctuate_html(str(html), locale))
    return env
