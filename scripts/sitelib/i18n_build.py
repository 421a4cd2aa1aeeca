"""Facts about the static-i18n build that several hooks need.

static-i18n builds the default locale first, then, from its on_post_build, runs a
nested build for every other locale. `building` is True during those nested builds,
so a hook can tell the outer build (which sees the whole docs tree and, at the end,
the whole site) from the nested ones.
"""


def i18n_plugin(config):
    return config.plugins["i18n"]


def is_outer_build(config):
    """True in the default-locale build that wraps all the others."""
    return not i18n_plugin(config).building


def configured_locales(config):
    """Locale codes listed under plugins.i18n.languages, in config order."""
    return list(i18n_plugin(config).all_languages)
