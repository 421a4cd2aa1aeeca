"""LinkChecker over HTTP: every internal link and #anchor of the built site, in
every locale, works; and the check fails on a broken link or a broken anchor."""
import shutil

import pytest

from scripts.linkcheck import run_linkchecker, start_urls, world_readable
from scripts.sitelib.locales import TRANSLATIONS
from scripts.devtools.local_site import ROOT, StaticServer

FIXTURES = ROOT / "tests" / "fixtures" / "linkcheck"


def test_every_page_is_a_start_url(site):
    urls = start_urls(site.dir, site.url)
    assert site.url in urls and site.url + "404.html" in urls
    for locale in TRANSLATIONS:
        assert f"{site.url}{locale}/" in urls and f"{site.url}{locale}/404.html" in urls


def test_the_built_site_has_no_broken_links_or_anchors(site):
    result = run_linkchecker(site.dir, site.url)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert " 0 errors found" in result.stdout and " 0 warnings found" in result.stdout


@pytest.fixture
def served(tmp_path):
    def serve(name):
        folder = tmp_path / name
        shutil.copytree(FIXTURES / name, folder)
        world_readable(tmp_path)
        return folder, StaticServer(folder)
    return serve


def test_clean_fixture_passes(served):
    folder, server = served("good")
    with server:
        result = run_linkchecker(folder, server.url)
    assert result.returncode == 0, result.stdout


def test_broken_link_and_broken_anchor_fail(served):
    folder, server = served("broken")
    with server:
        result = run_linkchecker(folder, server.url)
    assert result.returncode != 0
    assert "missing.html" in result.stdout and "404" in result.stdout
    assert "Anchor `no-such-part'" in result.stdout and "not found" in result.stdout
