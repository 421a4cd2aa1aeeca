"""Give the translation-status component the page x language table."""
from pathlib import Path

import _root  # noqa: F401
from scripts.sitelib.freshness import status_table
from scripts.sitelib.locales import TRANSLATIONS


def on_env(env, config, files):
    env.globals["translation_status"] = {"table": status_table(Path(config.docs_dir)), "locales": TRANSLATIONS}
    return env
