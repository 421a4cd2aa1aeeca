"""Serve component CSS/JS as fingerprinted files; keep component sources and strings out of site/."""
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from scripts.sitelib.component_assets import build_bundles, page_assets
from scripts.sitelib.material_coupling import is_outer_build
from scripts.sitelib.site_files import write_site_file


_bundles, _page_assets = {}, {}


def on_config(config: MkDocsConfig) -> None:
    _bundles.clear()
    _bundles.update(build_bundles())
    _page_assets.clear()
    _page_assets.update(page_assets())


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in list(files):
        if file.src_uri.startswith(("components/", "strings/")):  # sources, not files to serve
            files.remove(file)
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["site_assets"] = {kind: path for kind, (path, _) in _bundles.items()}
    env.globals["component_page_assets"] = {
        name: {kind: path for kind, (path, _) in kinds.items()} for name, kinds in _page_assets.items()
    }
    return env


def on_post_build(config: MkDocsConfig) -> None:
    if not is_outer_build(config):
        return
    files = list(_bundles.values()) + [item for kinds in _page_assets.values() for item in kinds.values()]
    for path, text in files:
        write_site_file(config.site_dir, path, text)
