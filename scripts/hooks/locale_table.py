"""Make the languages of the config being built the table every hook reads
(scripts/sitelib/locales.py): a variant mkdocs.yml may list other locales, and
under `mkdocs serve` an edit to mkdocs.yml may change them."""
from mkdocs.config.defaults import MkDocsConfig

from scripts.sitelib.locales import load_table, use_table
from scripts.sitelib.site_build import once_per_build


def on_config(config: MkDocsConfig) -> None:
    use_table(once_per_build("locale table", lambda: load_table(config.config_file_path)))
