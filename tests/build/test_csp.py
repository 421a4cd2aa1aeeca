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
        "scope = the site's root path, set by the deploy plugin, scripts/smittevern/deploy/plugin.py)",
    "sha256-DrEMJJ29sL7vIloQzly+VUGMxKcBTMII+OfW7Y8AkG4=": "Material: restore the colour palette (partials/javascripts/palette.html)",
    "sha256-/8wPdzX9q0NNJXyA5lzsLojXFpkeaXVxhbfkUOQaWy8=": "Material: open the tab an anchor points to (partials/javascripts/content.html)",
    "sha256-NqIFwVGrkhIK1cit6Oz/FqBvKr9WS7R/m/ijrTKFc/4=":
        "Ours: the reader's language before anything paints; remembers a language choice, marks in-site "
        "links, sends a reader arriving from outside on a Norwegian page to their language, stopping the "
        "Norwegian page's loading first "
        "(overrides/components/language-first/language-first.html; the same text on every page)",
    "sha256-+AFuRSMXZjAlCI62r/KFekuSJ8mlu5l+3nWKfpHDbQQ=":
        "Ours: search loads on first use; takes the name off Material's search form and gives its bundle a "
        "stand-in for the search worker until the first focus (overrides/components/search/search-lazy.html; "
        "the same text on every page)",
}
# The one inline <style>: the first screen's CSS that the build computes from the site's
# own stylesheets (scripts/smittevern/first_paint/plugin.py). Its text changes with the pages, so
# its hash is read from the build; test_the_inline_style_is_the_built_critical_css
# checks that it is made of the shipped stylesheets' rules only.
CRITICAL_CSS = "the first screen's CSS (scripts/sitelib/css_purge.py), the same text on every page of main.html"


@pytest.fixture(scope="module")
def reviewed_styles(site):
    texts = {text for path in site.dir.rglob("*.html")
             for kind, text in inline_code(path.read_text(encoding="utf-8"))[0] if kind == "style"}
    assert len(texts) == 1, f"{len(texts)} different inline styles; the build writes one"
    return {sha256(texts.pop()): CRITICAL_CSS}


def test_the_inline_style_is_the_built_critical_css(site):
    """Every rule of the inline <style> is a rule of the stylesheets the site ships
    (Material's purged main.css, site.css), with a selector list they also have."""
    import tinycss2
    from scripts.sitelib.css_purge import CRITICAL_PLACEHOLDER, split_selectors

    def selectors(css):
        found = set()
        for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
            if rule.type == "qualified-rule":
                found |= {tinycss2.serialize(s).strip() for s in split_selectors(rule.prelude)}
            elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports"):
                found |= selectors(tinycss2.serialize(rule.content))
            elif rule.type == "at-rule":
                assert rule.lower_at_keyword not in ("import", "font-face"), rule.at_keyword
        return found

    home = (site.dir / "index.html").read_text(encoding="utf-8")
    assert CRITICAL_PLACEHOLDER not in home
    style = [text for kind, text in inline_code(home)[0] if kind == "style"]
    assert len(style) == 1 and "url(http" not in style[0] and "@import" not in style[0]
    shipped = "".join(path.read_text(encoding="utf-8") for path in
                      [*site.dir.glob("assets/stylesheets/main.*.min.css"), *site.dir.glob("assets/site.*.css")])
    inline = selectors(style[0])
    assert len(inline) > 100 and inline <= selectors(shipped)


def sources(csp, directive):
    value = dict(part.split(" ", 1) for part in csp.split("; "))[directive]
    return {source.strip("'") for source in value.split()} - {"self"}


@pytest.fixture(scope="module")
def csp(site):
    text = (site.dir / "_nginx" / "page.conf").read_text(encoding="utf-8")
    return text.split('Content-Security-Policy "', 1)[1].split('"', 1)[0]


def test_the_allowed_inline_code_is_the_reviewed_list(csp, reviewed_styles):
    assert sources(csp, "script-src") == set(REVIEWED_SCRIPTS)
    assert sources(csp, "style-src") == set(reviewed_styles)


def test_every_inline_script_of_every_page_is_on_the_list(site, reviewed_styles):
    seen = set()
    for path in site.dir.rglob("*.html"):
        blocks, problems = inline_code(path.read_text(encoding="utf-8"))
        assert not problems, path
        for kind, text in blocks:
            assert sha256(text) in (REVIEWED_SCRIPTS if kind == "script" else reviewed_styles), (path, text[:80])
            seen.add(sha256(text))
    assert seen == set(REVIEWED_SCRIPTS) | set(reviewed_styles)  # and every listed one is still used


def variant_with_hook(tmp_path):
    config = write_variant_config(tmp_path, docs_for(tmp_path, "good"))
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    # A test hook: MkDocs runs hooks after every plugin, so its page edit comes before the audit.
    data.setdefault("hooks", []).append(str(Path(__file__).parents[1] / "support" / "hooks" / "unregistered_inline_code.py"))
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


def test_pages_feeds_and_search_indexes_carry_no_other_inline_code(site, reviewed_styles):
    """The build's own audit, once more on the built site: what partners pull from the
    feed and what search shows hold no script, handler, style or javascript: URL."""
    scripts, styles = audit_site(site.dir, REVIEWED_SCRIPTS, reviewed_styles)
    assert set(scripts) == set(REVIEWED_SCRIPTS) and styles == sorted(reviewed_styles)
    feed = output_fragments(site.dir / "th" / "feed.json")
    assert len(feed) >= 3 and any("<p>" in fragment for fragment in feed)  # the audit did read each reader page
