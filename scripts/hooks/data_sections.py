"""No empty promises: drop a `##` section whose data (extra.contact, extra.licence)
is empty from the Markdown, before anything is rendered or derived from it."""
import _root  # noqa: F401
from scripts.sitelib.data_sections import without_empty_sections


def on_page_markdown(markdown, page, config, files):
    markdown, dropped = without_empty_sections(markdown, config.extra)
    page.dropped_sections = tuple(dropped)  # flyers skip these listed sections
    return markdown
