"""Options of the components plugin.

The header logo stays `extra.organisation.logo`: the About page, the flyers and the
feed read the organisation from the same place."""
from mkdocs.config.base import Config


class ComponentsConfig(Config):
    pass
