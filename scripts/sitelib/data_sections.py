"""No empty promises: sections that show data from mkdocs.yml `extra`.

A `##` section that holds a data marker (DATA_MARKERS, e.g. `<!-- contact-details -->`)
is there to show that data. When none of its data markers has data, the whole
section, heading included, is dropped from the Markdown before it is rendered.
So the page, its table of contents, search, embeds, the feed and the flyers
never see it: each of them is derived from the rendered page.
"""
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from .help_data import help_data
from .markdown_source import mask_code
from .markers import find_markers
from .segments import INTRO, section_spans


def filled(value: object) -> bool:
    return value is not None and str(value).strip() != ""


# marker name -> does `extra` hold the data its component shows?
DATA_MARKERS: dict[str, Callable[[Mapping[str, Any]], bool]] = {
    "contact-details": lambda extra: help_data(extra).contact.filled,
    "services": lambda extra: bool(help_data(extra).reachable_services),
    "licence": lambda extra: filled(extra.get("licence")),
}


@dataclass(frozen=True)
class Section:
    id: str
    start: int      # 0-based line of the `##` heading
    end: int        # first line after the section
    markers: tuple[str, ...]  # the component markers in it, outside code


def page_sections(markdown: str) -> list[Section]:
    """Every `##` section of a Markdown page with its markers: the sections of
    segments.section_spans, the ones translations are versioned by."""
    lines = mask_code(markdown).split("\n")
    return [Section(key, first - 1, last, tuple(name for _, name in find_markers("\n".join(lines[first - 1:last]))))
            for key, (first, last) in section_spans(markdown).items() if key != INTRO]


def data_sections(markdown: str) -> list[Section]:
    """Every `##` section of a Markdown body that holds a data marker."""
    return [replace(section, markers=inside) for section in page_sections(markdown)
            if (inside := tuple(name for name in section.markers if name in DATA_MARKERS))]


def without_empty_sections(markdown: str, extra: Mapping[str, Any]) -> tuple[str, list[str]]:
    """(markdown, dropped section ids): the sections none of whose data markers has data are removed."""
    lines = markdown.split("\n")
    dropped = [section for section in data_sections(markdown)
               if not any(DATA_MARKERS[name](extra) for name in section.markers)]
    for section in reversed(dropped):
        del lines[section.start:section.end]
    return "\n".join(lines), [section.id for section in dropped]
