"""Write an embed view of every page (<page>/embed/) and of each ## section
(<page>/embed/<id>/), rendered with overrides/embed.html; serve the embed scripts.
No embed views under `mkdocs serve` (scripts/sitelib/site_build.py)."""
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from scripts.sitelib.embeds import EMBED_DIR, FRAME_SCRIPT, HOST_SCRIPT, absolute, without_interactive
from scripts.sitelib.html_fragments import split_sections
from scripts.sitelib.locales import ROOT
from scripts.sitelib.material_coupling import is_outer_build, label_main, without_inline_scripts
from scripts.sitelib.site_build import serving
from scripts.sitelib.site_files import page_source, write_site_file

SCRIPTS = ROOT / "overrides" / "components" / "embed" / "assets"
_state = {"env": None, "contexts": {}}


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _state["env"] = env
    _state["contexts"].clear()
    return env


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    if not serving():
        _state["contexts"][page.url] = context
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    context = _state["contexts"].pop(page.url, None)
    if context is None:
        return output
    template = _state["env"].get_template("embed.html")
    full_url = absolute(config.site_url, page.url)
    target = f"{page.url}{EMBED_DIR}/"
    content = without_interactive(page.content or "")
    views = [(target, None, None, content, full_url, "../")]
    _, sections = split_sections(content)
    for section in sections:
        views.append((f"{target}{section.id}/", section.id, section.heading, section.html,
                      f"{full_url}#{section.id}", "../../"))
    for folder, section, heading, content, link, base in views:
        embed = {"content": content, "section": section, "heading": heading, "full_url": link,
                 "base": base, "frame_script": FRAME_SCRIPT}
        html = without_inline_scripts(template.render(dict(context, embed=embed)))
        html = label_main(html, heading or page.title)
        write_site_file(config.site_dir, f"{folder}index.html", html, source=page_source(page, config))
    return output


def on_post_build(config: MkDocsConfig) -> None:
    if not is_outer_build(config):
        return
    for name in (FRAME_SCRIPT, HOST_SCRIPT):
        write_site_file(config.site_dir, name, (SCRIPTS / Path(name).name).read_text(encoding="utf-8"))
