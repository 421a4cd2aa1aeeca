"""Issue 2 in a real browser: clean loading, lang, language menu, root redirect, search, fallback."""
import re
from urllib.parse import urlsplit

import pytest

from scripts.sitelib.locales import LOCALES, locale_prefix
from scripts.sitelib.search_index import segment_thai
from tests.support.pages import page_paths

pytestmark = pytest.mark.browser


def record_traffic(page, site_url):
    """Abort requests to other hosts; collect them and any 4xx/5xx answers."""
    outside, failed = [], []
    own = urlsplit(site_url).netloc

    def route(route):
        if urlsplit(route.request.url).netloc not in (own, ""):
            outside.append(route.request.url)
            return route.abort()
        return route.continue_()

    page.route("**/*", route)
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))
    return outside, failed


def test_every_page_loads_clean_with_the_right_lang(browser, site):
    # A Norwegian browser, so the root page does not redirect to another language.
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nb-NO")
    page = context.new_page()
    outside, failed = record_traffic(page, site.url)
    wrong_lang = []
    for locale, path in page_paths():
        page.goto(site.url + path, wait_until="load")
        lang = page.evaluate("document.documentElement.lang")
        if lang != locale:
            wrong_lang.append(f"{path}: {lang}")
    context.close()
    assert outside == [], outside
    assert failed == [], failed
    assert wrong_lang == [], wrong_lang


def test_language_menu_lands_on_the_same_page(page, site):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site.url + "covid-19/")
    for locale in ["th", "bg", "nb"]:
        page.click(".site-language summary")
        page.click(f".site-language a[hreflang={locale}]")
        page.wait_for_load_state()
        assert page.url == f"{site.url}{locale_prefix(locale)}covid-19/"
        assert page.evaluate("document.documentElement.lang") == locale


def test_root_follows_browser_language_on_first_visit(browser, site):
    context = browser.new_context(locale="th-TH")
    page = context.new_page()
    page.goto(site.url)
    page.wait_for_url(f"{site.url}th/")
    context.close()


def test_norwegian_browser_stays_on_the_root(browser, site):
    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    page.goto(site.url)
    page.wait_for_load_state("load")
    assert page.url == site.url
    context.close()


def test_explicit_choice_is_remembered(browser, site):
    context = browser.new_context(locale="th-TH")
    page = context.new_page()
    page.goto(site.url)
    page.wait_for_url(f"{site.url}th/")
    page.click(".site-language-list a[hreflang=ro]")
    page.wait_for_url(f"{site.url}ro/")
    page.goto(site.url)
    page.wait_for_url(f"{site.url}ro/")
    page.click(".site-language-list a[hreflang=nb]")
    page.wait_for_url(site.url)
    page.goto(site.url + "help/")
    page.goto(site.url)
    page.wait_for_load_state("load")
    assert page.url == site.url, "an explicit choice of Norwegian must stick"
    context.close()


def test_root_without_javascript_lists_every_language(browser, site):
    context = browser.new_context(java_script_enabled=False, locale="th-TH")
    page = context.new_page()
    page.goto(site.url)
    assert page.url == site.url
    links = page.locator(".site-language-list a")
    assert sorted(links.evaluate_all("links => links.map(a => a.getAttribute('hreflang'))")) == sorted(LOCALES)
    for locale in LOCALES:
        href = page.locator(f".site-language-list a[hreflang={locale}]").get_attribute("href")
        assert page.evaluate("href => new URL(href, location).href", href) == site.url + locale_prefix(locale)
    context.close()


def search(page, site, locale, query):
    """Type a query into Material's search; return the result links."""
    page.goto(site.url + locale_prefix(locale) + "covid-19/")
    page.click("label[for=__search]")
    page.fill("input.md-search__input", query)
    page.press("input.md-search__input", "End")
    # Search loads at this first focus: wait for results, or Material's "no matching documents".
    page.wait_for_function("""() => !!document.querySelector(".md-search-result__item a") ||
        document.querySelector(".md-search-result__meta").textContent.trim() ===
        JSON.parse(document.getElementById("__config").textContent).translations["search.result.none"]""",
                           timeout=20000)
    page.wait_for_timeout(300)
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")


def middle_word(text, cut):
    """A word of 2+ letters from the middle of the longest sentence-like run."""
    run = max(re.findall(r"[\u0e00-\u0e7f\u4e00-\u9fff]+", text), key=len)
    words = [word for word in cut(run) if len(word) >= 2]
    assert len(words) >= 3, run
    return words[len(words) // 2]


def cut_chinese(text):
    import jieba
    return list(jieba.cut(text))


@pytest.mark.parametrize("locale, cut", [("th", lambda run: segment_thai(run).strip("\u200b").split("\u200b")),
                                         ("zh", cut_chinese)])
def test_search_finds_a_word_from_the_middle_of_a_sentence(page, site, locale, cut):
    paragraph = (site.dir / locale / "covid-19" / "index.html").read_text(encoding="utf-8")
    text = re.search(r'<h2 id="before".*?<li>(.*?)</li>', paragraph, re.S).group(1)
    word = middle_word(re.sub(r"<[^>]+>", "", text), cut)
    results = search(page, site, locale, word)
    assert any(f"/{locale}/covid-19/" in href for href in results), (word, results)
    assert all(f"/{locale}/" in href for href in results), "results from another locale"


# A word as the page writes it, and a common inflected form a reader may type.
INFLECTED = {
    "nb": ("munnbind", "munnbindet"),
    "en": ("masks", "mask"),
    "fr": ("masques", "masque"),
    "es": ("mascarillas", "mascarilla"),
    "pt": ("máscaras", "máscara"),
    "ro": ("mâinile", "mâini"),
    "ru": ("руки", "рук"),
    "bg": ("ръцете", "ръце"),
    "sq": ("duart", "duar"),
}


@pytest.mark.parametrize("locale", sorted(INFLECTED))
def test_search_finds_an_inflected_form_in_its_own_locale(page, site, locale):
    _, query = INFLECTED[locale]
    results = search(page, site, locale, query)
    assert results, f"{locale}: nothing found for {query!r}"
    prefix = f"{site.url}{locale_prefix(locale)}"
    assert all(href.startswith(prefix) and (locale != "nb" or urlsplit(href).path.split("/")[1] not in LOCALES)
               for href in results), results
