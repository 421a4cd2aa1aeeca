"""The print kit's pages as built, in every locale, and the links to them."""
import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.sitelib.locales import DOCS, LOCALES, NATIVE_NAMES, SOURCE_LOCALE
from scripts.sitelib.print_kit import (
    POSTER_SIZES, cards_url, flyer_topics, flyer_url, front_matter, language_label, mixed_card_locales, overview_url,
    poster_url,
    topic_url,
)
from scripts.devtools.print_pdf import mkdocs_nav
from scripts.sitelib.site_config import site_extra
from scripts.sitelib.dates import human_date
from scripts.sitelib.historical import flyer_is_historical
from scripts.sitelib.ui_strings import fill, load_strings

TOPICS = flyer_topics(order=mkdocs_nav())
STRINGS = load_strings()
EMERGENCY = site_extra()["emergency"]
SITE_NAMES = {}


def soup_of(site, path):
    file = Path(site.dir) / path / "index.html" if path.endswith("/") or not path else Path(site.dir) / path
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def resolve(site, page_path, href):
    """The file a relative href on the page at page_path points to."""
    href = href.split("#")[0].split("?")[0]
    target = posixpath.normpath(posixpath.join("/" + page_path, href)).lstrip("/")
    file = Path(site.dir) / target
    return file / "index.html" if href.endswith("/") or file.is_dir() else file


def text(node):
    return " ".join(node.get_text().replace("\u00a0", " ").split()) if node else ""


def test_the_print_kit_has_three_flyer_topics():
    assert [topic.slug for topic in TOPICS] == ["help", "covid-19", "drug-services"]   # reader pages first


@pytest.mark.parametrize("locale", LOCALES)
def test_each_flyer_is_a_leaflet_with_band_title_key_messages_qr_code_and_version(site, locale):
    for topic in TOPICS:
        flyer = soup_of(site, flyer_url(locale, topic.slug))
        page = soup_of(site, topic_url(locale, topic.slug))
        where = f"{locale}/{topic.slug}"
        assert flyer.html["lang"] == locale
        assert text(flyer.h1) == text(page.select_one("article h1")), where
        # The band: no organisation is named in mkdocs.yml, so the site's own name in this language.
        assert flyer.select_one(".flyer__logo")["alt"] == ""
        historical = flyer.select_one(".flyer__historical")
        meta = front_matter(DOCS / SOURCE_LOCALE / f"{topic.slug}.md")[0]
        if flyer_is_historical(meta):  # the whole page, or a flyer that prints its historical section
            date = human_date(meta["published"], locale)
            assert text(historical) == text(BeautifulSoup(fill(STRINGS[locale]["historical_advice"], "historical_advice",
                                                                {"date": date}), "html.parser")), where
        else:
            assert historical is None, where
        assert len(flyer.select(".flyer__key-messages > li")) == len(topic.key_messages), where
        assert [s["data-section"] for s in flyer.select(".flyer__body section")] == [
            s for s in topic.sections if s != "contact"]
        qr = flyer.select_one(".flyer__qr svg.print-qr")
        assert qr is not None and qr.title.get_text() == site.url + topic_url(locale, topic.slug)
        assert text(flyer.select_one(".print-url")).replace(" ", "") == (site.url + topic_url(locale, topic.slug)).split("://", 1)[1]
        footer = text(flyer.select_one(".flyer__footer"))
        assert STRINGS[locale]["reviewed"] in footer and re.search(rf"{STRINGS[locale]['print_version']} [0-9a-f]{{6}}", footer)
        assert not flyer.select_one(".flyer__contact"), "no contact detail is filled in"
        assert not flyer.select("nav, .md-header, .md-search, .md-footer")
        assert flyer.select_one(".site-quick-exit a.js-quick-exit")["href"].endswith("/exit/"), "the exit bar is on the page"


def test_version_codes_differ_between_languages_and_topics(site):
    codes = [text(soup_of(site, flyer_url(locale, t.slug)).select_one(".flyer__footer")).split()[-1]
             for locale in LOCALES for t in TOPICS]
    assert len(set(codes)) == len(codes)


def test_the_band_claims_no_owner_while_the_organisation_has_no_name(site):
    for locale in LOCALES:
        brand = text(soup_of(site, flyer_url(locale, "help")).select_one(".flyer__brand"))
        site_name = text(soup_of(site, topic_url(locale, "")).select_one(".md-header__topic .md-ellipsis")) or brand
        assert brand == site_name and brand, locale


def test_print_pages_run_no_inline_script_and_load_only_their_own_files(site):
    """The one inline script is the language-first component's, the same text as on every page."""
    language_first = soup_of(site, topic_url("th", "")).select_one("meta[name=site-language] + script").string
    for path in [flyer_url("th", "help"), cards_url("bg"), cards_url(None), poster_url("a3")]:
        soup = soup_of(site, path)
        scripts = soup.find_all("script")
        assert all(s.get("src") or s.get("type") == "application/json" or s.string == language_first
                   for s in scripts), path
        for tag in soup.select("script[src], link[rel=stylesheet]"):
            assert resolve(site, path, tag.get("src") or tag["href"]).is_file(), (path, tag)
        assert not soup.find(style=True) and not soup.find("style")


def test_thai_words_are_marked_so_lines_break_only_between_them(site):
    flyer = soup_of(site, flyer_url("th", "help"))
    words = flyer.select(".print-word")
    assert len(words) > 100
    assert "ความช่วยเหลือ" in [w.get_text() for w in words], "not cut as ความ|ช่วย|เหลือ"


@pytest.mark.parametrize("locale", LOCALES)
def test_each_locale_has_a_sheet_of_ten_discreet_pocket_cards(site, locale):
    sheet = soup_of(site, cards_url(locale))
    cards = sheet.select(".js-print-card")
    assert len(cards) == 10 and {card["lang"] for card in cards} == {locale}
    card = cards[0]
    assert text(card.select_one(".card__title")) == STRINGS[locale]["card_title"]
    assert [text(n) for n in card.select(".card__number")] == [e["number"] for e in EMERGENCY] == ["113", "112", "116 117"]
    assert [text(n) for n in card.select(".card__name")] == [STRINGS[locale][e["strings"] + "_name"] for e in EMERGENCY]
    assert card.select_one("svg.print-qr").title.get_text() == site.url + topic_url(locale, "help")
    assert not card.select_one(".card__contact"), "no WhatsApp or phone is set"
    words = text(card).lower()
    for forbidden in ("sex", "drug", "rus", "prostitu", "секс", "наркот", "เพศ", "ยาเสพติด", "性", "毒品", "droga", "drog"):
        assert forbidden not in words, f"{locale}: '{forbidden}' on a pocket card"
    assert len(sheet.select(".cards__mark")) == 18


def test_the_mixed_card_sheets_hold_every_language(site):
    sheet = soup_of(site, cards_url(None))
    assert [card["lang"] for card in sheet.select(".js-print-card")] == mixed_card_locales()
    assert len(sheet.select(".js-print-sheet")) == len(mixed_card_locales()) // 10


@pytest.mark.parametrize("size", POSTER_SIZES)
def test_the_language_poster_has_one_labelled_qr_code_per_language(site, size):
    poster = soup_of(site, poster_url(size))
    cells = poster.select(".poster__cell")
    assert [cell["lang"] for cell in cells] == LOCALES
    for cell, locale in zip(cells, LOCALES):
        assert text(cell.select_one(".poster__name")) == NATIVE_NAMES[locale]
        assert text(cell.select_one(".poster__scan")).replace(" ", "") == STRINGS[locale]["poster_scan"].replace(" ", "")
        assert cell.select_one("svg.print-qr").title.get_text() == site.url + topic_url(locale, "")
    assert text(poster.select_one('[lang="th"] .poster__scan')).replace(" ", "") == "สแกนเพื่ออ่านภาษาไทย"
    assert text(poster.select_one('[lang="zh"] .poster__scan')) == "扫码阅读中文"


def test_the_contact_strip_and_the_cards_show_contact_details_once_they_are_set(edited_site):
    from tests.conftest import EDITED_CONTACT
    flyer = soup_of(edited_site, flyer_url("en", "help"))
    strip = text(flyer.select_one(".flyer__contact"))
    for value in EDITED_CONTACT.values():
        assert value in strip
    card = soup_of(edited_site, cards_url("en")).select_one(".js-print-card")
    contact = text(card.select_one(".card__contact"))
    assert EDITED_CONTACT["whatsapp"] in contact and EDITED_CONTACT["phone"] in contact
    assert "10:00" not in contact, "a card carries WhatsApp and phone only"


@pytest.mark.parametrize("locale", LOCALES)
def test_each_topic_page_links_its_flyer(site, locale):
    for topic in TOPICS:
        path = topic_url(locale, topic.slug)
        links = soup_of(site, path).select(".site-flyer-links a")
        assert len(links) == 1, "the default build has no PDFs, so it links none"
        assert resolve(site, path, links[0]["href"]) == Path(site.dir) / flyer_url(locale, topic.slug) / "index.html"
    assert not soup_of(site, topic_url(locale, "partners")).select(".site-flyer-links")


def test_the_default_build_links_no_pdf_or_zip(site):
    for file in Path(site.dir).rglob("*.html"):
        assert not re.search(r'href="[^"]*\.(pdf|zip)"', file.read_text(encoding="utf-8")), file


@pytest.mark.parametrize("locale", LOCALES)
def test_the_overview_has_a_card_per_language_with_every_flyer_cards_and_posters(site, locale):
    path = overview_url(locale)
    soup = soup_of(site, path)
    cards = soup.select(".site-flyer-list__card:not(.site-flyer-list__card--all)")
    assert [text(card.h3) for card in cards] == [language_label(locale) for locale in LOCALES]
    for card, row_locale in zip(cards, LOCALES):
        links = card.select("a.site-flyer-list__link")
        assert [resolve(site, path, a["href"]) for a in links] == [
            Path(site.dir) / flyer_url(row_locale, t.slug) / "index.html" for t in TOPICS
        ] + [Path(site.dir) / cards_url(row_locale) / "index.html"]
        assert all(a["href"].endswith(f"?from={locale}") for a in links), "the print page's toolbar speaks this language"
    everyone = soup.select_one(".site-flyer-list__card--all")
    targets = [resolve(site, path, a["href"]) for a in everyone.select("a")]
    assert targets == ([Path(site.dir) / poster_url(s) / "index.html" for s in POSTER_SIZES]
                       + [Path(site.dir) / cards_url(None) / "index.html"])


@pytest.mark.parametrize("locale", LOCALES)
def test_the_partners_page_links_the_flyers_page(site, locale):
    path = topic_url(locale, "partners")
    link = soup_of(site, path).select_one(".site-flyer-list-link a")
    assert resolve(site, path, link["href"]) == Path(site.dir) / overview_url(locale) / "index.html"


def test_norwegian_uses_one_word_for_a_flyer():
    norwegian = [(DOCS / SOURCE_LOCALE / "flyers.md").read_text(encoding="utf-8")]
    for texts in _all_strings().values():  # a counted string holds its plural forms: {one: …, other: …}
        text = texts[SOURCE_LOCALE]
        norwegian += list(text.values()) if isinstance(text, dict) else [text]
    assert not any(re.search(r"løpeark", part, re.I) for part in norwegian)


def _all_strings():
    import yaml
    from scripts.sitelib.ui_strings import string_files
    table = {}
    for path in string_files():
        table.update(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    return table


def test_the_flyers_page_source_is_in_the_nav_with_ids_on_every_heading():
    assert "flyers.md" in mkdocs_nav()
    source = (DOCS / SOURCE_LOCALE / "flyers.md").read_text(encoding="utf-8")
    assert "<!-- flyer-list -->" in source
    headings = [line for line in source.splitlines() if line.startswith("## ")]
    assert headings and all(re.search(r"\{ #[a-z0-9-]+ \}$", line) for line in headings)
