"""Options of the first-paint plugin (SITE_CSS_PURGE=0 in the environment switches the purge off)."""
from mkdocs.config.base import Config


class FirstPaintConfig(Config):
    pass
