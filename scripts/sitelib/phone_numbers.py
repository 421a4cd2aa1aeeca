"""Phone numbers are data: the only numbers the site shows, links or dials are the
ones in mkdocs.yml.

A reader in trouble calls the number she sees. A translator who turns "113" into
another number, or links "113" to another one, could send her anywhere; so:
- config_numbers() is the one list: every value under `extra:` whose key names a
  phone (number, phone, whatsapp, sms, tel; e.g. extra.emergency[].number,
  extra.contact.phone, extra.services[].whatsapp). Nothing else defines numbers.
- phone_like() finds what a reader would dial in any text, in any spacing or
  punctuation (`22 33 44 55`, `22-33-44-55`, `(+47) 22334455`, `1 1 3`, Thai or
  full-width digits), and leaves alone what is not a phone number: dates
  (2021-04-30, 30.04.2021), years and year ranges, times (08.00–16.00), law
  paragraphs (§ 315), counts (10 000, 10.000) and ids (they are not text).
- check_numbers() fails a page whose text, link or front matter holds a number
  that is not in the config, naming the file and line; tel_problem() and
  audit_tel_links() hold every tel: and WhatsApp link to the same list.
"""
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from .source_errors import SourceError

PHONE_KEY = re.compile(r"(?:^|_)(?:number|phone|whatsapp|sms|tel|telephone|mobile)s?(?:$|_)", re.I)
SPACE = "[ \u00a0\u202f\u2009\u2007]"
# Digits joined by one separator (a space, a hyphen or dash, a dot, a slash, a bracket):
# how people write one number. Never after or before another digit.
TOKEN = re.compile(rf"(?<!\d)(?:\+{SPACE}?|\(\+?)?\d+(?:(?:{SPACE}?[-‐‑–—./()]{SPACE}?|{SPACE})\(?\d+)*\)?(?!\d)")
RANGE = re.compile(rf"{SPACE}?[–—]{SPACE}?|{SPACE}-{SPACE}")
NOT_A_PHONE = [re.compile(pattern) for pattern in (
    r"\d{4}-\d{1,2}(?:-\d{1,2})?",  # ISO date, 2021-04-30, 2021-04
    r"\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?",  # 30.04.2021, 30.4.21, 30.4.
    r"\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?",  # 30/4/2021, 24/7
    r"\d{1,2}[.:]\d{2}",  # a time, 08.00
    r"\d{1,2}[.:]\d{2}-\d{1,2}[.:]\d{2}",  # a time range, 08.00-16.00
    r"(?:1[89]|20)\d{2}[-/](?:(?:1[89]|20)\d{2}|\d{2})",  # years, 2020-2021, 2020/21
    # a count up to 7 digits, 10 000, 10.000, 1 000 000 (a phone number has 8, or starts with 116)
    rf"(?!116)(?:\d{{1,3}}(?:{SPACE}|[.,'])\d{{3}}|\d(?:(?:{SPACE}|[.,'])\d{{3}}){{2}})",
)]
SHOWN_FRONT_MATTER = ("title", "description")  # the front matter readers see (and link previews)
PARAGRAPH_BEFORE = re.compile(r"(?:§|§§|\bparagraf|\bart\.?|\bartikkel)\s*$", re.I)
BLOCKS = "p, li, dt, dd, td, th, h1, h2, h3, h4, h5, h6, caption, figcaption, summary, pre, blockquote, div, br"
WHATSAPP = re.compile(r"^https://(?:wa\.me/|api\.whatsapp\.com/send/?\?(?:.*&)?phone=)([^/?&#]*)", re.I)
TEL_HREF = re.compile(r"""href\s*=\s*\\?["']?tel:([^"'\\\s>]*)""", re.I)


def ascii_digits(text: object) -> str:
    """Every decimal digit (Thai ๑, full-width １ …) as its ASCII digit; the rest as is."""
    return "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in str(text))


def canonical(number: str) -> str:
    """The number as a phone dials it: '+47 22 33 44 55' and '22 33 44 55' -> '22334455',
    '116 117' -> '116117', '+46 8 123' -> '+468123'."""
    text = ascii_digits(number).strip()
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        digits = "00" + digits
    if digits.startswith("0047") and len(digits) == 12:
        return digits[4:]  # a Norwegian number, dialled from Norway
    return "+" + digits[2:] if digits.startswith("00") and len(digits) > 4 else digits


def config_numbers(extra: Mapping[str, Any] | None) -> list[str]:
    """Every phone number in mkdocs.yml's `extra:` (as written), in order, once."""
    found: list[str] = []

    def walk(value: object, key: str = "") -> None:
        if isinstance(value, dict):
            for name, item in value.items():
                walk(item, str(name))
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item, key)
        elif PHONE_KEY.search(key) and not isinstance(value, bool) and re.search(r"\d", str(value or "")):
            found.append(str(value).strip())

    walk(dict(extra or {}))
    return list(dict.fromkeys(found))


def _is_phone(part: str) -> bool:
    digits = re.sub(r"\D", "", part)
    if any(pattern.fullmatch(part) for pattern in NOT_A_PHONE):
        return False
    if part.lstrip("(").startswith("+") or (digits.startswith("00") and len(digits) >= 7):
        return True
    return len(digits) >= 5 or (len(digits) == 3 and digits.startswith("11"))


def phone_like(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each phone number in text (see the module's docstring)."""
    normal = ascii_digits(text)
    for match in TOKEN.finditer(normal):
        if PARAGRAPH_BEFORE.search(normal[max(0, match.start() - 12):match.start()]):
            continue  # § 315, straffeloven § 316
        if any(_is_phone(part) for part in RANGE.split(match.group(0))):
            yield match.start(), match.end()


def unknown_numbers(text: str, allowed: Collection[str]) -> list[str]:
    """The phone numbers written in text that are not in `allowed` (canonical forms)."""
    return [text[start:end] for start, end in phone_like(text) if canonical(text[start:end]) not in allowed]


def tel_problem(href: str, allowed: Collection[str]) -> str | None:
    """Why a tel: or WhatsApp link is not allowed (None when it dials a number of the config)."""
    href = str(href).strip()
    if href[:4].lower() == "tel:":
        number = re.sub(r"%20|[ \-.()]", "", href[4:])
        if not re.fullmatch(r"\+?\d+", number) or canonical(number) not in allowed:
            return f"'{href}' does not dial one of the numbers in mkdocs.yml"
    whatsapp = WHATSAPP.match(href)
    if whatsapp and canonical("+" + whatsapp.group(1).lstrip("+")) not in allowed:
        return f"'{href}' is not one of the WhatsApp numbers in mkdocs.yml"
    return None


def allowed_set(numbers: Iterable[str]) -> set[str]:
    return {canonical(number) for number in numbers}


def texts_of(html: str) -> list[str]:
    """What a reader sees or hears of rendered HTML, block by block: the text (inline
    elements joined, as shown), then titles and alt texts."""
    tree = LexborHTMLParser(html)
    attributes = [value for node in tree.css("[title], [alt], [aria-label]")
                  for name, value in node.attributes.items() if name in ("title", "alt", "aria-label") and value]
    for node in tree.css(BLOCKS):
        node.insert_before("\n")
        node.insert_after("\n")
    body = tree.body.text(separator="") if tree.body else ""
    return [body, *attributes]


def _number_needles(number: str) -> tuple[str, str, str]:
    digits = re.sub(r"\D", "", ascii_digits(number))
    return (re.escape(number), r"\D{0,3}".join(digits[:12]), re.escape(digits[-4:]))


def check_numbers(html: str, path: str | Path, source: str, numbers: Sequence[str],
                  meta: Mapping[str, Any] | None = None) -> None:
    """Fail, naming the file and line, on a phone number in a page (its rendered HTML,
    its links, its front matter texts) that is not one of `numbers` (config_numbers)."""
    from .sanitizer import find_line

    allowed = allowed_set(numbers)
    listed = ", ".join(numbers) or "none"
    for node in LexborHTMLParser(html).css("a[href]"):
        problem = tel_problem(node.attributes.get("href") or "", allowed)
        if problem:
            shown = node.attributes.get("href") or ""
            raise SourceError(path, find_line(source, (re.escape(shown[:40]), *_number_needles(shown))),
                              f"the link {problem} ({listed}); a phone link may only call those")
    front = [str((meta or {}).get(key) or "") for key in SHOWN_FRONT_MATTER]
    for text in texts_of(html) + front:
        for number in unknown_numbers(text, allowed):
            raise SourceError(path, find_line(source, _number_needles(number)),
                              f"the phone number '{number.strip()}' is not one of the numbers in mkdocs.yml "
                              f"({listed}); write only those, in any spacing")


def dropped_numbers(source_html: str, translation_html: str) -> list[str]:
    """The phone numbers of a source page that its translation does not have (canonical, with counts)."""
    def counted(html: str) -> dict[str, int]:
        found: dict[str, int] = {}
        for text in texts_of(html)[:1]:
            for start, end in phone_like(text):
                key = canonical(text[start:end])
                found[key] = found.get(key, 0) + 1
        return found
    have = counted(translation_html)
    return [number for number, count in counted(source_html).items() if have.get(number, 0) < count]


def audit_tel_links(site_dir: str | Path, numbers: Sequence[str]) -> None:
    """Fail, naming the output file, on a tel: link anywhere in the built site that
    does not dial one of `numbers` (the templates' own links included)."""
    allowed = allowed_set(numbers)
    site_dir = Path(site_dir)
    for path in sorted(p for p in site_dir.rglob("*") if p.suffix in (".html", ".json", ".xml") and p.is_file()):
        text = path.read_text(encoding="utf-8", errors="replace")
        if "tel:" not in text:
            continue
        for match in TEL_HREF.finditer(text):
            problem = tel_problem("tel:" + match.group(1), allowed)
            if problem:
                raise SourceError(path.relative_to(site_dir).as_posix(), None,
                                  f"the built site has a link {problem} ({', '.join(numbers) or 'none'})")
