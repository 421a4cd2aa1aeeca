"""Sanitize every page's rendered HTML once (scripts/sitelib/sanitizer.py), so the
page, its search entry, its embed views, its flyer and the feed carry only what
the allowlist allows. Also checks what MkDocs itself read (the front matter and
the title) and the editors' `extra:` texts in mkdocs.yml, which templates print."""
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.sitelib.front_matter import check_config_text, check_front_matter, check_title
from scripts.sitelib.markers import marker_components
from scripts.sitelib.sanitizer import sanitize_content
from scripts.sitelib.site_files import page_source
from scripts.sitelib.urls import page_base

_markers = {}


def on_config(config: MkDocsConfig) -> None:
    _markers["names"] = marker_components()
    check_config_text(config.extra, config.config_file_path)


@event_priority(-100)  # last: whatever other hooks add to the content is sanitized too
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    path, source = page_source(page, config), page.file.content_string
    check_front_matter(page.meta, source, path)
    check_title(page.title, source, path)
    return sanitize_content(html, path, source, _markers["names"], base=page_base(page.url))
