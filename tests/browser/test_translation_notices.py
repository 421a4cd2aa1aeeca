"""Notices about translations, on the edited site: Thai lacks help.md, the Norwegian help.md changed."""
import pytest

from scripts.sitelib.locales import TRANSLATIONS

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


def test_changed_source_marks_translations_stale(page, edited_site):
    page.goto(edited_site.url + "ru/help/")
    notice = page.locator(".site-notice--stale")
    assert notice.is_visible()
    assert "Норвежская страница" in notice.inner_text() and "2026" in notice.inner_text()
    page.goto(edited_site.url + "ru/covid-19/")
    assert page.locator(".site-notice--stale").count() == 0


def test_status_page_shows_the_same_table(page, edited_site):
    page.goto(edited_site.url + "status/")
    help_row = page.locator("tr", has=page.locator("th", has_text="help.md"))
    # Thai lacks help.md; every other translation of it is now behind the source.
    assert help_row.locator("td.site-translation-status--stale").count() == len(TRANSLATIONS) - 1
    assert help_row.locator("td.site-translation-status--missing").count() == 1
    assert page.locator("td.site-translation-status--missing").count() == 1
