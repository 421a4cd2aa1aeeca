"""No empty promises: sections that show data from mkdocs.yml `extra`.

A `##` section that holds a data marker (DATA_MARKERS, e.g. `<!-- contact-details -->`)
is there to show that data. When none of its data markers has data, the whole
section, heading included, is dropped from the Markdown before it is rendered.
So the page, its table of contents, search, embeds, the feed and the flyers
never see it: each of them is derived from the rendered page.
"""
from dataclasses import dataclass

from .help_data import help_data
from .markdown_source import parser
from .markers import find_markers
from .heading_ids import heading_id


def filled(value):
    return value is not None and str(value).strip() != ""


# marker name -> does `extra` hold the data its component shows?
DATA_MARKERS = {
    "contact-details": lambda extra: help_data(extra).contact.filled,
    "services": lambda extra: bool(help_data(extra).reachable_services),
    "licence": lambda extra: filled(extra.get("licence")),
}


@dataclass(frozen=True)
class Section:
    id: str
    start: int      # 0-based line of the `##` heading
    end: int        # first line after the section
    markers: tuple  # data markers in it


def data_sections(markdown):
    """Every `##` section of a Markdown body that holds a data marker."""
    tokens = parser().parse(markdown)
    lines = markdown.split("\n")
    headings = []  # (line, level, id)
    markers = []   # (line, name)
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            headings.append((token.map[0], int(token.tag[1]), heading_id(tokens[index + 1].content)))
        elif token.type == "html_block" and token.map:
            markers += [(token.map[0], name) for _, name in find_markers(token.content) if name in DATA_MARKERS]
    sections = []
    for position, (start, level, section_id) in enumerate(headings):
        if level != 2:
            continue
        end = next((line for line, other, _ in headings[position + 1:] if other <= 2), len(lines))
        inside = tuple(name for line, name in markers if start < line < end)
        if inside:
            sections.append(Section(section_id, start, end, inside))
    return sections


def without_empty_sections(markdown, extra):
    """(markdown, dropped section ids): the sections none of whose data markers has data are removed."""
    lines = markdown.split("\n")
    dropped = [section for section in data_sections(markdown)
               if not any(DATA_MARKERS[name](extra) for name in section.markers)]
    for section in reversed(dropped):
        del lines[section.start:section.end]
    return "\n".join(lines), [section.id for section in dropped]
