"""Give templates `ui`: the interface strings of the locale being built, and
`ui_english`, the English ones, for the few places that say a word in English
too (the language button on Norwegian pages)."""
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from scripts.sitelib.locales import current_locale
from scripts.sitelib.ui_strings import load_strings


_table = {}


def on_config(config: MkDocsConfig) -> None:
    _table.clear()
    _table.update(load_strings(config.theme.custom_dir))


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["ui"] = _table[current_locale(config)]
    env.globals["ui_english"] = _table.get("en", {})
    return env
