"""Issue 12, item 1: the reader's language before anything paints.

A Thai phone that opens the Norwegian root or a Norwegian QR target (/covid-19/)
ends on the Thai page, and Chromium paints nothing of the Norwegian page first.
Paints are Chromium's own lifecycle events (firstPaint, firstContentfulPaint) per
document, read over the DevTools protocol, on a slow link: no timeouts decide.
"""
import pytest

from scripts.devtools.chromium import PHONE
from scripts.sitelib.locales import locale_prefix

pytestmark = pytest.mark.browser

SLOW = {"offline": False, "latency": 400, "downloadThroughput": 400 * 1000 / 8, "uploadThroughput": 400 * 1000 / 8}
PAINTS = {"firstPaint", "firstContentfulPaint"}


class PaintLog:
    """Lifecycle events of every document a tab loads, by URL."""

    def __init__(self, context, page, slow=False):
        self.events, self.urls = [], {}
        cdp = context.new_cdp_session(page)
        cdp.on("Page.lifecycleEvent", lambda e: self.events.append((e["loaderId"], e["name"])))
        cdp.on("Network.requestWillBeSent", self._document)
        cdp.send("Network.enable")
        if slow:
            cdp.send("Network.emulateNetworkConditions", SLOW)
        cdp.send("Page.enable")
        cdp.send("Page.setLifecycleEventsEnabled", {"enabled": True})

    def _document(self, event):
        if event.get("type") == "Document":
            self.urls.setdefault(event["loaderId"], event["request"]["url"].split("#")[0])

    def painted(self, url):
        return {name for loader, name in self.events if self.urls.get(loader) == url and name in PAINTS}

    def loaded(self, url):
        return any(self.urls.get(loader) == url and name == "load" for loader, name in self.events)


def open_tab(browser, locale):
    context = browser.new_context(viewport=PHONE, locale=locale, service_workers="block")
    return context, context.new_page()


@pytest.mark.parametrize("path", ["", "covid-19/"])
def test_thai_phone_ends_on_thai_and_paints_no_norwegian(browser, site, path):
    context, page = open_tab(browser, "th-TH")
    try:
        log = PaintLog(context, page, slow=True)
        page.goto(site.url + path, wait_until="commit")
        page.wait_for_url(site.url + "th/" + path, wait_until="load", timeout=60000)
        assert page.evaluate("document.documentElement.lang") == "th"
        assert log.painted(site.url + "th/" + path) >= {"firstContentfulPaint"}, "the Thai page never painted"
        assert log.painted(site.url + path) == set(), "Norwegian content was painted before the Thai page"
    finally:
        context.close()


def test_the_paint_log_sees_a_norwegian_paint(browser, site):
    # The check above can fail: a Norwegian phone stays, and its paint is recorded.
    context, page = open_tab(browser, "nb-NO")
    try:
        log = PaintLog(context, page)
        page.goto(site.url + "covid-19/", wait_until="load")
        page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0")
        assert page.url == site.url + "covid-19/"
        assert "firstContentfulPaint" in log.painted(site.url + "covid-19/")
    finally:
        context.close()


def test_a_deep_link_keeps_its_section(browser, site):
    context, page = open_tab(browser, "ro-RO")
    try:
        page.goto(site.url + "covid-19/#vaccination")
        page.wait_for_url(site.url + "ro/covid-19/#vaccination")
    finally:
        context.close()


def test_a_reader_who_chose_norwegian_stays(browser, site):
    context, page = open_tab(browser, "th-TH")
    try:
        page.goto(site.url + "help/")
        page.wait_for_url(site.url + "th/help/")
        page.locator(".site-language summary").click()
        with page.expect_navigation():
            page.locator(".site-language a[hreflang=nb]").click()
        assert page.url == site.url + "help/"
        page.wait_for_load_state("load")
        assert page.url == site.url + "help/", "a chosen language must not be overridden"
        # Later, from outside (a new tab, a QR code): still Norwegian.
        later = context.new_page()
        later.goto(site.url + "covid-19/", wait_until="load")
        assert later.url == site.url + "covid-19/"
    finally:
        context.close()


def test_the_choice_made_before_wins_over_the_browser(browser, site):
    context, page = open_tab(browser, "th-TH")
    try:
        page.goto(site.url + "ro/")
        page.locator(".site-language summary").click()
        with page.expect_navigation():
            page.locator(".site-language a[hreflang=bg]").click()
        assert page.url == site.url + "bg/"
        page.goto(site.url + "covid-19/")          # a Norwegian QR code, scanned later
        page.wait_for_url(site.url + "bg/covid-19/")
    finally:
        context.close()


def test_a_norwegian_page_reached_from_inside_the_site_is_left_alone(browser, site):
    # Referrer-Policy is no-referrer, so "inside" cannot rest on document.referrer:
    # a tap on a link of the site is what marks it.
    context, page = open_tab(browser, "th-TH")
    try:
        page.goto(site.url + "th/")
        page.evaluate("""() => { const link = document.createElement('a');
            link.href = new URL('../covid-19/', location).href; link.textContent = 'Norsk side';
            document.querySelector('article').prepend(link); }""")
        with page.expect_navigation():
            page.get_by_text("Norsk side").click()
        page.wait_for_load_state("load")
        assert page.url == site.url + "covid-19/"
        assert page.evaluate("document.documentElement.lang") == "nb"
    finally:
        context.close()


@pytest.mark.parametrize("browser_locale, lands", [("nb-NO", ""), ("nn-NO", ""), ("de-DE", ""), ("pt-BR", "pt/")])
def test_browser_languages_the_site_has_or_not(browser, site, browser_locale, lands):
    context, page = open_tab(browser, browser_locale)
    try:
        page.goto(site.url, wait_until="load")
        page.wait_for_url(site.url + lands)
        page.wait_for_load_state("load")
        assert page.url == site.url + lands
    finally:
        context.close()


def test_pages_in_other_languages_are_never_redirected(browser, site):
    context, page = open_tab(browser, "th-TH")
    try:
        page.goto(site.url + locale_prefix("ru") + "help/", wait_until="load")
        assert page.url == site.url + "ru/help/"
    finally:
        context.close()
