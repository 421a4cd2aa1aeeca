"""Stop the build when site_url is missing: QR codes and flyers need absolute URLs."""
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.site_url:
        raise ConfigurationError(
            "mkdocs.yml: 'site_url' is empty. QR codes, flyers and feeds need the "
            "absolute address of the site. Set it with the SITE_URL environment "
            "variable, for example: SITE_URL=https://example.org/ mkdocs build"
        )
    return config
