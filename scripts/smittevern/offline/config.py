"""Options of the offline plugin (none yet)."""
from mkdocs.config.base import Config


class OfflineConfig(Config):
    pass
