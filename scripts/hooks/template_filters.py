"""Register the template filters that components use."""
from markupsafe import Markup

import _root  # noqa: F401
from scripts.sitelib.dates import human_date
from scripts.sitelib.html_filters import without_alternate_links


def on_env(env, config, files):
    env.filters["human_date"] = human_date
    env.filters["without_alternate_links"] = lambda html: Markup(without_alternate_links(html))
    return env
