"""The quick exit: give templates its addresses, and write /exit/ (see
scripts/sitelib/quick_exit.py) at the end of the build."""
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from scripts.sitelib.locales import current_locale
from scripts.sitelib.material_coupling import is_outer_build
from scripts.sitelib.quick_exit import EXIT_DIR, exit_page, neutral_url, safety_page
from scripts.sitelib.site_files import write_site_file


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["quick_exit"] = {
        "exit": EXIT_DIR,                                  # site-relative
        "safety": safety_page(current_locale(config)),     # site-relative
        "neutral": neutral_url(config.extra),
    }
    return env


def on_post_build(config: MkDocsConfig) -> None:
    if is_outer_build(config):
        write_site_file(config.site_dir, f"{EXIT_DIR}/index.html", exit_page(neutral_url(config.extra)))
