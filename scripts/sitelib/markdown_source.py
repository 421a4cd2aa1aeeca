"""Read a Markdown page: front matter (with line numbers in errors) and markdown-it tokens.
Every part of the project that reads front matter uses split_front_matter()."""
import re
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from . import safe_yaml
from .source_errors import SourceError

FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
# The block grammar the project's line readers share (segments, source_guard).
# A code fence opens with 3+ backticks or tildes; group 1 is the run (it closes the fence).
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# An ATX heading's marks and the space after them: group 1 '##', group 2 the space.
HEADING_MARKS = r"(#{1,6})([ \t]+|$)"
BACKTICKS = re.compile(r"`+")


def read_text(path: str | Path) -> str:
    """A translator's text file; bytes that are not UTF-8 fail naming the file and line."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(path, data.count(b"\n", 0, error.start) + 1, "is not UTF-8 text; save it as UTF-8") from None


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(admon_plugin)


def split_front_matter(text: str, path: str | Path) -> tuple[dict[str, Any], str, int]:
    """Return (meta dict, body, number of lines before the body).

    Raises SourceError with the line of a YAML error or an unclosed block.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return {}, text, 0
    for end in range(1, len(lines)):
        if FRONT_MATTER_END.match(lines[end]):
            break
    else:
        raise SourceError(path, 1, "front matter starts with '---' but has no closing '---' line")
    meta = safe_yaml.load("\n".join(lines[1:end]), path, first_line=2, what="front matter")
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise SourceError(path, 2, "front matter must be 'key: value' lines")
    return meta, "\n".join(lines[end + 1:]), end + 1


def without_front_matter_key(text: str, key: str) -> str:
    """The page with one top-level front-matter key (and its indented or list lines) removed."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return text
    kept, skipping = [lines[0]], False
    for number, line in enumerate(lines[1:], 1):
        if FRONT_MATTER_END.match(line):
            return "\n".join(kept + lines[number:])
        if skipping and line[:1] in (" ", "\t", "-"):
            continue
        skipping = re.match(rf"^{re.escape(key)}\s*:", line) is not None
        if not skipping:
            kept.append(line)
    return text


def blank(text: str) -> str:
    """The same text with every character but line breaks turned into spaces."""
    return re.sub(r"[^\n]", " ", text)


def code_spans(line: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each inline code span in a line: a run of n backticks up to the
    next run of exactly n. Linear: each run is looked at once (a regex with a lazy
    `.+?` rescans the rest of the line from every backtick)."""
    runs = [(match.start(), match.end()) for match in BACKTICKS.finditer(line)]
    later: dict[int, deque[int]] = {}  # run length -> indices of the runs of that length, in order
    for index, (start, end) in enumerate(runs):
        later.setdefault(end - start, deque()).append(index)
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = later[end - start]
        while same and same[0] <= index:
            same.popleft()
        if same:
            closing = same.popleft()
            yield start, runs[closing][1]
            index = closing + 1
        else:
            index += 1


def comment_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each `<!-- … -->`, found with str.find: linear, where the
    regex `<!--.*?-->` rescans to the end of the text from every unclosed `<!--`."""
    start = text.find("<!--")
    while start != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            return  # no later comment can close either
        yield start, end + 3
        start = text.find("<!--", end + 3)


def _blanked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    parts, last = [], 0
    for start, end in spans:
        parts += [text[last:start], blank(text[start:end])]
        last = end
    return "".join(parts) + text[last:]


def mask_code(body: str) -> str:
    """Blank out fenced code and inline code, keeping line numbers.

    An approximation of Markdown, good for finding lines; never a security check
    (the sanitizer checks the HTML that Markdown really makes). Linear in the text."""
    out, fence = [], None
    for line in body.split("\n"):
        match = FENCE.match(line)
        if fence:
            out.append("")
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            out.append("")
            continue
        out.append(_blanked(line, code_spans(line)))
    return "\n".join(out)


def mask_code_and_comments(body: str) -> str:
    """mask_code(), and HTML comments blanked too."""
    text = mask_code(body)
    return _blanked(text, list(comment_spans(text)))


def read_page(path: str | Path, text: str | None = None) -> tuple[dict[str, Any], list[Token]]:
    """Return (meta, tokens) where token.map line numbers are 0-based file lines
    (`text`: the file's text, when the caller has read it already)."""
    path = Path(path)
    text = read_text(path) if text is None else text
    meta, body, offset = split_front_matter(text, path)
    tokens = parser().parse(body)
    for token in tokens:
        if token.map:
            token.map = [token.map[0] + offset, token.map[1] + offset]
    return meta, tokens
