"""Leave this page quickly, and a visit that leaves one history entry.

As a reader would: open the site from somewhere else, read a few pages, press the
exit, press Back. The neutral site and the reader's start page are stubbed with
context.route (no internet here). Through the plain static server, /exit/ is the
page that goes on by itself (static hosts); through nginx it is a 302 with
Clear-Site-Data.
"""
import pytest

from scripts.devtools.chromium import PHONE
from scripts.sitelib.site_config import site_extra

EXIT = site_extra()["quick_exit_url"]
START = "https://start.test/"
NO_NAVIGATION_API = "Object.defineProperty(window, 'navigation', {value: undefined});"

pytestmark = pytest.mark.browser


def stub(context):
    context.route(EXIT + "**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>Weather</title><h1>Weather</h1>"))
    context.route(START + "**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>Start</title><h1>Start</h1>"))


def new_context(browser, javascript=True, service_workers="block", navigation_api=True):
    context = browser.new_context(viewport=PHONE, locale="nb-NO", java_script_enabled=javascript,
                                  service_workers=service_workers)
    if not navigation_api:
        context.add_init_script(NO_NAVIGATION_API)
    stub(context)
    return context


def open_page(context, url):
    page = context.new_page()
    page.goto(START)                      # the reader came from somewhere else
    page.goto(url)
    return page


def follow(page, selector):
    """Tap a link as a reader does and wait for the next page."""
    with page.expect_navigation():
        page.locator(selector).first.click()


def read_three_pages(page, site):
    """Home, then COVID-19 from the home page, then Get help from the menu."""
    follow(page, "article a[href$='covid-19/']")
    assert page.url == site.url + "covid-19/"
    page.locator("label.md-header__button[for=__drawer]").click()
    follow(page, ".md-nav--primary a.md-nav__link[href$='help/']")
    assert page.url == site.url + "help/"


@pytest.mark.parametrize("navigation_api", [True, False], ids=["navigation-api", "click-fallback"])
def test_home_covid_help_exit_then_back_leaves_the_site(browser, site, navigation_api):
    context = new_context(browser, navigation_api=navigation_api)
    try:
        page = open_page(context, site.url)
        assert page.evaluate("typeof window.navigation") == ("object" if navigation_api else "undefined")
        length = page.evaluate("history.length")
        read_three_pages(page, site)
        assert page.evaluate("history.length") == length, "moving inside the site adds no history entry"
        with page.expect_navigation(url=EXIT):
            page.locator("a.js-quick-exit").click()
        page.go_back()
        assert page.url == START, "Back must not show a page of the site"
        page.go_forward()
        assert page.url == EXIT
    finally:
        context.close()


def test_in_page_links_and_new_tabs_stay_sensible(browser, site):
    context = new_context(browser)
    try:
        page = open_page(context, site.url + "safety/")
        length = page.evaluate("history.length")
        page.locator("a.md-skip").focus()
        page.keyboard.press("Enter")      # "Skip to content": an in-page anchor
        page.wait_for_function("location.hash !== ''")
        assert page.evaluate("history.length") == length, "an in-page jump adds no entry either"
        with context.expect_page() as new_tab:
            page.locator(".site-quick-exit__safety").click(modifiers=["Control"])
        assert new_tab.value.url.startswith(site.url)     # a new tab opens as the browser does it
        assert page.url.startswith(site.url + "safety/"), "the first tab stays where it was"
    finally:
        context.close()


def test_without_javascript_links_are_ordinary_and_the_exit_still_works(browser, site):
    context = new_context(browser, javascript=False)
    try:
        page = open_page(context, site.url)
        follow(page, "article a[href$='covid-19/']")
        page.go_back()
        assert page.url == site.url, "without JavaScript Back works as usual"
        page.go_forward()
        link = page.locator("a.js-quick-exit")
        assert link.is_visible()
        with page.expect_navigation(url=EXIT):
            link.click()                  # /exit/ goes on to the neutral site by itself
        assert page.locator("h1").inner_text() == "Weather"
    finally:
        context.close()


@pytest.mark.parametrize("how", ["click", "shift", "keyboard"])
def test_with_javascript_back_does_not_return_to_the_site(browser, site, how):
    context = new_context(browser)
    try:
        page = open_page(context, site.url + "covid-19/")
        with page.expect_navigation(url=EXIT):
            if how == "click":
                page.locator("a.js-quick-exit").click()
            elif how == "shift":
                for _ in range(3):
                    page.keyboard.press("Shift")
            else:                         # keyboard only: focus the link and press Enter
                page.locator("a.js-quick-exit").focus()
                page.keyboard.press("Enter")
        page.go_back()
        assert page.url == START, "Back must not return to the site"
    finally:
        context.close()


def test_shift_with_letters_does_not_leave(browser, site):
    context = new_context(browser)
    try:
        page = open_page(context, site.url + "covid-19/")
        page.locator("label.md-header__button[for=__search]").click()
        field = page.locator("input.md-search__input")
        field.click()
        page.keyboard.type("ABC DEF")     # capitals: Shift held together with letters
        page.wait_for_timeout(300)
        assert page.url.startswith(site.url)
    finally:
        context.close()


def test_exit_bar_stays_visible_links_the_safety_page_and_is_hidden_in_print(browser, site):
    context = new_context(browser)
    try:
        page = open_page(context, site.url + "covid-19/")
        link = page.locator("a.js-quick-exit")
        box = link.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
        safety = page.locator(".site-quick-exit__safety")
        assert safety.is_visible() and safety.bounding_box()["height"] >= 44
        page.mouse.wheel(0, 2000)
        page.wait_for_timeout(200)
        box = link.bounding_box()
        assert 0 <= box["y"] < 20, "the exit stays at the top of the screen while reading"
        bar = page.locator(".site-quick-exit").bounding_box()
        covered = page.evaluate(
            "(y) => { const el = document.elementFromPoint(180, y); return !!el.closest('.site-quick-exit'); }",
            bar["height"] / 2)
        assert covered
        follow(page, ".site-quick-exit__safety")
        assert page.url == site.url + "safety/"
        page.emulate_media(media="print")
        assert not page.locator("a.js-quick-exit").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("locale", ["nb", "en", "es", "pt", "ro", "bg", "th", "ru", "sq", "fr", "zh"])
def test_exit_bar_fits_a_small_phone_in_every_language(browser, site, locale):
    context = new_context(browser)
    try:
        page = context.new_page()
        page.goto(site.url + ("" if locale == "nb" else locale + "/") + "help/")
        fits = page.evaluate("""() => [...document.querySelectorAll('.site-quick-exit > a')].map(el => {
            const box = el.getBoundingClientRect();
            return [box.left >= 0 && box.right <= innerWidth, el.scrollWidth <= el.clientWidth + 1,
                    el.scrollHeight <= el.clientHeight + 1]; })""")
        assert fits == [[True, True, True]] * 2, fits
    finally:
        context.close()


STORE_EVERYTHING = """async () => {
    localStorage.setItem('site-language', 'th');
    sessionStorage.setItem('__md_scope', 'x');
    await (await caches.open('site-offline-test')).put('/help/', new Response('stored'));
    await navigator.serviceWorker.register('/sw.js');
    await navigator.serviceWorker.ready;
}"""

WHAT_IS_LEFT = """async () => ({
    local: localStorage.length,
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
})"""


def test_exit_removes_what_the_site_stored_on_a_host_without_headers(browser, site):
    """The plain static server sends no Clear-Site-Data: the script does it."""
    context = new_context(browser, service_workers="allow")
    try:
        page = open_page(context, site.url + "help/")
        page.evaluate(STORE_EVERYTHING)
        assert all(page.evaluate(WHAT_IS_LEFT).values())   # the worker may add its own cache
        with page.expect_navigation(url=EXIT):
            page.locator("a.js-quick-exit").click()
        check = context.new_page()
        check.goto(site.url + "404.html")
        assert check.evaluate(WHAT_IS_LEFT) == {"local": 0, "caches": 0, "workers": 0}
        assert check.evaluate("sessionStorage.length") == 0
    finally:
        context.close()


def test_exit_address_clears_site_data_through_nginx_even_without_the_script(browser, nginx_site):
    """A reader without JavaScript follows the link to /exit/: nginx's header does it all."""
    context = new_context(browser, service_workers="allow")
    try:
        page = context.new_page()
        page.goto(nginx_site.url + "help/")
        page.evaluate(STORE_EVERYTHING)
        assert all(page.evaluate(WHAT_IS_LEFT).values())   # the worker may add its own cache
        with page.expect_request(EXIT):   # the redirect itself is not stubbed; the request shows where it goes
            try:
                page.goto(nginx_site.url + "exit/")
            except Exception:             # net::ERR_NAME_NOT_RESOLVED: no internet here
                pass
        check = context.new_page()
        check.goto(nginx_site.url + "404.html")
        assert check.evaluate(WHAT_IS_LEFT) == {"local": 0, "caches": 0, "workers": 0}
    finally:
        context.close()


def test_exit_hides_the_page_at_once_then_goes_through_the_exit_address(browser, nginx_site):
    """Hidden in the same task as the tap (timing itself is measured, not tested: README)."""
    context = new_context(browser)
    try:
        page = context.new_page()
        page.goto(nginx_site.url + "help/", wait_until="load")
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        title, visibility = page.evaluate("""() => { document.querySelector('a.js-quick-exit').click();
            return [document.title, getComputedStyle(document.documentElement).visibility]; }""")
        assert (title, visibility) == ("", "hidden"), "nothing of the page shows after the tap"
        page.wait_for_event("request", lambda request: request.url == EXIT)
        assert requested.index(nginx_site.url + "exit/") < requested.index(EXIT)
    finally:
        context.close()


def test_without_a_signal_the_exit_goes_straight_to_the_neutral_site(browser, site):
    context = new_context(browser)
    try:
        page = open_page(context, site.url + "help/")
        context.set_offline(True)
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        with page.expect_request(EXIT):
            page.locator("a.js-quick-exit").click()
        assert site.url + "exit/" not in requested
    finally:
        context.close()
