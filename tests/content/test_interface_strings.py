"""Interface strings and pages keep one formality per locale, and the status
page's legend uses the words the status list shows."""
import re

import pytest

from scripts.sitelib.locales import DOCS, LOCALES
from scripts.sitelib import locale_rules
from scripts.sitelib.formality import RULES, broken_rules
from scripts.sitelib.segments import parse
from scripts.sitelib.ui_strings import load_strings

STRINGS = load_strings()


@pytest.mark.parametrize("locale", sorted(RULES))
def test_interface_strings_keep_the_locale_formality(locale):
    """The rule `smittevern check` applies (scripts/sitelib/locale_rules.py)."""
    problems = locale_rules.formality_problems(locale, docs=None, strings=STRINGS[locale])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("locale", sorted(RULES))
def test_pages_keep_the_locale_formality(locale):
    problems = locale_rules.formality_problems(locale)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("locale, text", [
    ("pt", "Ou carrega em Shift três vezes."),
    ("pt", "O teu telemóvel não tem internet neste momento."),
    ("pt", "A guardar a página 1 de 3…"),
    ("bg", "Или натисни Shift три пъти."),
    ("bg", "Сега можеш да четеш всички страници."),
    ("fr", "Tu peux lire toutes les pages."),
    ("ru", "Ты можешь прочитать все страницы."),
    ("es", "Usted puede leer todas las páginas."),
    ("zh", "您可以阅读所有页面。"),
])
def test_the_rules_catch_the_other_formality(locale, text):
    assert broken_rules(locale, text)


def test_quoted_phrases_keep_their_own_formality():
    assert not broken_rules("fr", "Évitez les expressions comme « tu te vends » et « tu vends ton corps ».")
    assert not broken_rules("ru", "Избегайте выражений вроде «ты продаёшь себя».")


@pytest.mark.parametrize("locale", LOCALES)
def test_status_legend_uses_the_status_words(locale):
    """The legend on status.md names each state with the word the page shows for it."""
    page = parse((DOCS / locale / "status.md").read_text(encoding="utf-8"))
    items = [segment.text for segment in page.sections()["legend"] if segment.kind == "item"]
    words = [STRINGS[locale][f"status_{state}"] for state in ("translated", "stale", "missing")]
    assert len(items) == 3
    for item, word in zip(items, words):
        first = re.sub(r"^[«“„\"]", "", item)
        assert first.lower().startswith(word.lower()), f"{locale}: legend «{item}» does not start with «{word}»"

