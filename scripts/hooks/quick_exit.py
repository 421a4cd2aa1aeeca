"""The quick exit: give templates its addresses, and write /exit/ (see
scripts/sitelib/quick_exit.py) at the end of the build."""
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from scripts.sitelib.locales import current_locale
from scripts.sitelib.material_coupling import is_outer_build
from scripts.sitelib.quick_exit import EXIT_DIR, exit_page, neutral_url, safety_page


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["quick_exit"] = {
        "exit": EXIT_DIR,                                  # site-relative
        "safety": safety_page(current_locale(config)),     # site-relative
        "neutral": neutral_url(config.extra),
    }
    return env


def on_post_build(config: MkDocsConfig) -> None:
    if is_outer_build(config):
        target = Path(config.site_dir) / EXIT_DIR / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(exit_page(neutral_url(config.extra)), encoding="utf-8")
