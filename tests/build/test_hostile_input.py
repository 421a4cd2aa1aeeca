"""Hostile and broken sources: what the build rejects (naming file and line, leaving
the old site alone) and what it strips.

tests/fixtures/hostile/good/docs is a tiny two-locale docs tree that every check
accepts. Each other tests/fixtures/hostile/<case>/docs holds only the files that
differ from it: the good tree with that case laid over it is built. Most cases
come from issue 15's probe of the build as a hostile translator would attempt it.
"""
import re

import pytest

from scripts.devtools.local_site import build_site
from tests.support.batch_build import build_in_one_process
from tests.support.hostile import FIXTURES, docs_for, prepare_build

# case -> (file that must be named, line or None, words the message must contain)
REJECTED = {
    # raw code and markup in page text
    "script": ("nb/index.md", 15, "<script>"),
    "iframe": ("nb/index.md", 15, "<iframe>"),
    "event-attribute": ("nb/index.md", 15, "onerror="),
    "javascript-link": ("nb/index.md", 17, "javascript:"),
    "svg-onload": ("nb/index.md", 15, "onload="),
    # the old regex guard read these differently from Markdown, and the script ran
    "escaped-backtick": ("nb/index.md", 15, "<script>"),
    "code-in-html-block": ("nb/index.md", 16, "<script>"),
    "indented-fence": ("nb/index.md", 16, "<script>"),
    "fence-info-words": ("nb/index.md", 16, "<script>"),
    "comment-bang-close": ("nb/index.md", 15, "<script>"),
    "quoted-angle-bracket": ("nb/index.md", 15, "javascript:"),
    "escaped-colon-link": ("nb/index.md", 15, "javascript:"),
    "split-scheme-link": ("nb/index.md", 15, "javascript:"),
    "entity-scheme-link": ("nb/index.md", 15, "javascript:"),
    "attr-list-onclick": ("nb/index.md", 16, "onclick="),
    "attr-list-style": ("nb/index.md", 16, "style="),
    # redirects, referrer leaks, switched-off scripts, spoofed script lookups
    "meta-refresh": ("nb/index.md", 15, "<meta>"),
    "meta-referrer": ("nb/index.md", 15, "<meta>"),
    "referrerpolicy-attribute": ("nb/index.md", 15, "referrerpolicy="),
    "data-site-attribute": ("nb/index.md", 15, "data-site-"),
    "reserved-id": ("nb/index.md", 15, "'__config' is reserved"),
    "reserved-class": ("nb/index.md", 15, "'js-embed-builder' is reserved"),
    "plaintext": ("nb/index.md", 15, "<plaintext>"),
    "xmp": ("nb/index.md", 15, "<xmp>"),
    "textarea": ("nb/index.md", 15, "<textarea>"),
    "noembed": ("nb/index.md", 15, "<noembed>"),
    "password-form": ("nb/index.md", 15, "<form>"),
    # anything loaded from another site
    "external-image": ("nb/index.md", 15, "another address"),
    "cdn-emoji": ("nb/index.md", 15, ":smile:"),
    # markers
    "not-a-marker": ("nb/index.md", 15, "<!-- quick-exit --> is not a marker"),
    "unknown-marker": ("nb/index.md", 15, "no component 'contact-detail'"),
    "inline-marker": ("nb/index.md", 15, "line of its own"),
    # front matter
    "front-matter": ("nb/index.md", 3, "not valid YAML"),
    "front-matter-title-script": ("nb/index.md", 2, "'title' contains '<'"),
    "front-matter-title-no-h1": ("nb/index.md", 2, "'title' contains '<'"),
    "front-matter-description-attribute": ("nb/index.md", 3, "'description' contains the straight quote"),
    "front-matter-tags": ("nb/index.md", 7, "unknown front-matter key 'tags'; allowed keys: title, description"),
    # files under docs/ that would be published as they are
    "html-file": ("nb/login.html", None, "cannot be published from docs/"),
    "js-file": ("nb/extra.js", None, "cannot be published from docs/"),
    "svg-script": ("assets/logo.svg", 2, "<script> is not allowed in an SVG file"),
    # structure
    "heading-without-id": ("nb/index.md", 15, "has no id"),
    "unknown-locale": ("xx/index.md", 1, "'xx' is not a locale"),
    "flyer-section": ("nb/index.md", 6, "'during'"),
    "historical-section": ("nb/index.md", 6, "'historical: rules-2020' names no '## … { #rules-2020 }' section"),
}


def _prepare(tmp_path, case):
    """(config, site dir holding a previous build's page) for one case."""
    return prepare_build(tmp_path, docs_for(tmp_path, case))


def _build(tmp_path, case):
    config, site_dir = _prepare(tmp_path, case)
    return build_site(site_dir, "http://127.0.0.1:8000/", config=config), site_dir


@pytest.fixture(scope="module")
def rejected_builds(tmp_path_factory):
    """Every REJECTED case built once, all in one process (tests/support/batch_build.py):
    {case: (succeeded, output, site dir)}."""
    prepared = {case: _prepare(tmp_path_factory.mktemp(case), case) for case in REJECTED}
    built = build_in_one_process(prepared)
    return {case: (built[case]["ok"], built[case]["output"], prepared[case][1]) for case in prepared}


def test_every_fixture_is_tested():
    cases = {path.name for path in FIXTURES.iterdir() if (path / "docs").is_dir()}
    assert cases == set(REJECTED) | {"good", "comments"}


def test_a_hostile_case_fails_the_mkdocs_command_too(tmp_path):
    """The batch above runs MkDocs' build() in one process; the command line stops too."""
    result, site_dir = _build(tmp_path, "front-matter-title-script")
    assert result.returncode != 0 and "nb/index.md:2: 'title' contains '<'" in result.stderr, result.stderr[-2000:]
    assert [p.name for p in site_dir.iterdir()] == ["index.html"]


def test_the_good_fixture_builds(tmp_path):
    """Without this, a failing hostile case might fail for an unrelated reason."""
    result, site_dir = _build(tmp_path, "good")
    assert result.returncode == 0, result.stderr[-3000:]
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in html and "<script>alert" not in html  # code may show a tag; it is never run
    assert 'class="site-language-list' in html  # the marker rendered its component


@pytest.mark.parametrize("case", sorted(REJECTED))
def test_hostile_input_fails_naming_file_and_line(rejected_builds, case):
    name, line, words = REJECTED[case]
    succeeded, output, site_dir = rejected_builds[case]
    assert not succeeded, f"{case}: the build accepted it"
    where = f"{re.escape(name)}:{line}" if line else re.escape(name)
    assert re.search(rf"{where}: .*{re.escape(words)}", output), output[-2000:]
    # the failed build changed nothing: the previous site is still there, untouched
    assert sorted(p.name for p in site_dir.iterdir()) == ["index.html"]
    assert (site_dir / "index.html").read_text() == "the good site from the last build"


def test_comments_are_stripped_everywhere(tmp_path):
    """Editors' notes in comments build fine and reach no reader: not the page, its
    embed view, the feed or the search index."""
    result, site_dir = _build(tmp_path, "comments")
    assert result.returncode == 0, result.stderr[-3000:]
    # (No flyer: the fixture's page is no print-kit topic; flyers are cut from the same
    # rendered body: tests/build/test_print_kit_build.py.)
    outputs = [site_dir / "index.html", site_dir / "embed" / "index.html",
               site_dir / "feed.json", site_dir / "search" / "search_index.json"]
    page = outputs[0].read_text(encoding="utf-8")
    assert "Wash again" in page and "And dry them." in page
    for path in outputs:
        text = path.read_text(encoding="utf-8")      # each output must exist: a missing one fails
        for note in ("todo: a second sentence", "pwned", "an editor's note", "an editor&#x27;s note"):
            assert note not in text, f"{path.relative_to(site_dir)} carries the comment '{note}'"
