"""Register the template filters and globals that components use."""
from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from scripts.sitelib import material_coupling as coupling
from scripts.sitelib.phone_links import spoken_number, tel_href, whatsapp_href
from scripts.sitelib.dates import human_date
from scripts.sitelib.listen_controls import with_listen_controls
from scripts.sitelib import locales
from scripts.sitelib.locales import current_locale, english_name, locale_prefix


def _markup(function):
    return lambda *args: Markup(function(*args))


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    locale = current_locale(config)  # a new env per locale build
    # `date | human_date`: the date in this build's language (it takes no argument).
    env.filters["human_date"] = lambda value: human_date(value, locale)
    env.filters["english_name"] = english_name
    env.filters["without_alternate_links"] = _markup(coupling.without_alternate_links)
    env.filters["without_description"] = _markup(coupling.without_description)
    env.filters["tel_href"] = tel_href
    env.filters["spoken_number"] = spoken_number
    env.filters["whatsapp_href"] = whatsapp_href
    env.filters["with_listen_controls"] = _markup(with_listen_controls)
    # Material's header and page title (material_coupling: each fails loudly if Material changes)
    for name in ("name_in_header", "after_title"):
        env.filters[name] = _markup(getattr(coupling, name))
    coupling.check_partials()  # overrides/partials/ replace what Material's header and footer include
    env.globals["source_locale"] = locales.SOURCE_LOCALE
    env.globals["site_locale"] = locale
    env.globals["locale_url"] = lambda code, path: locale_prefix(code) + path
    pages = {file.src_uri.rsplit("/", 1)[-1] for file in files.documentation_pages()}
    env.globals["site_has_page"] = lambda name: name in pages
    return env
