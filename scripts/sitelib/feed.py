"""Content feed: one JSON file per locale that partners' content systems pull.

The source locale's feed is at /feed.json, every other locale's at
/<locale>/feed.json (the same prefix rule as the pages). The schema is
overrides/components/feed-docs/feed.schema.json, served at /feed.schema.json.
"""
import json
import re

from .dates import iso_date
from .embeds import absolute, absolutize_links, embed_url, page_id, page_path, split_sections
from .locales import ROOT, locale_prefix

SCHEMA_FILE = ROOT / "overrides" / "components" / "feed-docs" / "feed.schema.json"
SCHEMA_PATH = "feed.schema.json"
FEED_NAME = "feed.json"
VERSION = 1


def feed_path(locale):
    """Site-relative path of a locale's feed: 'feed.json' for nb, 'ro/feed.json' for Romanian."""
    return locale_prefix(locale) + FEED_NAME


ICON = re.compile(r'<span class="twemoji[^"]*"[^>]*>\s*<svg\b.*?</svg>\s*</span>\s*', re.S)


def without_icons(fragment):
    """Drop the decorative inline SVG icons: without the site's CSS they show huge."""
    return ICON.sub("", fragment)


def _html(fragment, page_url):
    return absolutize_links(without_icons(fragment), page_url).strip()


def _date(meta, key):
    value = (meta or {}).get(key)
    return iso_date(value) if value else None


def page_entry(*, locale, url, title, description, meta, content, content_locale, site_url):
    """One page of the feed. `url` is MkDocs' page.url ('ro/covid-19/'); `content`
    the page's rendered HTML; `content_locale` the language the text is in (a page
    not yet translated is the Norwegian text)."""
    path = page_path(url, locale)
    page_url = absolute(site_url, url)
    intro, sections = split_sections(content)
    return {
        "id": page_id(path),
        "title": title,
        "description": description or "",
        "url": page_url,
        "embed_url": absolute(site_url, embed_url(locale, path)),
        "language": content_locale,
        "translated": content_locale == locale,
        "published": _date(meta, "published"),
        "reviewed": _date(meta, "reviewed"),
        "intro_html": _html(intro, page_url),
        "sections": [
            {
                "id": section.id,
                "heading": section.heading,
                "url": f"{page_url}#{section.id}",
                "embed_url": absolute(site_url, embed_url(locale, path, section.id)),
                "html": _html(section.body_html, page_url),
            }
            for section in sections
        ],
    }


def build_feed(*, locale, pages, site_url, site_name, licence=""):
    """The whole feed of one locale; `pages` are page_entry() dicts in nav order."""
    feed = {
        "version": VERSION,
        "$schema": absolute(site_url, SCHEMA_PATH),
        "language": locale,
        "title": site_name,
        "home_page_url": absolute(site_url, locale_prefix(locale)),
        "feed_url": absolute(site_url, feed_path(locale)),
    }
    if str(licence or "").strip():
        feed["licence"] = str(licence).strip()
    feed["pages"] = list(pages)
    return feed


def dumps(feed):
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"


def load_schema():
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
