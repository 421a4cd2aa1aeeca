"""Small text transforms used by templates."""
import re

ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def without_alternate_links(html):
    """Drop Material's <link rel=alternate hreflang> tags (they trigger sitemap fetches)."""
    return ALTERNATE_LINK.sub("", str(html))
