"""Changes to the HTML that Material's header and footer partials render.

Material's header.html and footer.html have no blocks inside them, and overrides/
may only extend blocks, never copy a template. So the few changes the site needs
are made on the rendered HTML, here, and each one fails the build loudly when
Material's markup no longer matches (after an update): nothing is silently skipped.
"""
import re

from markupsafe import escape


class MaterialChanged(RuntimeError):
    """Material's markup no longer has what a patch expects."""


LANGUAGE_MENU = re.compile(
    r'<div class="md-header__option">\s*<div class="md-select">.*?</ul>\s*</div>\s*</div>\s*</div>', re.S)
HEADER_NAME = re.compile(r'(<div class="md-header__topic">\s*<span class="md-ellipsis">)(.*?)(</span>)', re.S)
FOOTER_META = re.compile(r'<div class="md-footer-meta__inner md-grid">')
FIRST_H1_END = re.compile(r"</h1>")


def _replace_once(pattern, html, replacement, what):
    new, count = pattern.subn(replacement, str(html), count=1)
    if count != 1:
        raise MaterialChanged(f"Material's {what} was not found; update scripts/sitelib/material_patches.py")
    return new


def swap_language_menu(header_html, language_html):
    """Put the site's language button and sheet where Material's language menu is."""
    return _replace_once(LANGUAGE_MENU, header_html, lambda _: str(language_html),
                         "language menu (partials/alternate.html, .md-header__option > .md-select)")


def name_in_header(header_html, name):
    """Show `name` (the organisation) as the header's title; empty: keep the site name."""
    if not name:
        return str(header_html)
    return _replace_once(HEADER_NAME, header_html, lambda m: f"{m.group(1)}{escape(name)}{m.group(3)}",
                         "header title (.md-header__topic > .md-ellipsis)")


def into_footer(footer_html, links_html):
    """Put the site's footer links at the start of Material's footer bar."""
    return _replace_once(FOOTER_META, footer_html, lambda m: m.group(0) + str(links_html),
                         "footer bar (.md-footer-meta__inner)")


def after_first_h1(content_html, extra_html):
    """Insert extra_html right after the page's H1 (nothing to insert: unchanged)."""
    if not str(extra_html).strip():
        return str(content_html)
    new, count = FIRST_H1_END.subn(lambda m: m.group(0) + str(extra_html), str(content_html), count=1)
    if count != 1:
        raise MaterialChanged("the page has no <h1> to put the text beside (partials/content.html)")
    return new
