"""Tell main.html which sections of a translation changed in the Norwegian source
since it was translated: the stale-notice component names them below the H1."""
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from scripts.sitelib import source_dates
from scripts.sitelib.freshness import stale_notice
from scripts.sitelib.locales import TRANSLATIONS


def on_config(config: MkDocsConfig) -> None:
    source_dates.forget()


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    locale = context.get("i18n_file_locale")
    if locale not in TRANSLATIONS or context.get("i18n_page_locale") != locale:
        return context  # source page, or a fallback (the fallback notice covers it)
    context["stale"] = stale_notice(PurePosixPath(page.file.src_uri).name, locale, Path(config.docs_dir))
    return context
