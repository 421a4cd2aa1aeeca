"""Embed URLs, section splitting and the partner snippet."""
import pytest

from scripts.sitelib import embeds

PAGE = (
    '<h1 id="covid">Covid-19</h1>\n<p>Intro <a href="../help/">help</a>.</p>\n'
    '<h2 id="before">Før <em>møtet</em></h2>\n<p>A</p>\n'
    '<h2 id="vaccination">Vaksine &amp; råd</h2>\n<ul><li>'
    '<span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 2"/></svg></span>'
    ' B <a href="#before">up</a></li></ul>\n'
)


def test_split_sections_cuts_at_each_h2():
    intro, sections = embeds.split_sections(PAGE)
    assert intro.startswith("<h1") and "<h2" not in intro
    assert [s.id for s in sections] == ["before", "vaccination"]
    assert [s.heading for s in sections] == ["Før møtet", "Vaksine & råd"]
    assert sections[0].html == '<h2 id="before">Før <em>møtet</em></h2>\n<p>A</p>\n'
    assert "Vaksine" not in sections[0].html and "<p>A</p>" not in sections[1].html
    assert embeds.split_sections("<p>no headings</p>") == ("<p>no headings</p>", [])


def test_only_top_level_headings_with_an_id_cut_a_page():
    page = ('<p>a<br>b</p>\n<div><h2 id="inner">In a box</h2></div><h2>No id</h2></p>\n'
            '<h2 id="one">Tea &amp; <em>cake</em><img src="x.png"></h2><p>1</p><hr/>\n<h2 id="two">Two</h2>')
    intro, sections = embeds.split_sections(page)
    assert [(s.id, s.heading) for s in sections] == [("one", "Tea & cake"), ("two", "Two")]
    assert intro + "".join(s.html for s in sections) == page
    assert sections[0].html == '<h2 id="one">Tea &amp; <em>cake</em><img src="x.png"></h2><p>1</p><hr/>\n'


@pytest.mark.parametrize("locale, url, path, page_id, embed", [
    ("nb", "", "", "index", "embed/"),
    ("nb", "covid-19/", "covid-19/", "covid-19", "covid-19/embed/vaccination/"),
    ("ro", "ro/", "", "index", "ro/embed/vaccination/"),
    ("ro", "ro/covid-19/", "covid-19/", "covid-19", "ro/covid-19/embed/vaccination/"),
])
def test_embed_urls(locale, url, path, page_id, embed):
    assert embeds.page_path(url, locale) == path
    assert embeds.page_id(path) == page_id
    assert embeds.embed_url(locale, path, "vaccination" if page_id != "index" or locale == "ro" else None) == embed


def test_links_become_absolute():
    html = '<a href="../help/">x</a> <a href="#before">y</a> <img src="../assets/a.png"> <a href="https://example.org/">z</a>'
    out = embeds.absolutize_links(html, "https://site.example/ro/covid-19/")
    assert 'href="https://site.example/ro/help/"' in out
    assert 'href="https://site.example/ro/covid-19/#before"' in out
    assert 'src="https://site.example/ro/assets/a.png"' in out
    assert 'href="https://example.org/"' in out


def test_interactive_parts_are_dropped():
    html = "<p>a</p>\n<!-- site:interactive -->\n<form>x</form>\n<!-- /site:interactive -->\n<p>b</p>"
    assert embeds.without_interactive(html) == "<p>a</p>\n<p>b</p>"


def test_snippet_escapes_names_its_language_and_links_the_host_script():
    text = embeds.snippet("https://s.example/ro/covid-19/embed/vaccination/",
                          embeds.snippet_title('Covid "19"', "Vaccinul"), "https://s.example/assets/embed-host.js", "ro")
    iframe, script = text.split("\n")
    assert iframe == ('<iframe src="https://s.example/ro/covid-19/embed/vaccination/" '
                      'title="Vaccinul — Covid &quot;19&quot;" lang="ro" loading="lazy" '
                      'style="width:100%;height:600px;border:0"></iframe>')
    assert script == '<script src="https://s.example/assets/embed-host.js" async></script>'
