"""Help in one tap: the known phone numbers in each page's text become tel: links,
in the rendered content, so the page, search, embeds, feed and flyers all get them.

It runs after the sanitizer (scripts/hooks/sanitize_content.py, -100): it only
wraps numbers that mkdocs.yml lists in `<a href="tel:…" aria-label="…">`, named from
digits and the interface strings ("Ring 1 1 3, Ambulanse"), and the sanitizer
(rightly) refuses aria-label from page text."""
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.sitelib.locales import current_locale
from scripts.sitelib.material_coupling import is_outer_build
from scripts.sitelib.phone_links import known_numbers, link_phone_numbers, number_labels
from scripts.sitelib.phone_numbers import audit_tel_links
from scripts.sitelib.ui_strings import build_strings


@event_priority(-110)  # after the sanitizer: these links come from the config, not from page text
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    labels = number_labels(config.extra, build_strings(config)[current_locale(config)])
    return link_phone_numbers(html, known_numbers(config.extra), labels)


@event_priority(-190)  # after every hook that writes pages
def on_post_build(config: MkDocsConfig) -> None:
    if is_outer_build(config):
        audit_tel_links(config.site_dir, known_numbers(config.extra))
