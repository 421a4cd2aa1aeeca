"""Pictures in docs/ by allowlist, and picture addresses read as a browser reads them."""
import pytest

from scripts.devtools.local_site import ROOT
from scripts.sitelib import safe_yaml
from scripts.sitelib.pictures import check_svg
from scripts.sitelib.source_errors import SourceError
from scripts.sitelib.urls import link_problem, page_base, picture_problem

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">{}</svg>'


def test_the_sites_own_svgs_pass():
    for path in ROOT.glob("docs/**/*.svg"):
        check_svg(path.read_bytes(), path)


def test_drawings_with_text_gradients_and_local_references_pass():
    check_svg(SVG.format('<defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient>'
                         '<clipPath id="c"><circle cx="1" cy="1" r="1"/></clipPath></defs>'
                         '<title>Logo</title><g fill="url(#g)" clip-path="url(#c)"><path d="M0 0h4"/>'
                         '<text x="1" y="2" xml:space="preserve">Helse <tspan>og</tspan></text></g>'
                         '<use href="#g"/>').encode(), "logo.svg")


@pytest.mark.parametrize("inner, words", [
    ("<script>x()</script>", "<script>"), ('<svg:script xmlns:svg="http://www.w3.org/2000/svg"/>', "<script>"),
    ('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>', "<foreignObject>"),
    ('<h:p xmlns:h="http://www.w3.org/1999/xhtml"/>', "xmlns:h"), ('<path onclick="x()" d="M0"/>', "onclick="),
    ('<path style="fill:url(https://e/x)" d="M0"/>', "style="), ('<style>path{}</style>', "<style>"),
    ('<path fill="url(https://e.example/x#g)" d="M0"/>', "url()"), ('<path fill="URL( //e/x )" d="M0"/>', "url()"),
    ('<use href="https://e.example/s.svg#a"/>', "href"), ('<use href=" javascript:x()"/>', "href"),
    ('<a href="#x"><path d="M0"/></a>', "<a>"), ('<image href="#x"/>', "<image>"),
    ('<animate attributeName="href" to="javascript:x()"/>', "<animate>"),
    ('<path d="M0" inkscape:label="x" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"/>', "xmlns:inkscape"),
])
def test_anything_off_the_lists_is_refused(inner, words):
    with pytest.raises(SourceError, match=__import__("re").escape(words)):
        check_svg(SVG.format(inner).encode(), "logo.svg")


@pytest.mark.parametrize("data, words", [
    (b'<?xml version="1.0"?><?xml-stylesheet href="https://e/x.css"?>' + SVG.format("").encode(), "xml-stylesheet"),
    (b'<!DOCTYPE svg [<!ENTITY a "x">]>' + SVG.format("&a;").encode(), "DTD"),
    (SVG.format("<text>Å</text>").encode("latin-1"), "not UTF-8"),
    (b'<?xml version="1.0" encoding="ISO-8859-1"?>' + SVG.format("").encode(), "encoding"),
    (SVG.format("<desc>" + "x" * 210_000 + "</desc>").encode(), "at most 200 KB"),
    (b"<svg><path d='M0'/></svg>", "no xmlns"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'><path></svg>", "not well-formed"),
])
def test_svg_files_are_utf8_xml_without_dtds_and_small(data, words):
    with pytest.raises(SourceError, match=words):
        check_svg(data, "logo.svg")


@pytest.mark.parametrize("src, ok", [
    ("../assets/logo.svg", True), ("logo.png", True), ("https:logo.png", True),
    ("/assets/logo.svg", False), ("/\\evil.example/x.png", False), ("\\\\evil.example/x.png", False),
    ("//evil.example/x.png", False), ("ht\ttps://evil.example/x.png", False), ("https://evil.example/x.png", False),
    ("../../../../x.png", False), ("%2e%2e/%2e%2e/%2e%2e/x.png", False), ("data:image/png;base64,AAAA", False),
    ("java\nscript:x()", False), ("logo.png?track=1", False), ("../help/", False),
])
def test_picture_sources_are_relative_paths_inside_the_site(src, ok):
    assert (picture_problem(src, page_base("nb/help.md")) is None) == ok, picture_problem(src, page_base("nb/help.md"))


@pytest.mark.parametrize("href, problem", [
    ("help.md", None), ("#before", None), ("https://www.fhi.no/", None), ("mailto:a@b.no", None), ("tel:113", None),
    ("http://www.fhi.no/", "http"), ("HTTP://x.no", "http"), ("/\\evil.example/", "disguised"),
    ("//evil.example/", "disguised"), ("HTTPS:\\\\evil.example", "disguised"), ("javascript:x()", "scheme"),
    ("https://u:p@e.example/", "credentials"),
])
def test_links_are_read_as_a_browser_reads_them(href, problem):
    assert link_problem(href, page_base("nb/help.md")) == problem


@pytest.mark.parametrize("text, line, words", [
    ("a: &x 1\nb: *x\n", 1, "anchors"), ("a: 1\nb: [*x]\n", 2, "aliases"),
    ("a:\n" + "".join("  " * i + "- \n" for i in range(1, 23)), 21, "nested more than 20"),
    ("a: !!python/object:os.system x\n", 1, "not valid YAML"), ("a: [1,\n", 2, "not valid YAML"),
])
def test_translator_yaml_is_plain_data(text, line, words):
    with pytest.raises(SourceError, match=rf"strings.yml:{line}: .*{words}"):
        safe_yaml.load(text, "strings.yml")
