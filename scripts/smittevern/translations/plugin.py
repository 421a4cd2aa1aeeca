"""The translations plugin.

- The provenance note: on a translation that no native speaker has fully checked, the
  note that says so (components/provenance-note/, scripts/sitelib/provenance.py) goes at
  the end of the page's opening: below the H1 and the first paragraph, so the first
  screen keeps the advice. It goes into the page's content, after sanitizing and the
  markers (trusted template output), so embeds, feeds and flyers carry it; the search
  index was taken before.
- The stale notice: main.html learns which sections of a translation changed in the
  Norwegian source since it was translated; the stale-notice component names them.
- The translation-status component's data, computed once per build and only where a
  page shows it (scripts/sitelib/status_report.py).
- Every locale gets its own 404 page at /<locale>/404.html (the source keeps /404.html).
  Its language menu leads to each language's home page: MkDocs renders the 404 before
  the locale's pages, so static-i18n's links would be those of the previous locale's
  last page.
"""
from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from scripts.sitelib import source_dates, status_report
from scripts.sitelib.freshness import stale_notice
from scripts.sitelib.locales import SOURCE_LOCALE, TRANSLATIONS, current_locale, links_to_each_language, locale_prefix
from scripts.sitelib.material_coupling import is_outer_build, language_links, set_language_links
from scripts.sitelib.offline import base_path
from scripts.sitelib.provenance import before_first_section, unchecked_sections
from scripts.sitelib.site_files import write_site_file
from scripts.sitelib.status_report import page_url

from ..order import at
from .config import TranslationsConfig


def _translated_page(context: TemplateContext) -> str | None:
    """The locale of a translated page; None for a Norwegian page or a fallback to one
    (the fallback notice covers it)."""
    locale = context.get("i18n_file_locale")
    if locale not in TRANSLATIONS or context.get("i18n_page_locale") != locale:
        return None
    return str(locale)


class TranslationsPlugin(BasePlugin[TranslationsConfig]):

    def __init__(self) -> None:
        super().__init__()
        self.env: Environment | None = None       # this locale build's environment
        self.status: dict[Path, Any] = {}        # docs/ -> the translation status report

    def on_config(self, config: MkDocsConfig) -> None:
        source_dates.forget()
        if is_outer_build(config):
            self.status.clear()
            source_dates.forget()

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self.env = env
        docs = Path(config.docs_dir)

        def translation_status() -> Any:
            if docs not in self.status:
                self.status[docs] = status_report.build(docs)
            return self.status[docs]

        env.globals["translation_status"] = translation_status
        return env

    def _provenance_note(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                         nav: Navigation) -> TemplateContext:
        locale = _translated_page(context)
        if locale is None:
            return context
        name = PurePosixPath(page.file.src_uri).name
        unchecked = unchecked_sections(name, locale, Path(config.docs_dir))
        if not unchecked:
            return context
        # overrides/embed.html shows it below a section embed whose section is unchecked
        context["provenance_note"] = {  # type: ignore[typeddict-unknown-key]  # our template global
            "url": page_url(SOURCE_LOCALE, name) or "./", "sections": unchecked}
        assert self.env is not None
        note = self.env.get_template("components/provenance-note/provenance-note.html").render(context)
        page.content = before_first_section(page.content or "", note)
        return context

    def _stale_notice(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                      nav: Navigation) -> TemplateContext:
        locale = _translated_page(context)
        if locale is None:
            return context
        context["stale"] = stale_notice(  # type: ignore[typeddict-unknown-key]  # our template global
            PurePosixPath(page.file.src_uri).name, locale, Path(config.docs_dir))
        return context

    on_page_context = CombinedEvent(_provenance_note, _stale_notice)

    def on_template_context(self, context: TemplateContext, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext:
        if template_name == "404.html":
            set_language_links(config, links_to_each_language(language_links(config), "", base_path(config.site_url)))
        return context

    @at("LOCALIZED_404")
    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        locale = current_locale(config)
        if template_name != "404.html" or locale == SOURCE_LOCALE:
            return output
        write_site_file(config.site_dir, f"{locale_prefix(locale)}404.html", output)
        return ""  # MkDocs skips empty output, so the root 404 stays Norwegian
