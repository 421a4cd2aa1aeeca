"""The first-paint plugin: first paint from the HTML alone.

Material's stylesheet is purged against the built pages, the first screen's CSS
inlined (allowed by its CSP hash), the rest loaded at the end of <body>, and every
script deferred (main.html; scripts/sitelib/css_purge.py).

site.<hash>.css is joined to Material's stylesheet: one file, so the cascade changes at
once when it arrives. SITE_CSS_PURGE=0 keeps Material's stylesheet whole and inlines
nothing: the reference build of tests/browser/test_css_purge_visual.py, and what
`mkdocs serve` does (site_build.serving).
"""
from __future__ import annotations

import logging
import os

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from scripts.sitelib import material_coupling as coupling
from scripts.sitelib.css_purge import CRITICAL_PLACEHOLDER, first_paint_css
from scripts.sitelib.material_coupling import is_outer_build
from scripts.sitelib.site_build import serving

from ..order import at
from .config import FirstPaintConfig

log = logging.getLogger("mkdocs.plugins.smittevern.first_paint")


class FirstPaintPlugin(BasePlugin[FirstPaintConfig]):

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.globals["material_stylesheet"] = coupling.material_stylesheet()
        env.globals["critical_css_placeholder"] = Markup(CRITICAL_PLACEHOLDER)
        for name in ("without_main_stylesheet", "deferred_scripts"):
            env.filters[name] = lambda html, function=getattr(coupling, name): Markup(function(html))
        return env

    @at("AFTER_LOCALES")
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not is_outer_build(config):
            return
        result = first_paint_css(config.site_dir, coupling.material_stylesheet(),
                                 purge_css=not serving() and os.environ.get("SITE_CSS_PURGE", "1") != "0",
                                 built_blocks=coupling.script_built_blocks(config.theme.get("features") or ()))
        if result.get("before"):
            log.info("Material's stylesheet purged: %d -> %d bytes; critical CSS %d bytes",
                     result["before"], result["after"], len(result["critical"]))
