"""Give the translation-status component its data, computed once per build and only
where a page shows it (scripts/sitelib/status_report.py)."""
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from scripts.sitelib import source_dates, status_report
from scripts.sitelib.material_coupling import is_outer_build

_cache = {}


def on_config(config: MkDocsConfig) -> None:
    if is_outer_build(config):
        _cache.clear()
        source_dates.forget()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    docs = Path(config.docs_dir)

    def translation_status():
        if docs not in _cache:
            _cache[docs] = status_report.build(docs)
        return _cache[docs]

    env.globals["translation_status"] = translation_status
    return env
