"""Autoescape for the site's own templates (overrides/**/*.html), not for Material's.

MkDocs' Jinja environment escapes nothing, and Material's templates rely on that.
Ours print page titles, headings, interface strings and front matter, so they
escape everything they print: a heading `</title><meta …>` stays text. Jinja
decides when it compiles a template, by its name, so each template keeps its own
rule whichever template includes or extends it.

In our templates `| safe` is written only on the sanitized page body
(page.content and the pieces cut from it: embed views, flyers). Other HTML that
the build makes (QR codes, JSON blocks) reaches them as markupsafe.Markup, made
by code that escapes whatever it puts in.
"""
from pathlib import Path

from jinja2 import Environment


def own_templates(overrides: str | Path) -> frozenset[str]:
    """Names (as Jinja loads them) of every template in the theme's custom_dir."""
    overrides = Path(overrides)
    return frozenset(path.relative_to(overrides).as_posix() for path in overrides.rglob("*.html"))


def autoescape_own_templates(env: Environment, overrides: str | Path) -> Environment:
    """Turn autoescape on for the templates in `overrides` only; returns env."""
    names = own_templates(overrides)
    env.autoescape = lambda name: name in names
    if env.cache is not None:
        env.cache.clear()  # a template compiled before this would keep the old rule
    return env
