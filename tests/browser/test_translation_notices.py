"""Notices about translations, on a site where Thai lacks a page and a Norwegian page changed."""
import pytest

from tests.support.site import StaticServer, build_site, variant_config

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("edited")

    def edit(docs):
        (docs / "th" / "help.md").unlink()
        with open(docs / "nb" / "help.md", "a", encoding="utf-8") as source:
            source.write("\nEn ny setning om hjelp.\n")

    config = variant_config(tmp_path, edit_docs=edit)
    with StaticServer(tmp_path / "site") as server:
        result = build_site(tmp_path / "site", server.url, config=config)
        assert result.returncode == 0, result.stderr
        yield server


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
    assert help_row.locator("td.site-translation-status--stale").count() == 9
    assert help_row.locator("td.site-translation-status--missing").count() == 1
    assert page.locator("td.site-translation-status--missing").count() == 1
