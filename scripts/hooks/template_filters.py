"""Register the template filters that components use."""
from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from scripts.sitelib.dates import human_date
from scripts.sitelib.locales import current_locale
from scripts.sitelib.material_coupling import without_alternate_links


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    locale = current_locale(config)  # a new env per locale build
    # `date | human_date`: the date in this build's language. An argument (the old
    # `human_date(ui)`) is accepted and ignored.
    env.filters["human_date"] = lambda value, *_: human_date(value, locale)
    env.filters["without_alternate_links"] = lambda html: Markup(without_alternate_links(html))
    return env
