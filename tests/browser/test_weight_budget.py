"""Weight budget for a first view, search included: <= 100 KB gzip and <= 20 requests.

The built site is served by nginx with deploy/nginx/site.conf (gzip level 6), which
logs every response on the wire, service worker and search worker included.
Every page type must be there: a flyer or embed page that vanished fails.
Timing (LCP) is not tested here; it is in scripts/bench_weight.py.
"""
import pytest

from scripts.devtools.weight import BUDGET_BYTES, BUDGET_REQUESTS, PAGE_TYPES, measure
from scripts.sitelib.locales import locale_prefix

pytestmark = pytest.mark.browser
NO_SEARCH = {"embed", "flyer"}  # page types without Material's search


@pytest.mark.parametrize("locale", ["th", "nb", "zh"])
def test_first_view_with_search_is_within_budget(nginx_site, browser, locale):
    over = []
    for kind, path in PAGE_TYPES.items():
        url_path = locale_prefix(locale) + path
        result = measure(browser, nginx_site, url_path, locale=locale)
        assert result["status"] == 200, f"{kind}: /{url_path} answered {result['status']}"
        if kind not in NO_SEARCH:
            assert result["searched"], f"search did not run on /{url_path}"
        assert not result["external"], result["external"]
        assert result["bytes"] > 1000 and result["requests"] >= 2, f"/{url_path}: the log counted nothing"
        if result["bytes"] > BUDGET_BYTES or result["requests"] > BUDGET_REQUESTS:
            listing = ", ".join(f"{p} {s}B" for p, _, s in result["entries"])
            over.append(f"/{url_path}: {result['bytes']} bytes, {result['requests']} requests: {listing}")
    assert not over, "\n".join(over)
