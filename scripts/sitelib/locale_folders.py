"""docs/ holds locale folders the config knows, and only pages and pictures.

static-i18n publishes a folder it does not know as if it were Norwegian pages
(docs/xx/help.md becomes /xx/help/ in Norwegian), so a typo in a folder name
would silently put a second, stale copy of the site online.
"""
import os
import re
from collections.abc import Collection
from pathlib import Path

from .pictures import check_picture
from .source_errors import SourceError
from .urls import PICTURE_SUFFIXES

LOCALE_LIKE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$")


def _shown(path: Path, display_root: str | Path | None) -> Path:
    try:
        return path.relative_to(display_root) if display_root else path
    except ValueError:
        return path


def check_locale_folders(docs_dir: str | Path, locales: Collection[str], display_root: str | Path | None = None) -> None:
    """Fail on a docs/ sub-folder that holds Markdown or looks like a locale code
    but is not configured; and on Markdown lying directly in docs/."""
    docs_dir = Path(docs_dir)

    def shown(path: Path) -> Path:
        return _shown(path, display_root)

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


# What docs/ may publish: pages, and pictures the pages show. Everything else
# (.html, .js, .css, .json, …) would be served as it is, past every check.
PAGE_TYPES = {".md"}
PICTURE_TYPES = set(PICTURE_SUFFIXES)
MAX_PAGE_BYTES = 500 * 1024


def docs_files(docs_dir: str | Path, display_root: str | Path | None = None) -> list[Path]:
    """Every file under docs/ that MkDocs would publish (dot files are not), sorted.
    A symbolic link fails: MkDocs follows it, and would publish whatever it points
    at (a file outside docs/, a folder of the server)."""
    docs_dir = Path(docs_dir)
    found = []
    for folder, folders, files in os.walk(docs_dir):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in sorted(folders) + sorted(files):
            path = Path(folder) / name
            if path.is_symlink():
                raise SourceError(_shown(path, display_root), None, "is a symbolic link; put the file itself "
                                  "in docs/ (a link could publish a file from outside docs/)")
        found += [Path(folder) / name for name in files if not name.startswith(".")]
    return sorted(found)


def check_file_types(docs_dir: str | Path, display_root: str | Path | None = None) -> None:
    """Fail on a file under docs/ that is neither a page nor a picture, a picture that
    is not what the allowlist holds (pictures.py), a page over 500 KB, and a symbolic link."""
    for path in docs_files(docs_dir, display_root):
        shown = _shown(path, display_root)
        suffix = path.suffix.lower()
        if suffix in PAGE_TYPES:
            size = path.stat().st_size
            if size > MAX_PAGE_BYTES:
                raise SourceError(shown, None, f"the page is {size // 1024} KB; at most {MAX_PAGE_BYTES // 1024} KB. "
                                  "Split it into several pages")
            continue
        if suffix in PICTURE_TYPES:
            check_picture(path, shown)
            continue
        raise SourceError(shown, None, f"'{path.name}' cannot be published from docs/: only pages "
                          f"({', '.join(sorted(PAGE_TYPES))}) and pictures ({', '.join(sorted(PICTURE_TYPES))}) "
                          "may be there. Code and styles belong in overrides/components/")
