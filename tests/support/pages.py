"""The built site's pages, per locale."""
from scripts.sitelib.site_nav import nav_files
from scripts.sitelib.locales import LOCALES, locale_prefix
from scripts.sitelib.site_config import load_mkdocs_yml


def nav_pages():
    """URL paths of the pages in nav (groups included), relative to a locale root: '', 'covid-19/', …"""
    return ["" if entry == "index.md" else entry[:-3] + "/" for entry in nav_files(load_mkdocs_yml()["nav"])]


def page_paths(locales=LOCALES):
    """(locale, site-relative path) for every nav page in every locale."""
    return [(locale, locale_prefix(locale) + page) for locale in locales for page in nav_pages()]
