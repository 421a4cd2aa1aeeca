"""Issue 23, target 5: a page opened by a link inside the site does not download the
first-screen CSS again.

nginx (deploy/nginx/site.conf) answers a link the reader tapped inside the site
(Sec-Fetch-Site: same-origin, Sec-Fetch-Mode: navigate, Sec-Fetch-User: ?1) with the
page's in-site variant, index.lite.html: the stylesheet the previous page loaded (cached
for a year) is linked where the first view inlines the first screen's CSS. A first view,
typed or from another site, gets the CSS inlined. No cookie and nothing stored decides it.
"""
import pytest

from scripts.devtools.weight import cold_context, wait_quiet
from scripts.sitelib.css_purge import LITE_PAGE
from scripts.sitelib.locales import locale_prefix

pytestmark = pytest.mark.browser

STYLED = """() => { const s = getComputedStyle(document.querySelector('.md-header'));
  return [s.position, s.backgroundColor, s.height, getComputedStyle(document.body).fontFamily].join(' | '); }"""
TAP_LINK = """href => { const a = document.createElement('a'); a.href = href; a.id = 'tap-next'; a.textContent = 'next';
  Object.assign(a.style, {position: 'fixed', top: '0', left: '0', zIndex: '2147483647', background: '#fff',
  padding: '20px'}); document.body.appendChild(a); }"""



@pytest.mark.parametrize("locale", ["nb", "th"])
def test_a_tapped_link_gets_the_page_without_the_inlined_css(nginx_site, browser, locale):
    prefix = "/" + locale_prefix(locale)
    lite = nginx_site.root / locale_prefix(locale) / "covid-19" / LITE_PAGE
    full = lite.with_name("index.html").read_text(encoding="utf-8")
    assert "<style>" in full and "<style>" not in lite.read_text(encoding="utf-8")
    context, page, _ = cold_context(browser, locale)
    try:
        page.goto(nginx_site.url + prefix.lstrip("/"), wait_until="load")
        wait_quiet(nginx_site)
        styled = page.evaluate(STYLED)   # as the whole stylesheet styles it
        first_html = [size for path, _, size in nginx_site.log if path == prefix][0]
        nginx_site.reset()
        # The reader taps a link (a trusted click: the browser sends Sec-Fetch-User), fixed on top
        page.evaluate(TAP_LINK, nginx_site.url + prefix.lstrip("/") + "covid-19/")
        with page.expect_navigation():
            page.click("#tap-next")
        wait_quiet(nginx_site)
        fetched = [(path, size) for path, _, size in nginx_site.log]
        assert [path for path, _ in fetched] == [prefix + "covid-19/"], fetched
        assert page.evaluate("document.querySelectorAll('style').length") == 0, "the CSS was inlined again"
        assert page.evaluate(STYLED) == styled, "the page is not styled as the first one"
        # Typed or from elsewhere: the CSS inlined (a first view)
        nginx_site.reset()
        page.goto(nginx_site.url + prefix.lstrip("/") + "help/", wait_until="load")
        assert page.evaluate("document.querySelectorAll('style').length") == 1
    finally:
        context.close()
    print(locale, "home", first_html, "B; guidance by a tap:", fetched)
