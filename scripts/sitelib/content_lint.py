"""Plain-language lint for the Norwegian source, and a phone-number guard for every page.

- a sentence of more than 25 words fails;
- the wording the organisation asks people to avoid fails, except quoted «…»
  as an example of what not to say (the drug-service tips do exactly that);
- a phone number that mkdocs.yml does not hold fails (scripts/sitelib/phone_numbers.py).
"""
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from .markdown_source import split_front_matter
from .phone_numbers import allowed_set, config_numbers, unknown_numbers
from .site_config import site_extra

MAX_WORDS = 25
FORBIDDEN = re.compile(r"\bprostitu\w*|\bselger\s+[sd]eg\b|\bselger\s+kroppen\b", re.I)
QUOTED = re.compile(r"«[^»]*»")
HEADING_ID = re.compile(r"\{[^{}\n]*\}")  # `{ #id }`: not text a reader sees
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")
SKIP_LINE = re.compile(r"^\s*(<!--.*-->|!!!|\{.*\}\s*$)")  # a fence line is a few words: never too long


def body_lines(text: str, path: str | Path) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) after the front matter."""
    _, _, start = split_front_matter(text, path)
    for number, line in enumerate(text.splitlines()[start:], start + 1):
        yield number, line


def clean(line: str) -> str:
    line = re.sub(r"\{\s*#[\w-]+\s*\}", "", line)
    line = re.sub(r":[a-z]+-[a-z0-9-]+:", "", line)
    line = re.sub(r"\]\([^)]*\)", "]", line)
    return re.sub(r"^\s*(#+|[-*]|\d+\.)\s+", "", line).strip()


def long_sentences(text: str, path: str | Path) -> list[str]:
    problems = []
    for number, line in body_lines(text, path):
        if SKIP_LINE.match(line):
            continue
        for sentence in SENTENCE_END.split(clean(line)):
            words = sentence.split()
            if len(words) > MAX_WORDS:
                problems.append(f"{path}:{number}: sentence of {len(words)} words (max {MAX_WORDS}): {sentence[:60]!r}…")
    return problems


def avoided_wording(text: str, path: str | Path) -> list[str]:
    problems = []
    for number, line in body_lines(text, path):
        for match in FORBIDDEN.finditer(QUOTED.sub("", line)):
            problems.append(f"{path}:{number}: avoid the wording {match.group(0)!r}; write 'personer som selger eller bytter sex'")
    return problems


def unknown_phone_numbers(text: str, path: str | Path, allowed: Sequence[str] | None = None) -> list[str]:
    """Phone numbers in the page that mkdocs.yml does not hold (phone_numbers.py:
    one list, one definition of a phone number). allowed: the numbers (default: the config's)."""
    if allowed is None:
        allowed = config_numbers(site_extra())
    allowed_canonical = allowed_set(allowed)
    problems = []
    for number, line in body_lines(text, path):
        for found in unknown_numbers(HEADING_ID.sub("", line), allowed_canonical):
            problems.append(f"{path}:{number}: phone number {found.strip()!r} is not in mkdocs.yml "
                            f"({', '.join(allowed) or 'none'})")
    return problems


def lint_source(text: str, path: str | Path, allowed_numbers: Sequence[str] | None = None) -> list[str]:
    """All checks for a Norwegian source page."""
    return long_sentences(text, path) + avoided_wording(text, path) + unknown_phone_numbers(text, path, allowed_numbers)
