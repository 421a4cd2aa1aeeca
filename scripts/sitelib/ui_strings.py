"""Interface strings that Material does not provide.

Each component keeps its strings beside its template, in
overrides/components/<name>/strings.yml, shaped as  key: {locale: text}.
General strings live in overrides/strings.yml.
"""
from pathlib import Path

import yaml

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
                table[locale][key] = str(texts[locale]).strip()
    return table
