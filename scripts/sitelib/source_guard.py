"""Reject hostile or broken pages before the build writes anything.

Editors and translators change docs/**/*.md. The build stops, naming the file and
line, when a page has:
- front matter that is not valid YAML, a key that FRONT_MATTER (front_matter.py)
  does not list, a value of the wrong kind, or markup in a text value;
- anything in its rendered HTML that the sanitizer does not allow (sanitizer.py):
  each page is rendered here with the site's Markdown extensions and checked, so
  a rejected page stops the build before MkDocs empties site/;
- a `##` (or deeper) heading without its stable `{ #id }`, an id outside the id
  grammar (heading_ids.py, sanitizer.id_problem), or an id used twice;
- a `flyer:` list naming a section the page does not have;
- a `historical:` naming a section the page does not have (scripts/sitelib/historical.py);
- a phone number or phone link that mkdocs.yml does not hold (phone_numbers.py);
- a title (# …) that is not the page's one top-level <h1>, a marker inside a box,
  or a translation without its source's markers (page_structure.py);
- more than 500 KB, more than 20 levels of nesting, or text that Markdown needs
  more than a few seconds to read (page_limits.py).
"""
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from markdown import Markdown

from .front_matter import check_front_matter, key_line
from .heading_ids import heading_id
from .markdown_source import (FRONT_MATTER_END, HEADING_MARKS, blank, mask_code_and_comments,  # noqa: F401
                              read_text, split_front_matter)
from .page_limits import check_nesting, check_size, render_within
from .markers import marker_components
from .phone_numbers import check_numbers, config_numbers
from .page_attributes import PageTextError
from .page_structure import check_marker_places, check_page_title, check_translation_markers
from .sanitizer import find_line, id_problem, sanitize_content
from .source_errors import SourceError
from .urls import page_base

ATX_HEADING = re.compile(r"^ {0,3}" + HEADING_MARKS + r"(.*)$")
SETEXT_H2 = re.compile(r"^ {0,3}-+[ \t]*$")
NOT_PARAGRAPH = re.compile(r"^\s*(?:$|[-*+>|#]|\d+[.)]\s|<|:)")  # on masked lines: fences are blank


def headings(markdown: str) -> Iterator[tuple[int, int, str, str | None]]:
    """Yield (line number, level, text, id or None) for ATX headings outside code."""
    masked = mask_code_and_comments(markdown)
    for number, line in enumerate(masked.split("\n"), 1):
        match = ATX_HEADING.match(line)
        if match:
            yield number, len(match.group(1)), match.group(3).strip(), heading_id(match.group(3))


def heading_ids(markdown: str) -> set[str]:
    """The set of `{ #id }` ids on the headings of a page."""
    return {found for _, _, _, found in headings(markdown) if found}


def check_headings(body: str, path: str | Path, offset: int = 0) -> None:
    """Every `##` and deeper heading ends with `{ #id }`; no id is used twice."""
    seen: dict[str, int] = {}
    for number, level, text, section_id in headings(body):
        line = number + offset
        if level >= 2 and not section_id:
            shown = text if len(text) <= 60 else text[:57] + "…"
            raise SourceError(path, line, f"heading '{'#' * level} {shown}' has no id; end it with "
                              "{ #short-english-id }, the same id in every language")
        if section_id is not None and id_problem(section_id):
            raise SourceError(path, line, f"id '{section_id}' {id_problem(section_id)}")
        if section_id and section_id in seen:
            raise SourceError(path, line, f"id '{section_id}' is already used on line {seen[section_id]}")
        if section_id:
            seen[section_id] = line
    masked = mask_code_and_comments(body).split("\n")
    for index in range(1, len(masked)):
        if SETEXT_H2.match(masked[index]) and not NOT_PARAGRAPH.match(masked[index - 1]):
            raise SourceError(path, index + 1 + offset,
                              "this '---' line turns the line above into a heading without an id; "
                              "write '## Heading { #id }', or leave an empty line before '---'")


def _flyer_line(source: str, section: str | None) -> int | None:
    """Line of `section` in a `flyer:` front-matter entry of source, else of `flyer:`, else None."""
    lines = source.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None
    start = None
    for number, line in enumerate(lines[1:], 2):
        if FRONT_MATTER_END.match(line):
            break
        if re.match(r"flyer\s*:", line):
            start = number
        elif start and not re.match(r"\s+-|\s*-\s", line) and not line.startswith((" ", "\t")):
            break
        if start and section and re.search(rf"(?<![\w-]){re.escape(section)}(?![\w-])", line):
            return number
    return start


def check_flyer_sections(meta: Mapping[str, Any] | None, markdown: str, path: str | Path) -> None:
    """Fail when the page's `flyer:` list names a section id that no heading has.

    meta: the page's front matter (dict); markdown: the page source, with or without
    its front matter; path: the source file (named in the error). For the flyer code:
    call this before rendering a flyer from `meta["flyer"]`.
    """
    if not meta or "flyer" not in meta:
        return
    source = markdown
    if not markdown.startswith("---"):
        for candidate in (Path(path), Path(__file__).resolve().parents[2] / str(path)):
            if candidate.is_file():
                source = candidate.read_text(encoding="utf-8")
                break
    sections = meta["flyer"]
    if not isinstance(sections, list) or not all(isinstance(item, str) and item for item in sections):
        raise SourceError(path, _flyer_line(source, None),
                          "'flyer:' must be a list of section ids, like [before, during]")
    _, body, _ = split_front_matter(markdown, path) if markdown.startswith("---") else ({}, markdown, 0)
    known = heading_ids(body)
    for section in sections:
        if section not in known:
            raise SourceError(path, _flyer_line(source, section),
                              f"flyer: lists section '{section}', but no heading on this page has "
                              f"{{ #{section} }}; sections here: {', '.join(sorted(known)) or 'none'}")


def check_historical_section(meta: Mapping[str, Any] | None, markdown: str, path: str | Path) -> None:
    """Fail when `historical: <section id>` names no `##` heading of the page."""
    section = (meta or {}).get("historical")
    if not isinstance(section, str):
        return
    _, body, _ = split_front_matter(markdown, path)
    known = {found for _, level, _, found in headings(body) if level == 2 and found}
    if section not in known:
        raise SourceError(path, key_line(markdown, "historical"),
                          f"'historical: {section}' names no '## … {{ #{section} }}' section of this page; "
                          f"sections here: {', '.join(sorted(known)) or 'none'}")


def markdown_renderer(extensions: Iterable[Any], configs: Mapping[str, Mapping[str, Any]]) -> Callable[[str], str]:
    """body -> HTML with these Markdown extensions (MkDocs' config.markdown_extensions
    and config.mdx_configs), reusing one Markdown instance."""
    md = Markdown(extensions=list(extensions), extension_configs=configs)
    return lambda body: md.reset().convert(body)


@lru_cache(maxsize=None)
def site_renderer(config_file: str | Path | None = None) -> Callable[[str], str]:
    """markdown_renderer() for mkdocs.yml's markdown_extensions, as MkDocs reads them."""
    from mkdocs.config import load_config

    from .locales import ROOT

    config = load_config(str(config_file or ROOT / "mkdocs.yml"), site_url="http://127.0.0.1/")
    return markdown_renderer(config.markdown_extensions, config.mdx_configs)


@lru_cache(maxsize=None)
def site_numbers() -> tuple[str, ...]:
    """The phone numbers of mkdocs.yml (phone_numbers.config_numbers)."""
    from .site_config import site_extra

    return tuple(config_numbers(site_extra()))


def check_source(text: str, path: str | Path, render: Callable[[str], str] | None = None,
                 markers: Collection[str] | None = None, location: str | None = None,
                 numbers: Sequence[str] | None = None) -> dict[str, Any]:
    """Run every check on one Markdown file; return its front matter.

    render: body -> HTML (default: site_renderer()); markers: the marker component
    names (default: the components that declare themselves markers); location: the
    file's path under docs/, e.g. 'nb/help.md' (default: the last two parts of path),
    which relative links and pictures are read against; numbers: the phone numbers
    a page may show (default: phone_numbers.config_numbers of mkdocs.yml).
    """
    check_size(text, path)
    meta, body, offset = split_front_matter(text, path)
    check_front_matter(meta, text, path)
    check_nesting(body, path, offset)
    check_headings(body, path, offset)  # first: it names the exact line of a heading
    location = location or "/".join(Path(path).parts[-2:])
    try:
        html = render_within(render or site_renderer(), body, path)
    except PageTextError as error:
        raise SourceError(path, find_line(text, error.problem.needles), error.problem.message) from None
    check_numbers(html, path, text, site_numbers() if numbers is None else numbers, meta)
    html = sanitize_content(html, path, text, marker_components() if markers is None else markers,
                            base=page_base(location))
    check_page_title(html, path, text)
    check_marker_places(html, path, text)
    check_flyer_sections(meta, text, path)
    check_historical_section(meta, text, path)
    return meta


def check_docs(docs_dir: str | Path, display_root: str | Path | None = None,
               render: Callable[[str], str] | None = None, numbers: Sequence[str] | None = None,
               passed: set[tuple[Any, ...]] | None = None, settings: Any = None) -> None:
    """Check every docs/**/*.md; raise SourceError for the first bad file.

    passed: the files that passed before (under `mkdocs serve`, one set for the whole
    session), each as (location, text, settings, numbers, markers); a file whose text
    and settings (what `render` renders with) are unchanged is not checked again.
    """
    docs_dir = Path(docs_dir)
    markers = marker_components()
    for path in sorted(docs_dir.rglob("*.md")):
        shown = path
        if display_root:
            try:
                shown = path.relative_to(display_root)
            except ValueError:
                pass
        text, location = read_text(path), path.relative_to(docs_dir).as_posix()
        key = (location, text, settings, tuple(numbers or ()), markers)
        if passed is not None and key in passed:
            continue
        check_source(text, shown, render, markers, location=location, numbers=numbers)
        if passed is not None:
            passed.add(key)
    check_translation_markers(docs_dir, display_root)
