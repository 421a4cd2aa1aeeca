"""Printable one-page flyers: one per topic page, in every locale.

A topic page opts in with a `flyer:` list in its Norwegian front matter: the IDs
of the `##` sections that go on the flyer. The flyer is drawn from the page as
built in each locale (so a translation brings its own flyer text), rendered with
overrides/flyer.html and written to /<locale>/flyers/<topic>/. Each flyer has a
QR code (segno, inline SVG) with the absolute URL of the full page in the same
language. `make flyers` prints every flyer to /<locale>/flyers/<topic>.pdf.
"""
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import segno
from bs4 import BeautifulSoup

from .embeds import without_interactive
from .markdown_source import split_front_matter
from .locales import DOCS, LOCALES, NATIVE_NAMES, SOURCE_LOCALE, locale_prefix
from .source_errors import SourceError

FLYER_DIR = "flyers"


@dataclass(frozen=True)
class Topic:
    slug: str        # 'covid-19': the page's URL path in every locale
    source: str      # 'docs/nb/covid-19.md'
    sections: tuple  # section IDs, in flyer order
    line: int        # line of `flyer:` in the source, for error messages


def front_matter(path):
    """(meta dict, {key: line number}) of a Markdown file's YAML front matter."""
    text = Path(path).read_text(encoding="utf-8")
    meta, _, end = split_front_matter(text, path)
    lines = {}
    for number, line in enumerate(text.split("\n")[1:max(end - 1, 1)], 2):
        lines.setdefault(line.split(":", 1)[0].strip(), number)
    return meta, lines


def flyer_topics(source_dir=DOCS / SOURCE_LOCALE, order=()):
    """Every source page with a `flyer:` list, in `order` (page file names), then by name."""
    topics = []
    for path in sorted(Path(source_dir).glob("*.md")):
        meta, lines = front_matter(path)
        if "flyer" not in meta:
            continue
        sections = meta["flyer"]
        where = _display_path(path)
        if not isinstance(sections, list) or not sections or not all(isinstance(s, str) and s for s in sections):
            raise SourceError(where, lines.get("flyer"), "'flyer' must be a list of section IDs, e.g. [before, after]")
        slug = "" if path.stem == "index" else path.stem
        topics.append(Topic(slug, where, tuple(sections), lines.get("flyer")))
    rank = {name: number for number, name in enumerate(order)}
    return sorted(topics, key=lambda topic: (rank.get(f"{topic.slug}.md", len(rank)), topic.slug))


def _display_path(path):
    path = Path(path)
    try:
        return str(path.relative_to(DOCS.parent))
    except ValueError:
        return str(path)


def nav_files(nav):
    """Page file names in a config `nav:` (nested sections included)."""
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            yield from nav_files(value)
        elif isinstance(value, str):
            yield value


# --- URLs (site-relative, as MkDocs' page.url: 'bg/covid-19/') ---

def topic_url(locale, slug):
    return locale_prefix(locale) + (f"{slug}/" if slug else "")


def flyer_url(locale, slug):
    return f"{locale_prefix(locale)}{FLYER_DIR}/{slug}/"


def pdf_url(locale, slug):
    return f"{locale_prefix(locale)}{FLYER_DIR}/{slug}.pdf"


def overview_url(locale):
    return f"{locale_prefix(locale)}{FLYER_DIR}/"


def relative_url(target, from_url):
    """Relative link from the page at site path `from_url` to site path `target`."""
    from_dir = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    rel = posixpath.relpath("/" + target, "/" + from_dir)
    if (target.endswith("/") or not target) and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel


def absolute_url(site_url, path):
    return site_url.rstrip("/") + "/" + path


def short_url(url):
    """The URL as people type it: no scheme."""
    return re.sub(r"^[a-z]+://", "", url)


def locale_of(page_url):
    """Locale of a site path ('bg/covid-19/' -> 'bg', 'covid-19/' -> 'nb')."""
    first = page_url.split("/", 1)[0]
    return first if first in LOCALES and first != SOURCE_LOCALE else SOURCE_LOCALE


def topic_of(page_url, topics):
    """The Topic whose page is at this site path, or None."""
    locale = locale_of(page_url)
    for topic in topics:
        if topic_url(locale, topic.slug) == page_url:
            return topic
    return None


# --- content ---

def qr_svg(url, title=""):
    """Inline SVG QR code for url: error correction M or better, 4-module quiet zone."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, dark="#000", light="#fff", omitsize=True,
                          svgclass="site-flyer__qr-code", title=title or None)
    return svg.replace("<svg ", '<svg role="img" ', 1) if title else svg.replace("<svg ", '<svg aria-hidden="true" ', 1)


def _rebase(soup, from_url, to_url):
    """Keep links working when HTML moves from page `from_url` to page `to_url`."""
    for tag, attr in (("a", "href"), ("img", "src")):
        for node in soup.find_all(tag, attrs={attr: True}):
            value = node[attr]
            if urlsplit(value).scheme or value.startswith("//"):
                continue
            target = urljoin("/" + from_url, value).lstrip("/")
            fragment = ""
            if "#" in target:
                target, fragment = target.split("#", 1)
                fragment = "#" + fragment
            node[attr] = relative_url(target, to_url) + fragment


def flyer_sections(html, topic, from_url, to_url, src_path=None, dropped=()):
    """The HTML of each flyer section of a built page, `<h2>` included, in flyer order.

    A listed ID that is not an `<h2>` on the page fails with the file and line,
    unless the build dropped that section for empty data (`dropped`, see
    scripts/sitelib/data_sections.py). Parts for the screen only
    (<!-- site:interactive -->) are left out.
    """
    soup = BeautifulSoup(without_interactive(html), "html.parser")
    sections = []
    for section_id in topic.sections:
        heading = soup.find("h2", id=section_id)
        if heading is None and section_id in dropped:
            continue
        if heading is None:
            found = ", ".join(h2.get("id", "?") for h2 in soup.find_all("h2"))
            where, line = (src_path, None) if src_path and src_path != topic.source else (topic.source, topic.line)
            raise SourceError(where, line, f"flyer section '#{section_id}' is not a '## … {{ #{section_id} }}' heading on the page (found: {found})")
        part = BeautifulSoup("", "html.parser")
        node = heading
        while node is not None:
            following = node.next_sibling
            if node is not heading and getattr(node, "name", None) in ("h1", "h2"):
                break
            part.append(node.extract())
            node = following
        _rebase(part, from_url, to_url)
        sections.append({"id": section_id, "html": str(part).strip()})
    return sections


def lead(html, from_url, to_url):
    """The page's opening paragraphs (between the title and the first section), as HTML."""
    soup = BeautifulSoup(html, "html.parser")
    part = BeautifulSoup("", "html.parser")
    for node in list(soup.children):
        name = getattr(node, "name", None)
        if name == "h2":
            break
        if name == "p":
            part.append(node.extract())
    _rebase(part, from_url, to_url)
    return str(part).strip()


def wrap_url(text):
    """HTML for a URL that may break after a slash, and nowhere else (not at 'covid-')."""
    from markupsafe import escape
    parts = [part for part in re.findall(r"[^/]*/?", text) if part]
    return "<wbr>".join(f'<span class="site-flyer__nowrap">{escape(part)}</span>' for part in parts)


def flyer_context(page_html, topic, *, locale, file_locale, title, site_url, pdfs, src_path=None, dropped=()):
    """Everything overrides/flyer.html needs for one flyer."""
    here = flyer_url(locale, topic.slug)
    page = topic_url(locale, topic.slug)
    full_url = absolute_url(site_url, page)
    return {
        "locale": locale,
        "file_locale": file_locale,
        "is_fallback": file_locale != locale,
        "title": title,
        "lead": lead(page_html, page, here),
        "sections": flyer_sections(page_html, topic, page, here, src_path, dropped),
        "page_url": full_url,
        "short_url": wrap_url(short_url(full_url)),
        "qr_svg": qr_svg(full_url, title=full_url),
        "page_link": relative_url(page, here),
        "pdf_link": relative_url(pdf_url(locale, topic.slug), here) if pdfs else None,
        "pdf_name": pdf_download_name(locale, topic.slug),
        "root": relative_url("", here),
        "slug": topic.slug,
        "section_count": len(topic.sections),
    }


def pdf_download_name(locale, slug):
    return f"flyer-{slug}-{locale}.pdf"


class FlyerIndex:
    """Template helper (global `site_flyers`) for one locale's build."""

    def __init__(self, locale, topics, pdfs, files=None):
        self.locale, self.topics, self.pdfs, self.files = locale, topics, bool(pdfs), files

    def _title(self, locale, topic):
        wanted = topic_url(locale, topic.slug)
        for file in (self.files.documentation_pages() if self.files else []):
            page = getattr(file, "page", None)
            if page is not None and page.url == wanted and page.title:
                return page.title
        return topic.slug

    def for_page(self, page):
        """Links from a topic page to its flyer and PDF, or None for other pages."""
        topic = topic_of(page.url, self.topics)
        if topic is None:
            return None
        return {
            "flyer": relative_url(flyer_url(self.locale, topic.slug), page.url),
            "pdf": relative_url(pdf_url(self.locale, topic.slug), page.url) if self.pdfs else None,
            "pdf_name": pdf_download_name(self.locale, topic.slug),
        }

    def overview(self, page):
        return relative_url(overview_url(self.locale), page.url)

    def table(self, page):
        """Topic x language: every flyer, with links relative to `page`."""
        topics = [{"slug": topic.slug, "title": self._title(self.locale, topic)} for topic in self.topics]
        rows = []
        for locale in LOCALES:
            cells = []
            for topic in self.topics:
                cells.append({
                    "flyer": relative_url(flyer_url(locale, topic.slug), page.url),
                    "pdf": relative_url(pdf_url(locale, topic.slug), page.url) if self.pdfs else None,
                    "pdf_name": pdf_download_name(locale, topic.slug),
                })
            rows.append({"locale": locale, "name": NATIVE_NAMES[locale], "cells": cells})
        return {"topics": topics, "rows": rows, "pdfs": self.pdfs}


def truthy(value):
    """extra.flyer_pdfs from `!ENV [FLYER_PDFS, false]`: '1', 'true', 'yes' are on."""
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)
