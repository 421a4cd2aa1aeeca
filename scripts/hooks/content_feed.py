"""Write each locale's feeds for partners: JSON Feed 1.1 (/feed.json,
/<locale>/feed.json) and Atom (/feed.atom, /<locale>/feed.atom), one item per
reader page (scripts/sitelib/feed.py, partner_content.py). Not under `mkdocs serve`
(scripts/sitelib/site_build.py); the partners page still shows its feed example."""
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from scripts.sitelib import feed
from scripts.sitelib.embeds import without_interactive
from scripts.sitelib.locales import current_locale
from scripts.sitelib.site_nav import is_staff_page
from scripts.sitelib.partner_content import offered_sections
from scripts.sitelib.site_build import serving
from scripts.sitelib.site_files import write_site_file
from scripts.sitelib.source_dates import last_changed

_items = {}  # locale -> [(position in the menu, item)]


@event_priority(-110)  # after static-i18n has chosen the build's locale
def on_config(config: MkDocsConfig) -> None:
    _items.pop(current_locale(config), None)


def _item(page, config, locale, content_locale):
    return feed.page_item(
        locale=locale, url=page.url, title=page.title, description=(page.meta or {}).get("description", ""),
        meta=page.meta, content=without_interactive(page.content or ""), content_locale=content_locale,
        site_url=config.site_url, sections=offered_sections(page.markdown or ""),
        changed=last_changed(page.file.abs_src_path) if page.file.abs_src_path else None,
    )


def _document(config, locale, items):
    organisation = config.extra.get("organisation") or {}
    authors = [{"name": organisation["name"], **({"url": organisation["url"]} if organisation.get("url") else {})}] \
        if str(organisation.get("name") or "").strip() else None
    home = next((item["summary"] for item in items if item["_embed"]["page_id"] == "index"), "")
    return feed.json_feed(locale=locale, items=items, site_url=config.site_url, site_name=config.site_name,
                          description=home, authors=authors)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    locale = current_locale(config)

    def feed_example(nav):
        """The first reader page after the home page, as a short feed, for the partners page."""
        pages = [page for page in nav.pages if not is_staff_page(page) and page.url.strip("/") not in ("", locale)]
        items = [_item(page, config, locale, locale) for page in pages[:1]]
        return feed.example(_document(config, locale, items))

    env.globals.update(feed_path=feed.feed_path, feed_example=feed_example)
    return env


@event_priority(-100)  # after the component markers: the page as readers see it
def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    locale = current_locale(config)
    order = [item.url for item in nav.pages]
    if serving() or page.url not in order or is_staff_page(page):
        return context  # pages outside the menu and staff pages are not for partners
    item = _item(page, config, locale, context.get("i18n_file_locale", locale))
    _items.setdefault(locale, []).append((order.index(page.url), item))
    return context


def on_post_build(config: MkDocsConfig) -> None:
    if serving():
        return
    locale = current_locale(config)
    items = [item for _, item in sorted(_items.pop(locale, []), key=lambda pair: pair[0])]
    document = _document(config, locale, items)
    for name, data in ((feed.JSON_FEED, feed.dumps(document).encode("utf-8")),
                       (feed.ATOM_FEED, feed.atom_feed(document, licence=str(config.extra.get("licence") or "").strip()))):
        write_site_file(config.site_dir, feed.feed_path(locale, name), data)
