"""Bad input fails in seconds, naming the file and line.

A page is checked in one linear pass before Markdown renders it:
- at most MAX_PAGE_BYTES (docs/ files are also checked on disk, locale_folders.py);
- UTF-8 text;
- at most MAX_DEPTH levels of nesting, in lists, quotes, admonitions and raw HTML
  elements (Python-Markdown reads nesting recursively: 1,000 nested list items
  took 160 s, then crashed with a RecursionError that named no file).

Python-Markdown's inline parser rescans the rest of a paragraph from every
unclosed `[` or `<` (a 40 KB paragraph of `<![CDATA[` takes minutes). That is the
library's own code; rendering a page in the checks therefore runs within
RENDER_SECONDS (render_within), and a page that needs longer fails, named.
"""
import re
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import NoReturn, TypeVar

from .markdown_source import mask_code_and_comments
from .source_errors import SourceError
from .typography import VOID

MAX_PAGE_BYTES = 500 * 1024
MAX_DEPTH = 20
RENDER_SECONDS = 5
QUOTES = re.compile(r"^(?:[ ]{0,3}>[ ]?)+")
LIST_OR_BLOCK = re.compile(r"^(?:[-*+]|\d+[.)]|!!!|\?\?\?\+?|:)(?:[ \t]|$)")
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(/?)>")
T = TypeVar("T")


def check_size(text: str, path: str | Path) -> None:
    size = len(text.encode("utf-8"))
    if size > MAX_PAGE_BYTES:
        raise SourceError(path, None, f"the page is {size // 1024} KB; at most {MAX_PAGE_BYTES // 1024} KB. "
                          "Split it into several pages")


def check_nesting(body: str, path: str | Path, offset: int = 0) -> None:
    """Fail on the first line nested more than MAX_DEPTH levels deep (lists, quotes,
    admonitions, details, raw HTML elements). offset: lines before the body."""
    html_depth = 0
    for number, line in enumerate(mask_code_and_comments(body).split("\n"), offset + 1):
        quotes = QUOTES.match(line)
        depth = quotes.group(0).count(">") if quotes else 0
        rest = line[quotes.end():] if quotes else line
        stripped = rest.expandtabs(4)
        indent = len(stripped) - len(stripped.lstrip(" "))
        depth += indent // 4 + (1 if LIST_OR_BLOCK.match(stripped.lstrip(" ")) else 0)
        for closing, name, self_closing in TAG.findall(rest):
            if name.lower() in VOID or self_closing:
                continue
            html_depth = max(0, html_depth - 1) if closing else html_depth + 1
            if html_depth > MAX_DEPTH:
                raise SourceError(path, number, f"HTML elements are nested more than {MAX_DEPTH} deep here")
        if depth > MAX_DEPTH:
            raise SourceError(path, number, f"this line is nested {depth} levels deep (lists, quotes, boxes); "
                              f"at most {MAX_DEPTH}")


class _TooSlow(Exception):
    pass


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise _TooSlow in the main thread after `seconds` (elsewhere, e.g. in
    `mkdocs serve`'s rebuild thread, signals cannot interrupt: no limit)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> NoReturn:
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def render_within(render: Callable[[str], T], body: str, path: str | Path, seconds: float = RENDER_SECONDS) -> T:
    """render(body), or a SourceError naming the page when it takes longer than `seconds`."""
    try:
        with _deadline(seconds):
            return render(body)
    except _TooSlow:
        raise SourceError(path, None, f"Markdown needs more than {seconds} s to read this page: it probably has "
                          "many unclosed [, <, ` or * (or <![CDATA[) in one paragraph. Close them, or write "
                          "them as \\[, &lt;, \\` and \\*") from None
    except RecursionError:
        raise SourceError(path, None, "Markdown cannot read this page: something is nested too deep") from None
