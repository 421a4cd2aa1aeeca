"""Ids: the one grammar for every id page text can set, and the one reader of
heading ids (`## Title { #id .class key="value" }`).

Ids become file names and addresses (embed views are <page>/embed/<id>/, anchors
are #<id>), so page text may only write ids of this grammar:
lowercase ASCII letters and digits in words joined by single hyphens, at most
64 characters (`before-the-meeting`, `covid-19`). Nothing else: no `/`, `.`,
`_`, capitals or spaces.

A heading's id is read the way Python-Markdown's attr_list reads it (with its
own parser): the closing #s go first, the `{ … }` must follow a space, and
when the list names the id more than once (`{ #a id="b" }`) the last one
wins. The structure check (outline.py), the source guard and the translation
tools all read ids here, so a heading that one of them accepts, the others
read the same way. The rendered page is checked as well (sanitizer.py), so an
id that a reading here missed is still refused.
"""
import re
import unicodedata

from markdown.extensions.attr_list import AttrListTreeprocessor, get_attrs_and_remainder

ID_GRAMMAR = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_MAX_LENGTH = 64
ID_EXAMPLE = "before-the-meeting"

# attr_list's own pattern for a heading's trailing list: a space, then {…} or {: …}.
HEADER_ATTRIBUTES = AttrListTreeprocessor.HEADER_RE
# Python-Markdown drops a heading's closing #s before attr_list reads it.
CLOSING_HASHES = re.compile(r"(?<!\\)#+[ \t]*$")
# Kept for outline.py: where a heading's attribute list starts (a loose match).
# It starts at a brace, so a search tries each `{` once: linear in the text (a
# leading `[ \t]*` would rescan every run of spaces from each of its positions).
ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}[ \t]*#*[ \t]*$")


def id_grammar_problem(value: object) -> str | None:
    """Why `value` is not an id of the grammar, or None."""
    value = str(value)
    if len(value) > ID_MAX_LENGTH:
        return f"is {len(value)} characters long; an id has at most {ID_MAX_LENGTH}"
    if not ID_GRAMMAR.match(value):
        return (f"is not a valid id: use lowercase a–z and 0–9, in words joined by single hyphens, "
                f"like {ID_EXAMPLE}")
    return None


def is_valid_id(value: object) -> bool:
    return isinstance(value, str) and id_grammar_problem(value) is None


def attribute_list(text: str) -> tuple[int | None, list[tuple[str, str]]]:
    """(start, [(key, value)]) of the attribute list attr_list takes from a heading's
    text after the #s, or (None, []) when it takes none."""
    found = header_attributes(without_closing_hashes(text.rstrip()))
    if found is None:
        return None, []
    start, inside = found
    attributes, remainder = get_attrs_and_remainder(inside)
    if remainder:  # attr_list leaves a list with a stray "}" in the text (strict mode)
        return None, []
    return start, attributes


def without_closing_hashes(text: str) -> str:
    """CLOSING_HASHES.sub("", text), in linear time (the regex rescans a run of #s)."""
    stripped = text.rstrip(" \t")
    kept = stripped.rstrip("#")
    if kept == stripped:
        return text
    if kept.endswith("\\"):  # an escaped # stays; the #s after it still go
        return stripped[:len(kept) + 1] if len(stripped) - len(kept) > 1 else text
    return kept


def header_attributes(body: str) -> tuple[int, str] | None:
    """(start, inside) of HEADER_ATTRIBUTES.search(body), in linear time: the regex
    rescans every run of spaces from each of its positions."""
    stripped = body.rstrip(" ")
    if "\n" in stripped or not stripped.endswith("}"):
        return None
    end = len(stripped) - 1  # the closing brace
    brace = stripped.find("{")
    while brace != -1 and brace < end:
        if brace > 0 and stripped[brace - 1] == " ":
            first = _inside_start(stripped, brace, end)
            if first is not None:
                return len(stripped[:brace].rstrip(" ")), stripped[first:end]
        brace = stripped.find("{", brace + 1)
    return None


def _inside_start(text: str, brace: int, end: int) -> int | None:
    """Where the list's text starts after `{`, `{:` and spaces, as HEADER_ATTRIBUTES reads it."""
    for colon in ((1, 0) if text.startswith(":", brace + 1) else (0,)):
        position = brace + 1 + colon
        while position < end and text[position] == " ":
            position += 1
        if position < end and text[position] not in "} ":
            return position
    return None


def split_heading(text: str) -> tuple[str, str | None, str]:
    """('Title', 'id' or None, ' { #id }') for a heading's text after the #s.

    The third part is the attribute list exactly as written (empty when there is
    none), so title + attributes gives back the original text.
    """
    start, attributes = attribute_list(text)
    if start is None:
        return text.rstrip(), None, text[len(text.rstrip()):]
    heading_id = None
    for key, value in attributes:
        if key == "id":  # `#x` and `id=x` alike; the last one wins, as in attr_list
            heading_id = value
    return text[:start], heading_id, text[start:]


def heading_id(text: str) -> str | None:
    """The id of a heading's text, or None."""
    return split_heading(text)[1]


FALLBACK_ID = "title"


def slugify(value: object, separator: str = "-") -> str:
    """The id Markdown's toc gives a heading without `{ #id }` (mkdocs.yml: toc slugify):
    only the page title (# …) may go without one. ASCII letters and digits of the
    text; "title" when that leaves nothing (Thai, Chinese, …) or a name that page
    text may not use as an id (sanitizer.id_problem)."""
    from .sanitizer import id_problem  # the sanitizer reads this module's grammar

    text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:ID_MAX_LENGTH].rstrip("-")
    return slug if slug and not id_problem(slug) else FALLBACK_ID
