"""Dates from front matter ('2021-04' or 2026-11-28), written out in the reader's
language by Babel (CLDR): month names, their grammatical case and the order."""
import datetime
import functools

from babel import Locale, UnknownLocaleError
from babel.dates import format_skeleton


def parse_date(value: object) -> tuple[int, int, int | None]:
    """Return (year, month, day or None); raise ValueError for anything else."""
    if isinstance(value, datetime.date):
        return value.year, value.month, value.day
    parts = str(value).split("-")
    if len(parts) not in (2, 3) or not all(part.isdigit() for part in parts):
        raise ValueError(f"'{value}' is not a date like 2021-04 or 2021-04-30")
    numbers = [int(part) for part in parts]
    datetime.date(numbers[0], numbers[1], numbers[2] if len(parts) == 3 else 1)
    return numbers[0], numbers[1], numbers[2] if len(parts) == 3 else None


@functools.lru_cache(maxsize=None)   # a build formats ~1600 dates in 11 languages
def date_locale(locale: str) -> Locale:
    """The language as written in Norway where CLDR knows it ('en' -> en_NO, 28 November
    2026), else the language itself ('th')."""
    try:
        return Locale.parse(f"{locale}_NO")
    except (UnknownLocaleError, ValueError):
        return Locale.parse(locale)


def human_date(value: object, locale: str) -> str:
    """'2026-11-28' -> '28. november 2026'; '2021-04' -> 'april 2021' (in `locale`)."""
    if not isinstance(locale, str):
        raise TypeError("human_date(value, locale) takes a locale code such as 'th' (Babel knows the month names)")
    year, month, day = parse_date(value)
    skeleton = "yMMMMd" if day else "yMMMM"
    return format_skeleton(skeleton, datetime.date(year, month, day or 1), locale=date_locale(locale))


def iso_date(value: object) -> str:
    """'2021-04' or '2026-11-28' as text, for feeds and <time datetime>."""
    year, month, day = parse_date(value)
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
