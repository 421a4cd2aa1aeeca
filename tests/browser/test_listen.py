"""Issue 12, item 7: listen for every reader.

Every ## section has its own play button: it reads that section in the text's
language, pauses and resumes where it stopped, keeps reading when the screen
locks (the page is hidden), and stops when the reader leaves. Without a voice for
the language the button stays and says so, in the page's language.
"""
import pytest

from scripts.devtools.chromium import PHONE
from scripts.sitelib.ui_strings import load_strings

UI = load_strings()
pytestmark = pytest.mark.browser

STUB = """
(() => {
  let voices = %s;
  window.__spoken = [];
  window.__utterances = [];
  window.__cancelled = 0;
  const synth = window.speechSynthesis;
  synth.getVoices = () => voices.map(lang => ({lang, name: 'Test ' + lang, voiceURI: lang, localService: true, default: false}));
  synth.speak = (utterance) => { window.__utterances.push(utterance); window.__spoken.push({lang: utterance.lang, text: utterance.text}); };
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


def section_button(page, section_id):
    return page.locator(f"#{section_id} + .site-listen-control button")


def press_and_wait(page, button):
    """The first press loads the reader; wait until it has spoken."""
    button.click()
    page.wait_for_function("window.__spoken.length > 0")


def test_the_reader_loads_only_when_someone_listens(browser, site):
    context = browser.new_context(viewport=PHONE, locale="nb-NO", service_workers="block")
    context.add_init_script(STUB % '["nb-NO"]')
    page = context.new_page()
    scripts = []
    page.on("request", lambda request: "/components/listen." in request.url and scripts.append(request.url))
    try:
        page.goto(site.url + "covid-19/", wait_until="load")
        assert scripts == [], "the first view must not pay for reading aloud"
        press_and_wait(page, section_button(page, "before"))
        assert len(scripts) == 1
    finally:
        context.close()


def test_every_section_has_a_button_that_reads_that_section(browser, site):
    context, page = open_page(browser, "covid-19/", site, '["en-GB", "nb-NO"]')
    try:
        headings = page.locator("article h2").evaluate_all("els => els.map(e => e.id)")
        buttons = page.locator(".site-listen-control button")
        assert buttons.count() == len(headings) >= 8
        button = section_button(page, "during")
        assert button.is_visible() and button.bounding_box()["height"] >= 44
        assert button.inner_text().strip() == UI["nb"]["listen"]
        assert button.get_attribute("aria-describedby") == "during"
        press_and_wait(page, button)
        spoken = page.evaluate("window.__spoken")
        assert {item["lang"] for item in spoken} == {"nb-NO"}
        texts = [item["text"] for item in spoken]
        assert texts[0] == page.locator("#during").inner_text().strip()
        assert page.locator("#during ~ ul li").first.inner_text().strip() in texts
        others = page.locator("#before, #no-sharing").all_inner_texts()
        assert not any(other.strip() in texts for other in others), "it read beyond its section"
        assert UI["nb"]["listen"] not in " ".join(texts) and UI["nb"]["quick_exit"] not in " ".join(texts)
    finally:
        context.close()


def test_pause_and_resume_where_it_stopped(browser, site):
    context, page = open_page(browser, "en/covid-19/", site, '["en-GB"]')
    try:
        button = section_button(page, "after")
        press_and_wait(page, button)
        assert button.inner_text().strip() == UI["en"]["listen_pause"]
        parts = page.evaluate("window.__spoken.map(s => s.text)")
        page.evaluate("window.__utterances[2].onstart()")   # the engine reaches the third part
        cancelled = page.evaluate("window.__cancelled")
        button.click()                                        # pause
        assert page.evaluate("window.__cancelled") > cancelled
        assert button.inner_text().strip() == UI["en"]["listen_resume"]
        page.evaluate("window.__spoken = []")
        button.click()                                        # resume
        assert button.inner_text().strip() == UI["en"]["listen_pause"]
        assert page.evaluate("window.__spoken.map(s => s.text)") == parts[2:]
        page.evaluate("window.__utterances[window.__utterances.length - 1].onend()")   # the end of the section
        assert button.inner_text().strip() == UI["en"]["listen"]
    finally:
        context.close()


def test_reading_goes_on_when_the_screen_locks_and_stops_on_leaving(browser, site):
    context, page = open_page(browser, "covid-19/", site, '["nb-NO"]')
    try:
        button = section_button(page, "before")
        press_and_wait(page, button)
        cancelled = page.evaluate("window.__cancelled")
        page.evaluate("""() => { Object.defineProperty(document, 'hidden', {value: true, configurable: true});
            Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});
            document.dispatchEvent(new Event('visibilitychange')); }""")
        assert page.evaluate("window.__cancelled") == cancelled, "a locked screen must not stop the reading"
        assert button.inner_text().strip() == UI["nb"]["listen_pause"]
        page.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide'))")
        assert page.evaluate("window.__cancelled") > cancelled
        assert button.inner_text().strip() == UI["nb"]["listen"]
    finally:
        context.close()


@pytest.mark.parametrize("locale", ["sq", "bg"])
def test_without_a_voice_it_says_so_in_the_page_language(browser, site, locale):
    context, page = open_page(browser, f"{locale}/help/", site, '["en-US"]')
    try:
        button = section_button(page, "services")
        assert button.is_visible(), "the feature must not disappear"
        button.click()
        status = page.locator("#services + .site-listen-control .site-listen__status")
        status.wait_for(state="visible")
        assert status.inner_text().strip() == UI[locale]["listen_no_voice"]
        assert status.get_attribute("role") == "status"
        assert page.evaluate("window.__spoken") == []
        page.evaluate(f"window.__setVoices(['{locale}-XX'])")   # a voice installed later
        press_and_wait(page, button)
        assert not status.is_visible()
        assert {item["lang"] for item in page.evaluate("window.__spoken")} == {f"{locale}-XX"}
    finally:
        context.close()


def test_a_fallback_page_is_read_in_the_language_of_its_text(browser, edited_site):
    # Thai has no help page in the edited build: the Norwegian text stands in
    # (inside lang="nb") and is read with a Norwegian voice, never a Thai one.
    context, page = open_page(browser, "th/help/", edited_site, '["th-TH", "nb-NO"]')
    try:
        assert page.evaluate("document.documentElement.lang") == "th"
        assert page.locator(".md-content__inner > div[lang=nb]").count() == 1
        press_and_wait(page, section_button(page, "services"))
        assert {item["lang"] for item in page.evaluate("window.__spoken")} == {"nb-NO"}
    finally:
        context.close()


def test_no_buttons_without_javascript(browser, site):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.url + "covid-19/")
        # The build puts the controls in the page (their place is reserved from the first
        # paint); without JavaScript they cannot read, and none shows.
        controls = page.locator(".site-listen-control")
        assert controls.count() >= 8
        assert not any(controls.nth(index).is_visible() for index in range(controls.count()))
        assert not page.locator(".js-offline").is_visible()
    finally:
        context.close()
