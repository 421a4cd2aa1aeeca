"""Which Norwegian text each section of a translation was made from.

A translation records, in its front matter, the version of every section of the
Norwegian source it matches:

    source_sections:
      _intro: "3f9a1c2b"     # title, description and the text above the first ##
      before: "77aa0e14"     # the ## section { #before }

A version is 8 hex digits of the SHA-256 of the section's Norwegian text
(`segments.section_texts`). When one Norwegian section changes, only that
section of each translation is stale. `translations/stamped/<page>.yml` keeps
the Norwegian text of every version a translation still records, so the status
page can show what changed since, on any clone; and `latest`, the source as it
was last stamped, so that `stamp --minor` can carry a small fix over.
"""
from __future__ import annotations

import datetime
import html
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import safe_yaml
from .locales import DOCS, ROOT, SOURCE_LOCALE, TRANSLATIONS
from .markdown_source import FRONT_MATTER_END, split_front_matter
from .segments import INTRO, parse, section_spans, section_texts, short_hash
from .source_dates import lines_changed

TRANSLATED, STALE, MISSING = "translated", "stale", "missing"
STAMP_KEY = "source_sections"
STORE = ROOT / "translations" / "stamped"


def source_pages(docs: Path = DOCS) -> list[str]:
    return sorted(path.name for path in (docs / SOURCE_LOCALE).glob("*.md"))


def current_sections(page: str, docs: Path = DOCS) -> dict[str, str]:
    """{section id: Norwegian text} of a source page, in page order."""
    path = docs / SOURCE_LOCALE / page
    return section_texts(path.read_text(encoding="utf-8"), path)


def recorded_versions(translation: Path) -> dict[str, str]:
    """{section id: version} from a translation's front matter ({} when unstamped)."""
    meta, _, _ = split_front_matter(translation.read_text(encoding="utf-8"), translation)
    value = meta.get(STAMP_KEY)
    return {str(key): str(version) for key, version in value.items()} if isinstance(value, dict) else {}


@dataclass
class History:
    """translations/stamped/<page>.yml: stamped Norwegian texts by version."""
    path: Path
    latest: dict[str, str] = field(default_factory=dict)   # {section id: version}
    texts: dict[str, str] = field(default_factory=dict)    # {version: Norwegian text}

    @classmethod
    def load(cls, page: str, store: str | Path = STORE) -> History:
        path = Path(store) / (Path(page).stem + ".yml")
        if not path.exists():
            return cls(path)
        data = safe_yaml.load(path.read_text(encoding="utf-8"), path) or {}
        return cls(path, {str(k): str(v) for k, v in (data.get("latest") or {}).items()},
                   {str(k): str(v) for k, v in (data.get("texts") or {}).items()})

    def record(self, sections: Mapping[str, str]) -> None:
        """Remember the current Norwegian text of every section; it is now `latest`."""
        self.latest = {key: short_hash(text) for key, text in sections.items()}
        for key, text in sections.items():
            self.texts[short_hash(text)] = text

    def save(self, keep: Iterable[str]) -> None:
        """Write the file, keeping only the texts of `latest` and of the versions in `keep`."""
        wanted = set(self.latest.values()) | set(keep)
        self.texts = {version: text for version, text in sorted(self.texts.items()) if version in wanted}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        header = (f"# The Norwegian text of docs/{SOURCE_LOCALE}/{self.path.stem}.md, section by section, in each\n"
                  "# version a translation was stamped against (smittevern stamp writes this file).\n")
        data = {"latest": {key: _Version(version) for key, version in self.latest.items()},
                "texts": {_Version(version): text for version, text in self.texts.items()}}
        body = yaml.dump(data, Dumper=_BlockDumper,
                         allow_unicode=True, sort_keys=False, width=1000)
        self.path.write_text(header + body, encoding="utf-8")


class _BlockDumper(yaml.SafeDumper):
    pass


class _Version(str):
    """A version written in quotes, so that 12345678 stays text."""


_BlockDumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))
_BlockDumper.add_representer(_Version, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style='"'))


def stale_sections(page: str, locale: str, docs: Path = DOCS) -> list[str]:
    """Section ids whose Norwegian text changed since the translation was stamped, in page order."""
    recorded = recorded_versions(docs / locale / page)
    return [key for key, text in current_sections(page, docs).items() if recorded.get(key) != short_hash(text)]


def page_status(page: str, locale: str, docs: Path = DOCS) -> str:
    if not (docs / locale / page).exists():
        return MISSING
    return STALE if stale_sections(page, locale, docs) else TRANSLATED


def status_table(docs: Path = DOCS, locales: Iterable[str] = TRANSLATIONS) -> dict[str, dict[str, str]]:
    """{page: {locale: status}} for every source page and translation locale."""
    return {page: {locale: page_status(page, locale, docs) for locale in locales} for page in source_pages(docs)}


def format_table(table: Mapping[str, Mapping[str, str]], locales: Iterable[str] = TRANSLATIONS) -> str:
    width = max(len(page) for page in table) if table else 4
    lines = [f"{'page':<{width}}  " + "  ".join(f"{locale:<10}" for locale in locales)]
    for page, row in table.items():
        lines.append(f"{page:<{width}}  " + "  ".join(f"{row[locale]:<10}" for locale in locales))
    return "\n".join(lines)


def write_versions(translation: Path, versions: Mapping[str, str]) -> None:
    """Put {section id: version} into a translation's front matter, as the last key.

    Only the `source_sections:` block (or an old `source_hash:` line) changes; every
    other byte of the file stays as it was.
    """
    text = translation.read_text(encoding="utf-8")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise ValueError(f"{translation}: a translation needs front matter (copy the source's)")
    end = next((n for n in range(1, len(lines)) if FRONT_MATTER_END.match(lines[n])), None)
    if end is None:
        raise ValueError(f"{translation}:1: front matter has no closing '---' line")
    block = [f"{STAMP_KEY}:"] + [f'  {key}: "{version}"' for key, version in versions.items()]
    keep: list[str] = []
    index, position = 1, None
    while index < end:
        line = lines[index]
        if line.startswith((f"{STAMP_KEY}:", "source_hash:")):
            position = len(keep) if line.startswith(STAMP_KEY) else position
            index += 1
            while index < end and lines[index][:1] in (" ", "\t"):
                index += 1
            continue
        keep.append(line)
        index += 1
    position = len(keep) if position is None else position
    front = keep[:position] + block + keep[position:]
    translation.write_text("\n".join([lines[0]] + front + lines[end:]), encoding="utf-8")


def _store_history(page: str, docs: Path, store: str | Path) -> History:
    """Record the current source in the page's history and prune what no translation needs."""
    history = History.load(page, store)
    history.record(current_sections(page, docs))
    keep: set[str] = set()
    for locale_dir in docs.iterdir():
        translation = locale_dir / page
        if locale_dir.name != SOURCE_LOCALE and translation.is_file():
            keep |= set(recorded_versions(translation).values())
    history.save(keep)
    return history


def stamp(translation: str | Path, docs: Path = DOCS, store: str | Path = STORE,
          sections: Iterable[str] | None = None) -> dict[str, str]:
    """Record that a translation matches the current source: every section, or only `sections`."""
    translation = Path(translation)
    current = {key: short_hash(text) for key, text in current_sections(translation.name, docs).items()}
    versions = recorded_versions(translation)
    chosen = current if sections is None else {key: current[key] for key in sections if key in current}
    merged = {key: chosen.get(key, versions.get(key, "")) for key in current}
    write_versions(translation, {key: version for key, version in merged.items() if version})
    _store_history(translation.name, docs, store)
    return merged


def stamp_minor(page: str, docs: Path = DOCS, store: str | Path = STORE, locales: Iterable[str] = TRANSLATIONS,
                sections: Collection[str] | None = None) -> dict[str, list[str]]:
    """The Norwegian change since the last stamp needs no new translation.

    Every translated section that matched the Norwegian as last stamped (`latest`)
    now matches the current text. Sections that were already stale stay stale.
    `sections` limits this to some section ids. Returns {locale: [section ids moved]}.
    """
    history = History.load(page, store)
    current = {key: short_hash(text) for key, text in current_sections(page, docs).items()}
    changed = [key for key, version in current.items()
               if history.latest.get(key) and history.latest[key] != version and (sections is None or key in sections)]
    moved: dict[str, list[str]] = {}
    for locale in locales:
        translation = docs / locale / page
        if not translation.exists():
            continue
        versions = recorded_versions(translation)
        keys = [key for key in changed if versions.get(key) == history.latest[key]]
        if keys:
            write_versions(translation, {key: current[key] if key in keys else versions.get(key, "")
                                         for key in current if key in keys or versions.get(key)})
            moved[locale] = keys
    _store_history(page, docs, store)
    return moved


def section_headings(path: Path) -> dict[str, str]:
    """{section id: heading text} of a page, in its own language (`_intro`: its title)."""
    page = parse(path.read_text(encoding="utf-8"), path)
    headings: dict[str, str] = {}
    for segment in page.segments:
        if segment.kind in ("heading", "title"):
            headings.setdefault(segment.section, plain_heading(segment.text))
    return headings


def plain_heading(text: str) -> str:
    """Heading Markdown as plain text: no emphasis marks, link targets or code ticks, and
    character references read as the characters they stand for (`&lt;` is "<", as on the
    page). Plain text: the templates that print it escape it."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return html.unescape(re.sub(r"[*_`]", "", text)).strip()


def section_changed(page: str, key: str, docs: Path = DOCS) -> datetime.datetime | None:
    """When the Norwegian text of a section last changed (a datetime), or None if git cannot say."""
    path = docs / SOURCE_LOCALE / page
    first, last = section_spans(path.read_text(encoding="utf-8")).get(key, (0, -1))
    return lines_changed(path, first, last)


def stale_notice(page: str, locale: str, docs: Path = DOCS) -> dict[str, Any] | None:
    """What a reader of a stale translation is told: the stale sections, named in the
    translation's language, and the date of the newest change; None when up to date."""
    stale = stale_sections(page, locale, docs)
    if not stale:
        return None
    names = section_headings(docs / locale / page)
    source_names = section_headings(docs / SOURCE_LOCALE / page)
    dates = [when for when in (section_changed(page, key, docs) for key in stale) if when]
    date: str | None
    if dates:
        date = max(dates).date().isoformat()
    else:
        meta, _, _ = split_front_matter((docs / SOURCE_LOCALE / page).read_text(encoding="utf-8"), page)
        date = str(meta.get("reviewed") or "") or None
    return {
        "sections": [{"id": key, "intro": key == INTRO, "name": names.get(key) or source_names.get(key, key)}
                     for key in stale],
        "date": date,
    }
