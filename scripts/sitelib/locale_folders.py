"""docs/ holds locale folders the config knows, and only pages and pictures.

static-i18n publishes a folder it does not know as if it were Norwegian pages
(docs/xx/help.md becomes /xx/help/ in Norwegian), so a typo in a folder name
would silently put a second, stale copy of the site online.
"""
import re
from pathlib import Path

from .source_errors import SourceError

LOCALE_LIKE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$")


def _shown(path, display_root):
    try:
        return path.relative_to(display_root) if display_root else path
    except ValueError:
        return path


def check_locale_folders(docs_dir, locales, display_root=None):
    """Fail on a docs/ sub-folder that holds Markdown or looks like a locale code
    but is not configured; and on Markdown lying directly in docs/."""
    docs_dir = Path(docs_dir)

    def shown(path):
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
PICTURE_TYPES = {".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".ico"}
SVG_DANGER = re.compile(
    r"<\s*(?:script|foreignObject|iframe|object|embed|style|a|animate|set|handler|listener)\b"
    r"|\bon[a-z]+\s*="
    r"|\b(?:xlink:)?href\s*=\s*(?![\"']?#)"
    r"|url\(\s*(?![\"']?#)"
    r"|<!ENTITY|<\?xml-stylesheet",
    re.I)


def check_svg(text, path):
    """An SVG file may draw, but not run script, link, or load anything (it opens as a document)."""
    match = SVG_DANGER.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise SourceError(path, line, f"'{match.group(0).strip()}' is not allowed in an SVG file: pictures may "
                          "draw shapes only (no script, links, styles or pictures from elsewhere)")


def check_file_types(docs_dir, display_root=None):
    """Fail on a file under docs/ that is neither a page nor a picture, and on an unsafe SVG."""
    docs_dir = Path(docs_dir)
    for path in sorted(p for p in docs_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(docs_dir)
        if any(part.startswith(".") for part in relative.parts):
            continue  # MkDocs publishes no dot files
        shown = _shown(path, display_root)
        suffix = path.suffix.lower()
        if suffix in PAGE_TYPES or suffix in PICTURE_TYPES:
            if suffix == ".svg":
                check_svg(path.read_text(encoding="utf-8", errors="replace"), shown)
            continue
        raise SourceError(shown, None, f"'{path.name}' cannot be published from docs/: only pages "
                          f"({', '.join(sorted(PAGE_TYPES))}) and pictures ({', '.join(sorted(PICTURE_TYPES))}) "
                          "may be there. Code and styles belong in overrides/components/")
