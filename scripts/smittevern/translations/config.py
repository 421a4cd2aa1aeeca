"""Options of the translations plugin (none yet: the languages are static-i18n's)."""
from mkdocs.config.base import Config


class TranslationsConfig(Config):
    pass
