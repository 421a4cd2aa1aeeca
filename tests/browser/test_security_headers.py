"""Through nginx with the real headers: every page in every locale runs without a
single Content-Security-Policy violation or console error, normal pages refuse
to be framed by another site, and embed views can be."""
import tempfile
from pathlib import Path

import pytest

from scripts.sitelib.headers import EXIT_PATH
from scripts.sitelib.locales import LOCALES, SOURCE_LOCALE, locale_prefix
from scripts.devtools.local_site import StaticServer
from tests.support.sweep import SWEEP_LOCALES

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__siteViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__siteViolations.push([event.violatedDirective, event.blockedURI, event.sourceFile,
                                event.lineNumber, event.sample].join(" | "));
});
"""


def page_urls(root):
    """Every built page (index.html) as a folder URL, and a missing page per locale (its 404)."""
    urls = ["/" + p.parent.relative_to(root).as_posix() + "/" for p in sorted(root.rglob("index.html"))]
    urls = [url.replace("/./", "/") for url in urls if url != EXIT_PATH]  # a redirect to another site
    urls += [f"/{'' if locale == SOURCE_LOCALE else locale + '/'}no-such-page/" for locale in LOCALES]
    return urls


HOMES = {"/" + locale_prefix(locale) for locale in LOCALES}


def url_locale(url):
    first = url.strip("/").split("/", 1)[0]
    return first if first in LOCALES else SOURCE_LOCALE


@pytest.mark.parametrize("locale", SWEEP_LOCALES)  # one test per locale, so pytest-xdist can spread them
def test_no_csp_violations_or_console_errors(browser, nginx_site, locale):
    # A Norwegian browser: the root page would otherwise redirect to the browser's language.
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nb-NO")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    problems, current = [], {}
    page.on("console", lambda msg: msg.type == "error" and current["errors"].append(msg.text))
    page.on("pageerror", lambda error: current["errors"].append(f"uncaught: {error}"))
    # net::ERR_ABORTED is the previous page's requests cut off by the next navigation;
    # a request the CSP blocks fails with net::ERR_BLOCKED_BY_CSP and is kept.
    page.on("requestfailed", lambda request: request.failure != "net::ERR_ABORTED"
            and current["errors"].append(f"failed: {request.url} {request.failure}"))
    urls = page_urls(nginx_site.root)
    if nginx_site.synthetic_embed:  # a test stand-in, not a page of the site
        urls.remove("/" + nginx_site.synthetic_embed.parent.relative_to(nginx_site.root).as_posix() + "/")
    urls = [url for url in urls if url_locale(url) == locale]
    assert len(urls) >= 2
    for url in urls:
        current["errors"] = []
        response = page.goto(nginx_site.url + url.lstrip("/"), wait_until="load")
        missing = "no-such-page" in url
        assert response.status == (404 if missing else 200), url
        if url in HOMES:  # each locale's home: use search too
            page.locator("label[for=__search]").first.click()
            page.locator("input.md-search__input").fill("hjelp")
            page.locator("input.md-search__input").press("End")
            # Search loads at this first focus: wait for its answer (results or "none"), under the CSP.
            page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim()",
                                   timeout=20000)
        page.wait_for_timeout(150)  # let deferred scripts start
        violations = page.evaluate("window.__siteViolations")
        errors = [e for e in current["errors"] if not (missing and "404" in e)]
        if violations or errors:
            problems.append(f"{url}: {violations + errors}")
    context.close()
    assert not problems, "\n".join(problems)


def test_pages_refuse_framing_and_embed_views_allow_it(browser, nginx_site):
    embeds = sorted(nginx_site.root.rglob("embed/index.html"))
    embed = "/" + embeds[0].parent.relative_to(nginx_site.root).as_posix() + "/"
    normal = "/" + embeds[0].parent.parent.relative_to(nginx_site.root).as_posix() + "/"
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "host.html").write_text(
            "<!doctype html><title>Partner site</title>"
            f'<iframe id="normal" src="{nginx_site.url}{normal.lstrip("/")}"></iframe>'
            f'<iframe id="embed" src="{nginx_site.url}{embed.lstrip("/")}"></iframe>')
        with StaticServer(folder) as host:
            context = browser.new_context(locale="nb-NO")
            page = context.new_page()
            # another origin: 'localhost' is not 127.0.0.1, and the port differs too
            page.goto(f"http://localhost:{host.port}/host.html", wait_until="load")
            page.wait_for_timeout(300)
            frames = {name: page.locator(f"iframe#{name}").element_handle().content_frame() for name in ("normal", "embed")}
            embed_text = frames["embed"].evaluate("document.body ? document.body.innerText : ''")
            normal_site = frames["normal"].evaluate("!!document.querySelector('.md-header, .md-content')")
            normal_url = frames["normal"].url
            context.close()
    assert frames and embed_text.strip(), "the embed view did not load in a frame on another site"
    assert not frames["embed"].url.startswith("chrome-error")
    assert not normal_site, f"a normal page loaded inside another site's frame: {normal_url}"
    assert normal_url.startswith("chrome-error"), normal_url  # Chromium's "refused to connect" page


def test_the_recorder_sees_a_violation(browser, nginx_site):
    """The check above can fail: an inline script without a hash and a style=
    attribute, served with the page headers, are both reported."""
    canary = nginx_site.root / "csp-canary.html"
    canary.write_text('<!doctype html><title>canary</title><p style="color: red">x</p>'
                      "<script>document.title = 'ran'</script>", encoding="utf-8")
    canary.chmod(0o644)
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    try:
        page.goto(nginx_site.url + "csp-canary.html", wait_until="load")
        violations = page.evaluate("window.__siteViolations")
        title = page.title()
    finally:
        context.close()
        canary.unlink()
    assert title == "canary"  # the script did not run
    assert any(v.startswith("script-src") for v in violations), violations
    assert any(v.startswith("style-src") for v in violations), violations
