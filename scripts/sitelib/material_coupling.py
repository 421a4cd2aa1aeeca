"""Every dependence on the internals of Material for MkDocs and mkdocs-static-i18n (and one of MkDocs).

Material's maintenance ends in 2027 and Zensical succeeds it, so each coupling
lives here, once, and checks its own assumption: a patch that no longer finds
what it patches stops the build with a message naming the installed version and
the patch (CouplingBroken), instead of silently doing nothing. CONTRIBUTING.md's
"Couplings to Material and static-i18n" lists them all: the checklist for an
upgrade or a move. tests/build/test_material_coupling.py runs every patch on the
pinned Material's own output.

Documented extension points (template blocks, plugin events, `theme.custom_dir`)
are not listed here; templates that extend blocks are checked by that test too.
"""
from __future__ import annotations

import functools
import html
import json
import os
import re
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import material
from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.theme import Theme

MATERIAL = f"mkdocs-material {version('mkdocs-material')}"
MKDOCS = f"mkdocs {version('mkdocs')}"
STATIC_I18N = f"mkdocs-static-i18n {version('mkdocs-static-i18n')}"


class CouplingBroken(PluginError):
    """A patch of Material's or static-i18n's output no longer applies."""

    def __init__(self, package: str, patch: str, problem: str) -> None:
        self.package, self.patch = package, patch
        super().__init__(f"{package}: the patch '{patch}' no longer applies: {problem}. Check it against this "
                         f"version (scripts/sitelib/material_coupling.py; CONTRIBUTING.md: Couplings to Material and static-i18n).")


# --- static-i18n: which locale is being built -------------------------------------------
# static-i18n builds the default locale, then, from its on_post_build, runs a nested
# build for every other locale. `building` is True during those nested builds and
# `current_language` names the locale; `all_languages` lists the configured locales.

def i18n_plugin(config: MkDocsConfig) -> Any:  # static-i18n's plugin (the package has no types)
    plugin = config.plugins.get("i18n")
    if plugin is None or not all(hasattr(plugin, name) for name in ("building", "current_language", "all_languages")):
        raise CouplingBroken(STATIC_I18N, "i18n_plugin", "the plugin (plugins: i18n) has no building, "
                             "current_language or all_languages")
    return plugin


def is_outer_build(config: MkDocsConfig) -> bool:
    """True in the default-locale build that wraps all the others (and sees the whole site at its end)."""
    return not i18n_plugin(config).building


def building_locale(config: MkDocsConfig, source_locale: str) -> str:
    """The locale being built: the nested build's, or the source locale in the outer build."""
    return source_locale if is_outer_build(config) else i18n_plugin(config).current_language


def configured_locales(config: MkDocsConfig) -> list[str]:
    """Locale codes listed under plugins.i18n.languages, in config order."""
    return list(i18n_plugin(config).all_languages)


# static-i18n gives Material's language menu its links as config.extra.alternate
# (set as an attribute, which is what Jinja reads); page templates read its context
# keys i18n_file_locale and i18n_page_locale by name.
def language_links(config: MkDocsConfig) -> list[dict[str, str]]:
    """The language menu's entries ({name, link, lang}) for the page being rendered."""
    return getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []


def set_language_links(config: MkDocsConfig, links: list[dict[str, str]]) -> None:
    config.extra.alternate = links  # type: ignore[attr-defined]  # an attribute, as static-i18n sets it


# --- MkDocs: the theme files each locale build copies -------------------------------------
# MkDocs lists every file under the theme's folders (the FileSystemLoader of
# config.theme.get_env()) and copies those that Files.add_files_from_theme's filter
# keeps. That filter drops every path with a part that starts with "." ('.*', '*/.*'),
# so Material's templates/.icons (14 000 SVG files) was walked and filtered for nothing
# in each of the 11 locale builds: about 0.07 s each, in every build and serve rebuild.
# ThemeFilesLoader does not enter such folders. tests/unit/test_theme_files.py holds
# it to the same list of copied files as MkDocs' own loader.

class ThemeFilesLoader(jinja2.FileSystemLoader):
    """MkDocs' theme loader, listing without entering folders whose name starts with '.'."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for searchpath in self.searchpath:
            for folder, subfolders, names in os.walk(searchpath, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                relative = os.path.relpath(folder, searchpath).replace(os.path.sep, "/")
                found.update(name if relative == "." else f"{relative}/{name}" for name in names)
        return sorted(found)


def list_theme_files_quickly(theme: Theme) -> None:
    """Give the environments theme.get_env() makes a ThemeFilesLoader."""
    if getattr(theme.get_env, "lists_for", None) is theme:
        return
    make_env = functools.partial(type(theme).get_env, theme)   # MkDocs' own, for this theme object

    def get_env() -> jinja2.Environment:
        env = make_env()
        loader = env.loader
        if type(loader) is not jinja2.FileSystemLoader:
            raise CouplingBroken(MKDOCS, "list_theme_files_quickly", "config.theme.get_env() no longer "
                                 f"gives a jinja2.FileSystemLoader (it gives {type(loader).__name__})")
        env.loader = ThemeFilesLoader(loader.searchpath, loader.encoding, loader.followlinks)
        return env

    get_env.lists_for = theme  # type: ignore[attr-defined]  # which theme object this wrapper serves
    theme.get_env = get_env  # type: ignore[method-assign]  # this theme object only


# --- Material's HTML --------------------------------------------------------------------

SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")(?![^>]*aria-label)')


def name_search_dialog(page_html: str, label: str) -> str:
    """Give Material's search dialog (role=dialog, no name; axe: aria-dialog-name) an accessible name."""
    named, count = SEARCH_DIALOG.subn(lambda match: f'{match.group(1)} aria-label="{html.escape(label)}"', page_html)
    if count != 1:
        raise CouplingBroken(MATERIAL, "name_search_dialog", f"found {count} unnamed search dialogs, expected 1")
    return named


ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def without_alternate_links(head_html: str) -> str:
    """Drop Material's <link rel=alternate hreflang> tags: with them its language menu
    fetches every language's sitemap.xml (404s). hreflang stays in sitemap.xml."""
    kept, count = ALTERNATE_LINK.subn("", str(head_html))
    if not count:
        raise CouplingBroken(MATERIAL, "without_alternate_links", "no <link rel=\"alternate\" hreflang> in the head")
    return kept


# base.html's site_meta block writes the page's front-matter `description` (or
# config.site_description) as <meta name="description">: a chat app's link preview.
DESCRIPTION = re.compile(r'[ \t]*<meta name="description" content="[^"]*">\n?')


def without_description(head_html: str) -> str:
    """Drop Material's <meta name="description">: components/link-preview writes one
    neutral text per language instead (a page's description can out the reader)."""
    kept, count = DESCRIPTION.subn("", str(head_html))
    if count != 1:
        raise CouplingBroken(MATERIAL, "without_description", f"{count} <meta name=\"description\"> in the head, not 1")
    return kept


CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def point_search_config(page_html: str, locale_prefix: str, worker_name: str | None = None) -> str:
    """Make Material's search `base` (where search/search_index.json is) the locale's
    root ('th/'), and, given worker_name, load that worker instead of Material's."""
    match = CONFIG_SCRIPT.search(page_html)
    try:
        config = json.loads(match.group(2)) if match else None
    except ValueError:
        config = None
    if not config or "base" not in config or "search" not in config:
        raise CouplingBroken(MATERIAL, "point_search_config",
                             'no <script id="__config"> with "base" and "search" in the page')
    assert match is not None  # config was read from it
    base = config["base"] if config["base"].endswith("/") else config["base"] + "/"
    config["base"] = base + locale_prefix
    if worker_name:
        config["search"] = config["search"].rsplit("/", 1)[0] + "/" + worker_name
    replaced = match.group(1) + json.dumps(config, ensure_ascii=False) + match.group(3)
    return page_html[:match.start()] + replaced + page_html[match.end():]


INLINE_SCRIPT = re.compile(r"<script>.*?</script>\s*", re.S)


def without_inline_scripts(page_html: str) -> str:
    """Drop Material's attribute-less inline <script>s (localStorage and tab helpers,
    useless without its bundle.js), so an embed view runs only script files and a
    strict Content-Security-Policy needs no hashes for it."""
    kept, count = INLINE_SCRIPT.subn("", page_html)
    if not count:
        raise CouplingBroken(MATERIAL, "without_inline_scripts", "no inline <script> to remove")
    if re.search(r"<script(?![^>]*\b(?:src|type)=)[^>]*>", kept):
        raise CouplingBroken(MATERIAL, "without_inline_scripts", "an inline <script> with attributes remains")
    return kept


MAIN_TAG = '<main class="md-main" data-md-component="main">'


def label_main(page_html: str, label: str) -> str:
    """Name Material's <main>: inside a partner's page, which has its own <main>, an
    unnamed one is a duplicate landmark for screen readers."""
    if page_html.count(MAIN_TAG) != 1:
        raise CouplingBroken(MATERIAL, "label_main", f"expected one {MAIN_TAG}")
    return page_html.replace(MAIN_TAG, MAIN_TAG[:-1] + f' aria-label="{html.escape(label)}">', 1)


# --- Material's header and footer (the reader-first pages) -----------------------------
# The language menu and the footer bar's start are Material's documented partials,
# overridden in overrides/partials/ (alternate.html, copyright.html); check_partials
# fails when Material's header or footer stops including them. The header's title is
# inline in header.html, which has no inner blocks: main.html filters it (name_in_header).

TEMPLATES = Path(material.__file__).parent / "templates"
# Material's template -> (the partial we override, what must surround its include)
PARTIALS = {
    "partials/header.html": ("partials/alternate.html",
                             re.compile(r'{%-?\s*if config\.extra\.alternate\s*-?%}\s*'
                                        r'{%-?\s*include "partials/alternate\.html"\s*-?%}')),
    "partials/footer.html": ("partials/copyright.html",
                             re.compile(r'<div class="md-footer-meta__inner md-grid">\s*'
                                        r'{%-?\s*include "partials/copyright\.html"\s*-?%}')),
}
HEADER_NAME = re.compile(r'(<div class="md-header__topic">\s*<span class="md-ellipsis">)(.*?)(</span>)', re.S)


def check_partials(templates: Path = TEMPLATES) -> None:
    """Material's header still includes partials/alternate.html (the language menu) while
    config.extra.alternate is set, and its footer bar still starts with
    partials/copyright.html: else our overrides of them would silently show nothing."""
    for template, (partial, include) in PARTIALS.items():
        if not (templates / partial).is_file():
            raise CouplingBroken(MATERIAL, "check_partials", f"{partial} is gone (overrides/{partial})")
        source = (templates / template).read_text(encoding="utf-8")
        if not include.search(source):
            raise CouplingBroken(MATERIAL, "check_partials", f"{template} no longer includes {partial} "
                                 f"where overrides/{partial} expects it")


def name_in_header(header_html: str, name: str) -> str:
    """Show `name` (extra.organisation.name) as the header's title; empty: keep the site's name."""
    if not name:
        return str(header_html)
    named, count = HEADER_NAME.subn(lambda m: m.group(1) + html.escape(name) + m.group(3), str(header_html), count=1)
    if count != 1:
        raise CouplingBroken(MATERIAL, "name_in_header", "no .md-header__topic > .md-ellipsis title")
    return named


def after_title(content_html: str, extra_html: str) -> str:
    """Insert extra_html right after the page's title: the <h1> at the top level of the
    content block (the Markdown's `# …`, or the one partials/content.html adds), never
    an <h1> inside a <details> or a box (page_structure.title_end, the one reading)."""
    from .page_structure import title_end

    if not str(extra_html).strip():
        return str(content_html)
    end = title_end(content_html)
    if end is None:
        raise CouplingBroken(MATERIAL, "after_title", "the page content has no <h1> at its top level "
                             "(partials/content.html)")
    return str(content_html)[:end] + str(extra_html) + str(content_html)[end:]


# --- Material's search ------------------------------------------------------------------
# Our worker (overrides/components/search/search-worker.js.in) wraps Material's and
# speaks its private message protocol: {type: 0, data: {config, docs, options}} sets up
# and is answered by {type: 1} (ready), {type: 2, data: query} searches, {type: 3, data:
# result} answers. Search loads on first use (components/search/search-lazy.html), which
# relies on how Material's bundle starts search: it creates the worker from
# __config.search at start-up, and downloads the index only for a form named "search".

WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
WORKER_PROTOCOL = {
    "setup is message 0 and reads data.config": re.compile(r"case 0:return yield \w+\(\w+\.data\.config\)"),
    "query is message 2, answered by message 3": re.compile(r"case 2:let \w+=\w+\.data;try\{return\{type:3,"),
    # Our worker reorders an answer's pages and drops the words marked missing (segmented locales).
    "an answer lists each page's results in data.items": re.compile(r"\{items:\[\.\.\.\w+\.values\(\)\]\}"),
    "each result's terms mark a query word found (true) or missing (false)":
        re.compile(r"\{score:[^{}]*,terms:\w+\}"),
    "the worker answers with a bare postMessage (which ours wraps)": re.compile(r"\{postMessage\(yield \w+\("),
}


def _one_file(folder: Path, pattern: str, patch: str) -> Path:
    """The one file of Material's in `folder` that matches `pattern` (its fingerprinted name)."""
    found = sorted(folder.glob(pattern))
    if len(found) != 1:
        raise CouplingBroken(MATERIAL, patch, f"expected one {pattern} in {folder}, "
                             f"found {[path.name for path in found]}")
    return found[0]


def _checked_script(folder: Path, pattern: str, rules: dict, patch: str) -> str:
    """Name of the one Material script in `folder` matching `pattern`, after checking
    that each of `rules` (what we rely on: its regex) still holds in it."""
    path = _one_file(folder, pattern, patch)
    text = path.read_text(encoding="utf-8")
    for rule, regex in rules.items():
        if not regex.search(text):
            raise CouplingBroken(MATERIAL, patch, f"{path.name}: {rule} no longer holds")
    return path.name


def material_search_worker(workers: Path = WORKERS) -> str:
    """File name of Material's search worker, after checking the protocol ours relies on."""
    return _checked_script(workers, "search.*.min.js", WORKER_PROTOCOL, "search worker protocol")


BUNDLES = WORKERS.parent
BUNDLE_STARTUP = {
    "the index is downloaded only for a form named search":
        re.compile(r'=document\.forms\.namedItem\("search"\)\?\w+\(\):\w+,'),
    "the search worker is created with new Worker(url)": re.compile(r"function \w+\(\w+,\w+=new Worker\(\w+\)\)"),
    "the page waits for the ready message (1) before it queries": re.compile(r"\.type===1"),
    # search-worker.js.in drops the missing words of segmented locales from `terms`.
    "a result says a word is missing only for a term marked false":
        re.compile(r"Object\.keys\((\w+)\.terms\)\.filter\(\w+=>!\1\.terms\[\w+\]\)"),
}
SEARCH_FORM = '<form class="md-search__form" name="search">'


def material_search_startup(bundles: Path = BUNDLES) -> str:
    """File name of Material's bundle, after checking how it starts search (what
    search-lazy.html relies on to keep search from loading before first use)."""
    return _checked_script(bundles, "bundle.*.min.js", BUNDLE_STARTUP, "material_search_startup")


def check_search_form(page_html: str) -> str:
    """The page has Material's one search form, named "search" (search-lazy.html takes the name off)."""
    if page_html.count(SEARCH_FORM) != 1:
        raise CouplingBroken(MATERIAL, "check_search_form", f"expected one {SEARCH_FORM}")
    return page_html


LUNR = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"


@functools.cache
def lunr_languages() -> frozenset[str]:
    """Languages Material ships a lunr pipeline for (lunr.<code>.min.js); English is built in."""
    found = {path.name.split(".")[1] for path in LUNR.glob("lunr.*.min.js")} - {"stemmer", "multi"}
    if not {"no", "ru", "fr"} <= found:
        raise CouplingBroken(MATERIAL, "lunr_languages", f"no lunr.<language>.min.js files in {LUNR}")
    return frozenset(found | {"en"})


def lunr_scripts(langs: list[str]) -> list[str]:
    """The lunr files Material's worker imports for `langs` (its setupSearchLanguages),
    relative to the worker: our worker downloads them at once, beside the index."""
    others = [lang for lang in langs if lang != "en"]
    if not others:
        return []
    scripts = ["stemmer.support"] + others + (["multi"] if len(langs) > 1 else [])
    paths = [f"../lunr/min/lunr.{name}.min.js" for name in scripts]
    missing = [path for path in paths if not (WORKERS / path).resolve().is_file()]
    if missing:
        raise CouplingBroken(MATERIAL, "lunr_scripts", f"no {', '.join(missing)} beside {WORKERS}")
    return paths


def search_entries(config: MkDocsConfig) -> tuple[list[dict[str, Any]], list[Any]]:
    """(entries, fields) of Material's search plugin: every locale's pages, which
    static-i18n has merged by the end of the build."""
    plugin = config.plugins.get("material/search")
    entries = getattr(getattr(plugin, "search_index", None), "entries", None)
    if entries is None or not hasattr(plugin.config, "fields"):  # type: ignore[union-attr]  # entries: a plugin
        raise CouplingBroken(MATERIAL, "search_entries", "plugins['material/search'] has no search_index.entries")
    return entries, plugin.config.fields  # type: ignore[union-attr]


# --- Material's stylesheet and bundle (first paint) -------------------------------------
# base.html's styles block links one main.<hash>.min.css in <head> (render-blocking), and
# its scripts block loads bundle.<hash>.min.js at the end of <body> without defer (parser-
# blocking). main.html moves the stylesheet to the end of <body> (the first screen's rules
# are inlined: scripts/smittevern/first_paint/plugin.py, which also purges it) and defers the bundle.

ASSETS = Path(material.__file__).parent / "templates" / "assets"
BASE_TEMPLATE = ASSETS.parent / "base.html"


@functools.cache
def material_stylesheet() -> str:
    """Site path of Material's stylesheet ('assets/stylesheets/main.<hash>.min.css'), after
    checking that base.html links exactly that file."""
    path = f"assets/stylesheets/{_one_file(ASSETS / 'stylesheets', 'main.*.min.css', 'material_stylesheet').name}"
    if f"'{path}'" not in BASE_TEMPLATE.read_text(encoding="utf-8"):
        raise CouplingBroken(MATERIAL, "material_stylesheet", f"base.html no longer links {path}")
    return path


def without_main_stylesheet(styles_html: str) -> str:
    """Material's styles block without its <link> to main.<hash>.min.css (the rest stays)."""
    styles_html, name = str(styles_html), material_stylesheet().rsplit("/", 1)[1]
    if styles_html.count(name) != 1:
        raise CouplingBroken(MATERIAL, "without_main_stylesheet", f"{name} is linked {styles_html.count(name)} "
                             "times in the styles block, not once")
    at = styles_html.index(name)
    start, end = styles_html.rfind("<link", 0, at), styles_html.find(">", at)
    if start < 0 or end < 0 or 'rel="stylesheet"' not in styles_html[start:end]:
        raise CouplingBroken(MATERIAL, "without_main_stylesheet", f"no <link rel=\"stylesheet\"> to {name}")
    return styles_html[:start] + styles_html[end + 1:]


# components/search/search.css replaces, on phones, the scaled disc that covers the page
# while search is open (its grown box widened the page) by a box the size of the screen.
SEARCH_OVERLAY = re.compile(r"\[data-md-toggle=search\]:checked~\.md-header \.md-search__overlay"
                            r"\{transform:scale\(\d+\)\}")


def check_search_overlay(css: str | None = None) -> int:
    """How many phone widths Material's stylesheet grows the search overlay at with
    transform: scale (what search.css undoes); fails when it no longer does."""
    css = (ASSETS.parent / material_stylesheet()).read_text(encoding="utf-8") if css is None else css
    found = len(SEARCH_OVERLAY.findall(css))
    if not found:
        raise CouplingBroken(MATERIAL, "check_search_overlay", "main.css no longer grows .md-search__overlay "
                             "with transform: scale on phones (components/search/search.css undoes it)")
    return found


SCRIPT_FILE = re.compile(r'<script src="([^"]+)"></script>')
BUNDLE_NAME = re.compile(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js$")


def deferred_scripts(scripts_html: str) -> str:
    """Material's scripts block with every <script src> deferred (bundle.<hash>.min.js included):
    they run in order after the page is parsed, and no longer hold up the first paint."""
    scripts_html = str(scripts_html)
    sources = SCRIPT_FILE.findall(scripts_html)
    if not any(BUNDLE_NAME.search(source) for source in sources):
        raise CouplingBroken(MATERIAL, "deferred_scripts", 'no <script src="…/bundle.<hash>.min.js"></script> '
                             "in the scripts block")
    return SCRIPT_FILE.sub(lambda match: f'<script src="{match.group(1)}" defer></script>', scripts_html)


# Components Material's bundle builds whole, for a feature (theme.features), which no
# page has before it runs: the purge keeps their classes (scripts/sitelib/css_purge.py).
# Components it builds inside ones the pages have (search results, the header's shadow)
# are found on the pages. Checked: each block is spelled in the bundle.
FEATURE_BLOCKS = {
    "content.code.copy": ("md-code",),
    "content.code.annotate": ("md-annotation", "md-tooltip", "md-tooltip2"),
    "content.tooltips": ("md-tooltip", "md-tooltip2"),
}


def script_built_blocks(features: Iterable[str]) -> set[str]:
    """Class blocks the bundle builds for these features, after checking that it still names them."""
    text = _one_file(ASSETS / "javascripts", "bundle.*.min.js", "script_built_blocks").read_text(encoding="utf-8")
    blocks = {block for feature in features for block in FEATURE_BLOCKS.get(feature, ())}
    missing = sorted(block for block in blocks if block not in text)
    if missing:
        raise CouplingBroken(MATERIAL, "script_built_blocks", f"the bundle no longer names {missing}")
    return blocks
