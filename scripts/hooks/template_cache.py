"""Each template is compiled once per build, not once per locale (scripts/sitelib/template_cache.py)."""
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from scripts.sitelib.template_cache import share_compiled_templates


@event_priority(109)  # right after autoescape (110), before any hook loads a template
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return share_compiled_templates(env)
