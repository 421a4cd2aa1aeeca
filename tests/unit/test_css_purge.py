"""The purge and the first screen's CSS, on small pages (scripts/sitelib/css_purge.py)."""
from scripts.sitelib.css_purge import (
    FIRST_SCREEN_BLOCKS, Matcher, Pages, critical, purge, used_custom_properties, without_unused_custom_properties,
)

PAGE = """<!doctype html><html><body class="md-body">
<header class="md-header"><label class="md-header__button" for="__drawer">menu</label></header>
<input type="checkbox" id="__drawer" data-md-toggle="drawer">
<div class="md-search-result"><ol class="md-search-result__list"></ol></div>
<div class="site-sheet" hidden><a class="site-sheet__link" href="/th/">ไทย</a></div>
<article class="md-content__inner">{blocks}<table class="late"><tr><td>x</td></tr></table></article>
</body></html>""".format(blocks="<p>text</p>" * FIRST_SCREEN_BLOCKS)
SCRIPT = ('e.classList.add("md-search-result__item");x="md-header"+"--shadow";y="--shadow";'
          'h=t.replace(r,"<mark>$1</mark>")')


def matcher():
    return Matcher(Pages([PAGE]), [SCRIPT])


def test_purge_keeps_what_can_apply_and_drops_the_rest():
    css = (".md-header{color:red}.md-tooltip{color:blue}"          # on the page / named by no script nor page
           ".md-header:hover,.md-nope{color:green}"                  # a state; an unused selector leaves the list
           ".md-header__button::before{content:'x'}"                 # pseudo-element of an element on the page
           "[data-md-toggle=drawer]:checked~.md-header{top:0}"      # the menu open
           ".md-search-result__item{margin:0}"                      # a script adds it to a component the page has
           ".md-header--shadow{box-shadow:none}"                    # a modifier a script builds from parts
           "[dir=rtl] .md-header{left:0}"                           # no right-to-left page, and no script sets dir
           ".md-search-result mark{color:teal}"                     # an element a script writes (search highlights)
           ".md-search-result blink{color:red}"                     # an element no page or script has
           "@media print{.md-tooltip{display:none}.md-header{display:none}}")
    purged = purge(css, matcher())
    assert ".md-header{color:red}" in purged and ".md-tooltip" not in purged
    assert ".md-header:hover{color:green}" in purged
    assert ".md-header__button::before" in purged and "[data-md-toggle=drawer]:checked~.md-header" in purged
    assert ".md-search-result__item" in purged and ".md-header--shadow" in purged
    assert "[dir=rtl]" not in purged and "@media print{.md-header{display:none}}" in purged
    assert ".md-search-result mark{color:teal}" in purged and "blink" not in purged


def test_the_first_screen_css_is_what_styles_the_page_as_served():
    css = (".md-header{color:red}.md-header__button::before{content:'x'}"
           "[data-md-toggle=drawer]:checked~.md-header{top:0}"      # only once the menu is opened
           ".site-sheet__link{color:blue}"                          # inside a hidden sheet
           ".late td{padding:0}"                                    # below the first screen
           "@media screen and (min-width:60em){.md-header{height:3rem}}@media print{.md-header{display:none}}")
    first = critical(css, matcher())
    assert ".md-header{color:red}" in first and ".md-header__button::before" in first
    assert ":checked" not in first and "site-sheet__link" not in first and ".late" not in first
    assert "@media screen and (min-width:60em){.md-header{height:3rem}}" in first and "print" not in first


def test_only_the_pages_that_inline_it_shape_the_first_screen_css():
    embed = '<!doctype html><html><body><div class="site-embed"><p class="site-embed__intro">x</p></div></body></html>'
    css = ".md-header{color:red}.site-embed__intro{color:blue}"
    served = Pages([PAGE, embed], served_first=lambda html: "md-header" in html)
    assert critical(css, Matcher(served, [SCRIPT])) == ".md-header{color:red}"
    assert ".site-embed__intro{color:blue}" in purge(css, Matcher(served, [SCRIPT]))   # its stylesheet keeps it
    assert ".site-embed__intro" in critical(css, Matcher(Pages([PAGE, embed]), [SCRIPT]))  # by default every page counts


def test_custom_properties_nothing_reads_go():
    css = ":root{--used:red;--via:var(--used);--unused:url(data:x);--scripted:1}.a{color:var(--via)}"
    used = used_custom_properties(css, ['getPropertyValue("--scripted")'])
    assert used == {"--via", "--used", "--scripted"}
    assert without_unused_custom_properties(css, used) == ":root{--used:red;--via:var(--used);--scripted:1}.a{color:var(--via)}"
