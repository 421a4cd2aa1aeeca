"""Help in one tap, on a 360×740 phone: every call button of the urgent box on the first screen, the
contact bar when contact details are filled in, and the exit link a partner can
put above an embed."""
import pytest

from scripts.devtools.chromium import PHONE
from scripts.sitelib.embeds import exit_link, snippet, snippet_title
from scripts.devtools.local_site import StaticServer
from scripts.sitelib.locales import LOCALES, locale_prefix
from scripts.sitelib.site_config import site_extra
from scripts.sitelib.ui_strings import load_strings

UI = load_strings()
EXIT = site_extra()["quick_exit_url"]
pytestmark = pytest.mark.browser


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="nb-NO", service_workers="block")
    context.route(EXIT + "**", lambda route: route.fulfill(status=200, content_type="text/html",
                                                            body="<title>Weather</title><h1>Weather</h1>"))
    yield context
    context.close()


@pytest.mark.parametrize("locale", LOCALES)
def test_urgent_box_is_on_the_first_screen(phone, site, locale):
    page = phone.new_page()
    for name in ("help", "covid-19"):
        page.goto(site.url + locale_prefix(locale) + name + "/")
        box = page.locator("article .site-urgent").bounding_box()
        assert box and 0 <= box["y"] < PHONE["height"], (locale, name, box)
        calls = page.locator("article .site-urgent a[href^='tel:']")
        assert calls.count() == 3
        for index in range(3):  # every call button (113, 112, 116 117) in one tap, without scrolling
            call = calls.nth(index).bounding_box()
            assert call["height"] >= 48 and call["width"] >= 48
            assert call["y"] + call["height"] <= PHONE["height"], (locale, name, index)


def test_contact_bar_when_details_are_filled_in(browser, edited_site):
    context = browser.new_context(viewport=PHONE, locale="nb-NO", service_workers="block")
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    context.route("https://wa.me/**", lambda route: route.fulfill(status=200, content_type="text/html",
                                                                    body="<title>WhatsApp</title>"))
    try:
        page = context.new_page()
        page.goto(edited_site.url + "help/", wait_until="load")
        bar = page.locator(".site-contact-bar")
        box = bar.bounding_box()
        assert abs(box["y"] + box["height"] - PHONE["height"]) <= 1, "at the bottom of the screen"
        links = bar.locator("a")
        assert links.all_inner_texts() == [UI["nb"]["contact_bar_whatsapp"], UI["nb"]["contact_bar_call"]]
        assert all(links.nth(i).bounding_box()["height"] >= 44 for i in range(2))
        assert links.nth(1).get_attribute("href") == "tel:+4722000000"
        assert not [url for url in requested if "wa.me" in url or "whatsapp" in url], "nothing before a tap"
        # the bar never hides the end of the page
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        page.wait_for_timeout(200)
        last = page.locator(".md-footer-meta, .md-footer").last.bounding_box()
        assert last["y"] + last["height"] <= bar.bounding_box()["y"] + 1
        with page.expect_navigation(url="https://wa.me/4790000000"):
            links.nth(0).click()
    finally:
        context.close()


def test_no_contact_bar_and_no_contact_section_when_empty(phone, site):
    page = phone.new_page()
    page.goto(site.url + "help/")
    assert page.locator(".site-contact-bar, #contact").count() == 0


@pytest.fixture
def partner(tmp_path):
    with StaticServer(tmp_path) as server:   # another port: another origin
        server.dir = tmp_path
        yield server


def test_partner_gets_an_exit_link_above_the_embed(phone, site, partner):
    page = phone.new_page()
    page.goto(site.url + "partners/")
    choice = page.get_by_label(UI["nb"]["builder_exit"])
    assert choice.is_checked(), "on unless the partner unticks it"
    page.get_by_label("Språk", exact=True).select_option(label="Română")
    code = page.get_by_label("Kode til nettstedet ditt").input_value()
    src = f"{site.url}ro/covid-19/embed/"
    title = snippet_title("Covid-19 și prevenirea infecțiilor")  # named in the embed's language
    host = f"{site.url}assets/embed-host.js"
    assert code == snippet(src, title, host, "ro", exit_html=exit_link(EXIT, UI["ro"]["quick_exit"], "ro"))
    choice.uncheck()
    assert page.get_by_label("Kode til nettstedet ditt").input_value() == snippet(src, title, host, "ro")
    choice.check()

    # The partner pastes it; a reader arrives from elsewhere and leaves in a hurry.
    (partner.dir / "index.html").write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Partner</title></head>"
        f"<body><h1>Partner</h1>{code}</body></html>", encoding="utf-8")
    page.goto(site.url + "404.html")
    page.goto(partner.url)
    link = page.get_by_role("link", name=UI["ro"]["quick_exit"])
    assert link.is_visible() and link.bounding_box()["height"] >= 44
    with page.expect_navigation(url=EXIT):
        link.click()
    page.go_back()
    assert page.url == site.url + "404.html", "the partner's page is not in the history either"
