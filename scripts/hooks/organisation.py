"""The header shows the organisation's logo (extra.organisation.logo in mkdocs.yml)."""
from mkdocs.config.defaults import MkDocsConfig

DEFAULT_LOGO = "assets/favicon.svg"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    organisation = config.extra.get("organisation") or {}
    config.theme["logo"] = organisation.get("logo") or DEFAULT_LOGO
    return config
