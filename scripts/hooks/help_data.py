"""How a reader reaches help (mkdocs.yml extra.contact, services, health_centres,
emergency): checked when the config is loaded, then given to templates typed.

A wrong value stops the build, naming mkdocs.yml, the line and the key
(scripts/sitelib/help_data.py). Templates get `site_help` (HelpData) and the
filters that write it out in the page's language."""
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from scripts.sitelib.help_data import contact_fields, help_data, hours_rows, map_href, url_host
from scripts.sitelib.locales import SOURCE_LOCALE, current_locale
from scripts.sitelib.phone_links import call_label
from scripts.sitelib.ui_strings import build_strings


def on_config(config: MkDocsConfig) -> None:
    strings = build_strings(config)[SOURCE_LOCALE]
    help_data(config.extra, config.config_file_path, strings)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    locale = current_locale(config)  # a new env per locale build
    env.globals["site_help"] = help_data(config.extra, config.config_file_path)
    env.filters["opening_hours"] = lambda hours: hours_rows(hours, locale)
    env.filters["contact_fields"] = contact_fields
    env.filters["map_href"] = map_href
    env.filters["url_host"] = url_host
    # `number | call_label(ui, name)`: "Ring 1 1 3, ambulanse", a call link's name with its purpose
    env.filters["call_label"] = call_label
    return env
