"""axe-core finds nothing on any page, in any locale, on a phone and on a wide screen.

One test per locale (so pytest-xdist can spread them); within it the two widths
run side by side, one browser context each. Every page is checked on the phone; on the
wide screen every page but the section embeds (`<page>/embed/<section>/`), which are
the whole-page embed's template and text cut into pieces, one column at any width:
the whole-page embed is checked at both widths. That keeps `make test` within CI's time.
"""
import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from axe_playwright_python.async_playwright import Axe

from scripts.sitelib.css_purge import LITE_PAGE
from scripts.sitelib.locales import LOCALES, SOURCE_LOCALE
from scripts.devtools.chromium import launch
from tests.support.sweep import SWEEP_LOCALES

pytestmark = pytest.mark.browser
WIDTHS = {"phone": {"width": 360, "height": 740}, "wide": {"width": 1280, "height": 900}}
RUN = "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => "\
      "v.id + ': ' + v.help + ' -> ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))"


def site_pages(site_dir):
    """Every HTML page of the built site, as URL paths ('th/covid-19/', '404.html', ...)."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.startswith("assets/") or rel == "exit/index.html":  # exit/: a redirect, nothing to show
            continue
        if path.name == LITE_PAGE:  # the same page, its first-screen CSS linked instead of inlined
            continue
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return pages


def is_section_embed(path):
    parts = path.strip("/").split("/")
    return len(parts) >= 2 and parts[-2] == "embed"


async def check_width(browser, base_url, pages, width):
    if width != "phone":
        pages = [path for path in pages if not is_section_embed(path)]
    context = await browser.new_context(viewport=WIDTHS[width], locale="nb-NO", service_workers="block")
    await context.add_init_script(Axe().axe_script)
    failures = []
    try:
        page = await context.new_page()
        for path in pages:
            await page.goto(base_url + path, wait_until="load")
            for violation in await page.evaluate(RUN):
                failures.append(f"{width} /{path}: {violation}")
    finally:
        await context.close()
    return failures


async def check_all(base_url, pages):
    from playwright.async_api import async_playwright
    async with async_playwright() as playwright:
        browser = await launch(playwright)
        try:
            results = await asyncio.gather(*(check_width(browser, base_url, pages, width) for width in WIDTHS))
        finally:
            await browser.close()
    return [failure for result in results for failure in result]


def locale_of(path):
    first = path.split("/", 1)[0]
    return first if first in LOCALES else SOURCE_LOCALE


@pytest.mark.parametrize("locale", SWEEP_LOCALES)
def test_no_axe_violations_on_any_page_at_two_widths(site, locale):
    pages = [path for path in site_pages(site.dir) if locale_of(path) == locale]
    assert len(pages) >= 7, pages   # every locale: its pages, offline page, 404
    # Its own thread: the sync Playwright of other tests may hold this thread's event loop.
    with ThreadPoolExecutor(max_workers=1) as pool:
        failures = pool.submit(asyncio.run, check_all(site.url, pages)).result()
    assert not failures, "\n".join(failures)
