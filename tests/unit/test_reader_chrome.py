"""Plain functions behind the reader-first pages: nav groups, Material patches, admonition titles."""
from types import SimpleNamespace

import pytest

from scripts.sitelib.admonitions import translate_titles
from scripts.sitelib.material_coupling import CouplingBroken, after_title, name_in_header
from scripts.sitelib.site_nav import group_of, home_page, keep_links_in_groups, title_groups
from scripts.sitelib.source_errors import SourceError


def page(name, parent=None):
    return SimpleNamespace(file=SimpleNamespace(name=name), parent=parent, previous_page=None, next_page=None,
                           is_section=False, title=name)


def linked(pages):
    for before, after in zip(pages, pages[1:]):
        before.next_page, after.previous_page = after, before
    return pages


def test_previous_and_next_never_cross_into_the_staff_group():
    staff = SimpleNamespace(is_section=True, title="staff", parent=None, children=[])
    pages = linked([page("index"), page("help"), page("covid-19"), page("drug-services", staff), page("partners", staff)])
    keep_links_in_groups(pages)
    index, help_, covid, drugs, partners = pages
    assert covid.next_page is None and drugs.previous_page is None
    assert index.next_page is help_ and help_.next_page is covid
    assert drugs.next_page is partners and partners.previous_page is drugs
    assert group_of(covid) is None and group_of(drugs) is staff


def test_groups_get_their_title_in_the_page_language_and_a_missing_one_stops_the_build():
    staff = SimpleNamespace(is_section=True, title="staff", children=[page("status")])
    title_groups([page("index"), staff], {"nav_staff": "For ansatte og samarbeidspartnere"})
    assert staff.title == "For ansatte og samarbeidspartnere"
    with pytest.raises(SourceError, match="nav_volunteers"):
        title_groups([SimpleNamespace(is_section=True, title="volunteers", children=[])], {})


def test_the_home_page_is_the_top_level_index():
    staff = SimpleNamespace(is_section=True)
    pages = [page("index", staff), page("help"), page("index")]
    assert home_page(pages) is pages[2]


HEADER = """<header class="md-header"><nav class="md-header__inner md-grid">
<div class="md-header__title"><div class="md-header__ellipsis"><div class="md-header__topic">
<span class="md-ellipsis">
  Smittevern og helse
</span></div><div class="md-header__topic" data-md-component="header-topic"><span class="md-ellipsis">Side</span></div></div></div>
<div class="md-header__option">
  <div class="md-select">
    <button class="md-header__button md-icon" aria-label="Velg språk"><svg></svg></button>
    <div class="md-select__inner">
      <ul class="md-select__list"><li class="md-select__item"><a href="./" hreflang="nb" class="md-select__link">Norsk</a></li></ul>
    </div>
  </div>
</div>
<label class="md-header__button md-icon" for="__search"></label></nav></header>"""


def test_the_organisation_name_replaces_the_header_title_escaped():
    assert name_in_header(HEADER, "") == HEADER
    html = name_in_header(HEADER, "Helse & <Hjelp>")
    assert "Helse &amp; &lt;Hjelp&gt;" in html and "Smittevern og helse" not in html
    assert '<span class="md-ellipsis">Side</span>' in html, "only the first topic (the site name) changes"


@pytest.mark.parametrize("patch, args", [
    (name_in_header, ("<header></header>", "Org")),
    (after_title, ("<p>no heading</p>", "<p>badge</p>")),
])
def test_every_patch_fails_loudly_when_material_changed(patch, args):
    with pytest.raises(CouplingBroken):
        patch(*args)


def test_text_goes_right_after_the_h1():
    assert after_title("<h1>T</h1><p>a</p>", "<p>B</p>") == "<h1>T</h1><p>B</p><p>a</p>"
    assert after_title("<p>no heading</p>", "  ") == "<p>no heading</p>"
    # the page's real title, not the first </h1>: an <h1> inside <details> is not the title
    folded = '<details><summary>S</summary>\n<h1>Hidden</h1></details>\n<h1 id="t">T</h1>\n<p>a</p>'
    assert after_title(folded, "<p>B</p>") == folded.replace('T</h1>', 'T</h1><p>B</p>')
    with pytest.raises(CouplingBroken):
        after_title('<details><summary>S</summary><h1>Hidden</h1></details>', "<p>B</p>")


STRINGS = {"admonition_info": "Informasjon", "admonition_warning": "Viktig"}


def test_default_admonition_titles_are_translated_and_own_titles_kept():
    html = ('<div class="admonition warning">\n<p class="admonition-title">Warning</p>\n<p>x</p>\n</div>'
            '<details class="info">\n<summary>Info</summary>\n<p>y</p>\n</details>'
            '<div class="admonition info">\n<p class="admonition-title">Om rådene</p>\n</div>')
    out = translate_titles(html, STRINGS, "docs/nb/x.md")
    assert '<p class="admonition-title">Viktig</p>' in out and "<summary>Informasjon</summary>" in out
    assert '<p class="admonition-title">Om rådene</p>' in out and "Warning" not in out


def test_an_untranslated_admonition_type_stops_the_build_naming_the_file():
    html = '<div class="admonition bug">\n<p class="admonition-title">Bug</p>\n</div>'
    with pytest.raises(SourceError, match=r"docs/th/x\.md.*bug"):
        translate_titles(html, STRINGS, "docs/th/x.md")
    assert translate_titles("<p>plain</p>", STRINGS, "x") == "<p>plain</p>"
