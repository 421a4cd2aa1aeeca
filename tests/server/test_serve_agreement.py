"""`make serve` shows editors what `make build` gives readers: every page of the
site, served by a real `mkdocs serve`, is the built page apart from what serve mode
leaves out (scripts/sitelib/site_build.py SERVE_SKIPS), and nothing else.

What differs, and is taken out of both sides before they are compared:
- MkDocs' live-reload script, that `mkdocs serve` adds to every page it sends;
- the site's own address (each server has its port);
- the inlined first-screen CSS (<style>) and the stylesheet's fingerprinted name
  (the build links the purged stylesheet, serve Material's whole one);
- offline reading: its <meta> and its save box;
- blank lines and indents, that taking these out leaves.
Files the build writes and serve does not: the embed views, the print kit's pages,
the lite pages and the offline pages."""
import difflib
import re
from pathlib import Path

import pytest

from scripts.devtools.local_site import ROOT
from scripts.sitelib.css_purge import LITE_PAGE
from tests.support.live_serve import LiveServe

LIVE_RELOAD = re.compile(r"<script>(?:(?!</script>).)*?livereload(?:(?!</script>).)*</script>", re.S)
FIRST_SCREEN_CSS = re.compile(r"<style>.*?</style>", re.S)
STYLESHEET = re.compile(r"(assets/stylesheets/main\.)[0-9a-f]+(\.min\.css)")
OFFLINE_META = re.compile(r'<meta name="site-offline"[^>]*>')
OFFLINE_BOX = re.compile(r'<div class="site-offline js-offline".*?</div>', re.S)
# Built files that serve mode does not write (site-relative, '/'-separated).
SERVE_SKIPPED = re.compile(rf"(^|/)(embed|flyers|offline)/|(^|/){re.escape(LITE_PAGE)}$")


def reader_html(html: str, site_url: str) -> str:
    """A page without what may differ between `mkdocs serve` and `mkdocs build`."""
    html = LIVE_RELOAD.sub("", html).replace(site_url, "SITE/")
    html = STYLESHEET.sub(r"\1HASH\2", FIRST_SCREEN_CSS.sub("", html))
    html = OFFLINE_BOX.sub("", OFFLINE_META.sub("", html))
    # what was taken out leaves blank lines and moves the next tag's indent
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


def built_pages(site_dir: Path) -> list[str]:
    return sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with LiveServe(ROOT, tmp_path_factory.mktemp("serve-agreement") / "serve.log") as server:
        server.wait_for("", "</html>", timeout=600)
        server.wait_for_rebuilds(1, timeout=600)
        yield server


def test_the_normalisation_keeps_the_page():
    """What reader_html takes out is only the documented difference."""
    page = ('<head><style>a{b:url("data:image/svg+xml,<svg></svg>")}</style><meta name="site-offline" content="sw.js">'
            '<link href="../assets/stylesheets/main.1234abcd.min.css"></head><body><p>Text</p>'
            '<div class="site-offline js-offline" hidden><button>Save</button></div>'
            '<a href="http://127.0.0.1:9/help/">Help</a><script>livereload(1, 2);</script></body>')
    assert reader_html(page, "http://127.0.0.1:9/") == (
        '<head><link href="../assets/stylesheets/main.HASH.min.css"></head><body><p>Text</p>'
        '<a href="SITE/help/">Help</a></body>')
    assert reader_html("<p>\n  \n  </p>", "http://127.0.0.1:9/") == "<p>\n</p>"


def test_serve_skips_only_the_documented_files(site, served):
    missing = [path for path in built_pages(site.dir) if served.fetch(path) is None]
    assert [path for path in missing if not SERVE_SKIPPED.search(path)] == []
    assert any(SERVE_SKIPPED.search(path) for path in missing), "serve mode skipped nothing: is it on?"


def test_serve_shows_the_built_pages(site, served):
    pages = [path for path in built_pages(site.dir) if not SERVE_SKIPPED.search(path)]
    assert len(pages) > 100
    differing = []
    for path in pages:
        built = reader_html((site.dir / path).read_text(encoding="utf-8"), site.url)
        shown = reader_html(served.fetch(path) or "", served.url)
        if built != shown:
            diff = difflib.unified_diff(built.splitlines(), shown.splitlines(), "build", "serve", lineterm="", n=0)
            differing.append(f"{path}:\n" + "\n".join(line[:300] for line in list(diff)[:12]))
    assert not differing, f"{len(differing)} of {len(pages)} pages differ:\n" + "\n\n".join(differing[:5])
