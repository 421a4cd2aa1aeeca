"""Take a rendered page apart and move its pieces elsewhere: the one section splitter
(on Python's HTML parser, which reports where each tag starts) and the one link
rewriter (on BeautifulSoup).

Embed views, the feed and flyers all cut a page at its `## … { #id }` headings
(top-level <h2 id>) and carry the pieces to other URLs.
"""
import functools
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import overload
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag

from .typography import VOID

URL_ATTRIBUTES = ("href", "src")


@dataclass
class Section:
    id: str
    heading: str        # plain text
    heading_html: str   # the whole <h2 …>…</h2>
    body_html: str      # what follows the heading, up to the next <h2>

    @property
    def html(self) -> str:
        return self.heading_html + self.body_html


def parse(fragment: str) -> BeautifulSoup:
    return BeautifulSoup(fragment, "html.parser")


def plain_text(fragment: str) -> str:
    """Text of an HTML fragment, tags dropped, entities decoded, spaces collapsed."""
    return " ".join(parse(fragment).get_text().split())


def split_sections(content: str) -> tuple[str, list[Section]]:
    """Split page HTML at its top-level <h2 id> headings: (intro HTML, [Section, …]).

    BeautifulSoup finds the headings; the pieces are cut from the original text at
    the positions it reports, so they keep their bytes exactly.
    """
    headings = _headings(content)
    if not headings:
        return content, []
    sections = []
    for (id_, heading, start), end in zip(headings, [start for _, _, start in headings[1:]] + [len(content)]):
        heading_end = content.index("</h2>", start) + len("</h2>")
        sections.append(Section(id=id_, heading=heading, heading_html=content[start:heading_end],
                                body_html=content[heading_end:end]))
    return content[:headings[0][2]], sections


class _TopHeadings(HTMLParser):
    """The top-level <h2 id> of a fragment as parse() nests it, without building the tree
    (a third of the time): an end tag closes up to its start tag, one with none is ignored,
    void elements and `<x/>` hold nothing. Each: [id, text pieces, (line, column)]."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.found: list[tuple[str, list[str], tuple[int, int]]] = []
        self.text: list[str] | None = None   # the pieces of the top-level <h2 id> being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if not self.open and tag == "h2" and "id" in values:
            self.text = []
            self.found.append((values["id"] or "", self.text, self.getpos()))
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open.pop() != tag:
                pass
        if not self.open:
            self.text = None

    def handle_data(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)


# The provenance note, embed views, feed and flyers split the same pages; under `mkdocs
# serve` the pages an edit did not touch come again in every rebuild (~160 per build).
@functools.lru_cache(maxsize=1024)
def _headings(content: str) -> tuple[tuple[str, str, int], ...]:
    """(id, plain text, offset in content) of each top-level <h2 id>."""
    line_starts = [0]
    for line in content.split("\n")[:-1]:
        line_starts.append(line_starts[-1] + len(line) + 1)
    parser = _TopHeadings()
    parser.feed(content)
    parser.close()
    return tuple((id_, " ".join("".join(text).split()), line_starts[line - 1] + column)
                 for id_, text, (line, column) in parser.found)


@overload
def rewrite_links(fragment: str, rewrite: Callable[[str], str], tags: str | list[str] | None = None) -> str: ...
@overload
def rewrite_links(fragment: Tag, rewrite: Callable[[str], str], tags: str | list[str] | None = None) -> Tag: ...
def rewrite_links(fragment: str | Tag, rewrite: Callable[[str], str], tags: str | list[str] | None = None) -> str | Tag:
    """Replace every href and src value (of `tags` only, if given) with rewrite(value).

    Given HTML text, returns the rewritten text; given a BeautifulSoup tree, changes it
    in place and returns it.
    """
    soup = parse(fragment) if isinstance(fragment, str) else fragment
    for name in URL_ATTRIBUTES:
        for node in soup.find_all(tags or True, attrs={name: True}):
            node[name] = rewrite(node[name])  # type: ignore[arg-type]  # href and src hold one value
    return str(soup) if isinstance(fragment, str) else soup


@overload
def absolutize_links(fragment: str, base_url: str) -> str: ...
@overload
def absolutize_links(fragment: Tag, base_url: str) -> Tag: ...
def absolutize_links(fragment: str | Tag, base_url: str) -> str | Tag:
    """Make every href/src in an HTML fragment (text, or a tree changed in place) absolute,
    resolved against base_url."""
    return rewrite_links(fragment, lambda value: urljoin(base_url, value))
