"""The header table: which scripts get hashed, which paths get which profile."""
import pytest

from scripts.sitelib.headers import (
    MAX_STATIC_LINE, content_security_policy, headers_file, load_profiles, profile_for, profiles,
    write_header_files,
)


@pytest.mark.parametrize("path, profile", [
    ("/", "page"), ("/th/covid-19/", "page"), ("/404.html", "page"), ("/search/search_index.json", "page"),
    ("/covid-19/embed/", "embed"), ("/th/covid-19/embed/", "embed"), ("/th/covid-19/embed/index.html", "embed"),
    ("/embed/", "embed"), ("/embed/vaccination/", "embed"),  # the Norwegian home page's embed views
    ("/assets/site.8c5d7039.js", "asset"), ("/assets/site.e60cdbb7.css", "asset"),
    ("/assets/javascripts/bundle.a5f9d56c.min.js", "asset"),
    ("/assets/stylesheets/main.57a0d79d.min.css", "asset"),
    ("/assets/javascripts/workers/search.a7633da7.min.js", "asset"),
    ("/assets/javascripts/lunr/min/lunr.th.min.js", "page"), ("/assets/favicon.svg", "page"),
])
def test_profile_for(path, profile):
    assert profile_for(path) == profile


def test_policy_has_no_unsafe_sources():
    csp = content_security_policy(["sha256-abc="], style_hashes=["sha256-css="])
    assert "unsafe" not in csp and csp.endswith("frame-ancestors 'none'")
    assert "script-src 'self' 'sha256-abc=';" in csp and "style-src 'self' 'sha256-css=';" in csp
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


def test_local_servers_read_back_the_headers_the_build_wrote(tmp_path):
    (tmp_path / "assets").mkdir()
    table = write_header_files(tmp_path, ["sha256-abc="], ["sha256-css="])
    assert load_profiles(tmp_path) == table
