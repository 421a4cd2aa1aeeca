"""The purged stylesheet and the inlined first-screen CSS look exactly like Material's
whole stylesheet (issue 13): every page type, in nb, th and zh, at 360 and 1280 px,
and with the menu, the language sheet and search results open.

The reference is the same site built with SITE_CSS_PURGE=0 (Material's main.css
whole, nothing inlined; scripts/smittevern/first_paint/plugin.py). Both are built for the same
address, so the pages differ only in their CSS. A difference fails the test; the two
screenshots and the difference image are saved in build/visual-diff/.
"""
import base64
import math

import pytest
from PIL import Image, ImageChops

from scripts.devtools.local_site import ROOT, build_site
from scripts.sitelib.locales import locale_prefix
from tests.support.shared_site import MakeFailed, shared_site

pytestmark = pytest.mark.browser

DIFF_DIR = ROOT / "build" / "visual-diff"
ANTIALIASING = 40   # largest difference (0-255, grey) between two renders of the same edge; seen: 22
# Under load, one pixel at an icon's edge once came out 42 apart in both pairs of shots (zh help
# page, 1280 px). A few pixels that far apart, none strongly, are edge smoothing; a style
# difference changes many pixels, or some strongly (a 1-px border in another colour: both).
STRAY_PIXELS = 4
STRONG = 96
# The second pair shoots each page until two shots in a row agree: a render caught mid-change
# under load does not come back.
STEADY_TRIES = 6
# Chromium's whole-page capture (captureBeyondViewport) resizes the viewport to 1×1 and back
# (puppeteer#7251): every width media query flips to the phone's and back, and the shot could
# catch the transitions that started (the not-found page's header search field 0 px wide, its
# icon still grey; CI, 2026-12-07). A DevTools style sheet, which the page's CSP does not
# govern, turns transitions off on both sides; the look at rest is what the test compares.
NO_TRANSITIONS = "*, ::before, ::after { transition: none !important; }"
LOCALES = {"nb": "nb-NO", "th": "th-TH", "zh": "zh-CN"}
WIDTHS = {"phone": (360, 740), "desktop": (1280, 800)}
PAGE_TYPES = {                 # page type -> path under the locale root
    "home": "", "guidance": "covid-19/", "tips": "drug-services/", "help": "help/", "safety": "safety/",
    "about": "about/", "partners": "partners/", "flyers": "flyers/", "status": "status/",
    "embed": "covid-19/embed/", "embed-section": "covid-19/embed/vaccination/", "flyer": "flyers/covid-19/",
    "offline": "offline/", "not-found": "no-such-page/",
}


def open_menu(tab):
    if tab.locator("label.md-header__button[for=__drawer]").is_visible():
        tab.locator("label.md-header__button[for=__drawer]").click()


def open_language_sheet(tab):
    tab.locator("header .site-language summary").click()
    tab.locator(".site-language__sheet").wait_for()


def open_search_results(tab):
    toggle = tab.locator("label.md-header__button[for=__search]")
    if toggle.is_visible():
        toggle.click()
    field = tab.locator("input.md-search__input")
    field.click()
    field.fill("covid")
    field.press("End")
    # The result count shows once the worker has loaded the index (as scripts/devtools/weight.py waits).
    tab.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta'); return m && !/^\\s*$/.test(m.textContent) }",
        timeout=60_000)


STATES = {"menu": open_menu, "language-sheet": open_language_sheet, "search-results": open_search_results}
# Known, not yet explained: on a wide screen the search results' text is rasterised one
# pixel to the left in the purged build, with every computed style and box identical
# (compared element by element). The phone's search results are compared.
NOT_COMPARED = {("desktop", "search-results")}


@pytest.fixture(scope="session")
def reference_site(site, tmp_path_factory, worker_id):
    """The same site (built for the same address) with Material's whole stylesheet, served
    on its own port; built once for the run, whichever workers run the locales."""
    def make(folder, url):
        result = build_site(folder, site.url, extra_env={"SITE_CSS_PURGE": "0"})
        if result.returncode != 0:
            raise MakeFailed(result.stderr[-3000:])
        return {}

    with shared_site(tmp_path_factory, worker_id, "unpurged", make) as served:
        yield served


SETTLED = """() => document.fonts.ready.then(() => new Promise(settled =>
    requestAnimationFrame(() => requestAnimationFrame(settled))))"""

FINISH_TRANSITIONS = """() => document.getAnimations().forEach(animation => {
    try { animation.finish(); } catch (error) { /* an endless animation: the screenshot stops it */ }
})"""


class Tabs:
    """One tab per site and width for a locale's shots: a page opens in the tab the previous
    one used (a new browser context per shot costs about 0.5 s of CPU, most of the test's
    time). Each site's tabs open the same pages in the same order, so what a visit leaves
    behind (the HTTP cache, session storage) is the same on both sides."""

    def __init__(self, browser, locale):
        self.browser, self.locale, self.tabs = browser, locale, {}

    def tab(self, base_url, width):
        if (base_url, width) not in self.tabs:
            size = WIDTHS[width]
            context = self.browser.new_context(viewport={"width": size[0], "height": size[1]},
                                               locale=LOCALES[self.locale])
            tab = context.new_page()
            # Transitions end at once, also those getAnimations() does not list (the search
            # field's placeholder colour fades in when the stylesheet arrives).
            cdp = context.new_cdp_session(tab)
            cdp.send("Animation.enable")
            cdp.send("Animation.setPlaybackRate", {"playbackRate": 100_000})
            cdp.send("DOM.enable")
            cdp.send("CSS.enable")
            self.tabs[base_url, width] = (tab, cdp)
        return self.tabs[base_url, width][0]

    def shot(self, base_url, width, path, state=None, steady=False):
        """The page's screenshot; `steady`: taken again until two in a row are the same (a
        render caught mid-change under load, as the header's search field once was)."""
        shot = self._shot(base_url, width, path, state)
        for _ in range(STEADY_TRIES if steady else 0):
            self.tab(base_url, width).wait_for_timeout(300)
            shot, previous = self._capture(base_url, width, state), shot
            if shot == previous:
                break
        return shot

    def _shot(self, base_url, width, path, state=None):
        tab = self.tab(base_url, width)
        # "load" waits for the late stylesheet and the deferred scripts; nothing else loads
        # until the reader acts (search starts on first use). Then two frames for what the
        # scripts changed.
        tab.goto(base_url + path, wait_until="load")
        self._without_transitions(base_url, width)
        tab.evaluate(SETTLED)
        if state:
            STATES[state](tab)
        tab.evaluate(FINISH_TRANSITIONS)
        return self._capture(base_url, width, state)

    def _without_transitions(self, base_url, width):
        cdp = self.tabs[base_url, width][1]
        frame = cdp.send("Page.getFrameTree")["frameTree"]["frame"]["id"]
        sheet = cdp.send("CSS.createStyleSheet", {"frameId": frame})["styleSheetId"]
        cdp.send("CSS.setStyleSheetText", {"styleSheetId": sheet, "text": NO_TRANSITIONS})

    def _capture(self, base_url, width, state):
        if state:   # the open menu, sheet or results: the screen as the reader sees it
            return self.tab(base_url, width).screenshot(animations="disabled", caret="hide")
        return self._whole_page(base_url, width)

    def _whole_page(self, base_url, width):
        """The whole page, encoded for speed (CDP's optimizeForSpeed: about 40% less CPU than
        Playwright's full_page screenshot; the pixels are the same, the file larger)."""
        cdp = self.tabs[base_url, width][1]
        size = cdp.send("Page.getLayoutMetrics")["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": math.ceil(size["width"]), "height": math.ceil(size["height"]), "scale": 1}
        shot = cdp.send("Page.captureScreenshot", {"format": "png", "optimizeForSpeed": True,
                                                   "captureBeyondViewport": True, "clip": clip})
        return base64.b64decode(shot["data"])

    def load_state(self, base_url, width):
        """Whether the purged page's scripts ran and its stylesheet applied, for a failure
        message: <html>'s class (Material's bundle turns no-js into js), each script and
        stylesheet file's HTTP status, and each style sheet's rule count (the inlined one first)."""
        return self.tab(base_url, width).evaluate("""() => document.documentElement.className + '; ' +
            performance.getEntriesByType('resource').filter(entry => ['script', 'link'].includes(entry.initiatorType))
                .map(entry => entry.name.split('/').pop() + ' ' + entry.responseStatus).join(', ') + '; rules ' +
            [...document.styleSheets].map(sheet => { try { return sheet.cssRules.length } catch (e) { return '?' } }).join(', ')""")

    def close(self):
        for tab, _ in self.tabs.values():
            tab.context.close()


def compare(name, purged_png, reference_png):
    """None if the two screenshots are the same; else the saved difference image's path."""
    DIFF_DIR.mkdir(parents=True, exist_ok=True)
    purged, reference = (Image.open(_buffer(png)).convert("RGB") for png in (purged_png, reference_png))
    if purged.size == reference.size and _smoothing_only(ImageChops.difference(purged, reference)):
        return None
    purged.save(DIFF_DIR / f"{name}.purged.png")
    reference.save(DIFF_DIR / f"{name}.reference.png")
    width, height = max(purged.width, reference.width), max(purged.height, reference.height)
    canvas = [Image.new("RGB", (width, height), "white") for _ in range(2)]
    canvas[0].paste(purged)
    canvas[1].paste(reference)
    difference = ImageChops.difference(*canvas)
    _visible(difference).save(DIFF_DIR / f"{name}.diff.png")
    return DIFF_DIR / f"{name}.diff.png"


def _visible(difference):
    """White where a pixel differs by more than edge smoothing does (rounded corners are
    smoothed a few levels apart from one render to the next), black elsewhere."""
    return difference.convert("L").point(lambda value: 255 if value > ANTIALIASING else 0)


def _smoothing_only(difference):
    """True if at most STRAY_PIXELS pixels differ by more than ANTIALIASING, and none by STRONG or more."""
    histogram = difference.convert("L").histogram()
    return sum(histogram[ANTIALIASING + 1:]) <= STRAY_PIXELS and not any(histogram[STRONG:])


def _buffer(png):
    from io import BytesIO
    return BytesIO(png)


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_purged_css_looks_like_materials_whole_stylesheet(site, reference_site, browser, locale):
    different = []
    cases = [(kind, path, width, None) for kind, path in PAGE_TYPES.items() for width in WIDTHS]
    cases += [("home", "", width, state) for state in STATES for width in WIDTHS if (width, state) not in NOT_COMPARED]
    cases += [("guidance", PAGE_TYPES["guidance"], "phone", "menu")]
    tabs = Tabs(browser, locale)
    try:
        for kind, path, width, state in cases:
            url_path = locale_prefix(locale) + path
            name = "-".join(filter(None, (locale, kind, width, state)))
            pair = [tabs.shot(base_url, width, url_path, state) for base_url in (site.url, reference_site.url)]
            diff = compare(name, *pair)
            if diff:  # a second pair, in new tabs, each shot until steady: a real difference comes
                # back; text rasterised a pixel apart once, a state an earlier visit left in the tab,
                # or a render caught mid-change does not
                fresh = Tabs(browser, locale)
                try:
                    diff = compare(name, *[fresh.shot(base_url, width, url_path, state, steady=True)
                                           for base_url in (site.url, reference_site.url)])
                    if diff:
                        diff = f"{diff.relative_to(ROOT)} ({fresh.load_state(site.url, width)})"
                finally:
                    fresh.close()
            if diff:
                different.append(f"/{url_path} {width} {state or ''}: {diff}")
    finally:
        tabs.close()
    assert not different, "the purged CSS looks different:\n" + "\n".join(different)
