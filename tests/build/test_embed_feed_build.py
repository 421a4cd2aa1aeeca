"""The built site: a JSON Feed 1.1 and an Atom feed per locale with one item per
reader page and only the sections partners may use; an embed view of every page
and section without site chrome; the builder offering the same pages and sections."""
import html as html_lib
import json
import re
from pathlib import Path

import feedparser
import jsonschema
import pytest
from bs4 import BeautifulSoup

from scripts.sitelib.feed import ATOM_FEED, JSON_FEED, feed_path
from scripts.sitelib.locales import LOCALES, SOURCE_LOCALE, locale_prefix
from scripts.sitelib.site_nav import nav_files
from scripts.sitelib.site_config import load_mkdocs_yml
from scripts.sitelib.site_nav import reader_page_names

NAV = [entry[:-3] for entry in nav_files(load_mkdocs_yml()["nav"])]
READER = reader_page_names(load_mkdocs_yml()["nav"])  # page ids are the file names: index, covid-19, …
SCHEMA = json.loads((Path(__file__).parents[1] / "fixtures" / "feeds" / "jsonfeed-1.1.schema.json").read_text(encoding="utf-8"))
CHROME = [".md-header", ".md-tabs", ".md-sidebar", ".md-search", ".md-footer", ".md-select",
          "[class*=quick-exit]", ".site-language", ".js-listen", ".site-page-foot", ".site-embed-builder"]
UNSAFE = re.compile(r"<script|<iframe|<object|<style|\son\w+\s*=|\sstyle\s*=|javascript:", re.I)


@pytest.fixture(scope="module")
def feeds(site):
    return {locale: json.loads((site.dir / feed_path(locale)).read_text(encoding="utf-8")) for locale in LOCALES}


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def item_path(locale, item):
    return locale_prefix(locale) + ("" if item["_embed"]["page_id"] == "index" else item["_embed"]["page_id"] + "/")


def test_staff_pages_are_the_ones_the_brief_names():
    assert set(NAV) - set(READER) >= {"drug-services", "partners", "flyers"}
    assert {"index", "covid-19", "help"} <= set(READER)


def test_both_feeds_exist_in_every_locale_and_the_bespoke_one_is_gone(site):
    for locale in LOCALES:
        for name in (JSON_FEED, ATOM_FEED):
            assert (site.dir / locale_prefix(locale) / name).is_file(), (locale, name)
    assert not (site.dir / "feed.schema.json").exists()


def test_every_json_feed_follows_the_1_1_spec(feeds):
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for locale, document in feeds.items():
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]
        assert not errors, f"{locale}: {errors[:5]}"
        assert document["language"] == locale


def test_every_atom_feed_parses_with_the_same_items(site, feeds):
    for locale, document in feeds.items():
        parsed = feedparser.parse((site.dir / feed_path(locale, ATOM_FEED)).read_bytes())
        assert not parsed.bozo, f"{locale}: {parsed.bozo_exception}"
        assert parsed.version == "atom10"
        assert [entry.id for entry in parsed.entries] == [item["id"] for item in document["items"]], locale
        assert [entry.updated for entry in parsed.entries] == [item["date_modified"] for item in document["items"]]


def test_one_item_per_reader_page_with_working_urls(site, feeds):
    for locale, document in feeds.items():
        assert [item["_embed"]["page_id"] for item in document["items"]] == READER, locale
        for item in document["items"]:
            path = item_path(locale, item)
            assert item["url"] == item["id"] == site.url + path
            assert item["_embed"]["url"] == site.url + path + "embed/"
            assert (site.dir / path / "index.html").is_file()
            for section in item["_embed"]["sections"]:
                assert section["embed_url"] == f"{site.url}{path}embed/{section['id']}/"
                assert (site.dir / path / "embed" / section["id"] / "index.html").is_file()


def test_no_staff_or_empty_section_reaches_partners(site, feeds):
    for locale, document in feeds.items():
        sections = {item["_embed"]["page_id"]: [s["id"] for s in item["_embed"]["sections"]] for item in document["items"]}
        assert "languages" not in sections["index"], "the language list is a site widget, not content"
        assert "contact" not in sections["help"], "extra.contact is empty: the contact section shows nothing"
        assert "vaccination" in sections["covid-19"]
        for item in document["items"]:
            html = BeautifulSoup(item["content_html"], "html.parser")
            headings = [" ".join(h2.get_text(" ").split()) for h2 in html.find_all("h2")]
            assert headings == [s["title"] for s in item["_embed"]["sections"]], (locale, item["id"])
            assert not html.find("h1") and not html.find("svg")
            assert 'href="../' not in item["content_html"], "links in the feed must be absolute"


def test_feed_html_is_the_rendered_page_not_the_source(site, feeds):
    for locale, document in feeds.items():
        for item in document["items"]:
            assert not UNSAFE.search(item["content_html"]), (locale, item["id"])
            assert "{ #" not in item["content_html"] and ":material-" not in item["content_html"]
            page = soup(site.dir / item_path(locale, item) / "index.html")
            for section in item["_embed"]["sections"]:
                assert " ".join(page.find("h2", id=section["id"]).get_text(" ").split()) == section["title"]


def test_section_ids_are_the_same_in_every_language(feeds):
    source = {item["_embed"]["page_id"]: [s["id"] for s in item["_embed"]["sections"]] for item in feeds[SOURCE_LOCALE]["items"]}
    for locale, document in feeds.items():
        for item in document["items"]:
            assert [s["id"] for s in item["_embed"]["sections"]] == source[item["_embed"]["page_id"]], locale


def test_feed_dates(feeds):
    covid = next(item for item in feeds["nb"]["items"] if item["_embed"]["page_id"] == "covid-19")
    assert covid["date_published"] == "2021-04-01T00:00:00Z"
    assert covid["date_modified"] >= "2026-11-28T00:00:00Z"
    assert "description" in feeds["th"] and feeds["th"]["description"] != feeds["nb"]["description"]


def test_embed_views_have_no_chrome_and_link_out_to_the_top_window(site, feeds):
    for locale, document in feeds.items():
        for item in document["items"]:
            for url in [item["_embed"]["url"]] + [section["embed_url"] for section in item["_embed"]["sections"]]:
                html = soup(site.dir / url[len(site.url):] / "index.html")
                where = url[len(site.url):]
                assert html.html["lang"] == locale, where
                for selector in CHROME:
                    assert not html.select(selector), f"{where}: {selector}"
                base = html.find("base")
                assert base["target"] == "_top", where
                scripts = html.find_all("script")
                assert [s.get("src", "").rsplit("/", 1)[-1] for s in scripts] == ["embed-frame.js"], where
                source = html.select_one(".site-embed__source a")
                assert source["href"].startswith(item["url"]) and source["target"] == "_top", where
                assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"
                assert not html.select(".site-notice--stale"), where


def test_section_embed_holds_only_its_section(site):
    html = soup(site.dir / "ro/covid-19/embed/vaccination/index.html")
    assert [h2["id"] for h2 in html.select("article h2")] == ["vaccination"]
    assert [h1.get_text(strip=True) for h1 in html.select("article h1")] == ["Covid-19 și prevenirea infecțiilor"]
    assert html.select_one(".site-embed__source").get_text(" ", strip=True).startswith("Sursa:")
    whole = soup(site.dir / "ro/covid-19/embed/index.html")
    assert len(whole.select("article h2")) > 5 and whole.select("article h1")


def test_the_builder_offers_what_the_feed_has_named_in_every_language(site, feeds):
    for locale in LOCALES:
        html = soup(site.dir / locale_prefix(locale) / "partners/index.html")
        data = json.loads(html.select_one(".js-embed-builder")["data-embed-builder"])
        assert [page["id"] for page in data["pages"]] == READER, locale
        sections = {item["_embed"]["page_id"]: [s["id"] for s in item["_embed"]["sections"]] for item in feeds[locale]["items"]}
        for page in data["pages"]:
            assert [section["id"] for section in page["sections"]] == sections[page["id"]], (locale, page["id"])
            assert set(page["titles"]) == set(LOCALES)
        covid = next(page for page in data["pages"] if page["id"] == "covid-19")
        assert covid["titles"]["th"] == "โควิด-19 และการป้องกันการติดเชื้อ"
        vaccination = next(s for s in covid["sections"] if s["id"] == "vaccination")
        assert vaccination["headings"]["ro"] == "Vaccinul"
        assert [language["code"] for language in data["locales"]] == LOCALES
        example = html.select_one(".js-embed-builder-code").get_text()
        assert example.startswith(f'<p><a href="https://www.yr.no/" lang="{locale}"')  # exit link, on by default
        assert (f'\n<iframe src="{site.url}{locale_prefix(locale)}covid-19/embed/" '
                f'title="{html_lib.escape(covid["titles"][locale], quote=True)}" lang="{locale}"') in example
        assert f'<script src="{site.url}assets/embed-host.js" async></script>' in example


def test_partners_page_documents_both_feeds_with_a_real_example(site):
    for locale in LOCALES:
        html = soup(site.dir / locale_prefix(locale) / "partners/index.html")
        docs = html.select_one(".site-feed-docs")
        links = [a["href"] for a in docs.select(".site-feed-docs__links a")]
        assert len(links) == 2 * len(LOCALES)
        assert sum(href.endswith(JSON_FEED) for href in links) == sum(href.endswith(ATOM_FEED) for href in links)
        example = json.loads(docs.select_one(".site-feed-docs__example").get_text())
        jsonschema.Draft202012Validator(SCHEMA).validate(example)
        assert example["items"][0]["_embed"]["page_id"] == READER[1] and example["language"] == locale
        assert "rights" not in docs.get_text(), "extra.licence is empty, so it is not described"


def test_embed_scripts_are_served_at_stable_urls(site):
    host = (site.dir / "assets" / "embed-host.js").read_text(encoding="utf-8")
    assert "event.origin" in host and "site-embed:height" in host
    assert (site.dir / "assets" / "embed-frame.js").is_file()
