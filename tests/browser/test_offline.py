"""Offline reading in Chromium, only when the reader asks: nothing is stored before
"Save", the box says the pages stay until removed, "Remove saved pages" removes
them, and saved pages open without a signal."""
import json

import pytest

from scripts.sitelib.locales import locale_prefix
from scripts.sitelib.ui_strings import load_strings

UI = load_strings()
pytestmark = pytest.mark.browser

STORED = """async () => {
    const out = [];
    for (const key of await caches.keys()) {
        for (const request of await (await caches.open(key)).keys()) out.push(new URL(request.url).pathname);
    }
    return {pages: out.filter(path => path.endsWith('/')).sort(), caches: out.length,
            workers: (await navigator.serviceWorker.getRegistrations()).length};
}"""


def looked(page):
    """offline.js has checked whether anything is stored ("off") or started the worker ("ready")."""
    page.wait_for_selector("html[data-site-offline]", state="attached", timeout=20_000)


def save_language(page, locale="nb"):
    page.locator(".js-offline-save").click()
    page.wait_for_selector(".js-offline[data-state=saved]", timeout=30_000)
    assert page.locator(".js-offline-status").inner_text() == UI[locale]["offline_saved"]


def test_nothing_is_stored_until_asked_and_the_box_says_what_saving_means(context, site):
    page = context.new_page()
    page.goto(site.url + "th/covid-19/")
    looked(page)
    page.goto(site.url + "th/help/")
    looked(page)
    assert page.evaluate("document.documentElement.dataset.siteOffline") == "off"
    assert page.evaluate(STORED) == {"pages": [], "caches": 0, "workers": 0}
    box = page.locator(".js-offline")
    note = box.locator(".site-offline__note--first")
    assert note.inner_text() == UI["th"]["offline_keep_note"]
    # the note comes before the button that stores anything
    assert note.bounding_box()["y"] < box.locator(".js-offline-save").bounding_box()["y"]
    assert not box.locator(".js-offline-remove").is_visible(), "nothing to remove yet"


@pytest.mark.parametrize("locale", ["th", "nb"])
def test_save_language_then_every_page_opens_offline(context, site, locale):
    page = context.new_page()
    page.goto(site.url + locale_prefix(locale))
    looked(page)
    listed = json.loads((site.dir / locale_prefix(locale) / "offline-pages.json").read_text(encoding="utf-8"))["pages"]
    save_language(page, locale)
    assert page.locator(".js-offline-remove").is_visible()
    context.set_offline(True)
    offline_title = UI[locale]["offline_title"]
    for url in listed:
        response = page.goto(site.url.rstrip("/") + url)
        assert response.ok, url
        title = page.locator("h1").first.inner_text()
        if not url.endswith("/offline/"):
            assert title != offline_title, f"{url} was not saved"
        assert page.locator(".md-content, main").first.inner_text().strip()


def test_after_saving_visited_pages_are_kept_and_others_show_the_offline_page(context, site):
    page = context.new_page()
    page.goto(site.url + "th/safety/")
    looked(page)
    page.locator("article .js-offline").wait_for()       # the safety page's box: remove only
    page.goto(site.url + "th/")
    save_language(page, "th")
    page.goto(site.url + "th/covid-19/")
    page.wait_for_selector("html[data-site-offline=ready]", state="attached", timeout=20_000)
    heading = page.locator("h1").first.inner_text()
    context.set_offline(True)
    page.reload()
    assert page.locator("h1").first.inner_text() == heading
    assert page.locator("a.js-quick-exit").is_visible()
    page.goto(site.url + "th/no-such-page/")           # never stored
    assert page.evaluate("document.documentElement.lang") == "th"
    assert page.locator("h1").inner_text() == UI["th"]["offline_title"]
    assert page.locator("a.js-quick-exit").inner_text().strip() == UI["th"]["quick_exit"]


def test_remove_saved_pages_on_the_safety_page(context, site):
    page = context.new_page()
    page.goto(site.url + "safety/")
    looked(page)
    box = page.locator("article .js-offline")
    assert box.locator(".js-offline-status").inner_text() == UI["nb"]["offline_none"]
    assert not box.locator(".js-offline-remove").is_visible()
    page.goto(site.url)
    save_language(page)
    page.goto(site.url + "safety/")
    page.wait_for_selector("html[data-site-offline=ready]", state="attached", timeout=20_000)
    assert page.evaluate(STORED)["caches"] > 0
    remove = box.locator(".js-offline-remove")
    assert remove.inner_text().strip() == UI["nb"]["offline_remove"]
    remove.click()
    page.wait_for_selector("article .js-offline[data-state=removed]")
    assert box.locator(".js-offline-status").inner_text() == UI["nb"]["offline_removed"]
    assert page.evaluate(STORED) == {"pages": [], "caches": 0, "workers": 0}
    page.reload()
    looked(page)
    assert page.evaluate("document.documentElement.dataset.siteOffline") == "off"
    assert box.locator(".js-offline-status").inner_text() == UI["nb"]["offline_none"]


def test_old_caches_are_removed_on_activate(context, site):
    page = context.new_page()
    page.goto(site.url + "sitemap.xml")     # same origin, no service worker registered yet
    page.evaluate("caches.open('site-offline-old-build').then(c => c.put('/old/', new Response('old')))")
    page.goto(site.url + "en/")
    looked(page)
    save_language(page, "en")
    keys = page.evaluate("caches.keys()")
    assert "site-offline-old-build" not in keys
    assert len([key for key in keys if key.startswith("site-offline-")]) == 1


FIRST_PAINT = """() => {
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    const sheet = performance.getEntriesByType("resource").find(entry => /\\/stylesheets\\/main\\.[0-9a-f]+\\.min\\.css$/.test(entry.name));
    return {paint: paint && paint.startTime, sheet: sheet && sheet.responseEnd,
            waits: !!document.head.querySelector('link[rel="expect"][href="#site-end"][blocking="render"]'),
            end: document.body.lastElementChild && document.body.lastElementChild.id};
}"""


def test_a_saved_page_paints_once_with_its_whole_stylesheet_and_a_page_from_the_network_paints_early(context, site):
    """From saved pages (the worker answers) the first paint waits for the end of the page and
    its whole stylesheet, so no long restyle follows it while a tap on the quick exit waits
    (components/offline/service-worker.js.in, paintsWhole); a page from the network still paints as it arrives."""
    page = context.new_page()
    page.goto(site.url + "covid-19/", wait_until="load")
    page.wait_for_timeout(300)
    fresh = page.evaluate(FIRST_PAINT)
    assert fresh["end"] == "site-end", "the page ends with the element a saved page's first paint waits for"
    assert not fresh["waits"], "a page from the network paints as its bytes arrive"
    save_language(page)
    page.wait_for_function("() => !!navigator.serviceWorker.controller", timeout=20_000)
    page.goto(site.url + "drug-services/", wait_until="load")
    page.wait_for_timeout(300)
    saved = page.evaluate(FIRST_PAINT)
    assert page.evaluate("() => !!navigator.serviceWorker.controller"), "the worker answered"
    assert saved["waits"], "a saved page's first paint waits for #site-end"
    assert saved["paint"] is not None and saved["sheet"] is not None
    assert saved["paint"] >= saved["sheet"], f"first paint {saved['paint']:.0f} ms before the stylesheet arrived ({saved['sheet']:.0f} ms)"
