"""Issue 23, target 4: a Norwegian deep link opened by a phone in another language costs
at most 3 KiB more than opening the right page directly.

The head script decides before any subresource, stops the Norwegian page's loading
(window.stop()) and goes to the reader's language. Bytes are what Chromium received over
the slow link (400 kbit/s, 400 ms; DevTools protocol), since nginx's log counts a response
whole even when the browser stops reading it.
"""
import pytest

from scripts.devtools.weight import ReceivedBytes, cold_context, wait_quiet

pytestmark = pytest.mark.browser

EXTRA_LIMIT = 3 * 1024



def opened(browser, server, path, end):
    """What a cold Thai phone receives opening `path` until `end` has loaded and the network is quiet."""
    received = ReceivedBytes()
    context, page, _ = cold_context(browser, "th", network="400 kbit/s", received=received)
    try:
        page.goto(server.url + path, wait_until="commit", timeout=120_000)
        page.wait_for_url(server.url + end, wait_until="load", timeout=120_000)
        wait_quiet(server, quiet=1.0, limit=10)
        return received
    finally:
        context.close()


@pytest.mark.parametrize("path", ["covid-19/", "help/"])
def test_a_redirected_deep_link_costs_at_most_3_kib_more(nginx_site, browser, path):
    direct = opened(browser, nginx_site, "th/" + path, "th/" + path)
    redirected = opened(browser, nginx_site, path, "th/" + path)
    norwegian = redirected.by_url().get(nginx_site.url + path, 0)
    assert direct.total() > 20_000 and norwegian > 0, (direct.by_url(), redirected.by_url())
    extra = redirected.total() - direct.total()
    print(path, f"direct {direct.total()} B, redirected {redirected.total()} B (Norwegian page {norwegian} B)")
    assert extra <= EXTRA_LIMIT, (f"+{extra} B: {redirected.by_url()}")
