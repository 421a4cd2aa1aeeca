"""The one heading-id parser: what the structure check and the source guard both read."""
import pytest

from scripts.sitelib.heading_ids import heading_id, split_heading
from scripts.sitelib.outline import compare
from scripts.sitelib.source_guard import heading_ids


@pytest.mark.parametrize("text, expected", [
    ("Før møtet { #before }", "before"),
    ("Før møtet {#before}", "before"),
    ("Før møtet {: #before }", "before"),
    ("Før møtet { #before .site-x }", "before"),
    ("Før møtet { .site-x #before data-x=\"1\" }", "before"),
    ("Før møtet { #before } ##", "before"),
    ('Før møtet { title="#not-an-id" }', None),
    ("Før møtet", None),
    ("Før møtet { .only-a-class }", None),
    ("Før møtet { #1-starts-with-a-digit }", "1-starts-with-a-digit"),  # attr_list takes any word
    # read as attr_list reads it: the last id wins, `id=` included
    ('Før møtet { #before id="../../x" }', "../../x"),
    ("Før møtet { id=a #b }", "b"),
    ("Før møtet { #a }##", "a"),
    ("Før møtet{ #before }", None),           # no space before {: attr_list leaves it as text
    ("Før møtet { #before } }", None),        # a stray }: attr_list (strict) takes nothing
])
def test_heading_id(text, expected):
    assert heading_id(text) == expected


def test_split_heading_keeps_every_character():
    for text in ("Før møtet { #before .x }", "Før møtet", "Før møtet  ", "A {#a} ##"):
        title, _, attributes = split_heading(text)
        assert title + attributes == text
    assert split_heading("Før møtet { #before .x }")[0] == "Før møtet"


def test_guard_and_structure_check_read_the_same_id(tmp_path):
    """A renamed id on a heading with a class: the guard sees it, and so does the check."""
    source, translation = tmp_path / "nb.md", tmp_path / "en.md"
    source.write_text("# T\n\n## Før { #before .site-x }\n\n### Mer { #more .site-x }\n", encoding="utf-8")
    translation.write_text("# T\n\n## Before { #before .site-x }\n\n### More { #renamed .site-x }\n", encoding="utf-8")
    assert heading_ids(source.read_text(encoding="utf-8")) == {"before", "more"}
    assert heading_ids(translation.read_text(encoding="utf-8")) == {"before", "renamed"}
    problems = compare(source, translation)
    assert problems and "h3 #renamed" in problems[0] and "h3 #more" in problems[0]
