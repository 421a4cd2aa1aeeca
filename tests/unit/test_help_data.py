"""How a reader reaches help (scripts/sitelib/help_data.py): the contact, services,
health centres and emergency numbers of mkdocs.yml, typed and checked at load, with
clear errors naming the file, the line and the key; opening hours written by Babel."""
import datetime as dt
import re

import pytest

from scripts.sitelib.help_data import (
    ConfigError, Contact, Hours, days_text, help_data, hours_rows, key_line, map_href, url_host,
)
from scripts.sitelib.locales import LOCALES, SOURCE_LOCALE
from scripts.sitelib.phone_links import call_label, number_labels
from scripts.sitelib.site_config import load_mkdocs_yml, site_extra
from scripts.sitelib.ui_strings import load_strings

STRINGS = load_strings()
CONFIG = load_mkdocs_yml()

CONFIG_TEXT = """site_name: Test
extra:
  contact:
    phone: ""
    whatsapp: ""
    opening_hours: []
  services:
    - id: clinic
      address: Testveien 1, 0000 Oslo
      opening_hours:
        - days: mon-fri
          opens: "10:00"
          closes: "16:00"
    - id: lawyer
      phone: ""
  health_centres:
    - id: oslo
      url: https://kirkensbymisjon.no/helsesenteret/om-oss/
  emergency:
    - number: "113"
      strings: urgent_113
"""


def config(tmp_path, text=CONFIG_TEXT):
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    from mkdocs.utils.yaml import yaml_load
    return yaml_load(text)["extra"], path


# --- the committed config ---------------------------------------------------------------

def test_the_committed_config_is_valid_and_promises_no_service():
    data = help_data(site_extra(CONFIG), "mkdocs.yml", STRINGS[SOURCE_LOCALE])
    assert [s.id for s in data.services] == ["clinic", "social-workers", "lawyer", "outreach", "condoms"]
    assert data.reachable_services == () and data.service("clinic") is None, "nothing can be reached: nothing shown"
    assert not data.contact.filled
    assert [(e.number, e.strings) for e in data.emergency] == [
        ("113", "urgent_113"), ("112", "urgent_112"), ("116 117", "urgent_116117")]
    assert {c.id: c.url for c in data.health_centres} == {
        "oslo": "https://kirkensbymisjon.no/helsesenteret/om-oss/",
        "bergen": "https://kirkensbymisjon.no/helsesenteret-bergen/om-oss/"}


def test_every_health_centre_link_has_its_confirmed_source_beside_it():
    text = open("mkdocs.yml", encoding="utf-8").read()
    for centre in CONFIG["extra"]["health_centres"]:
        assert f"# Source, confirmed: {centre['url']}" in text, centre["id"]


# --- what can be reached -----------------------------------------------------------------

def test_a_service_is_reached_on_its_own_ways_or_on_the_organisations_phone(tmp_path):
    extra, path = config(tmp_path)
    data = help_data(extra, path)
    assert [s.id for s in data.reachable_services] == ["clinic"], "the lawyer has no way in yet"
    extra["contact"]["phone"] = "+47 22 00 00 00"
    data = help_data(extra, path)
    assert [(s.id, s.phone) for s in data.reachable_services] == [
        ("clinic", "+47 22 00 00 00"), ("lawyer", "+47 22 00 00 00")]
    assert data.contact.filled
    extra["services"][1]["phone"] = "+47 22 11 11 11"
    assert help_data(extra, path).service("lawyer").phone == "+47 22 11 11 11", "its own number first"


def test_opening_hours_are_typed():
    data = help_data({"services": [{"id": "clinic", "address": "A 1", "opening_hours": [
        {"days": "mon-thu", "opens": "12:00", "closes": "16:00"},
        {"days": ["fri", "sat"], "opens": 540, "closes": "12:30"},   # YAML 1.1 reads 09:00 unquoted as 540
    ]}]})
    assert data.services[0].opening_hours == (Hours((0, 1, 2, 3), dt.time(12), dt.time(16)),
                                              Hours((4, 5), dt.time(9), dt.time(12, 30)))


# --- clear errors: file, line and key -----------------------------------------------------

@pytest.mark.parametrize("old, new, where, words", [
    ('opens: "10:00"', 'opens: "25:00"', "extra.services[0].opening_hours[0].opens", "is not a time"),
    ('closes: "16:00"', 'closes: "09:00"', "extra.services[0].opening_hours[0].closes", "later than opens"),
    ("days: mon-fri", "days: weekdays", "extra.services[0].opening_hours[0].days", "mon, tue"),
    ("- id: lawyer", "- id: Lawyer", "extra.services[1].id", "lowercase"),
    ("- id: lawyer", "- id: clinic", "extra.services[1].id", "used twice"),
    ("- id: lawyer", "- id: dentist", "extra.services[1].id", "service_dentist_name"),
    ('      phone: ""', '      phone: "call us"', "extra.services[1].phone", "is not a phone number"),
    ('    whatsapp: ""', '    whatsapp: "900 00 000"', "extra.contact.whatsapp", "country code"),
    ("url: https://kirkensbymisjon", "url: http://kirkensbymisjon", "extra.health_centres[0].url", "https://"),
    ("    - id: oslo\n", "    - id: oslo\n      phone: x\n", "extra.health_centres[0].phone", "not a known key"),
    ("address: Testveien 1", "address: <b>Testveien</b>", "extra.services[0].address", "markup"),
    ("strings: urgent_113", "strings: urgent_999", "extra.emergency[0].strings", "urgent_999_short"),
    ("    opening_hours: []", "    opening_hours: Mandag til fredag", "extra.contact.opening_hours", "must be a list"),
])
def test_a_wrong_value_names_mkdocs_yml_the_line_and_the_key(tmp_path, old, new, where, words):
    assert old in CONFIG_TEXT
    text = CONFIG_TEXT.replace(old, new, 1)
    extra, path = config(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        help_data(extra, path, STRINGS[SOURCE_LOCALE])
    message = str(error.value)
    assert message.startswith(f"{path}:"), message
    assert f" {where} " in message and words in message, message
    line = int(message.split(":")[1])
    key = re.findall(r"\w+", where)[-1]
    assert re.search(rf"\b{key}\s*:", text.splitlines()[line - 1]), (line, message)


def test_key_line_finds_nested_keys_and_falls_back_to_the_nearest(tmp_path):
    _, path = config(tmp_path)
    assert key_line(path, ["extra", "services", 0, "opening_hours", 0, "closes"]) == 13
    assert key_line(path, ["extra", "services", 1, "map_url"]) == 14, "missing: the entry's line"
    assert key_line(tmp_path / "nothing.yml", ["extra"]) is None


# --- written out per locale -----------------------------------------------------------------

@pytest.mark.parametrize("locale, expected", [
    ("nb", "Mandag–fredag"), ("en", "Monday\u2009–\u2009Friday"), ("ru", "Понедельник — пятница"),
    ("zh", "星期一 – 星期五"), ("th", "วันจันทร์ – วันศุกร์"),
])
def test_days_are_written_by_babel_in_each_language(locale, expected):
    assert days_text((0, 1, 2, 3, 4), locale) == expected


def test_separate_days_and_pairs_are_listed():
    assert days_text((0, 2), "nb") == "Mandag og onsdag"
    assert days_text((0, 1, 3), "en") == "Monday, Tuesday, and Thursday"
    assert hours_rows((Hours((2,), dt.time(13), dt.time(16)),), "nb") == [("Onsdag", "13:00–16:00")]
    assert hours_rows((), "nb") == []


def test_every_locale_writes_hours_without_retyping():
    hours = (Hours((0, 1, 2, 3, 4), dt.time(10), dt.time(16)),)
    for locale in LOCALES:
        [(days, times)] = hours_rows(hours, locale)
        assert days and "10" in times and "16" in times, locale


def test_a_map_link_is_the_places_own_or_a_search_for_its_address():
    data = help_data({"services": [{"id": "clinic", "address": "Testveien 1, 0000 Oslo"},
                                   {"id": "lawyer", "address": "X 2", "map_url": "https://maps.example.no/x"}]})
    assert map_href(data.services[0]) == "https://www.openstreetmap.org/search?query=Testveien+1%2C+0000+Oslo"
    assert map_href(data.services[1]) == "https://maps.example.no/x"
    assert map_href(Contact()) == ""
    assert url_host("https://www.helsenorge.no/a/b/") == "helsenorge.no"


# --- call links say the number and what it is for ----------------------------------------------

@pytest.mark.parametrize("locale, expected", [
    ("nb", "Ring 1 1 3, Ambulanse"), ("en", "Call 1 1 3, Ambulance"), ("th", "โทร 1 1 3, รถพยาบาล"),
    ("zh", "拨打 1 1 3，救护车"), ("ru", "Позвонить по номеру 1 1 3, Скорая помощь"),
])
def test_a_call_link_is_named_with_its_purpose(locale, expected):
    ui = STRINGS[locale]
    assert call_label("113", ui, ui["urgent_113_name"]) == expected
    assert call_label("+47 22 00 00 00", ui).endswith("+ 4 7 2 2 0 0 0 0 0 0")


def test_every_number_a_page_may_link_has_a_label_in_every_language():
    extra = dict(site_extra(CONFIG), contact={"phone": "+47 22 00 00 00"})
    for locale in LOCALES:
        labels = number_labels(extra, STRINGS[locale])
        assert set(labels) == {"113", "112", "116117", "4722000000"}, locale
        assert STRINGS[locale]["urgent_112_name"] in labels["112"], locale
        assert "1 1 2" in labels["112"] and "{" not in "".join(labels.values()), locale


# --- what the print kit shows of it -------------------------------------------------------------

def test_a_pocket_card_adds_a_services_own_numbers_as_far_as_they_fit():
    from scripts.sitelib.print_pages import card_service_numbers, service_rows
    ui = STRINGS["nb"]
    data = help_data({"contact": {"phone": "+47 22 00 00 00", "whatsapp": "+47 900 00 000"}, "services": [
        {"id": "clinic", "phone": "+47 22 11 11 11", "whatsapp": "+47 900 11 111", "address": "Testveien 1",
         "opening_hours": [{"days": "mon-fri", "opens": "10:00", "closes": "16:00"}]},
        {"id": "lawyer", "phone": "+47 22 22 22 22"},
        {"id": "outreach"}]})
    assert card_service_numbers(data, ui) == [("Helseklinikk", "Telefon", "+47 22 11 11 11"),
                                              ("Helseklinikk", "WhatsApp", "+47 900 11 111")], \
        "the organisation's two and two more fill the card; the QR code leads to the rest"
    assert card_service_numbers(help_data({}), ui) == []
    rows = service_rows(data, ui, "nb")
    assert [row["name"] for row in rows] == ["Helseklinikk", "Gratis advokat", "Vi kommer til deg"]
    assert rows[0]["hours"] == [("Mandag–fredag", "10:00–16:00")] and rows[2]["phone"] == "+47 22 00 00 00"
