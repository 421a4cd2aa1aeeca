"""Issue 23, target 4: a Norwegian deep link opened by a reader of another language.

On the slow link (400 kbit/s, 400 ms: a page arrives a piece at a time, as on a real link):

- A Thai phone: nginx's language door answers the Norwegian address with a redirect to
  the Thai page (deploy/nginx/site.conf, $smittevern_language_door); none of the Norwegian
  page is sent, so its cost is one small response (issue 23: ≤ +3 KiB).
- A Norwegian phone whose reader picked Thai in the site (nginx cannot see that choice):
  the head script decides before any subresource, stops the Norwegian page's loading
  (window.stop()) and goes to the Thai page. Nothing the Norwegian page would load (its
  stylesheet, scripts, icon) is downloaded for it: that costs the Norwegian HTML that was
  on its way, and nothing else.
"""
import pytest

from scripts.devtools.weight import cold_context, wait_quiet

pytestmark = pytest.mark.browser


def loads_by_document(browser, server, path, end, locale="th", picked=None):
    """({document URL: [(URL, finished?)]} of what each document of the tab requested,
    [(URL, status)] of the redirects the server answered). A document is named by its
    last URL: a server redirect keeps the loader; a script's redirect starts a new one."""
    context, page, _ = cold_context(browser, locale, network="400 kbit/s")
    if picked:   # the reader chose this language in the site before (language-first.html)
        context.add_init_script(f"try {{ localStorage.setItem('site-language', '{picked}') }} catch (e) {{}}")
    cdp = context.new_cdp_session(page)
    documents, requests, finished, redirects = {}, {}, set(), []

    def sent(event):
        if event.get("type") == "Document":
            documents[event["loaderId"]] = event["request"]["url"]
            if event.get("redirectResponse"):
                redirects.append((event["redirectResponse"]["url"], event["redirectResponse"]["status"]))
        requests[event["requestId"]] = (event["loaderId"], event["request"]["url"])

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.loadingFinished", lambda event: finished.add(event["requestId"]))
    cdp.send("Network.enable")
    try:
        page.goto(server.url + path, wait_until="commit", timeout=120_000)
        page.wait_for_url(server.url + end, wait_until="load", timeout=120_000)
        wait_quiet(server, quiet=1.5, limit=20)
    finally:
        context.close()
    found = {}
    for request, (loader, url) in requests.items():
        found.setdefault(documents.get(loader, "?"), []).append((url, request in finished))
    return found, redirects


@pytest.mark.parametrize("path", ["covid-19/", "help/"])
def test_the_server_sends_a_thai_phone_on_before_any_of_the_norwegian_page(nginx_site, browser, path):
    loads, redirects = loads_by_document(browser, nginx_site, path, "th/" + path)
    norwegian, thai = nginx_site.url + path, nginx_site.url + "th/" + path
    assert redirects == [(norwegian, 302)], redirects
    assert set(loads) == {thai} and any(url.endswith((".css", ".js")) for url, _ in loads[thai]), loads


@pytest.mark.parametrize("path", ["covid-19/", "help/"])
def test_the_norwegian_page_loads_nothing_before_a_reader_who_picked_thai_leaves(nginx_site, browser, path):
    loads, redirects = loads_by_document(browser, nginx_site, path, "th/" + path, locale="nb", picked="th")
    norwegian, thai = nginx_site.url + path, nginx_site.url + "th/" + path
    assert not redirects, "a Norwegian browser is not redirected by the server"
    assert thai in loads and any(url.endswith((".css", ".js")) for url, _ in loads[thai]), loads
    downloaded = [url for url, done in loads.get(norwegian, []) if done and url != norwegian]
    assert not downloaded, f"the Norwegian page downloaded {downloaded} before it left"
