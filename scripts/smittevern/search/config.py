"""Options of the search plugin (none: Material's search plugin keeps its own)."""
from mkdocs.config.base import Config


class SearchConfig(Config):
    pass
