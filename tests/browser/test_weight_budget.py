"""Weight budget of a first view, and repeat views that fetch only their HTML (issue 13).

The built site is served by nginx with deploy/nginx/site.conf (gzip level 6, the
real cache headers), which logs every response on the wire, service worker
included. A first view is the page loaded in a cold browser and left until the
network is quiet; search is not opened (it costs nothing until used; `make bench`
measures it). Every page type must be there: a flyer or embed page that vanished fails.
Times (LCP) are not tested here; they are in `make bench`.
"""
import pytest

from scripts.devtools.weight import PAGE_TYPES, measure
from scripts.sitelib.locales import locale_prefix

pytestmark = pytest.mark.browser

BUDGET_BYTES = 64 * 1024     # gzip on the wire, whole first view
BUDGET_REQUESTS = 8
READER_PAGES = ("home", "guidance", "tips", "help")


@pytest.mark.parametrize("locale", ["nb", "th", "zh", "ro"])
def test_first_view_is_within_budget(nginx_site, browser, locale):
    over, measured = [], []
    for kind, path in PAGE_TYPES.items():
        url_path = locale_prefix(locale) + path
        result = measure(browser, nginx_site, url_path, locale=locale, search=False)
        assert result["status"] == 200, f"{kind}: /{url_path} answered {result['status']}"
        assert not result["external"], result["external"]
        assert result["bytes"] > 1000 and result["requests"] >= 2, f"/{url_path}: the log counted nothing"
        measured.append(f"{kind} {result['bytes']} B {result['requests']} req")
        if result["bytes"] > BUDGET_BYTES or result["requests"] > BUDGET_REQUESTS:
            listing = ", ".join(f"{p} {s}B" for p, _, s in result["entries"])
            over.append(f"/{url_path}: {result['bytes']} bytes, {result['requests']} requests: {listing}")
    print(locale, "; ".join(measured))
    assert not over, "\n".join(over)


@pytest.mark.parametrize("locale", ["nb", "th"])
def test_a_second_page_in_the_same_visit_downloads_only_its_html(nginx_site, browser, locale):
    """Fingerprinted CSS and JS are cached for a year (immutable) and shared by every
    page, the favicon for the visit: after the home page, each reader page costs one request."""
    context = browser.new_context(viewport={"width": 360, "height": 740},
                                  locale={"nb": "nb-NO"}.get(locale, locale))
    try:
        page = context.new_page()
        page.goto(nginx_site.url + locale_prefix(locale), wait_until="networkidle")
        for kind in READER_PAGES[1:]:
            nginx_site.reset()
            url_path = "/" + locale_prefix(locale) + PAGE_TYPES[kind]
            page.goto(nginx_site.url + url_path.lstrip("/"), wait_until="networkidle")
            fetched = [path for path, _, _ in nginx_site.log]
            assert fetched == [url_path], f"{kind}: a repeat view fetched {fetched}"
    finally:
        context.close()
