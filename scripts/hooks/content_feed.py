"""Write the content feed of each locale (/feed.json, /<locale>/feed.json) and
serve its JSON Schema at /feed.schema.json."""
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from scripts.sitelib.embeds import without_interactive
from scripts.sitelib.feed import SCHEMA_FILE, SCHEMA_PATH, build_feed, dumps, feed_path, page_entry
from scripts.sitelib.locales import SOURCE_LOCALE, current_locale


_pages = {}  # locale -> [(position in nav, page entry)]


@event_priority(-110)  # after static-i18n has chosen the build's locale
def on_config(config: MkDocsConfig) -> None:
    _pages.pop(current_locale(config), None)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["feed_path"] = feed_path  # for components/feed-docs
    return env


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    locale = current_locale(config)
    order = [item.url for item in nav.pages]
    if page.url not in order:
        return context  # staff pages outside the menu (status) are not for partners
    _pages.setdefault(locale, []).append((order.index(page.url), page_entry(
        locale=locale,
        url=page.url,
        title=page.title,
        description=(page.meta or {}).get("description", ""),
        meta=page.meta,
        content=without_interactive(page.content or ""),
        content_locale=context.get("i18n_file_locale", locale),
        site_url=config.site_url,
    )))
    return context


def on_post_build(config: MkDocsConfig) -> None:
    locale = current_locale(config)
    pages = [entry for _, entry in sorted(_pages.pop(locale, []), key=lambda item: item[0])]
    feed = build_feed(locale=locale, pages=pages, site_url=config.site_url, site_name=config.site_name,
                      licence=config.extra.get("licence", ""))
    target = Path(config.site_dir) / feed_path(locale)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(dumps(feed), encoding="utf-8")
    if locale == SOURCE_LOCALE:
        (Path(config.site_dir) / SCHEMA_PATH).write_text(SCHEMA_FILE.read_text(encoding="utf-8"), encoding="utf-8")
