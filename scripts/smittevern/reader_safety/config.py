"""Options of the reader-safety plugin."""
from mkdocs.config.base import Config


class ReaderSafetyConfig(Config):
    pass
