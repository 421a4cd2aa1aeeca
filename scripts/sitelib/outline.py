"""Structure parity: a translation must keep the outline of its source page.

The outline of a page is a list of (line, kind, value) items: headings with
their IDs, list item counts, admonition types, link targets, icons and marker
comments, in order; plus the numbers the text contains. The sites a page links
to and its phone numbers are compared on the rendered pages (parity.py).
"""
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown_it.token import Token

from .freshness import STAMP_KEY
from .heading_ids import ATTR_LIST, heading_id
from .locales import LOCALES
from . import markers
from .markdown_source import read_page
from .parity import parity_problems

HEADING_ID = ATTR_LIST  # a heading's trailing `{ #id … }`; read ids with heading_ids.heading_id()
ICON = re.compile(r":((?:material|fontawesome|octicons|simple)-[a-z0-9-]+):")
MARKER = re.compile(markers.MARKER)  # anywhere in an HTML block: parity compares where a translation put it
# A number, keeping groups such as "116 117" together.
NUMBER = re.compile(r"\d+(?:[ \u00a0]\d{3})*")
# Front-matter keys a translation changes; every other key must be copied as is.
TRANSLATED_KEYS = {"title", "description", STAMP_KEY, "synonyms"}  # synonyms: each language its own


@dataclass(frozen=True)
class Item:
    line: int
    kind: str
    value: str

    def __str__(self) -> str:
        return f"{self.kind} {self.value!r}"


def normalise_link(href: str) -> str:
    """Drop a locale prefix from site-absolute links: '/th/help/' -> '/help/'."""
    parts = href.split("/")
    if href.startswith("/") and len(parts) > 1 and parts[1] in LOCALES:
        return "/" + "/".join(parts[2:])
    return href


def _list_items(tokens: list[Token], start: int) -> int:
    """Count the direct items of the list that opens at tokens[start]."""
    depth, count = 0, 0
    for token in tokens[start:]:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            if depth == 0:
                return count
        elif token.type == "list_item_open" and depth == 1:
            count += 1
    return count


def outline(path: str | Path, text: str | None = None) -> tuple[dict[str, Any], list[Item], Counter[str]]:
    """Return (meta, items, numbers) for a Markdown page (`text`: its text, if read already)."""
    meta, tokens = read_page(path, text)
    items: list[Item] = []
    numbers: Counter[str] = Counter()
    line = 0
    for index, token in enumerate(tokens):
        line = token.map[0] + 1 if token.map else line
        if token.type == "heading_open":
            found = heading_id(tokens[index + 1].content)
            items.append(Item(line, "heading", f"{token.tag} #{found or '(no id)'}"))
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            kind = "bullet list" if token.type.startswith("bullet") else "numbered list"
            items.append(Item(line, kind, f"{_list_items(tokens, index)} items"))
        elif token.type == "admonition_open":
            items.append(Item(line, "admonition", token.meta.get("tag", token.info.split()[0] if token.info else "")))
        elif token.type == "html_block":
            for name in MARKER.findall(token.content):
                items.append(Item(line, "marker", name))
        elif token.type == "inline":
            for child in token.children or []:
                if child.type == "link_open":
                    items.append(Item(line, "link", normalise_link(str(child.attrs.get("href", "")))))
                elif child.type == "image":
                    items.append(Item(line, "image", str(child.attrs.get("src", ""))))
            for icon in ICON.findall(token.content):
                items.append(Item(line, "icon", icon))
            text = re.sub(r"\]\([^)]*\)", "]", HEADING_ID.sub("", token.content))
            numbers.update(NUMBER.findall(text))
    return meta, items, numbers


def compare(source_path: str | Path, translation_path: str | Path) -> list[str]:
    """Return a list of human-readable differences, each naming file and line."""
    source_meta, source_items, source_numbers = outline(source_path)
    meta, items, numbers = outline(translation_path)
    problems = []
    for key, value in source_meta.items():
        if key not in TRANSLATED_KEYS and meta.get(key) != value:
            problems.append(f"{translation_path}:1: front matter '{key}' is {meta.get(key)!r}, source has {value!r}")
    for key in ("title", "description"):
        if key in source_meta and not meta.get(key):
            problems.append(f"{translation_path}:1: front matter '{key}' is missing")
    for position, (want, have) in enumerate(zip(source_items, items)):
        if (want.kind, want.value) != (have.kind, have.value):
            problems.append(
                f"{translation_path}:{have.line}: {have} where the source "
                f"{source_path}:{want.line} has {want}"
            )
            break  # later items are shifted; the first difference is the useful one
    else:
        if len(items) < len(source_items):
            want = source_items[len(items)]
            problems.append(f"{translation_path}: missing {want} (source {source_path}:{want.line})")
        elif len(items) > len(source_items):
            have = items[len(source_items)]
            problems.append(f"{translation_path}:{have.line}: extra {have}, not in the source {source_path}")
    lost = source_numbers - numbers
    if lost:
        problems.append(f"{translation_path}: numbers missing or changed: {', '.join(sorted(lost.elements()))} (source {source_path})")
    return problems + parity_problems(source_path, translation_path)
