"""Options of the site plugin (none yet: site_url and the languages are MkDocs' and static-i18n's own)."""
from mkdocs.config.base import Config


class SiteConfig(Config):
    pass
