"""Our templates escape what they print; Material's keep their own rule
(scripts/sitelib/autoescape.py)."""
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from scripts.sitelib.autoescape import autoescape_own_templates


@event_priority(110)  # first: before any hook loads a template from this environment
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return autoescape_own_templates(env, config.theme.custom_dir)
