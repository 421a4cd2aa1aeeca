"""Serve component CSS/JS as fingerprinted files; keep component sources and strings out of site/."""
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from scripts.sitelib.component_assets import build_bundles, page_assets
from scripts.sitelib.material_coupling import is_outer_build
from scripts.sitelib.site_build import once_per_build
from scripts.sitelib.site_files import write_site_file


def _assets():
    """({kind: (path, text)} of the site bundles, {component: {kind: (path, text)}} of the
    page-only ones), made once per build from the component files."""
    return once_per_build("component assets", lambda: (build_bundles(), page_assets()))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in list(files):
        if file.src_uri.startswith(("components/", "strings/")):  # sources, not files to serve
            files.remove(file)
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    bundles, page_only = _assets()
    env.globals["site_assets"] = {kind: path for kind, (path, _) in bundles.items()}
    env.globals["component_page_assets"] = {
        name: {kind: path for kind, (path, _) in kinds.items()} for name, kinds in page_only.items()
    }
    return env


def on_post_build(config: MkDocsConfig) -> None:
    if not is_outer_build(config):
        return
    bundles, page_only = _assets()
    files = list(bundles.values()) + [item for kinds in page_only.values() for item in kinds.values()]
    for path, text in files:
        write_site_file(config.site_dir, path, text)
