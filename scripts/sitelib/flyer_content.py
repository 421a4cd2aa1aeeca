"""From a topic page as built in one locale to the parts of its flyer.

The flyer carries the page's opening paragraph, its key messages (list items named
by `flyer_key_messages`, shown large with their pictogram) and the `##` sections
named by `flyer:`, without the items already shown as key messages. Links are
rebased so that they still work from the flyer's address.
"""
from collections.abc import Mapping
from typing import Any, cast
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from . import html_fragments
from .print_kit import Topic, relative_url
from .source_errors import SourceError

# A section that exists to show contact details is left out when no detail is
# filled in (the contact-details component then renders nothing); the flyer's
# contact strip shows the details when there are some.
NEEDS_CONTENT = {"contact": ".site-contact-details"}


def split_sections(html: str) -> tuple[BeautifulSoup, dict[str, BeautifulSoup]]:
    """Split page HTML at its <h2 id> headings: (intro soup without the <h1>,
    {id: soup of <h2> and what follows}), with the project's one section splitter."""
    intro_html, sections = html_fragments.split_sections(html)
    intro = html_fragments.parse(intro_html)
    for title in intro.find_all("h1", recursive=False):
        title.decompose()
    return intro, {section.id: html_fragments.parse(section.html) for section in sections}


def _rebase(soup: Tag, from_url: str, to_url: str) -> None:
    """Keep links working when HTML moves from page `from_url` to page `to_url`."""
    def moved(value: str) -> str:
        if urlsplit(value).scheme or value.startswith("//"):
            return value
        target, _, fragment = urljoin("/" + from_url, value).lstrip("/").partition("#")
        return relative_url(target, to_url) + (f"#{fragment}" if fragment else "")
    html_fragments.rewrite_links(soup, moved, tags=["a", "img"])


def _missing(topic: Topic, section_id: str, found: list[str], src_path: str | None, key: str) -> SourceError:
    where, line = (src_path, None) if src_path and src_path != topic.source else (
        topic.source, topic.key_line if key == "flyer_key_messages" else topic.line)
    return SourceError(where, line, f"{key}: section '#{section_id}' is not a '## … {{ #{section_id} }}' "
                                    f"heading on the page (found: {', '.join(found) or 'none'})")


def _list_items(section: Tag) -> list[Tag]:
    """The items of a section's first list written in Markdown (ul or ol), as tags.
    A component's list (it has a class, e.g. the health centres) is not counted."""
    first = section.find(["ul", "ol"], class_=False)
    return first.find_all("li", recursive=False) if first else []


def key_messages(sections: Mapping[str, Tag], topic: Topic, src_path: str | None = None) -> list[dict[str, Any]]:
    """[{'icon': svg html or '', 'number': n in a numbered list, 'html': text}] for the key messages."""
    messages: list[dict[str, Any]] = []
    for ref in topic.key_messages:
        section = sections.get(ref.section)
        if section is None:
            raise _missing(topic, ref.section, list(sections), src_path, "flyer_key_messages")
        items = _list_items(section)
        if ref.item > len(items):
            where, line = (src_path, None) if src_path and src_path != topic.source else (topic.source, topic.key_line)
            raise SourceError(where, line, f"flyer_key_messages: '#{ref.section}' has {len(items)} list items, "
                                           f"so it has no item {ref.item}")
        item = cast(Tag, BeautifulSoup(str(items[ref.item - 1]), "html.parser").li)  # one <li>, parsed again
        icon = item.find("span", class_="twemoji")
        icon_html = str(icon.extract()) if icon else ""
        number = ref.item if items[0].parent.name == "ol" else None  # type: ignore[union-attr]  # an item of a list
        messages.append({"icon": icon_html, "number": number, "html": item.decode_contents().strip()})
    return messages


def body_sections(sections: Mapping[str, Tag], topic: Topic, src_path: str | None = None) -> list[dict[str, Any]]:
    """[{'id', 'html'}] of the sections printed in full, without the key-message items."""
    taken: dict[str, set[int]] = {}
    for ref in topic.key_messages:
        taken.setdefault(ref.section, set()).add(ref.item)
    out: list[dict[str, Any]] = []
    for section_id in topic.sections:
        section = sections.get(section_id)
        if section is None:
            raise _missing(topic, section_id, list(sections), src_path, "flyer")
        needs = NEEDS_CONTENT.get(section_id)
        if needs and not section.select_one(needs):
            continue
        copy = BeautifulSoup(str(section), "html.parser")
        items = _list_items(copy)
        for number in sorted(taken.get(section_id, ()), reverse=True):
            if number <= len(items):
                items[number - 1].decompose()
        out.append({"id": section_id, "soup": copy})
    return out


def lead(intro: Tag) -> BeautifulSoup:
    """The page's opening paragraphs (between the title and the first section)."""
    part = BeautifulSoup("", "html.parser")
    for node in list(intro.children):
        if getattr(node, "name", None) == "p":
            part.append(BeautifulSoup(str(node), "html.parser"))
    return part


def flyer_parts(page_html: str, topic: Topic, from_url: str, to_url: str,
                src_path: str | None = None) -> dict[str, Any]:
    """{'lead': html, 'key_messages': [...], 'sections': [{'id', 'html'}]} of one built page."""
    intro, sections = split_sections(page_html)
    messages = key_messages(sections, topic, src_path)
    body = body_sections(sections, topic, src_path)
    opening = lead(intro)
    for soup in [opening] + [part["soup"] for part in body]:
        _rebase(soup, from_url, to_url)
    for message in messages:
        soup = BeautifulSoup(message["html"], "html.parser")
        _rebase(soup, from_url, to_url)
        message["html"] = str(soup)
    return {
        "lead": str(opening).strip(),
        "key_messages": messages,
        "sections": [{"id": part["id"], "html": str(part["soup"]).strip()} for part in body],
    }
