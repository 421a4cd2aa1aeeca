"""Write the print kit's pages: a flyer per topic page, pocket cards per locale, and
(once) the cards with every language and the language poster (components/print-kit).
Not under `mkdocs serve` (scripts/sitelib/site_build.py): the flyers page still lists them."""
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.sitelib.locales import SOURCE_LOCALE, current_locale
from scripts.sitelib.material_coupling import is_outer_build
from scripts.sitelib.print_kit import PrintKitIndex, flyer_topics, topic_of, truthy
from scripts.sitelib.site_nav import nav_files
from scripts.sitelib.print_pages import PrintPages, included_component_assets
from scripts.sitelib.site_build import serving
from scripts.sitelib.site_files import write_site_file
from scripts.sitelib.ui_strings import build_strings

_state = {}


def on_config(config: MkDocsConfig) -> None:
    _state["topics"] = flyer_topics(Path(config.docs_dir) / SOURCE_LOCALE, order=list(nav_files(config.nav)))
    _state["pdfs"] = truthy(config.extra.get("flyer_pdfs"))
    _state["preview"] = truthy(config.extra.get("flyer_preview"))
    _state["included"] = included_component_assets()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # A new env per locale build (static-i18n nests them): keep this build's.
    locale = current_locale(config)
    env.globals["site_flyers"] = PrintKitIndex(locale, _state["topics"], _state["pdfs"], files)
    _state["pages"] = PrintPages(env, config, locale, build_strings(config), _state["pdfs"], _state["included"],
                                  preview=_state["preview"])
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    topic = None if serving() else topic_of(page.url, _state["topics"])
    if topic is not None:
        _state["pages"].flyer(page, topic)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    if serving():
        return
    pages = _state["pages"]
    pages.pocket_cards()
    if is_outer_build(config):
        pages.pocket_cards(every_language=True)
        pages.language_posters()
        for path, text in _state["included"].files():
            write_site_file(config.site_dir, path, text)
