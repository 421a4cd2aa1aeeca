"""Stop the build when docs/ holds a folder for a locale the config does not know."""
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from scripts.sitelib.locale_folders import check_locale_folders
from scripts.sitelib.material_coupling import configured_locales, is_outer_build


def on_pre_build(config: MkDocsConfig) -> None:
    if is_outer_build(config):
        check_locale_folders(config.docs_dir, configured_locales(config),
                             display_root=Path(config.config_file_path).parent)
