"""Interface strings that Material does not provide.

Each component keeps its strings beside its template, in
overrides/components/<name>/strings.yml, shaped as  key: {locale: text}.
A new language may instead bring all of its strings in one file,
overrides/strings/<locale>.yml, shaped as  key: text  (CONTRIBUTING.md: "Add a locale").
Every key needs a text in every locale, from one of the two places, never both.

A text may not contain markup: no <, >, " or character references
(scripts/sitelib/front_matter.py, markup_in_text); the site's templates escape
what they print as well (scripts/sitelib/autoescape.py).

A text is data, never a format string: no str.format(), % or Jinja runs on it.
The only braces it may hold are the placeholders PLACEHOLDERS declares for its
key (`{date}`, `{count}` …), and fill() is the one place where they are
replaced; any other brace fails the build with the file and line.

A text with a count (COUNTS) has one text per CLDR plural category of its locale
(Babel: ro one/few/other, ru one/few/many/other), as a mapping:

    offline_save_note:
      ro:
        one: "Se descarcă {count} pagină. …"
        few: "Se descarcă {count} pagini. …"
        other: "Se descarcă {count} de pagini. …"
      zh: "这会下载 {count} 个页面，…"      # one form only: a plain text

A missing or unknown form fails the build with the file, line, key and locale.
The loaded table holds a plurals.Plural for such a key; fill() chooses the form.

Every text is punctuated for its locale when it is loaded (typography.punctuate:
fr no-break spaces, zh full-width punctuation, th no space before punctuation).
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from . import safe_yaml
from .front_matter import markup_in_text
from .locales import LOCALES, ROOT
from .markdown_source import read_text
from .phone_numbers import allowed_set, config_numbers, unknown_numbers
from .plurals import Plural, Text, categories
from .site_build import once_per_build
from .source_errors import SourceError
from .typography import punctuate

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

Strings = dict[str, Text]             # one locale's interface strings: {key: text}
StringTable = dict[str, Strings]      # {locale: {key: text}}
# Where a text is: its line, or a function that finds it (called only for an error).
Line = int | None | Callable[[], int | None]

OVERRIDES = ROOT / "overrides"

# The placeholders of each interface string, declared by the code that fills them:
# templates call ui_fill("key", name=value) (scripts/smittevern/components/plugin.py), Python
# calls fill(). A key not listed here holds no placeholder at all.
PLACEHOLDERS = {
    "historical_advice": ("date",),             # page-dates, content-dates, flyers
    "stale_notice_one": ("date", "sections"),   # stale-notice
    "stale_notice_many": ("date", "sections"),
    "about_run_by": ("name",),                  # organisation
    "offline_save_note": ("count",),            # offline/save-button.html
    "offline_saving": ("done", "total"),        # filled in the browser: offline.js say()
    "call_label": ("number", "name"),           # phone_links.call_label
    "call_label_plain": ("number",),
    "health_centres_page": ("host",),           # health-centres
    "whatsapp_label": ("name",),                # services
}
FILLED_IN_BROWSER = {"offline_saving"}
# The texts with a count: key -> the placeholder whose number chooses the plural form.
COUNTS = {
    "offline_save_note": "count",
    "offline_saving": "total",                  # offline.js picks the form with Intl.PluralRules
}
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
BRACE = re.compile(r"\{([a-z_]+)\}|[{}]")  # a placeholder, or a brace on its own


def placeholder_problem(text: str, key: str) -> str | None:
    """Why `text` (the interface string `key`) holds a brace it may not, or None."""
    declared = PLACEHOLDERS.get(key, ())
    for match in BRACE.finditer(text):
        if match.group(1) not in declared:
            shown = text[match.start():match.start() + 30]
            allowed = (f"its placeholders are {', '.join('{' + name + '}' for name in declared)}" if declared
                       else "it has no placeholders")
            return (f"has a brace that is not a placeholder of this text, at '{shown}' ({allowed}); "
                    "a text is data, so write it without other braces")
    return None


def fill(text: Text, key: str, values: Mapping[str, Any], escape_with: Callable[[Any], str] = str) -> str:
    """The one place where an interface string becomes text: each placeholder declared
    for `key` is replaced by its value, in one pass (a value is never read again).

    text: a string, or a plurals.Plural (the form is chosen by the value of COUNTS[key]);
    values: {name: value} for exactly the declared placeholders; escape_with:
    markupsafe.escape in templates (the text and the values are escaped, a Markup
    value is kept), str for plain text.
    """
    declared = set(PLACEHOLDERS.get(key, ()))
    if set(values) != declared:
        raise ValueError(f"'{key}' is filled with {sorted(values)}, but declares {sorted(declared)} "
                         "(scripts/sitelib/ui_strings.py PLACEHOLDERS)")
    if isinstance(text, Plural):
        text = text.choose(values[COUNTS[key]])
    parts = PLACEHOLDER.split(text)  # literal, name, literal, name, …
    pieces = [escape_with(values[part] if index % 2 else part) if not index % 2 or part in values
              else escape_with("{" + part + "}") for index, part in enumerate(parts)]
    return Markup("").join(pieces) if escape_with is escape else "".join(pieces)


def load_yaml(path: str | Path) -> Any:
    """Parse a YAML file (safe_yaml: plain data); an error names the file and line."""
    return safe_yaml.load(read_text(path), path) or {}



def _entries(path: Path) -> Iterator[tuple[str, Any, int | None]]:
    """(key, value, line) for each top-level key of a strings file."""
    lines = read_text(path).splitlines()
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise SourceError(path, 1, "must map each key to its texts")
    for key, value in data.items():
        line = next((number for number, text in enumerate(lines, 1) if text.startswith(f"{key}:")), None)
        yield str(key), value, line


def _locale_line(path: Path, key_line: int | None, locale: str) -> int | None:
    """Line of `locale:` inside the entry that starts at key_line, else key_line."""
    lines = read_text(path).splitlines()
    for number in range((key_line or 0) + 1, len(lines) + 1):
        text = lines[number - 1]
        if text and not text[0].isspace():
            break
        if text.strip().startswith(f"{locale}:"):
            return number
    return key_line


def _checked(text: object, path: Path, line: Line, key: str, locale: str, numbers: Sequence[str] = ()) -> str:
    """The text, stripped; a text with markup, or a phone number mkdocs.yml does not
    hold, fails naming its file and line (line: a number, or a function that finds it,
    called only then)."""
    text = str(text).strip()
    problem = markup_in_text(text) or placeholder_problem(text, key)
    if problem:
        raise SourceError(path, line() if callable(line) else line, f"'{key}' in {locale} {problem}")
    for number in unknown_numbers(text, allowed_set(numbers)):
        raise SourceError(path, line() if callable(line) else line, f"'{key}' in {locale} has the phone number "
                          f"'{number.strip()}', which is not one of the numbers in mkdocs.yml "
                          f"({', '.join(numbers) or 'none'})")
    return text


def _text(value: object, path: Path, line: Line, key: str, locale: str, numbers: Sequence[str]) -> Text:
    """One locale's entry of `key`: its text, or a Plural for a key with a count
    (COUNTS), checked and punctuated; a missing or unknown form names file and line."""
    if key not in COUNTS:
        if not isinstance(value, (str, int, float)):
            raise SourceError(path, line() if callable(line) else line,
                              f"'{key}' in {locale} must be a text (it has no count, so no plural forms)")
        return punctuate(_checked(value, path, line, key, locale, numbers), locale)
    needed = categories(locale)
    if isinstance(value, str) and needed == ("other",):
        value = {"other": value}
    if not isinstance(value, dict):
        raise SourceError(path, line() if callable(line) else line,
                          f"'{key}' in {locale} needs a text for each plural form: {', '.join(needed)} "
                          f"(CLDR, through Babel), as a mapping such as  other: \"…\"")
    forms = {str(name): text for name, text in value.items()}
    missing = [name for name in needed if not str(forms.get(name) or "").strip()]
    unknown = [name for name in forms if name not in needed]
    if missing or unknown:
        raise SourceError(path, line() if callable(line) else line,
                          f"'{key}' in {locale} " + "; ".join(
                              ([f"has no text for the plural form(s) {', '.join(missing)}"] if missing else []) +
                              ([f"has plural form(s) {', '.join(unknown)} that {locale} does not use"] if unknown else []))
                          + f" ({locale} uses: {', '.join(needed)}; CLDR, through Babel)")
    return Plural(locale, {name: punctuate(_checked(forms[name], path, line, key, locale, numbers), locale)
                           for name in needed})


def string_files(overrides: str | Path = OVERRIDES) -> list[Path]:
    """Every component's strings.yml (key: {locale: text}), in a stable order."""
    return sorted(Path(overrides).glob("components/*/strings.yml"))


def load_strings(overrides: str | Path = OVERRIDES, locales: Iterable[str] | None = None,
                 numbers: Sequence[str] | None = None) -> StringTable:
    """Return {locale: {key: text}}; every key must have a text in every locale.
    numbers: the phone numbers a text may hold (default: those of mkdocs.yml)."""
    if numbers is None:
        from .site_config import site_extra

        numbers = config_numbers(site_extra())
    overrides = Path(overrides)
    locales = list(locales or LOCALES)
    table: StringTable = {locale: {} for locale in locales}
    defined: dict[str, tuple[Path, int | None]] = {}  # key -> (path, line) of its component strings file
    for path in string_files(overrides):
        for key, texts, line in _entries(path):
            if not isinstance(texts, dict):
                raise SourceError(path, line, f"'{key}' must map each locale to a text")
            if key in defined:
                raise SourceError(path, line, f"'{key}' is defined twice (also in {defined[key][0]})")
            defined[key] = (path, line)
            for locale in locales:
                if texts.get(locale) and str(texts[locale]).strip():
                    table[locale][key] = _text(texts[locale], path,
                                               lambda locale=locale: _locale_line(path, line, locale),  # type: ignore[misc]
                                               key, locale,
                                               numbers)
    for locale in locales:
        path = overrides / "strings" / f"{locale}.yml"
        if not path.is_file():
            continue
        for key, text, line in _entries(path):
            if key not in defined:
                raise SourceError(path, line, f"'{key}' is not a key of any component's strings.yml")
            if key in table[locale]:
                raise SourceError(path, line, f"'{key}' also has a '{locale}' text in {defined[key][0]}: keep one")
            if not (isinstance(text, str) and text.strip()) and not (key in COUNTS and isinstance(text, dict)):
                raise SourceError(path, line, f"'{key}' must be a text")
            table[locale][key] = _text(text, path, line, key, locale, numbers)
    for key, (path, line) in defined.items():
        missing = [locale for locale in locales if key not in table[locale]]
        if missing:
            raise SourceError(path, line, f"'{key}' has no text for: {', '.join(missing)} "
                                          f"(add it here, or to overrides/strings/<locale>.yml)")
    return table


def build_strings(config: MkDocsConfig) -> StringTable:
    """{locale: {key: text}} for the build being run: loaded once per build, from the
    config's overrides and checked against its phone numbers (scripts/sitelib/site_build.py)."""
    return once_per_build("interface strings",
                          lambda: load_strings(config.theme.custom_dir,  # type: ignore[arg-type]  # the site's theme has one
                                               numbers=config_numbers(config.extra)))


def browser_forms(text: Text, key: str) -> str:
    """A text filled in the browser, as the script reads it: a plain text, or for a text
    with a count {"count": placeholder, "forms": {category: text}} as JSON. A plain text
    never starts with '{"' (a brace is only ever a declared placeholder), so a script
    tells the two apart by their first two characters."""
    if not isinstance(text, Plural):
        return text
    return json.dumps({"count": COUNTS[key], "forms": text.forms}, ensure_ascii=False, separators=(",", ":"))
