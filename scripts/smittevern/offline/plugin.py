"""The offline plugin: offline reading.

Each locale's offline page and page list, and /sw.js at the end. None of it under
`mkdocs serve`: a service worker would keep serving the pages it saved, not the edit
(scripts/sitelib/site_build.py).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from scripts.sitelib.locales import current_locale, links_to_each_language, locale_prefix
from scripts.sitelib.material_coupling import is_outer_build, language_links, set_language_links
from scripts.sitelib.offline import (
    OFFLINE_DIR, OFFLINE_TEMPLATE, base_path, build_precache, build_version, offline_pages_by_prefix,
    page_list, pages_json_path, render_service_worker,
)
from scripts.sitelib.quick_exit import neutral_url
from scripts.sitelib.site_build import serving
from scripts.sitelib.site_files import write_site_file

from ..order import at
from .config import OfflineConfig


class OfflinePlugin(BasePlugin[OfflineConfig]):

    def __init__(self) -> None:
        super().__init__()
        self.pages: dict[str, list[str]] = {}          # locale -> page URLs
        self.alternates: list[dict[str, Any]] | None = None   # the language menu, while the offline page renders

    @at("LOCALE_CHOSEN")
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.pages[current_locale(config)] = []
        if not serving():
            config.theme.static_templates.add(OFFLINE_TEMPLATE)
        return config

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        locale = current_locale(config)
        count = len(files.documentation_pages()) + 1
        env.globals["offline"] = {
            "enabled": not serving(),
            "locale": locale,
            "pages_json": pages_json_path(locale),
            "page": locale_prefix(locale) + OFFLINE_DIR,
            "home": locale_prefix(locale) or "./",
            "page_count": count,
        }
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.pages[current_locale(config)].append(page.url)
        return output

    def on_template_context(self, context: TemplateContext, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext:
        if template_name == OFFLINE_TEMPLATE:
            # The service worker serves this page at any URL: links must not be relative.
            context["base_url"] = base_path(config.site_url).rstrip("/") or "/"
            # The language menu points at each language's offline page (put back after).
            alternates = language_links(config)
            self.alternates = alternates
            set_language_links(config, links_to_each_language(alternates, OFFLINE_DIR))
        return context

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        if template_name != OFFLINE_TEMPLATE:
            return output
        if self.alternates is not None:
            set_language_links(config, self.alternates)
            self.alternates = None
        locale = current_locale(config)
        # no search on this page: nothing to point at the locale
        write_site_file(config.site_dir, f"{locale_prefix(locale)}{OFFLINE_DIR}/index.html", output)
        return ""  # written above; MkDocs skips empty output

    @at("AFTER_SEARCH_MERGE")
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        locale = current_locale(config)
        if serving():
            return
        base = base_path(config.site_url)
        site_dir = Path(config.site_dir)
        pages = {"locale": locale, "pages": page_list(self.pages[locale], locale, base)}
        write_site_file(site_dir, pages_json_path(locale), json.dumps(pages, ensure_ascii=False, indent=1))
        if not is_outer_build(config):
            return  # a nested locale build; the outer (source) build writes sw.js last
        sw = render_service_worker(build_version(site_dir), build_precache(site_dir, base),
                                   offline_pages_by_prefix(base), base, neutral=neutral_url(config.extra))
        write_site_file(site_dir, "sw.js", sw)
