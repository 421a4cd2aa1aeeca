"""Feeds for partners: JSON Feed 1.1 and Atom (RFC 4287), one of each per locale.

/feed.json and /feed.atom are Norwegian, /<locale>/feed.json and
/<locale>/feed.atom the other locales (the same prefix rule as the pages). One
item per reader page: its title, description, address, dates and its text as
HTML, the sections partners may use (partner_content.py), each with its `<h2>`.
The HTML is the page's rendered, sanitized content (never the Markdown source),
with links made absolute and decorative icons left out; every other field is
text, escaped by the JSON and XML writers.

`published` comes from the front matter; `updated` is when the page's file last
changed (git), or its `reviewed` date if later, so readers and importers see an
edit. The extension `_embed` (JSON Feed) and `<link rel="related">` (Atom) give
the embed views.
"""
import datetime
import json
import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from .dates import parse_date
from .embeds import absolute, absolutize_links, embed_url, page_id, page_path, split_sections
from .html_fragments import parse
from .locales import locale_prefix

JSON_FEED = "feed.json"
ATOM_FEED = "feed.atom"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def feed_path(locale: str, name: str = JSON_FEED) -> str:
    """Site-relative path of a locale's feed: 'feed.json' for nb, 'ro/feed.atom' for Romanian Atom."""
    return locale_prefix(locale) + name


def for_feed(fragment: str, page_url: str) -> str:
    """The fragment without its <h1> (the item has a title) and without decorative
    icons (`aria-hidden` SVGs or SVGs in an `aria-hidden` span, and the twemoji spans around them): without the
    site's CSS they show huge. Its links are made absolute against page_url."""
    tree = parse(fragment)
    for element in tree.select("h1, .twemoji, svg[aria-hidden=true], [aria-hidden=true] > svg"):
        element.decompose()
    return str(absolutize_links(tree, page_url))


def timestamp(value: object, end_of_day: bool = False) -> str:
    """A front-matter date ('2021-04', 2026-11-28) or a datetime as RFC 3339 in UTC."""
    if isinstance(value, datetime.datetime):
        moment = value.astimezone(datetime.timezone.utc)
    else:
        year, month, day = parse_date(value)
        moment = datetime.datetime(year, month, day or 1, tzinfo=datetime.timezone.utc)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def page_item(*, locale: str, url: str, title: object, description: object, meta: Mapping[str, Any] | None,
              content: str, content_locale: str, site_url: str, sections: Collection[str],
              changed: datetime.datetime | None) -> dict[str, Any]:
    """One page as a JSON Feed item.

    `url` is MkDocs' page.url ('ro/covid-19/'); `content` the page's rendered,
    sanitized HTML; `content_locale` the language it is in (an untranslated page
    is the Norwegian text); `sections` the ids to include; `changed` the datetime
    its file last changed, or None.
    """
    path = page_path(url, locale)
    page_url = absolute(site_url, url)
    intro, found = split_sections(content)
    kept = [section for section in found if section.id in sections]
    html = "".join([intro] + [section.html for section in kept])
    html = for_feed(html, page_url).strip()
    meta = meta or {}
    candidates = [timestamp(value) for value in (changed, meta.get("reviewed")) if value]
    published = timestamp(meta["published"]) if meta.get("published") else None
    updated = max(candidates + ([published] if published else [])) if candidates or published else None
    item: dict[str, Any] = {
        "id": page_url,
        "url": page_url,
        "title": str(title).strip(),
        "summary": str(description or ""),
        "content_html": html,
        "language": content_locale,
    }
    if published:
        item["date_published"] = published
    if updated:
        item["date_modified"] = updated
    item["_embed"] = {
        "page_id": page_id(path),
        "translated": content_locale == locale,
        "url": absolute(site_url, embed_url(locale, path)),
        "sections": [
            {"id": section.id, "title": section.heading, "url": f"{page_url}#{section.id}",
             "embed_url": absolute(site_url, embed_url(locale, path, section.id))}
            for section in kept
        ],
    }
    return item


def json_feed(*, locale: str, items: Iterable[dict[str, Any]], site_url: str, site_name: str, description: str = "",
              authors: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """The JSON Feed 1.1 document of one locale; `items` are page_item()s in menu order."""
    feed: dict[str, Any] = {
        "version": JSON_FEED_VERSION,
        "title": site_name,
        "home_page_url": absolute(site_url, locale_prefix(locale)),
        "feed_url": absolute(site_url, feed_path(locale, JSON_FEED)),
        "language": locale,
    }
    if description:
        feed["description"] = description
    if authors:
        feed["authors"] = authors
    feed["items"] = list(items)
    return feed


def dumps(feed: object) -> str:
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"


def atom_feed(document: Mapping[str, Any], *, licence: str = "") -> bytes:
    """The same feed as Atom 1.0 XML (bytes)."""
    ET.register_namespace("", ATOM)
    locale = document["language"]
    root = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: locale})
    atom_url = document["feed_url"][:-len(JSON_FEED)] + ATOM_FEED

    def add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        if text is not None:
            element.text = text
        return element

    add(root, "id", atom_url)
    add(root, "title", document["title"], type="text")
    if document.get("description"):
        add(root, "subtitle", document["description"], type="text")
    dates = [item.get("date_modified") or item.get("date_published") for item in document["items"]]
    add(root, "updated", max([date for date in dates if date], default="1970-01-01T00:00:00Z"))
    add(root, "link", rel="self", type="application/atom+xml", href=atom_url)
    add(root, "link", rel="alternate", type="text/html", href=document["home_page_url"])
    add(root, "link", rel="alternate", type="application/feed+json", href=document["feed_url"])
    author = add(root, "author")
    first = (document.get("authors") or [{"name": document["title"]}])[0]
    add(author, "name", first["name"])
    if first.get("url"):
        add(author, "uri", first["url"])
    if licence:
        add(root, "rights", licence, type="text")
    for item in document["items"]:
        entry = add(root, "entry")
        if item["language"] != locale:
            entry.set(XML_LANG, item["language"])
        add(entry, "id", item["id"])
        add(entry, "title", item["title"], type="text")
        add(entry, "link", rel="alternate", type="text/html", href=item["url"], hreflang=item["language"])
        add(entry, "link", rel="related", type="text/html", href=item["_embed"]["url"])
        if item.get("date_published"):
            add(entry, "published", item["date_published"])
        add(entry, "updated", item.get("date_modified") or item.get("date_published") or "1970-01-01T00:00:00Z")
        if item.get("summary"):
            add(entry, "summary", item["summary"], type="text")
        add(entry, "content", item["content_html"], type="html")
    ET.indent(root, space=" ")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def example(document: Mapping[str, Any], length: int = 240) -> str:
    """A short copy of a feed for the partners page: the first item, its HTML cut short."""
    short = dict(document, items=[dict(item) for item in document["items"][:1]])
    for item in short["items"]:
        html = item["content_html"]
        if len(html) > length:
            cut = html.rfind(">", 0, length)
            item["content_html"] = html[:cut + 1] + " …"
        item["_embed"] = dict(item["_embed"], sections=item["_embed"]["sections"][:1])
    return json.dumps(short, ensure_ascii=False, indent=2)
