"""Stop the build when docs/ holds a folder for a locale the config does not know,
or a file that is not a page or a picture (a .html or .js file would be published
as it is, past every check)."""
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from scripts.sitelib.locale_folders import check_file_types, check_locale_folders
from scripts.sitelib.material_coupling import configured_locales, is_outer_build


def on_pre_build(config: MkDocsConfig) -> None:
    if is_outer_build(config):
        root = Path(config.config_file_path).parent
        check_locale_folders(config.docs_dir, configured_locales(config), display_root=root)
        check_file_types(config.docs_dir, display_root=root)
