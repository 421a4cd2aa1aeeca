"""The site's languages: one table, read from mkdocs.yml (plugins: i18n: languages).

Everything that depends on the list of languages derives from this table: the
language menu and static-i18n's builds (they read mkdocs.yml themselves), the
pages, search indexes and their word segmenters, the language check, the nginx
locale map, the status table and the tests' parameters and counts. Adding a
language is one block in mkdocs.yml, one docs/<locale>/ folder and its interface
strings (CONTRIBUTING.md: "Add a locale").
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel import Locale
from babel.core import get_global
from mkdocs.utils.yaml import yaml_load

from .material_coupling import building_locale

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
CONFIG_FILE = ROOT / "mkdocs.yml"


@dataclass(frozen=True)
class Language:
    code: str         # 'th': the docs/ folder, the URL prefix and the lang attribute
    name: str         # its own name for itself ('ไทย'), in the language menu
    site_name: str    # the site's name in this language
    default: bool     # the source language (built at the site root)


def load_table(config_file: str | Path = CONFIG_FILE) -> tuple[Language, ...]:
    """The languages of a MkDocs config, in menu order, read with MkDocs' own loader."""
    with open(config_file, "rb") as source:
        config = yaml_load(source)
    plugins = config.get("plugins") or []
    i18n = next((plugin["i18n"] for plugin in plugins if isinstance(plugin, dict) and "i18n" in plugin), None)
    if not i18n or not i18n.get("languages"):
        raise ValueError(f"{config_file}: no 'plugins: i18n: languages' list")
    return languages_table(i18n["languages"], config.get("site_name"), config_file)


def languages_table(languages: Iterable[Mapping[str, Any]], site_name: str | None,
                    config_file: str | Path) -> tuple[Language, ...]:
    """The table of static-i18n's `languages` entries (mappings: the YAML's, or the i18n
    plugin's own validated config in a build), in menu order."""
    table = tuple(Language(str(entry["locale"]), str(entry.get("name") or entry["locale"]),
                           str(entry.get("site_name") or site_name or ""), bool(entry.get("default")))
                  for entry in languages)
    if sum(language.default for language in table) != 1:
        raise ValueError(f"{config_file}: exactly one language must be 'default: true'")
    return table


# Read once per process (scripts, tests); a build takes its own from the i18n plugin's config
# (the site plugin, scripts/smittevern/site/plugin.py).
read_table = functools.cache(load_table)


TABLE: list[Language] = []
LOCALES: list[str] = []          # every locale, in menu order; the source first
TRANSLATIONS: list[str] = []     # every locale but the source
NATIVE_NAMES: dict[str, str] = {}
SOURCE_LOCALE = ""


def use_table(table: Sequence[Language]) -> None:
    """Make `table` this process's languages.

    A build may run with another mkdocs.yml than the repository's (a test's variant,
    a twelfth locale), and the build calls this with its table (the site plugin,
    scripts/smittevern/site/plugin.py). The lists are updated in place, so modules that
    did `from .locales import LOCALES` see the build's languages too.
    """
    global SOURCE_LOCALE
    TABLE[:] = table
    LOCALES[:] = [language.code for language in table]
    SOURCE_LOCALE = next(language.code for language in table if language.default)
    TRANSLATIONS[:] = [code for code in LOCALES if code != SOURCE_LOCALE]
    NATIVE_NAMES.clear()
    NATIVE_NAMES.update((language.code, language.name) for language in table)


use_table(read_table())


def current_locale(config: MkDocsConfig) -> str:
    """The locale that static-i18n is building right now."""
    return building_locale(config, SOURCE_LOCALE)


def locale_prefix(locale: str) -> str:
    """URL path prefix of a locale: '' for the source locale, 'th/' for Thai."""
    return "" if locale == SOURCE_LOCALE else f"{locale}/"


def links_to_each_language(links: Iterable[Mapping[str, str]], path: str, base: str = "") -> list[dict[str, str]]:
    """The language menu's entries ({name, link, lang}), each leading to `path` in its own
    language: base + locale prefix + path (the not-found pages: each home; the offline page: each offline page)."""
    return [dict(link, link=base + locale_prefix(link["lang"]) + path) for link in links]


def english_name(locale: str) -> str:
    """The language's name in English, from Babel's CLDR data: 'bg' -> 'Bulgarian'."""
    return Locale.parse(locale).get_display_name("en").split(" (")[0]  # type: ignore[union-attr]  # CLDR names it


def script(locale: str) -> str:
    """The language's usual script, from CLDR's likely subtags: 'th' -> 'Thai', 'zh' -> 'Hans'."""
    likely = get_global("likely_subtags").get(locale, "")
    parts = likely.split("_")
    return parts[1] if len(parts) > 2 else "Latn"
