"""Issue 21: while a page loads on a phone, the closed menu drawer costs nothing.

The drawer's contents are not rendered until the reader opens it
(overrides/components/site-nav/site-nav.css), so a tap on the exit waits for less
work. Open, the menu works as before; on a wide screen the sidebar shows as before.
"""
import pytest

from scripts.devtools.chromium import PHONE

pytestmark = pytest.mark.browser

FIRST_LINK = ".md-sidebar--primary .md-nav--primary a.md-nav__link"
SHOWN = "el => el.checkVisibility()"
NOT_RENDERED = "el => getComputedStyle(el.closest('.md-sidebar--primary')).contentVisibility"


def test_the_closed_drawer_is_not_rendered_and_opens_with_its_links(browser, site):
    context = browser.new_context(viewport=PHONE, locale="nb-NO", service_workers="block")
    try:
        tab = context.new_page()
        tab.goto(site.url + "covid-19/")
        link = tab.locator(FIRST_LINK).first
        assert link.evaluate(NOT_RENDERED) == "hidden"
        assert not link.evaluate(SHOWN), "a closed drawer's links are neither drawn nor in the tab order"
        tab.locator("label.md-header__button[for=__drawer]").click()
        tab.wait_for_function(f"document.querySelector({FIRST_LINK!r}).checkVisibility()")
        link.click()
        tab.wait_for_url(site.url)      # the first entry is Home
    finally:
        context.close()


def test_the_sidebar_shows_on_a_wide_screen(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nb-NO", service_workers="block")
    try:
        tab = context.new_page()
        tab.goto(site.url + "covid-19/")
        assert tab.locator(FIRST_LINK).first.evaluate(SHOWN)
    finally:
        context.close()
