#!/usr/bin/env python3
"""Translation tools for editors, translators and CI.

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
import argparse
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path


from scripts.sitelib import freshness, locale_rules, provenance, xliff_io
from scripts.sitelib.langid import wrong_language_blocks
from scripts.sitelib.locales import DOCS, LOCALES, SOURCE_LOCALE, TRANSLATIONS
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


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="scripts/i18n.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["status", "check", "stamp", "export", "import"])
    parser.add_argument("args", nargs="*")
    parser.add_argument("--minor", action="store_true")
    parser.add_argument("--section", action="append")
    parser.add_argument("--sections", action="store_true")
    parser.add_argument("--provenance", action="store_true")
    parser.add_argument("--all", action="store_true")
    parser.add_argument("-o", "--output", type=Path, default=xliff_io.FOLDER)
    parser.add_argument("--role", choices=provenance.ROLES)
    parser.add_argument("--date")
    options = parser.parse_intermixed_args(argv)
    args = options.args
    try:
        if options.command == "status" and options.provenance:
            print(freshness.format_table(provenance.made_table(freshness.source_pages(), DOCS)))
            return 0
        if options.command == "status":
            table = freshness.status_table()
            print(freshness.format_table(table))
            if options.sections:
                for page, row in table.items():
                    for locale, state in row.items():
                        if state == freshness.STALE:
                            print(f"docs/{locale}/{page}: stale: {', '.join(freshness.stale_sections(page, locale))}")
            return 0
        if options.command == "check":
            problems = check(args or LOCALES)
            print("\n".join(problems) or "No problems.")
            return 1 if problems else 0
        if options.command == "stamp" and options.minor:
            pages = [Path(arg).name if arg.endswith(".md") else f"{arg}.md" for arg in args] or freshness.source_pages()
            for page in pages:
                moved = freshness.stamp_minor(page, sections=options.section)
                for locale, keys in moved.items():
                    print(f"docs/{locale}/{page}: still up to date in {', '.join(keys)}")
                if not moved:
                    print(f"docs/{SOURCE_LOCALE}/{page}: no section changed since the last stamp")
            return 0
        if options.command == "stamp" and args:
            for path in translation_files(args):
                versions = freshness.stamp(path, sections=options.section)
                print(f"{path}: stamped {len(options.section or versions)} section(s)")
            return 0
        if options.command == "export" and (args or options.all):
            for locale in (TRANSLATIONS if options.all else args):
                target = xliff_io.export_locale(locale, options.output)
                print(f"{target}: {xliff_io.summary(target)}")
            return 0
        if options.command == "import" and args:
            reviewer = provenance.review(options.role, options.date) if options.role else None
            for arg in args:
                source = Path(arg) if arg.endswith(".xlf") else options.output / f"{arg}.xlf"
                for line in xliff_io.import_file(source, reviewer=reviewer):
                    print(line)
            return 0
    except (SourceError, xliff_io.ImportProblem, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
