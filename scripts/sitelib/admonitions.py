"""Admonition titles in the page's language.

Python-Markdown gives a box without a title of its own the English name of its
type ("!!! info" -> "Info"), and pymdownx.details does the same for "??? info".
Those default titles are replaced by the strings `admonition_<type>`.
"""
from collections.abc import Mapping
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from .plurals import Text
from .source_errors import SourceError

BOXES = "div.admonition > p.admonition-title, details > summary"


def default_title_type(title: Tag) -> str | None:
    """The box type whose default title this is, or None for a title the author wrote."""
    box = title.parent
    for kind in box.get("class", []):  # type: ignore[union-attr, arg-type]  # a box title has a parent; class is a list
        if kind != "admonition" and title.get_text(strip=True) == kind.capitalize():
            return kind
    return None


def translate_titles(html: str, strings: Mapping[str, Text], path: str | Path) -> str:
    """Return html with every default admonition title in the page's language."""
    if "admonition" not in html and "<details" not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    changed = False
    for title in soup.select(BOXES):
        kind = default_title_type(title)
        if kind is None:
            continue
        key = f"admonition_{kind}"
        if key not in strings:
            raise SourceError(path, None, f"a '{kind}' box has no title in this language: give it one "
                                          f"(!!! {kind} \"…\") or add '{key}' to overrides/components/admonition/strings.yml")
        title.string = strings[key]  # type: ignore[assignment]  # admonition titles have no plural forms
        changed = True
    return str(soup) if changed else html
