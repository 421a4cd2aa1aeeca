"""The save button's progress is written in the browser: offline.js gets every plural
form as data and chooses the one for the page count with Intl.PluralRules (issue 24
item 2), so ro says "din 11 pagini" and would say "din 20 de pagini"."""
import re

import pytest
from babel import Locale

from scripts.sitelib.locales import locale_prefix

pytestmark = pytest.mark.browser

# "of N pages" by CLDR category, written here by hand (not read from strings.yml)
OF_PAGES = {
    "ro": {"one": "din {n} pagină…", "few": "din {n} pagini…", "other": "din {n} de pagini…"},
    "ru": {"one": "из {n} страницы…", "few": "из {n} страниц…", "many": "из {n} страниц…", "other": "из {n} страницы…"},
    "en": {"one": "of {n} page…", "other": "of {n} pages…"},
}
RECORD = """() => {
    window.siteTestSaid = [];
    const status = document.querySelector('.js-offline-status');
    new MutationObserver(records => records.forEach(record => record.addedNodes.forEach(
        node => window.siteTestSaid.push(node.textContent)))).observe(status, {childList: true});
}"""


@pytest.mark.parametrize("locale", sorted(OF_PAGES))
def test_the_progress_takes_the_plural_form_of_the_page_count(context, site, locale):
    page = context.new_page()
    page.goto(site.url + locale_prefix(locale))
    page.wait_for_selector("html[data-site-offline]", state="attached", timeout=20_000)
    page.evaluate(RECORD)
    page.locator(".js-offline-save").click()
    page.wait_for_selector(".js-offline[data-state=saved]", timeout=30_000)
    said = page.evaluate("window.siteTestSaid")
    counted = [text for text in said if re.search(r"\d+\D+\d+", text)]
    assert counted, said
    for text in counted:
        total = int(re.findall(r"\d+", text)[1])
        form = Locale.parse(locale).plural_form(total)
        assert text.endswith(OF_PAGES[locale][form].format(n=total)), (text, form)
