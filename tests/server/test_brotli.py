"""Brotli twins (scripts/sitelib/precompress.py): the build writes `<file>.br` beside every
text file, and nginx with deploy/nginx/site.conf sends it to a browser that accepts br,
with the same headers as the gzip response. A twin that is not its file's bytes would
show readers an old page, so every twin is decompressed and compared."""
import urllib.error
import urllib.request

import brotli
import pytest

from scripts.sitelib.headers import fingerprinted_assets
from scripts.sitelib.precompress import BEST, COMPRESSIBLE, FAST, MIN_SIZE, NOT_SERVED, SUFFIX, compressible, quality, stale_twins
from tests.server.test_server import fetch as fetch_gzip

SAME_HEADERS = ("Content-Type", "Content-Security-Policy", "Cache-Control", "X-Frame-Options", "Referrer-Policy",
                "X-Content-Type-Options", "Permissions-Policy", "Strict-Transport-Security", "Vary")


def fetch_br(url, headers=None):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "br, gzip", **(headers or {})})
    try:
        response = urllib.request.urlopen(request, timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    return response.status, response.headers, response.read()


def test_every_text_file_has_a_twin_that_holds_its_bytes(site):
    twins = {path.relative_to(site.dir).as_posix() for path in site.dir.rglob("*" + SUFFIX)}
    files = [relative for _, relative in compressible(site.dir)]
    assert len(files) > 500
    assert [relative for relative in files if relative + SUFFIX not in twins] == []
    assert {twin for twin in twins if twin.startswith(NOT_SERVED)} == set()
    assert stale_twins(site.dir) == []
    for suffix in (".html", ".css", ".js", ".json", ".xml"):
        assert any(twin.endswith(suffix + SUFFIX) for twin in twins), suffix
    assert set(COMPRESSIBLE) >= {".html", ".css", ".js", ".json", ".svg", ".xml"}


def test_fingerprinted_files_get_the_best_quality(site):
    assets = [path.lstrip("/") for path in fingerprinted_assets(site.dir) if not path.endswith(".map")]
    assert assets and all(quality(asset) == BEST for asset in assets)
    assert quality("th/covid-19/index.html") == FAST
    bundle = next(asset for asset in assets if "/bundle." in asset)
    data = (site.dir / bundle).read_bytes()
    assert len((site.dir / (bundle + SUFFIX)).read_bytes()) == len(brotli.compress(data, quality=BEST))


def brotli_paths(site):
    assets = [path for path in fingerprinted_assets(site.dir)
              if not path.endswith(".map") and (site.dir / path.lstrip("/")).stat().st_size >= MIN_SIZE]
    return ["/", "/th/covid-19/", "/zh/help/", "/embed/", "/th/search/search_index.json",
            "/sitemap.xml", "/sw.js", *assets]


def test_nginx_sends_the_twin_to_a_browser_that_accepts_br(site, nginx_site):
    for path in brotli_paths(site):
        status, headers, body = fetch_br(nginx_site.url + path.lstrip("/"))
        assert status == 200, path
        assert headers.get("Content-Encoding") == "br", path
        assert "Accept-Encoding" in headers.get("Vary", ""), path
        file = nginx_site.root / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
        assert brotli.decompress(body) == file.read_bytes(), path
        _, gzip_headers, _ = fetch_gzip(nginx_site.url + path.lstrip("/"))
        assert gzip_headers.get("Content-Encoding") == "gzip", path
        for name in SAME_HEADERS:
            assert headers.get_all(name) == gzip_headers.get_all(name), (path, name)


def test_the_lite_page_and_the_404_page_come_in_brotli_too(nginx_site):
    tapped = {"Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-User": "?1"}
    status, headers, body = fetch_br(nginx_site.url + "th/covid-19/", tapped)
    assert status == 200 and headers.get("Content-Encoding") == "br"
    assert brotli.decompress(body) == (nginx_site.root / "th/covid-19/index.lite.html").read_bytes()
    status, headers, body = fetch_br(nginx_site.url + "th/nothing")
    assert status == 404 and headers.get("Content-Encoding") == "br"
    assert '<html lang="th"' in brotli.decompress(body).decode("utf-8")


def test_a_build_without_twins_is_still_gzipped(tmp_path):
    """The bench's out-of-the-box Material has no twins; with brotli_static on, Debian's
    module would send it uncompressed to a browser that accepts br (ngx_brotli #116)."""
    from scripts.devtools.nginx import NginxSite
    (tmp_path / "index.html").write_text("<!doctype html><p>" + "Smittevern. " * 200, encoding="utf-8")
    with NginxSite(tmp_path) as server:
        status, headers, body = fetch_br(server.url)
    assert status == 200 and headers.get("Content-Encoding") == "gzip"


@pytest.mark.parametrize("path", ["index.html.br", "th/covid-19/index.html.br"])
def test_a_twin_is_not_served_by_its_own_name(nginx_site, path):
    assert (nginx_site.root / path).is_file()
    assert fetch_br(nginx_site.url + path)[0] == 404
