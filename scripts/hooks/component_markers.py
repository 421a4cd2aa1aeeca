"""Render component markers (`<!-- language-list -->`) inside page content,
with the component's own page-only CSS/JS where it has any."""
from mkdocs.utils import get_relative_url

import _root  # noqa: F401
from scripts.sitelib.component_assets import asset_tags
from scripts.sitelib.markers import check_markers, render_markers
from scripts.sitelib.ui_strings import OVERRIDES

_env = {}


def known_components():
    return {path.parent.name for path in OVERRIDES.glob("components/*/*.html") if path.stem == path.parent.name}


def on_page_markdown(markdown, page, config, files):
    check_markers(markdown, f"docs/{page.file.src_uri}", known_components())
    return markdown


def on_env(env, config, files):
    _env["env"] = env
    return env


def on_page_context(context, page, config, nav):
    env = _env["env"]
    assets = env.globals.get("component_page_assets", {})

    def render(name):
        html = env.get_template(f"components/{name}/{name}.html").render(context)
        return html + asset_tags(assets.get(name, {}), lambda path: get_relative_url(path, page.url))

    page.content = render_markers(page.content, render)
    return context
