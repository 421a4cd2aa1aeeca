"""What a translation cannot hide or drop: the page title that safety notices attach
to, and the component markers of its source.

- **The title.** "Historical advice (April 2021)" and the stale-translation notice
  go right after the page's title (main.html, material_coupling.after_title). The
  title is the page's one <h1>, at the top level of the page: never one inside a
  <details>, an admonition, a list or a <div>, where a notice would be folded away.
  title_end() is the one reading of "the page's title"; check_page_title() refuses
  a page where it would be ambiguous (a second <h1>, or one inside another element).
- **Markers.** A marker (`<!-- urgent-help -->`) stands at the top level of the
  page, so its component is never folded away either; and a translation has the
  same markers in the same `##` sections as its Norwegian source
  (check_translation_markers), or the build fails naming the translation.
"""
import functools
from collections import Counter
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from .html_fragments import parse
from .locales import SOURCE_LOCALE
from .markdown_source import read_text
from .markers import MARKER_LINE, marker_line
from .outline import outline
from .sanitizer import find_line
from .source_errors import SourceError

INTRO = "_intro"
TITLE_NEEDLES = (r"(?m)^[ \t>]*#(?!#)", r"<h1\b")


@functools.lru_cache(maxsize=1024)   # under `mkdocs serve`, every rebuild asks again for the pages an edit did not touch
def title_end(content_html: str) -> int | None:
    """Offset just after the page title's </h1> in page HTML (the top-level <h1>), or None."""
    content = str(content_html)
    heading = parse(content).find("h1", recursive=False)
    if heading is None:
        return None
    line_start = 0
    # html.parser records each tag's position (sourceline, sourcepos)
    for _ in range(heading.sourceline - 1):  # type: ignore[operator]
        line_start = content.index("\n", line_start) + 1
    return content.index("</h1>", line_start + heading.sourcepos) + len("</h1>")  # type: ignore[operator]


def check_page_title(html: str, path: str | Path, source: str | None = "") -> None:
    """The rendered page has at most one <h1>, at its top level (where title_end() finds it)."""
    headings = LexborHTMLParser(html).css("h1")
    if len(headings) > 1:
        raise SourceError(path, _nth_title_line(source, 2),
                          "a page has one title (# …); this is a second one: use ## for a section")
    if headings and (headings[0].parent.tag != "body" or title_end(html) is None):  # type: ignore[union-attr]
        raise SourceError(path, find_line(source, TITLE_NEEDLES),
                          f"the page title (# …) is inside <{headings[0].parent.tag}>: it must stand on its own "  # type: ignore[union-attr]
                          "at the top of the page, outside any box, list or <details>, where the site's notices "
                          "(historical advice, translation out of date) attach to it")


def _nth_title_line(source: str | None, n: int) -> int | None:
    lines = [number for number, line in enumerate((source or "").split("\n"), 1)
             if line.lstrip(" \t>").startswith("# ") or "<h1" in line]
    return lines[n - 1] if len(lines) >= n else None


def check_marker_places(html: str, path: str | Path, source: str | None = "") -> None:
    """Every marker left in sanitized page HTML stands at the top level of the page."""
    tree = LexborHTMLParser(html)
    for node in tree.root.traverse(include_text=False):  # type: ignore[union-attr]  # a parsed page has a root
        if node.tag == "-comment" and node.parent is not None and node.parent.tag != "body":
            match = MARKER_LINE.search(node.html or "")
            if match:
                name = match.group(1)
                raise SourceError(path, marker_line(source, name),
                                  f"the marker <!-- {name} --> is inside <{node.parent.tag}>: a marker stands on a "
                                  "line of its own at the top level of the page, outside any box, list or "
                                  "<details>, so that readers always see it")


Places = tuple[Counter[tuple[str, str]], dict[tuple[str, str], int], dict[str, int]]


def marker_places(path: str | Path) -> Places:
    """(Counter of (section id, marker name), {(section, name): line}, {section: heading line})
    of a Markdown page, read with the structure check's outline (outline.py)."""
    places, lines, sections = _marker_places(Path(path), read_text(path))
    return Counter(places), dict(lines), dict(sections)


# Keyed by the text: every build checks all 110 pages, and a serve rebuild finds most unchanged.
@functools.lru_cache(maxsize=1024)
def _marker_places(path: Path, text: str) -> Places:
    _, items, _ = outline(path, text)
    section = INTRO
    places: Counter[tuple[str, str]] = Counter()
    lines: dict[tuple[str, str], int] = {}
    sections: dict[str, int] = {}
    for item in items:
        if item.kind == "heading" and item.value.startswith("h2 #"):
            section = item.value[len("h2 #"):]
            sections.setdefault(section, item.line)
        elif item.kind == "marker":
            places[(section, item.value)] += 1
            lines.setdefault((section, item.value), item.line)
    return places, lines, sections


def _where(section: str) -> str:
    return "before the first ## heading" if section == INTRO else f"in the section {{ #{section} }}"


def check_translation_markers(docs_dir: str | Path, display_root: str | Path | None = None) -> None:
    """Each translation has its source's markers, in the same ## sections; SourceError naming it."""
    docs_dir = Path(docs_dir)

    def shown(path: Path) -> Path:
        try:
            return path.relative_to(display_root) if display_root else path
        except ValueError:
            return path

    for source in sorted((docs_dir / SOURCE_LOCALE).glob("*.md")):
        want, want_lines, _ = marker_places(source)
        for translation in sorted(docs_dir.glob(f"*/{source.name}")):
            if translation.parent.name == SOURCE_LOCALE:
                continue
            have, have_lines, sections = marker_places(translation)
            missing, extra = want - have, have - want
            for section, name in sorted(missing):
                there = f"the source {shown(source)}:{want_lines[(section, name)]} has it {_where(section)}"
                moved = next((place for place in sorted(extra) if place[1] == name), None)
                if moved:
                    raise SourceError(shown(translation), have_lines[moved],
                                      f"<!-- {name} --> is {_where(moved[0])} here, but {there}; a translation "
                                      "keeps every marker where its source has it")
                raise SourceError(shown(translation), sections.get(section),
                                  f"<!-- {name} --> is missing {_where(section)}: {there}, and a translation "
                                  "keeps every marker of its source (it may not hide or drop a safety notice)")
            for section, name in sorted(extra):
                raise SourceError(shown(translation), have_lines[(section, name)],
                                  f"<!-- {name} --> is {_where(section)} here, but not in the source "
                                  f"{shown(source)}: a translation has the same markers, in the same sections")
