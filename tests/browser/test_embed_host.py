"""embed-host.js on a partner's page resizes our embed views only: an <iframe> whose
src is on the origin the script came from and has /embed/ in its path. Other frames
on the partner's page that ask to be resized are left as they are."""
import time

import pytest

from scripts.devtools.local_site import StaticServer

pytestmark = pytest.mark.browser

ASKS_FOR_HEIGHT = """<!doctype html><title>asks</title><p>A frame that asks to be resized.</p>
<script>parent.postMessage({type: "site-embed:height", height: 77}, "*");
setInterval(function () { parent.postMessage({type: "site-embed:height", height: 77}, "*"); }, 100);</script>"""


def heights(page):
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('iframe')]
        .map(f => [f.id, Math.round(f.getBoundingClientRect().height)]))""")


def test_only_our_embed_views_are_resized(site, browser, tmp_path):
    # On our origin but not an embed view, and on the partner's own origin: both ask.
    (site.dir / "not-an-embed.html").write_text(ASKS_FOR_HEIGHT, encoding="utf-8")
    (tmp_path / "asks.html").write_text(ASKS_FOR_HEIGHT, encoding="utf-8")
    try:
        with StaticServer(tmp_path) as partner:
            (tmp_path / "index.html").write_text(
                "<!doctype html><title>Partner</title>"
                f'<iframe id="ours" src="{site.url}covid-19/embed/" style="height:600px;border:0"></iframe>'
                f'<iframe id="our-page" src="{site.url}not-an-embed.html" style="height:600px;border:0"></iframe>'
                f'<iframe id="partner" src="{partner.url}asks.html" style="height:600px;border:0"></iframe>'
                f'<script src="{site.url}assets/embed-host.js" async></script>', encoding="utf-8")
            context = browser.new_context()
            page = context.new_page()
            page.goto(partner.url + "index.html", wait_until="load")
            for _ in range(50):
                if heights(page)["ours"] != 600:
                    break
                time.sleep(0.1)
            time.sleep(0.5)  # the others keep asking meanwhile
            result = heights(page)
            context.close()
    finally:
        (site.dir / "not-an-embed.html").unlink()
    assert result["ours"] != 600  # our embed view fits its content
    assert result["our-page"] == 600 and result["partner"] == 600, result


def test_the_script_trusts_the_origin_it_was_loaded_from(site, browser, tmp_path):
    """Loaded from our site, the script ignores frames of another site even with /embed/ in their path."""
    (tmp_path / "x" / "embed").mkdir(parents=True)
    (tmp_path / "x" / "embed" / "index.html").write_text(ASKS_FOR_HEIGHT, encoding="utf-8")
    with StaticServer(tmp_path) as partner:
        (tmp_path / "index.html").write_text(
            "<!doctype html><title>Partner</title>"
            f'<iframe id="lookalike" src="{partner.url}x/embed/" style="height:600px;border:0"></iframe>'
            f'<script src="{site.url}assets/embed-host.js"></script>', encoding="utf-8")
        context = browser.new_context()
        page = context.new_page()
        page.goto(partner.url + "index.html", wait_until="load")
        time.sleep(0.6)
        result = heights(page)
        context.close()
    assert result["lookalike"] == 600
