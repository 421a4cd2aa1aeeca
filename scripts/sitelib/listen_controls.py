"""The listen controls, in the page as served: one under every heading that has text to
read, so the first paint already has their place (no layout shift when a script runs).

`with_listen_controls(content_html, control)` inserts `control(heading_id)` right after
each <h2> whose next element is not a heading, the page foot or a list marked
`site-listen-skip`; listen.js wires the buttons. The page's own content (search,
embeds, feeds, flyers) never holds them: main.html applies this to the rendered block.
The text is cut at the positions Python's HTML parser reports, so everything else keeps
its bytes.
"""
import functools
from collections.abc import Callable
from html.parser import HTMLParser

from .typography import VOID
NOTHING_TO_READ = {"h1", "h2"}
NOTHING_TO_READ_CLASSES = {"site-page-foot", "site-listen-skip"}


class _Headings(HTMLParser):
    """Offsets right after each </h2> whose next element sibling has text to read."""

    found: list[tuple[int, str]]
    heading_id: str | None
    after: tuple[int, int, str] | None

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text, self.depth, self.found = text, 0, []
        self.line_starts = [0]
        for line in text.split("\n")[:-1]:
            self.line_starts.append(self.line_starts[-1] + len(line) + 1)
        self.heading_id = None
        self.after = None          # (depth, offset, heading id) of the last closed <h2>

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._sibling(tag, dict(attrs))
        if tag == "h2":
            self.heading_id = dict(attrs).get("id") or ""
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._sibling(tag, dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        self.depth -= 1
        if self.after and self.depth < self.after[0]:
            self.after = None      # the parent closed: nothing follows the heading
        if tag == "h2" and self.heading_id is not None:
            end = self.text.index(">", self._offset()) + 1
            self.after = (self.depth, end, self.heading_id)
            self.heading_id = None

    def _sibling(self, tag: str, attrs: dict[str, str | None]) -> None:
        if self.after and self.depth == self.after[0]:
            classes = set((attrs.get("class") or "").split())
            if tag not in NOTHING_TO_READ and not classes & NOTHING_TO_READ_CLASSES:
                self.found.append(self.after[1:])
            self.after = None


def with_listen_controls(content_html: str, control: Callable[[str], object]) -> str:
    """content_html with control(heading_id) after every <h2> that has text to read."""
    text = str(content_html)
    for offset, heading_id in reversed(listen_places(text)):
        text = text[:offset] + str(control(heading_id)) + text[offset:]
    return text


# Keyed by the page HTML: a serve rebuild renders every page again, and most are unchanged.
@functools.lru_cache(maxsize=256)
def listen_places(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, heading id) where a control goes: right after each <h2> that has text to read."""
    parser = _Headings(text)
    parser.feed(text)
    parser.close()
    return tuple(parser.found)
