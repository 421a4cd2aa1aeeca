"""Options of the security plugin (none: its rules are not for an editor to loosen)."""
from mkdocs.config.base import Config


class SecurityConfig(Config):
    pass
