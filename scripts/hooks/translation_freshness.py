"""Put the stale-notice component below the H1 of a translation whose Norwegian
source changed since it was translated, naming the sections that changed."""
from pathlib import Path, PurePosixPath

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from scripts.sitelib import source_dates
from scripts.sitelib.freshness import stale_notice
from scripts.sitelib.html_insert import after_first_h1
from scripts.sitelib.locales import TRANSLATIONS

_env = {}


def on_config(config: MkDocsConfig) -> None:
    source_dates.forget()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _env["env"] = env
    return env


@event_priority(-50)  # after the component markers: the notice is not content
def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    locale = context.get("i18n_file_locale")
    if locale not in TRANSLATIONS or context.get("i18n_page_locale") != locale:
        return context  # source page, or a fallback (the fallback notice covers it)
    notice = stale_notice(PurePosixPath(page.file.src_uri).name, locale, Path(config.docs_dir))
    if notice:
        html = _env["env"].get_template("components/stale-notice/stale-notice.html").render(dict(context, stale=notice))
        page.content = after_first_h1(page.content, html)
    return context
