"""Which part of a page is the historical record (front matter `historical:`).

`historical: true`: the whole page; "Historical advice (April 2021)" stands under its
H1 (main.html) and in its flyer's band. `historical: <section id>`: only that `##`
section; the notice stands under the section's heading, in the page and wherever the
section travels (embeds, feeds, a flyer that prints it)."""
from collections.abc import Mapping
from typing import Any

from .html_fragments import split_sections


def historical_section(meta: Mapping[str, Any] | None) -> str | None:
    """The id of the page's historical section, or None (a whole historical page has none)."""
    value = (meta or {}).get("historical")
    return value if isinstance(value, str) else None


def flyer_is_historical(meta: Mapping[str, Any] | None) -> bool:
    """Does a flyer of this page carry historical text (its band then says so)?"""
    meta = meta or {}
    if meta.get("historical") is True:
        return True
    section = historical_section(meta)
    printed = set(meta.get("flyer") or []) | {str(item).split()[0] for item in meta.get("flyer_key_messages") or []}
    return section is not None and section in printed


def after_section_heading(html: str, section_id: str, notice: str) -> str | None:
    """Insert `notice` right after the `<h2 id="section_id">` heading; None when there is no such heading."""
    intro, sections = split_sections(html)
    if section_id not in {section.id for section in sections}:
        return None
    return intro + "".join(section.heading_html + (notice if section.id == section_id else "") + section.body_html
                           for section in sections)
