"""Give the translation-status component the page x language table."""
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from scripts.sitelib.freshness import status_table
from scripts.sitelib.locales import TRANSLATIONS


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["translation_status"] = {"table": status_table(Path(config.docs_dir)), "locales": TRANSLATIONS}
    return env
