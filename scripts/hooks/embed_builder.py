"""Give the embed builder (components/embed-builder) its data: every page of the
locale being built, with its ## sections, and the languages to choose from."""
import _root  # noqa: F401
from scripts.sitelib.embeds import builder_data
from scripts.sitelib.locales import current_locale


def on_env(env, config, files):
    locale = current_locale(config)
    env.globals["embed_builder_data"] = lambda nav: builder_data(nav.pages, locale, config.site_url)
    return env
