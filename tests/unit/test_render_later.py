"""Issue 21: the blocks below the first screen are rendered later (components/render-later),
counted as the first-screen CSS counts them, and the rule is in the first-screen CSS."""
import re

from scripts.sitelib.css_purge import FIRST_SCREEN_BLOCKS, Matcher, Pages, critical
from scripts.sitelib.locales import ROOT

CSS = (ROOT / "overrides" / "components" / "render-later" / "render-later.css").read_text(encoding="utf-8")
PAGE = """<!doctype html><html><body><div class="md-sidebar--primary"><a href="#">menu</a></div>
<article class="md-content__inner md-typeset"><h1>Title</h1>{blocks}</article>
<footer class="md-footer"><a href="#">next</a></footer></body></html>"""


def test_the_later_blocks_start_where_the_first_screen_ends():
    counts = {int(n) for n in re.findall(r":nth-child\(n \+ (\d+)\)", CSS)}
    assert counts == {FIRST_SCREEN_BLOCKS + 1}, counts


def test_a_rule_that_decides_rendering_goes_inline_although_it_styles_later_blocks():
    pages = Pages([PAGE.format(blocks="<p>text</p>" * (FIRST_SCREEN_BLOCKS + 3))])
    inline = critical(CSS + "article.md-content__inner>:nth-child(n+13){color:red}", Matcher(pages))
    assert re.search(r"nth-child\(n \+ 13\)[^{]*\{content-visibility:\s*auto", inline), inline
    assert "color:red" not in inline, "an ordinary rule for later blocks still waits for the stylesheet"
