#!/usr/bin/env python3
"""Translation tools for editors and CI.

  python scripts/i18n.py status              page x language table: translated, stale or missing
  python scripts/i18n.py check [LOCALE ...]  structure parity and language check (exit 1 on problems)
  python scripts/i18n.py stamp LOCALE|FILE   record that a translation matches the current source
"""
import sys
from pathlib import Path


from scripts.sitelib.freshness import format_table, source_pages, stamp, status_table
from scripts.sitelib.langid import wrong_language_blocks
from scripts.sitelib.locales import DOCS, LOCALES, SOURCE_LOCALE, TRANSLATIONS
from scripts.sitelib.outline import compare
from scripts.sitelib.source_errors import SourceError
from scripts.sitelib.source_guard import check_source


def build_problems(path):
    """What the build would reject in this page (front matter, markup, headings), as a list."""
    shown = path.relative_to(DOCS.parent) if path.is_relative_to(DOCS.parent) else path
    try:
        check_source(path.read_text(encoding="utf-8-sig"), shown)
    except SourceError as error:
        return [str(error)]
    return []


def check(locales):
    problems = []
    for page in source_pages():
        source = DOCS / SOURCE_LOCALE / page
        if SOURCE_LOCALE in locales:
            problems += build_problems(source) + wrong_language_blocks(source, SOURCE_LOCALE)
        for locale in locales:
            translation = DOCS / locale / page
            if locale == SOURCE_LOCALE or not translation.exists():
                continue
            problems += (build_problems(translation) + compare(source, translation)
                         + wrong_language_blocks(translation, locale))
    return problems


def main(argv):
    command, args = (argv[0], argv[1:]) if argv else ("help", [])
    if command == "status":
        print(format_table(status_table()))
        return 0
    if command == "check":
        problems = check(args or LOCALES)
        print("\n".join(problems) or "No problems.")
        return 1 if problems else 0
    if command == "stamp" and args:
        for arg in args:
            files = sorted((DOCS / arg).glob("*.md")) if arg in TRANSLATIONS else [Path(arg)]
            for path in files:
                print(f"{path}: source_hash {stamp(path)}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
