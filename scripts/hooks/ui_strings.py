"""Give templates `ui`: the interface strings of the locale being built, and
`ui_fill("key", name=value)`: one with its placeholders filled, escaped
(scripts/sitelib/ui_strings.py fill(), the one place where that happens), and
`ui_english`, the English ones, for the few places that say a word in English
too (the language button on Norwegian pages), and `ui_forms("key")`: a text with
plural forms as JSON, for a script that fills it in the browser (offline.js)."""

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from scripts.sitelib.locales import current_locale
from scripts.sitelib.ui_strings import browser_forms, build_strings, fill


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    table = build_strings(config)
    strings = table[current_locale(config)]
    env.globals["ui"] = strings
    env.globals["ui_fill"] = lambda key, **values: fill(strings[key], key, values, escape_with=escape)
    env.globals["ui_english"] = table.get("en", {})
    env.globals["ui_forms"] = lambda key: browser_forms(strings[key], key)
    return env

