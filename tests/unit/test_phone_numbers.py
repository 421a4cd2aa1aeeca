"""One definition of a phone number, one list of them (mkdocs.yml): the edge cases."""
import pytest

from scripts.sitelib.phone_numbers import (allowed_set, canonical, config_numbers, dropped_numbers, phone_like,
                                           tel_problem, unknown_numbers)
from scripts.sitelib.ui_strings import load_strings

ALLOWED = allowed_set(["113", "116 117", "+47 900 00 000"])


def found(text):
    return [text[start:end] for start, end in phone_like(text)]


@pytest.mark.parametrize("text, number", [
    ("Ring 113.", "113"), ("Ring 116 117.", "116 117"), ("Ring 116117.", "116117"), ("Ring 1 1 3.", "1 1 3"),
    ("Ring 22 33 44 55.", "22 33 44 55"), ("Ring 22-33-44-55.", "22-33-44-55"), ("tlf. 22.33.44.55", "22.33.44.55"),
    ("(+47) 22334455", "(+47) 22334455"), ("+47 22 33 44 55", "+47 22 33 44 55"), ("0047 22334455", "0047 22334455"),
    ("900 00 000", "900 00 000"), ("22 334 455", "22 334 455"), ("โทร๑๑๓ได้", "๑๑๓"), ("拨打１１３", "１１３"),
    ("ring112nå", "112"),
])
def test_phone_numbers_in_any_spacing_or_digits(text, number):
    assert found(text) == [number]


@pytest.mark.parametrize("text", [
    "I 2021 og 2020–2021 og 2020-2021 og 2020/21.", "30.04.2021, 2021-04-30, 2021-04, 30/4/2021, 30.4.",
    "kl. 08.00–16.00 og 08.00 - 16.00 og 8:30", "§ 315 og §§ 315 og 316, straffeloven § 316, paragraf 113",
    "10 000 mennesker, 10.000 personas, 1 000 000 personnes, 2 000–3 000 kr", "24/7", "COVID-19, H5N1, ISO 9001",
    "side 14, 100 prosent, 1. 2. 3.",
])
def test_dates_years_times_paragraphs_and_counts_are_not_phone_numbers(text):
    assert found(text) == []


def test_numbers_are_compared_as_a_phone_dials_them():
    assert canonical("+47 900 00 000") == canonical("900 00 000") == canonical("0047 90000000") == "90000000"
    assert canonical("+46 8 123 456") == "+468123456" and canonical("+47 113") != canonical("113")
    assert unknown_numbers("Ring 116 117, 1 1 3 eller +47 900 00 000.", ALLOWED) == []
    assert unknown_numbers("Ring 116 123 eller 22 33 44 55.", ALLOWED) == ["116 123", "22 33 44 55"]


def test_the_one_list_is_every_phone_value_under_extra():
    extra = {"emergency": [{"number": "113", "strings": "urgent_113"}, {"number": "116 117"}, {"number": "112"}],
             "contact": {"phone": "+47 22 00 00 00", "whatsapp": "", "email": "a@b.no"},
             "services": [{"name": "Helsesenter", "phone": "22 33 44 55", "whatsapp_number": "+47 900 00 000"}],
             "quick_exit_url": "https://www.yr.no/", "licence": "CC BY 4.0"}
    assert config_numbers(extra) == ["113", "116 117", "112", "+47 22 00 00 00", "22 33 44 55", "+47 900 00 000"]


@pytest.mark.parametrize("href, allowed", [
    ("tel:113", True), ("tel:116117", True), ("tel:116%20117", True), ("tel:+4790000000", True),
    ("tel:+4712345678", False), ("tel:113,12345678", False), ("tel:113;ext=1", False), ("tel:%31%31%33", False),
    ("https://wa.me/4790000000", True), ("https://wa.me/4712345678", False),
    ("https://api.whatsapp.com/send?phone=4712345678", False), ("https://www.fhi.no/", True),
])
def test_tel_and_whatsapp_links_dial_only_config_numbers(href, allowed):
    assert (tel_problem(href, ALLOWED) is None) == allowed


def test_a_number_split_across_elements_is_read_as_shown():
    assert dropped_numbers("<p>Ring 2233<b>4455</b>.</p><p>2021</p><p>2022</p>", "<p>Ring.</p>") == ["22334455"]


def test_interface_strings_hold_only_config_numbers(tmp_path):
    component = tmp_path / "components" / "help"
    component.mkdir(parents=True)
    (component / "strings.yml").write_text("call:\n  nb: Ring 113\n  en: Call 22 33 44 55\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"strings.yml:3: 'call' in en has the phone number '22 33 44 55'"):
        load_strings(tmp_path, ["nb", "en"], numbers=["113"])
    assert load_strings(tmp_path, ["nb", "en"], numbers=["113", "22 33 44 55"])["en"]["call"] == "Call 22 33 44 55"
