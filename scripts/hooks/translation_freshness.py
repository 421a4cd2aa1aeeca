"""Tell the stale-notice component when a translated page is behind its Norwegian source."""
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from scripts.sitelib.freshness import STALE, page_status, source_updated
from scripts.sitelib.locales import TRANSLATIONS


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    locale = context.get("i18n_file_locale")
    if locale not in TRANSLATIONS or context.get("i18n_page_locale") != locale:
        return context  # source page, or a fallback (the fallback notice covers it)
    name = PurePosixPath(page.file.src_uri).name
    docs = Path(config.docs_dir)
    if page_status(name, locale, docs) == STALE:
        context["stale_since"] = source_updated(name, docs)
    return context
