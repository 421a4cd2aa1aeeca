"""Search costs nothing until used (issue 13, item 4): a page view makes no search
request at all; the first focus of the search field, or a press on the search
button, loads our worker, Material's worker, lunr and the locale's index, and the
first query is answered. Served by nginx with the deploy config (its log counts
every response, the workers' included)."""
import re

import pytest

from scripts.devtools.weight import wait_quiet
from scripts.sitelib.locales import locale_prefix

pytestmark = pytest.mark.browser

SEARCH_FILES = re.compile(r"/search/search_index\.json|/assets/javascripts/workers/|/assets/javascripts/lunr/")
QUERIES = {"nb": "munnbind", "th": "หน้ากาก", "ro": "mâinile"}


def search_requests(server):
    return [path for path, _, _ in server.log if SEARCH_FILES.search(path)]


@pytest.fixture
def reader(browser):
    contexts = []

    def open_page(locale):
        context = browser.new_context(viewport={"width": 360, "height": 740},
                                      locale={"nb": "nb-NO"}.get(locale, locale))
        contexts.append(context)
        return context.new_page()
    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("locale", ["nb", "th", "ro"])
def test_no_search_request_until_the_field_is_focused(nginx_site, reader, locale):
    page = reader(locale)
    nginx_site.reset()
    page.goto(nginx_site.url + locale_prefix(locale) + "covid-19/", wait_until="load")
    wait_quiet(nginx_site)
    assert not search_requests(nginx_site), search_requests(nginx_site)

    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").fill(QUERIES[locale])
    page.locator("input.md-search__input").press("End")  # Material reads the field on keyup
    page.wait_for_selector(".md-search-result__item a", timeout=20_000)
    assert "covid-19/" in " ".join(page.eval_on_selector_all(".md-search-result__item a", "a => a.map(x => x.href)"))
    loaded = search_requests(nginx_site)
    assert any(path.startswith(f"/{locale_prefix(locale)}search/search_index.json") for path in loaded), loaded
    assert any("/workers/site-search." in path for path in loaded) and any("/workers/search." in path for path in loaded)
    if locale in ("nb", "ro"):  # a stemmed language: its lunr files, each once (prefetched, then imported from cache)
        lunr = [path for path in loaded if "/lunr/" in path]
        assert any(f"lunr.{'no' if locale == 'nb' else 'ro'}.min.js" in path for path in lunr), loaded
        assert len(lunr) == len(set(lunr)), lunr
    else:
        assert not any("/lunr/" in path for path in loaded), loaded


def test_the_keyboard_shortcut_loads_search_too(nginx_site, reader):
    page = reader("nb")
    page.goto(nginx_site.url + "help/", wait_until="load")
    nginx_site.reset()
    page.keyboard.press("/")
    page.keyboard.type("munnbind")
    page.wait_for_selector(".md-search-result__item a", timeout=20_000)
    assert search_requests(nginx_site)


def test_a_page_opened_from_a_result_still_highlights_the_words(nginx_site, reader):
    """Material highlights the query (?h=) with the index's separator: there the
    bundle downloads the index (from the HTTP cache after a search)."""
    page = reader("nb")
    page.goto(nginx_site.url + "covid-19/?h=munnbind", wait_until="load")
    page.wait_for_selector("article mark[data-md-highlight]", timeout=20_000)


def test_without_a_signal_search_loads_at_the_next_focus(site, browser):
    """The first focus fails (offline); after the signal is back, the next focus loads search."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nb-NO")
    try:
        page = context.new_page()
        page.goto(site.url + "covid-19/", wait_until="load")
        context.set_offline(True)
        page.locator("label.md-header__button[for=__search]").click()
        page.wait_for_timeout(1000)
        page.locator("input.md-search__input").blur()
        context.set_offline(False)
        page.locator("input.md-search__input").focus()
        page.locator("input.md-search__input").fill("munnbind")
        page.locator("input.md-search__input").press("End")
        page.wait_for_selector(".md-search-result__item a", timeout=20_000)
    finally:
        context.close()

