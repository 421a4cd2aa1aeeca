"""Leave this page quickly: a real link, and with JavaScript Back does not come back.

The neutral site and a neutral start page are stubbed with page.route (no internet here).
"""
import pytest

from scripts.devtools.chromium import PHONE

EXIT = "https://www.yr.no/"
START = "https://start.test/"

pytestmark = pytest.mark.browser


def stub(context):
    context.route("https://www.yr.no/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>Weather</title><h1>Weather</h1>"))
    context.route("https://start.test/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>Start</title><h1>Start</h1>"))


def open_page(browser, site, path, javascript=True):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript, service_workers="block")
    stub(context)
    page = context.new_page()
    page.goto(START)                      # the reader came from somewhere else
    page.goto(site.url + path)
    return context, page


def test_without_javascript_the_link_goes_to_the_neutral_site(browser, site):
    context, page = open_page(browser, site, "th/covid-19/", javascript=False)
    try:
        link = page.locator("a.js-quick-exit")
        assert link.is_visible()
        with page.expect_navigation():
            link.click()
        assert page.url == EXIT
        assert page.locator("h1").inner_text() == "Weather"
        # Without JavaScript nothing can rewrite the history: Back shows the page again.
        # With JavaScript it does not (tests below).
    finally:
        context.close()


@pytest.mark.parametrize("how", ["click", "shift", "keyboard"])
def test_with_javascript_back_does_not_return_to_the_site(browser, site, how):
    context, page = open_page(browser, site, "covid-19/")
    try:
        page.wait_for_load_state("load")
        with page.expect_navigation(url=EXIT):
            if how == "click":
                page.locator("a.js-quick-exit").click()
            elif how == "shift":
                for _ in range(3):
                    page.keyboard.press("Shift")
            else:                         # keyboard only: focus the link and press Enter
                page.locator("a.js-quick-exit").focus()
                page.keyboard.press("Enter")
        assert page.url == EXIT
        page.go_back()
        assert page.url == START, "Back must not return to the site"
    finally:
        context.close()


def test_shift_with_letters_does_not_leave(browser, site):
    context, page = open_page(browser, site, "covid-19/")
    try:
        page.locator("label.md-header__button[for=__search]").click()
        field = page.locator("input.md-search__input")
        field.click()
        page.keyboard.type("ABC DEF")     # capitals: Shift held together with letters
        page.wait_for_timeout(300)
        assert page.url.startswith(site.url)
    finally:
        context.close()


def test_exit_bar_stays_visible_and_is_hidden_in_print(browser, site):
    context, page = open_page(browser, site, "covid-19/")
    try:
        link = page.locator("a.js-quick-exit")
        box = link.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
        page.mouse.wheel(0, 2000)
        page.wait_for_timeout(200)
        box = link.bounding_box()
        assert 0 <= box["y"] < 20, "the exit stays at the top of the screen while reading"
        # It does not cover the text: nothing in the article sits under the bar at the top.
        bar = page.locator(".site-quick-exit").bounding_box()
        covered = page.evaluate(
            "(y) => { const el = document.elementFromPoint(180, y); return !!el.closest('.site-quick-exit'); }",
            bar["height"] / 2)
        assert covered
        page.emulate_media(media="print")
        assert not link.is_visible()
    finally:
        context.close()
