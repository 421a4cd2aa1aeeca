"""No empty promises: drop a `##` section whose data (extra.contact, extra.licence)
is empty from the Markdown, before anything is rendered or derived from it."""
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.sitelib.data_sections import without_empty_sections


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    markdown, _dropped = without_empty_sections(markdown, config.extra)
    return markdown
