"""The menu: reader pages first, then groups such as "For staff and partners".

mkdocs.yml names a group by a key (`- staff: [...]`); its title in each language
is the interface string `nav_<key>`. Previous/Next links never cross from one
group to another, so a reader page never leads on to a staff page.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .source_errors import SourceError

if TYPE_CHECKING:
    from mkdocs.structure import StructureItem
    from mkdocs.structure.nav import Section
    from mkdocs.structure.pages import Page

    from .plurals import Text

CONFIG = "mkdocs.yml"


def title_groups(items: Iterable[StructureItem], strings: Mapping[str, Text]) -> None:
    """Replace each group's key by its title in the page's language."""
    for item in items:
        if getattr(item, "is_section", False):
            item.group_key = item.title  # type: ignore[attr-defined]  # the site's own attribute
            key = f"nav_{item.title}"
            if key not in strings:
                raise SourceError(CONFIG, None, f"nav group '{item.title}' has no title: add '{key}' to "
                                                "overrides/components/site-nav/strings.yml")
            item.title = strings[key]  # type: ignore[assignment]  # group titles have no plural forms
            title_groups(item.children, strings)  # type: ignore[attr-defined]  # a section (is_section)


def group_of(page: StructureItem) -> Section | None:
    """The top-level group a page sits in (None for the reader pages at the top)."""
    top, node = None, page.parent
    while node is not None:
        top, node = node, node.parent
    return top


STAFF_GROUP = "staff"


def is_staff_page(page: StructureItem) -> bool:
    """True for a page in mkdocs.yml's `staff` group: not for readers, not for partners' feeds."""
    group = group_of(page)
    return group is not None and getattr(group, "group_key", group.title) == STAFF_GROUP


def nav_files(nav: Iterable[Any] | None) -> Iterator[str]:
    """Page file names in a config `nav:` (nested sections included)."""
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            yield from nav_files(value)
        elif isinstance(value, str):
            yield value


def reader_page_names(nav_config: Iterable[Any]) -> list[str]:
    """File names (without .md) of the reader pages: mkdocs.yml's top-level nav entries."""
    return [entry[:-3] for entry in nav_config if isinstance(entry, str)]


def keep_links_in_groups(pages: Sequence[Page]) -> None:
    """Drop Previous/Next links between pages of different groups."""
    for before, after in zip(pages, pages[1:]):
        if group_of(before) is not group_of(after):
            before.next_page = None
            after.previous_page = None


HELP_PAGE, HOME_PAGE = "help", "index"


def page_named(pages: Iterable[Page], name: str) -> Page | None:
    """The top-level nav page whose file is `<name>.md`, in whichever locale folder."""
    return next((page for page in pages if page.parent is None and page.file.name == name), None)


def home_page(pages: Iterable[Page]) -> Page | None:
    """The home page of the build's locale: the top-level index page."""
    return page_named(pages, HOME_PAGE)


def back_target(name: str, reader_pages: Collection[str]) -> str | None:
    """Where the back link of the page `name` (its file name without .md) leads, or None.

    Links inside the site replace the history entry (components/quick-exit), so Back
    leaves the site; each inner page gets a visible way back instead. A reader topic
    (a top-level page of the menu other than home and help) leads to the help page:
    a reader who has read the advice may need to act next. The help page itself, the
    staff pages and the footer's pages (About, Privacy) lead home, where the topics,
    the languages and the staff pages begin."""
    if name == HOME_PAGE:
        return None
    return HELP_PAGE if name in reader_pages and name != HELP_PAGE else HOME_PAGE
