"""Embeds in Chromium: a partner page on another origin (another port) embeds
our pages; the iframe fits its content, links open in the top window, and the
builder on the partners page writes code that works when pasted."""
import time

import pytest

from scripts.devtools.local_site import StaticServer
from scripts.sitelib.embeds import exit_link, snippet, snippet_title
from scripts.sitelib.ui_strings import load_strings

pytestmark = pytest.mark.browser
UI = load_strings()

HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Partner organisation</title><link rel="icon" href="data:,"></head>
<body style="margin:0;padding:8px;font-family:sans-serif;background:#eee">
<h1>Partner organisation</h1><p>Our own text before the embed.</p>
{embed}
<p id="after">Our own text after the embed.</p>
</body></html>
"""


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    """A plain static server on another port: a different origin from the site."""
    folder = tmp_path_factory.mktemp("partner")
    with StaticServer(folder) as server:
        server.dir = folder
        yield server


def write_host(host, name, embed):
    (host.dir / name).write_text(HOST_PAGE.format(embed=embed), encoding="utf-8")
    return host.url + name


def watch(page):
    """Collect console errors and failed responses of the host page and its frames."""
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
    page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
    page.on("response", lambda response: response.status >= 400 and problems.append(f"{response.status} {response.url}"))
    return problems


def embed_frame(page):
    frame = page.frame_locator("iframe").first  # waits for the frame element
    frame.locator(".js-embed-content").wait_for()
    return next(f for f in page.frames if "/embed/" in f.url)


def settled_sizes(page, frame, tries=60):
    """(iframe height, content height, frame scroll height, frame viewport height),
    once the iframe height stops changing and matches the content."""
    last = None
    for _ in range(tries):
        iframe = page.eval_on_selector("iframe", "el => el.getBoundingClientRect().height")
        inner = frame.evaluate("""() => {
            const el = document.querySelector('.js-embed-content');
            const bottom = el.getBoundingClientRect().bottom + scrollY + parseFloat(getComputedStyle(el).marginBottom);
            return [Math.ceil(bottom), document.documentElement.scrollHeight, innerHeight,
                    document.documentElement.scrollWidth, innerWidth];
        }""")
        sizes = (iframe, *inner)
        if sizes == last and abs(iframe - inner[0]) <= 1:
            return sizes
        last = sizes
        time.sleep(0.1)
    return last


def test_embed_fits_its_content_without_chrome_in_every_script(site, host, page):
    problems = watch(page)
    for locale, path in [("nb", "covid-19/"), ("ro", "ro/covid-19/"), ("th", "th/help/"), ("zh", "zh/"), ("ru", "ru/drug-services/")]:
        src = f"{site.url}{path}embed/"
        url = write_host(host, f"fit-{locale}.html", snippet(src, "Embed", site.url + "assets/embed-host.js", "nb"))
        page.goto(url)
        frame = embed_frame(page)
        iframe, content, scroll_height, viewport, scroll_width, width = settled_sizes(page, frame)
        assert iframe != 600, f"{locale}: the host script never resized the iframe"
        assert abs(iframe - content) <= 1, f"{locale}: iframe {iframe}px, content {content}px"
        assert scroll_height <= viewport, f"{locale}: vertical scrollbar ({scroll_height} > {viewport})"
        assert scroll_width <= width, f"{locale}: horizontal scrollbar ({scroll_width} > {width})"
        assert frame.evaluate("document.documentElement.lang") == locale
        for selector in [".md-header", ".md-sidebar", ".md-footer", ".md-search", ".md-select", "[class*=quick-exit]"]:
            assert frame.locator(selector).count() == 0, f"{locale}: {selector} in embed"
        assert frame.locator(".site-embed__source a").is_visible()
    assert not problems, problems


def test_height_follows_when_the_frame_gets_narrower(site, host, page):
    src = f"{site.url}ro/covid-19/embed/vaccination/"
    page.goto(write_host(host, "narrow.html", snippet(src, "Embed", site.url + "assets/embed-host.js", "nb")))
    frame = embed_frame(page)
    wide = settled_sizes(page, frame)
    page.eval_on_selector("iframe", "el => { el.style.width = '220px'; }")
    time.sleep(0.2)
    narrow = settled_sizes(page, frame)
    assert narrow[0] > wide[0], "a narrower frame wraps more lines, so it must grow"
    assert abs(narrow[0] - narrow[1]) <= 1 and narrow[2] <= narrow[3]


def test_without_the_partner_script_the_frame_keeps_its_fixed_height(site, host, page):
    problems = watch(page)
    iframe = f'<iframe src="{site.url}covid-19/embed/" title="Embed" style="width:100%;height:600px;border:0"></iframe>'
    page.goto(write_host(host, "fixed.html", iframe))
    frame = embed_frame(page)
    frame.wait_for_load_state("load")
    time.sleep(0.3)
    assert page.eval_on_selector("iframe", "el => el.getBoundingClientRect().height") == 600
    assert frame.evaluate("document.documentElement.scrollHeight > innerHeight"), "content scrolls inside the frame"
    assert not problems, problems


def test_host_script_loaded_late_asks_the_frame_for_its_height(site, host, page):
    iframe = f'<iframe src="{site.url}ro/covid-19/embed/during/" title="Embed" style="width:100%;height:600px;border:0"></iframe>'
    page.goto(write_host(host, "late.html", iframe))
    frame = embed_frame(page)
    frame.wait_for_load_state("load")
    page.add_script_tag(url=f"{site.url}assets/embed-host.js")
    iframe_height, content, scroll_height, viewport, _, _ = settled_sizes(page, frame)
    assert iframe_height != 600 and abs(iframe_height - content) <= 1 and scroll_height <= viewport


def test_host_script_ignores_height_messages_from_other_origins(site, host, page):
    page.goto(write_host(host, "spoof.html",
                         snippet(f"{site.url}covid-19/embed/key-points/", "Embed", site.url + "assets/embed-host.js", "nb")))
    frame = embed_frame(page)
    before = settled_sizes(page, frame)[0]
    # The host page itself (the wrong origin for that iframe) pretends to be the frame.
    page.evaluate("""() => {
        const frame = document.querySelector('iframe');
        window.dispatchEvent(new MessageEvent('message', {data: {type: 'site-embed:height', height: 5},
            origin: location.origin, source: frame.contentWindow}));
    }""")
    assert page.eval_on_selector("iframe", "el => el.getBoundingClientRect().height") == before


def test_links_inside_the_embed_open_in_the_top_window(site, host, page):
    src = f"{site.url}ro/covid-19/embed/if-sick/"
    page.goto(write_host(host, "links.html", snippet(src, "Embed", site.url + "assets/embed-host.js", "nb")))
    frame = page.frame_locator("iframe")
    with page.expect_navigation():
        frame.locator("article a[href*='help']").first.click()
    assert page.url == f"{site.url}ro/help/#services"
    page.goto(host.url + "links.html")
    with page.expect_navigation():
        page.frame_locator("iframe").locator(".site-embed__source a").click()
    assert page.url == f"{site.url}ro/covid-19/#if-sick"
    assert page.locator(".md-header").count() == 1, "the full page, with its header, fills the window"


def test_section_embed_shows_only_that_section(site, host, page):
    src = f"{site.url}ro/covid-19/embed/vaccination/"
    page.goto(write_host(host, "section.html", snippet(src, "Embed", site.url + "assets/embed-host.js", "nb")))
    frame = page.frame_locator("iframe")
    frame.locator(".js-embed-content").wait_for()
    assert frame.locator("h2").evaluate_all("els => els.map(e => e.id)") == ["vaccination"]
    # the page's title names what the section belongs to; nothing else of the page shows
    assert frame.locator("h1").all_inner_texts() == ["Covid-19 și prevenirea infecțiilor"]
    assert frame.locator("#before, #during, #rights").count() == 0


def test_partner_builds_a_snippet_for_the_romanian_vaccination_section(site, host, browser, tmp_path):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nb-NO")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url.rstrip("/"))
    page = context.new_page()
    problems = watch(page)
    page.goto(f"{site.url}partners/")
    page.get_by_label("Side", exact=True).select_option(label="Covid-19 og smittevern")
    page.get_by_label("Del av siden (valgfritt)").select_option(label="Vaksine")
    page.get_by_label("Språk", exact=True).select_option(label="Română")
    code = page.get_by_label("Kode til nettstedet ditt").input_value()
    expected_src = f"{site.url}ro/covid-19/embed/vaccination/"
    # The iframe's title and lang follow the embed's language, not the page's.
    assert code == snippet(expected_src, snippet_title("Covid-19 și prevenirea infecțiilor", "Vaccinul"),
                           f"{site.url}assets/embed-host.js", "ro",
                           exit_html=exit_link("https://www.yr.no/", UI["ro"]["quick_exit"], "ro"))
    page.get_by_role("button", name="Kopier koden").click()
    page.get_by_role("status").filter(has_text="Koden er kopiert.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == code
    # the live preview on the partners page shows the same section, sized to fit
    assert page.locator(".js-embed-builder-preview").get_attribute("src") == "/ro/covid-19/embed/vaccination/"
    page.locator(".js-embed-builder").screenshot(path=str(tmp_path / "builder.png"))
    assert not problems, problems

    # Paste the code into a plain page on another origin.
    page.goto(write_host(host, "pasted.html", code))
    frame = embed_frame(page)
    iframe, content, scroll_height, viewport, _, _ = settled_sizes(page, frame)
    assert abs(iframe - content) <= 1 and scroll_height <= viewport, (iframe, content, scroll_height, viewport)
    assert frame.locator("h2").evaluate_all("els => els.map(e => e.id)") == ["vaccination"]
    page.screenshot(path=str(tmp_path / "pasted.png"), full_page=True)
    print(f"screenshots: {tmp_path}")
    assert not problems, problems
    context.close()


def test_builder_without_javascript_shows_a_ready_example(site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site.url}en/partners/")
    assert page.locator(".js-embed-builder-form").is_hidden()
    code = page.locator(".js-embed-builder-code").input_value()
    assert code.startswith('<p><a href="https://www.yr.no/" lang="en"')  # the exit link, on by default
    assert f'\n<iframe src="{site.url}en/covid-19/embed/"' in code
    assert page.locator(".js-embed-builder-preview").get_attribute("src") == "/en/covid-19/embed/"
    context.close()
