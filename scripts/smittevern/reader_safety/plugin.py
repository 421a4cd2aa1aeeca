"""The reader-safety plugin.

- Its options (config.py): the quick exit's address and the emergency numbers, typed
  and checked when mkdocs.yml is loaded; each number's texts are checked when the
  interface strings are loaded. Templates read them as `quick_exit.neutral` and
  `site_help.emergency`. The library's functions take one `extra` mapping, so the
  plugin puts the checked values back into config.extra first
  (scripts/sitelib/site_config.py site_extra() does the same for mkdocs.yml as data).
- How a reader reaches help (extra.contact, services, health_centres, and the
  emergency numbers): checked when the config is loaded, then given to templates
  typed. A wrong value stops the build, naming mkdocs.yml, the line and the key
  (scripts/sitelib/help_data.py). Templates get `site_help` (HelpData) and the filters
  that write it out in the page's language.
- No empty promises: a `##` section whose data (extra.contact; the partners plugin's licence) is empty
  is dropped from the Markdown, before anything is rendered or derived from it.
- Help in one tap: the known phone numbers in each page's text become tel: links, in
  the rendered content, so the page, search, embeds, feed and flyers all get them. After
  the sanitizer: it only wraps numbers the config lists in `<a href="tel:…"
  aria-label="…">`, named from digits and the interface strings ("Ring 1 1 3,
  Ambulanse"), and the sanitizer (rightly) refuses aria-label from page text.
- The quick exit: templates get its addresses, and /exit/ is written at the end of the
  build (scripts/sitelib/quick_exit.py).
"""
from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.sitelib.data_sections import without_empty_sections
from scripts.sitelib.help_data import contact_fields, help_data, hours_rows, map_href, url_host
from scripts.sitelib.locales import SOURCE_LOCALE, current_locale
from scripts.sitelib.material_coupling import is_outer_build
from scripts.sitelib.phone_links import call_label, known_numbers, link_phone_numbers, number_labels
from scripts.sitelib.phone_numbers import audit_tel_links
from scripts.sitelib.quick_exit import EXIT_DIR, exit_page, neutral_url, safety_page
from scripts.sitelib.site_files import write_site_file

from ..components.plugin import strings
from ..order import at
from .config import ReaderSafetyConfig, check_emergency_texts


class ReaderSafetyPlugin(BasePlugin[ReaderSafetyConfig]):

    @at("OPTIONS_IN_EXTRA")
    def _options_in_extra(self, config: MkDocsConfig) -> None:
        config.extra["quick_exit_url"] = self.config.quick_exit_url
        config.extra["emergency"] = [{"number": entry.number, "strings": entry.strings}
                                     for entry in self.config.emergency]

    def _check_help_data(self, config: MkDocsConfig) -> None:
        texts = strings(config)[SOURCE_LOCALE]
        check_emergency_texts(self.config.emergency, config.config_file_path, texts)
        help_data(config.extra, config.config_file_path, texts)

    on_config = CombinedEvent(_options_in_extra, _check_help_data)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        locale = current_locale(config)  # a new env per locale build
        env.globals["site_help"] = help_data(config.extra, config.config_file_path)
        env.filters["opening_hours"] = lambda hours: hours_rows(hours, locale)
        env.filters["contact_fields"] = contact_fields
        env.filters["map_href"] = map_href
        env.filters["url_host"] = url_host
        # `number | call_label(ui, name)`: "Ring 1 1 3, ambulanse", a call link's name with its purpose
        env.filters["call_label"] = call_label
        env.globals["quick_exit"] = {
            "exit": EXIT_DIR,                                  # site-relative
            "safety": safety_page(locale),                     # site-relative
            "neutral": neutral_url(config.extra),
        }
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        markdown, _dropped = without_empty_sections(markdown, config.extra)
        return markdown

    @at("PHONE_LINKS")
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        labels = number_labels(config.extra, strings(config)[current_locale(config)])
        return link_phone_numbers(html, known_numbers(config.extra), labels)

    def _exit_page(self, *, config: MkDocsConfig) -> None:
        if is_outer_build(config):
            write_site_file(config.site_dir, f"{EXIT_DIR}/index.html", exit_page(neutral_url(config.extra)))

    @at("TEL_AUDIT")
    def _audit_tel_links(self, *, config: MkDocsConfig) -> None:
        if is_outer_build(config):
            audit_tel_links(config.site_dir, known_numbers(config.extra))

    on_post_build = CombinedEvent(_exit_page, _audit_tel_links)
