"""The print kit for outreach staff: what it holds, where each piece lives, and the overview.

- A flyer per topic page and locale. A topic page opts in with front matter in its
  Norwegian source (translations copy it):
      flyer: [during, no-sharing, after]          # ## sections printed in full
      flyer_key_messages: [before 1, if-sick 1]   # list item 1 of #before, … in large type
  The text comes from the page as built in each locale (scripts/sitelib/flyer_content.py).
- Pocket cards (85 × 55 mm, 10 to an A4 sheet) per locale, and one sheet with every language.
- A language poster (A4 and A3) with one QR code per language.
- PDFs of all of these, a print pack per topic (every language in one PDF) and a ZIP of
  all PDFs: `make flyers` (scripts/render_print_kit.py) renders them into the built site.

Site paths (as MkDocs' page.url, no leading slash), nb without a locale prefix:
  <locale>/flyers/<topic>/           the flyer page      <locale>/flyers/<topic>.pdf
  <locale>/flyers/pocket-cards/      cards, one language  <locale>/flyers/pocket-cards.pdf
  flyers/pocket-cards-all-languages/ cards, every language (and .pdf)
  flyers/language-poster-a4/, …-a3/  the poster (and .pdf)
  flyers/print-pack-<topic>.pdf      every language of one topic
  flyers/print-kit.zip               every PDF
"""
from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import segno

from .fingerprint import content_hash
from .locales import DOCS, LOCALES, NATIVE_NAMES, SOURCE_LOCALE, english_name, locale_prefix
from .markdown_source import read_text, split_front_matter
from .source_errors import SourceError

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

FLYER_DIR = "flyers"
CARDS = "pocket-cards"
MIXED_CARDS = "pocket-cards-all-languages"
POSTER_SIZES = ("a4", "a3")
CARDS_PER_SHEET = 10
ZIP_NAME = "print-kit.zip"
HELP_TOPIC = "help"          # the page a pocket card's QR code opens
MAX_KEY_MESSAGES = 5
KEY_MESSAGE = re.compile(r"^\s*(?P<section>[a-z0-9][a-z0-9_-]*)\s+(?P<item>[1-9][0-9]?)\s*$")


@dataclass(frozen=True)
class KeyMessage:
    section: str     # '#before'
    item: int        # 1-based number of the list item in that section


@dataclass(frozen=True)
class Topic:
    slug: str               # 'covid-19': the page's URL path in every locale
    source: str             # 'docs/nb/covid-19.md'
    sections: tuple[str, ...]  # section ids printed in full, in flyer order
    key_messages: tuple[KeyMessage, ...]  # in flyer order
    line: int | None        # line of `flyer:` in the source, for error messages
    key_line: int | None = None  # line of `flyer_key_messages:`


def front_matter(path: str | Path) -> tuple[dict[str, Any], dict[str, int]]:
    """(meta dict, {key: line number}) of a Markdown file's YAML front matter."""
    text = read_text(path)
    meta, _, end = split_front_matter(text, path)
    lines: dict[str, int] = {}
    for number, line in enumerate(text.split("\n")[1:max(end - 1, 1)], 2):
        lines.setdefault(line.split(":", 1)[0].strip(), number)
    return meta, lines


def parse_key_messages(value: object, where: str | Path, line: int | None) -> tuple[KeyMessage, ...]:
    """`[before 1, if-sick 1]` -> (KeyMessage('before', 1), …); a bad entry names file and line."""
    if value is None:
        return ()
    if not isinstance(value, list) or not value:
        raise SourceError(where, line, "'flyer_key_messages' must be a list like [before 1, if-sick 2]: "
                                       "a section id and the number of a list item in it")
    if len(value) > MAX_KEY_MESSAGES:
        raise SourceError(where, line, f"'flyer_key_messages' has {len(value)} entries; a flyer shows at most "
                                       f"{MAX_KEY_MESSAGES}, so the key messages stay large")
    messages = []
    for entry in value:
        match = KEY_MESSAGE.match(str(entry))
        if not match:
            raise SourceError(where, line, f"'flyer_key_messages' entry '{entry}' is not a section id and an "
                                           "item number, like 'before 1'")
        messages.append(KeyMessage(match["section"], int(match["item"])))
    return tuple(messages)


def flyer_topics(source_dir: str | Path = DOCS / SOURCE_LOCALE, order: Iterable[str] = ()) -> list[Topic]:
    """Every source page with a `flyer:` list, in `order` (page file names), then by name."""
    topics: list[Topic] = []
    for path in sorted(Path(source_dir).glob("*.md")):
        meta, lines = front_matter(path)
        if "flyer" not in meta:
            continue
        sections = meta["flyer"]
        where = _display_path(path)
        if not isinstance(sections, list) or not all(isinstance(s, str) and s for s in sections):
            raise SourceError(where, lines.get("flyer"), "'flyer' must be a list of section IDs, e.g. [before, after]")
        key_messages = parse_key_messages(meta.get("flyer_key_messages"), where, lines.get("flyer_key_messages"))
        if not sections and not key_messages:
            raise SourceError(where, lines.get("flyer"), "'flyer' lists no section and the page has no 'flyer_key_messages'")
        slug = "" if path.stem == "index" else path.stem
        topics.append(Topic(slug, where, tuple(sections), key_messages, lines.get("flyer"), lines.get("flyer_key_messages")))
    rank = {name: number for number, name in enumerate(order)}
    return sorted(topics, key=lambda topic: (rank.get(f"{topic.slug}.md", len(rank)), topic.slug))


def _display_path(path: str | Path) -> str:
    path = Path(path)
    try:
        return str(path.relative_to(DOCS.parent))
    except ValueError:
        return str(path)


# --- URLs (site-relative, as MkDocs' page.url: 'bg/covid-19/') ---

def topic_url(locale: str, slug: str) -> str:
    return locale_prefix(locale) + (f"{slug}/" if slug else "")


def flyer_url(locale: str, slug: str) -> str:
    return f"{locale_prefix(locale)}{FLYER_DIR}/{slug}/"


def pdf_url(locale: str, slug: str) -> str:
    return f"{locale_prefix(locale)}{FLYER_DIR}/{slug}.pdf"


def overview_url(locale: str) -> str:
    return f"{locale_prefix(locale)}{FLYER_DIR}/"


def cards_url(locale: str | None = None) -> str:
    """One locale's card sheet, or (locale None) the sheet with every language."""
    return f"{FLYER_DIR}/{MIXED_CARDS}/" if locale is None else f"{locale_prefix(locale)}{FLYER_DIR}/{CARDS}/"


def poster_url(size: str) -> str:
    return f"{FLYER_DIR}/language-poster-{size}/"


def pack_url(slug: str) -> str:
    return f"{FLYER_DIR}/print-pack-{slug}.pdf"


def zip_url() -> str:
    return f"{FLYER_DIR}/{ZIP_NAME}"


def page_pdf_url(page_url: str) -> str:
    """The PDF of a print page: 'bg/flyers/help/' -> 'bg/flyers/help.pdf'."""
    return page_url.rstrip("/") + ".pdf"


def relative_url(target: str, from_url: str) -> str:
    """Relative link from the page at site path `from_url` to site path `target`."""
    from_dir = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    rel = posixpath.relpath("/" + target, "/" + from_dir)
    if (target.endswith("/") or not target) and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel


def absolute_url(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path


def short_url(url: str) -> str:
    """The URL as people type it: no scheme."""
    return re.sub(r"^[a-z]+://", "", url)


def locale_of(page_url: str) -> str:
    """Locale of a site path ('bg/covid-19/' -> 'bg', 'covid-19/' -> 'nb')."""
    first = page_url.split("/", 1)[0]
    return first if first in LOCALES and first != SOURCE_LOCALE else SOURCE_LOCALE


def topic_of(page_url: str, topics: Iterable[Topic]) -> Topic | None:
    """The Topic whose page is at this site path, or None."""
    locale = locale_of(page_url)
    for topic in topics:
        if topic_url(locale, topic.slug) == page_url:
            return topic
    return None


def language_label(locale: str) -> str:
    """'Bulgarian · Български'; a language whose English name is its own name once."""
    english, native = english_name(locale), NATIVE_NAMES[locale]
    return native if english.casefold() == native.casefold() else f"{english} · {native}"


def pdf_download_name(locale: str, slug: str) -> str:
    return f"flyer-{slug}-{locale}.pdf"


# --- what is printed ---

# The same address is on a locale's flyer, card and poster, and on every pocket-card sheet.
@functools.lru_cache(maxsize=512)
def qr_svg(url: str, title: str = "", css_class: str = "print-qr") -> str:
    """Inline SVG QR code for url: error correction M, 4-module quiet zone."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, dark="#000", light="#fff", omitsize=True,
                          svgclass=css_class, title=title or None)
    return svg.replace("<svg ", '<svg role="img" ', 1) if title else svg.replace("<svg ", '<svg aria-hidden="true" ', 1)


def version_code(*parts: object) -> str:
    """Six hex characters that change whenever the printed text changes."""
    return content_hash("\x1f".join(str(part) for part in parts), length=6)


def mixed_card_locales(locales: Sequence[str] = LOCALES, per_sheet: int = CARDS_PER_SHEET) -> list[str]:
    """Every language once, then again from the top until the last sheet is full."""
    count = -(-len(locales) // per_sheet) * per_sheet
    return [locales[number % len(locales)] for number in range(count)]


class PrintKitIndex:
    """Template helper (global `site_flyers`) for one locale's build: links to every
    piece of the print kit, relative to the page that shows them."""

    def __init__(self, locale: str, topics: Sequence[Topic], pdfs: object, files: Files | None = None) -> None:
        self.locale, self.topics, self.pdfs, self.files = locale, topics, bool(pdfs), files

    def _title(self, locale: str, topic: Topic) -> str:
        wanted = topic_url(locale, topic.slug)
        for file in (self.files.documentation_pages() if self.files else []):
            page = getattr(file, "page", None)
            if page is not None and page.url == wanted and page.title:
                return page.title
        return topic.slug

    def _link(self, target: str, page_url: str, pdf_name: str | None = None,
              hreflang: str | None = None) -> dict[str, str | None]:
        """A print page: its link (carrying ?from=<this locale> for the toolbar), and its PDF."""
        return {
            "href": relative_url(target, page_url) + f"?from={self.locale}",
            "pdf": relative_url(page_pdf_url(target), page_url) if self.pdfs else None,
            "pdf_name": pdf_name or posixpath.basename(page_pdf_url(target)),
            "hreflang": hreflang,
        }

    def for_page(self, page: Page) -> dict[str, str | None] | None:
        """Links from a topic page to its flyer and PDF, or None for other pages."""
        topic = topic_of(page.url, self.topics)
        if topic is None:
            return None
        return {
            "flyer": relative_url(flyer_url(self.locale, topic.slug), page.url),
            "pdf": relative_url(pdf_url(self.locale, topic.slug), page.url) if self.pdfs else None,
            "pdf_name": pdf_download_name(self.locale, topic.slug),
        }

    def overview(self, page: Page) -> str:
        return relative_url(overview_url(self.locale), page.url)

    def languages(self, page: Page) -> list[dict[str, Any]]:
        """One card per language: its names, every topic's flyer and its pocket cards."""
        titles = {topic.slug: self._title(self.locale, topic) for topic in self.topics}
        cards: list[dict[str, Any]] = []
        for locale in LOCALES:
            cards.append({
                "locale": locale,
                "label": language_label(locale),
                "native": NATIVE_NAMES[locale],
                "flyers": [dict(self._link(flyer_url(locale, t.slug), page.url, pdf_download_name(locale, t.slug), locale),
                                title=titles[t.slug]) for t in self.topics],
                "cards": self._link(cards_url(locale), page.url, f"pocket-cards-{locale}.pdf", locale),
            })
        return cards

    def all_languages(self, page: Page) -> dict[str, Any]:
        """The pieces with every language: poster, mixed cards, print packs and the ZIP."""
        return {
            "posters": [dict(self._link(poster_url(size), page.url, f"language-poster-{size}.pdf"), size=size.upper())
                        for size in POSTER_SIZES],
            "cards": self._link(cards_url(None), page.url),
            "packs": [{"title": self._title(self.locale, t), "pdf": relative_url(pack_url(t.slug), page.url),
                       "pdf_name": posixpath.basename(pack_url(t.slug))} for t in self.topics] if self.pdfs else [],
            "zip": relative_url(zip_url(), page.url) if self.pdfs else None,
            "pdfs": self.pdfs,
        }


def truthy(value: object) -> bool:
    """A print-kit option from `!ENV [FLYER_PDFS, false]`: '1', 'true', 'yes' are on."""
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)
