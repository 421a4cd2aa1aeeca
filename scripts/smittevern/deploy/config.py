"""Options of the deploy plugin (none yet)."""
from mkdocs.config.base import Config


class DeployConfig(Config):
    pass
