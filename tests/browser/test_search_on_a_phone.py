"""Search on a 360×740 phone, in every language (issue 25, item 5): an everyday word
finds the reader page first (front matter `synonyms:`; staff pages after reader pages),
the page never widens while search is open, result text is 16 px in the body colour,
no result claims a word is "missing" where words are cut (Thai, Chinese), and axe finds
nothing with the results open."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from scripts.devtools.chromium import PHONE
from scripts.sitelib.locales import LOCALES, locale_prefix
from scripts.sitelib.site_config import load_mkdocs_yml
from scripts.sitelib.site_nav import nav_files

pytestmark = pytest.mark.browser

STAFF_PAGES = {name[:-3] + "/" for name in nav_files(next(item["staff"] for item in load_mkdocs_yml()["nav"]
                                                           if isinstance(item, dict) and "staff" in item))}
# What a reader types, in her own words, and the reader page it must find first. The
# issue's words (หมอ, ถุงยาง, 避孕套, 套套, papers, undocumented, ID), then the same
# everyday words in each language: doctor, condom, papers.
QUERIES = {
    "nb": {"lege": "help/", "kondom": "help/", "papirer": "help/", "korona": "covid-19/"},
    "en": {"papers": "help/", "undocumented": "help/", "ID": "help/", "doctor": "help/", "condom": "help/"},
    "es": {"médico": "help/", "condón": "help/", "papeles": "help/"},
    "pt": {"médico": "help/", "camisinha": "help/", "documentos": "help/"},
    "ro": {"medic": "help/", "prezervativ": "help/", "acte": "help/"},
    "bg": {"лекар": "help/", "презерватив": "help/", "документи": "help/"},
    "th": {"หมอ": "help/", "ถุงยาง": "help/", "เอกสาร": "help/"},
    "ru": {"врач": "help/", "презерватив": "help/", "документы": "help/"},
    "sq": {"mjek": "help/", "prezervativ": "help/", "letra": "help/"},
    "fr": {"médecin": "help/", "préservatif": "help/", "papiers": "help/"},
    "zh": {"避孕套": "help/", "套套": "help/", "医生": "help/", "证件": "help/"},
}
RESULT_TEXT = (".md-search-result__meta, .md-search-result__article h1, .md-search-result__article h2, "
               ".md-search-result__article p, .md-search-result__article li, .md-search-result__more summary div")


@pytest.fixture
def mobile(browser):
    """A phone as Chromium emulates it: the layout viewport may grow with the content, as on Android."""
    context = browser.new_context(viewport=PHONE, locale="nb-NO", is_mobile=True, has_touch=True,
                                  device_scale_factor=2, service_workers="block")
    yield context.new_page()
    context.close()


def search(page, locale, query):
    """Type `query` into the open search field; the result pages' paths from the locale's root, in order."""
    field = page.locator("input.md-search__input")
    field.fill("")
    field.press("End")
    page.wait_for_selector(".md-search-result__item", state="detached")
    field.fill(query)
    field.press("End")  # Material reads the field on keyup
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    page.wait_for_timeout(300)  # one answer per keyup: let the last one land
    root = "/" + locale_prefix(locale)
    paths = page.eval_on_selector_all(".md-search-result__item > .md-search-result__link",
                                      "links => links.map(link => new URL(link.href).pathname)")
    assert all(path.startswith(root) for path in paths), paths
    return [path[len(root):] for path in paths]


def open_search(page, site, locale):
    page.goto(site.url + locale_prefix(locale) + "covid-19/", wait_until="load")
    page.locator("label.md-header__button[for=__search]").click()


@pytest.mark.parametrize("locale", LOCALES)
def test_everyday_words_find_the_reader_page_first_on_a_phone_that_stays_narrow(mobile, site, locale):
    open_search(mobile, site, locale)
    for query, expected in QUERIES[locale].items():
        pages = search(mobile, locale, query)
        assert pages and pages[0] == expected, (locale, query, pages)
        readers = [number for number, path in enumerate(pages) if path not in STAFF_PAGES]
        staff = [number for number, path in enumerate(pages) if path in STAFF_PAGES]
        assert not staff or not readers or max(readers) < min(staff), ("staff page above a reader page", query, pages)
        if locale in ("th", "zh"):  # words cut by the segmenter: no result says a word is "missing"
            assert mobile.locator(".md-search-result__terms").count() == 0, (locale, query)

        # The page keeps the screen's width with the results open ...
        widths = mobile.evaluate("""() => {
            const overlay = document.querySelector('.md-search__overlay').getBoundingClientRect();
            return [document.documentElement.scrollWidth, document.body.scrollWidth, visualViewport.width,
                    window.innerWidth, Math.round(overlay.right)] }""")
        assert max(widths) <= PHONE["width"], (locale, query, widths)
        # ... and every line of the results reads at 16 px or more, never in Material's light grey.
        styles = mobile.eval_on_selector_all(RESULT_TEXT, """els => els.filter(e => e.offsetParent).map(e =>
            [e.className || e.tagName, parseFloat(getComputedStyle(e).fontSize), getComputedStyle(e).color])""")
        assert styles and all(size >= 16 for _, size, _ in styles), (locale, query, styles)
        assert not [style for style in styles if style[2] == "rgba(0, 0, 0, 0.54)"], styles


@pytest.mark.parametrize("locale", LOCALES)
def test_axe_finds_nothing_with_search_open(mobile, site, locale):
    mobile.add_init_script(Axe().axe_script)
    open_search(mobile, site, locale)
    search(mobile, locale, next(iter(QUERIES[locale])))
    found = mobile.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => "
                            "v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))")
    assert not found, "\n".join(found)


def test_the_staff_page_that_matches_better_still_comes_after_the_reader_page(mobile, site):
    """ถุงยาง (condom): the staff tips page used to rank first (its first tip is about condoms)."""
    open_search(mobile, site, "th")
    pages = search(mobile, "th", "ถุงยาง")
    assert pages.index("help/") < pages.index("drug-services/"), pages
