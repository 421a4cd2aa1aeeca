"""Matching a selector once per element context gives what matching every element gives
(scripts/sitelib/css_purge.py: Pages._one_per_context, selector_context).

A selector that reads only its subject and the subject's ancestors, or their siblings
too, gives the same answer on every element whose context it cannot tell apart: the
purge tries one element per context. The reference is soupsieve on every element of
every page (tests/unit/test_page_shapes.py), on pages whose chrome repeats with small
differences, as built pages' headers and navigation do."""
import pytest
import soupsieve
import tinycss2

from scripts.sitelib import css_purge
from scripts.sitelib.css_purge import Matcher, Pages, critical, purge, selector_context, stylesheet_reads
from scripts.sitelib.page_shapes import PSEUDO_NEVER
from tests.unit.test_page_shapes import CSS, PAGES, page, reference

MORE_CSS = CSS + """
.site-language li:nth-child(2 of :not([hidden]))>a{color:red}
.md-body>input~article .note{color:blue}.md-body>input+div a{color:green}
.site-language li:not(:first-child) a[aria-current]{color:navy}
.site-language li:only-child a{color:teal}.site-language li:last-of-type a[lang=th]{color:olive}
article :is(p, table)+.late-only{color:maroon}:not(.site-sheet)>a.site-sheet__link{color:gray}
html[dir=rtl] body .site-language [aria-current]{color:lime}
"""
MORE_PAGES = PAGES + [page("th", current=2), page("en", current=0, direction="rtl"),
                      page("zh", current=1, extra='<div class="late-only">y</div>')]


def tokens(text):
    return list(tinycss2.parse_component_value_list(text))


def test_what_a_selector_reads_around_its_subject():
    assert selector_context(tokens(".a .b>.c:not(.d):is(.e, .f .g):hover")) == "ancestors"
    assert selector_context(tokens(".a+.b .c")) == "siblings"
    assert selector_context(tokens(".a .c:not(.x~.y)")) == "siblings"
    assert selector_context(tokens("li:nth-child(2 of .x) a")) == "siblings"
    assert selector_context(tokens(".a:has(.b)")) is None       # children
    assert selector_context(tokens(".a:empty")) is None         # text
    assert selector_context(tokens("input:checked")) is None    # soupsieve reads more than the element
    assert selector_context(tokens(":root .a")) is None
    assert selector_context(tokens(".a:not(:has(.b))")) is None


@pytest.mark.parametrize("first_screen", [False, True], ids=["purge", "first screen"])
def test_one_element_per_context_gives_what_every_element_gives(first_screen):
    expected = reference(MORE_CSS, MORE_PAGES, first_screen)
    matcher = Matcher(Pages(MORE_PAGES, stylesheet_reads(MORE_CSS)))
    assert (critical(MORE_CSS, matcher) if first_screen else purge(MORE_CSS, matcher)) == expected
    # The contexts stand for fewer elements than the pages have: the test exercises the sharing.
    every = sum(len(shape.elements) for shape in matcher.pages.shapes)
    for reads in ("ancestors", "siblings"):
        shared = {id(element) for found in matcher.pages.one_per_context[reads, False].values() for _, element in found}
        assert len(shared) < every


def test_the_reference_tells_the_sibling_contexts_apart(monkeypatch):
    # Were siblings read as ancestors, the second language's rule would depend on which page came first.
    monkeypatch.setattr(css_purge, "selector_context", lambda tokens: "ancestors")
    css = ".site-language li:nth-child(2) a[aria-current]{font-weight:600}"
    pages = [page("nb", current=0), page("th", current=1)]
    assert "font-weight:600" in reference(css, pages, False)
    assert "font-weight:600" not in purge(css, Matcher(Pages(pages, stylesheet_reads(css))))


def test_the_states_taken_for_never_matching_match_nothing_in_soupsieve():
    soup = css_purge.BeautifulSoup(page("nb", current=0), "lxml")
    for name in PSEUDO_NEVER:
        try:
            compiled = soupsieve.compile(f":{name}")
        except (soupsieve.SelectorSyntaxError, NotImplementedError, ValueError):
            continue       # soupsieve does not know it: such a selector is never matched (Matcher.unparsed)
        assert compiled.select(soup) == [], name
