"""Give templates `ui`: the interface strings of the locale being built."""
import _root  # noqa: F401
from scripts.sitelib.locales import current_locale
from scripts.sitelib.ui_strings import load_strings

_table = {}


def on_config(config):
    _table.clear()
    _table.update(load_strings())


def on_env(env, config, files):
    env.globals["ui"] = _table[current_locale(config)]
    return env
