"""Options of the partners plugin (the feed's licence stays extra.licence: the
partners page's data section reads it too)."""
from mkdocs.config.base import Config


class PartnersConfig(Config):
    pass
