"""Inline blocks: templates register theirs as they render; the audit refuses the rest."""
import json

import pytest
from jinja2 import DictLoader, Environment

from scripts.sitelib import inline_blocks
from scripts.sitelib.inline_blocks import InlineCodeError, audit_site, mark_template_blocks, sha256


@pytest.fixture(autouse=True)
def fresh_registry():
    inline_blocks.reset()
    yield
    inline_blocks.reset()


def test_sha256_matches_the_csp_spec_example():
    # sha256 of "alert('Hello, world.');", the CSP3 specification's example
    assert sha256("alert('Hello, world.');") == "sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng="


def test_only_executable_inline_scripts_and_styles_are_marked():
    source = ('<script>a()</script><script src="x.js"></script><script type="application/json">{"a": 1}</script>'
              '<SCRIPT type="module">b()</SCRIPT><style>p{}</style>')
    assert mark_template_blocks(source) == (
        "<script>{% filter inline_script %}a(){% endfilter %}</script><script src=\"x.js\"></script>"
        '<script type="application/json">{"a": 1}</script>'
        '<SCRIPT type="module">{% filter inline_script %}b(){% endfilter %}</SCRIPT>'
        "<style>{% filter inline_style %}p{}{% endfilter %}</style>")


def test_templates_register_exactly_what_they_render():
    env = Environment(loader=DictLoader({
        "page.html": "<script>var scope = {{ scope | tojson }};</script><style>:root{--x:{{ x }}}</style>{{ content }}"}))
    inline_blocks.track_template_blocks(env)
    html = env.get_template("page.html").render(scope="/", x=1, content="<script>evil()</script>")
    assert html.startswith('<script>var scope = "/";</script><style>:root{--x:1}</style>')
    assert inline_blocks.registered("script") == {sha256('var scope = "/";')}
    assert inline_blocks.registered("style") == {sha256(":root{--x:1}")}  # the content's script is not


def test_build_code_registers_its_own_blocks():
    assert inline_blocks.register_style("h1{margin:0}") == "h1{margin:0}"
    assert inline_blocks.registered("style") == {sha256("h1{margin:0}")}


def write(site, path, text):
    target = site / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def test_the_audit_returns_the_hashes_in_use(tmp_path):
    inline_blocks.register_script("a()")
    inline_blocks.register_script("unused()")
    write(tmp_path, "index.html", "<script>a()</script><script src=x.js></script><script type=application/json>{}</script>")
    assert audit_site(tmp_path) == ([sha256("a()")], [])


@pytest.mark.parametrize("path, text, words", [
    ("th/index.html", "<script>b()</script>", "th/index.html: an inline <script> that no template"),
    ("index.html", "<style>p{}</style>", "an inline <style>"),
    ("index.html", '<p onclick="a()">x</p>', "event handler onclick="),
    ("index.html", '<svg><a href=" javascript:a()">x</a></svg>', "javascript: URL"),
    ("index.html", '<p style="color:red">x</p>', "style= attribute"),
    ("feed.json", json.dumps({"pages": [{"html": "<p><img src=x onerror=a()></p>"}]}), "feed.json: event handler"),
    ("feed.json", json.dumps({"pages": [{"html": "<script>a()</script>"}]}), "feed.json: an inline <script>"),
    ("atom.xml", "<feed><content type='html'>&lt;script&gt;a()&lt;/script&gt;</content></feed>", "atom.xml:"),
])
def test_the_audit_refuses_inline_code_nothing_registered(tmp_path, path, text, words):
    inline_blocks.register_script("a()")  # registered for pages, never for feeds
    write(tmp_path, path, text)
    with pytest.raises(InlineCodeError, match=words.replace("(", r"\(")):
        audit_site(tmp_path)
