"""What page front matter may hold, and the rule for any text that reaches a template.

Templates print front matter, interface strings (strings.yml) and `extra:` values
without escaping (Material's templates do too), into text, into attributes such as
`content="…"`, and through filters such as `striptags` that decode entities. So
such text may not contain markup at all: no <, >, " or character references
(&lt; &#60; …). Typographic quotes (“ ” « » „ “) are fine.

FRONT_MATTER is the one table of allowed keys. To add a key, add one line:
    "name": ("what it must be, for the error message", check),
where check(value) is True for a good value.
"""
import datetime
import html
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .dates import parse_date
from .heading_ids import is_valid_id
from .source_errors import SourceError

MARKUP = re.compile(r'[<>"]|&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);', re.I)


def markup_in_text(text: object) -> str | None:
    """Why `text` may not be printed unescaped in a template, or None when it is plain text."""
    match = MARKUP.search(str(text))
    if not match:
        return None
    found = match.group(0)
    if found == '"':
        return 'contains the straight quote ", which would end an HTML attribute; use “ ” or « » instead'
    if found in "<>":
        return f"contains '{found}', which is HTML markup; write the text without tags"
    return f"contains the character reference '{found}'; write the character itself"


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _date(value: object) -> bool:
    if isinstance(value, datetime.datetime) or not isinstance(value, (str, datetime.date)):
        return False
    try:
        parse_date(value)
    except ValueError:
        return False
    return True


def _section_ids(value: object) -> bool:
    return isinstance(value, list) and all(is_valid_id(item) for item in value)


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _words(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(
        isinstance(item, str) and item.strip() and len(item) <= 40 and "\n" not in item for item in value)


def _versions(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(key, str) and (key == "_intro" or is_valid_id(key))
        and isinstance(version, str) and re.fullmatch(r"[0-9a-f]{8}", version) for key, version in value.items())


def _search(value: object) -> bool:
    return isinstance(value, dict) and set(value) <= {"exclude"} and isinstance(value.get("exclude", False), bool)


# key -> (what it must be, for the error message; check(value), True for a good value)
Schema = Mapping[str, tuple[str, Callable[[Any], bool]]]
FRONT_MATTER: Schema = {
    "title": ("the page title, plain text", _text),
    "description": ("one sentence of plain text (search results and link previews show it)", _text),
    "published": ("a month or a date, like 2021-04 or 2021-04-30", _date),
    "reviewed": ("a month or a date, like 2021-04 or 2021-04-30", _date),
    # scripts/sitelib/historical.py: the whole page, or only the section it names
    "historical": ("true, false, or the id of the one section that is the historical record",
                   lambda value: isinstance(value, bool) or is_valid_id(value)),
    "flyer": ("a list of section ids, like [before, during]", _section_ids),
    # the print kit checks each entry (scripts/sitelib/print_kit.py, parse_key_messages)
    "flyer_key_messages": ("a list of list items, like [before 1, if-sick 2]", _strings),
    # scripts/sitelib/freshness.py: the Norwegian version of each section a translation matches
    "source_sections": ("what `smittevern stamp` writes: section id: version", _versions),
    "search": ("{exclude: true} to leave the page out of search", _search),
    # Each language's own everyday words for the page (a translator's, not copied from
    # nb): search finds the page by them, and never shows them (scripts/sitelib/search_index.py).
    "synonyms": ("a list of everyday words that should find the page, like [doctor, clinic]", _words),
}


def key_line(source: str | None, key: object) -> int | None:
    """Line of `key:` in the front matter at the top of source, else None."""
    lines = (source or "").split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None
    for number, line in enumerate(lines[1:], 2):
        if re.match(r"^(?:---|\.\.\.)\s*$", line):
            return None
        if re.match(rf"^{re.escape(str(key))}\s*:", line):
            return number
    return None


def strings_in(value: object) -> Iterator[str]:
    """Every string inside a YAML value (lists and mappings walked)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings_in(item)


def check_front_matter(meta: Mapping[str, Any] | None, source: str | None, path: str | Path,
                       schema: Schema | None = None) -> None:
    """Fail on an unknown key, a value of the wrong kind, or markup in any text value."""
    schema = FRONT_MATTER if schema is None else schema
    for key, value in (meta or {}).items():
        line = key_line(source, key)
        if key not in schema:
            raise SourceError(path, line, f"unknown front-matter key '{key}'; allowed keys: {', '.join(schema)}")
        what, check = schema[key]
        if not check(value):
            raise SourceError(path, line, f"'{key}' must be {what}")
        for text in strings_in(value):
            problem = markup_in_text(text)
            if problem:
                raise SourceError(path, line, f"'{key}' {problem}")


def check_title(title: str | None, source: str | None, path: str | Path) -> None:
    """The page title as MkDocs made it (front matter, else the first `#` heading, whose
    text Material prints as HTML and, in <title>, decodes): no markup either."""
    problem = markup_in_text(html.unescape(str(title or "")).replace("&", ""))
    if problem:
        line = key_line(source, "title") or next(
            (number for number, text in enumerate((source or "").split("\n"), 1) if re.match(r"^#\s", text)), None)
        raise SourceError(path, line, f"the page title {problem}")


def check_config_text(extra: Mapping[str, Any], config_file: str | Path) -> None:
    """Editors fill `extra:` in mkdocs.yml (contact details, licence, organisation);
    templates print those values unescaped, so the same rule applies."""
    lines = Path(config_file).read_text(encoding="utf-8").split("\n") if config_file else []

    def walk(value: object, keys: list[str]) -> Iterator[tuple[list[str], str]]:
        if isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, keys + [str(key)])
        elif isinstance(value, (list, tuple)):
            for item in value:
                yield from walk(item, keys)
        elif isinstance(value, str):
            yield keys, value

    for keys, text in walk(dict(extra), ["extra"]):
        problem = markup_in_text(text)
        if problem:
            line = next((number for number, line in enumerate(lines, 1)
                         if re.match(rf"^\s*{re.escape(keys[-1])}\s*:", line)), None)
            raise SourceError(config_file, line, f"{'.'.join(keys)} {problem}")
