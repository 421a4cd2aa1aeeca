"""The built site: a feed per locale that matches its schema and lists every page,
and an embed view of every page and section without any site chrome."""
import json

import jsonschema
import pytest
from bs4 import BeautifulSoup

from scripts.sitelib.feed import SCHEMA_FILE, feed_path
from scripts.sitelib.locales import LOCALES, SOURCE_LOCALE, locale_prefix
from scripts.sitelib.print_kit import nav_files
from scripts.sitelib.site_config import load_mkdocs_yml

NAV = [entry[:-3] for entry in nav_files(load_mkdocs_yml()["nav"])]
PAGE_IDS = NAV  # page ids are the file names: index, covid-19, …
CHROME = [".md-header", ".md-tabs", ".md-sidebar", ".md-search", ".md-footer", ".md-select",
          "[class*=quick-exit]", ".site-language", ".js-listen", ".site-embed-builder"]


@pytest.fixture(scope="module")
def feeds(site):
    return {locale: json.loads((site.dir / feed_path(locale)).read_text(encoding="utf-8")) for locale in LOCALES}


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_feed_paths_follow_the_page_prefix(site):
    assert (site.dir / "feed.json").is_file()
    for locale in LOCALES:
        assert (site.dir / locale_prefix(locale) / "feed.json").is_file(), locale


def test_every_feed_matches_the_schema(site, feeds):
    schema = json.loads((site.dir / "feed.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for locale, document in feeds.items():
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]
        assert not errors, f"{locale}: {errors[:5]}"


def test_every_feed_lists_every_page_with_working_urls(site, feeds):
    for locale, document in feeds.items():
        assert document["language"] == locale
        assert [page["id"] for page in document["pages"]] == PAGE_IDS, locale
        for page in document["pages"]:
            path = locale_prefix(locale) + ("" if page["id"] == "index" else page["id"] + "/")
            assert page["url"] == site.url + path
            assert page["embed_url"] == site.url + path + "embed/"
            assert (site.dir / path / "index.html").is_file()
            assert (site.dir / path / "embed" / "index.html").is_file()
            assert page["sections"], f"{locale}/{page['id']} has no sections"
            for section in page["sections"]:
                assert section["embed_url"] == f"{site.url}{path}embed/{section['id']}/"
                assert (site.dir / path / "embed" / section["id"] / "index.html").is_file()
                assert section["html"].strip()
                assert 'href="../' not in section["html"], "links in the feed must be absolute"


def test_section_ids_are_the_same_in_every_language(feeds):
    source = {page["id"]: [s["id"] for s in page["sections"]] for page in feeds[SOURCE_LOCALE]["pages"]}
    assert "vaccination" in source["covid-19"]
    for locale, document in feeds.items():
        for page in document["pages"]:
            assert [s["id"] for s in page["sections"]] == source[page["id"]], f"{locale}/{page['id']}"


def test_feed_dates_come_from_front_matter(feeds):
    covid = next(page for page in feeds["nb"]["pages"] if page["id"] == "covid-19")
    assert (covid["published"], covid["reviewed"]) == ("2021-04", "2026-11-28")
    assert "licence" not in feeds["nb"], "extra.licence is empty, so the feed leaves it out"


def test_embed_views_have_no_chrome_and_link_out_to_the_top_window(site, feeds):
    for locale, document in feeds.items():
        for page in document["pages"]:
            for url in [page["embed_url"]] + [section["embed_url"] for section in page["sections"]]:
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
                assert source["href"].startswith(page["url"]) and source["target"] == "_top", where
                assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_section_embed_holds_only_its_section(site):
    html = soup(site.dir / "ro/covid-19/embed/vaccination/index.html")
    assert [h2["id"] for h2 in html.select("article h2")] == ["vaccination"]
    assert [h1.get_text(strip=True) for h1 in html.select("article h1")] == ["Covid-19 și prevenirea infecțiilor"]
    assert html.select_one(".site-embed__source").get_text(" ", strip=True).startswith("Sursa:")
    whole = soup(site.dir / "ro/covid-19/embed/index.html")
    assert len(whole.select("article h2")) > 5 and whole.select("article h1")


def test_partners_page_has_builder_and_feed_docs(site):
    for locale in LOCALES:
        html = soup(site.dir / locale_prefix(locale) / "partners/index.html")
        builder = html.select_one(".js-embed-builder")
        assert builder, locale
        data = json.loads(builder["data-embed-builder"])
        assert [page["id"] for page in data["pages"]] == PAGE_IDS
        assert [language["code"] for language in data["locales"]] == LOCALES
        example = html.select_one(".js-embed-builder-code").get_text()
        assert example.startswith(f'<p><a href="https://www.yr.no/" lang="{locale}"')  # exit link, on by default
        assert f'\n<iframe src="{site.url}{locale_prefix(locale)}covid-19/embed/"' in example
        assert f'<script src="{site.url}assets/embed-host.js" async></script>' in example
        links = [a["href"] for a in html.select(".site-feed-docs__links a")]
        assert len(links) == len(LOCALES) and all(href.endswith("feed.json") for href in links)
        assert "licence" not in html.select_one(".site-feed-docs").get_text()


def test_embed_scripts_are_served_at_stable_urls(site):
    host = (site.dir / "assets" / "embed-host.js").read_text(encoding="utf-8")
    assert "event.origin" in host and "site-embed:height" in host
    assert (site.dir / "assets" / "embed-frame.js").is_file()
