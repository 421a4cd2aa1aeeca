"""Embeddable pages: each page and each of its ## sections, and the embed URLs.

Each content page has an embed view at <page>/embed/ (the whole page) and one
per ## section at <page>/embed/<section id>/. Section ids are the explicit
`{ #id }` of the ## headings, the same in every language, so a partner's
snippet keeps working when they switch language.
"""
import html
import re
from urllib.parse import urlsplit

from .html_fragments import Section, absolutize_links, plain_text, split_sections  # noqa: F401 (the feed uses them)
from .locales import LOCALES, NATIVE_NAMES, locale_prefix

EMBED_DIR = "embed"
HOST_SCRIPT = "assets/embed-host.js"    # stable URL: partners link to it
FRAME_SCRIPT = "assets/embed-frame.js"  # loaded by the embed views themselves

# Our own markers and tags (not Material's), matched exactly.
INTERACTIVE = re.compile(r"<!-- site:interactive -->.*?<!-- /site:interactive -->\s*", re.S)
COMPONENT_ASSET_TAG = re.compile(r'<link rel="stylesheet" href="[^"]*assets/components/[^"]*">'
                                 r'|<script src="[^"]*assets/components/[^"]*" defer></script>')


def without_interactive(content):
    """Drop what only works on our own pages (marked <!-- site:interactive -->…
    <!-- /site:interactive -->, e.g. the embed builder), and the page-only
    component CSS/JS tags, from embeds and the feed."""
    return COMPONENT_ASSET_TAG.sub("", INTERACTIVE.sub("", content))


def page_path(page_url, locale):
    """A page's path inside its locale: 'ro/covid-19/' -> 'covid-19/', 'ro/' -> ''."""
    prefix = locale_prefix(locale)
    if prefix and page_url.startswith(prefix):
        return page_url[len(prefix):]
    return "" if page_url in ("", ".", "./") else page_url


def page_id(page_path_):
    """Stable id of a page, the same in every locale: '' -> 'index', 'covid-19/' -> 'covid-19'."""
    return page_path_.strip("/") or "index"


def embed_url(locale, path, section=None):
    """Site-relative URL of an embed view, e.g. ('ro', 'covid-19/', 'vaccination')
    -> 'ro/covid-19/embed/vaccination/'."""
    url = f"{locale_prefix(locale)}{path}{EMBED_DIR}/"
    return f"{url}{section}/" if section else url


def absolute(site_url, relative):
    return site_url.rstrip("/") + "/" + relative.lstrip("/")


def catalog(pages, locale):
    """What the embed builder offers: every page of one locale with its sections.

    `pages` are MkDocs Page objects (nav order) whose content is rendered.
    """
    entries = []
    for page in pages:
        path = page_path(page.url, locale)
        _, sections = split_sections(page.content or "")
        entries.append({
            "id": page_id(path),
            "path": path,
            "title": plain_text(str(page.title or "")),
            "sections": [{"id": section.id, "heading": section.heading} for section in sections],
        })
    return entries


def locales_for_builder():
    """[{code, name, prefix}] in menu order: the builder's language choice."""
    return [{"code": code, "name": NATIVE_NAMES[code], "prefix": locale_prefix(code)} for code in LOCALES]


def snippet_title(page_title, section_heading=None):
    """The iframe's title: 'Vaksine — Covid-19 og smittevern' or the page title."""
    return f"{section_heading} — {page_title}" if section_heading else page_title


def snippet(src, title, host_script_url, height=600):
    """The code a partner pastes: the iframe, then the resize script.

    embed-builder.js builds the same text in the browser; a test checks they agree.
    """
    return (
        f'<iframe src="{html.escape(src, quote=True)}" title="{html.escape(title, quote=True)}" '
        f'loading="lazy" style="width:100%;height:{height}px;border:0"></iframe>\n'
        f'<script src="{html.escape(host_script_url, quote=True)}" async></script>'
    )


def builder_data(pages, locale, site_url, default_page="covid-19"):
    """Everything the embed builder needs, as one JSON-ready dict.

    `default` is the choice shown before the partner picks anything (and the
    ready-made example without JavaScript): the whole default page in `locale`.
    """
    entries = catalog(pages, locale)
    default = next((entry for entry in entries if entry["id"] == default_page), entries[0] if entries else None)
    data = {
        "site_url": site_url.rstrip("/") + "/",
        "host_script": absolute(site_url, HOST_SCRIPT),
        "locale": locale,
        "locales": locales_for_builder(),
        "pages": entries,
        "default_page": default["id"] if default else None,
    }
    if default:
        src = absolute(site_url, embed_url(locale, default["path"]))
        data["example_src"] = src
        data["preview_src"] = urlsplit(src).path  # the preview loads from the site's own origin
        data["example"] = snippet(src, snippet_title(default["title"]), data["host_script"])
    return data
