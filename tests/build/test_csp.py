"""The Content-Security-Policy comes from the templates, never from the content.

The inline scripts (and styles) it allows are a fixed, reviewed list: a change
means a template (Material's or ours) or a build step changed its inline code.
Read the new code, then update the list with what it is and where it comes from.
"""
from pathlib import Path

import pytest
import yaml

from scripts.sitelib.inline_blocks import audit_site, inline_code, output_fragments, sha256
from scripts.devtools.local_site import build_site
from tests.support.hostile import docs_for
from tests.support.variant import write_variant_config

REVIEWED_SCRIPTS = {
    "sha256-exqRXrW/0laiImCrTE8a70vxyyY10FJVIppytLf/dbY=":
        "Material: __md_scope/__md_get/__md_set storage helpers (partials/javascripts/base.html; "
        "scope = the site's root path, set by scripts/hooks/security_headers.py)",
    "sha256-DrEMJJ29sL7vIloQzly+VUGMxKcBTMII+OfW7Y8AkG4=": "Material: restore the colour palette (partials/javascripts/palette.html)",
    "sha256-/8wPdzX9q0NNJXyA5lzsLojXFpkeaXVxhbfkUOQaWy8=": "Material: open the tab an anchor points to (partials/javascripts/content.html)",
    "sha256-knhH3LOuiDQwWbHyIDRQ2OpxwZ/dc0FrtwUaFQWRLN8=":
        "Ours: the reader's language before anything paints; remembers a language choice, marks in-site "
        "links, sends a reader arriving from outside on a Norwegian page to their language "
        "(overrides/components/language-first/language-first.html; the same text on every page)",
    "sha256-+AFuRSMXZjAlCI62r/KFekuSJ8mlu5l+3nWKfpHDbQQ=":
        "Ours: search loads on first use; takes the name off Material's search form and gives its bundle a "
        "stand-in for the search worker until the first focus (overrides/components/search/search-lazy.html; "
        "the same text on every page)",
}
REVIEWED_STYLES = {}


def sources(csp, directive):
    value = dict(part.split(" ", 1) for part in csp.split("; "))[directive]
    return {source.strip("'") for source in value.split()} - {"self"}


@pytest.fixture(scope="module")
def csp(site):
    text = (site.dir / "_nginx" / "page.conf").read_text(encoding="utf-8")
    return text.split('Content-Security-Policy "', 1)[1].split('"', 1)[0]


def test_the_allowed_inline_code_is_the_reviewed_list(csp):
    assert sources(csp, "script-src") == set(REVIEWED_SCRIPTS)
    assert sources(csp, "style-src") == set(REVIEWED_STYLES)


def test_every_inline_script_of_every_page_is_on_the_list(site):
    seen = set()
    for path in site.dir.rglob("*.html"):
        blocks, problems = inline_code(path.read_text(encoding="utf-8"))
        assert not problems, path
        for kind, text in blocks:
            assert sha256(text) in (REVIEWED_SCRIPTS if kind == "script" else REVIEWED_STYLES), (path, text[:80])
            seen.add(sha256(text))
    assert seen == set(REVIEWED_SCRIPTS) | set(REVIEWED_STYLES)  # and every listed one is still used


def variant_with_hook(tmp_path):
    config = write_variant_config(tmp_path, docs_for(tmp_path, "good"))
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["hooks"].append(str(Path(__file__).parents[1] / "support" / "hooks" / "unregistered_inline_code.py"))
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config


@pytest.mark.parametrize("code, words", [
    ("<script>document.title = 'pwned'</script>", "an inline <script> that no template or build step registered"),
    ("<style>body { display: none }</style>", "an inline <style> that no template or build step registered"),
])  # handlers, style= and javascript: URLs: tests/unit/test_inline_blocks.py
def test_inline_code_that_no_template_wrote_fails_the_build(tmp_path, code, words):
    """As if the sanitizer were bypassed: the audit after the build names the file."""
    config = variant_with_hook(tmp_path)
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config=config,
                        extra_env={"UNREGISTERED_CODE": code})
    assert result.returncode != 0
    assert f"index.html: {words}" in result.stderr, result.stderr[-2000:]


def test_pages_feeds_and_search_indexes_carry_no_other_inline_code(site):
    """The build's own audit, once more on the built site: what partners pull from the
    feed and what search shows hold no script, handler, style or javascript: URL."""
    scripts, styles = audit_site(site.dir, REVIEWED_SCRIPTS, REVIEWED_STYLES)
    assert set(scripts) == set(REVIEWED_SCRIPTS) and styles == []
    feed = output_fragments(site.dir / "th" / "feed.json")
    assert len(feed) >= 3 and any("<p>" in fragment for fragment in feed)  # the audit did read each reader page
