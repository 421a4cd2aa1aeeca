"""Building the same commit twice gives the same bytes (apart from ALLOWED_TO_DIFFER)."""
from scripts.devtools.reproducible import ALLOWED_TO_DIFFER, tree_differences
from scripts.devtools.local_site import build_site


def test_two_builds_are_identical(site, tmp_path):
    """The session build (tests/conftest.py) against a second build for the same URL."""
    second = tmp_path / "site"
    result = build_site(second, site.url)
    assert result.returncode == 0, result.stderr[-3000:]
    differences = tree_differences(site.dir, second)
    assert not differences, (
        "two builds of one commit differ (if a test wrote into the session site, fix that test; "
        f"if a file may honestly differ, add it to ALLOWED_TO_DIFFER with the reason): {differences[:20]}")


def test_the_comparison_can_fail(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.html").write_text("1")
    (tmp_path / "b" / "x.html").write_text("2")
    (tmp_path / "a" / "only.html").write_text("")
    assert tree_differences(tmp_path / "a", tmp_path / "b") == ["differs: x.html", "only in first: only.html"]
    assert tree_differences(tmp_path / "a", tmp_path / "b", allowed={"*.html": "test"}) == []
    assert ALLOWED_TO_DIFFER == {} or all(isinstance(why, str) and why for why in ALLOWED_TO_DIFFER.values())
