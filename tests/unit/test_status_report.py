"""The status page's data: names, links, dates, and the Norwegian diff since a stale translation was stamped."""
import shutil

from scripts.sitelib import freshness, status_report
from scripts.sitelib.locales import DOCS, TRANSLATIONS


def test_word_diff_marks_changed_words_on_changed_lines_only():
    old = "## Før møtet { #before }\n\n- Luft rommet godt.\n- Ha klart såpe."
    new = "## Før møtet { #before }\n\n- Luft rommet godt i ti minutter.\n- Ha klart såpe.\n- Ny linje."
    assert status_report.word_diff(old, new) == [
        [("equal", "- Luft rommet "), ("delete", "godt."), ("insert", "godt i ti minutter.")],
        [("insert", "- Ny linje.")],
    ]
    assert status_report.word_diff(old, old) == []


def test_report_of_the_real_docs_names_every_language_and_page():
    report = status_report.build()
    assert [row["code"] for row in report["summary"]] == TRANSLATIONS
    thai = next(row for row in report["summary"] if row["code"] == "th")
    assert (thai["english"], thai["native"]) == ("Thai", "ไทย")
    covid = next(page for page in report["pages"] if page["page"] == "covid-19.md")
    assert covid["title"] == "Covid-19 og smittevern" and covid["url"] == "covid-19/"
    assert [item["url"] for item in covid["translations"]][:2] == ["en/covid-19/", "es/covid-19/"]
    assert all(item["date"] for item in covid["translations"])


def test_a_stale_page_shows_what_changed_once_for_all_languages(tmp_path):
    shutil.copytree(DOCS, tmp_path / "docs")
    shutil.copytree(freshness.STORE, tmp_path / "stamped")
    docs, store = tmp_path / "docs", tmp_path / "stamped"
    source = docs / "nb" / "help.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Tolken er gratis.", "Tolken er gratis for deg."),
                      encoding="utf-8")
    (docs / "zh" / "help.md").unlink()
    help_page = next(page for page in status_report.build(docs, store)["pages"] if page["page"] == "help.md")
    states = {item["code"]: item["status"] for item in help_page["translations"]}
    assert states["zh"] == "missing" and all(states[code] == "stale" for code in TRANSLATIONS if code != "zh")
    english = next(item for item in help_page["translations"] if item["code"] == "en")
    assert english["sections"] == [{"id": "services", "name": "Uten papirer? Du kan likevel gå til lege", "intro": False}]
    assert english["title"] == "Get help" and english["url"] == "en/help/"
    [change] = help_page["changes"]
    assert [language["code"] for language in change["locales"]] == [code for code in TRANSLATIONS if code != "zh"]
    assert change["diff"] == [[("equal", "- :material-translate: Du kan be om tolk hos legen. Tolken er "),
                               ("delete", "gratis."), ("insert", "gratis for deg.")]]
