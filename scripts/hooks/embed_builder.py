"""Give the embed builder (components/embed-builder) its data: every page of the
locale being built, with its ## sections, the languages to choose from, and the
exit link's address and text in every language."""
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from scripts.sitelib.embeds import builder_data
from scripts.sitelib.locales import current_locale
from scripts.sitelib.quick_exit import neutral_url
from scripts.sitelib.ui_strings import load_strings


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    locale = current_locale(config)
    quick_exit = {"url": neutral_url(config.extra),
                  "labels": {code: texts["quick_exit"] for code, texts in load_strings().items()}}
    env.globals["embed_builder_data"] = lambda nav: builder_data(nav.pages, locale, config.site_url,
                                                                 quick_exit=quick_exit)
    return env
