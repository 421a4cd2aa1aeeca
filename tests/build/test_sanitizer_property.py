"""Property: whatever Markdown and HTML a translator writes, the page content that
comes out of the build holds nothing outside the allowlist (or the build rejects it).

Each example goes through the real build steps: MkDocs renders the page with the
site's config (mkdocs.yml's Markdown extensions and MkDocs' own), then the
page_content event runs every hook on it, the sanitizer among them.
"""
import re

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from selectolax.lexbor import LexborHTMLParser

from scripts.devtools.local_site import ROOT
from scripts.sitelib.markers import MARKER_LINE, marker_components
from scripts.sitelib.sanitizer import ATTRIBUTES, GLOBAL_ATTRIBUTES, LINK_SCHEMES, TAGS, allowed_class
from scripts.sitelib.source_errors import SourceError

TAG_NAMES = ["script", "iframe", "img", "a", "div", "span", "svg", "path", "meta", "plaintext", "xmp", "style", "p",
             "details", "form", "input", "object", "embed", "base", "link", "math", "template", "noscript",
             "textarea", "title", "body", "table", "td", "code", "pre", "abbr", "foreignObject", "use"]
ATTRIBUTE_NAMES = ["onclick", "onerror", "ONLOAD", "style", "href", "src", "id", "class", "data-site-root-locales",
                   "referrerpolicy", "target", "title", "lang", "xlink:href", "formaction", "srcdoc", "http-equiv",
                   "content", "align", "markdown"]
VALUES = ["javascript:alert(1)", "JaVa&#x73;cript:x()", "java\nscript:x()", " javascript\\:x()", "data:text/html,x",
          "https://e.example/x.png", "//e.example/x", "/local.png", "#before", "__config", "js-quick-exit", "note",
          'x" onmouseover="y()', "<script>x()</script>", "&quot;><script>x()</script>", "0;url=https://e.example/",
          "unsafe-url", "1", "left", "twemoji"]
MARKDOWN_BITS = ["`", "```", "~~~", "    ", " ```html title x\n", "\\", "{: ", " }", "{ #id .note }", "[a](", ")", "!",
                 "<!--", "-->", "--!>", "\n", "\n\n", "> ", "- ", "1. ", "!!! note \"", "    ", ":smile:",
                 ":material-phone:", "## x { #y }", "Term\n:   def", "| a |\n|---|\n| b |", "<!-- contact-details -->",
                 "<!-- quick-exit -->", "&lt;script&gt;", "<", ">", "=", '"', "'", "tekst ", "ord"]


ALLOWED_TAG_NAMES = sorted(TAGS)
ALLOWED_ATTRIBUTE_NAMES = sorted(GLOBAL_ATTRIBUTES | {"href", "src", "align", "open", "viewBox", "d"})


@st.composite
def tags(draw):
    """A tag: half of them allowed ones with allowed attribute names (so that the
    check passes and the values are what is tried), half anything."""
    allowed = draw(st.booleans())
    name = draw(st.sampled_from(ALLOWED_TAG_NAMES if allowed else TAG_NAMES))
    names = st.sampled_from(ALLOWED_ATTRIBUTE_NAMES if allowed else ATTRIBUTE_NAMES)
    attributes = draw(st.lists(st.tuples(names, st.sampled_from(VALUES)), max_size=2))
    quote = draw(st.sampled_from(['"', "'", ""]))
    inner = "".join(f" {key}={quote}{value}{quote}" for key, value in attributes)
    closing = draw(st.sampled_from(["", f"</{name}>", ">", "/>"]))
    return f"<{name}{inner}>{draw(st.sampled_from(['', 'x', 'tekst']))}{closing}"


fragments = st.lists(st.one_of(tags(), st.sampled_from(MARKDOWN_BITS)), min_size=1, max_size=12).map("".join)


@pytest.fixture(scope="module")
def build_step():
    """page Markdown -> the page content after the page_content event, as in a build."""
    config = load_config(str(ROOT / "mkdocs.yml"), site_url="http://127.0.0.1:8000/")
    config = config.plugins.on_config(config)

    def step(markdown):
        file = File.generated(config, "nb/property.md", content="---\ntitle: Egenskap\n---\n\n" + markdown)
        files = Files([file])
        page = Page(None, file, config)
        page.read_source(config)
        page.render(config, files)
        return config.plugins.on_page_content(page.content, page=page, config=config, files=files)

    return step


def outside_the_allowlist(html):
    """Everything in sanitized HTML that the allowlist does not allow."""
    found = []
    tree = LexborHTMLParser(html)
    for node in tree.root.traverse(include_text=False):
        tag = node.tag
        if tag.startswith(("-", "_")) or tag in ("html", "head", "body"):
            if tag in ("html", "head", "body") and node.attributes:
                found.append(f"<{tag}> with attributes")
            continue
        if tag not in TAGS:
            found.append(f"<{tag}>")
        for name, value in node.attributes.items():
            value = value or ""
            if name not in GLOBAL_ATTRIBUTES | ATTRIBUTES.get(tag, set()):
                found.append(f"{name}= on <{tag}>")
            scheme = re.match(r"^([a-z][a-z0-9+.-]*):", re.sub(r"[\x00-\x20]", "", value).lower())
            if name in ("href", "src") and scheme and scheme.group(1) not in LINK_SCHEMES:
                found.append(f"{name}={value}")
            if name == "src" and (scheme or value.startswith("//")):
                found.append(f"src={value}")
            if name == "class" and not all(allowed_class(cls) for cls in value.split()):
                found.append(f"class={value}")
            if name == "id" and value.startswith(("__", "js-", "md-", "site-")):
                found.append(f"id={value}")
    for comment in re.finditer(r"<!--.*?-->", html, re.S):
        if not any(m.start() <= comment.start() < m.end() for m in MARKER_LINE.finditer(html)):
            found.append(f"comment {comment.group(0)[:40]}")
    return found


@settings(max_examples=50, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown=fragments)
def test_sanitized_content_holds_only_what_the_allowlist_allows(build_step, markdown):
    try:
        html = build_step(markdown)
    except SourceError:
        event("rejected")
        return  # rejected, with a message for the author: also a safe outcome
    event("built")
    assert outside_the_allowlist(html) == [], (markdown, html)
    for _, name in ((None, match.group(1)) for match in MARKER_LINE.finditer(html)):
        assert name in marker_components()


def test_the_property_can_fail():
    """The checker above finds what the sanitizer would have removed."""
    assert outside_the_allowlist('<p onclick="x()">a</p><script>x()</script><a href="javascript:x()">b</a>'
                                 '<!-- note --><img src="https://e/x.png">') == [
        "onclick= on <p>", "<script>", "href=javascript:x()", "src=https://e/x.png", "comment <!-- note -->"]
