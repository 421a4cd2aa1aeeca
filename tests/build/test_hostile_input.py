"""Bad sources stop the build with file and line, and leave the old site alone.

Each tests/fixtures/hostile/<case>/docs is a tiny two-locale docs tree with one
deliberate mistake; tests/fixtures/hostile/good is the same tree without it.
"""
import re

import pytest

from scripts.devtools.local_site import ROOT, build_site
from tests.support.variant import write_variant_config

FIXTURES = ROOT / "tests" / "fixtures" / "hostile"

# case -> (file that must be named, line, words the message must contain)
CASES = {
    "script": ("nb/index.md", 15, "<script>"),
    "iframe": ("nb/index.md", 15, "<iframe>"),
    "event-attribute": ("nb/index.md", 15, "onerror="),
    "javascript-link": ("nb/index.md", 17, "javascript:"),
    "front-matter": ("nb/index.md", 3, "not valid YAML"),
    "heading-without-id": ("nb/index.md", 15, "has no id"),
    "unknown-locale": ("xx/index.md", 1, "'xx' is not a locale"),
    "flyer-section": ("nb/index.md", 6, "'during'"),
}


def _build(tmp_path, case):
    config = write_variant_config(tmp_path, FIXTURES / case / "docs")
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("the good site from the last build")
    result = build_site(site_dir, "http://127.0.0.1:8000/", config=config)
    return result, site_dir


def test_the_good_fixture_builds(tmp_path):
    """Without this, a failing hostile case might fail for an unrelated reason."""
    result, site_dir = _build(tmp_path, "good")
    assert result.returncode == 0, result.stderr[-3000:]
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert "<code>&lt;script&gt;" in html  # code may show a tag; it is never run


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input_fails_naming_file_and_line(tmp_path, case):
    name, line, words = CASES[case]
    result, site_dir = _build(tmp_path, case)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{case}: the build accepted it"
    assert re.search(rf"{re.escape(name)}:{line}: .*{re.escape(words)}", output), output[-2000:]
    # the failed build changed nothing: the previous site is still there, untouched
    assert sorted(p.name for p in site_dir.iterdir()) == ["index.html"]
    assert (site_dir / "index.html").read_text() == "the good site from the last build"
