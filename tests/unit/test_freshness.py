"""Freshness: a translation is translated, stale or missing against its source."""
from scripts.sitelib.freshness import MISSING, STALE, TRANSLATED, format_table, page_status, stamp, status_table


def make_docs(tmp_path):
    (tmp_path / "nb").mkdir()
    (tmp_path / "th").mkdir()
    (tmp_path / "nb" / "page.md").write_text("---\ntitle: Råd\n---\n\n# Råd\n", encoding="utf-8")
    (tmp_path / "th" / "page.md").write_text("---\ntitle: คำแนะนำ\n---\n\n# คำแนะนำ\n", encoding="utf-8")
    return tmp_path


def test_unstamped_translation_counts_as_stale(tmp_path):
    docs = make_docs(tmp_path)
    assert page_status("page.md", "th", docs) == STALE


def test_stamped_translation_is_translated_until_the_source_changes(tmp_path):
    docs = make_docs(tmp_path)
    stamp(docs / "th" / "page.md", docs)
    assert page_status("page.md", "th", docs) == TRANSLATED
    with open(docs / "nb" / "page.md", "a", encoding="utf-8") as source:
        source.write("\nEn ny setning.\n")
    assert page_status("page.md", "th", docs) == STALE
    stamp(docs / "th" / "page.md", docs)
    assert page_status("page.md", "th", docs) == TRANSLATED
    assert (docs / "th" / "page.md").read_text(encoding="utf-8").count("source_hash:") == 1


def test_status_table_shows_missing_pages(tmp_path):
    docs = make_docs(tmp_path)
    table = status_table(docs, locales=["th", "zh"])
    assert table == {"page.md": {"th": STALE, "zh": MISSING}}
    assert "missing" in format_table(table, locales=["th", "zh"])
