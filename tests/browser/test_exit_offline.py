"""The quick exit when something goes wrong: the clean-up never finishes, the phone has
no signal after the reader saved pages, the neutral site cannot be reached.

Through nginx with deploy/nginx/site.conf (Clear-Site-Data on /exit/). There is no
internet here, so the neutral site is never reachable (and a route cannot stub it:
Playwright does not route the target of nginx's redirect). These tests hold what
happened (requests, pages shown, history, storage), never how fast: the time from the
tap to the exit request is measured by `make bench` (scripts/bench_exit.py).
"""
import time

import pytest

from scripts.devtools.chromium import PHONE
from scripts.sitelib.site_config import site_extra
from scripts.sitelib.ui_strings import load_strings

NEUTRAL = site_extra()["quick_exit_url"]
START = "https://start.test/"
UI = load_strings()

pytestmark = pytest.mark.browser

# The page's own clean-up never finishes: Cache Storage and the service worker
# registry never answer.
NEVER_SETTLES = """
caches.keys = () => new Promise(() => {});
navigator.serviceWorker.getRegistrations = () => new Promise(() => {});
"""

WHAT_IS_LEFT = """async () => ({
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
})"""


@pytest.fixture
def context(browser):
    """A Norwegian phone with service workers on; the reader comes from START."""
    context = browser.new_context(viewport=PHONE, locale="nb-NO", service_workers="allow")
    context.route(START, lambda route: route.fulfill(status=200, content_type="text/html",
                                                     body="<title>Start</title><h1>Start</h1>"))
    yield context
    context.close()


def save_language(context, url):
    """The reader presses "Save all pages in this language"; the worker then controls the page."""
    page = context.new_page()
    page.goto(url)
    page.locator(".js-offline-save").click()
    page.wait_for_selector(".js-offline[data-state=saved]", timeout=30_000)
    page.wait_for_function("!!navigator.serviceWorker.controller", timeout=20_000)
    assert all(page.evaluate(WHAT_IS_LEFT).values()), "control: pages and a worker are stored"
    page.close()


class Journey:
    """One tab, watched through CDP (Playwright does not report a request that a service
    worker answers while routes are on): every document request, every document that
    commits in the tab (chrome-error://… is Chromium's own error page), its history."""

    def __init__(self, page):
        self.page = page
        self.cdp = page.context.new_cdp_session(page)
        self.requested, self.shown, self.history_before = [], [], None
        self.cdp.send("Network.enable")
        self.cdp.send("Page.enable")
        self.cdp.on("Network.requestWillBeSent", lambda event: self.requested.append(event["request"]["url"])
                    if event.get("type") == "Document" else None)
        self.cdp.on("Page.frameNavigated", lambda event: self.shown.append(event["frame"]["url"])
                    if not event["frame"].get("parentId") else None)

    def history(self):
        return [entry["url"] for entry in self.cdp.send("Page.getNavigationHistory")["entries"]]

    def tap_the_exit(self, how="tap"):
        """Press the exit and wait until the tab has asked for the neutral site and
        shows what came back. What the tab did before the tap is forgotten."""
        self.history_before = self.history()
        self.requested.clear()
        self.shown.clear()
        if how == "shift":
            for _ in range(3):
                self.page.keyboard.press("Shift")
        else:
            self.page.locator("a.js-quick-exit").click(no_wait_after=True)
        deadline = time.monotonic() + 20
        while not (NEUTRAL in self.requested and self.shown):
            if time.monotonic() > deadline:
                pytest.fail(f"20 s after the tap the tab had not asked for the neutral site; "
                            f"it asked for {self.requested} and showed {self.shown}")
            self.page.wait_for_timeout(50)
        self.page.wait_for_timeout(300)     # anything that follows has committed too

    def never_shows_the_site(self, site_url, javascript=True):
        """After the tap no page of the site commits (not a saved page, not the offline
        page, not /exit/ itself) and the tab ends on the neutral address. With
        JavaScript the neutral address takes the place of the page in the history
        list, so Back cannot reach the site; without it the link adds an entry, as
        links do. (The history list, not Back: Chromium reloads its own error page
        by itself, and that cancels a Back.)"""
        site_pages = [url for url in self.shown if url.startswith(site_url)]
        assert not site_pages, f"the reader saw the site after the tap: {site_pages}"
        kept = self.history_before if not javascript else self.history_before[:-1]
        assert self.history() == kept + [NEUTRAL]


def open_from_start(context, url, *, offline=False, javascript=True, init_script=None):
    """A tab that came from START and then opened `url` (from the saved pages when offline)."""
    page = context.new_page()
    if init_script:
        page.add_init_script(init_script)
    journey = Journey(page)
    if not javascript:   # this tab only: saving the pages needed JavaScript
        journey.cdp.send("Emulation.setScriptExecutionDisabled", {"value": True})
    page.goto(START)
    context.set_offline(offline)
    page.goto(url)
    assert page.locator("a.js-quick-exit").is_visible()
    return page, journey


def left_behind(context, site_url):
    """The site's caches and service workers, seen from another tab with a signal, once
    the clean-up has run (it may go on after the answer: wait for it)."""
    context.set_offline(False)
    check = context.new_page()
    try:
        check.goto(site_url + "sitemap.xml")     # the site's origin, no script of its own
        try:
            check.wait_for_function(f"({WHAT_IS_LEFT})().then(left => !left.caches && !left.workers)",
                                    timeout=10_000, polling=200)
        except Exception:
            pass                                # the caller's assertion shows what stayed
        return check.evaluate(WHAT_IS_LEFT)
    finally:
        check.close()


@pytest.mark.parametrize("case", ["online-nothing-saved", "online-saved", "offline-nothing-saved"])
def test_a_cleanup_that_never_settles_does_not_hold_the_exit(context, nginx_site, case):
    signal, saved = case.split("-", 1)
    if saved == "saved":
        save_language(context, nginx_site.url)
    page, journey = open_from_start(context, nginx_site.url + "covid-19/", init_script=NEVER_SETTLES)
    never = "Promise.race([caches.keys(), new Promise(done => setTimeout(() => done('never'), 300))])"
    assert page.evaluate(never) == "never", "control: the stub holds Cache Storage"
    context.set_offline(signal == "offline")
    journey.tap_the_exit()
    if signal == "offline":    # no worker: nobody can answer /exit/, the page goes straight on
        assert journey.requested[0] == NEUTRAL and nginx_site.url + "exit/" not in journey.requested
    else:
        assert journey.requested[:2] == [nginx_site.url + "exit/", NEUTRAL], journey.requested
    journey.never_shows_the_site(nginx_site.url)
    assert left_behind(context, nginx_site.url) == {"caches": 0, "workers": 0}


@pytest.mark.parametrize("how", ["tap", "shift", "no-javascript"])
def test_offline_after_saving_the_exit_leaves_no_cache_and_no_worker(context, nginx_site, how):
    save_language(context, nginx_site.url)
    javascript = how != "no-javascript"
    page, journey = open_from_start(context, nginx_site.url + "covid-19/", offline=True, javascript=javascript)
    journey.tap_the_exit(how)
    # Through /exit/, which the worker answers without a signal.
    assert journey.requested[:2] == [nginx_site.url + "exit/", NEUTRAL], journey.requested
    journey.never_shows_the_site(nginx_site.url, javascript)
    assert left_behind(context, nginx_site.url) == {"caches": 0, "workers": 0}


@pytest.mark.parametrize("case", ["offline-saved", "offline-nothing-saved", "online-saved", "online-nothing-saved"])
def test_when_the_neutral_site_cannot_be_reached_the_reader_never_sees_site_content(context, nginx_site, case):
    signal, saved = case.split("-", 1)
    if saved == "saved":
        save_language(context, nginx_site.url)
    page, journey = open_from_start(context, nginx_site.url + "covid-19/")
    context.set_offline(signal == "offline")
    journey.tap_the_exit()
    assert journey.shown[-1].startswith("chrome-error://"), journey.shown
    journey.never_shows_the_site(nginx_site.url)
    text = page.locator("body").inner_text()
    for words in (UI["nb"]["offline_title"], UI["nb"]["quick_exit"], "Covid-19"):
        assert words not in text, f"{words!r} on the page after the exit"
    if signal == "offline" and saved == "nothing-saved":
        assert journey.requested[0] == NEUTRAL, "no worker can answer /exit/ without a signal: straight on"
        assert nginx_site.url + "exit/" not in journey.requested
    else:
        assert journey.requested[:2] == [nginx_site.url + "exit/", NEUTRAL], journey.requested



# The page is leaving before its scripts run (a tap at first paint, from saved pages):
# mark <html> as quick-exit.js does on the tap, and count offline.js's register() calls.
LEAVING_BEFORE_SCRIPTS = """
window.registerCalls = 0;
const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
navigator.serviceWorker.register = (...args) => { window.registerCalls += 1; return register(...args); };
new MutationObserver((changes, observer) => {
    if (!document.documentElement) return;
    document.documentElement.setAttribute("data-site-leaving", "");
    observer.disconnect();
}).observe(document, {childList: true});
"""


def test_a_leaving_page_never_registers_the_worker_again(context, nginx_site):
    """The worker answering /exit/ unregisters itself; the leaving page's own offline.js,
    still loading when the reader tapped, must not register it again (a register() after
    the unregister() keeps the worker on the phone)."""
    save_language(context, nginx_site.url)
    page = context.new_page()
    page.goto(nginx_site.url + "covid-19/")
    page.wait_for_function("() => document.documentElement.dataset.siteOffline === 'ready'")  # a function: the page's CSP forbids eval
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 1
    page.add_init_script(LEAVING_BEFORE_SCRIPTS)
    page.goto(nginx_site.url + "help/")
    assert page.evaluate("document.documentElement.hasAttribute('data-site-leaving')"), "control: marked early"
    assert page.evaluate("typeof navigator.serviceWorker.register") == "function"
    page.wait_for_timeout(1500)          # offline.js has run and found the saved pages' worker
    assert page.evaluate("window.registerCalls") == 0
    assert page.evaluate("document.documentElement.dataset.siteOffline") != "ready"
