"""Render component markers (`<!-- language-list -->`) inside page content,
with the component's own page-only CSS/JS where it has any. The content is
sanitized by then (scripts/hooks/sanitize_content.py), and a marker line left in
it names a marker component; the component's HTML is trusted template output."""
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from scripts.sitelib.component_assets import asset_tags
from scripts.sitelib.markers import marker_components, render_markers

_env = {}


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _env["env"] = env
    _env["markers"] = marker_components()
    return env


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    env = _env["env"]
    assets = env.globals.get("component_page_assets", {})

    def render(name):
        html = env.get_template(f"components/{name}/{name}.html").render(context)
        return html + asset_tags(assets.get(name, {}), lambda path: get_relative_url(path, page.url))

    page.content = render_markers(page.content, render, _env["markers"])
    return context
