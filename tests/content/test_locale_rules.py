"""Issue 24 items 2-5: plural forms from CLDR (Babel), punctuation per language, the
formality and variety rules, and the one check editors and CI share."""
import json

import pytest

from scripts.sitelib import locale_rules, plurals, typography
from scripts.sitelib.locales import LOCALES
from scripts.sitelib.formality import broken_rules
from scripts.sitelib.source_errors import SourceError
from scripts.sitelib.ui_strings import COUNTS, PLACEHOLDERS, browser_forms, fill, load_strings

STRINGS = load_strings()
NBSP = "\u00a0"


def note(locale, count):
    return fill(STRINGS[locale]["offline_save_note"], "offline_save_note", {"count": count})


# --- plural forms ---------------------------------------------------------------------------

@pytest.mark.parametrize("locale, expected", [
    ("ro", ("one", "few", "other")), ("ru", ("one", "few", "many", "other")), ("bg", ("one", "other")),
    ("sq", ("one", "other")), ("fr", ("one", "many", "other")), ("zh", ("other",)), ("th", ("other",)),
])
def test_the_forms_of_a_language_come_from_cldr(locale, expected):
    assert plurals.categories(locale) == expected


@pytest.mark.parametrize("locale, count, words", [
    ("ro", 1, "1 pagină."), ("ro", 2, "2 pagini."), ("ro", 19, "19 pagini."), ("ro", 20, "20 de pagini."),
    ("ro", 101, "101 pagini."), ("ro", 120, "120 de pagini."),
    ("ru", 1, "загружена 1 страница."), ("ru", 3, "загружены 3 страницы."), ("ru", 11, "загружено 11 страниц."),
    ("ru", 21, "загружена 21 страница."), ("ru", 25, "загружено 25 страниц."),
    ("bg", 1, "1 страница."), ("bg", 20, "20 страници."),
    ("sq", 1, "1 faqe."), ("sq", 20, "20 faqe."),
    ("fr", 0, "0 page."), ("fr", 1, "1 page."), ("fr", 2, "2 pages."), ("fr", 1000000, "1000000 de pages."),
    ("es", 1, "1 página."), ("es", 20, "20 páginas."), ("pt", 0, "0 página."), ("pt", 20, "20 páginas."),
    ("en", 1, "1 page."), ("en", 20, "20 pages."), ("nb", 1, "1 side."), ("nb", 20, "20 sider."),
])
def test_a_count_takes_the_form_of_its_language(locale, count, words):
    assert words in note(locale, count)


@pytest.mark.parametrize("locale", ["zh", "th"])
def test_chinese_and_thai_have_one_form(locale):
    assert note(locale, 1).replace("1", "N") == note(locale, 20).replace("20", "N")


def test_every_text_with_a_count_declares_that_placeholder():
    for key, count in COUNTS.items():
        assert count in PLACEHOLDERS[key], key
    for locale in LOCALES:
        for key in COUNTS:
            value = STRINGS[locale][key]
            assert set(plurals.texts(value)) and (isinstance(value, str) or
                                                  tuple(value.forms) == plurals.categories(locale)), (locale, key)


def test_a_text_with_forms_cannot_be_printed_without_its_count():
    with pytest.raises(TypeError, match="ui_fill"):
        str(STRINGS["ro"]["offline_save_note"])


def test_the_browser_gets_the_forms_as_json():
    data = json.loads(browser_forms(STRINGS["ro"]["offline_saving"], "offline_saving"))
    assert data["count"] == "total" and set(data["forms"]) == {"one", "few", "other"}
    assert "{total} de pagini" in data["forms"]["other"]
    assert json.loads(browser_forms(STRINGS["zh"]["offline_saving"], "offline_saving"))["forms"] == {
        "other": "正在保存第 {done} 页，共 {total} 页……"}
    assert browser_forms(STRINGS["en"]["offline_saved"], "offline_saved") == STRINGS["en"]["offline_saved"]
    assert not any(text.startswith('{"') for table in STRINGS.values() for value in table.values()
                   for text in plurals.texts(value))


def _strings(tmp_path, forms):
    component = tmp_path / "components" / "offline"
    component.mkdir(parents=True)
    (component / "strings.yml").write_text(
        "# a comment\noffline_save_note:\n  nb:\n    one: '{count} side'\n    other: '{count} sider'\n" + forms,
        encoding="utf-8")
    return component / "strings.yml"


@pytest.mark.parametrize("forms, line, words", [
    ("  ro:\n    one: '{count} pagină'\n    other: '{count} de pagini'\n", 6,
     "'offline_save_note' in ro has no text for the plural form(s) few (ro uses: one, few, other"),
    ("  ro: '{count} pagini'\n", 6, "'offline_save_note' in ro needs a text for each plural form: one, few, other"),
    ("  ro:\n    one: a\n    few: b\n    other: c\n    many: d\n", 6, "has plural form(s) many that ro does not use"),
    ("  ro:\n    one: '{count} pagină'\n    few: ''\n    other: '{count} de pagini'\n", 6, "plural form(s) few"),
])
def test_a_missing_or_unknown_form_names_file_line_and_key(tmp_path, forms, line, words):
    path = _strings(tmp_path, forms)
    with pytest.raises(SourceError) as error:
        load_strings(tmp_path, locales=["nb", "ro"], numbers=[])
    assert str(error.value).startswith(f"{path}:{line}: ") and words in str(error.value), str(error.value)


def test_a_text_without_a_count_takes_no_forms(tmp_path):
    component = tmp_path / "components" / "x"
    component.mkdir(parents=True)
    (component / "strings.yml").write_text("offline_saved:\n  nb:\n    one: a\n    other: b\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"strings.yml:2: 'offline_saved' in nb must be a text"):
        load_strings(tmp_path, locales=["nb"], numbers=[])


def test_zh_may_write_its_one_form_as_a_mapping_too(tmp_path):
    _strings(tmp_path, "  zh:\n    other: '下载 {count} 个页面'\n")
    table = load_strings(tmp_path, locales=["nb", "zh"], numbers=[])
    assert fill(table["zh"]["offline_save_note"], "offline_save_note", {"count": 3}) == "下载 3 个页面"


# --- punctuation ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Source :", f"Source{NBSP}:"), ("Source:", f"Source{NBSP}:"), ("Vraiment ?", f"Vraiment{NBSP}?"),
    ("Attention!", f"Attention{NBSP}!"), ("a ; b", f"a{NBSP}; b"), ("« mot »", f"«{NBSP}mot{NBSP}»"),
    ("«mot»", f"«{NBSP}mot{NBSP}»"), ("Quoi ?!", f"Quoi{NBSP}?!"),
    ("à 10:30", "à 10:30"), ("https://x.no/?a=1", "https://x.no/?a=1"), ("a;b", "a;b"),
])
def test_french_puts_a_no_break_space_before_high_punctuation(text, expected):
    assert typography.punctuate(text, "fr") == expected


@pytest.mark.parametrize("text, expected", [
    ("来源: helsenorge.no", "来源：helsenorge.no"), ("2026年11月28日.", "2026年11月28日。"),
    ("你好, 世界", "你好，世界"), ("真的? 是的!", "真的？是的！"), ("WhatsApp: 123", "WhatsApp：123"),
    ("来源： 网站", "来源：网站"), ("10:30", "10:30"), ("https://a.no/", "https://a.no/"), ("A, B.", "A, B."),
])
def test_chinese_takes_full_width_punctuation(text, expected):
    assert typography.punctuate(text, "zh") == expected


def test_thai_has_no_space_before_punctuation():
    assert typography.punctuate("ข้อความ : ค่า", "th") == "ข้อความ: ค่า"
    assert typography.punctuate("จริงหรือ ?", "th") == "จริงหรือ?"
    assert typography.punctuate("ข้อความ (PDF)", "th") == "ข้อความ (PDF)"


def test_other_languages_are_left_as_written():
    for locale in ("nb", "en", "es", "ru"):
        assert typography.punctuate("Source : ok ?", locale) == "Source : ok ?"


def test_only_text_nodes_in_the_page_language_change():
    html = ('<p title="a : b">Publié : <time>28 mai</time> <code>x : y</code> <a href="/?q=1 !">Quoi ?</a> '
            '<span lang="nb">Hei !</span> &amp; ok ; <script>var s = "b ?";</script><pre>c ?</pre></p>')
    assert typography.punctuate_html(html, "fr") == (
        f'<p title="a : b">Publié{NBSP}: <time>28 mai</time> <code>x : y</code> <a href="/?q=1 !">Quoi{NBSP}?</a> '
        f'<span lang="nb">Hei !</span> &amp; ok{NBSP}; <script>var s = "b ?";</script><pre>c ?</pre></p>')


def test_text_before_the_first_and_after_the_last_tag_is_punctuated_too():
    assert typography.punctuate_html("Tom &amp; Jerry ?", "fr") == f"Tom &amp; Jerry{NBSP}?"   # a heading in the TOC
    assert typography.punctuate_html("<b>Oui</b> ?", "fr") == f"<b>Oui</b>{NBSP}?"


def test_punctuation_after_text_in_another_language_or_code_is_set():
    assert typography.punctuate_html('<li><span lang="nb">Norsk</span>:\n <a>JSON</a></li>', "fr") == (
        f'<li><span lang="nb">Norsk</span>{NBSP}:\n <a>JSON</a></li>')
    assert typography.punctuate_html("<p><code>rights</code>: la licence</p>", "fr") == (
        f"<p><code>rights</code>{NBSP}: la licence</p>")


def test_punctuation_after_an_inline_element_reads_the_text_before_it():
    html = '<li><a href="x">标题</a>: 已发布 <time>2026年11月28日</time>.</li>'
    assert typography.punctuate_html(html, "zh") == '<li><a href="x">标题</a>：已发布 <time>2026年11月28日</time>。</li>'


def test_punctuation_is_idempotent():
    for locale, text in (("fr", "« Oui ? » : non !"), ("zh", "来源: 2026年11月28日.")):
        once = typography.punctuate(text, locale)
        assert typography.punctuate(once, locale) == once


def test_the_source_check_names_what_the_reader_would_see():
    assert typography.problems("Voir «**Supprimer**» : ok", "fr") == [("Voir «**Supprimer**» : ok",
                                                                       f"Voir «{NBSP}**Supprimer**{NBSP}»{NBSP}: ok")]
    assert typography.problems("Écrivez `a:b` ou [lien](https://x.no/?a) :material-x-y: ici.", "fr") == []
    assert typography.problems("Source : ici ?", "fr") == []   # a typed space is fine: it becomes a no-break one
    assert typography.problems("来源: 网站", "zh")


# --- formality and variety -------------------------------------------------------------------

@pytest.mark.parametrize("locale, text", [
    ("es", "Vosotros podéis leer todas las páginas."), ("es", "Os lo explicamos aquí."),
    ("es", "En el ordenador, pulsa Shift."), ("es", "Guarda la página en el móvil."),
    ("fr", "Imprimez les tracts."), ("fr", "Distribuez des flyers."),
])
def test_the_variety_rules_catch_the_other_variety(locale, text):
    assert broken_rules(locale, text)


@pytest.mark.parametrize("locale, text", [
    ("es", "Ustedes pueden leer todas las páginas en la computadora o el teléfono."),
    ("es", "Usa un poco de datos móviles."), ("fr", "Imprimez les fiches."),
    ("bg", "Без интернет браузърът може да запази свое копие."),
])
def test_the_variety_rules_let_the_chosen_variety_through(locale, text):
    assert not broken_rules(locale, text)


# --- the one check ---------------------------------------------------------------------------

@pytest.mark.parametrize("locale", LOCALES)
def test_pages_and_strings_follow_the_language_rules(locale):
    """Exactly what `smittevern check` runs, per locale."""
    problems = locale_rules.problems([locale])
    assert not problems, "\n".join(problems)


def test_the_check_reports_each_rule_with_file_and_line(tmp_path):
    (tmp_path / "nb").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "nb" / "page.md").write_text("# Side\n\nHei.\n", encoding="utf-8")
    (tmp_path / "fr" / "page.md").write_text("# Page\n\nTu peux lire les tracts.\n\nVraiment?\n", encoding="utf-8")
    problems = locale_rules.problems(["fr"], docs=tmp_path)
    assert any(line.endswith("page.md:3: fr addresses the reader with «vous»: «Tu»") for line in problems), problems
    assert any("page.md:3: fr calls the flyers «fiches»: «tracts»" in line for line in problems), problems
    assert any("page.md:5: typography (fr): «Vraiment?» is shown as «Vraiment\u00a0?»" in line
               for line in problems), problems


def test_the_editors_check_runs_the_same_rules(tmp_path, monkeypatch):
    from scripts import i18n
    calls = []
    monkeypatch.setattr(locale_rules, "problems", lambda locales, docs: calls.append(locales) or ["a problem"])
    assert "a problem" in i18n.check(["fr"])
    assert calls == [["fr"]]
