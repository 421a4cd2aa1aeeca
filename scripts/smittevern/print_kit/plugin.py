"""The print-kit plugin: the print kit's pages.

A flyer per topic page, pocket cards per locale, and (once) the cards with every
language and the language poster (components/print-kit). Not under `mkdocs serve`
(scripts/sitelib/site_build.py): the flyers page still lists them.

Its options (config.py): whether the PDFs are linked (`make flyers`) and whether this
is a stamped preview. The deploy build, PDFs linked and no preview, stops when phones
could not reach its site_url (loopback, private: scripts/sitelib/site_address.py).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.sitelib.locales import SOURCE_LOCALE, current_locale
from scripts.sitelib.material_coupling import is_outer_build
from scripts.sitelib.print_kit import PrintKitIndex, flyer_topics, topic_of
from scripts.sitelib.print_pages import PrintPages, included_component_assets
from scripts.sitelib.site_address import deploy_address_error
from scripts.sitelib.site_build import serving
from scripts.sitelib.site_files import write_site_file
from scripts.sitelib.site_nav import nav_files

from ..components.plugin import strings
from .config import PrintKitConfig


class PrintKitPlugin(BasePlugin[PrintKitConfig]):

    def __init__(self) -> None:
        super().__init__()
        self.topics: Any = None              # the flyer topics, in menu order
        self.included: Any = None            # component assets the print pages include
        self.pages: PrintPages | None = None   # this locale build's print pages

    def on_config(self, config: MkDocsConfig) -> None:
        self.topics = flyer_topics(Path(config.docs_dir) / SOURCE_LOCALE, order=list(nav_files(config.nav)))
        if self.config.pdfs and not self.config.preview:
            problem = deploy_address_error(config.site_url)
            if problem:
                raise ConfigurationError(f"The deploy build (make flyers) stops: {problem}")
        self.included = included_component_assets()

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # A new env per locale build (static-i18n nests them): keep this build's.
        locale = current_locale(config)
        env.globals["site_flyers"] = PrintKitIndex(locale, self.topics, self.config.pdfs, files)
        self.pages = PrintPages(env, config, locale, strings(config), self.config.pdfs, self.included,
                                preview=self.config.preview)
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        topic = None if serving() else topic_of(page.url, self.topics)
        if topic is not None:
            assert self.pages is not None
            self.pages.flyer(page, topic)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if serving():
            return
        pages = self.pages
        assert pages is not None
        pages.pocket_cards()
        if is_outer_build(config):
            pages.pocket_cards(every_language=True)
            pages.language_posters()
            for path, text in self.included.files():
                write_site_file(config.site_dir, path, text)
