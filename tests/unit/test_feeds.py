"""The partner feeds: JSON Feed 1.1 checked against a schema written from the spec,
Atom parsed by feedparser and lxml, dates that move when a page changes, and the
rule for which pages and sections partners get."""
import datetime
import json
import os
import subprocess
from pathlib import Path

import feedparser
import jsonschema
import pytest
from lxml import etree

from scripts.sitelib import feed, source_dates
from scripts.sitelib.partner_content import offered_sections, section_parts

SCHEMA = json.loads((Path(__file__).parents[1] / "fixtures" / "feeds" / "jsonfeed-1.1.schema.json").read_text(encoding="utf-8"))
PAGE = (
    '<h1 id="covid">Covid-19 &amp; “råd”</h1>\n<p>Intro <a href="../help/">help</a>.</p>\n'
    '<h2 id="before">Før <em>møtet</em></h2>\n<p>A</p>\n'
    '<h2 id="contact">Kontakt</h2>\n<p>Ring oss.</p>\n'
    '<h2 id="vaccination">Vaksine &amp; råd</h2>\n<ul><li>'
    '<span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 2"/></svg></span>'
    ' B <a href="#before">up</a></li></ul>\n'
)
WHEN = datetime.datetime(2026, 12, 3, 10, 30, tzinfo=datetime.timezone.utc)


def item(locale="ro", content_locale="ro", changed=WHEN, meta=None, title='Covid-19 & “råd” <b>'):
    return feed.page_item(
        locale=locale, url=f"{'' if locale == 'nb' else locale + '/'}covid-19/", title=title,
        description="Råd <fra> 2021.", content=PAGE, content_locale=content_locale,
        meta={"published": "2021-04", "reviewed": "2026-11-28"} if meta is None else meta,
        site_url="https://s.example/", sections=["before", "vaccination"], changed=changed,
    )


def document(items=None, locale="ro"):
    return feed.json_feed(locale=locale, items=items or [item()], site_url="https://s.example/", site_name="Site",
                          description="Om siden.", authors=[{"name": "Org"}])


def validate(doc):
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)


def test_json_feed_follows_the_1_1_spec():
    doc = document()
    validate(doc)
    validate(json.loads(feed.dumps(doc)))
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    assert doc["feed_url"] == "https://s.example/ro/feed.json" and doc["home_page_url"] == "https://s.example/ro/"
    page = doc["items"][0]
    assert page["id"] == page["url"] == "https://s.example/ro/covid-19/"
    assert page["title"] == 'Covid-19 & “råd” <b>'  # text, escaped by the writers, never HTML
    assert (page["date_published"], page["date_modified"]) == ("2021-04-01T00:00:00Z", "2026-12-03T10:30:00Z")


@pytest.mark.parametrize("breakage", [
    lambda doc: doc.pop("version"),
    lambda doc: doc.update(version="https://jsonfeed.org/version/1"),
    lambda doc: doc["items"][0].pop("id"),
    lambda doc: doc["items"][0].pop("content_html"),
    lambda doc: doc["items"][0].update(date_modified="2026-12-03"),
    lambda doc: doc["items"][0].update(sections=[]),
    lambda doc: doc["items"][0].update(_embed="not an object"),
    lambda doc: doc.update(authors=[{}]),
])
def test_the_schema_rejects_what_the_spec_forbids(breakage):
    doc = document()
    breakage(doc)
    with pytest.raises(jsonschema.ValidationError):
        validate(doc)


def test_content_has_the_chosen_sections_as_html_without_h1_icons_or_relative_links():
    html = item()["content_html"]
    assert "<h1" not in html and "<svg" not in html
    assert '<h2 id="before">' in html and '<h2 id="vaccination">' in html and "Kontakt" not in html
    assert 'href="https://s.example/ro/help/"' in html and 'href="https://s.example/ro/covid-19/#before"' in html
    embed = item()["_embed"]
    assert embed["url"] == "https://s.example/ro/covid-19/embed/" and embed["translated"] is True
    assert [(s["id"], s["title"], s["embed_url"]) for s in embed["sections"]] == [
        ("before", "Før møtet", "https://s.example/ro/covid-19/embed/before/"),
        ("vaccination", "Vaksine & råd", "https://s.example/ro/covid-19/embed/vaccination/")]
    untranslated = item(content_locale="nb")
    assert untranslated["language"] == "nb" and untranslated["_embed"]["translated"] is False


def test_updated_moves_when_the_page_changes_and_never_goes_before_reviewed():
    assert item(changed=WHEN)["date_modified"] != item(changed=WHEN + datetime.timedelta(days=1))["date_modified"]
    assert item(changed=None)["date_modified"] == "2026-11-28T00:00:00Z"
    assert item(changed=datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc))["date_modified"] == "2026-11-28T00:00:00Z"


def test_atom_parses_and_carries_the_same_items():
    doc = document([item(), item(content_locale="nb")])
    xml = feed.atom_feed(doc, licence="Fritt <til> bruk")
    root = etree.fromstring(xml)  # well-formed, and in the Atom namespace
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ro"
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Site" and parsed.feed.rights == "Fritt <til> bruk"
    assert [link.href for link in parsed.feed.links if link.rel == "self"] == ["https://s.example/ro/feed.atom"]
    entry = parsed.entries[0]
    assert entry.id == "https://s.example/ro/covid-19/" and entry.title == 'Covid-19 & “råd” <b>'
    assert entry.updated == "2026-12-03T10:30:00Z" and entry.published == "2021-04-01T00:00:00Z"
    assert entry.content[0].type == "text/html" and '<h2 id="before">' in entry.content[0].value
    assert entry.summary == "Råd <fra> 2021."
    assert [link.href for link in entry.links if link.rel == "related"] == ["https://s.example/ro/covid-19/embed/"]
    assert parsed.entries[1].content[0].language == "nb"


def test_example_is_short_valid_json_of_the_same_format():
    doc = document([item(), item()])
    example = json.loads(feed.example(doc, length=60))
    assert len(example["items"]) == 1 and example["items"][0]["content_html"].endswith(" …")
    assert len(example["items"][0]["_embed"]["sections"]) == 1
    validate(example)


def test_last_changed_follows_git_commits(tmp_path, monkeypatch):
    """A page's date is its last commit: commit a change, and the date moves."""
    def git(*args, when):
        env = dict(os.environ, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when, GIT_AUTHOR_NAME="t",
                   GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True)

    page = tmp_path / "docs" / "nb" / "page.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Side\n", encoding="utf-8")
    git("init", "-q", when="2026-01-01T12:00:00Z")
    git("add", ".", when="2026-01-01T12:00:00Z")
    git("commit", "-qm", "one", when="2026-01-01T12:00:00Z")
    monkeypatch.setattr(source_dates, "ROOT", tmp_path)
    source_dates.forget()
    first = source_dates.last_changed(page)
    page.write_text("# Side\n\nNy tekst.\n", encoding="utf-8")
    source_dates.forget()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    assert source_dates.last_changed(page) == datetime.datetime.fromtimestamp(1780000000, datetime.timezone.utc)
    git("commit", "-qam", "two", when="2026-02-01T12:00:00Z")
    source_dates.forget()
    second = source_dates.last_changed(page)
    assert first.isoformat() == "2026-01-01T12:00:00+00:00" and second.isoformat() == "2026-02-01T12:00:00+00:00"
    assert source_dates.lines_changed(page, 1, 1) == first and source_dates.lines_changed(page, 3, 3) == second
    source_dates.forget()


def test_partners_get_the_sections_with_their_own_text():
    markdown = ("# T\n\nIntro.\n\n## Språk { #languages }\n\n<!-- language-list -->\n\n"
                "## Kontakt { #contact }\n\nRing oss.\n\n<!-- contact-details -->\n\n"
                "## Råd { #advice }\n\n- :material-hand-wash: Vask hendene.\n")
    assert section_parts(markdown) == {"languages": (False, ["language-list"]), "contact": (True, ["contact-details"]),
                                       "advice": (True, [])}
    assert offered_sections(markdown) == ["contact", "advice"]
