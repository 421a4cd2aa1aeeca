"""The header table: which scripts get hashed, which paths get which profile."""
import pytest

from scripts.sitelib.headers import (
    MAX_STATIC_LINE, content_security_policy, headers_file, inline_scripts, profile_for, profiles, script_hash,
)


def test_only_executable_inline_scripts_are_hashed():
    html = """<script>a()</script><script src="x.js"></script>
    <script type="application/json">{"base": "/"}</script><script type="module">b()</script>
    <script type="text/javascript">c &amp;&amp; d()</script><script type="text/template"><p></script>"""
    assert inline_scripts(html) == ["a()", "b()", "c &amp;&amp; d()"]  # raw text, as the browser hashes it


def test_script_hash_matches_the_csp_spec_example():
    # sha256 of "alert('Hello, world.');", the CSP3 specification's example
    assert script_hash("alert('Hello, world.');") == "sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng="


@pytest.mark.parametrize("path, profile", [
    ("/", "page"), ("/th/covid-19/", "page"), ("/404.html", "page"), ("/search/search_index.json", "page"),
    ("/covid-19/embed/", "embed"), ("/th/covid-19/embed/", "embed"), ("/th/covid-19/embed/index.html", "embed"),
    ("/embed/", "page"),
    ("/assets/site.8c5d7039.js", "asset"), ("/assets/site.e60cdbb7.css", "asset"),
    ("/assets/javascripts/bundle.a5f9d56c.min.js", "asset"),
    ("/assets/stylesheets/main.57a0d79d.min.css", "asset"),
    ("/assets/javascripts/workers/search.a7633da7.min.js", "asset"),
    ("/assets/javascripts/lunr/min/lunr.th.min.js", "page"), ("/assets/favicon.svg", "page"),
])
def test_profile_for(path, profile):
    assert profile_for(path) == profile


def test_policy_has_no_unsafe_sources():
    csp = content_security_policy(["sha256-abc="])
    assert "unsafe" not in csp and "'sha256-abc='" in csp and csp.endswith("frame-ancestors 'none'")
    table = profiles(["sha256-abc="])
    assert table["embed"]["Content-Security-Policy"].endswith("frame-ancestors *")
    assert "X-Frame-Options" not in table["embed"]


def test_headers_file_refuses_what_cloudflare_would_reject():
    with pytest.raises(ValueError, match="rules"):
        headers_file(profiles([]), [f"/assets/a.{i:08x}.js" for i in range(100)])
    many = [f"sha256-{'x' * 43}{i}=" for i in range(40)]
    assert len(content_security_policy(many)) > MAX_STATIC_LINE
    with pytest.raises(ValueError, match="characters"):
        headers_file(profiles(many), [])
