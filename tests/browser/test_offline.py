"""Offline reading in Chromium: visited pages, the offline page, "Save this language"."""
import json

import pytest

from scripts.sitelib.locales import locale_prefix
from scripts.sitelib.ui_strings import load_strings
from scripts.devtools.chromium import PHONE

UI = load_strings()
pytestmark = pytest.mark.browser


@pytest.fixture
def context(browser):
    # A Norwegian browser: the root page does not send it on to another language.
    context = browser.new_context(viewport=PHONE, locale="nb-NO")
    yield context
    context.close()


def ready(page):
    """Wait until the service worker controls nothing less than this page's storage."""
    page.wait_for_selector("html[data-site-offline=ready]", state="attached", timeout=20_000)


def test_visited_page_opens_offline_and_unvisited_shows_offline_page(context, site):
    page = context.new_page()
    page.goto(site.url + "th/covid-19/")
    ready(page)
    heading = page.locator("h1").first.inner_text()
    context.set_offline(True)
    page.reload()
    assert page.locator("h1").first.inner_text() == heading
    assert page.locator("a.js-quick-exit").is_visible()
    page.goto(site.url + "th/help/")        # never opened
    assert page.evaluate("document.documentElement.lang") == "th"
    assert page.locator("h1").inner_text() == UI["th"]["offline_title"]
    assert UI["th"]["offline_missing"] in page.locator("main").inner_text()
    assert page.locator("a.js-quick-exit").inner_text().strip() == UI["th"]["quick_exit"]


@pytest.mark.parametrize("locale", ["th", "nb"])
def test_save_language_then_every_page_opens_offline(context, site, locale):
    page = context.new_page()
    page.goto(site.url + locale_prefix(locale))
    ready(page)
    listed = json.loads((site.dir / locale_prefix(locale) / "offline-pages.json").read_text(encoding="utf-8"))["pages"]
    box = page.locator(".js-offline")
    assert box.is_visible()
    page.locator(".js-offline-save").click()
    page.wait_for_selector(".js-offline[data-state=saved]", timeout=30_000)
    assert page.locator(".js-offline-status").inner_text() == UI[locale]["offline_saved"]
    context.set_offline(True)
    offline_title = UI[locale]["offline_title"]
    for url in listed:
        response = page.goto(site.url.rstrip("/") + url)
        assert response.ok, url
        title = page.locator("h1").first.inner_text()
        if not url.endswith("/offline/"):
            assert title != offline_title, f"{url} was not saved"
        assert page.locator(".md-content, main").first.inner_text().strip()


def test_nothing_is_saved_until_asked(context, site):
    page = context.new_page()
    page.goto(site.url + "th/")
    ready(page)
    stored = page.evaluate("""async () => {
        const out = [];
        for (const key of await caches.keys()) {
            for (const request of await (await caches.open(key)).keys()) out.push(new URL(request.url).pathname);
        }
        return out;
    }""")
    pages = [path for path in stored if path.endswith("/")]
    assert sorted(pages) == ["/th/", "/th/offline/"], pages


def test_old_caches_are_removed_on_activate(context, site):
    page = context.new_page()
    page.goto(site.url + "sitemap.xml")     # same origin, no service worker registered yet
    page.evaluate("caches.open('site-offline-old-build').then(c => c.put('/old/', new Response('old')))")
    page.goto(site.url + "en/")
    ready(page)
    keys = page.evaluate("caches.keys()")
    assert "site-offline-old-build" not in keys
    assert len([key for key in keys if key.startswith("site-offline-")]) == 1
