"""Name Material's search dialog in the page's language (axe: aria-dialog-name)."""
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from scripts.sitelib.locales import current_locale
from scripts.sitelib.material_coupling import name_search_dialog
from scripts.sitelib.ui_strings import build_strings


def _label(config):
    return build_strings(config)[current_locale(config)]["search_dialog"]


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return name_search_dialog(output, _label(config))


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":  # the other page templates (offline page) have no search
        return name_search_dialog(output, _label(config))
    return output
