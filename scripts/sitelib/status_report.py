"""What the status page shows editors: per page, which languages are up to date,
how each translation was made and whether a native speaker checked it (provenance.py),
and for stale ones what changed in the Norwegian text since they were stamped."""
import difflib
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import freshness, provenance
from .locales import DOCS, NATIVE_NAMES, SOURCE_LOCALE, TRANSLATIONS, english_name, locale_prefix
from .markdown_source import split_front_matter
from .source_dates import last_changed

TOKEN = re.compile(r"\s+|[^\s]+")


def page_url(locale: str, page: str) -> str:
    """Site-relative URL of a page: ('th', 'covid-19.md') -> 'th/covid-19/'."""
    return locale_prefix(locale) + ("" if page == "index.md" else page[:-len(".md")] + "/")


def _meta(path: Path) -> dict[str, Any]:
    return split_front_matter(path.read_text(encoding="utf-8"), path)[0]


def _date(path: Path) -> str | None:
    """ISO date a file last changed: git, else its `reviewed` date."""
    when = last_changed(path)
    return when.date().isoformat() if when else str(_meta(path).get("reviewed") or "") or None


def language(locale: str) -> dict[str, str]:
    """{code, english, native}: 'Thai' and 'ไทย'."""
    return {"code": locale, "english": english_name(locale), "native": NATIVE_NAMES[locale]}


def word_diff(old: str, new: str) -> list[list[tuple[str, str]]]:
    """The changed lines of `new` against `old`, each a list of (op, text) with op
    'equal', 'insert' or 'delete', words marked inside a changed line."""
    rows: list[list[tuple[str, str]]] = []
    old_lines, new_lines = old.split("\n"), new.split("\n")
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        before, after = old_lines[a1:a2], new_lines[b1:b2]
        for index in range(max(len(before), len(after))):
            was = before[index] if index < len(before) else None
            now = after[index] if index < len(after) else None
            if was is None:
                rows.append([("insert", now)])  # type: ignore[list-item]  # one of was and now is a line
            elif now is None:
                rows.append([("delete", was)])
            else:
                rows.append(_words(was, now))
    return [row for row in rows if any(text.strip() for _, text in row)]


def _words(old: str, new: str) -> list[tuple[str, str]]:
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    row: list[tuple[str, str]] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            row.append(("equal", "".join(a[a1:a2])))
        else:
            if a2 > a1:
                row.append(("delete", "".join(a[a1:a2])))
            if b2 > b1:
                row.append(("insert", "".join(b[b1:b2])))
    return row


def build(docs: Path = DOCS, store: Path = freshness.STORE, locales: Iterable[str] = TRANSLATIONS) -> dict[str, Any]:
    """{summary: [...], pages: [...]}: see components/translation-status/README.md."""
    provenance_store = provenance.store_for(docs)
    counts: dict[str, Counter[str]] = {locale: Counter() for locale in locales}
    pages: list[dict[str, Any]] = []
    for page in freshness.source_pages(docs):
        source_path = docs / SOURCE_LOCALE / page
        source_headings = freshness.section_headings(source_path)
        current = freshness.current_sections(page, docs)
        history = freshness.History.load(page, store)
        entry: dict[str, Any] = {
            "page": page,
            "id": page[:-len(".md")],
            "title": freshness.plain_heading(str(_meta(source_path).get("title") or page)),
            "url": page_url(SOURCE_LOCALE, page),
            "date": _date(source_path),
            "translations": [],
            "changes": [],
        }
        changes: dict[tuple[str, str | None], dict[str, Any]] = {}
        for locale in locales:
            path = docs / locale / page
            status = freshness.page_status(page, locale, docs)
            counts[locale][status] += 1
            made = provenance.page_summary(provenance.sections_made(page, locale, current, provenance_store)) \
                if path.exists() else None
            item: dict[str, Any] = dict(language(locale), status=status, url=page_url(locale, page), sections=[],
                        title=freshness.plain_heading(str(_meta(path).get("title") or "")) if path.exists() else None,
                        date=_date(path) if path.exists() else None, made=made)
            if status == freshness.STALE:
                recorded = freshness.recorded_versions(path)
                for key in freshness.stale_sections(page, locale, docs):
                    item["sections"].append({"id": key, "name": source_headings.get(key, key), "intro": key == "_intro"})
                    change = changes.setdefault((key, recorded.get(key)), {
                        "section": key, "intro": key == "_intro", "name": source_headings.get(key, key),
                        "version": recorded.get(key), "locales": [], "diff": None,
                    })
                    change["locales"].append(language(locale))
            entry["translations"].append(item)
        for (key, version), change in changes.items():
            old = history.texts.get(version) if version else None
            change["diff"] = word_diff(old, current[key]) if old is not None else None
            change["new"] = current[key] if old is None else None
            entry["changes"].append(change)
        pages.append(entry)
    summary = [dict(language(locale), **{state: counts[locale][state] for state in
                                          (freshness.TRANSLATED, freshness.STALE, freshness.MISSING)})
               for locale in locales]
    return {"summary": summary, "pages": pages}
