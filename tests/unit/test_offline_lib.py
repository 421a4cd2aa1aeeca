"""Plain functions behind offline reading."""
import json
import re

from scripts.sitelib.locales import LOCALES
from scripts.sitelib.offline import (
    base_path, build_precache, build_version, offline_page_url, offline_pages_by_prefix, page_list,
    render_service_worker,
)


def test_base_path_keeps_subfolder_and_trailing_slash():
    assert base_path("http://127.0.0.1:8000/") == "/"
    assert base_path("https://example.org/health") == "/health/"
    assert base_path(None) == "/"


def test_page_list_is_absolute_and_includes_the_offline_page():
    pages = page_list(["th/", "th/covid-19/", "th/help/"], "th", "/site/")
    assert pages == ["/site/th/", "/site/th/covid-19/", "/site/th/help/", "/site/th/offline/"]
    assert offline_page_url("nb") == "/offline/"


def test_offline_pages_by_prefix_puts_the_root_last():
    table = offline_pages_by_prefix("/")
    assert list(table)[-1] == "/"
    assert table["/th/"] == "/th/offline/"
    assert len(table) == len(LOCALES)


def test_precache_takes_only_fingerprinted_assets_that_pages_use(tmp_path):
    for rel in ["assets/site.1a2b3c4d.css", "assets/site.1a2b3c4d.css.map", "assets/stylesheets/palette.fb2fffe2.min.css",
                "assets/javascripts/workers/search.a7633da7.min.js", "assets/favicon.svg", "assets/stylesheets/main.57a0d79d.min.css",
                "assets/print/quick-exit.62a98ffd.css"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    (tmp_path / "index.html").write_text('<link href="assets/site.1a2b3c4d.css"><link href="assets/stylesheets/main.57a0d79d.min.css">'
                                         '<script>{"search": "assets/javascripts/workers/search.a7633da7.min.js"}</script>')
    # a print page's own files are not for every reader's phone
    (tmp_path / "flyer.html").write_text('<link href="assets/print/quick-exit.62a98ffd.css">')
    assert build_precache(tmp_path) == ["/assets/site.1a2b3c4d.css", "/assets/stylesheets/main.57a0d79d.min.css",
                                        "/assets/favicon.svg"]


def test_version_changes_with_any_file(tmp_path):
    (tmp_path / "index.html").write_text("a")
    first = build_version(tmp_path)
    (tmp_path / "sw.js").write_text("ignored")
    assert build_version(tmp_path) == first
    (tmp_path / "index.html").write_text("b")
    assert build_version(tmp_path) != first


def test_service_worker_carries_the_build_facts():
    text = render_service_worker("abc123", ["/assets/site.1a2b3c4d.css"], {"/th/": "/th/offline/", "/": "/offline/"}, "/",
                                 neutral="https://www.yr.no/")
    assert re.search(r'var VERSION\s*=\s*"abc123";', text)
    assert json.dumps("/assets/site.1a2b3c4d.css") in text
    assert "/*" + "ASSETS*/null" not in text
    assert re.search(r'var EXIT\s*=\s*"/exit/";', text) and re.search(r'var NEUTRAL\s*=\s*"https://www.yr.no/";', text)
    assert "new RegExp(" + json.dumps(r"\.[0-9a-f]{8}(?:\.min)?\.(?:css|js)$") + ")" in text

