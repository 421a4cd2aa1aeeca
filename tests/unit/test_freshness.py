"""Freshness per section: one changed Norwegian block marks only that block stale,
in every locale; `stamp --minor` carries a small fix over; nothing else moves."""
import shutil

import pytest

from scripts.sitelib import freshness
from scripts.sitelib.freshness import MISSING, STALE, TRANSLATED
from scripts.sitelib.locales import DOCS, TRANSLATIONS
from scripts.sitelib.segments import parse, section_texts

PAGE = "covid-19.md"


@pytest.fixture
def docs(tmp_path):
    """A copy of the real covid-19 page in every locale, stamped against a store in tmp_path."""
    for locale in ["nb"] + TRANSLATIONS:
        (tmp_path / "docs" / locale).mkdir(parents=True)
        shutil.copy(DOCS / locale / PAGE, tmp_path / "docs" / locale / PAGE)
    docs, store = tmp_path / "docs", tmp_path / "stamped"
    for locale in TRANSLATIONS:
        freshness.stamp(docs / locale / PAGE, docs, store)
    return docs, store


def edit_source(docs, old, new):
    path = docs / "nb" / PAGE
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def stale_everywhere(docs):
    return {locale: freshness.stale_sections(PAGE, locale, docs) for locale in TRANSLATIONS}


def test_every_real_translation_is_stamped_and_up_to_date():
    table = freshness.status_table()
    assert table and all(state == TRANSLATED for row in table.values() for state in row.values()), \
        freshness.format_table(table)


def test_one_changed_block_marks_exactly_that_section_in_every_locale(docs):
    docs, store = docs
    assert stale_everywhere(docs) == {locale: [] for locale in TRANSLATIONS}
    edit_source(docs, "Ha klart såpe,", "Ha klart flytende såpe,")
    assert stale_everywhere(docs) == {locale: ["before"] for locale in TRANSLATIONS}
    assert freshness.page_status(PAGE, "th", docs) == STALE
    # The store still has the text the translations were made from: the diff is possible.
    history = freshness.History.load(PAGE, store)
    old = freshness.recorded_versions(docs / "th" / PAGE)["before"]
    assert "Ha klart såpe, håndsprit" in history.texts[old]


def test_title_change_marks_the_intro(docs):
    docs, _ = docs
    edit_source(docs, "title: Covid-19 og smittevern", "title: Covid-19 og smittevern i 2021")
    assert stale_everywhere(docs) == {locale: ["_intro"] for locale in TRANSLATIONS}


def test_minor_stamp_marks_nothing_and_keeps_older_changes(docs):
    docs, store = docs
    edit_source(docs, "Ha klart såpe,", "Ha klart såpe;")
    moved = freshness.stamp_minor(PAGE, docs, store)
    assert moved == {locale: ["before"] for locale in TRANSLATIONS}
    assert stale_everywhere(docs) == {locale: [] for locale in TRANSLATIONS}
    # A real change, translated only into Thai; then a typo fix elsewhere, marked minor.
    edit_source(docs, "Be kunden dusje med en gang.", "Be kunden dusje før dere begynner.")
    freshness.stamp(docs / "th" / PAGE, docs, store)
    edit_source(docs, "Vask håndklær og sengetøy som er brukt.", "Vask håndklær og sengetøy som er brukt!")
    freshness.stamp_minor(PAGE, docs, store)
    stale = stale_everywhere(docs)
    assert stale["th"] == [] and all(stale[locale] == ["during"] for locale in TRANSLATIONS if locale != "th")


def test_stamp_changes_only_the_stamp_block(docs):
    docs, store = docs
    path = docs / "ru" / PAGE
    before = path.read_text(encoding="utf-8")
    edit_source(docs, "Ha klart såpe,", "Ha klart mye såpe,")
    freshness.stamp(path, docs, store)
    after = path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.split("\n"), after.split("\n")) if a != b]
    assert len(changed) == 1 and changed[0][0].startswith("  before: ")
    assert after.count(f"{freshness.STAMP_KEY}:") == 1


def test_stamping_one_section_leaves_the_others_stale(docs):
    docs, store = docs
    edit_source(docs, "Ha klart såpe,", "Ha klart mye såpe,")
    edit_source(docs, "Mat og drikke.", "Mat, drikke og snus.")
    freshness.stamp(docs / "fr" / PAGE, docs, store, sections=["before"])
    assert freshness.stale_sections(PAGE, "fr", docs) == ["no-sharing"]


def test_unstamped_and_missing(tmp_path):
    (tmp_path / "nb").mkdir()
    (tmp_path / "th").mkdir()
    (tmp_path / "nb" / "page.md").write_text("---\ntitle: Råd\n---\n\n# Råd\n", encoding="utf-8")
    (tmp_path / "th" / "page.md").write_text("---\ntitle: คำแนะนำ\nsource_hash: \"abc\"\n---\n\n# คำแนะนำ\n",
                                             encoding="utf-8")
    assert freshness.page_status("page.md", "th", tmp_path) == STALE
    assert freshness.status_table(tmp_path, locales=["th", "zh"]) == {"page.md": {"th": STALE, "zh": MISSING}}
    freshness.stamp(tmp_path / "th" / "page.md", tmp_path, tmp_path / "store")
    text = (tmp_path / "th" / "page.md").read_text(encoding="utf-8")
    assert "source_hash" not in text and freshness.page_status("page.md", "th", tmp_path) == TRANSLATED


def test_sections_of_a_real_page():
    text = (DOCS / "nb" / PAGE).read_text(encoding="utf-8")
    sections = section_texts(text)
    assert list(sections)[:3] == ["_intro", "key-points", "before"]
    assert sections["_intro"].startswith("title: Covid-19 og smittevern\ndescription: ")
    assert sections["before"].startswith("## Før møtet { #before }") and "## " not in sections["before"][3:]
    assert list(parse(text).sections()) == list(sections)
