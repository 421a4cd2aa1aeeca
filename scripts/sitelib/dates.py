"""Dates from front matter ('2021-04' or 2026-11-28), written out in the reader's language."""
import datetime


def parse_date(value):
    """Return (year, month, day or None); raise ValueError for anything else."""
    if isinstance(value, datetime.date):
        return value.year, value.month, value.day
    parts = str(value).split("-")
    if len(parts) not in (2, 3) or not all(part.isdigit() for part in parts):
        raise ValueError(f"'{value}' is not a date like 2021-04 or 2021-04-30")
    numbers = [int(part) for part in parts]
    datetime.date(numbers[0], numbers[1], numbers[2] if len(parts) == 3 else 1)
    return numbers[0], numbers[1], numbers[2] if len(parts) == 3 else None


def human_date(value, strings):
    """Format with the locale's months, date_format and month_format strings."""
    year, month, day = parse_date(value)
    months = [name.strip() for name in strings["months"].split(",")]
    pattern = strings["month_format"] if day is None else strings["date_format"]
    return pattern.format(year=year, month=months[month - 1], month_number=f"{month:02d}", day=day)


def iso_date(value):
    """'2021-04' or '2026-11-28' as text, for feeds and <time datetime>."""
    year, month, day = parse_date(value)
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
