"""Listen: shown only with a voice for the text's language; speaks in it; stops on leaving."""
import pytest

from scripts.sitelib.ui_strings import load_strings
from scripts.devtools.chromium import PHONE

UI = load_strings()
pytestmark = pytest.mark.browser

STUB = """
(() => {
  let voices = %s;
  window.__spoken = [];
  window.__cancelled = 0;
  const synth = window.speechSynthesis;
  synth.getVoices = () => voices.map(lang => ({lang, name: 'Test ' + lang, voiceURI: lang, localService: true, default: false}));
  synth.speak = (utterance) => window.__spoken.push({lang: utterance.lang, text: utterance.text});
  synth.cancel = () => { window.__cancelled += 1; };
  window.__setVoices = (list) => { voices = list; synth.dispatchEvent(new Event('voiceschanged')); };
})();
"""


def open_page(browser, path, site, voices):
    context = browser.new_context(viewport=PHONE, locale="nb-NO", service_workers="block")
    context.add_init_script(STUB % voices)
    page = context.new_page()
    page.goto(site.url + path)
    return context, page


def test_speaks_the_text_in_the_page_language(browser, site):
    context, page = open_page(browser, "covid-19/", site, '["en-GB", "nb-NO"]')
    try:
        button = page.locator("button.js-listen")
        assert button.is_visible()
        assert button.inner_text().strip() == UI["nb"]["listen"]
        box = button.bounding_box()
        assert box["height"] >= 44
        button.click()
        spoken = page.evaluate("window.__spoken")
        assert spoken, "nothing was spoken"
        assert {item["lang"] for item in spoken} == {"nb-NO"}
        text = " ".join(item["text"] for item in spoken)
        assert page.locator("article h1").inner_text().strip() in text
        assert UI["nb"]["quick_exit"] not in text and UI["nb"]["listen"] not in text
        assert button.get_attribute("aria-pressed") == "true"
        page.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide'))")
        assert page.evaluate("window.__cancelled") >= 1
        assert button.get_attribute("aria-pressed") == "false"
    finally:
        context.close()


def test_absent_without_a_voice_and_appears_when_one_arrives(browser, site):
    context, page = open_page(browser, "covid-19/", site, '["en-US"]')
    try:
        button = page.locator("button.js-listen")
        assert not button.is_visible()
        page.evaluate("window.__setVoices(['nb-NO'])")   # voices often load late
        assert button.is_visible()
    finally:
        context.close()


def test_thai_page_is_read_in_the_language_of_its_text(browser, site):
    # A page not yet translated shows the Norwegian text (inside lang="nb"):
    # it is read with a Norwegian voice, never with a Thai one.
    context, page = open_page(browser, "th/help/", site, '["th-TH"]')
    try:
        assert page.evaluate("document.documentElement.lang") == "th"
        fallback = page.locator(".md-content__inner > div[lang=nb]").count() > 0
        assert page.locator("button.js-listen").is_visible() is not fallback
        page.evaluate("window.__setVoices(['th-TH', 'nb-NO'])")
        page.locator("button.js-listen").click()
        assert {item["lang"] for item in page.evaluate("window.__spoken")} == {"nb-NO" if fallback else "th-TH"}
    finally:
        context.close()


def test_hidden_without_javascript(browser, site):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.url + "covid-19/")
        assert not page.locator("button.js-listen").is_visible()
        assert not page.locator(".js-offline").is_visible()
    finally:
        context.close()
