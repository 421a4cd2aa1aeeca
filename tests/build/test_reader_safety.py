"""Reader safety in the built site (issue 11): discreet previews, tel: links, the
urgent box, the exit bar and its address, the safety page, and no empty promises
with extra.contact empty (`site`) or filled in (`edited_site`)."""
import json
import re
import urllib.error
import urllib.request
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from scripts.sitelib.feed import feed_path
from scripts.sitelib.print_kit import flyer_url
from scripts.sitelib.headers import EXIT_PATH
from scripts.sitelib.locales import LOCALES, SOURCE_LOCALE, TRANSLATIONS, locale_prefix
from scripts.sitelib.phone_links import call_label
from scripts.sitelib.site_config import load_mkdocs_yml, site_extra
from scripts.sitelib.ui_strings import load_strings
from tests.conftest import EDITED_CONTACT

CONFIG = load_mkdocs_yml()
UI = load_strings()
LANGUAGES = next(p["i18n"] for p in CONFIG["plugins"] if isinstance(p, dict) and "i18n" in p)["languages"]
SITE_NAME = {lang["locale"]: lang["site_name"] for lang in LANGUAGES}
DESCRIPTION = {lang["locale"]: lang.get("site_description") for lang in LANGUAGES}
EMERGENCY = site_extra(CONFIG)["emergency"]

# Words a link preview must never show: what the site is about, and for whom.
NOT_IN_PREVIEWS = {
    "nb": ["sex", "selge", "bytte", "rus", "narkotika", "prostitu", "kunde", "migrant", "papirløs"],
    "en": ["sex", "sell", "exchang", "drug", "prostitut", "client", "migrant", "undocumented", "worker"],
    "es": ["sex", "vend", "intercamb", "droga", "prostitu", "cliente", "migrante", "trabajador"],
    "pt": ["sex", "vend", "troca", "droga", "prostitu", "cliente", "migrante", "trabalhador"],
    "ro": ["sex", "vinde", "vând", "drog", "prostitu", "client", "migrant"],
    "bg": ["секс", "прода", "нарко", "дрог", "проститу", "клиент", "мигрант"],
    "th": ["เพศ", "ขายบริการ", "ยาเสพติด", "ลูกค้า", "แรงงานข้ามชาติ", "โสเภณี", "เซ็กส์"],
    "ru": ["секс", "прода", "нарко", "проститу", "клиент", "мигрант"],
    "sq": ["seks", "shit", "drog", "prostitu", "klient", "migrant"],
    "fr": ["sex", "vend", "drogue", "prostitu", "client", "migrant"],
    "zh": ["性", "卖", "毒品", "客人", "客户", "移民", "嫖"],
}


def test_every_locale_has_words_previews_must_not_show():
    missing = sorted(set(LOCALES) - set(NOT_IN_PREVIEWS))
    assert not missing, f"a new locale needs its words in NOT_IN_PREVIEWS (tests/build/test_reader_safety.py): {missing}"


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(site, path):
    return soup(site.dir / path / "index.html")


def locale_of_file(site_dir, path):
    first = path.relative_to(site_dir).parts[0]
    return first if first in TRANSLATIONS else SOURCE_LOCALE


FLYER_PAGE = re.compile(r"(^|/)flyers/[^/]+/index\.html$")


def reader_files(site_dir):
    """Every HTML file a reader or a chat app can open, but the exit redirect."""
    return [path for path in sorted(site_dir.rglob("*.html"))
            if not path.relative_to(site_dir).as_posix().startswith(("assets/", "exit/"))]


# --- discreet previews ----------------------------------------------------------------

def test_every_locale_has_its_own_neutral_description():
    assert set(DESCRIPTION) == set(LOCALES) and all(DESCRIPTION.values())
    assert len(set(DESCRIPTION.values())) == len(LOCALES), "each language its own text"
    assert CONFIG["site_description"] == DESCRIPTION[SOURCE_LOCALE]
    for locale, text in DESCRIPTION.items():
        for word in NOT_IN_PREVIEWS[locale]:
            assert word not in text.lower(), (locale, word)


def test_every_file_previews_with_the_neutral_text_of_its_language(site):
    files = reader_files(site.dir)
    kinds = {"embed/": 0, "flyers/": 0, "offline/": 0, "404.html": 0}
    for path in files:
        locale = locale_of_file(site.dir, path)
        head = soup(path).head
        where = path.relative_to(site.dir)
        descriptions = [meta["content"] for meta in head.select('meta[name="description"]')]
        assert descriptions == [DESCRIPTION[locale]], where
        assert head.select_one('meta[property="og:description"]')["content"] == DESCRIPTION[locale], where
        assert head.select_one('meta[name="twitter:description"]')["content"] == DESCRIPTION[locale], where
        for tag in ('meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[property="og:site_name"]'):
            assert head.select_one(tag)["content"] == SITE_NAME[locale], (where, tag)
        previews = " ".join(meta.get("content", "") for meta in head.select("meta[content]")).lower()
        for word in NOT_IN_PREVIEWS[locale]:
            assert word not in previews, (where, word)
        for kind in kinds:
            kinds[kind] += kind in where.as_posix()
    assert all(kinds.values()), kinds  # embeds, flyers, offline pages and 404 pages were all checked


def test_page_titles_stay_and_front_matter_descriptions_stay_out_of_the_head(site):
    html = page(site, "help")
    assert html.title.get_text().startswith("Få hjelp")
    assert "selger eller bytter sex" not in str(html.head)


# --- tel: links and the urgent box ---------------------------------------------------------

@pytest.mark.parametrize("locale", LOCALES)
def test_every_emergency_number_in_the_text_is_a_tel_link(site, locale):
    numbers = [entry["number"] for entry in EMERGENCY]
    pattern = re.compile(r"(?<![\d+])(?:" + "|".join(n.replace(" ", r"[ \u00a0]?") for n in numbers) + r")(?!\d)")
    found = 0
    for name in ("help", "covid-19"):
        article = page(site, locale_prefix(locale) + name).select_one("article")
        for text in article.find_all(string=pattern):
            if text.find_parent(["h1", "h2", "h3"]) or text.find_parent("script"):
                continue
            link = text.find_parent("a")
            assert link is not None and link["href"].startswith("tel:"), (locale, name, str(text))
            # read digit by digit, with what the number is for: "Ring 1 1 3, Ambulanse"
            entry = next(e for e in EMERGENCY if e["number"].replace(" ", "") == link["href"][4:])
            assert link["aria-label"] == call_label(entry["number"], UI[locale], UI[locale][entry["strings"] + "_name"]), link
            found += 1
    assert found >= 5, found


@pytest.mark.parametrize("locale", LOCALES)
def test_urgent_box_tops_help_and_covid_pages_from_one_data_source(site, locale):
    for name in ("help", "covid-19"):
        article = page(site, locale_prefix(locale) + name).select_one("article")
        box = article.select_one(".site-urgent")
        assert box is not None, (locale, name)
        assert box.find_previous("h1") is not None and box.find_previous("h2") is None, "at the top"
        assert box.select_one(".site-urgent__title").get_text(strip=True) == UI[locale]["urgent_title"]
        calls, items = box.select("a.site-urgent__call"), box.select(".site-urgent__item")
        assert len(calls) == len(items) == len(EMERGENCY) == 3
        for link, item, entry in zip(calls, items, EMERGENCY):
            assert link["href"] == "tel:" + entry["number"].replace(" ", "")
            assert link.select_one(".site-urgent__number").get_text(strip=True) == entry["number"]
            assert link.select_one(".site-urgent__short").get_text(strip=True) == UI[locale][entry["strings"] + "_short"]
            assert link["aria-label"] == call_label(entry["number"], UI[locale], UI[locale][entry["strings"] + "_name"])
            assert box.select_one(f"#{link['aria-describedby']}") is item, "described by when to call"
            text = item.get_text(" ", strip=True)
            assert UI[locale][entry["strings"] + "_name"] in text and UI[locale][entry["strings"] + "_when"] in text


def test_tel_links_reach_embeds_feed_and_flyers(site):
    embed = soup(site.dir / "help" / "embed" / "urgent" / "index.html")
    assert embed.select_one('a[href="tel:116117"]') and embed.select_one('a[href="tel:113"]')
    assert embed.select_one('a[href="tel:112"]')
    feed = json.loads((site.dir / feed_path("en")).read_text(encoding="utf-8"))
    help_page = next(item for item in feed["items"] if item["_embed"]["page_id"] == "help")
    assert "urgent" in [section["id"] for section in help_page["_embed"]["sections"]]
    assert 'href="tel:113"' in help_page["content_html"]
    flyer = page(site, flyer_url("th", "help"))
    assert flyer.select_one('a[href="tel:116117"]')


# --- the exit bar, its address and the safety page ------------------------------------------

def test_exit_bar_on_every_page_but_embeds(site):
    checked = flyers = 0
    for path in reader_files(site.dir):
        rel = path.relative_to(site.dir).as_posix()
        if "/embed/" in f"/{rel}":
            continue
        flyers += bool(FLYER_PAGE.search(rel))
        html = soup(path)
        locale = locale_of_file(site.dir, path)
        bar = html.select_one(".js-quick-exit-bar")
        assert bar is not None, rel
        link = bar.select_one("a.js-quick-exit")
        assert link.get_text(strip=True) == UI[locale]["quick_exit"], rel
        base = f"{site.url}{rel}"
        assert urljoin(base, link["href"]) == site.url + EXIT_PATH.lstrip("/"), rel
        safety = bar.select_one(".site-quick-exit__safety")
        assert urljoin(base, safety["href"]) == f"{site.url}{locale_prefix(locale)}safety/", rel
        assert safety.get_text(strip=True) == UI[locale]["quick_exit_safety"]
        checked += 1
    assert checked >= len(LOCALES) * 9 and flyers >= len(LOCALES) * 3, (checked, flyers)




def test_embed_views_have_no_exit_bar(site):
    assert not page(site, "help/embed").select_one(".js-quick-exit-bar")


def test_exit_page_goes_to_the_neutral_site_without_script(site):
    html = (site.dir / "exit" / "index.html").read_text(encoding="utf-8")
    neutral = site_extra(CONFIG)["quick_exit_url"]
    assert f'<meta http-equiv="refresh" content="0; url={neutral}">' in html
    assert "<script" not in html and "stylesheet" not in html
    rules = (site.dir / "_headers").read_text(encoding="utf-8").split(f"\n{EXIT_PATH}\n", 1)[1]
    assert '  Clear-Site-Data: "cache", "storage"' in rules.split("\n/", 1)[0]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_nginx_answers_the_exit_with_clear_site_data_and_a_redirect(nginx_site):
    request = urllib.request.Request(nginx_site.url + "exit/")
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.build_opener(_NoRedirect).open(request, timeout=10)
    response = answer.value
    assert response.status == 302
    assert response.headers["Location"] == site_extra(CONFIG)["quick_exit_url"]
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_safety_page_in_every_language_and_in_the_menu(site):
    for locale in LOCALES:
        html = page(site, locale_prefix(locale) + "safety")
        assert html.html["lang"] == locale
        ids = [h2["id"] for h2 in html.select("article h2")]
        assert ids == ["exit-button", "limits", "private-browsing", "clear-history", "shared-phone", "saved-pages"]
        box = html.select_one("article .js-offline[data-mode=remove]")
        assert box is not None and box.select_one(".js-offline-remove"), locale
        assert len(html.select(".js-offline")) == 1, "no second saved-pages box under the page"
        help_url = f"{site.url}{locale_prefix(locale)}help/"
        menu = [urljoin(help_url, a["href"]) for a in page(site, locale_prefix(locale) + "help")
                .select(".md-nav--primary a.md-nav__link[href]")]
        assert f"{site.url}{locale_prefix(locale)}safety/" in menu, menu


def test_partners_page_says_embeds_have_no_exit_bar(site):
    text = page(site, "partners").select_one("#embed").find_next("ul").get_text(" ")
    assert "ingen knapp for å forlate siden raskt" in text


# --- no empty promises --------------------------------------------------------------------

@pytest.mark.parametrize("locale", LOCALES)
def test_without_contact_details_nothing_promises_contact(site, locale):
    prefix = locale_prefix(locale)
    help_page = page(site, prefix + "help")
    assert help_page.select_one("#contact") is None
    assert not help_page.select(".site-contact-details, .site-contact-bar")
    assert not (site.dir / prefix / "help" / "embed" / "contact").exists()
    partners = page(site, prefix + "partners")
    assert partners.select_one("#questions") is None and partners.select_one("#terms") is None
    assert not partners.select('a[href*="#contact"]')
    builder = json.loads(partners.select_one(".js-embed-builder")["data-embed-builder"])
    assert "contact" not in [s["id"] for p in builder["pages"] for s in p["sections"]]
    flyer = page(site, flyer_url(locale, "help"))
    assert flyer.select_one("#contact") is None
    index = json.loads((site.dir / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if "#contact" in doc["location"]]
    feed = json.loads((site.dir / feed_path(locale)).read_text(encoding="utf-8"))
    assert "contact" not in [s["id"] for item in feed["items"] for s in item["_embed"]["sections"]]


def test_with_contact_details_the_help_page_shows_them_and_the_contact_bar(edited_site):
    help_page = page(edited_site, "help")
    section = help_page.select_one("#contact")
    assert section is not None
    details = help_page.select_one(".site-contact-details")
    assert EDITED_CONTACT["phone"] in details.get_text()
    bar = help_page.select_one(".site-contact-bar")
    links = {a.get_text(" ", strip=True): a["href"] for a in bar.select("a")}
    assert links == {UI["nb"]["contact_bar_whatsapp"]: "https://wa.me/4790000000",
                     UI["nb"]["contact_bar_call"]: "tel:+4722000000"}
    assert bar.find_previous("h2")["id"] == "contact"
    assert "wa.me" not in str(help_page.head), "nothing from WhatsApp is loaded or prefetched"
    # every output derived from the page has the section, and none has the bar
    assert (edited_site.dir / "help" / "embed" / "contact" / "index.html").is_file()
    assert not page(edited_site, "help/embed/contact").select(".site-contact-bar")
    flyer = page(edited_site, flyer_url("nb", "help"))
    strip = flyer.select_one(".flyer__contact").get_text().replace("\u00a0", " ")  # the print kit's strip
    assert EDITED_CONTACT["phone"] in strip
    assert not flyer.select(".site-contact-bar")
    index = json.loads((edited_site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "help/#contact" in [doc["location"] for doc in index["docs"]]
    feed = json.loads((edited_site.dir / feed_path("nb")).read_text(encoding="utf-8"))
    help_item = next(item for item in feed["items"] if item["_embed"]["page_id"] == "help")
    assert "contact" in [section["id"] for section in help_item["_embed"]["sections"]]
    assert "site-contact-bar" not in help_item["content_html"]
    partners = page(edited_site, "partners")
    assert partners.select_one("#questions") and partners.select_one("#questions ~ dl.site-contact-details")
    assert partners.select_one("#terms") is not None, "the licence is filled in too"
