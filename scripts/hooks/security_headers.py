"""Write the response headers for the built site: site/_headers (static hosts) and
site/_nginx/*.conf (nginx), with the CSP hashes of the inline scripts it contains."""
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from scripts.sitelib.headers import write_header_files
from scripts.sitelib.material_coupling import is_outer_build


@event_priority(-200)  # last: after static-i18n has built every locale and others wrote their HTML
def on_post_build(config: MkDocsConfig) -> None:
    if is_outer_build(config):
        write_header_files(config.site_dir)
