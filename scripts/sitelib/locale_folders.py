"""docs/<locale>/ folders must be locales the config knows.

static-i18n publishes a folder it does not know as if it were Norwegian pages
(docs/xx/help.md becomes /xx/help/ in Norwegian), so a typo in a folder name
would silently put a second, stale copy of the site online.
"""
import re
from pathlib import Path

from .source_errors import SourceError

LOCALE_LIKE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$")


def check_locale_folders(docs_dir, locales, display_root=None):
    """Fail on a docs/ sub-folder that holds Markdown or looks like a locale code
    but is not configured; and on Markdown lying directly in docs/."""
    docs_dir = Path(docs_dir)

    def shown(path):
        try:
            return path.relative_to(display_root) if display_root else path
        except ValueError:
            return path

    known = ", ".join(locales)
    for path in sorted(docs_dir.glob("*.md")):
        raise SourceError(shown(path), None, f"pages belong in a locale folder (docs/<locale>/), one of: {known}")
    for folder in sorted(p for p in docs_dir.iterdir() if p.is_dir()):
        if folder.name in locales:
            continue
        pages = sorted(folder.rglob("*.md"))
        if pages or LOCALE_LIKE.match(folder.name):
            where = shown(pages[0]) if pages else f"{shown(folder)}/"
            raise SourceError(where, 1 if pages else None,
                              f"folder '{folder.name}' is not a locale in mkdocs.yml (plugins: i18n: languages); "
                              f"known locales: {known}. Rename the folder or add the locale to mkdocs.yml")
