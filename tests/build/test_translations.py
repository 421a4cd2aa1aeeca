"""Every page in every language, with the source's structure, in the right language."""
import pytest

from scripts.sitelib.freshness import MISSING, STALE, format_table, source_pages, status_table
from scripts.sitelib.langid import wrong_language_blocks
from scripts.sitelib.locales import DOCS, LOCALES, ROOT, SOURCE_LOCALE, TRANSLATIONS
from scripts.sitelib.outline import compare


def test_no_page_is_missing_a_translation():
    table = status_table()
    missing = [f"docs/{locale}/{page}" for page, row in table.items() for locale, state in row.items() if state == MISSING]
    assert not missing, "missing translations:\n" + "\n".join(missing) + "\n\n" + format_table(table)


def test_no_translation_is_behind_its_source():
    """A change to a Norwegian page updates its translations in the same change. (Readers
    of a stale page would see a notice; this project keeps every language current.)"""
    stale = [f"docs/{locale}/{page}" for page, row in status_table().items() for locale, state in row.items() if state == STALE]
    assert not stale, ("translations behind their Norwegian source: update them, check them with "
                       "`smittevern check`, then record it with `smittevern stamp <locale>`:\n" + "\n".join(stale))


def test_no_translation_folder_holds_a_page_the_source_lacks():
    extra = [str(path.relative_to(ROOT)) for locale in TRANSLATIONS for path in (DOCS / locale).glob("*.md")
             if not (DOCS / SOURCE_LOCALE / path.name).exists()]
    assert not extra, extra


@pytest.mark.parametrize("locale", TRANSLATIONS)
def test_structure_matches_source(locale):
    problems = []
    for page in source_pages():
        translation = DOCS / locale / page
        if translation.exists():
            problems += compare((DOCS / SOURCE_LOCALE / page).relative_to(ROOT), translation.relative_to(ROOT))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_block_is_in_the_page_language(locale):
    problems = []
    for path in sorted((DOCS / locale).glob("*.md")):
        problems += wrong_language_blocks(path.relative_to(ROOT), locale)
    assert not problems, "\n".join(problems)
