"""A reader's journeys on a 360×740 phone, in every language (issue 25, items 4, 6, 9):

- get help from the home page's first screen: "Get help" and a call button for each
  emergency number (extra.emergency, named by the urgent box's own texts), 48 px or
  more, above the fold and before the language tiles;
- go back from an inner page without the history trail: "‹ Get help" on a reader
  topic, "‹ Home" elsewhere, at the top on a phone and gone on a wide screen;
- the language button says "Språk · Language" on Norwegian pages, and the site's
  name still fits beside it;
- the staff flyer list opens with a language × flyer jump table, and the print pages'
  "Stay safe online" link is whole at 360 px (Thai was clipped).
"""
import re

import pytest

from scripts.devtools.chromium import PHONE
from scripts.sitelib.locales import LOCALES, NATIVE_NAMES, locale_prefix
from scripts.sitelib.phone_links import call_label
from scripts.sitelib.print_kit import flyer_topics, flyer_url
from scripts.sitelib.site_config import load_mkdocs_yml, site_extra
from scripts.sitelib.site_nav import back_target, nav_files, reader_page_names
from scripts.sitelib.ui_strings import load_strings
from scripts.devtools.print_pdf import mkdocs_nav

pytestmark = pytest.mark.browser

UI = load_strings()
CONFIG = load_mkdocs_yml()
EMERGENCY = site_extra(CONFIG)["emergency"]
READERS = reader_page_names(CONFIG["nav"])
STAFF = [name[:-3] for name in nav_files(next(item["staff"] for item in CONFIG["nav"]
                                              if isinstance(item, dict) and "staff" in item))]
INNER = [name for name in READERS if name != "index"] + STAFF + ["about", "privacy"]
WIDE = {"width": 1280, "height": 800}


@pytest.fixture
def phone(page):
    """A 360×740 phone with a Norwegian browser (tests/conftest.py)."""
    return page


@pytest.fixture
def wide(browser):
    context = browser.new_context(viewport=WIDE, locale="nb-NO", service_workers="block")
    yield context.new_page()
    context.close()


def box(locator):
    found = locator.bounding_box()
    assert found, locator
    return found


def page_url(site, locale, name):
    return site.url + locale_prefix(locale) + ("" if name == "index" else name + "/")


@pytest.mark.parametrize("locale", LOCALES)
def test_get_help_and_every_call_button_on_the_home_pages_first_screen(phone, site, locale):
    phone.goto(page_url(site, locale, "index"))
    block = phone.locator("article .site-home-help")
    tiles = box(phone.locator("article .site-language-list"))
    main = phone.locator(".site-home-help__main")
    assert main.inner_text().strip() == UI[locale]["get_help"]
    calls = block.locator("a[href^='tel:']")
    assert calls.count() == len(EMERGENCY), "a call button for every number of extra.emergency"
    for index, entry in enumerate(EMERGENCY):
        call = calls.nth(index)
        assert call.get_attribute("href") == "tel:" + re.sub(r"\D", "", entry["number"])
        text = " ".join(call.inner_text().split())
        assert text == f"{entry['number']} {UI[locale][entry['strings'] + '_name']}", (locale, text)
        spoken = " ".join(re.sub(r"\D", "", entry["number"]))
        assert call.get_attribute("aria-label") == call_label(entry["number"], UI[locale],
                                                              UI[locale][entry["strings"] + "_name"]), locale
        assert spoken in call.get_attribute("aria-label"), "read digit by digit, with what it is for"
    for target in [main] + [calls.nth(index) for index in range(calls.count())]:
        found = box(target)
        assert found["height"] >= 48 and found["width"] >= 48, (locale, found)
        assert found["y"] >= 0 and found["y"] + found["height"] <= PHONE["height"], (locale, "below the first screen", found)
        assert found["y"] + found["height"] <= tiles["y"], (locale, "before the language tiles")
    with phone.expect_navigation():
        main.click()
    assert phone.url == page_url(site, locale, "help"), "Get help leads to the help page in the reader's language"


def test_the_home_help_reads_the_urgent_box_data_not_a_copy(site):
    """One source: the home page and the help page's urgent box name the same numbers."""
    for locale in LOCALES:
        home = (site.dir / locale_prefix(locale) / "index.html").read_text(encoding="utf-8")
        for entry in EMERGENCY:
            assert f'href="tel:{re.sub(r"[^0-9]", "", entry["number"])}"' in home
            assert UI[locale][entry["strings"] + "_name"] in home


@pytest.mark.parametrize("locale", LOCALES)
def test_a_way_back_from_every_inner_page_without_the_history_trail(phone, site, locale):
    labels = {"help": UI[locale]["get_help"], "index": UI[locale]["nav_home"]}
    phone.goto(page_url(site, locale, "index"))
    assert phone.locator(".site-back").count() == 0, "home is where every way back ends"
    for name in INNER:
        phone.goto(page_url(site, locale, name))
        target = back_target(name, READERS)
        link = phone.locator("article .site-back a")
        assert link.inner_text().strip() == labels[target], (locale, name)
        found, title = box(link), box(phone.locator("article h1"))
        # its 44 px reach into the white space around the title's first line; its middle is above it
        assert found["height"] >= 44 and found["y"] + found["height"] / 2 < title["y"] <= found["y"] + found["height"], \
            (locale, name, "right above the title", found, title)
    phone.goto(page_url(site, locale, "covid-19"))
    history = phone.evaluate("history.length")
    with phone.expect_navigation():
        phone.locator("article .site-back a").click()
    assert phone.url == page_url(site, locale, "help")
    assert phone.evaluate("history.length") == history, "the way back adds no history entry either"


def test_the_targets_a_reader_topic_leads_to_help_the_rest_home():
    assert back_target("covid-19", READERS) == "help" and back_target("safety", READERS) == "help"
    assert back_target("help", READERS) == "index" and back_target("index", READERS) is None
    assert {back_target(name, READERS) for name in STAFF + ["about", "privacy"]} == {"index"}


def test_on_a_wide_screen_the_menu_is_the_way_back(wide, site):
    wide.goto(page_url(site, "nb", "covid-19"))
    assert not wide.locator(".site-back").is_visible()
    assert wide.locator(".md-sidebar--primary a[href$='help/']").first.is_visible()


def test_the_language_button_says_it_in_english_too_on_norwegian_pages(phone, site):
    phone.goto(page_url(site, "nb", "covid-19"))
    button = phone.locator("header .site-language summary")
    label = button.locator(".site-language__open")  # while closed; "Close" while open
    assert " ".join(label.text_content().split()) == f"{UI['nb']['language_button']} · {UI['en']['language_button']}"
    assert button.locator("[lang=en]").inner_text() == UI["en"]["language_button"]
    found = box(button)
    assert found["height"] >= 44 and found["x"] + found["width"] <= PHONE["width"]
    name = phone.locator(".md-header__topic .md-ellipsis").first
    assert name.evaluate("e => e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1"), \
        "the site's name is not cut off beside the longer button"
    phone.goto(page_url(site, "th", "covid-19"))
    assert phone.locator("header .site-language summary").inner_text().strip() == UI["th"]["language_button"]


TOPICS = flyer_topics(order=mkdocs_nav())


@pytest.mark.parametrize("screen", ["phone", "wide"])
def test_the_flyer_list_opens_with_a_language_by_flyer_jump_table(request, site, screen):
    page, width = request.getfixturevalue(screen), PHONE if screen == "phone" else WIDE
    page.goto(site.url + "flyers/")
    table = page.locator(".site-flyer-jump table")
    rows = table.locator("tbody tr")
    assert rows.count() == len(LOCALES)
    assert table.locator("thead th").count() == 1 + len(TOPICS) + 1, "a column per flyer, and the pocket cards"
    assert page.evaluate("document.documentElement.scrollWidth") <= width["width"], "the page never widens"
    thai = rows.nth(LOCALES.index("th"))
    assert NATIVE_NAMES["th"] in thai.locator("th").inner_text()
    cells = thai.locator("td a")
    assert cells.count() == len(TOPICS) + 1
    for index in range(cells.count()):
        found = box(cells.nth(index))
        assert found["height"] >= 44 and found["width"] >= 44
    first_card = box(page.locator(".site-flyer-list__card").first)
    assert box(thai)["y"] + box(thai)["height"] <= first_card["y"], "before every language's card"
    if width == WIDE:  # the Thai card was three screens down; its row starts on the first
        assert box(thai)["y"] < width["height"]
    covid = next(index for index, topic in enumerate(TOPICS) if topic.slug == "covid-19")
    with page.expect_navigation():
        cells.nth(covid).click()
    assert page.url == site.url + flyer_url("th", "covid-19") + "?from=nb"
    page.goto(site.url + "flyers/")  # (links inside the site leave no entry to go back to)
    thai.locator("th a").click()
    page.wait_for_url(re.compile("#language-th$"))
    assert page.locator("#language-th").is_visible()


@pytest.mark.parametrize("locale", LOCALES)
def test_stay_safe_online_is_whole_on_print_pages_on_a_phone(phone, site, locale):
    for path in [flyer_url(locale, TOPICS[0].slug), locale_prefix(locale) + "flyers/pocket-cards/"]:
        phone.goto(site.url + path)
        link = phone.locator(".site-quick-exit__safety")
        found = box(link)
        assert found["x"] >= 0 and found["x"] + found["width"] <= PHONE["width"], (locale, path, found)
        clipped = link.evaluate("""a => { const text = document.createRange(); text.selectNodeContents(a);
            const r = text.getBoundingClientRect(), bar = a.closest('.site-quick-exit').getBoundingClientRect();
            return r.right > bar.right + 0.5 || r.bottom > bar.bottom + 0.5 || a.scrollWidth > a.clientWidth + 1 }""")
        assert not clipped, (locale, path, link.inner_text())
