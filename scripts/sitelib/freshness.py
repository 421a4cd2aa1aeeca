"""Which version of its source a translation was made from, and the status table.

A translation records `source_hash:` in its front matter: the first 12 hex
digits of the SHA-256 of the Norwegian source file it was translated from.
When the source changes, the hash no longer matches and the page is stale.
"""
import hashlib
import re
import subprocess

from .locales import DOCS, ROOT, SOURCE_LOCALE, TRANSLATIONS
from .markdown_source import split_front_matter

TRANSLATED, STALE, MISSING = "translated", "stale", "missing"


def source_hash(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def source_pages(docs=DOCS):
    return sorted(path.name for path in (docs / SOURCE_LOCALE).glob("*.md"))


def page_status(page, locale, docs=DOCS):
    translation = docs / locale / page
    if not translation.exists():
        return MISSING
    meta, _, _ = split_front_matter(translation.read_text(encoding="utf-8"), translation)
    return TRANSLATED if str(meta.get("source_hash")) == source_hash(docs / SOURCE_LOCALE / page) else STALE


def status_table(docs=DOCS, locales=TRANSLATIONS):
    """{page: {locale: status}} for every source page and translation locale."""
    return {page: {locale: page_status(page, locale, docs) for locale in locales} for page in source_pages(docs)}


def format_table(table, locales=TRANSLATIONS):
    width = max(len(page) for page in table) if table else 4
    lines = [f"{'page':<{width}}  " + "  ".join(f"{locale:<10}" for locale in locales)]
    for page, row in table.items():
        lines.append(f"{page:<{width}}  " + "  ".join(f"{row[locale]:<10}" for locale in locales))
    return "\n".join(lines)


def stamp(translation, docs=DOCS):
    """Record the current source hash in a translation's front matter."""
    text = translation.read_text(encoding="utf-8")
    value = source_hash(docs / SOURCE_LOCALE / translation.name)
    if re.search(r"^source_hash:.*$", text, flags=re.M):
        text = re.sub(r"^source_hash:.*$", f'source_hash: "{value}"', text, count=1, flags=re.M)
    else:
        text = text.replace("---\n", f'---\nsource_hash: "{value}"\n', 1) if text.startswith("---\n") else text
    translation.write_text(text, encoding="utf-8")
    return value


def source_updated(page, docs=DOCS):
    """Date (YYYY-MM-DD) the source page last changed: its last commit, else its `reviewed` date."""
    path = docs / SOURCE_LOCALE / page
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", str(path.relative_to(ROOT))],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )
        dirty = subprocess.run(["git", "status", "--porcelain", "--", str(path.relative_to(ROOT))],
                               cwd=ROOT, capture_output=True, text=True).stdout.strip()
        if result.stdout.strip() and not dirty:
            return result.stdout.strip()
    except (OSError, subprocess.CalledProcessError, ValueError):
        pass
    meta, _, _ = split_front_matter(path.read_text(encoding="utf-8"), path)
    return str(meta.get("reviewed", "")) or None
