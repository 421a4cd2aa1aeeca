"""On a translation that no native speaker has fully checked, put the note that says so
(components/provenance-note/, scripts/sitelib/provenance.py) at the end of the page's
opening: below the H1 and the first paragraph, so the first screen keeps the advice.
It goes into the page's content, after sanitizing and the markers (trusted template
output), so embeds, feeds and flyers carry it; the search index was taken before."""
from pathlib import Path, PurePosixPath

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from scripts.sitelib.locales import SOURCE_LOCALE, TRANSLATIONS
from scripts.sitelib.provenance import before_first_section, unchecked_sections
from scripts.sitelib.status_report import page_url

_env = {}


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _env["env"] = env
    return env


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    locale = context.get("i18n_file_locale")
    if locale not in TRANSLATIONS or context.get("i18n_page_locale") != locale:
        return context  # a Norwegian page, or a fallback to one (the fallback notice covers it)
    name = PurePosixPath(page.file.src_uri).name
    unchecked = unchecked_sections(name, locale, Path(config.docs_dir))
    if not unchecked:
        return context
    # overrides/embed.html shows it below a section embed whose section is unchecked
    context["provenance_note"] = {"url": page_url(SOURCE_LOCALE, name) or "./", "sections": unchecked}
    note = _env["env"].get_template("components/provenance-note/provenance-note.html").render(context)
    page.content = before_first_section(page.content or "", note)
    return context
