"""Put the historical notice under the heading of the section a page names in
`historical: <section id>` (scripts/sitelib/historical.py). After sanitizing and the
markers (trusted template output, components/page-dates/historical.html), so that
the section carries it to embeds, feeds and flyers. A missing section fails the
build, naming the file and line."""
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from scripts.sitelib.front_matter import key_line
from scripts.sitelib.historical import after_section_heading, historical_section
from scripts.sitelib.source_errors import SourceError

_env = {}


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _env["env"] = env
    return env


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    section = historical_section(page.meta)
    if section is None:
        return context
    template = _env["env"].get_template("components/page-dates/historical.html")
    notice = template.render(dict(context, historical_section=section))
    content = after_section_heading(page.content or "", section, notice)
    if content is None:
        source = page.file.content_string
        raise SourceError(f"docs/{page.file.src_uri}", key_line(source, "historical"),
                          f"'historical: {section}' names no '## … {{ #{section} }}' section of this page")
    page.content = content
    return context
