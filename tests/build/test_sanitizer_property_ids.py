"""Property (issue 20, item 1): whatever ids a translator writes, in attr_lists (`#id`,
`id=`, several at once), raw HTML or heading text, the build either refuses the
page or every id in its content is one of the grammar, none shadows a browser
global, the source guard reads each heading's id as attr_list did, and every
embed view of the page lands inside the output folder.

Each example goes through the source guard (check_source) and the real build steps
of tests/build/test_sanitizer_property.py (MkDocs renders, the page_content hooks run).
"""
import re

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from scripts.sitelib.heading_ids import heading_id
from scripts.sitelib.sanitizer import id_problem
from scripts.sitelib.site_files import site_path
from scripts.sitelib.source_errors import SourceError
from scripts.sitelib.source_guard import check_source
from tests.build.test_sanitizer_property import build_step  # noqa: F401 (a fixture)

IDS = ["before", "if-sick", "covid-19", "../../x", "/tmp/x", "a/b", "..", "x y", "Navigation", "navigation",
       "location", "history", "caches", "__config", "md-x", "site-x", "js-x", "a_b", "a--b", "-a", "é", "a.b",
       "a" * 65, "a" * 64, "1", "name", "%2e%2e", "\\x", "&#46;&#46;", "a&amp;b", "x#y", "ok"]
GOOD_IDS = ["before", "during", "after", "if-sick", "covid-19", "1", "a" * 64]
ids = st.one_of(st.sampled_from(GOOD_IDS), st.sampled_from(IDS))  # half of them good: more pages get built
TOKENS = st.one_of(
    ids.map(lambda value: f"#{value}"),
    ids.map(lambda value: f'id="{value}"'),
    ids.map(lambda value: f"id={value}"),
    st.sampled_from(['.note', 'data-toc-label="x"', 'title="t"', 'name="n"', "tabindex=1"]),
)
attr_lists = st.lists(TOKENS, min_size=0, max_size=3).map(lambda tokens: " { " + " ".join(tokens) + " }" if tokens else "")
headings = st.tuples(st.sampled_from(["## ", "### ", "## ", "### ", "##", "    ## ", "# "]),
                     st.sampled_from(["Før møtet", "Navigation", "Location", "&lt;/h2&gt;", "Hjelp"]),
                     attr_lists).map("".join)
raw = st.tuples(st.sampled_from(["<h2 id=\"{}\">x</h2>", "<p id='{}'>x</p>", "<span id={}>x</span>",
                                 "Tekst.\n{{: #{} }}", "[lenke](#before){{ #{} }}"]),
                ids).map(lambda pair: pair[0].format(pair[1]))
pages = st.lists(st.one_of(headings, raw), min_size=1, max_size=3).map(lambda blocks: "\n\n".join(blocks))


@settings(max_examples=60, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=pages)
def test_every_id_that_comes_out_is_one_of_the_grammar(build_step, tmp_path_factory, body):  # noqa: F811
    markdown = "# Egenskap\n\n" + body
    try:
        check_source("---\ntitle: Egenskap\n---\n\n" + markdown + "\n", "docs/nb/property.md")
        html = build_step(markdown)
    except SourceError:
        event("rejected")
        return
    event("built")
    tree = LexborHTMLParser(html)
    for node in tree.css("[id]"):
        assert id_problem(node.attributes["id"]) is None, (body, node.html)
    # the guard read each top-level heading's id as attr_list gave it
    rendered = [node.attributes.get("id") for node in tree.css("body > h2, body > h3")]
    read = [heading_id(line.split(" ", 1)[1]) for line in markdown.split("\n") if re.match(r"^#{2,3} ", line)]
    left = iter(rendered)  # raw <h2 id> may come in between: `read` is a subsequence of `rendered`
    assert all(any(found == wanted for found in left) for wanted in read), (body, rendered, read)
    site = tmp_path_factory.getbasetemp()
    for section in rendered:
        site_path(site, f"property/embed/{section}/index.html")


def test_the_property_can_fail():
    """The checks above find what the old rules let through."""
    assert id_problem("../../x") and id_problem("navigation")
    assert heading_id('Før { #before id="../x" }') == "../x"
    with pytest.raises(SourceError):
        site_path("/tmp/site", "property/embed/../../../x/index.html")
