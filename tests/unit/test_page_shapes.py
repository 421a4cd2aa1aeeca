"""Matching once per page shape gives the same purge and first-screen CSS as matching
every page (scripts/sitelib/page_shapes.py, scripts/sitelib/css_purge.py).

The reference below is the purge as it was: every selector, rewritten the same way,
tried with soupsieve on every element of every page. The pages differ the ways built
pages do (language, text, links, the current language's place in a list) and the ways
a selector can see (a tested attribute value, a named class, text in an element)."""
import itertools

import pytest
import soupsieve
from bs4 import BeautifulSoup

from scripts.sitelib.css_purge import (
    FIRST_SCREEN_BLOCKS, Matcher, Pages, Shape, critical, purge, rewrite, stylesheet_reads, _compile,
)
from scripts.sitelib.page_shapes import page_shape

LANGUAGES = {"nb": "Norsk", "th": "ไทย", "en": "English"}


def page(locale, current=0, direction=None, extra="", table=False, empty_note=True, article_blocks=3):
    items = "".join(f'<li><a href="/{code}/"{" aria-current=page" if index == current else ""} lang="{code}">{name}</a></li>'
                    for index, (code, name) in enumerate(LANGUAGES.items()))
    blocks = "".join(f"<p>{locale} text {number}</p>" for number in range(article_blocks))
    return f"""<!doctype html><html lang="{locale}"{f' dir="{direction}"' if direction else ''} class="no-js">
<head><title>{locale}</title></head><body class="md-body">
<header class="md-header"><label class="md-header__button" for="__drawer">menu {locale}</label>
<ul class="site-language">{items}</ul></header>
<input type="checkbox" id="__drawer" data-md-toggle="drawer">
<div class="site-sheet" hidden><a class="site-sheet__link" href="/{locale}/more/">{locale}</a></div>
<article class="md-content__inner md-typeset">{blocks}{extra}
{'<table><tr><th>h</th></tr><tr><td><p>x</p></td></tr></table>' if table else ''}
<p class="note">{'' if empty_note else 'n'}</p><a class="ext" href="https://example.org/">x</a><a href="/x/">x</a></article>
</body></html>"""


PAGES = [
    page("nb", current=0), page("th", current=1), page("en", current=2), page("zh", current=0),
    page("ar", current=1, direction="rtl"), page("nb", current=0, table=True),
    page("nb", current=0, empty_note=False), page("en", current=2, extra='<div class="late-only">x</div>',
                                                  article_blocks=FIRST_SCREEN_BLOCKS + 2),
    page("th", current=1, extra='<details open><summary>s</summary><p>d</p></details>'),
]
CSS = """
.md-header{color:red}.md-header:hover{color:blue}.md-nope{x:1}
[dir=rtl] .md-header{left:0}[dir=ltr] .md-header{left:1px}[lang=th] .md-header{font-size:1px}
.site-language li:first-child a[aria-current]{font-weight:700}
.site-language li:nth-child(2) a[aria-current]{font-weight:600}
.site-language li:last-child>a[aria-current]{font-weight:500}
.site-language li+li a{margin:0}.site-language li~li [aria-current]{margin:1px}
a[href^=https]{color:green}a[href$="/x/"]{color:teal}a[href*=example]{color:navy}
.note:empty{display:none}.note:not(:empty){display:block}
.md-typeset table:not([class]) td>:first-child{margin:0}.md-typeset table:not([class])+*{margin:1px}
.md-typeset th{font-weight:700}.md-typeset :target{color:red}
.late-only{color:red}.site-sheet__link{color:blue}.site-sheet__link::before{content:"x"}
html:has(.site-sheet[hidden]) .md-header{top:0}html:has(details[open]) .md-header{top:1px}
details[open]>summary{color:red}details:not([open]) p{color:blue}
[data-md-toggle=drawer]:checked~.site-sheet{display:block}
input[type=checkbox]{opacity:0}input[type=CHECKBOX]{opacity:.5}input[type=radio]{opacity:1}
[class*=md-head]{border:0}[class~=md-body]{border:1px}
.md-body>.md-header+input{width:1px}.md-body>input~article{width:2px}
@media screen and (min-width:60em){.md-header{height:3rem}[dir=rtl] .md-header{height:4rem}}
"""


def reference(css, htmls, first_screen):
    """The purge or first-screen CSS, by matching every selector on every element of every page."""
    soups = [BeautifulSoup(html, "lxml") for html in htmls]
    shapes = [Shape(soup) for soup in soups]

    class Brute(Matcher):
        def _matches(self, selector, rewritten, first):
            if rewritten is None:
                return False
            compiled = _compile(rewritten)
            if compiled is None:
                return not first
            return any(compiled.match(element) and (not first or id(element) in shape.first_screen)
                       for soup, shape in zip(soups, shapes) for element in soup.find_all(True))

    matcher = Brute(Pages(htmls))
    return critical(css, matcher) if first_screen else purge(css, matcher)


@pytest.mark.parametrize("first_screen", [False, True], ids=["purge", "first screen"])
def test_matching_once_per_shape_gives_what_matching_every_page_gives(first_screen):
    expected = reference(CSS, PAGES, first_screen)
    matcher = Matcher(Pages(PAGES, stylesheet_reads(CSS)))
    assert (critical(CSS, matcher) if first_screen else purge(CSS, matcher)) == expected
    assert len(matcher.pages.shapes) < len(PAGES)
    # The reference is not trivial: it keeps some rules and drops others.
    assert "[dir=rtl] .md-header{left:0}" in expected and ".md-nope" not in expected
    assert ("site-sheet__link" in expected) is not first_screen   # in a hidden sheet: not on a first screen


def test_every_subset_of_pages_gives_the_same_answer_as_the_reference():
    for count in (1, 2):
        for chosen in itertools.combinations(PAGES[:6], count):
            assert purge(CSS, Matcher(Pages(chosen, stylesheet_reads(CSS)))) == reference(CSS, chosen, False)


def test_pages_that_differ_in_what_no_selector_reads_share_a_shape():
    reads = stylesheet_reads(CSS)
    shape = lambda html: page_shape(html, reads)[0]  # noqa: E731
    # Language, text, links and lang: not read by these selectors
    assert shape(page("nb", current=0)) == shape(page("zh", current=0))
    # What the selectors read: the current language's place, a tested value, text in .note
    assert shape(page("nb", current=0)) != shape(page("th", current=1))
    assert shape(page("nb", current=0)) != shape(page("nb", current=0, direction="rtl"))
    assert shape(page("nb", current=0)) != shape(page("nb", current=0, empty_note=False))


def test_a_selector_reading_more_than_the_shapes_keep_stops_the_purge():
    matcher = Matcher(Pages(PAGES, stylesheet_reads(".md-header{color:red}")))
    with pytest.raises(ValueError, match="reads more of a page"):
        purge("[dir=rtl] .md-header{left:0}", matcher)


def test_a_selector_that_reads_text_keeps_pages_whole():
    reads = stylesheet_reads("p:contains(nb){color:red}")
    assert reads.whole
    assert page_shape(page("nb"), reads)[0] != page_shape(page("zh"), reads)[0]


def test_the_reference_itself_sees_the_difference_shapes_keep():
    # Without the right-to-left page the rule goes: the test above can fail.
    without_rtl = [html for html in PAGES if 'dir="rtl"' not in html]
    assert "[dir=rtl] .md-header{left:0}" not in reference(CSS, without_rtl, False)
    assert soupsieve.compile(rewrite(list(__import__("tinycss2").parse_component_value_list("a:hover")), False))
