"""Issue 12, item 3: reader pages first.

A reader on a 360 x 740 phone finds the reader pages at the top of the menu and
the staff pages in their own group; Previous/Next never leads from a reader page
to a staff page; nothing but the notices a reader must see stands above the H1;
print links sit at the foot; and the COVID page opens with its key points, with
the working group folded into "About this advice".
"""
import pytest

from scripts.devtools.chromium import PHONE
from scripts.sitelib.locales import LOCALES, locale_prefix
from scripts.sitelib.ui_strings import load_strings
from tests.support.pages import nav_pages

UI = load_strings()
pytestmark = pytest.mark.browser

READER_PAGES = ["", "help/", "covid-19/", "safety/"]
STAFF_PAGES = ["drug-services/", "partners/", "flyers/", "status/"]
# What may stand between the header and the H1: the fallback and stale notices
# (.site-notice), the urgent-help box of the safety work, and the way back on a phone
# (.site-back, issue 25).
NOTICES = ".site-notice, [class*=urgent], .site-back"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="nb-NO", service_workers="block")
    yield context.new_page()
    context.close()



def test_the_menu_lists_reader_pages_first_and_staff_pages_in_their_own_group(phone, site):
    assert set(nav_pages()) == set(READER_PAGES + STAFF_PAGES)
    for locale in LOCALES:
        prefix = site.url + locale_prefix(locale)
        phone.goto(prefix + "covid-19/")
        phone.locator("label.md-header__button[for=__drawer]").click()
        # The closed drawer is not rendered (site-nav.css): wait until the opened one is drawn.
        phone.wait_for_function("document.querySelector('.md-nav--primary a.md-nav__link').checkVisibility()")
        top = phone.locator(".md-nav--primary > .md-nav__list > .md-nav__item")
        links = top.locator(":scope > a.md-nav__link").evaluate_all("els => els.map(a => a.href)")
        assert links == [prefix + page for page in READER_PAGES], (locale, links)
        assert top.first.inner_text().strip() == UI[locale]["nav_home"]
        assert top.last.inner_text().strip().startswith(UI[locale]["nav_staff"]), "the staff group comes last"
        staff = top.last.locator("nav a.md-nav__link").evaluate_all("els => els.map(a => a.href)")
        assert staff == [prefix + page for page in STAFF_PAGES], (locale, staff)
        phone.keyboard.press("Escape")


def footer_targets(site, locale, path):
    """Where the Previous/Next links and <link rel=prev|next> of a built page lead (site-relative)."""
    from urllib.parse import urljoin
    from bs4 import BeautifulSoup
    url = site.url + locale_prefix(locale) + path
    soup = BeautifulSoup((site.dir / locale_prefix(locale) / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = [a["href"] for a in soup.select("a.md-footer__link")] + [link["href"] for link in soup.select("link[rel=prev], link[rel=next]")]
    return [urljoin(url, href)[len(site.url + locale_prefix(locale)):] for href in hrefs]


def test_previous_and_next_never_lead_from_a_reader_page_to_a_staff_page(phone, site):
    for locale in LOCALES:
        for path in READER_PAGES:
            targets = footer_targets(site, locale, path)
            assert all(target in READER_PAGES for target in targets), (locale, path, targets)
    # A reader following Next from the home page visits the reader pages, then it stops.
    for locale in ["nb", "th"]:
        phone.goto(site.url + locale_prefix(locale))
        visited = [phone.url]
        while phone.locator(".md-footer__link--next").count():
            with phone.expect_navigation():   # the quick exit's script replaces the entry: wait for it
                phone.locator(".md-footer__link--next").click()
            visited.append(phone.url)
        assert visited == [site.url + locale_prefix(locale) + page for page in READER_PAGES]


def test_nothing_but_reader_notices_stands_between_the_header_and_the_h1(phone, site, edited_site):
    for server, path in [(site, "covid-19/"), (site, "th/help/"), (site, "ro/"), (edited_site, "th/help/"),
                         (edited_site, "en/help/")]:
        phone.goto(server.url + path)
        before = phone.evaluate(f"""() => {{
            const h1 = document.querySelector('article h1');
            return [...document.querySelectorAll('article *')]
              .filter(el => el.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING)
              .filter(el => !el.contains(h1) && !el.closest('{NOTICES}'))
              .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
              .map(el => el.outerHTML.slice(0, 80)); }}""")
        assert before == [], (path, before)
        # and on screen: the H1 follows the header with only the notices and a margin between
        gap = phone.evaluate(f"""() => {{
            const header = document.querySelector('.md-header').getBoundingClientRect();
            const h1 = document.querySelector('article h1').getBoundingClientRect();
            const notices = [...document.querySelectorAll('article :is({NOTICES})')]
              .map(el => el.getBoundingClientRect().height + 40).reduce((a, b) => a + b, 0);
            return h1.top - header.bottom - notices; }}""")
        assert gap <= 60, (path, gap)


def test_print_links_are_at_the_foot_of_the_page(phone, site):
    phone.goto(site.url + "covid-19/")
    links = phone.locator(".site-flyer-links")
    assert links.count() == 1
    assert phone.evaluate("""() => {
        const foot = document.querySelector('.site-flyer-links');
        const last = [...document.querySelectorAll('article h2')].pop();
        return foot.closest('.site-page-foot') !== null
          && (last.compareDocumentPosition(foot) & Node.DOCUMENT_POSITION_FOLLOWING) > 0; }""")
    assert links.bounding_box()["y"] > phone.locator("article h2").last.bounding_box()["y"]


def first_paragraph(page):
    return page.locator("article h1 ~ p:not(.site-historical)").first


def test_on_a_phone_the_h1_and_opening_are_on_the_first_screen(phone, site):
    screen = PHONE["height"]
    for locale in LOCALES:
        for path in READER_PAGES:
            phone.goto(site.url + locale_prefix(locale) + path)
            h1 = phone.locator("article h1").bounding_box()
            opening = first_paragraph(phone).bounding_box()
            assert h1["y"] + h1["height"] <= screen, (locale, path, "H1 below the first screen")
            assert opening["y"] + opening["height"] <= screen, (locale, path, "opening below the first screen")


def test_the_covid_page_opens_with_its_key_points(phone, site):
    screen = PHONE["height"]
    for locale in LOCALES:
        phone.goto(site.url + locale_prefix(locale) + "covid-19/")
        first_h2 = phone.locator("article h2").first
        assert first_h2.get_attribute("id") == "key-points", locale
        first_advice = phone.locator("#key-points ~ ul li").first.bounding_box()
        assert first_advice["y"] <= 1.5 * screen, (locale, first_advice["y"])
        about = phone.locator("#key-points ~ details")
        assert about.count() == 1 and about.get_attribute("open") is None, locale
        text = about.locator("p").first
        assert not text.is_visible(), "the provenance is folded away"
        about.locator("summary").click()
        assert text.is_visible() and "Pro Sentret" in text.inner_text()
