"""Help in one tap: every known phone number in a page's text becomes a tel: link.

The numbers are data: every number in mkdocs.yml (`extra.emergency`: 113,
116 117; `extra.contact.phone` / `whatsapp`; see phone_numbers.config_numbers).
Only those are linked, so a
year or an amount in the text never becomes a call. A screen reader reads the
link as "Call 1 1 3, ambulance": digit by digit, as people say a phone number (not
"one hundred and thirteen"), with what the number is for (`call_label`).
"""
import re
from collections.abc import Collection, Mapping
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag

from .phone_numbers import config_numbers
from .ui_strings import Strings, fill

# Text inside these is left alone: links already are links, and code is code.
SKIP = {"a", "code", "pre", "script", "style", "textarea", "button", "select", "option", "title",
        "h1", "h2", "h3", "h4", "h5", "h6"}
SPACE = "[ \u00a0\u202f-]?"


def tel_href(number: object) -> str:
    """'116 117' -> 'tel:116117'; '+47 22 00 00 00' -> 'tel:+4722000000'."""
    number = str(number).strip()
    return "tel:" + ("+" if number.startswith("+") else "") + re.sub(r"\D", "", number)


def spoken_number(number: object) -> str:
    """The number digit by digit, for screen readers: '113' -> '1 1 3'."""
    number = str(number).strip()
    return " ".join((["+"] if number.startswith("+") else []) + re.findall(r"\d", number))


def call_label(number: object, ui: Strings, name: object = "") -> str:
    """A call link's accessible name in the page's language (ui: its strings):
    '113', 'Ambulanse' -> 'Ring 1 1 3, Ambulanse'; without a name, 'Ring 1 1 3'."""
    spoken = spoken_number(number)
    if name:
        return fill(ui["call_label"], "call_label", {"number": spoken, "name": str(name)})
    return fill(ui["call_label_plain"], "call_label_plain", {"number": spoken})


def number_labels(extra: Mapping[str, Any], ui: Strings) -> dict[str, str]:
    """{digits: accessible name} for every number a page may link: an emergency
    number with its name ('Ring 1 1 3, Ambulanse'), any other with none."""
    labels: dict[str, str] = {}
    for item in extra.get("emergency") or []:
        number = str(item.get("number", "")).strip()
        labels.setdefault(re.sub(r"\D", "", number), call_label(number, ui, ui.get(f"{item.get('strings')}_name", "")))
    for number in known_numbers(extra):
        labels.setdefault(re.sub(r"\D", "", number), call_label(number, ui))
    return labels


def known_numbers(extra: Mapping[str, Any]) -> list[str]:
    """The phone numbers a page may link: every number in the config (phone_numbers.py)."""
    return config_numbers(extra)


def number_pattern(numbers: Collection[str]) -> re.Pattern[str]:
    """A regex for the numbers as people write them: digit groups may be joined by a
    space, a no-break space or a hyphen, or not at all ('116 117', '116117')."""
    alternatives = []
    for number in sorted(numbers, key=len, reverse=True):
        plus = r"\+" if number.startswith("+") else ""
        groups = re.findall(r"\d+", number)
        alternatives.append(plus + SPACE.join(re.escape(group) for group in groups))
    return re.compile(r"(?<![\d+])(?:" + "|".join(alternatives) + r")(?!\d)")


def link_phone_numbers(html: str, numbers: Collection[str], labels: Mapping[str, str] | None = None) -> str:
    """Wrap each of `numbers` found in the text of `html` in a tel: link; `labels`
    ({digits: accessible name}) names each link, else it is read digit by digit."""
    if not numbers:
        return html
    pattern = number_pattern(numbers)
    if not pattern.search(html):
        return html
    soup = BeautifulSoup(html, "html.parser")
    for text in list(soup.find_all(string=pattern)):
        if not isinstance(text, NavigableString) or type(text) is not NavigableString:
            continue  # comments, CDATA
        if any(parent.name in SKIP for parent in text.parents):
            continue
        parts: list[str | Tag] = []
        last = 0
        for match in pattern.finditer(text):
            parts.append(text[last:match.start()])
            link = soup.new_tag("a", href=tel_href(match.group(0)), attrs={"class": "site-tel"})
            link["aria-label"] = (labels or {}).get(re.sub(r"\D", "", match.group(0))) or spoken_number(match.group(0))
            link.string = match.group(0)
            parts.append(link)
            last = match.end()
        parts.append(text[last:])
        for part in parts:
            if part:
                text.insert_before(part)
        text.extract()
    return str(soup)


def whatsapp_href(number: object) -> str:
    """'+47 900 00 000' -> 'https://wa.me/4790000000' (WhatsApp's click-to-chat link).
    Nothing is fetched from WhatsApp until the reader taps it."""
    return "https://wa.me/" + re.sub(r"\D", "", str(number))
