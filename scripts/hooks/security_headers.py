"""Write the response headers for the built site: site/_headers (static hosts) and
site/_nginx/*.conf (nginx), with the CSP hashes of the inline scripts it contains."""
from mkdocs.plugins import event_priority

import _root  # noqa: F401
from scripts.sitelib.headers import write_header_files
from scripts.sitelib.i18n_build import is_outer_build
from scripts.sitelib.quick_exit import neutral_url


@event_priority(-200)  # last: after static-i18n has built every locale and others wrote their HTML
def on_post_build(config):
    if is_outer_build(config):
        write_header_files(config.site_dir, exit_to=neutral_url(config.extra))
