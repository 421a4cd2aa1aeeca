"""How a reader reaches help: mkdocs.yml `extra.contact`, `extra.services`,
`extra.health_centres` and `extra.emergency`, typed and checked.

`help_data(extra, config_file)` is the one place that reads them. It runs when the
config is loaded (scripts/smittevern/reader_safety/plugin.py), so a wrong value stops the build with
mkdocs.yml, the line and the key (`extra.services[0].opening_hours[1].opens`). Pages,
components and the print kit read the typed result, never the raw dicts.
(When features become plugins, this function moves into a typed config.py.)

- `contact`: the organisation's own phone, WhatsApp, e-mail, address and hours.
- `services`: what the organisation offers, each by `id` (its texts are
  `service_<id>_name` and `service_<id>_what` in overrides/components/services/strings.yml)
  with its address, map link, opening hours, phone and WhatsApp. A service with no phone
  or WhatsApp of its own is reached on the organisation's (`contact`). A service that
  cannot be reached at all (no address, phone or WhatsApp) is never shown: the site
  promises nothing a reader cannot act on.
- `health_centres`: places anyone can reach today, whatever their papers, each with
  the address of a public page about it (confirmed: see the comment beside it).
- `emergency`: the public national numbers (`number`, and `strings`, the prefix of
  its texts `<strings>_name` and `<strings>_when` in components/urgent-help).

Opening hours are data (`days`, `opens`, `closes`), so Babel writes them in each
language and translators never retype them.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import quote_plus, urlsplit

import yaml
from babel import Locale
from babel.dates import format_interval, get_day_names
from babel.lists import format_list

from .front_matter import markup_in_text
from .source_errors import SourceError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ID = re.compile(r"[a-z][a-z0-9-]*\Z")
PHONE = re.compile(r"\+?[0-9][0-9 \u00a0-]*[0-9]\Z")
TIME = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])\Z")
# A map link when a place gives only its address: a search on OpenStreetMap, opened
# only when the reader taps it (no tracking, works in any browser).
MAP_SEARCH = "https://www.openstreetmap.org/search?query="

CONTACT_KEYS = ("phone", "whatsapp", "email", "address", "map_url", "opening_hours")
SERVICE_KEYS = ("id", "address", "map_url", "opening_hours", "phone", "whatsapp")
CENTRE_KEYS = ("id", "url")
EMERGENCY_KEYS = ("number", "strings")
HOURS_KEYS = ("days", "opens", "closes")


class ConfigError(SourceError):
    """A wrong value in mkdocs.yml: names the file, the line and the key."""


@dataclass(frozen=True)
class Hours:
    days: tuple[int, ...]      # 0 is Monday
    opens: dt.time
    closes: dt.time


@dataclass(frozen=True)
class Contact:
    phone: str = ""
    whatsapp: str = ""
    email: str = ""
    address: str = ""
    map_url: str = ""
    opening_hours: tuple[Hours, ...] = ()

    @property
    def filled(self) -> bool:
        return bool(self.phone or self.whatsapp or self.email or self.address or self.opening_hours)


@dataclass(frozen=True)
class Service:
    id: str
    address: str = ""
    map_url: str = ""
    opening_hours: tuple[Hours, ...] = ()
    phone: str = ""
    whatsapp: str = ""
    url: str = ""              # health centres: their public page

    @property
    def key(self) -> str:
        """The id as a strings.yml key part: 'social-workers' -> 'social_workers'."""
        return self.id.replace("-", "_")

    @property
    def reachable(self) -> bool:
        return bool(self.address or self.phone or self.whatsapp or self.url)


@dataclass(frozen=True)
class Emergency:
    number: str
    strings: str


@dataclass(frozen=True)
class HelpData:
    contact: Contact
    services: tuple[Service, ...]          # as reached: phone and WhatsApp fall back to the contact's
    health_centres: tuple[Service, ...]
    emergency: tuple[Emergency, ...]

    @property
    def reachable_services(self) -> tuple[Service, ...]:
        return tuple(service for service in self.services if service.reachable)

    def service(self, service_id: str) -> Service | None:
        """The service with this id, if it can be reached."""
        return next((s for s in self.reachable_services if s.id == service_id), None)


# --- reading and checking -------------------------------------------------------

def key_line(config_file: str | Path, path: Sequence[str | int]) -> int | None:
    """The line of a key in a YAML file, by its path (['extra', 'services', 0, 'id']);
    the nearest enclosing key that exists when it does not. None if unreadable."""
    try:
        node = yaml.compose(Path(config_file).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, TypeError, yaml.YAMLError):
        return None
    line = None
    for step in path:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == step), None)
            if found is None:
                break
            line, node = found[0].start_mark.line + 1, found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line


KeyPath = list[str | int]   # ['extra', 'services', 0, 'id']


class _Reader:
    def __init__(self, config_file: str | Path | None, strings: Mapping[str, object] | None) -> None:
        self.config_file = str(config_file or "mkdocs.yml")
        self.strings = strings

    def fail(self, path: KeyPath, message: str) -> NoReturn:
        name = "extra" + "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path[1:])
        raise ConfigError(self.config_file, key_line(self.config_file, path), f"{name} {message}")

    def mapping(self, value: object, path: KeyPath, keys: Sequence[str]) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(path, f"must be a mapping with the keys {', '.join(keys)}")
        unknown = [key for key in value if key not in keys]
        if unknown:
            self.fail(path + [unknown[0]], f"is not a known key; the keys are: {', '.join(keys)}")
        return value

    def sequence(self, value: object, path: KeyPath, example: str) -> list[Any]:
        if value in (None, "", []):
            return []
        if not isinstance(value, list):
            self.fail(path, f"must be a list, for example {example}")
        return value

    def text(self, value: object, path: KeyPath) -> str:
        if value is None:
            return ""
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            self.fail(path, "must be a text")
        text = str(value).strip()
        problem = markup_in_text(text)
        if problem:
            self.fail(path, problem)
        return text

    def phone(self, value: object, path: KeyPath, international: bool = False) -> str:
        number = self.text(value, path)
        if not number:
            return ""
        if not PHONE.match(number) or len(re.sub(r"\D", "", number)) < 3:
            self.fail(path, f"'{number}' is not a phone number: write digits, spaces and a leading +, like +47 22 00 00 00")
        if international and not number.startswith("+"):
            self.fail(path, f"'{number}' needs its country code for WhatsApp, like +47 900 00 000")
        return number

    def url(self, value: object, path: KeyPath) -> str:
        url = self.text(value, path)
        if url and (urlsplit(url).scheme != "https" or not urlsplit(url).netloc):
            self.fail(path, f"'{url}' must be a full https:// address")
        return url

    def time(self, value: object, path: KeyPath) -> dt.time:
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
            return dt.time(value // 60, value % 60)   # YAML 1.1 reads an unquoted 10:30 as 630 (minutes)
        match = TIME.match(str(value).strip()) if isinstance(value, str) else None
        if not match:
            self.fail(path, f"'{value}' is not a time like \"10:00\" or \"16:30\"")
        return dt.time(int(match[1]), int(match[2]))

    def days(self, value: object, path: KeyPath) -> tuple[int, ...]:
        """[mon, wed], 'mon-fri' or 'sat' -> (0, 2), (0, 1, 2, 3, 4), (5,)."""
        if isinstance(value, str) and re.fullmatch(r"\s*[a-z]{3}\s*[-–]\s*[a-z]{3}\s*", value):
            first, last = (part.strip() for part in re.split(r"[-–]", value))
            if first in DAYS and last in DAYS and DAYS.index(first) <= DAYS.index(last):
                return tuple(range(DAYS.index(first), DAYS.index(last) + 1))
        codes: list[Any] = value if isinstance(value, list) else [value]
        if codes and all(isinstance(code, str) and code.strip() in DAYS for code in codes):
            return tuple(sorted({DAYS.index(code.strip()) for code in codes}))
        self.fail(path, f"'{value}' must name days as {', '.join(DAYS)}: a list like [mon, wed] or a range like mon-fri")

    def hours(self, value: object, path: KeyPath) -> tuple[Hours, ...]:
        rows: list[Hours] = []
        for index, entry in enumerate(self.sequence(value, path, '[{days: mon-fri, opens: "10:00", closes: "16:00"}]')):
            where = path + [index]
            entry = self.mapping(entry, where, HOURS_KEYS)
            missing = [key for key in HOURS_KEYS if key not in entry]
            if missing:
                self.fail(where, f"needs {', '.join(missing)}, like {{days: mon-fri, opens: \"10:00\", closes: \"16:00\"}}")
            row = Hours(self.days(entry["days"], where + ["days"]), self.time(entry["opens"], where + ["opens"]),
                        self.time(entry["closes"], where + ["closes"]))
            if row.closes <= row.opens:
                self.fail(where + ["closes"], "must be later than opens")
            rows.append(row)
        return tuple(rows)

    def has_texts(self, prefix: str, suffixes: Iterable[str], path: KeyPath, where_texts: str) -> None:
        if self.strings is None:
            return
        missing = [f"{prefix}_{suffix}" for suffix in suffixes if f"{prefix}_{suffix}" not in self.strings]
        if missing:
            self.fail(path, f"has no texts: add {' and '.join(missing)} to {where_texts}")

    def contact(self, value: object) -> Contact:
        path: KeyPath = ["extra", "contact"]
        value = self.mapping(value, path, CONTACT_KEYS)
        return Contact(
            phone=self.phone(value.get("phone"), path + ["phone"]),
            whatsapp=self.phone(value.get("whatsapp"), path + ["whatsapp"], international=True),
            email=self.text(value.get("email"), path + ["email"]),
            address=self.text(value.get("address"), path + ["address"]),
            map_url=self.url(value.get("map_url"), path + ["map_url"]),
            opening_hours=self.hours(value.get("opening_hours"), path + ["opening_hours"]),
        )

    def places(self, value: object, name: str, keys: Sequence[str], texts: Iterable[str],
               where_texts: str) -> tuple[Service, ...]:
        path: KeyPath = ["extra", name]
        places: list[Service] = []
        seen: set[str] = set()
        for index, entry in enumerate(self.sequence(value, path, "[{id: clinic, …}]")):
            where = path + [index]
            entry = self.mapping(entry, where, keys)
            place_id = entry.get("id")
            if not isinstance(place_id, str) or not ID.match(place_id):
                self.fail(where + ["id"], f"'{place_id}' must be an id of lowercase letters, digits and hyphens, like social-workers")
            if place_id in seen:
                self.fail(where + ["id"], f"'{place_id}' is used twice")
            seen.add(place_id)
            self.has_texts(f"{name[:-1]}_{place_id.replace('-', '_')}", texts, where + ["id"], where_texts)
            places.append(Service(
                id=place_id,
                address=self.text(entry.get("address"), where + ["address"]),
                map_url=self.url(entry.get("map_url"), where + ["map_url"]),
                opening_hours=self.hours(entry.get("opening_hours"), where + ["opening_hours"]),
                phone=self.phone(entry.get("phone"), where + ["phone"]),
                whatsapp=self.phone(entry.get("whatsapp"), where + ["whatsapp"], international=True),
                url=self.url(entry.get("url"), where + ["url"]),
            ))
        return tuple(places)

    def emergency(self, value: object) -> tuple[Emergency, ...]:
        path: KeyPath = ["extra", "emergency"]
        numbers: list[Emergency] = []
        for index, entry in enumerate(self.sequence(value, path, '[{number: "113", strings: urgent_113}]')):
            where = path + [index]
            entry = self.mapping(entry, where, EMERGENCY_KEYS)
            number = self.phone(entry.get("number"), where + ["number"])
            if not number:
                self.fail(where + ["number"], "is empty")
            strings = self.text(entry.get("strings"), where + ["strings"])
            self.has_texts(strings, ("short", "name", "when"), where + ["strings"], "overrides/components/urgent-help/strings.yml")
            numbers.append(Emergency(number, strings))
        return tuple(numbers)


def help_data(extra: Mapping[str, Any] | None, config_file: str | Path | None = "mkdocs.yml",
              strings: Mapping[str, object] | None = None) -> HelpData:
    """The checked, typed contact, services, health centres and emergency numbers of
    `extra`. `strings` (one locale's {key: text}) also checks that every id has its texts.
    Raises ConfigError naming the config file, the line and the key."""
    extra = extra or {}
    read = _Reader(config_file, strings)
    contact = read.contact(extra.get("contact"))
    services = read.places(extra.get("services"), "services", SERVICE_KEYS, ("name", "what"),
                           "overrides/components/services/strings.yml")
    services = tuple(replace(s, phone=s.phone or contact.phone, whatsapp=s.whatsapp or contact.whatsapp)
                     for s in services)
    centres = read.places(extra.get("health_centres"), "health_centres", CENTRE_KEYS, ("name",),
                          "overrides/components/health-centres/strings.yml")
    return HelpData(contact, services, centres, read.emergency(extra.get("emergency")))


# --- writing it out, per locale -----------------------------------------------------

CONTACT_ORDER = ("phone", "whatsapp", "email", "address", "opening_hours")


def contact_fields(contact: Contact | None) -> list[tuple[str, str | tuple[Hours, ...]]]:
    """[(field, value)] of the filled-in contact fields, in display order (opening
    hours as Hours rows: the `opening_hours` filter writes them in a language)."""
    contact = contact or Contact()
    return [(field, getattr(contact, field)) for field in CONTACT_ORDER if getattr(contact, field)]


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def day_ranges(days: Iterable[int]) -> list[tuple[int, int]]:
    """(0, 1, 2, 4) -> [(0, 2), (4, 4)]: runs of consecutive days."""
    runs: list[tuple[int, int]] = []
    for day in days:
        if runs and runs[-1][1] == day - 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def days_text(days: Iterable[int], locale: str) -> str:
    """(0, 1, 2, 3, 4) -> 'Mandag–fredag'; (0, 2) -> 'Mandag og onsdag', in the locale's words."""
    names = get_day_names("wide", context="stand-alone", locale=locale)
    pattern = Locale.parse(locale).interval_formats.get(None, "{0}–{1}")
    parts: list[str] = []
    for first, last in day_ranges(days):
        if first == last:
            parts.append(names[first])
        elif last == first + 1:
            parts += [names[first], names[last]]
        else:
            parts.append(pattern.replace("{0}", names[first]).replace("{1}", names[last]))
    return _capitalised(format_list(parts, locale=locale))


def times_text(hours: Hours, locale: str) -> str:
    """'10:00–16:00' as the locale writes a span of 24-hour clock times."""
    return format_interval(hours.opens, hours.closes, "Hm", locale=locale)


def hours_rows(hours: Iterable[Hours], locale: str) -> list[tuple[str, str]]:
    """[(days, times)] for each row of opening hours, in the locale's words."""
    return [(days_text(row.days, locale), times_text(row, locale)) for row in hours]


def map_href(place: Contact | Service) -> str:
    """The map link of a place: its own `map_url`, else a map search for its address."""
    if place.map_url:
        return place.map_url
    return MAP_SEARCH + quote_plus(place.address) if place.address else ""


def url_host(url: str) -> str:
    """'https://www.example.no/a/b/' -> 'example.no': the site a link leads to, as people say it."""
    return urlsplit(url).netloc.removeprefix("www.")
