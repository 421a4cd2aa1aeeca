"""Dates written out by Babel in every locale of the table."""
import pytest

from scripts.sitelib.dates import human_date, iso_date, parse_date
from scripts.sitelib.locales import LOCALES


@pytest.mark.parametrize("locale", LOCALES)
def test_every_locale_writes_out_days_and_months(locale):
    day, month = human_date("2026-11-28", locale), human_date("2021-04", locale)
    assert "2026" in day and "28" in day and "2021" in month
    assert "-" not in day + month, "written out, not ISO"


@pytest.mark.parametrize("locale, value, text", [
    ("nb", "2026-11-28", "28. november 2026"), ("nb", "2021-04", "april 2021"),
    ("en", "2026-11-28", "28 November 2026"), ("en", "2021-04", "April 2021"),
    ("ru", "2026-11-28", "28 ноября 2026\u202fг."),   # the genitive the month strings could not give
    ("th", "2026-11-28", "28 พฤศจิกายน 2026"), ("zh", "2026-11-28", "2026年11月28日"),
])
def test_known_forms(locale, value, text):
    assert human_date(value, locale) == text


def test_bad_dates_are_refused():
    for bad in ("2021", "2021-13", "April 2021", "2021-02-30"):
        with pytest.raises(ValueError):
            parse_date(bad)
    assert iso_date("2021-4") == "2021-04"
