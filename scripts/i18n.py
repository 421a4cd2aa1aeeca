"""The translation checks behind `smittevern status|check|stamp|export|import` (scripts/cli.py),
for editors, translators and CI.

  status [--sections]                  page x language: translated, stale or missing
                                        (--sections: which sections are stale)
  status --provenance                   page x language: how it was made (machine, person,
                                        reviewed: checked by a native speaker; "3/10": parts checked)
  check [LOCALE ...]                    structure and language of every page, provenance, and the
                                        language rules CI runs: glossary, formality and variety,
                                        plural forms, typography (scripts/sitelib/locale_rules.py;
                                        exit 1 on problems)
  stamp LOCALE|FILE ...                 a translation now matches the current Norwegian text
  stamp --section ID LOCALE|FILE ...    only these sections (repeat --section)
  stamp --minor PAGE ...                the Norwegian change since the last stamp needs no new
                                        translation (a typo, punctuation): no notice appears
  export LOCALE ... [--all] [-o DIR]    one XLIFF file per locale for translation tools
                                        (translations/<locale>.xlf)
  import LOCALE|FILE.xlf ...            write the translations in an XLIFF file back to docs/<locale>/
  import --role ROLE [--date YYYY-MM-DD] ...
                                        the same, where the file marks sections `final` (checked by a
                                        native speaker): ROLE says who checked them, as a role, never
                                        a name (native-speaker, translator, health-worker,
                                        outreach-worker); the date defaults to today
"""
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path


from scripts.sitelib import freshness, locale_rules, provenance
from scripts.sitelib.langid import wrong_language_blocks
from scripts.sitelib.locales import DOCS, SOURCE_LOCALE, TRANSLATIONS
from scripts.sitelib.outline import compare
from scripts.sitelib.source_errors import SourceError
from scripts.sitelib.source_guard import check_source


def build_problems(path: Path) -> list[str]:
    """What the build would reject in this page (front matter, markup, headings), as a list."""
    shown = path.relative_to(DOCS.parent) if path.is_relative_to(DOCS.parent) else path
    try:
        check_source(path.read_text(encoding="utf-8-sig"), shown)
    except SourceError as error:
        return [str(error)]
    return []


def check(locales: Sequence[str], docs: Path = DOCS) -> list[str]:
    problems: list[str] = []
    for page in freshness.source_pages(docs):
        source = docs / SOURCE_LOCALE / page
        if SOURCE_LOCALE in locales:
            problems += build_problems(source) + wrong_language_blocks(source, SOURCE_LOCALE)
        for locale in locales:
            translation = docs / locale / page
            if locale == SOURCE_LOCALE or not translation.exists():
                continue
            problems += (build_problems(translation) + compare(source, translation)
                         + wrong_language_blocks(translation, locale))
    problems += provenance.problems(freshness.source_pages(docs), docs)  # translations/stamped/*.provenance.yml
    return problems + locale_rules.problems(locales, docs)


def translation_files(args: Iterable[str]) -> Iterator[Path]:
    for arg in args:
        if arg in TRANSLATIONS:
            yield from sorted((DOCS / arg).glob("*.md"))
        else:
            yield Path(arg)
