"""Embed URLs, section splitting, the partner snippet and the feed format."""
import json

import jsonschema
import pytest

from scripts.sitelib import embeds, feed
from scripts.sitelib.locales import locale_prefix

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


def test_snippet_escapes_and_links_the_host_script():
    text = embeds.snippet("https://s.example/ro/covid-19/embed/vaccination/",
                          embeds.snippet_title('Covid "19"', "Vaksine"), "https://s.example/assets/embed-host.js")
    iframe, script = text.split("\n")
    assert iframe == ('<iframe src="https://s.example/ro/covid-19/embed/vaccination/" '
                      'title="Vaksine — Covid &quot;19&quot;" loading="lazy" '
                      'style="width:100%;height:600px;border:0"></iframe>')
    assert script == '<script src="https://s.example/assets/embed-host.js" async></script>'


def entry(locale="ro", meta=None, content=PAGE, content_locale="nb"):
    return feed.page_entry(locale=locale, url=f"{locale_prefix(locale)}covid-19/", title="Covid-19",
                           description="Råd.", meta={"published": "2021-04", "reviewed": "2026-11-28"} if meta is None else meta,
                           content=content, content_locale=content_locale, site_url="https://s.example/")


def test_feed_page_entry():
    page = entry()
    assert page["id"] == "covid-19"
    assert page["url"] == "https://s.example/ro/covid-19/"
    assert page["embed_url"] == "https://s.example/ro/covid-19/embed/"
    assert (page["published"], page["reviewed"]) == ("2021-04", "2026-11-28")
    assert page["language"] == "nb" and page["translated"] is False
    assert 'href="https://s.example/ro/help/"' in page["intro_html"]
    vaccination = page["sections"][1]
    assert vaccination["embed_url"] == "https://s.example/ro/covid-19/embed/vaccination/"
    assert vaccination["url"] == "https://s.example/ro/covid-19/#vaccination"
    assert "<h2" not in vaccination["html"] and "<svg" not in vaccination["html"]
    assert 'href="https://s.example/ro/covid-19/#before"' in vaccination["html"]
    assert entry(meta={})["published"] is None


def validate(document):
    jsonschema.validate(document, feed.load_schema(), format_checker=jsonschema.FormatChecker())


def test_feed_validates_and_licence_is_left_out_when_empty():
    without = feed.build_feed(locale="ro", pages=[entry()], site_url="https://s.example/", site_name="Site", licence="")
    validate(without)
    assert "licence" not in without
    assert without["feed_url"] == "https://s.example/ro/feed.json"
    with_licence = feed.build_feed(locale="nb", pages=[entry("nb", content_locale="nb")], site_url="https://s.example/",
                                   site_name="Site", licence="CC BY 4.0")
    validate(with_licence)
    assert with_licence["licence"] == "CC BY 4.0"
    assert with_licence["feed_url"] == "https://s.example/feed.json"
    assert json.loads(feed.dumps(with_licence)) == with_licence


def test_schema_rejects_a_broken_feed():
    broken = feed.build_feed(locale="ro", pages=[entry()], site_url="https://s.example/", site_name="Site")
    broken["pages"][0]["published"] = "April 2021"
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)
    broken = feed.build_feed(locale="ro", pages=[entry()], site_url="https://s.example/", site_name="Site")
    del broken["pages"][0]["sections"][0]["html"]
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)
