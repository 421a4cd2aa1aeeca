"""The language rules of the translations, one function each, called by the editors'
check (`smittevern check`, `make check`) and by the tests CI runs
(tests/content/test_locale_rules.py, test_glossary.py, test_interface_strings.py), so
both apply exactly the same rules:

- glossary: key terms the locale's way (glossary.py, translations/glossary.yml);
- formality and variety: how the reader is addressed, which words (formality.py), in
  pages and interface strings;
- plural forms: every text with a count has every form its locale uses (plurals.py,
  ui_strings.load_strings);
- typography: page text punctuated as the reader will see it (typography.py).
Each problem is a line naming the file (and line) and the rule.
"""
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from . import formality, glossary, typography
from .locales import DOCS, SOURCE_LOCALE
from .plurals import Text, texts
from .segments import Segment, parse
from .source_errors import SourceError
from .ui_strings import OVERRIDES, StringTable, load_strings


def _segments(locale: str, docs: str | Path | None) -> Iterator[tuple[Path, Segment]]:
    if docs is None:
        return
    for path in sorted((Path(docs) / locale).glob("*.md")):
        shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
        for segment in parse(path.read_text(encoding="utf-8"), path).segments:
            yield shown, segment


def formality_problems(locale: str, docs: str | Path | None = DOCS,
                       strings: Mapping[str, Text] | None = None) -> list[str]:
    """Words of another formality or variety, in the pages (docs=None: none) and the
    interface strings (a table's locale: {key: text}) of `locale`."""
    found = [f"{path}:{segment.line}: {rule}: «{word}»"
             for path, segment in _segments(locale, docs)
             for word, rule in formality.broken_rules(locale, segment.text)]
    for key, value in (strings or {}).items():
        found += [f"interface string '{key}' ({locale}): {rule}: «{word}»"
                  for text in texts(value) for word, rule in formality.broken_rules(locale, text)]
    return found


def typography_problems(locale: str, docs: str | Path | None = DOCS) -> list[str]:
    """Page text whose punctuation differs from what the reader sees (typography.py)."""
    return [f"{path}:{segment.line}: typography ({locale}): «{written}» is shown as «{shown}»; write it so"
            for path, segment in _segments(locale, docs)
            for written, shown in typography.problems(segment.text, locale)]


def strings_problems(overrides: str | Path = OVERRIDES) -> tuple[list[str], StringTable]:
    """(problems, table): the interface strings as the build loads them; a missing text
    or plural form is the build's own error, naming file, line, key and locale."""
    try:
        return [], load_strings(overrides)
    except SourceError as error:
        return [str(error)], {}


def problems(locales: Iterable[str], docs: Path = DOCS, overrides: str | Path = OVERRIDES) -> list[str]:
    """Every rule above, for `locales`."""
    found, table = strings_problems(overrides)
    for locale in locales:
        if locale != SOURCE_LOCALE:
            found += glossary.check_locale(locale, docs)
        found += formality_problems(locale, docs, table.get(locale))
        found += typography_problems(locale, docs)
    return found
