"""The glossary: key terms and how each language writes them (translations/glossary.yml).

A translated sentence whose Norwegian source holds a glossary term must hold the
locale's rendering of it. Sentences are paired by segment id (segments.py), so
the check reads the same units a translator sees in the XLIFF file.
"""
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .locales import DOCS, LOCALES, ROOT, SOURCE_LOCALE
from .segments import parse
from .source_errors import SourceError
from .ui_strings import load_yaml

GLOSSARY = ROOT / "translations" / "glossary.yml"


@dataclass(frozen=True)
class Term:
    name: str
    note: str
    source: re.Pattern[str]           # the Norwegian forms
    renderings: dict[str, tuple[str, re.Pattern[str]]]  # locale -> (text to use, pattern of its forms)


def _line(path: str | Path, key: str) -> int | None:
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(f"{key}:"):
            return number
    return None


def _compile(path: str | Path, key: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.I)
    except re.error as error:
        raise SourceError(path, _line(path, key), f"'{key}': bad regular expression {pattern!r}: {error}") from None


@functools.lru_cache(maxsize=4)
def load(path: str | Path = GLOSSARY, locales: tuple[str, ...] = tuple(LOCALES)) -> list[Term]:
    """[Term, …]; every term needs `nb` and a rendering for every translation locale."""
    terms: list[Term] = []
    for name, entry in load_yaml(path).items():
        name = str(name)
        if not isinstance(entry, dict) or not entry.get(SOURCE_LOCALE):
            raise SourceError(path, _line(path, name), f"'{name}' needs '{SOURCE_LOCALE}:', a pattern for the Norwegian forms")
        renderings: dict[str, tuple[str, re.Pattern[str]]] = {}
        for locale in locales:
            if locale == SOURCE_LOCALE:
                continue
            value = entry.get(locale)
            if isinstance(value, dict) and value.get("use"):
                use, pattern = str(value["use"]), str(value.get("match") or re.escape(str(value["use"])))
            elif value:
                use, pattern = str(value), re.escape(str(value))
            else:
                raise SourceError(path, _line(path, name), f"'{name}' has no rendering for '{locale}'")
            renderings[locale] = (use, _compile(path, name, pattern))
        terms.append(Term(name, str(entry.get("note", "")), _compile(path, name, str(entry[SOURCE_LOCALE])), renderings))
    return terms


def check_page(source_path: Path, translation_path: Path, locale: str, terms: Sequence[Term]) -> list[str]:
    """Problems with glossary terms in one translated page, each naming file and line."""
    source = {segment.id: segment for segment in parse(source_path.read_text(encoding="utf-8"), source_path).segments}
    translation = parse(translation_path.read_text(encoding="utf-8"), translation_path).segments
    problems = []
    for segment in translation:
        original = source.get(segment.id)
        if original is None or original.kind != segment.kind:
            continue  # the structure check reports pages that do not line up
        for term in terms:
            use, pattern = term.renderings[locale]
            if term.source.search(original.text) and not pattern.search(segment.text):
                problems.append(
                    f"{translation_path}:{segment.line}: glossary: '{term.name}' is «{use}» in {locale}, "
                    f"and this sentence does not use it ({source_path}:{original.line}; "
                    f"translations/glossary.yml)"
                )
    return problems


def check_locale(locale: str, docs: Path = DOCS, path: str | Path = GLOSSARY) -> list[str]:
    """Glossary problems in every translated page of a locale."""
    terms = load(path)
    problems = []
    for source_path in sorted((docs / SOURCE_LOCALE).glob("*.md")):
        translation_path = docs / locale / source_path.name
        if translation_path.exists():
            problems += check_page(_shown(source_path, docs), _shown(translation_path, docs), locale, terms)
    return problems


def _shown(path: Path, docs: Path) -> Path:
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path
