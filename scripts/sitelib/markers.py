"""Component markers: a line `<!-- name -->` in Markdown is replaced by the
rendered template overrides/components/<name>/<name>.html."""
import re

from .source_errors import SourceError

MARKER = re.compile(r"<!--\s*([a-z][a-z0-9-]*)\s*-->")


def find_markers(markdown):
    """Yield (line number, marker name) for each marker line in Markdown source."""
    for number, line in enumerate(markdown.splitlines(), 1):
        match = MARKER.fullmatch(line.strip())
        if match:
            yield number, match.group(1)


def check_markers(markdown, path, known):
    """Fail on a marker that names no component."""
    for number, name in find_markers(markdown):
        if name not in known:
            raise SourceError(path, number, f"unknown component marker <!-- {name} -->; known: {', '.join(sorted(known))}")


def render_markers(html, render):
    """Replace each marker comment in rendered HTML with render(name)."""
    return MARKER.sub(lambda match: render(match.group(1)), html)
