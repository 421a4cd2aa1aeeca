"""Notices about translations, on the edited site (Thai lacks help.md; a sentence
was added to the last section of the Norwegian help.md), and the status page."""
import pytest

from scripts.sitelib.freshness import section_headings
from scripts.sitelib.locales import DOCS, TRANSLATIONS

pytestmark = pytest.mark.browser


def test_untranslated_page_shows_notice_and_norwegian_lang(page, edited_site):
    page.goto(edited_site.url + "th/help/")
    notice = page.locator(".site-notice--fallback")
    assert notice.is_visible()
    assert "ยังไม่ได้แปล" in notice.inner_text()
    assert page.evaluate("document.documentElement.lang") == "th"
    assert page.locator("[lang=nb] h1").count() == 1
    page.goto(edited_site.url + "th/covid-19/")
    assert page.locator(".site-notice--fallback").count() == 0


def test_stale_notice_sits_below_the_h1_and_names_the_changed_section(page, edited_site):
    page.goto(edited_site.url + "ru/help/")
    notice = page.locator(".site-notice--stale")
    assert notice.count() == 1 and notice.is_visible()
    # Right after the H1, before the first section.
    assert page.evaluate("""() => {
        const notice = document.querySelector('.site-notice--stale');
        const h1 = document.querySelector('article h1'), h2 = document.querySelector('article h2');
        return !!(h1.compareDocumentPosition(notice) & Node.DOCUMENT_POSITION_FOLLOWING)
            && !!(notice.compareDocumentPosition(h2) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    law = section_headings(DOCS / "ru" / "help.md")["law"]
    link = notice.get_by_role("link", name=law)
    assert link.get_attribute("href") == "#law"
    assert "Норвежский текст этой части" in notice.inner_text() and "2026" in notice.inner_text()
    # The other sections, and the other pages, are up to date: no notice there.
    page.goto(edited_site.url + "ru/covid-19/")
    assert page.locator(".site-notice--stale").count() == 0


@pytest.mark.parametrize("width", [360, 1280])
def test_status_page_fits_and_shows_what_changed(browser, edited_site, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(edited_site.url + "en/status/")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    help_block = page.locator(".site-status__page", has=page.get_by_role("heading", name="Få hjelp"))
    stale = help_block.locator(".site-status__item--stale")
    assert stale.count() == len(TRANSLATIONS) - 1
    assert help_block.locator(".site-status__item--missing").count() == 1
    thai = help_block.locator(".site-status__item--missing")
    assert "Thai" in thai.inner_text() and "ไทย" in thai.inner_text() and "Missing" in thai.inner_text()
    russian = stale.filter(has_text="Russian")
    assert russian.get_by_role("link").get_attribute("lang") == "ru"
    assert "Out of date" in russian.inner_text() and "Loven i Norge" in russian.inner_text()
    change = help_block.locator(".site-status__change")
    change.locator("summary").click()
    assert "En ny setning om hjelp." in change.locator("ins").inner_text()
    assert page.locator(".site-status__item--stale").count() == len(TRANSLATIONS) - 1
    context.close()
