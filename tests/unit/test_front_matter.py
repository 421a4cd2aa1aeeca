"""Text that reaches templates unescaped: front matter, strings.yml, mkdocs.yml extra."""
import datetime

import pytest

from scripts.sitelib.front_matter import (
    FRONT_MATTER, check_config_text, check_front_matter, check_title, markup_in_text,
)
from scripts.sitelib.source_errors import SourceError
from scripts.sitelib.ui_strings import load_strings
from tests.support.hostile import FIXTURES


@pytest.mark.parametrize("text, words", [
    ("x</title><script>x()</script>", "'<'"), ('Advice" http-equiv="refresh', 'straight quote "'),
    ("a &lt;b&gt;", "'&lt;'"), ("&#60;b", "'&#60;'"), ("a > b", "'>'"),
])
def test_markup_in_text(text, words):
    assert words in markup_in_text(text)


@pytest.mark.parametrize("text", ["Sex & helse", "«Råd» og “tips”", "Don't panic", "18+ & 16-"])
def test_plain_text_passes(text):
    assert markup_in_text(text) is None


def test_the_real_front_matter_values_pass():
    meta = {"title": "Covid-19", "description": "Råd.", "published": "2021-04", "reviewed": datetime.date(2026, 11, 28),
            "historical": True, "flyer": ["before", "if-sick"], "flyer_key_messages": ["before 1"],
            "source_sections": {"_intro": "e5c2a4b7", "before": "ebd7b342"},
            "search": {"exclude": True}, "synonyms": ["lege", "uten papirer", "ID", "pièce d’identité"]}
    check_front_matter(meta, "", "p.md")
    assert set(meta) == set(FRONT_MATTER)


@pytest.mark.parametrize("meta, line, words", [
    ({"title": "T", "tags": ["x"]}, 3, "unknown front-matter key 'tags'; allowed keys: title, description, published"),
    ({"title": "T", "published": "april"}, None, "'published' must be a month or a date"),
    ({"title": "T", "flyer": ["ok", "<b>"]}, None, "'flyer' must be a list of section ids"),
    ({"title": "T", "search": {"exclude": "yes"}}, None, "'search' must be"),
    ({"title": "T", "source_sections": {"before": "<b>"}}, None, "'source_sections' must be"),
    ({"title": ["a", "b"]}, 2, "'title' must be the page title"),
    ({"title": "T", "description": "<a href=x>log in</a>"}, None, "'description' contains '<'"),
    ({"title": "T", "synonyms": "lege, doktor"}, None, "'synonyms' must be a list of everyday words"),
    ({"title": "T", "synonyms": ["lege", ""]}, None, "'synonyms' must be a list of everyday words"),
    ({"title": "T", "synonyms": []}, None, "'synonyms' must be a list of everyday words"),
    ({"title": "T", "synonyms": ["lege", "<img src=x onerror=alert(1)>"]}, None, "'synonyms' contains '<'"),
    ({"title": "T", "synonyms": ['lege" onfocus="x']}, None, "'synonyms' contains the straight quote"),
])
def test_front_matter_errors(meta, line, words):
    source = "---\ntitle: T\ntags: [x]\n---\n"
    with pytest.raises(SourceError) as caught:
        check_front_matter(meta, source, "docs/nb/p.md")
    assert words in str(caught.value) and caught.value.line == line


def test_a_new_key_is_one_line_in_the_table():
    schema = dict(FRONT_MATTER, print_size=("A4 or A5", lambda value: value in ("A4", "A5")))
    check_front_matter({"print_size": "A5"}, "", "p.md", schema=schema)
    with pytest.raises(SourceError, match="'print_size' must be A4 or A5"):
        check_front_matter({"print_size": "A3"}, "", "p.md", schema=schema)


def test_a_title_from_the_first_heading_may_not_carry_markup_either():
    check_title("Sex &amp; helse", "# Sex & helse\n", "p.md")
    with pytest.raises(SourceError) as caught:
        check_title("&lt;/title&gt;&lt;script&gt;x()", "\n# &lt;/title&gt;...\n", "p.md")
    assert caught.value.line == 2


def test_strings_yml_values_may_not_carry_markup():
    with pytest.raises(SourceError) as caught:
        load_strings(FIXTURES / "strings-attribute" / "overrides")
    assert caught.value.line == 4 and "'bad_label' in en contains the straight quote" in str(caught.value)
    assert str(caught.value).startswith(str(FIXTURES / "strings-attribute" / "overrides" / "components" / "bad"))


def test_the_real_strings_pass():
    assert load_strings()["nb"]


def test_editors_extra_texts_in_mkdocs_yml(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text('extra:\n  contact:\n    phone: ""\n    opening_hours: "10–16<script>"\n', encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        check_config_text({"contact": {"phone": "", "opening_hours": "10–16<script>"}}, config)
    assert caught.value.line == 4 and "extra.contact.opening_hours contains '<'" in str(caught.value)
    check_config_text({"contact": {"phone": "+47 22 00 00 00"}, "licence": "Fri bruk «med kilde»"}, config)
