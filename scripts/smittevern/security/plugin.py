"""The security plugin.

- Before the build (on_pre_build runs before MkDocs empties site/, so a bad source
  changes nothing): docs/ holds no folder for a locale the config does not know and no
  file that is not a page or a picture (a .html or .js file would be published as it
  is, past every check); no hostile or broken page (front matter outside the schema,
  markup the sanitizer refuses, headings without ids, flyers naming missing sections).
- Every page's rendered HTML is sanitized once (scripts/sitelib/sanitizer.py), so the
  page, its search entry, its embed views, its flyer and the feed carry only what the
  allowlist allows. Also checks what MkDocs itself read (the front matter and the
  title) and the editors' `extra:` texts in mkdocs.yml, which templates print.
- Our templates escape what they print; Material's keep their own rule
  (scripts/sitelib/autoescape.py).
- Every file the build writes stays inside the output folder: our plugins write
  through scripts/sitelib/site_files.py, and the files MkDocs itself will write or copy
  are held to the same rule, once every plugin has added its files.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.sitelib.autoescape import autoescape_own_templates
from scripts.sitelib.front_matter import check_config_text, check_front_matter, check_title
from scripts.sitelib.locale_folders import check_file_types, check_locale_folders
from scripts.sitelib.markers import marker_components
from scripts.sitelib.material_coupling import configured_locales, is_outer_build
from scripts.sitelib.phone_numbers import config_numbers
from scripts.sitelib.sanitizer import sanitize_content
from scripts.sitelib.site_files import check_destinations, page_source
from scripts.sitelib.source_guard import check_docs, markdown_renderer
from scripts.sitelib.urls import page_base

from ..order import at
from .config import SecurityConfig


class SecurityPlugin(BasePlugin[SecurityConfig]):

    def __init__(self) -> None:
        super().__init__()
        self.marker_names: frozenset[str] = frozenset()   # the component markers a page may keep
        # The pages that passed the source checks, with what they were checked against.
        # The plugin lives as long as `mkdocs serve` (on_startup), so a rebuild checks
        # only the pages whose text (or the Markdown settings) changed since.
        self.passed_sources: set[tuple[object, ...]] = set()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Only here so that MkDocs keeps this plugin, and passed_sources, across serve's rebuilds."""

    def on_config(self, config: MkDocsConfig) -> None:
        self.marker_names = marker_components()
        check_config_text(config.extra, config.config_file_path)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not is_outer_build(config):
            return
        root = Path(config.config_file_path).parent
        check_locale_folders(config.docs_dir, configured_locales(config), display_root=root)
        check_file_types(config.docs_dir, display_root=root)
        check_docs(config.docs_dir, display_root=root,
                   render=markdown_renderer(config.markdown_extensions, config.mdx_configs),
                   numbers=config_numbers(config.extra), passed=self.passed_sources,
                   settings=repr((config.markdown_extensions, config.mdx_configs)))

    @at("FILES_FINAL")
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        check_destinations(files, config.site_dir)
        return files

    @at("AUTOESCAPE")
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        assert config.theme.custom_dir, "mkdocs.yml sets theme.custom_dir: overrides"
        return autoescape_own_templates(env, config.theme.custom_dir)

    @at("SANITIZE")
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        path, source = page_source(page, config), page.file.content_string
        check_front_matter(page.meta, source, path)
        check_title(page.title, source, path)
        return sanitize_content(html, path, source, self.marker_names, base=page_base(page.url))
