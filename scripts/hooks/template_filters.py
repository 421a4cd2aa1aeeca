"""Register the template filters and globals that components use."""
from markupsafe import Markup

import _root  # noqa: F401
from scripts.sitelib import material_patches
from scripts.sitelib.dates import human_date
from scripts.sitelib.html_filters import without_alternate_links
from scripts.sitelib.locales import SOURCE_LOCALE, current_locale, english_name, page_url


def _markup(function):
    return lambda *args: Markup(function(*args))


def on_env(env, config, files):
    env.filters["human_date"] = human_date
    env.filters["english_name"] = english_name
    env.filters["without_alternate_links"] = _markup(without_alternate_links)
    env.filters["swap_language_menu"] = _markup(material_patches.swap_language_menu)
    env.filters["name_in_header"] = _markup(material_patches.name_in_header)
    env.filters["into_footer"] = _markup(material_patches.into_footer)
    env.filters["after_first_h1"] = _markup(material_patches.after_first_h1)
    env.globals["source_locale"] = SOURCE_LOCALE
    env.globals["site_locale"] = current_locale(config)
    env.globals["locale_url"] = page_url
    pages = {file.src_uri.rsplit("/", 1)[-1] for file in files.documentation_pages()}
    env.globals["site_has_page"] = lambda name: name in pages
    return env
