"""The sanitizer: its allowlist, the line it names, markers, and nh3 as the last word."""
import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from scripts.sitelib.markers import marker_components
from scripts.sitelib.sanitizer import (
    ATTRIBUTES, GLOBAL_ATTRIBUTES, TAGS, allowed_class, clean, find_line, sanitize_content,
)
from scripts.sitelib.source_errors import SourceError
from scripts.sitelib.source_guard import site_renderer

MARKERS = frozenset({"contact-details", "language-list"})


def rejected(html, source=""):
    with pytest.raises(SourceError) as caught:
        sanitize_content(html, "docs/nb/p.md", source, MARKERS)
    return caught.value


def test_what_markdown_makes_passes_unchanged_in_meaning():
    html = site_renderer()(
        "# Tittel\n\n## Del { #del }\n\n!!! warning \"Viktig\"\n    Vask hendene :material-hand-wash:.\n\n"
        "| a | b |\n|:--|--:|\n| 1 | 2 |\n\nOrd\n:   Forklaring\n\n```html\n<p>kode</p>\n```\n\n"
        "[Ring](tel:+4712345678) [skriv](mailto:a@b.no) [les](https://www.fhi.no/) [her](#del)\n")
    out = sanitize_content(html, "p.md", "", MARKERS)
    for kept in ('<h2 id="del">', '<div class="admonition warning">', '<p class="admonition-title">Viktig</p>',
                 '<span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">',
                 '<th align="left">', '<td align="right">', "<dt>Ord</dt>", '<code class="language-html">',
                 'href="tel:+4712345678"', 'href="mailto:a@b.no"', 'href="https://www.fhi.no/"', 'href="#del"'):
        assert kept in out, kept


def test_the_error_names_the_line_in_the_markdown():
    source = "---\ntitle: T\n---\n\n# T\n\nTekst med `<iframe>` i kode.\n\n<iframe src=x></iframe>\n"
    error = rejected('<p>Tekst med <code>&lt;iframe&gt;</code> i kode.</p>\n<iframe src="x"></iframe>', source)
    assert error.line == 9 and str(error).startswith("docs/nb/p.md:9: <iframe> is not allowed")


def test_find_line_prefers_text_outside_code_and_gives_up_honestly():
    source = "`<script>`\n\n<script>x()</script>\n"
    assert find_line(source, [r"<\s*script\b"]) == 3
    assert find_line("`<script>` only in code", [r"<\s*script\b"]) == 1
    assert find_line("nothing here", [r"<\s*script\b"]) is None


def test_comments_go_and_markers_stay():
    html = "<p>Tekst <!-- notat --> her.</p>\n<!-- contact-details -->\n<!--\n<script>x()</script>\n-->\n"
    out = sanitize_content(html, "p.md", "", MARKERS)
    assert "notat" not in out and "script" not in out
    assert "\n<!-- contact-details -->\n" in out


@pytest.mark.parametrize("html, words", [
    ("<!-- quick-exit -->", "is not a marker: the component 'quick-exit' is placed by the site's templates"),
    ("<!-- contact-detail -->", "there is no component 'contact-detail'"),
    ("<p>Ring <!-- contact-details --> oss.</p>", "line of its own"),
])
def test_markers_only_for_marker_components_on_their_own_line(html, words):
    assert words in str(rejected(html))


def test_a_marker_inside_an_attribute_is_not_a_marker():
    # an attribute value may not hold '<', so '<!--' in nh3's output is always a real comment
    assert "may not contain '<'" in str(rejected('<abbr title="a\n<!-- contact-details -->\nb">x</abbr>'))
    out = clean('<abbr title="a\n<!-- contact-details -->\nb">x</abbr>')
    assert "title" not in out


def test_the_components_that_declare_themselves_markers():
    assert {"contact-details", "language-list", "flyer-list"} <= marker_components()
    assert not {"quick-exit", "listen", "page-dates", "offline"} & marker_components()


@pytest.mark.parametrize("html", [
    "<script>x()</script>", '<img src="a.png" onerror="x()">', '<a href="javascript:x()">a</a>',
    '<a href="  JaVa&#x09;Script:x()">a</a>', '<meta http-equiv="refresh" content="0;url=https://e/">',
    "<plaintext>", "<xmp>", "<noembed>", '<div id="__config"></div>', '<p class="js-quick-exit">x</p>',
    '<div data-site-root-locales="{}"></div>', '<p style="position:fixed">x</p>', '<img src="https://e.example/x.png">',
    '<a href="https://e/" target="_blank" referrerpolicy="unsafe-url">a</a>', "<iframe srcdoc='<script>x()</script>'>",
    '<svg><a href="javascript:x()"><path d="M0"/></a></svg>', '<form><input type="password"></form>',
    '<base href="https://e.example/">', '<body onload="x()">', "<math><mi>x</mi></math>",
    '<img class="twemoji" src="https://cdn.jsdelivr.net/x.svg" title=":smile:">',
])
def test_nh3_removes_the_hazard_even_when_the_check_is_bypassed(html):
    """The check rejects all of these; nh3 alone must also make each harmless."""
    rejected(html)
    out = clean(html)
    tree = LexborHTMLParser(out)
    for node in tree.root.traverse(include_text=False):
        if node.tag.startswith(("-", "_")) or node.tag in ("html", "head", "body"):
            continue
        assert node.tag in TAGS, out
        for name, value in node.attributes.items():
            assert name in GLOBAL_ATTRIBUTES | ATTRIBUTES.get(node.tag, set()), out
            if name in ("href", "src"):
                assert not re.match(r"\s*(?:javascript|data|vbscript):", value or "", re.I), out
            if name == "src":
                assert "//" not in value, out
            if name == "id":
                assert not value.startswith("__"), out
            if name == "class":
                assert all(allowed_class(cls) for cls in value.split()), out
