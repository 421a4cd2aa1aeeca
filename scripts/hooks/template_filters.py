"""Register the template filters that components use."""
from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from scripts.sitelib.dates import human_date
from scripts.sitelib.material_coupling import without_alternate_links


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["human_date"] = human_date
    env.filters["without_alternate_links"] = lambda html: Markup(without_alternate_links(html))
    return env
