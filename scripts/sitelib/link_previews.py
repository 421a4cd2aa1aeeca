"""Discreet link previews: a shared link must not say what the site is about.

Chat apps build a preview from <meta name="description"> and the Open Graph and
Twitter tags. Every page, embed view and flyer carries one neutral text per
language (`site_description` of each language in mkdocs.yml), never a page's own
front-matter `description` (that one stays a summary for partners' feed).
"""
import re

# Material's base.html writes the page's `description` (or the site's) in its site_meta block.
MATERIAL_DESCRIPTION = re.compile(r'[ \t]*<meta name="description" content="[^"]*">\n?')


def without_description(site_meta):
    """Material's site_meta block without its <meta name="description">; the
    link-preview component writes the neutral one. Fails loudly when Material's
    block no longer has exactly one to remove."""
    html, count = MATERIAL_DESCRIPTION.subn("", str(site_meta))
    if count != 1:
        raise ValueError(f"expected one <meta name=\"description\"> in Material's site_meta block, found {count}: "
                         "check overrides/main.html against Material's base.html")
    return html
