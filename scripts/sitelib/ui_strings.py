"""Interface strings that Material does not provide.

Each component keeps its strings beside its template, in
overrides/components/<name>/strings.yml, shaped as  key: {locale: text}.
A new language may instead bring all of its strings in one file,
overrides/strings/<locale>.yml, shaped as  key: text  (README: "Adding a language").
Every key needs a text in every locale, from one of the two places, never both.

Templates print the texts unescaped (in text and in attributes such as
aria-label="…"), so a text may not contain markup: no <, >, " or character
references (scripts/sitelib/front_matter.py, markup_in_text).
"""
from pathlib import Path

import yaml

from .front_matter import markup_in_text
from .locales import LOCALES, ROOT
from .source_errors import SourceError
from .yaml_safe import safe_load

OVERRIDES = ROOT / "overrides"


def load_yaml(path):
    """Parse a YAML file; a syntax error names the file and line."""
    try:
        return safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise SourceError(path, mark.line + 1 if mark else None, f"broken YAML: {error.problem}")


def _entries(path):
    """(key, value, line) for each top-level key of a strings file."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise SourceError(path, 1, "must map each key to its texts")
    for key, value in data.items():
        line = next((number for number, text in enumerate(lines, 1) if text.startswith(f"{key}:")), None)
        yield str(key), value, line


def _locale_line(path, key_line, locale):
    """Line of `locale:` inside the entry that starts at key_line, else key_line."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for number in range((key_line or 0) + 1, len(lines) + 1):
        text = lines[number - 1]
        if text and not text[0].isspace():
            break
        if text.strip().startswith(f"{locale}:"):
            return number
    return key_line


def _checked(text, path, line, key, locale):
    """The text, stripped; a text with markup fails naming its file and line (line: a
    number, or a function that finds it, called only then)."""
    text = str(text).strip()
    problem = markup_in_text(text)
    if problem:
        raise SourceError(path, line() if callable(line) else line, f"'{key}' in {locale} {problem}")
    return text


def string_files(overrides=OVERRIDES):
    """Every component's strings.yml (key: {locale: text}), in a stable order."""
    return sorted(Path(overrides).glob("components/*/strings.yml"))


def load_strings(overrides=OVERRIDES, locales=None):
    """Return {locale: {key: text}}; every key must have a text in every locale."""
    overrides = Path(overrides)
    locales = list(locales or LOCALES)
    table = {locale: {} for locale in locales}
    defined = {}  # key -> (path, line) of its component strings file
    for path in string_files(overrides):
        for key, texts, line in _entries(path):
            if not isinstance(texts, dict):
                raise SourceError(path, line, f"'{key}' must map each locale to a text")
            if key in defined:
                raise SourceError(path, line, f"'{key}' is defined twice (also in {defined[key][0]})")
            defined[key] = (path, line)
            for locale in locales:
                if str(texts.get(locale) or "").strip():
                    table[locale][key] = _checked(texts[locale], path,
                                                  lambda locale=locale: _locale_line(path, line, locale), key, locale)
    for locale in locales:
        path = overrides / "strings" / f"{locale}.yml"
        if not path.is_file():
            continue
        for key, text, line in _entries(path):
            if key not in defined:
                raise SourceError(path, line, f"'{key}' is not a key of any component's strings.yml")
            if key in table[locale]:
                raise SourceError(path, line, f"'{key}' also has a '{locale}' text in {defined[key][0]}: keep one")
            if not isinstance(text, str) or not text.strip():
                raise SourceError(path, line, f"'{key}' must be a text")
            table[locale][key] = _checked(text, path, line, key, locale)
    for key, (path, line) in defined.items():
        missing = [locale for locale in locales if key not in table[locale]]
        if missing:
            raise SourceError(path, line, f"'{key}' has no text for: {', '.join(missing)} "
                                          f"(add it here, or to overrides/strings/<locale>.yml)")
    return table
