"""Stop the build on hostile or broken pages (front matter outside the schema,
markup the sanitizer refuses, headings without ids, flyers naming missing
sections), before MkDocs empties site/."""
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from scripts.sitelib.material_coupling import is_outer_build
from scripts.sitelib.phone_numbers import config_numbers
from scripts.sitelib.source_guard import check_docs, markdown_renderer


def on_pre_build(config: MkDocsConfig) -> None:
    # on_pre_build runs before MkDocs cleans site_dir, so a bad source changes nothing.
    if is_outer_build(config):
        check_docs(config.docs_dir, display_root=Path(config.config_file_path).parent,
                   render=markdown_renderer(config.markdown_extensions, config.mdx_configs),
                   numbers=config_numbers(config.extra))
