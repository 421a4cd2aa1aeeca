"""Embeddable pages: each page and each of its ## sections, and the embed URLs.

Each content page has an embed view at <page>/embed/ (the whole page) and one
per ## section at <page>/embed/<section id>/. Section ids are the explicit
`{ #id }` of the ## headings, the same in every language, so a partner's
snippet keeps working when they switch language.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .html_fragments import Section, absolutize_links, plain_text, split_sections  # noqa: F401 (the feed uses them)
from .locales import LOCALES, NATIVE_NAMES, locale_prefix

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

# {locale: (page title, {section id: heading})}: a page's names in every language (partner_content.page_names)
PageNames = Mapping[str, tuple[str, Mapping[str, str]]]

EMBED_DIR = "embed"
HOST_SCRIPT = "assets/embed-host.js"    # stable URL: partners link to it
FRAME_SCRIPT = "assets/embed-frame.js"  # loaded by the embed views themselves

# Our own markers and tags (not Material's), matched exactly.
INTERACTIVE = re.compile(r"<!-- site:interactive -->.*?<!-- /site:interactive -->\s*", re.S)
COMPONENT_ASSET_TAG = re.compile(r'<link rel="stylesheet" href="[^"]*assets/components/[^"]*">'
                                 r'|<script src="[^"]*assets/components/[^"]*" defer></script>')


def without_interactive(content: str) -> str:
    """Drop what only works on our own pages (marked <!-- site:interactive -->…
    <!-- /site:interactive -->, e.g. the embed builder), and the page-only
    component CSS/JS tags, from embeds and the feed."""
    return COMPONENT_ASSET_TAG.sub("", INTERACTIVE.sub("", content))


def page_path(page_url: str, locale: str) -> str:
    """A page's path inside its locale: 'ro/covid-19/' -> 'covid-19/', 'ro/' -> ''."""
    prefix = locale_prefix(locale)
    if prefix and page_url.startswith(prefix):
        return page_url[len(prefix):]
    return "" if page_url in ("", ".", "./") else page_url


def page_id(page_path_: str) -> str:
    """Stable id of a page, the same in every locale: '' -> 'index', 'covid-19/' -> 'covid-19'."""
    return page_path_.strip("/") or "index"


def embed_url(locale: str, path: str, section: str | None = None) -> str:
    """Site-relative URL of an embed view, e.g. ('ro', 'covid-19/', 'vaccination')
    -> 'ro/covid-19/embed/vaccination/'."""
    url = f"{locale_prefix(locale)}{path}{EMBED_DIR}/"
    return f"{url}{section}/" if section else url


def absolute(site_url: str, relative: str) -> str:
    return site_url.rstrip("/") + "/" + relative.lstrip("/")


def catalog(pages: Iterable[Page], locale: str, sections_of: Callable[[Page], Collection[str]],
            titles_of: Callable[[Page], PageNames] | None = None) -> list[dict[str, Any]]:
    """What the embed builder offers: every reader page of one locale with the
    sections partners may use (`sections_of(page)` -> ids, see partner_content.py).

    `pages` are MkDocs Page objects (menu order) whose content is rendered;
    `titles_of(page)` -> {locale: (page title, {section id: heading})} gives the
    names in every language, for the iframe's title.
    """
    entries: list[dict[str, Any]] = []
    for page in pages:
        path = page_path(page.url, locale)
        offered = sections_of(page)
        _, sections = split_sections(page.content or "")
        titles = titles_of(page) if titles_of else {}
        entries.append({
            "id": page_id(path),
            "path": path,
            "title": plain_text(str(page.title or "")),
            "titles": {code: names[0] for code, names in titles.items()},
            "sections": [{"id": section.id, "heading": section.heading,
                          "headings": {code: names[1].get(section.id, section.heading) for code, names in titles.items()}}
                         for section in sections if section.id in offered],
        })
    return entries


def locales_for_builder() -> list[dict[str, str]]:
    """[{code, name, prefix}] in menu order: the builder's language choice."""
    return [{"code": code, "name": NATIVE_NAMES[code], "prefix": locale_prefix(code)} for code in LOCALES]


def snippet_title(page_title: str, section_heading: str | None = None) -> str:
    """The iframe's title: 'Vaksine — Covid-19 og smittevern' or the page title."""
    return f"{section_heading} — {page_title}" if section_heading else page_title


# The optional exit link above an embed (an embed view has no exit bar of its own):
# a plain link to the neutral site that leaves no history entry where scripts may run.
EXIT_LINK_STYLE = ("display:inline-block;padding:12px 16px;border-radius:4px;background:#b01c0e;"
                   "color:#fff;font-weight:bold;text-decoration:none")


def exit_link(url: str, label: str, lang: str) -> str:
    """The partner's "Leave this page quickly" link, in the embed's language."""
    return (
        f'<p><a href="{html.escape(url, quote=True)}" lang="{html.escape(lang, quote=True)}" rel="noreferrer" '
        f'onclick="location.replace(this.href);return false" style="{EXIT_LINK_STYLE}">{html.escape(label)}</a></p>\n'
    )


def snippet(src: str, title: str, host_script_url: str, lang: str, height: int = 600, exit_html: str = "") -> str:
    """The code a partner pastes: the exit link if chosen (exit_link()), the iframe
    (its title in the embed's language, `lang` saying which), then the resize script.

    embed-builder.js builds the same text in the browser; a test checks they agree.
    """
    return exit_html + (
        f'<iframe src="{html.escape(src, quote=True)}" title="{html.escape(title, quote=True)}" '
        f'lang="{html.escape(lang, quote=True)}" loading="lazy" style="width:100%;height:{height}px;border:0"></iframe>\n'
        f'<script src="{html.escape(host_script_url, quote=True)}" async></script>'
    )


def builder_data(pages: Iterable[Page], locale: str, site_url: str, sections_of: Callable[[Page], Collection[str]],
                 titles_of: Callable[[Page], PageNames] | None = None, default_page: str = "covid-19",
                 quick_exit: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Everything the embed builder needs, as one JSON-ready dict.

    `default` is the choice shown before the partner picks anything (and the
    ready-made example without JavaScript): the whole default page in `locale`,
    with the exit link (on unless the partner unticks it).
    quick_exit: {"url": neutral site, "labels": {locale: "Leave this page quickly"}}.
    """
    entries = catalog(pages, locale, sections_of, titles_of)
    default = next((entry for entry in entries if entry["id"] == default_page), entries[0] if entries else None)
    data: dict[str, Any] = {
        "site_url": site_url.rstrip("/") + "/",
        "host_script": absolute(site_url, HOST_SCRIPT),
        "locale": locale,
        "locales": locales_for_builder(),
        "pages": entries,
        "default_page": default["id"] if default else None,
        "exit": dict(quick_exit, style=EXIT_LINK_STYLE) if quick_exit else None,
    }
    if default:
        src = absolute(site_url, embed_url(locale, default["path"]))
        data["example_src"] = src
        data["preview_src"] = urlsplit(src).path  # the preview loads from the site's own origin
        exit_html = exit_link(quick_exit["url"], quick_exit["labels"][locale], locale) if quick_exit else ""
        data["example"] = snippet(src, snippet_title(default["title"]), data["host_script"], locale, exit_html=exit_html)
    return data
