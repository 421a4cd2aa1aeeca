"""Stop the build when site_url is missing (QR codes and flyers need absolute URLs),
and stop the deploy build (`make flyers`, extra.flyer_pdfs) when phones could not
reach it (loopback, private), unless it is a stamped preview (extra.flyer_preview)."""
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError

from scripts.sitelib.print_kit import truthy
from scripts.sitelib.site_address import deploy_address_error


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.site_url:
        raise ConfigurationError(
            "mkdocs.yml: 'site_url' is empty. QR codes, flyers and feeds need the "
            "absolute address of the site. Set it with the SITE_URL environment "
            "variable, for example: SITE_URL=https://example.org/ mkdocs build"
        )
    if truthy(config.extra.get("flyer_pdfs")) and not truthy(config.extra.get("flyer_preview")):
        problem = deploy_address_error(config.site_url)
        if problem:
            raise ConfigurationError(f"The deploy build (make flyers) stops: {problem}")
    return config
