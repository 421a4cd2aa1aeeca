"""Weight budget for a first view, search included: <= 100 KB gzip and <= 20 requests.

The built site is served gzip-compressed (level 6) by a server that counts
every response on the wire, service worker and search worker included.
Timing (LCP) is not tested here; it is in scripts/bench_weight.py.
"""
import pytest

from scripts.sitelib.locales import locale_prefix
from scripts.devtools.weight import BUDGET_BYTES, BUDGET_REQUESTS, PAGE_TYPES, GzipServer, measure

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("locale", ["th", "nb", "zh"])
def test_first_view_with_search_is_within_budget(site, browser, locale):
    over, measured = [], 0
    with GzipServer(site.dir) as server:
        for kind, path in PAGE_TYPES.items():
            url_path = locale_prefix(locale) + path
            result = measure(browser, server, url_path, locale=locale)
            if result.get("status", 0) == 404:
                continue  # a page type another feature has not built yet
            measured += 1
            assert result["status"] == 200, url_path
            if kind not in ("embed", "flyer"):  # pages without search
                assert result["searched"], f"search did not run on /{url_path}"
            assert not result["external"], result["external"]
            if result["bytes"] > BUDGET_BYTES or result["requests"] > BUDGET_REQUESTS:
                listing = ", ".join(f"{p} {s}B" for p, _, s in result["entries"])
                over.append(f"/{url_path}: {result['bytes']} bytes, {result['requests']} requests: {listing}")
    assert measured >= 4
    assert not over, "\n".join(over)
