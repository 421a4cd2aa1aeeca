"""The glossary check: every translation renders key terms the locale's way."""
from pathlib import Path

import pytest

from scripts.sitelib import glossary
from scripts.sitelib.locales import LOCALES, TRANSLATIONS
from scripts.sitelib.source_errors import SourceError

FIXTURE = Path(__file__).parents[1] / "fixtures" / "glossary"


@pytest.mark.parametrize("locale", TRANSLATIONS)
def test_every_translation_uses_the_glossary(locale):
    problems = glossary.check_locale(locale)
    assert not problems, "\n".join(problems)


def test_a_wrong_term_fails_with_file_and_line():
    problems = glossary.check_page(FIXTURE / "nb" / "page.md", FIXTURE / "en" / "page.md", "en", glossary.load())
    assert len(problems) == 2, problems
    assert problems[0].startswith(f"{FIXTURE / 'en' / 'page.md'}:3: glossary: 'selge eller bytte sex' is «sell or exchange sex»")
    assert problems[1].startswith(f"{FIXTURE / 'en' / 'page.md'}:10: glossary: 'tolk' is «interpreter»")


def test_the_norwegian_pattern_tells_the_noun_from_the_verb():
    tolk = next(term for term in glossary.load() if term.name == "tolk")
    assert tolk.source.search("Du kan be om tolk.") and not tolk.source.search("Ikke tolk taushet som en avvisning.")


def test_every_term_has_every_locale():
    for term in glossary.load():
        assert set(term.renderings) == set(LOCALES) - {"nb"}, term.name


def test_a_glossary_without_a_locale_names_the_term(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("tolk:\n  nb: tolk\n  en: interpreter\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"glossary.yml:1: 'tolk' has no rendering for 'es'"):
        glossary.load(path)
