"""Structure parity: each kind of difference is caught and names file and line."""
from pathlib import Path

from scripts.sitelib.outline import compare, normalise_link

FIXTURES = Path(__file__).parents[1] / "fixtures" / "i18n"
SOURCE = FIXTURES / "nb" / "page.md"
GOOD = FIXTURES / "en" / "page.md"


def broken(tmp_path, old, new):
    text = GOOD.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "page.md"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_faithful_translation_has_no_differences():
    assert compare(SOURCE, GOOD) == []


def test_dropped_list_item_fails_with_line(tmp_path):
    path = broken(tmp_path, "- :material-face-mask: Wear a face mask when you cannot keep your distance.\n", "")
    problems = compare(SOURCE, path)
    assert problems and "bullet list '2 items'" in problems[0] and f"{path}:13" in problems[0]


def test_changed_number_fails(tmp_path):
    path = broken(tmp_path, "116 117", "116 171")
    assert any("numbers missing or changed: 116 117" in problem for problem in compare(SOURCE, path))


def test_changed_heading_id_fails(tmp_path):
    path = broken(tmp_path, "{ #before }", "{ #before-the-meeting }")
    assert any("h2 #before-the-meeting" in problem and ":11:" in problem for problem in compare(SOURCE, path))


def test_changed_admonition_type_fails(tmp_path):
    path = broken(tmp_path, "!!! info", "!!! warning")
    assert any("admonition 'warning'" in problem for problem in compare(SOURCE, path))


def test_changed_link_target_fails(tmp_path):
    path = broken(tmp_path, "help.md#urgent", "help.md#contact")
    assert any("link 'help.md#contact'" in problem for problem in compare(SOURCE, path))


def test_changed_icon_fails(tmp_path):
    path = broken(tmp_path, ":material-face-mask:", ":material-shower:")
    assert any("icon 'material-shower'" in problem for problem in compare(SOURCE, path))


def test_front_matter_value_must_be_copied(tmp_path):
    path = broken(tmp_path, "reviewed: 2026-11-28", "reviewed: 2025-01-01")
    assert any("front matter 'reviewed'" in problem for problem in compare(SOURCE, path))


def test_locale_prefix_is_normalised():
    assert normalise_link("/th/help/") == normalise_link("/help/") == "/help/"
    assert normalise_link("help.md#urgent") == "help.md#urgent"
