"""The partners plugin: what partners embed or subscribe to.

- Embed views: an embed view of every page (<page>/embed/) and of each ## section
  (<page>/embed/<id>/), rendered with overrides/embed.html; the embed scripts.
- Feeds: each locale's JSON Feed 1.1 (/feed.json, /<locale>/feed.json) and Atom
  (/feed.atom, /<locale>/feed.atom), one item per reader page (scripts/sitelib/feed.py,
  partner_content.py); the partners page shows a feed example.
- The embed builder's data (components/embed-builder): every reader page of the locale
  being built, with the sections partners may use, their names in every language, the
  languages to choose from, and the exit link's address and text in every language.

No embed views and no feeds under `mkdocs serve` (scripts/sitelib/site_build.py).
"""
from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from scripts.sitelib import feed
from scripts.sitelib.embeds import (
    EMBED_DIR, FRAME_SCRIPT, HOST_SCRIPT, absolute, builder_data, without_interactive,
)
from scripts.sitelib.html_fragments import split_sections
from scripts.sitelib.locales import ROOT, current_locale
from scripts.sitelib.material_coupling import is_outer_build, label_main, without_inline_scripts
from scripts.sitelib.partner_content import offered_sections, page_names
from scripts.sitelib.quick_exit import neutral_url
from scripts.sitelib.site_build import once_per_build, serving
from scripts.sitelib.site_files import page_source, write_site_file
from scripts.sitelib.site_nav import is_staff_page
from scripts.sitelib.source_dates import last_changed

from ..components.plugin import strings
from ..order import at
from .config import PartnersConfig

SCRIPTS = ROOT / "overrides" / "components" / "embed" / "assets"


def _site_url(config: MkDocsConfig) -> str:
    assert config.site_url, "site_url is required (the site plugin stops a build without it)"
    return config.site_url


def _item(page: Page, config: MkDocsConfig, locale: str, content_locale: str) -> dict[str, Any]:
    return feed.page_item(
        locale=locale, url=page.url, title=page.title, description=(page.meta or {}).get("description", ""),
        meta=page.meta, content=without_interactive(page.content or ""), content_locale=content_locale,
        site_url=_site_url(config), sections=offered_sections(page.markdown or ""),
        changed=last_changed(page.file.abs_src_path) if page.file.abs_src_path else None,
    )


def _document(config: MkDocsConfig, locale: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    organisation = config.extra.get("organisation") or {}
    authors = [{"name": organisation["name"], **({"url": organisation["url"]} if organisation.get("url") else {})}] \
        if str(organisation.get("name") or "").strip() else None
    home = next((item["summary"] for item in items if item["_embed"]["page_id"] == "index"), "")
    return feed.json_feed(locale=locale, items=items, site_url=_site_url(config), site_name=config.site_name,
                          description=home, authors=authors)


def _page_names(docs: Path, name: str) -> dict[str, tuple[str, dict[str, str]]]:
    """A page's title in every language: the same for every locale's build, so read once per build."""
    return once_per_build(f"page names {docs / name}", lambda: page_names(docs, name))


class PartnersPlugin(BasePlugin[PartnersConfig]):

    def __init__(self) -> None:
        super().__init__()
        self.env: Environment | None = None                     # this locale build's environment
        self.contexts: dict[str, TemplateContext] = {}          # page URL -> its context, for its embed views
        self.items: dict[str, list[tuple[int, dict[str, Any]]]] = {}   # locale -> [(menu position, feed item)]

    @at("OPTIONS_IN_EXTRA")
    def _options_in_extra(self, config: MkDocsConfig) -> None:
        config.extra["licence"] = self.config.licence.strip()

    @at("LOCALE_CHOSEN")
    def _new_locale(self, config: MkDocsConfig) -> None:
        self.items.pop(current_locale(config), None)

    on_config = CombinedEvent(_options_in_extra, _new_locale)

    # --- on_env ------------------------------------------------------------------------

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self.env = env
        self.contexts.clear()
        locale = current_locale(config)

        def feed_example(nav: Navigation) -> str:
            """The first reader page after the home page, as a short feed, for the partners page."""
            pages = [page for page in nav.pages if not is_staff_page(page) and page.url.strip("/") not in ("", locale)]
            items = [_item(page, config, locale, locale) for page in pages[:1]]
            return feed.example(_document(config, locale, items))

        env.globals.update(feed_path=feed.feed_path, feed_example=feed_example)

        quick_exit = {"url": neutral_url(config.extra),
                      "labels": {code: texts["quick_exit"] for code, texts in strings(config).items()}}
        docs = Path(config.docs_dir)

        def data(nav: Navigation) -> Any:
            pages = [page for page in nav.pages if not is_staff_page(page)]
            return builder_data(
                pages, locale, _site_url(config),
                sections_of=lambda page: offered_sections(page.markdown or ""),
                titles_of=lambda page: _page_names(docs, PurePosixPath(page.file.src_uri).name),
                quick_exit=quick_exit,
            )

        env.globals["embed_builder_data"] = data
        return env

    # --- on_page_context ------------------------------------------------------------------

    def _embed_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                       nav: Navigation) -> TemplateContext:
        if not serving():
            self.contexts[page.url] = context
        return context

    @at("FEED_ITEM")
    def _feed_item(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                   nav: Navigation) -> TemplateContext:
        locale = current_locale(config)
        order = [item.url for item in nav.pages]
        if serving() or page.url not in order or is_staff_page(page):
            return context  # pages outside the menu and staff pages are not for partners
        item = _item(page, config, locale, str(context.get("i18n_file_locale", locale)))
        self.items.setdefault(locale, []).append((order.index(page.url), item))
        return context

    on_page_context = CombinedEvent(_embed_context, _feed_item)

    # --- on_post_page: the embed views ------------------------------------------------------

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        context = self.contexts.pop(page.url, None)
        if context is None:
            return output
        assert self.env is not None
        template = self.env.get_template("embed.html")
        full_url = absolute(_site_url(config), page.url)
        target = f"{page.url}{EMBED_DIR}/"
        content = without_interactive(page.content or "")
        views: list[tuple[str, str | None, str | None, str, str, str]] = [(target, None, None, content, full_url, "../")]
        _, sections = split_sections(content)
        for section in sections:
            views.append((f"{target}{section.id}/", section.id, section.heading, section.html,
                          f"{full_url}#{section.id}", "../../"))
        for folder, section_id, heading, html, link, base in views:
            embed = {"content": html, "section": section_id, "heading": heading, "full_url": link,
                     "base": base, "frame_script": FRAME_SCRIPT}
            text = without_inline_scripts(template.render(dict(context, embed=embed)))
            text = label_main(text, heading or page.title)
            write_site_file(config.site_dir, f"{folder}index.html", text, source=page_source(page, config))
        return output

    # --- on_post_build: the embed scripts and the feeds ---------------------------------------

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if is_outer_build(config):
            for name in (FRAME_SCRIPT, HOST_SCRIPT):
                write_site_file(config.site_dir, name, (SCRIPTS / Path(name).name).read_text(encoding="utf-8"))
        if serving():
            return
        locale = current_locale(config)
        items = [item for _, item in sorted(self.items.pop(locale, []), key=lambda pair: pair[0])]
        document = _document(config, locale, items)
        licence = self.config.licence.strip()
        for name, data in ((feed.JSON_FEED, feed.dumps(document).encode("utf-8")),
                           (feed.ATOM_FEED, feed.atom_feed(document, licence=licence))):
            write_site_file(config.site_dir, feed.feed_path(locale, name), data)
