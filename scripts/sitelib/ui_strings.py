"""Interface strings that Material does not provide.

Each component keeps its strings beside its template, in
overrides/components/<name>/strings.yml, shaped as  key: {locale: text}.
General strings live in overrides/strings.yml.

Templates print the texts unescaped (in text and in attributes such as
aria-label="…"), so a text may not contain markup: no <, >, " or character
references (scripts/sitelib/front_matter.py, markup_in_text).
"""
from pathlib import Path

import yaml

from .front_matter import markup_in_text
from .locales import LOCALES, ROOT
from .source_errors import SourceError

OVERRIDES = ROOT / "overrides"


def string_files(overrides=OVERRIDES):
    files = [overrides / "strings.yml"] if (overrides / "strings.yml").exists() else []
    return files + sorted(overrides.glob("components/*/strings.yml"))


def load_yaml(path):
    """Parse a YAML file; a syntax error names the file and line."""
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise SourceError(path, mark.line + 1 if mark else None, f"broken YAML: {error.problem}")


def _locale_line(lines, key_line, locale):
    """Line of `locale:` inside the entry that starts at key_line, else key_line."""
    for number in range((key_line or 0) + 1, len(lines) + 1):
        text = lines[number - 1]
        if text and not text[0].isspace():
            break
        if text.strip().startswith(f"{locale}:"):
            return number
    return key_line


def load_strings(overrides=OVERRIDES, locales=LOCALES):
    """Return {locale: {key: text}}; every key must exist in every locale."""
    table = {locale: {} for locale in locales}
    for path in string_files(overrides):
        lines = path.read_text(encoding="utf-8").splitlines()
        for key, texts in load_yaml(path).items():
            line = next((n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:")), None)
            if not isinstance(texts, dict):
                raise SourceError(path, line, f"'{key}' must map each locale to a text")
            missing = [locale for locale in locales if not str(texts.get(locale) or "").strip()]
            if missing:
                raise SourceError(path, line, f"'{key}' has no text for: {', '.join(missing)}")
            if key in table[locales[0]]:
                raise SourceError(path, line, f"'{key}' is defined twice")
            for locale in locales:
                text = str(texts[locale]).strip()
                problem = markup_in_text(text)
                if problem:
                    raise SourceError(path, _locale_line(lines, line, locale),
                                      f"'{key}' in {locale} {problem}")
                table[locale][key] = text
    return table
