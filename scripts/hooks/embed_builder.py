"""Give the embed builder (components/embed-builder) its data: every page of the
locale being built, with its ## sections, and the languages to choose from."""
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from scripts.sitelib.embeds import builder_data
from scripts.sitelib.locales import current_locale


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    locale = current_locale(config)
    env.globals["embed_builder_data"] = lambda nav: builder_data(nav.pages, locale, config.site_url)
    return env
