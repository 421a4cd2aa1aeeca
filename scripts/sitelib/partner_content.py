"""What partners get in the feeds and the embed builder: reader pages only, and
only the sections that have something to show.

- A page in the menu's `staff` group (site_nav.is_staff_page: drug-services,
  partners, flyers, status) is for staff: it is in neither.
- A `##` section is offered when it has text of its own (beyond component
  markers such as `<!-- language-list -->`). A section whose data is empty (the
  contact section while `extra.contact` is empty) is not in the page's Markdown
  any more: the reader-safety plugin (data_sections.py), the one judge of that, dropped it before the
  feed and the builder read `page.markdown`. Other components may render nothing
  without emptying their section (the help page's `<!-- our-clinic -->` while the
  clinic cannot be reached).
"""
from pathlib import Path

from .data_sections import page_sections
from .freshness import plain_heading, section_headings
from .locales import LOCALES, SOURCE_LOCALE
from .markdown_source import split_front_matter
from .segments import INTRO, parse

def section_parts(markdown: str) -> dict[str, tuple[bool, list[str]]]:
    """{section id: (has text of its own, [component names])} for the ## sections of a page."""
    own = {segment.section for segment in parse(markdown).segments if segment.kind != "heading"}
    return {section.id: (section.id in own, list(section.markers)) for section in page_sections(markdown)}


def offered_sections(markdown: str) -> list[str]:
    """Ids of the sections partners get, in page order: those with text of their own.
    markdown: page.markdown, after the data_sections hook dropped the sections without data."""
    return [key for key, (own, _) in section_parts(markdown).items() if own]


def page_names(docs: Path, page: str) -> dict[str, tuple[str, dict[str, str]]]:
    """{locale: (page title, {section id: heading})} in every language, read from
    the source files (a page not translated yet has its Norwegian names)."""
    names: dict[str, tuple[str, dict[str, str]]] = {}
    for locale in LOCALES:
        path = docs / locale / page
        if not path.exists():
            path = docs / SOURCE_LOCALE / page
        meta = split_front_matter(path.read_text(encoding="utf-8"), path)[0]
        headings = section_headings(path)
        names[locale] = (plain_heading(str(meta.get("title") or headings.get(INTRO, ""))), headings)
    return names
