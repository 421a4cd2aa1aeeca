"""Plain-language lint for the Norwegian source, and a phone-number guard for every page.

- a sentence of more than 25 words fails;
- the wording the organisation asks people to avoid fails, except quoted «…»
  as an example of what not to say (the drug-service tips do exactly that);
- a phone number that is neither in the contact data nor a public national
  number fails.
"""
import re

from .markdown_source import split_front_matter

MAX_WORDS = 25
FORBIDDEN = re.compile(r"\bprostitu\w*|\bselger\s+[sd]eg\b|\bselger\s+kroppen\b", re.I)
QUOTED = re.compile(r"«[^»]*»")
# Public national numbers: out-of-hours doctor, ambulance, police, fire.
NATIONAL_NUMBERS = {"116117", "113", "112", "110"}
PHONE_LIKE = re.compile(r"(?<![\w#])\+?\d[\d \u00a0-]{3,}\d(?![\w])")
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")
SKIP_LINE = re.compile(r"^\s*(<!--.*-->|!!!|```|\{.*\}\s*$)")


def body_lines(text, path):
    """Yield (line number, text) after the front matter."""
    _, _, start = split_front_matter(text, path)
    for number, line in enumerate(text.splitlines()[start:], start + 1):
        yield number, line


def clean(line):
    line = re.sub(r"\{\s*#[\w-]+\s*\}", "", line)
    line = re.sub(r":[a-z]+-[a-z0-9-]+:", "", line)
    line = re.sub(r"\]\([^)]*\)", "]", line)
    return re.sub(r"^\s*(#+|[-*]|\d+\.)\s+", "", line).strip()


def long_sentences(text, path):
    problems = []
    for number, line in body_lines(text, path):
        if SKIP_LINE.match(line):
            continue
        for sentence in SENTENCE_END.split(clean(line)):
            words = sentence.split()
            if len(words) > MAX_WORDS:
                problems.append(f"{path}:{number}: sentence of {len(words)} words (max {MAX_WORDS}): {sentence[:60]!r}…")
    return problems


def avoided_wording(text, path):
    problems = []
    for number, line in body_lines(text, path):
        for match in FORBIDDEN.finditer(QUOTED.sub("", line)):
            problems.append(f"{path}:{number}: avoid the wording {match.group(0)!r}; write 'personer som selger eller bytter sex'")
    return problems


def digits(value):
    return re.sub(r"\D", "", str(value))


def unknown_phone_numbers(text, path, allowed=()):
    allowed = NATIONAL_NUMBERS | {digits(value) for value in allowed if digits(value)}
    problems = []
    for number, line in body_lines(text, path):
        for match in PHONE_LIKE.finditer(line):
            found = digits(match.group(0))
            looks_like_phone = len(found) >= 5 or match.group(0).startswith("+")
            if looks_like_phone and found not in allowed:
                problems.append(f"{path}:{number}: phone number {match.group(0).strip()!r} is not in the contact data (mkdocs.yml extra.contact) or a public national number")
    return problems


def lint_source(text, path, allowed_numbers=()):
    """All checks for a Norwegian source page."""
    return long_sentences(text, path) + avoided_wording(text, path) + unknown_phone_numbers(text, path, allowed_numbers)
