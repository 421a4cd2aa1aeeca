"""Issue 25's journeys on a 360×740 phone, in all 11 languages: call the police from the
help page, find the doctor without papers, and reach a service: each service with its
buttons once mkdocs.yml's service data is filled in (`edited_site`), and, while it is
empty (`site`, as committed), what anyone can reach today and no promise of our own."""
import re

import pytest

from scripts.devtools.chromium import PHONE
from scripts.sitelib.help_data import help_data
from scripts.sitelib.locales import LOCALES, locale_prefix
from scripts.sitelib.phone_links import call_label
from scripts.sitelib.site_config import load_mkdocs_yml
from scripts.sitelib.ui_strings import load_strings
from tests.conftest import EDITED_SERVICES
from tests.support.help_words import ANSWER, FREE

UI = load_strings()
CENTRES = help_data(load_mkdocs_yml()["extra"]).health_centres
pytestmark = pytest.mark.browser

# Record where a tap goes instead of leaving the page (tel: opens the phone's dialer).
RECORD_TAPS = """document.addEventListener('click', event => {
    const link = event.target.closest('a');
    if (link && link.protocol === 'tel:') { window.__tapped = link.href; event.preventDefault(); }
}, true);"""


# The text of the list items written in Markdown (no class) in one `##` section.
SECTION_ITEMS = """id => {
    const items = [];
    for (let node = document.getElementById(id).nextElementSibling; node && node.tagName !== 'H2';
         node = node.nextElementSibling) {
        if (node.tagName === 'UL' && !node.className) items.push(...[...node.children].map(li => li.innerText));
    }
    return items;
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="nb-NO", service_workers="block")
    context.add_init_script(RECORD_TAPS)
    yield context
    context.close()


def open_help(context, server, locale):
    page = context.new_page()
    page.goto(server.url + locale_prefix(locale) + "help/")
    return page


@pytest.mark.parametrize("locale", LOCALES)
def test_call_the_police_from_the_help_page(phone, site, locale):
    page = open_help(phone, site, locale)
    ui = UI[locale]
    # a screen reader hears "Ring 1 1 2, Politi"; the button is on the first screen
    police = page.get_by_role("link", name=call_label("112", ui, ui["urgent_112_name"]), exact=True).first
    assert police.get_attribute("href") == "tel:112"
    box = police.bounding_box()
    assert box["height"] >= 48 and box["width"] >= 48
    assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], (locale, box)
    assert police.inner_text().split() == ["112", ui["urgent_112_short"]] or ui["urgent_112_short"] in police.inner_text()
    described = police.evaluate("a => document.getElementById(a.getAttribute('aria-describedby')).innerText")
    assert ui["urgent_112_name"] in described and ui["urgent_112_when"] in described
    police.click()   # a real tap on the button: nothing covers it
    assert page.evaluate("window.__tapped") == "tel:112"


@pytest.mark.parametrize("locale", LOCALES)
def test_find_a_doctor_without_papers(phone, site, locale):
    referers = []

    def centre_page(route):
        referers.append(route.request.headers.get("referer"))
        route.fulfill(status=200, content_type="text/html", body="<title>Helsesenteret</title>")

    phone.route("https://kirkensbymisjon.no/**", centre_page)
    page = open_help(phone, site, locale)
    heading = page.locator("article h2").first
    assert heading.get_attribute("id") == "services", "the first section of the page"
    heading.scroll_into_view_if_needed()
    answer = page.locator("#services ~ p").first
    assert answer.inner_text().startswith(ANSWER[locale]), (locale, answer.inner_text()[:40])
    gap = answer.bounding_box()["y"] - (heading.bounding_box()["y"] + heading.bounding_box()["height"])
    assert 0 <= gap <= 90, "the answer comes right under the question (after the Listen button)"
    # legevakt: a doctor quickly, a bill possible, never "free"
    items = page.evaluate(SECTION_ITEMS, "services")
    legevakt = [item for item in items if "116 117" in item]
    assert len(legevakt) == 1, items
    assert not re.search(FREE[locale], legevakt[0].lower()), legevakt[0]
    # the health centres: named, and their pages one tap away, without a Referer
    links = page.locator(".site-places a")
    assert links.all_inner_texts() == [UI[locale][f"health_centre_{c.key}_name"] for c in CENTRES]
    links.first.scroll_into_view_if_needed()
    assert links.first.is_visible()
    with page.expect_navigation(url=CENTRES[0].url):
        links.first.click()
    assert referers == [None], "no Referer goes to the other site"


@pytest.mark.parametrize("locale", LOCALES)
def test_without_service_data_the_page_leads_to_what_anyone_can_reach(phone, site, locale):
    page = open_help(phone, site, locale)
    assert page.locator(".site-services, #our-services, .site-our-clinic, .site-contact-bar, #contact").count() == 0
    calls = page.locator("article .site-urgent a[href^='tel:']")
    assert [calls.nth(i).get_attribute("href") for i in range(calls.count())] == ["tel:113", "tel:112", "tel:116117"]
    assert all(calls.nth(i).is_visible() for i in range(3))
    assert page.locator(".site-places a").count() == len(CENTRES) == 2


@pytest.mark.parametrize("locale", LOCALES)
def test_reach_a_service_once_the_details_are_filled_in(browser, edited_site, locale):
    context = browser.new_context(viewport=PHONE, locale="nb-NO", service_workers="block")
    context.add_init_script(RECORD_TAPS)
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    context.route("https://wa.me/**", lambda route: route.fulfill(status=200, content_type="text/html",
                                                                    body="<title>WhatsApp</title>"))
    try:
        page = open_help(context, edited_site, locale)
        page.wait_for_load_state("load")
        assert all(url.startswith(edited_site.url) for url in requested), "nothing from another host before a tap"
        bar = page.locator(".site-contact-bar").bounding_box()
        cards = page.locator(".site-services > .site-service")
        assert cards.count() == len(EDITED_SERVICES)
        for index in range(cards.count()):
            card = cards.nth(index)
            buttons = card.locator("a.site-service__button")
            assert buttons.count() == 2, (locale, index)   # call and WhatsApp
            for b in range(2):
                buttons.nth(b).scroll_into_view_if_needed()
                box = buttons.nth(b).bounding_box()
                assert box["height"] >= 48 and box["width"] >= 48, (locale, index, box)
                assert buttons.nth(b).is_visible()
        # from "No papers?" to the clinic, then a call: both in reach of a thumb
        page.locator(".site-our-clinic a").click()
        clinic = page.locator("#service-clinic")
        page.wait_for_function("() => location.hash === '#service-clinic'")
        assert clinic.locator(".site-map-link").is_visible()
        call = clinic.locator("a.site-service__button[href^='tel:']")
        call.scroll_into_view_if_needed()
        box = call.bounding_box()
        assert box["y"] + box["height"] <= bar["y"] + 1, "the contact bar does not cover the button"
        call.click()
        assert page.evaluate("window.__tapped") == "tel:+4722111111"
        whatsapp = clinic.locator("a[href^='https://wa.me/']")
        with page.expect_navigation(url="https://wa.me/4790011111"):
            whatsapp.click()
    finally:
        context.close()
