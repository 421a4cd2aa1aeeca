"""Ids that shadow browser globals (issue 20, item 6), in Chromium.

The build refuses such ids in page text (scripts/sitelib/sanitizer.py id_problem). As
a second line, the site's scripts must fail safe if an element takes a global's name
anyway. Here Chromium plays a browser without the Navigation API and without Cache
Storage (an older browser, or http): an init script deletes navigation, Navigation,
NavigateEvent, caches and CacheStorage, and every page of the site arrives with
elements of those ids, so window.navigation and window.caches are elements. The
reader must still leave one history entry per visit, and the exit must still leave.
"""
import re

import pytest

from scripts.devtools.chromium import PHONE
from scripts.sitelib.site_config import site_extra

pytestmark = pytest.mark.browser

EXIT = site_extra()["quick_exit_url"]
START = "https://start.test/"
OLD_BROWSER = """for (const name of ["navigation", "Navigation", "NavigateEvent", "caches", "CacheStorage"]) {
  try { delete window[name]; } catch (e) {}
}"""
CLOBBERING = ('<div id="navigation"></div><div id="Navigation"></div><div id="NavigateEvent"></div>'
              '<div id="caches"></div><div id="CacheStorage"></div>')


def clobbered_context(browser, site):
    context = browser.new_context(viewport=PHONE, locale="nb-NO")
    context.add_init_script(OLD_BROWSER)
    context.route(EXIT + "**", lambda route: route.fulfill(status=200, content_type="text/html",
                                                           body="<title>Weather</title>"))
    context.route(START + "**", lambda route: route.fulfill(status=200, content_type="text/html",
                                                            body="<title>Start</title>"))

    def with_elements(route):
        response = route.fetch()
        if "text/html" not in response.headers.get("content-type", ""):
            return route.fulfill(response=response)
        body = re.sub(r"(<body[^>]*>)", lambda match: match.group(1) + CLOBBERING, response.text(), count=1)
        route.fulfill(response=response, body=body)

    context.route(site.url + "**", with_elements)
    return context


def test_elements_named_like_globals_switch_nothing_off(browser, site):
    context = clobbered_context(browser, site)
    try:
        page = context.new_page()
        page.goto(START)
        page.goto(site.url)
        assert page.evaluate("String(window.navigation) + ' ' + String(window.caches)") == \
            "[object HTMLDivElement] [object HTMLDivElement]", "the globals are taken by elements"
        length = page.evaluate("history.length")
        with page.expect_navigation():
            page.locator("article a[href$='covid-19/']").first.click()
        assert page.url == site.url + "covid-19/"
        assert page.evaluate("history.length") == length, "moving inside the site adds no history entry"
        with page.expect_navigation(url=EXIT, timeout=5000):
            page.locator("a.js-quick-exit").click()
        page.go_back()
        assert page.url == START, "Back must not show a page of the site"
    finally:
        context.close()
