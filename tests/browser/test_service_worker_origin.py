"""The service worker handles this site's requests only: a request to another origin
goes to the network untouched and is never stored (a trail on the reader's phone)."""
import pytest

from scripts.devtools.chromium import PHONE
from scripts.devtools.local_site import StaticServer

pytestmark = pytest.mark.browser


@pytest.fixture
def other_origin(tmp_path):
    (tmp_path / "other.css").write_text("body{}", encoding="utf-8")
    with StaticServer(tmp_path) as server:  # another port: another origin
        yield server


def test_other_origins_are_left_alone(browser, site, other_origin):
    context = browser.new_context(viewport=PHONE, locale="nb-NO")
    try:
        page = context.new_page()
        page.goto(site.url + "th/")
        page.locator(".js-offline-save").click()   # the worker exists only once the reader saves
        page.wait_for_selector(".js-offline[data-state=saved]", timeout=30_000)
        page.wait_for_function("!!navigator.serviceWorker.controller", timeout=20_000)
        own_asset = page.evaluate("[...document.querySelectorAll('link[rel=stylesheet]')]"
                                  ".map(l => l.href).find(h => h.startsWith(location.origin))")
        other = other_origin.url + "other.css"
        answered = {}
        page.on("response", lambda response: answered.setdefault(response.url, response.from_service_worker))
        page.evaluate("urls => Promise.all(urls.map(url => fetch(url, {mode: 'no-cors'})))", [own_asset, other])
        page.wait_for_timeout(300)
        assert answered.get(own_asset) is True, "control: the service worker serves the site's own assets"
        assert answered.get(other) is False, "a request to another origin went through the service worker"
        stored = page.evaluate("""async () => {
            const out = [];
            for (const key of await caches.keys())
                for (const request of await (await caches.open(key)).keys()) out.push(request.url);
            return out;
        }""")
        assert stored and not [url for url in stored if url.startswith(other_origin.url)], stored
    finally:
        context.close()
