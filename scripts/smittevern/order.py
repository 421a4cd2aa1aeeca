"""The order of the site's event handlers, written in one place.

MkDocs 1.6 runs the handlers of one event by priority, highest first; handlers of
equal priority run in the order their plugins are listed in mkdocs.yml (it keeps a
stable sort: `PluginCollection._register_event`, `utils.insort`). The site relies on
that knowingly:

- `search` and `i18n` come first in `plugins:`, so at equal priority their handlers
  run before ours (as they did when our code was hooks: MkDocs appends hooks after
  the plugins).
- Our plugins follow in the order of PLUGIN_ORDER below; a handler without a
  priority (0) runs in that order. Handlers that depend on another one's work carry
  a priority from PRIORITIES, named here with the reason; every other handler at 0
  only registers template globals, reads its own state or writes its own files.

Static-i18n's handlers run at 50 (page_markdown, page_context, template_context) and
at -100 (config, files, nav, post_page, post_build: there its on_post_build runs the
nested builds of the other locales). Those two numbers are its, not ours; they are
here so that the ones around them read as "before" or "after".

Compared with the hooks' order (mkdocs.yml listed 36 hooks; dumped before and after from
`config.plugins.events`), every event runs its handlers in the same order except these,
all at priority 0 and independent of each other:
- on_env: the template globals and filters are registered in plugin order (no two plugins
  register one name: tests/unit/test_plugin_package.py);
- on_post_build: the component assets are written before /exit/ (different files);
- on_page_context: search notes a page's synonyms (page.meta) before the provenance note
  goes into page.content.
And one handler is new: OPTIONS_IN_EXTRA. The build is byte-identical to the hooks' build.

Plugins use `at("NAME")` instead of `mkdocs.plugins.event_priority(number)`: it sets
the same priority and records the name, and tests/unit/test_plugin_package.py checks
that every handler with a priority takes it from this table.
"""
from __future__ import annotations

from typing import Callable, NamedTuple, TypeVar

from mkdocs.plugins import event_priority

T = TypeVar("T")

STATIC_I18N = -100  # static-i18n's own priority for config, files, nav, post_page and post_build


class Priority(NamedTuple):
    value: float
    why: str


PRIORITIES: dict[str, Priority] = {
    # --- on_config -------------------------------------------------------------------
    "BUILD_START": Priority(200, "site: a new build starts with empty tables (site_build.new_build), "
                                 "before any handler reads a table of this build (the locale table, strings)"),
    "OPTIONS_IN_EXTRA": Priority(150, "reader safety, partners: their typed options go into config.extra, "
                                      "where the library's functions and the templates read them, before "
                                      "any handler reads extra (the security plugin checks its texts at 0)"),
    "LOCALE_CHOSEN": Priority(-110, "offline, partners: after static-i18n's on_config (-100) has chosen the "
                                    "locale being built; per-locale lists start empty"),
    # --- on_files --------------------------------------------------------------------
    "FILES_FINAL": Priority(-200, "security: every file MkDocs will write stays inside site/, checked once "
                                  "every plugin (static-i18n at -100) has added or moved files"),
    # --- on_env ----------------------------------------------------------------------
    "AUTOESCAPE": Priority(110, "security: our templates escape what they print; first, before any "
                                "handler loads a template from this environment"),
    "TEMPLATE_CACHE": Priority(109, "site: right after AUTOESCAPE (it wraps the loader that autoescape "
                                    "set up), before any handler loads a template"),
    "INLINE_BLOCK_TRACKING": Priority(100, "deploy: registers each template's inline <script>/<style> for "
                                           "the CSP, before any handler loads a template"),
    # --- on_page_content -------------------------------------------------------------
    "SANITIZE": Priority(-100, "security: last of the page-text handlers: whatever comes before "
                               "(admonition titles at 0) is sanitized too"),
    "PHONE_LINKS": Priority(-110, "reader safety: after SANITIZE: tel: links with aria-label come from "
                                  "the config, which the sanitizer rightly refuses from page text"),
    "TYPOGRAPHY": Priority(-120, "site: after SANITIZE and PHONE_LINKS: punctuation on the text as shown"),
    # --- on_page_context -------------------------------------------------------------
    "FEED_ITEM": Priority(-100, "partners: the feed item is the page as readers see it: after the "
                                "component markers, the historical and provenance notes (all at 0)"),
    # --- on_post_template ------------------------------------------------------------
    "LOCALIZED_404": Priority(-10, "translations: writes each locale's finished 404 page and empties the "
                                   "output, so after every handler that edits the 404 page (search at 0)"),
    # --- on_post_build ---------------------------------------------------------------
    "AFTER_LOCALES": Priority(-105, "first paint, deploy: after static-i18n built every locale (-100): "
                                    "the CSS purge reads every page; the nginx door lists pages all have"),
    "AFTER_SEARCH_MERGE": Priority(-110, "search, offline: after static-i18n merged the root search index "
                                         "and after AFTER_LOCALES: sw.js lists the purged assets"),
    "TEL_AUDIT": Priority(-190, "reader safety: audits the tel: links after every handler that writes pages"),
    "HEADERS": Priority(-200, "deploy: last: audits every page's inline code and writes the header files "
                              "with the hashes of what the pages use"),
    "PRECOMPRESS": Priority(-300, "deploy: after every handler that writes or audits a file: the Brotli "
                                  "twins (precompress.py) must hold each file's final bytes"),
}

# Our plugins in mkdocs.yml, after `search` and `i18n`. At equal priority this is the
# order of their handlers (tests/unit/test_plugin_package.py checks mkdocs.yml lists them
# so). Chosen so that, among handlers at 0, one that reads another's work runs after it:
# site (the locale table) before components (strings, menu) before reader safety (which
# checks the emergency numbers against the strings); search and offline edit the 404
# page before translations writes it; partners and the print kit render what the earlier
# ones registered.
PLUGIN_ORDER: tuple[str, ...] = (
    "smittevern-site",
    "smittevern-security",
    "smittevern-components",
    "smittevern-reader-safety",
    "smittevern-first-paint",
    "smittevern-search",
    "smittevern-offline",
    "smittevern-translations",
    "smittevern-partners",
    "smittevern-print-kit",
    "smittevern-deploy",
)


def at(name: str) -> Callable[[T], T]:
    """`@at("SANITIZE")`: the event priority named `name` in PRIORITIES."""
    priority = PRIORITIES[name].value

    def decorate(method: T) -> T:
        method = event_priority(priority)(method)
        method.smittevern_order = name  # type: ignore[attr-defined]
        return method

    return decorate
