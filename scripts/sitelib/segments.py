"""A page as translatable text segments and the markup around them, losslessly.

`parse(text)` cuts a Markdown page into pieces: markup that stays as it is (front
matter keys, `## `, ` { #id }`, list bullets, leading icons, admonition lines,
marker comments, blank lines, code) and segments, the text a translator
translates (title, description, headings, paragraphs, list items, table cells).
Joining the pieces gives back the file byte for byte, so a page can go out to a
translation tool and come back unchanged.

Each segment belongs to a section: `_intro` (title, description and everything
before the first `##`) or the id of its `##` heading. Segment ids are
`<section>/<n>`, numbered in order, so the same id names the same place in the
source and in every translation.
"""
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .fingerprint import content_hash
from .heading_ids import split_heading
from .markdown_source import FENCE, FRONT_MATTER_END, HEADING_MARKS
from .source_errors import SourceError

INTRO = "_intro"
FRONT_MATTER_TEXT = ("title", "description")

ATX = re.compile(r"^" + HEADING_MARKS + r"(.*)$")  # on a line without its indent
ADMONITION = re.compile(r'^((?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*)(?:([ \t]+")(.*)("[ \t]*))?$')
LIST_ITEM = re.compile(r"^([-*+]|\d{1,9}[.)])([ \t]+)(.*)$")
QUOTE = re.compile(r"^(>[ \t]?)(.*)$")
DEFINITION = re.compile(r"^(:[ \t]+)(.*)$")
TABLE_ROW = re.compile(r"^\|.*\|[ \t]*$")
TABLE_DELIMITER = re.compile(r"^\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$")
RULE = re.compile(r"^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
ATTR_ONLY = re.compile(r"^\{:?[^{}]*\}[ \t]*$")
LEADING_ICONS = re.compile(r"^(?::(?:material|fontawesome|octicons|simple)-[a-z0-9-]+:[ \t]*)+")
TABLE_CELL = re.compile(r"((?:[^|\\`]|\\.|`[^`]*`)+)")
FRONT_MATTER_LINE = re.compile(r"^(title|description)([ \t]*:[ \t]*)(.*?)([ \t]*)$")


@dataclass
class Segment:
    id: str
    section: str
    kind: str      # title, description, heading, paragraph, item, quote, definition, cell, admonition title
    text: str      # what the translator sees; several lines joined with "\n"
    line: int      # 1-based line in the file
    indents: list[str] = field(default_factory=list)  # leading whitespace of each continuation line
    raw: str = ""  # front matter only: the value as written (quotes and all)

    def render(self, text: str) -> str:
        """The segment as it goes into the file, holding `text`."""
        if self.kind in FRONT_MATTER_TEXT:
            return self.raw if text == self.text else yaml_scalar(text)
        lines = text.split("\n")
        if len(lines) - 1 == len(self.indents):
            indents = self.indents
        else:
            indents = [self.indents[0] if self.indents else ""] * (len(lines) - 1)
        return lines[0] + "".join("\n" + indent + line for indent, line in zip(indents, lines[1:]))


@dataclass
class Page:
    pieces: list[str | Segment]   # str (markup, kept as is) or Segment, in file order

    @property
    def segments(self) -> list[Segment]:
        return [piece for piece in self.pieces if isinstance(piece, Segment)]

    def text(self, translations: dict[str, str] | None = None) -> str:
        """The file, with segment texts replaced from {segment id: text}."""
        translations = translations or {}
        return "".join(
            piece if isinstance(piece, str) else piece.render(translations.get(piece.id, piece.text))
            for piece in self.pieces
        )

    def sections(self) -> dict[str, list[Segment]]:
        """{section id: [Segment, …]} in page order."""
        result: dict[str, list[Segment]] = {}
        for segment in self.segments:
            result.setdefault(segment.section, []).append(segment)
        return result


def yaml_scalar(text: str) -> str:
    """A one-line YAML value for `text`: plain when that reads back the same, else double-quoted."""
    if "\n" not in text and text == text.strip() and text:
        try:
            if yaml.safe_load(f"key: {text}") == {"key": text}:
                return text
        except yaml.YAMLError:
            pass
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


class _Builder:
    pieces: list[str | Segment]
    counts: dict[str, int]

    def __init__(self) -> None:
        self.pieces = []
        self.section = INTRO
        self.counts = {}

    def keep(self, text: str) -> None:
        if self.pieces and isinstance(self.pieces[-1], str):
            self.pieces[-1] += text
        else:
            self.pieces.append(text)

    def segment(self, kind: str, text: str, line: int, **extra: Any) -> None:
        number = self.counts.get(self.section, 0) + 1
        self.counts[self.section] = number
        self.pieces.append(Segment(f"{self.section}/{number}", self.section, kind, text, line, **extra))

    def text_with_icons(self, kind: str, text: str, line: int, **extra: Any) -> None:
        """Leading icon shortcodes are markup: they stay outside the segment."""
        icons = LEADING_ICONS.match(text)
        if icons and icons.end() < len(text):
            self.keep(icons.group(0))
            text = text[icons.end():]
        if text.strip():
            self.segment(kind, text, line, **extra)
        else:
            self.keep(text)


def _front_matter(lines: list[str], builder: _Builder, path: str | Path) -> int:
    """Front matter lines (with the two --- lines); title and description become segments."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for end in range(1, len(lines)):
        if FRONT_MATTER_END.match(lines[end]):
            break
    else:
        raise SourceError(path, 1, "front matter starts with '---' but has no closing '---' line")
    builder.keep(lines[0] + "\n")
    for number in range(1, end):
        line = lines[number]
        match = FRONT_MATTER_LINE.match(line)
        if match and match.group(3):
            raw = match.group(3)
            try:
                value = yaml.safe_load(f"key: {raw}")["key"]
            except (yaml.YAMLError, TypeError):
                raise SourceError(path, number + 1, f"'{match.group(1)}:' must be a one-line text") from None
            if not isinstance(value, str) or (number + 1 < end and lines[number + 1][:1] in (" ", "\t")):
                raise SourceError(path, number + 1, f"'{match.group(1)}:' must be a one-line text")
            builder.keep(match.group(1) + match.group(2))
            builder.pieces.append(Segment(match.group(1), INTRO, match.group(1), value, number + 1, raw=raw))
            builder.keep(match.group(4) + "\n")
        else:
            builder.keep(line + "\n")
    builder.keep(lines[end] + "\n")
    return end + 1


def _starts_block(content: str) -> bool:
    return bool(
        not content.strip() or ATX.match(content) or ADMONITION.match(content) or LIST_ITEM.match(content)
        or FENCE.match(content) or content.startswith(("<", "|", ">")) or DEFINITION.match(content)
        or RULE.match(content) or ATTR_ONLY.match(content)
    )


def _continuation(lines: list[str], start: int, builder: _Builder) -> tuple[list[str], list[str], int]:
    """Lines after lines[start - 1] that continue its paragraph: (texts, indents, next index)."""
    texts: list[str] = []
    indents: list[str] = []
    index = start
    while index < len(lines):
        line = lines[index]
        content = line.lstrip(" \t")
        if _starts_block(content):
            break
        indents.append(line[:len(line) - len(content)])
        texts.append(content)
        index += 1
    return texts, indents, index


def parse(text: str, path: str | Path = "page.md") -> Page:
    """Cut a page into markup and segments; `Page(…).text()` gives `text` back."""
    builder = _Builder()
    lines = text.split("\n")
    index = _front_matter(lines, builder, path)
    fence = None
    while index < len(lines):
        line = lines[index]
        number = index + 1
        newline = "\n" if index < len(lines) - 1 else ""
        content = line.lstrip(" \t")
        indent = line[:len(line) - len(content)]
        if fence:
            builder.keep(line + newline)
            if content.startswith(fence) and not content[len(fence):].strip():
                fence = None
            index += 1
            continue
        fenced = FENCE.match(content)
        if fenced:
            fence = fenced.group(1)
            builder.keep(line + newline)
            index += 1
            continue
        if not content.strip() or RULE.match(content) or ATTR_ONLY.match(content) or TABLE_DELIMITER.match(content):
            builder.keep(line + newline)
            index += 1
            continue
        if content.startswith("<"):
            # Raw HTML and marker comments are markup; a comment may run over several lines.
            end = index
            if content.startswith("<!--"):
                while "-->" not in lines[end] and end + 1 < len(lines):
                    end += 1
            for kept in range(index, end + 1):
                builder.keep(lines[kept] + ("\n" if kept < len(lines) - 1 else ""))
            index = end + 1
            continue
        heading = ATX.match(content)
        if heading and len(indent) <= 3:
            title, heading_id, attributes = split_heading(heading.group(3))
            if len(heading.group(1)) == 2 and not indent:
                builder.section = heading_id or f"line-{number}"
            builder.keep(indent + heading.group(1) + heading.group(2))
            if title.strip():
                builder.segment("heading", title, number)
            else:
                builder.keep(title)
            builder.keep(attributes + newline)
            index += 1
            continue
        admonition = ADMONITION.match(content)
        if admonition:
            builder.keep(indent + admonition.group(1))
            if admonition.group(2):
                builder.keep(admonition.group(2))
                builder.segment("admonition title", admonition.group(3), number)
                builder.keep(admonition.group(4))
            builder.keep(newline)
            index += 1
            continue
        if TABLE_ROW.match(content):
            builder.keep(indent)
            position = 0
            for cell in TABLE_CELL.finditer(content):
                builder.keep(content[position:cell.start()])
                value = cell.group(1)
                stripped = value.strip()
                if stripped:
                    lead = value[:len(value) - len(value.lstrip())]
                    builder.keep(lead)
                    builder.segment("cell", stripped, number)
                    builder.keep(value[len(lead) + len(stripped):])
                else:
                    builder.keep(value)
                position = cell.end()
            builder.keep(content[position:] + newline)
            index += 1
            continue
        for pattern, kind in ((LIST_ITEM, "item"), (QUOTE, "quote"), (DEFINITION, "definition")):
            match = pattern.match(content)
            if match:
                marker = match.group(1) + (match.group(2) if kind == "item" else "")
                first = match.group(3) if kind == "item" else match.group(2)
                break
        else:
            marker, first, kind = "", content, "paragraph"
        more, indents, after = _continuation(lines, index + 1, builder)
        builder.keep(indent + marker)
        builder.text_with_icons(kind, "\n".join([first] + more), number, indents=indents)
        builder.keep("\n" if after - 1 < len(lines) - 1 else "")
        index = after
    page = Page(builder.pieces)
    if page.text() != text:  # a bug here would lose text: never let it pass
        raise AssertionError(f"{path}: segments do not give back the file")
    return page


def section_texts(text: str, path: str | Path = "page.md") -> dict[str, str]:
    """{section id: its source text}, what freshness compares: `_intro` is the
    title, the description and the text above the first `##`; each `##` section
    runs from its heading to the next. Trailing spaces and blank lines are ignored."""
    return dict(_section_texts(text, str(path)))


# Keyed by the text itself: a serve rebuild reads every page again, and most are unchanged
# (freshness and provenance ask for about 300 pages per build).
@functools.lru_cache(maxsize=1024)
def _section_texts(text: str, path: str) -> tuple[tuple[str, str], ...]:
    page = parse(text, path)
    front = {segment.kind: segment.text for segment in page.segments if segment.kind in FRONT_MATTER_TEXT}
    lines = text.split("\n")
    texts: dict[str, str] = {}
    for key, (first, last) in section_spans(text).items():
        body = [line.rstrip() for line in lines[first - 1:last]]
        if key == INTRO:
            body = body[_front_matter_end(lines):]
        texts[key] = "\n".join(body).strip("\n")
    heading = "\n".join(f"{name}: {front[name]}" for name in FRONT_MATTER_TEXT if name in front)
    texts[INTRO] = f"{heading}\n\n{texts[INTRO]}".strip("\n")
    return tuple(texts.items())


def section_spans(text: str) -> dict[str, tuple[int, int]]:
    """{section id: (first line, last line)}, 1-based; `_intro` starts at line 1."""
    lines = text.split("\n")
    starts: list[tuple[str, int]] = [(INTRO, 1)]
    fence: str | None = None
    for number, line in enumerate(lines[_front_matter_end(lines):], _front_matter_end(lines) + 1):
        content = line.lstrip(" \t")
        fenced = FENCE.match(content)
        if fence:
            fence = None if content.startswith(fence) and not content[len(fence):].strip() else fence
        elif fenced:
            fence = fenced.group(1)
        else:
            heading = ATX.match(line)
            if heading and len(heading.group(1)) == 2:
                starts.append((split_heading(heading.group(3))[1] or f"line-{number}", number))
    ends = [start - 1 for _, start in starts[1:]] + [len(lines)]
    return {key: (start, end) for (key, start), end in zip(starts, ends)}


def _front_matter_end(lines: list[str]) -> int:
    """Index of the first body line."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for end in range(1, len(lines)):
        if FRONT_MATTER_END.match(lines[end]):
            return end + 1
    return 0


def short_hash(text: str) -> str:
    """The version of a section's text: 8 hex digits of its SHA-256."""
    return content_hash(text)
