"""Language identification: every longer block of a page must be in the page's language.

Catches the source text left in place, or a file in the wrong folder (a
Bulgarian page in docs/ru/). lingua works offline; each locale's language is the
lingua language of its ISO 639-1 code.
"""
import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .locales import LOCALES, SOURCE_LOCALE, script
from .markdown_source import read_page
from .outline import HEADING_ID, ICON, MARKER

if TYPE_CHECKING:
    from lingua import LanguageDetector


def lingua_name(locale: str) -> str:
    """lingua's name for a locale's language: 'nb' -> 'BOKMAL', 'zh' -> 'CHINESE'."""
    from lingua import IsoCode639_1, Language
    return Language.from_iso_code_639_1(getattr(IsoCode639_1, locale.upper())).name


# Near neighbours, so that a wrong verdict has somewhere to go.
NEIGHBOURS = ["DANISH", "NYNORSK", "SWEDISH", "MACEDONIAN", "UKRAINIAN", "ITALIAN", "CATALAN"]
# Scripts without spaces pack a sentence into fewer letters.
MIN_LETTERS = {"Thai": 10, "Hans": 10, "Hant": 10, "Jpan": 10}
DEFAULT_MIN_LETTERS = 30
# On the Norwegian source, a short block may read as Danish or Nynorsk.
SOURCE_TOLERATED = {"DANISH", "NYNORSK"}
SHORT_BLOCK = 80
# Norwegian names keep their form in every language; they are no evidence of language.
PROPER_NAMES = re.compile(
    r"Pro Sentret|Kirkens Bymisjon|PION|Folkehelseinstituttet|Helsedirektoratet|FHI|"
    r"helsenorge\.no|Helsesenter for papirløse migranter|legevakt(?:en)?|Ute av syne, ute av sinn|KORUS|SYSVAK",
    re.I,
)


@functools.lru_cache(maxsize=1)
def detector() -> "LanguageDetector":
    from lingua import Language, LanguageDetectorBuilder
    names = [lingua_name(locale) for locale in LOCALES] + NEIGHBOURS
    return LanguageDetectorBuilder.from_languages(*(getattr(Language, name) for name in names)).build()


def plain_text(inline: str) -> str:
    """Inline Markdown to plain words: no icons, link targets, heading IDs or code."""
    text = PROPER_NAMES.sub(" ", ICON.sub(" ", HEADING_ID.sub("", inline)))
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"`[^`]*`|https?://\S+|[*_\[\]#>]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def blocks(path: str | Path) -> Iterator[tuple[int, str]]:
    """Yield (line, text) for each paragraph and list item of a page."""
    _, tokens = read_page(path)
    for index, token in enumerate(tokens):
        if token.type == "inline" and tokens[index - 1].type == "paragraph_open":
            yield token.map[0] + 1, plain_text(token.content)  # type: ignore[index]  # block tokens have a map


def letters(text: str) -> int:
    return sum(1 for char in text if char.isalpha())


def detect(text: str) -> str | None:
    language = detector().detect_language_of(text)
    return language.name if language else None


def wrong_language_blocks(path: str | Path, locale: str) -> list[str]:
    """Return 'file:line: …' problems for blocks not detected as the locale's language."""
    expected = lingua_name(locale)
    minimum = MIN_LETTERS.get(script(locale), DEFAULT_MIN_LETTERS)
    problems = []
    for line, text in blocks(path):
        count = letters(text)
        if count < minimum or MARKER.fullmatch(text):
            continue
        verdict = detect(text)
        if verdict == expected:
            continue
        if locale == SOURCE_LOCALE and verdict in SOURCE_TOLERATED and count < SHORT_BLOCK:
            continue
        problems.append(f"{path}:{line}: reads as {verdict}, expected {expected}: {text[:70]!r}")
    return problems
