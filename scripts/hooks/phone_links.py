"""Help in one tap: the known phone numbers in each page's text become tel: links,
in the rendered content, so the page, search, embeds, feed and flyers all get them."""
from mkdocs.plugins import event_priority

import _root  # noqa: F401
from scripts.sitelib.phone_links import known_numbers, link_phone_numbers


@event_priority(-50)  # after the content is rendered and sanitized: these links come from config
def on_page_content(html, page, config, files):
    return link_phone_numbers(html, known_numbers(config.extra))
