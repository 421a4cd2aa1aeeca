"""Reuse compiled templates across the locale builds and rebuilds of one process
(scripts/sitelib/template_cache.py)."""
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from scripts.sitelib.template_cache import PROCESS_CACHE


@event_priority(120)  # before any hook loads a template from this environment
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = PROCESS_CACHE
    return env
