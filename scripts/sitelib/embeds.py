"""Embeddable pages: split a page into its ## sections, and name the embed URLs.

Each content page has an embed view at <page>/embed/ (the whole page) and one
per ## section at <page>/embed/<section id>/. Section ids are the explicit
`{ #id }` of the ## headings, the same in every language, so a partner's
snippet keeps working when they switch language.
"""
import html
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from .locales import LOCALES, NATIVE_NAMES, locale_prefix

EMBED_DIR = "embed"
HOST_SCRIPT = "assets/embed-host.js"    # stable URL: partners link to it
FRAME_SCRIPT = "assets/embed-frame.js"  # loaded by the embed views themselves

# A level-2 heading as Python-Markdown writes it: <h2 id="vaccination">Vaksine</h2>
H2 = re.compile(r'<h2\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</h2>', re.S)
TAG = re.compile(r"<[^>]+>")


@dataclass
class Section:
    id: str
    heading: str        # plain text
    heading_html: str   # the whole <h2 …>…</h2>
    body_html: str      # what follows the heading, up to the next <h2>

    @property
    def html(self):
        return self.heading_html + self.body_html


def plain_text(fragment):
    """Text of an HTML fragment, tags dropped and entities decoded."""
    return " ".join(html.unescape(TAG.sub("", fragment)).split())


def split_sections(content):
    """Split page HTML at its <h2 id> headings: (intro HTML, [Section, …])."""
    matches = list(H2.finditer(content))
    if not matches:
        return content, []
    intro = content[:matches[0].start()]
    sections = []
    for match, following in zip(matches, matches[1:] + [None]):
        end = following.start() if following else len(content)
        sections.append(Section(
            id=match.group(1),
            heading=plain_text(match.group(2)),
            heading_html=match.group(0),
            body_html=content[match.end():end],
        ))
    return intro, sections


INTERACTIVE = re.compile(r"<!-- site:interactive -->.*?<!-- /site:interactive -->\s*", re.S)


COMPONENT_ASSET_TAG = re.compile(r'<link rel="stylesheet" href="[^"]*assets/components/[^"]*">'
                                 r'|<script src="[^"]*assets/components/[^"]*" defer></script>')


def without_interactive(content):
    """Drop what only works on our own pages (marked <!-- site:interactive -->…
    <!-- /site:interactive -->, e.g. the embed builder), and the page-only
    component CSS/JS tags, from embeds and the feed."""
    return COMPONENT_ASSET_TAG.sub("", INTERACTIVE.sub("", content))


INLINE_SCRIPT = re.compile(r"<script>.*?</script>\s*", re.S)


def without_inline_scripts(page_html):
    """Drop attribute-less inline <script>s (Material's localStorage and tab helpers,
    useless without its bundle.js), so an embed view runs only script files and a
    strict Content-Security-Policy needs no hashes for it."""
    return INLINE_SCRIPT.sub("", page_html)


MAIN_TAG = '<main class="md-main" data-md-component="main">'


def label_main(page_html, label):
    """Name the embed view's <main>: inside a partner's page, which has its own
    <main>, an unnamed one is a duplicate landmark for screen readers."""
    return page_html.replace(MAIN_TAG, MAIN_TAG[:-1] + f' aria-label="{html.escape(label)}">', 1)


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


URL_ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')


def absolutize_links(fragment, base_url):
    """Make every href/src in an HTML fragment absolute, resolved against base_url."""
    def replace(match):
        value = html.unescape(match.group(2))
        return f'{match.group(1)}="{html.escape(urljoin(base_url, value), quote=True)}"'
    return URL_ATTRIBUTE.sub(replace, fragment)


def catalog(pages, locale, sections_of, titles_of=None):
    """What the embed builder offers: every reader page of one locale with the
    sections partners may use (`sections_of(page)` -> ids, see partner_content.py).

    `pages` are MkDocs Page objects (menu order) whose content is rendered;
    `titles_of(page)` -> {locale: (page title, {section id: heading})} gives the
    names in every language, for the iframe's title.
    """
    entries = []
    for page in pages:
        path = page_path(page.url, locale)
        offered = sections_of(page)
        _, sections = split_sections(page.content or "")
        titles = titles_of(page) if titles_of else {}
        title = plain_text(str(page.title or ""))
        entries.append({
            "id": page_id(path),
            "path": path,
            "title": title,
            "titles": {code: names[0] for code, names in titles.items()},
            "sections": [{"id": section.id, "heading": section.heading,
                          "headings": {code: names[1].get(section.id, section.heading) for code, names in titles.items()}}
                         for section in sections if section.id in offered],
        })
    return entries


def locales_for_builder():
    """[{code, name, prefix}] in menu order: the builder's language choice."""
    return [{"code": code, "name": NATIVE_NAMES[code], "prefix": locale_prefix(code)} for code in LOCALES]


def snippet_title(page_title, section_heading=None):
    """The iframe's title: 'Vaksine — Covid-19 og smittevern' or the page title."""
    return f"{section_heading} — {page_title}" if section_heading else page_title


def snippet(src, title, host_script_url, lang, height=600):
    """The code a partner pastes: the iframe (its title in the embed's language,
    `lang` saying which), then the resize script.

    embed-builder.js builds the same text in the browser; a test checks they agree.
    """
    return (
        f'<iframe src="{html.escape(src, quote=True)}" title="{html.escape(title, quote=True)}" '
        f'lang="{html.escape(lang, quote=True)}" loading="lazy" style="width:100%;height:{height}px;border:0"></iframe>\n'
        f'<script src="{html.escape(host_script_url, quote=True)}" async></script>'
    )


def builder_data(pages, locale, site_url, sections_of, titles_of=None, default_page="covid-19"):
    """Everything the embed builder needs, as one JSON-ready dict.

    `default` is the choice shown before the partner picks anything (and the
    ready-made example without JavaScript): the whole default page in `locale`.
    """
    entries = catalog(pages, locale, sections_of, titles_of)
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
        data["example"] = snippet(src, snippet_title(default["title"]), data["host_script"], locale)
    return data
