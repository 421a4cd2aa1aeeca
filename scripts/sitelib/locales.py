"""The site's languages: one table, used by hooks, scripts and tests."""
from pathlib import Path

from .i18n_build import i18n_plugin, is_outer_build

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SOURCE_LOCALE = "nb"

# locale -> native name, in menu order
NATIVE_NAMES = {
    "nb": "Norsk bokmål",
    "en": "English",
    "es": "Español",
    "pt": "Português",
    "ro": "Română",
    "bg": "Български",
    "th": "ไทย",
    "ru": "Русский",
    "sq": "Shqip",
    "fr": "Français",
    "zh": "中文",
}
LOCALES = list(NATIVE_NAMES)
TRANSLATIONS = [code for code in LOCALES if code != SOURCE_LOCALE]

# Scripts that need word segmentation before lunr can index them.
SEGMENTED = {"th", "zh"}


def current_locale(config):
    """The locale that static-i18n is building right now.

    static-i18n builds the source locale, then, from its on_post_build, runs a
    nested build for each other locale and leaves `current_language` at the last
    one. Outside those nested builds (`building` is False) it is the source build.
    """
    return SOURCE_LOCALE if is_outer_build(config) else i18n_plugin(config).current_language


def locale_prefix(locale):
    """URL path prefix of a locale: '' for the source locale, 'th/' for Thai."""
    return "" if locale == SOURCE_LOCALE else f"{locale}/"


def page_url(locale, path=""):
    """Site-relative URL of a page, e.g. page_url('th', 'covid-19/') -> 'th/covid-19/'."""
    return locale_prefix(locale) + path


def english_name(locale):
    """The language's name in English, from Babel's CLDR data: 'bg' -> 'Bulgarian'."""
    from babel import Locale

    return Locale.parse(locale).get_display_name("en").split(" (")[0]
