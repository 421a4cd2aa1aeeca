"""Issue 12, item 2: languages in view on every page.

The header's button says "Language" in the page's language beside its icon; the
sheet it opens fills the screen below the header, marks the current language, and
names each language in its own script with the English name beside it. On the home
page of every language, all eleven choices follow right after "Get help" (issue 25).
"""
import pytest
from axe_playwright_python.sync_playwright import Axe

from scripts.devtools.chromium import PHONE
from scripts.sitelib.locales import LOCALES, NATIVE_NAMES, SOURCE_LOCALE, english_name, locale_prefix
from scripts.sitelib.ui_strings import load_strings

UI = load_strings()
pytestmark = pytest.mark.browser
WIDE = {"width": 1280, "height": 800}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="nb-NO", service_workers="block")
    yield context.new_page()
    context.close()


def test_the_button_says_language_in_the_page_language(phone, site):
    for locale in LOCALES:
        phone.goto(site.url + locale_prefix(locale) + "covid-19/")
        button = phone.locator("header .site-language summary")
        assert button.is_visible(), locale
        also = f" · {UI['en']['language_button']}" if locale == SOURCE_LOCALE else ""  # issue 25: "Språk · Language"
        assert " ".join(button.locator(".site-language__open").text_content().split()) == \
            UI[locale]["language_button"] + also
        icon = button.locator("svg").bounding_box()
        assert icon and icon["width"] >= 20 and icon["height"] >= 20, locale
        box = button.bounding_box()
        assert box["height"] >= 44, locale
        assert box["x"] + box["width"] <= PHONE["width"], f"{locale}: the button must fit on a 360 px phone"


@pytest.mark.parametrize("locale", ["th", "bg", "nb"])
def test_the_sheet_fills_the_screen_and_marks_the_current_language(phone, site, locale):
    phone.goto(site.url + locale_prefix(locale) + "help/")
    phone.locator(".site-language summary").click()
    sheet = phone.locator(".site-language__sheet")
    box = sheet.bounding_box()
    header = phone.locator(".md-header").bounding_box()
    assert box["x"] == 0 and box["width"] == PHONE["width"]
    assert abs(box["y"] - (header["y"] + header["height"])) <= 1, "the sheet starts right below the header"
    assert abs(box["y"] + box["height"] - PHONE["height"]) <= 1, "the sheet reaches the bottom of the screen"
    links = sheet.locator("a")
    assert links.count() == len(LOCALES)
    for code in LOCALES:
        link = sheet.locator(f"a[hreflang={code}]")
        assert link.is_visible()
        assert link.get_attribute("lang") == code
        assert link.locator("b").inner_text().strip() == NATIVE_NAMES[code]
        english = link.locator("span")
        assert english.inner_text().strip() == english_name(code) and english.get_attribute("lang") == "en"
    current = sheet.locator("[aria-current]")
    assert current.count() == 1 and current.get_attribute("hreflang") == locale
    assert current.get_attribute("aria-current") == "page"
    # every choice can be reached on the first screen, or by scrolling inside the sheet
    assert phone.evaluate("el => el.scrollHeight <= el.clientHeight || getComputedStyle(el).overflowY === 'auto'",
                          sheet.element_handle())
    assert phone.locator(".site-quick-exit .js-quick-exit").is_visible(), "the exit stays in reach"


def test_the_sheet_closes_with_escape_and_gives_focus_back(phone, site):
    phone.goto(site.url + "th/covid-19/")
    summary = phone.locator(".site-language summary")
    summary.focus()
    phone.keyboard.press("Enter")
    assert phone.locator(".site-language__sheet").is_visible()
    assert phone.evaluate("document.activeElement.getAttribute('hreflang')") == "th"
    phone.keyboard.press("Escape")
    assert not phone.locator(".site-language__sheet").is_visible()
    assert phone.evaluate("document.activeElement.tagName") == "SUMMARY"


def test_a_choice_lands_on_the_same_page_in_that_language(phone, site):
    phone.goto(site.url + "covid-19/")
    for locale in ["th", "bg", "nb"]:
        phone.locator(".site-language summary").click()
        with phone.expect_navigation():
            phone.locator(f".site-language a[hreflang={locale}]").click()
        assert phone.url == f"{site.url}{locale_prefix(locale)}covid-19/"
        assert phone.evaluate("document.documentElement.lang") == locale


def test_the_sheet_works_without_javascript(browser, site):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.url + "ro/help/")
        page.locator(".site-language summary").click()
        assert page.locator(".site-language a[hreflang=th]").is_visible()
        page.locator(".site-language summary").click()
        assert not page.locator(".site-language a[hreflang=th]").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["360", "1280"])
def test_the_open_sheet_has_no_axe_violations(browser, site, viewport):
    context = browser.new_context(viewport=viewport, locale="nb-NO", service_workers="block")
    try:
        page = context.new_page()
        page.goto(site.url + "th/covid-19/")
        page.locator(".site-language summary").click()
        violations = Axe().run(page).response["violations"]
        assert not violations, [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations]
    finally:
        context.close()


def test_every_language_is_a_tile_right_after_the_help_on_the_home_page(phone, site):
    """Issue 25 put "Get help" and the call buttons first (tests/browser/test_reader_journeys.py);
    the language detection chooses for most readers, and the tiles follow at once."""
    for locale in LOCALES:
        phone.goto(site.url + locale_prefix(locale))
        tiles = phone.locator(".site-language-list a")
        assert tiles.count() == len(LOCALES), locale
        help_bottom = phone.locator(".site-home-help").evaluate("el => el.getBoundingClientRect().bottom")
        for box in tiles.evaluate_all("els => els.map(el => el.getBoundingClientRect().toJSON())"):
            assert box["height"] >= 44, locale
            assert help_bottom <= box["top"] and box["bottom"] <= 1.5 * PHONE["height"], \
                f"{locale}: a language is not right after the help"
        current = phone.locator(".site-language-list [aria-current]")
        assert current.count() == 1 and current.get_attribute("hreflang") == locale
