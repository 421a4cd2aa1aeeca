"""Make the languages of the config being built the table every hook reads
(scripts/sitelib/locales.py): a variant mkdocs.yml may list other locales."""
from mkdocs.config.defaults import MkDocsConfig

from scripts.sitelib.locales import read_table, use_table


def on_config(config: MkDocsConfig) -> None:
    use_table(read_table(config.config_file_path))
