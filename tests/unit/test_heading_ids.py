"""The one heading-id parser: what the structure check and the source guard both read."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.sitelib.heading_ids import heading_id, split_heading
from scripts.sitelib.outline import compare
from scripts.sitelib.source_guard import heading_ids


@pytest.mark.parametrize("text, expected", [
    ("Før møtet { #before }", "before"),
    ("Før møtet {#before}", "before"),
    ("Før møtet {: #before }", "before"),
    ("Før møtet { #before .md-button }", "before"),
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
    source.write_text("# T\n\n## Før { #before .md-button }\n\n### Mer { #more .md-button }\n", encoding="utf-8")
    translation.write_text("# T\n\n## Before { #before .md-button }\n\n### More { #renamed .md-button }\n", encoding="utf-8")
    assert heading_ids(source.read_text(encoding="utf-8")) == {"before", "more"}
    assert heading_ids(translation.read_text(encoding="utf-8")) == {"before", "renamed"}
    problems = compare(source, translation)
    assert problems and "h3 #renamed" in problems[0] and "h3 #more" in problems[0]


_HEADING_TEXT = st.text(alphabet=" {}#a\\\t:=\"", max_size=16)


@settings(max_examples=3000, deadline=None)
@given(_HEADING_TEXT)
def test_linear_readers_agree_with_attr_lists_regexes(text):
    """The linear readers give what Python-Markdown's own regexes give (they rescan runs of
    spaces and #s: a 500 KB heading took minutes)."""
    from scripts.sitelib.heading_ids import (CLOSING_HASHES, HEADER_ATTRIBUTES, header_attributes,
                                             without_closing_hashes)
    match = HEADER_ATTRIBUTES.search(text)
    assert header_attributes(text) == (match and (match.start(), match.group(1)))
    assert without_closing_hashes(text) == CLOSING_HASHES.sub("", text)
