"""Register the template filters that components use."""
from markupsafe import Markup

import _root  # noqa: F401
from scripts.sitelib.data_sections import contact_fields
from scripts.sitelib.dates import human_date
from scripts.sitelib.html_filters import without_alternate_links
from scripts.sitelib.link_previews import without_description
from scripts.sitelib.phone_links import spoken_number, tel_href, whatsapp_href


def on_env(env, config, files):
    env.filters["human_date"] = human_date
    env.filters["without_alternate_links"] = lambda html: Markup(without_alternate_links(html))
    env.filters["without_description"] = lambda html: Markup(without_description(html))
    env.filters["tel_href"] = tel_href
    env.filters["spoken_number"] = spoken_number
    env.filters["whatsapp_href"] = whatsapp_href
    env.filters["contact_fields"] = contact_fields
    return env
