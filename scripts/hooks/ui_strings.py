"""Give templates `ui`: the interface strings of the locale being built."""
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from scripts.sitelib.locales import current_locale
from scripts.sitelib.phone_numbers import config_numbers
from scripts.sitelib.ui_strings import load_strings


_table = {}


def on_config(config: MkDocsConfig) -> None:
    _table.clear()
    _table.update(load_strings(config.theme.custom_dir, numbers=config_numbers(config.extra)))


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["ui"] = _table[current_locale(config)]
    return env
