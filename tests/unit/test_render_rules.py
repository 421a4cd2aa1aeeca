"""Issue 20, items 1, 2, 3, 6 and 7, one rule at a time: the id grammar and where
the build writes, autoescape in our templates, interface strings as data, ids that
shadow browser globals, and the page title and markers a translation keeps."""
import ast
import re

import pytest
from jinja2 import nodes as jinja_nodes
from markupsafe import Markup, escape
from mkdocs.config import load_config

from scripts.devtools.local_site import ROOT
from scripts.smittevern.security.plugin import SecurityPlugin
from scripts.sitelib.autoescape import own_templates
from scripts.sitelib.heading_ids import ID_MAX_LENGTH, slugify
from scripts.sitelib.material_coupling import after_title
from scripts.sitelib.page_structure import check_page_title, check_translation_markers, title_end
from scripts.sitelib.sanitizer import WINDOW_GLOBALS, id_problem, sanitize_content
from scripts.sitelib.site_files import site_path, write_site_file
from scripts.sitelib.source_errors import SourceError
from scripts.sitelib.source_guard import check_source
from scripts.sitelib.plurals import texts
from scripts.sitelib.ui_strings import FILLED_IN_BROWSER, PLACEHOLDERS, fill, load_strings, placeholder_problem

OVERRIDES = ROOT / "overrides"


# --- 1. ids: one grammar; every write inside the output folder -------------------------

@pytest.mark.parametrize("value", ["before", "if-sick", "covid-19", "19", "a" * ID_MAX_LENGTH])
def test_ids_of_the_grammar_pass(value):
    assert id_problem(value) is None


@pytest.mark.parametrize("value, words", [
    ("../x", "not a valid id"), ("/tmp/x", "not a valid id"), ("a/b", "not a valid id"), ("Before", "not a valid id"),
    ("a_b", "not a valid id"), ("a--b", "not a valid id"), ("-a", "not a valid id"), ("a.b", "not a valid id"),
    ("før", "not a valid id"), ("", "not a valid id"), ("a" * (ID_MAX_LENGTH + 1), "at most 64"),
    ("__config", "reserved"), ("md-content", "reserved"), ("site-x", "reserved"), ("js-x", "reserved"),
    ("navigation", "window.navigation"), ("history", "window.history"), ("caches", "window.caches"),
])
def test_ids_outside_the_grammar_are_refused(value, words):
    assert words in id_problem(value)


def error_of(markdown):
    with pytest.raises(SourceError) as caught:
        check_source("---\ntitle: T\n---\n\n# T\n\n" + markdown + "\n", "docs/nb/p.md")
    return caught.value


@pytest.mark.parametrize("markdown, line, words", [
    ('## A { #a id="../b" }', 7, "id '../b' is not a valid id"),          # the last id wins, as in attr_list
    ("## A { id=x #../b }", 7, "id '../b' is not a valid id"),
    ("## A {: #a/b }", 7, "id 'a/b'"),
    ('## A { #a data-toc-label="x" }', 7, "'data-toc-label=' is not allowed"),  # toc would take it off
    ("Tekst.\n{: #a tabindex=1 }", 8, "'tabindex=' is not allowed"),
    ('![x](../assets/x.svg){ name="cookie" }', 7, "'name=' is not allowed on <img>"),
    ('<a name="top">x</a>', 7, "'name=' is not allowed on <a>"),
    ("!!! note\n\n    ## Inni { #../x }", 9, "is not a valid id"),    # a heading the line check does not see
    ("!!! note\n\n    ## Inni", 9, "has no id"),
    ("##Uten mellomrom", 7, "has no id"),                                # Python-Markdown's heading, not CommonMark's
    ('<p id="Location">x</p>', 7, "id 'Location' is not a valid id"),
])
def test_what_attr_list_gives_is_read_as_attr_list_reads_it(markdown, line, words):
    error = error_of(markdown)
    assert error.line == line and words in str(error), str(error)


def test_the_page_title_gets_an_id_of_the_grammar():
    assert slugify("COVID-19 og smittevern", "-") == "covid-19-og-smittevern"
    assert slugify("Trouver de l'aide", "-") == "trouver-de-l-aide"
    assert slugify("การป้องกันการติดเชื้อ", "-") == "title"     # nothing left: a fixed id
    assert slugify("Navigation", "-") == "title"              # a window global: never the id
    assert len(slugify("word " * 40, "-")) <= ID_MAX_LENGTH


def test_writes_outside_the_output_folder_are_refused_naming_the_source(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    assert write_site_file(site, "embed/before/index.html", "x").read_text() == "x"
    for bad in ("../outside.html", "embed/../../outside.html", "/tmp/outside.html", str(tmp_path / "x.html")):
        with pytest.raises(SourceError, match=r"^docs/nb/p\.md: would write .* outside the output folder"):
            write_site_file(site, bad, "x", source="docs/nb/p.md")
    (site / "link").symlink_to(tmp_path)
    with pytest.raises(SourceError, match="outside the output folder"):
        site_path(site, "link/escaped.html")
    assert not (tmp_path / "outside.html").exists() and not (tmp_path / "escaped.html").exists()


BUILD_CODE = sorted((ROOT / "scripts" / "smittevern").rglob("*.py")) + sorted((ROOT / "scripts" / "sitelib").glob("*.py"))
# Not build code: they write docs/ and translations/ for `scripts/i18n.py`, never the site.
TRANSLATION_TOOLS = {"freshness.py", "provenance.py", "xliff_io.py"}


def test_every_write_of_the_build_goes_through_one_function():
    writes = []
    for path in BUILD_CODE:
        if path.name in TRANSLATION_TOOLS | {"site_files.py"}:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = node.func.attr if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) else \
                node.func.id if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) else None
            mode = next((arg.value for arg in node.args[1:2] if isinstance(arg, ast.Constant)), "r") \
                if name == "open" else ""
            if name in ("write_text", "write_bytes", "mkdir", "copyfile", "copy", "copytree", "symlink_to") or \
                    (name == "open" and set(str(mode)) & set("wax+")):
                writes.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    assert not writes, f"write through scripts/sitelib/site_files.py write_site_file(): {writes}"


# --- 2. our templates escape what they print ----------------------------------------------

@pytest.fixture(scope="module")
def site_env():
    """The build's Jinja environment after the security plugin's autoescape (scripts/smittevern/security/plugin.py)."""
    config = load_config(str(ROOT / "mkdocs.yml"), site_url="http://127.0.0.1:8000/")
    plugin = config.plugins["smittevern-security"]   # the build's own plugin instance, from mkdocs.yml
    assert isinstance(plugin, SecurityPlugin)
    return plugin.on_env(config.theme.get_env(), config=config, files=None)


TEMPLATES = sorted(own_templates(OVERRIDES))


def test_our_templates_are_the_ones_under_overrides():
    assert "main.html" in TEMPLATES and "embed.html" in TEMPLATES
    assert "components/print-kit/flyer.html" in TEMPLATES and len(TEMPLATES) > 30


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_template_of_ours_prints_nothing_unescaped(site_env, name):
    """Compiled, a template prints each {{ … }} through escape() (Markup passes as it is),
    never through str(): a template of ours that printed a value raw fails here."""
    source = (OVERRIDES / name).read_text(encoding="utf-8")
    for node in site_env.parse(source).find_all(jinja_nodes.Filter):  # the build's plugins add these
        site_env.filters.setdefault(node.name, lambda value, *args, **kwargs: value)
    code = site_env.compile(source, name, raw=True)
    assert "yield str(" not in code, name


def test_materials_templates_keep_their_own_rule(site_env):
    assert site_env.autoescape("main.html") and site_env.autoescape("components/stale-notice/stale-notice.html")
    assert not site_env.autoescape("base.html") and not site_env.autoescape("partials/header.html")


SAFE = re.compile(r"\{\{-?\s*([^{}]*?)\s*\|\s*safe\b")
SANITIZED_BODY = {"embed.content", "flyer.lead", "message.icon", "message.html", "section.html", "page.content"}


def test_safe_is_written_only_on_the_sanitized_page_body():
    found = {(name, match.group(1)) for name in TEMPLATES
             for match in SAFE.finditer((OVERRIDES / name).read_text(encoding="utf-8"))}
    assert {expression for _, expression in found} <= SANITIZED_BODY, sorted(found)


def test_a_hostile_title_renders_as_text(site_env):
    html = site_env.get_template("components/link-preview/link-preview.html").render(
        config={"site_name": '</title><meta http-equiv="refresh" content="0">', "site_description": 'a" onload="x'})
    assert "<meta http-equiv" not in html and "&lt;/title&gt;" in html and 'onload="x' not in html


# --- 3. interface strings are data ---------------------------------------------------------

def test_placeholders_are_filled_once_and_escaped():
    text = "Endret {date}: {sections}."
    assert fill(text, "stale_notice_one", {"date": "{sections}", "sections": Markup("<a>x</a>")}, escape) == \
        Markup("Endret {sections}: <a>x</a>.")                # a value is never read again
    assert fill("Råd ({date})", "historical_advice", {"date": "<b>"}, escape) == Markup("Råd (&lt;b&gt;)")
    assert fill("Råd ({date})", "historical_advice", {"date": "april 2021"}) == "Råd (april 2021)"
    with pytest.raises(ValueError, match="declares"):
        fill("Råd ({date})", "historical_advice", {"date": "x", "extra": "y"})


@pytest.mark.parametrize("text, key", [
    ("Råd ({date.__class__})", "historical_advice"), ("Råd ({0})", "historical_advice"),
    ("Råd ({{date}})", "historical_advice"), ("Råd {date!r}", "historical_advice"), ("Råd } {", "historical_advice"),
    ("Råd ({count})", "historical_advice"), ("Hjem {date}", "nav_home"), ("%(date)s {", "nav_home"),
])
def test_a_brace_that_is_not_a_declared_placeholder_is_refused(text, key):
    assert "not a placeholder" in placeholder_problem(text, key)


def test_strings_files_name_the_file_and_line_of_a_stray_brace(tmp_path):
    component = tmp_path / "components" / "page-dates"
    component.mkdir(parents=True)
    (component / "strings.yml").write_text("historical_advice:\n  nb: Råd ({date})\n  en: Advice ({date.year})\n",
                                           encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_strings(tmp_path, locales=["nb", "en"])
    assert caught.value.line == 3 and str(caught.value).startswith(str(component / "strings.yml"))
    (component / "strings.yml").write_text("historical_advice:\n  nb: Råd ({date})\n", encoding="utf-8")
    (tmp_path / "strings").mkdir()
    (tmp_path / "strings" / "en.yml").write_text("# English\nhistorical_advice: 'Advice {date} {__import__}'\n",
                                                 encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_strings(tmp_path, locales=["nb", "en"])
    assert caught.value.line == 2 and str(caught.value).startswith(str(tmp_path / "strings" / "en.yml"))


def test_every_declared_placeholder_is_a_real_key_and_the_real_strings_pass():
    table = load_strings()
    assert set(PLACEHOLDERS) <= set(table["nb"])
    for key, names in PLACEHOLDERS.items():
        for locale, strings in table.items():
            for text in texts(strings[key]):   # each plural form of a text with a count
                assert set(re.findall(r"\{([a-z_]+)\}", text)) <= set(names), (key, locale)


def test_no_format_string_or_template_runs_on_text():
    """No str.format() on anything but a literal, no % on a string, no Jinja from a string."""
    found = []
    for path in BUILD_CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr in ("format", "format_map") and not isinstance(node.func.value, ast.Constant):
                    found.append(f"{path.name}:{node.lineno} .{node.func.attr}()")
                if node.func.attr in ("from_string", "Template"):
                    found.append(f"{path.name}:{node.lineno} {node.func.attr}")
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and (
                    isinstance(node.left, ast.JoinedStr) or isinstance(node.right, (ast.Tuple, ast.Dict)) or
                    (isinstance(node.left, ast.Constant) and isinstance(node.left.value, str))):
                found.append(f"{path.name}:{node.lineno} %")  # "…" % values; n % 2 is arithmetic
    assert not found, found


@pytest.mark.parametrize("name", TEMPLATES)
def test_templates_fill_placeholders_only_through_ui_fill(name):
    source = (OVERRIDES / name).read_text(encoding="utf-8")
    assert not re.search(r"replace\(\s*['\"]\{|\|\s*format\b|%\s*\(", source), name
    for key in set(re.findall(r"\bui(?:\.([a-z_0-9]+)|\[\s*['\"]([a-z_0-9]+)['\"]\s*\])", source)):
        key = key[0] or key[1]
        assert key not in PLACEHOLDERS or key in FILLED_IN_BROWSER, f"{name}: ui.{key} has placeholders: ui_fill it"


# --- 6. ids that shadow window globals -------------------------------------------------------

def test_the_window_globals_list_comes_from_chromium_with_its_script():
    text = (ROOT / "scripts" / "sitelib" / "window_globals.txt").read_text(encoding="utf-8")
    assert text.startswith("# Global names in Chromium ") and "smittevern dev window-globals" in text
    assert (ROOT / "scripts" / "devtools" / "window_globals.py").is_file()
    assert {"navigation", "NavigateEvent", "Navigation", "location", "history", "caches", "name", "top"} <= \
        WINDOW_GLOBALS
    assert len(WINDOW_GLOBALS) > 900


def test_ids_that_shadow_globals_are_refused_in_page_html():
    for value in ("navigation", "location", "history", "opener"):
        with pytest.raises(SourceError, match=rf"window\.{value}"):
            sanitize_content(f'<h2 id="{value}">x</h2>', "docs/nb/p.md", f"## x {{ #{value} }}")


# --- 7. the page title and the markers -------------------------------------------------------

def test_the_title_is_the_top_level_h1():
    content = '<details><summary>S</summary>\n<h1>Folded</h1></details>\n<h1 id="t">Title</h1>\n<p>x</p>'
    assert content[:title_end(content)].endswith("Title</h1>")
    assert title_end("<div><h1>T</h1></div>") is None
    assert after_title('<a class="md-content__button">e</a>\n<h1>T</h1><p>x</p>', "<p>N</p>") == \
        '<a class="md-content__button">e</a>\n<h1>T</h1><p>N</p><p>x</p>'


@pytest.mark.parametrize("html, words", [
    ('<details><summary>x</summary><h1>T</h1></details>', "inside <details>"),
    ('<div class="admonition note"><h1>T</h1></div>', "inside <div>"),
    ("<h1>T</h1><p>x</p><h1>U</h1>", "second one"),
])
def test_a_title_that_is_not_the_page_title_is_refused(html, words):
    with pytest.raises(SourceError, match=re.escape(words)):
        check_page_title(html, "docs/en/p.md", "# T\n")


def test_a_translation_keeps_the_markers_of_its_source(tmp_path):
    (tmp_path / "nb").mkdir()
    (tmp_path / "en").mkdir()
    (tmp_path / "nb" / "help.md").write_text("# H\n\n<!-- urgent-help -->\n\n## A { #a }\n\n<!-- contact-details -->\n")
    (tmp_path / "en" / "help.md").write_text("# H\n\n<!-- urgent-help -->\n\n## A { #a }\n\n<!-- contact-details -->\n")
    check_translation_markers(tmp_path)
    (tmp_path / "en" / "help.md").write_text("# H\n\n## A { #a }\n\n<!-- contact-details -->\n")
    with pytest.raises(SourceError, match=r"en/help\.md: <!-- urgent-help --> is missing before the first ##.*"
                                          r"nb/help\.md:3"):
        check_translation_markers(tmp_path)
    (tmp_path / "en" / "help.md").write_text("# H\n\n## A { #a }\n\n<!-- contact-details -->\n\n<!-- urgent-help -->\n")
    with pytest.raises(SourceError) as caught:
        check_translation_markers(tmp_path)
    assert caught.value.line == 7 and "is in the section { #a } here" in str(caught.value)


def test_the_real_pages_keep_their_markers_and_titles():
    check_translation_markers(ROOT / "docs")
