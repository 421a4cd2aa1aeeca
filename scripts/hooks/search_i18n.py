"""Write one search index per locale and point each page's search at its own locale."""
from pathlib import Path

from mkdocs.plugins import event_priority

import _root  # noqa: F401
from scripts.sitelib.locales import current_locale, locale_prefix
from scripts.sitelib.search_index import dumps, locale_index, point_search_at_locale

# static-i18n runs each language's build inside the default one; a stack tells
# which build a late on_post_build belongs to.
_builds = []


@event_priority(-110)  # after static-i18n has chosen the build's locale
def on_config(config):
    _builds.append(current_locale(config))


def on_post_page(output, page, config):
    return point_search_at_locale(output, current_locale(config))


def on_post_template(output, template_name, config):
    if template_name == "404.html":
        return point_search_at_locale(output, current_locale(config))
    return output


@event_priority(-110)  # after static-i18n has merged all locales into the root index
def on_post_build(config):
    locale = _builds.pop()
    search = config.plugins["material/search"]
    index = locale_index(search.search_index.entries, locale, search.config.fields)
    target = Path(config.site_dir) / locale_prefix(locale) / "search" / "search_index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(dumps(index), encoding="utf-8")
