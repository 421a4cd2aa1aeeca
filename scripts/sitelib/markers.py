"""Component markers: a line `<!-- name -->` in Markdown renders the component
overrides/components/<name>/<name>.html in its place.

One grammar, MARKER (the comment), on a line of its own in MARKER_LINE, finds
markers everywhere: in Markdown source (for line numbers), in sanitized page HTML
(the sanitizer keeps only these comments) and when the components are rendered. A marker counts only
- on a line of its own, and
- for a component that declares itself a marker: the first line of its template
  is a Jinja comment starting with `marker:`, e.g.
  {#- marker: a Markdown line <!-- contact-details --> shows this component -#}
Other components (the quick exit, the page tools, …) are placed by the site's
templates and cannot be placed by page text.
"""
import re
from collections.abc import Callable, Collection, Iterator
from pathlib import Path

from .source_errors import SourceError
from .ui_strings import OVERRIDES

MARKER = r"<!--[ \t]*([a-z][a-z0-9-]*)[ \t]*-->"  # the marker syntax; group 1 the name
MARKER_LINE = re.compile(r"^[ \t]*" + MARKER + r"[ \t]*$", re.M)
DECLARATION = re.compile(r"\A\{#-?[ \t]*marker:")


def components(overrides: Path = OVERRIDES) -> dict[str, Path]:
    """{name: template path} of every component with a <name>/<name>.html template."""
    return {path.parent.name: path for path in sorted(overrides.glob("components/*/*.html"))
            if path.stem == path.parent.name}


def marker_components(overrides: Path = OVERRIDES) -> frozenset[str]:
    """Names of the components whose template declares itself a marker."""
    return frozenset(name for name, path in components(overrides).items()
                     if DECLARATION.match(path.read_text(encoding="utf-8")))


def find_markers(text: str) -> Iterator[tuple[int, str]]:
    """Yield (line number, name) of each marker line in Markdown or HTML."""
    for match in MARKER_LINE.finditer(text):
        yield text.count("\n", 0, match.start()) + 1, match.group(1)


def marker_line(source: str | None, name: str) -> int | None:
    """Line of `<!-- name -->` in a Markdown source: a marker line first, then anywhere; else None."""
    for number, found in find_markers(source or ""):
        if found == name:
            return number
    match = re.search(rf"<!--[ \t]*{re.escape(name)}[ \t]*-->", source or "")
    return (source or "").count("\n", 0, match.start()) + 1 if match else None


def check_marker(name: str, markers: Collection[str], path: str | Path, source: str | None,
                 own_line: bool = True) -> None:
    """Fail unless `name` is a marker component written on a line of its own."""
    line = marker_line(source, name)
    if name not in markers:
        known = components()
        what = (f"the component '{name}' is placed by the site's templates, not by page text" if name in known
                else f"there is no component '{name}'")
        raise SourceError(path, line, f"<!-- {name} --> is not a marker: {what}. "
                          f"Markers: {', '.join(f'<!-- {m} -->' for m in sorted(markers)) or 'none'}. "
                          "For a note to other editors, write more than one word: <!-- note: … -->")
    if not own_line:
        raise SourceError(path, line, f"the marker <!-- {name} --> must stand on a line of its own, "
                          "with an empty line before and after it")


def render_markers(html: str, render: Callable[[str], str], markers: Collection[str]) -> str:
    """Replace each marker line of sanitized HTML with render(name)."""
    def replace(match: re.Match[str]) -> str:
        if match.group(1) not in markers:
            raise ValueError(f"<!-- {match.group(1)} --> is not a marker component")
        return render(match.group(1))
    return MARKER_LINE.sub(replace, html)
