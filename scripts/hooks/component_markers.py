"""Render component markers (`<!-- language-list -->`) inside page content,
with the component's own page-only CSS/JS where it has any."""
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from scripts.sitelib.component_assets import asset_tags
from scripts.sitelib.markers import check_markers, render_markers
from scripts.sitelib.ui_strings import OVERRIDES


_env = {}


def known_components():
    return {path.parent.name for path in OVERRIDES.glob("components/*/*.html") if path.stem == path.parent.name}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    check_markers(markdown, f"docs/{page.file.src_uri}", known_components())
    return markdown


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _env["env"] = env
    return env


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    env = _env["env"]
    assets = env.globals.get("component_page_assets", {})

    def render(name):
        html = env.get_template(f"components/{name}/{name}.html").render(context)
        return html + asset_tags(assets.get(name, {}), lambda path: get_relative_url(path, page.url))

    page.content = render_markers(page.content, render)
    return context
