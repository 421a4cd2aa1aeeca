"""The hostile script and redirect fixtures in Chromium, through nginx with the
production headers, with the sanitizer's check switched off (as if it had missed
them): nh3's cleaning and the CSP must still keep readers safe. On every page: no
script of the page text runs, no navigation or request leaves the origin, no
Referer is sent, and the site's own scripts still run."""
from pathlib import Path

import pytest
import yaml

from scripts.devtools.local_site import build_site
from tests.support.hostile import FIXTURES, docs_for
from scripts.devtools.nginx import NginxSite
from tests.support.variant import write_variant_config

pytestmark = pytest.mark.browser

CASES = [
    "script", "iframe", "event-attribute", "javascript-link", "svg-onload", "escaped-backtick", "code-in-html-block",
    "indented-fence", "fence-info-words", "comment-bang-close", "quoted-angle-bracket", "escaped-colon-link",
    "split-scheme-link", "entity-scheme-link", "attr-list-onclick", "meta-refresh", "meta-referrer",
    "referrerpolicy-attribute", "data-site-attribute", "reserved-id", "plaintext", "xmp", "textarea", "noembed",
    "password-form", "external-image",
]
WATCH = """
window.__siteViolations = [];
document.addEventListener("securitypolicyviolation", e => window.__siteViolations.push(e.violatedDirective + " " + e.blockedURI));
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """Every case as its own page (nb/<case>.md) of one site, built with the check bypassed, served by nginx."""
    tmp_path = tmp_path_factory.mktemp("hostile-site")
    docs = docs_for(tmp_path, "good")
    for case in CASES:
        (docs / "nb" / f"{case}.md").write_text(
            (FIXTURES / case / "docs" / "nb" / "index.md").read_text(encoding="utf-8"), encoding="utf-8")
    config = write_variant_config(tmp_path, docs, nav=["index.md"] + [f"{case}.md" for case in CASES])
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    # A test hook: MkDocs runs hooks after every plugin (this one only patches at import).
    data.setdefault("hooks", []).insert(0, str(Path(__file__).parents[1] / "support" / "hooks" / "check_bypassed.py"))
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config=config)
    assert result.returncode == 0, result.stderr[-3000:]
    with NginxSite(tmp_path / "site") as server:
        yield server


def test_no_hostile_page_can_script_redirect_or_leak(browser, hostile_site):
    origin = hostile_site.url.rstrip("/")
    context = browser.new_context(locale="nb-NO")
    context.add_init_script(WATCH)
    left, referers, dialogs = [], [], []

    def route(route):
        request = route.request
        if request.headers.get("referer"):
            referers.append(f"{request.url} <- {request.headers['referer']}")
        if request.url.startswith(origin):
            route.continue_()
        else:  # recorded; "204 No Content" keeps the tab where it is, so the next page loads cleanly
            left.append(request.url)
            route.fulfill(status=204, body="")

    context.route("**/*", route)
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    problems = []
    for case in CASES:
        response = page.goto(f"{hostile_site.url}{case}/", wait_until="load")
        assert response.status == 200, case
        page.wait_for_timeout(300)  # a 0-second meta refresh or a late script would act by now
        # javascript: links and onclick handlers of the page text, if any survived (the site's own
        # links carry site- classes, which page text may not use: they lead to other pages)
        for link in page.locator("article a:not([class^='site-'])").all():
            if link.is_visible() and not (link.get_attribute("href") or "").startswith("http"):
                link.click(no_wait_after=True, timeout=2000)
        external = page.locator('article a[href^="https://elsewhere.example/"]')
        if external.count():  # a reader follows the ordinary link: no Referer may go with it
            with page.expect_request("https://elsewhere.example/**"):
                external.first.click(no_wait_after=True, timeout=2000)
        state = page.evaluate("""() => ({
            url: location.href, title: document.title, violations: window.__siteViolations,
            materialRan: typeof window.document$ !== "undefined",
            config: (document.getElementById("__config") || {}).textContent || "",
            handlers: [...document.querySelectorAll("*")].some(el => [...el.attributes].some(a => /^on/i.test(a.name))),
        })""")
        if state["title"] == "pwned" or state["handlers"] or not state["materialRan"]:
            problems.append(f"{case}: {state}")
        if not state["url"].startswith(origin) or '"search"' not in state["config"]:
            problems.append(f"{case}: {state['url']} {state['config'][:80]}")
        if state["violations"]:  # nothing hostile should even reach the CSP
            problems.append(f"{case}: CSP violations {state['violations']}")
    context.close()
    # The only request that left: the reader's own click on the ordinary external link.
    assert [url for url in left if url != "https://elsewhere.example/"] == [], left
    assert referers == [] and dialogs == [] and problems == [], (referers, dialogs, problems)
