"""Built flyer pages, the links to them, and the Flyers overview, in every locale."""
import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.sitelib.flyer_pdf import mkdocs_nav
from scripts.sitelib.flyers import flyer_topics, flyer_url, overview_url, topic_url
from scripts.sitelib.locales import DOCS, LOCALES, NATIVE_NAMES, SOURCE_LOCALE

TOPICS = flyer_topics(order=mkdocs_nav())


def soup_of(site, path):
    file = Path(site.dir) / path / "index.html" if path.endswith("/") or not path else Path(site.dir) / path
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def resolve(site, page_path, href):
    """The file a relative href on the page at page_path points to."""
    target = posixpath.normpath(posixpath.join("/" + page_path, href.split("#")[0])).lstrip("/")
    file = Path(site.dir) / target
    return file / "index.html" if href.split("#")[0].endswith("/") or file.is_dir() else file


def test_there_are_three_flyer_topics():
    assert [topic.slug for topic in TOPICS] == ["help", "covid-19", "drug-services"]


@pytest.mark.parametrize("locale", LOCALES)
def test_each_flyer_page_carries_the_title_qr_code_and_address_of_its_page(site, locale):
    for topic in TOPICS:
        flyer = soup_of(site, flyer_url(locale, topic.slug))
        page = soup_of(site, topic_url(locale, topic.slug))
        assert flyer.html["lang"] == locale
        assert flyer.h1.get_text(strip=True) == page.select_one("article h1").get_text(strip=True)
        qr = flyer.select_one(".site-flyer__qr svg.site-flyer__qr-code")
        url = site.url + topic_url(locale, topic.slug)
        assert qr is not None and qr.title.get_text() == url
        assert flyer.select_one(".site-flyer__url").get_text() == url.split("://", 1)[1]
        assert [section.h2["id"] for section in flyer.select(".site-flyer__body section")] == [
            s for s in topic.sections if s != "contact"  # no contact details are filled in yet
        ]
        assert flyer.select(".site-flyer__body .twemoji svg") or topic.slug == "drug-services"
        assert not flyer.select("header, nav, footer, .md-header, .md-search, .md-footer")
        back = flyer.select_one(".site-flyer__tools a")
        assert resolve(site, flyer_url(locale, topic.slug), back["href"]) == Path(site.dir) / topic_url(locale, topic.slug) / "index.html"


@pytest.mark.parametrize("locale", LOCALES)
def test_each_topic_page_links_its_flyer(site, locale):
    for topic in TOPICS:
        path = topic_url(locale, topic.slug)
        links = soup_of(site, path).select(".site-flyer-links a")
        assert len(links) == 1, "the default build has no PDFs, so it links none"
        assert resolve(site, path, links[0]["href"]) == Path(site.dir) / flyer_url(locale, topic.slug) / "index.html"
    assert not soup_of(site, topic_url(locale, "partners")).select(".site-flyer-links")


def test_the_default_build_links_no_pdf(site):
    for file in Path(site.dir).rglob("*.html"):
        assert not re.search(r'href="[^"]*\.pdf"', file.read_text(encoding="utf-8")), file


@pytest.mark.parametrize("locale", LOCALES)
def test_the_flyers_page_lists_every_flyer_in_every_language(site, locale):
    path = overview_url(locale)
    table = soup_of(site, path).select_one("table.site-flyer-list__table")
    rows = table.select("tbody tr")
    assert [(row.th["lang"], row.th.get_text(strip=True)) for row in rows] == list(NATIVE_NAMES.items())
    for row, row_locale in zip(rows, LOCALES):
        hrefs = [a["href"] for a in row.select("a")]
        assert [resolve(site, path, href) for href in hrefs] == [
            Path(site.dir) / flyer_url(row_locale, topic.slug) / "index.html" for topic in TOPICS
        ]
    titles = [th.get_text(strip=True) for th in table.select("thead th")][1:]
    assert titles == [soup_of(site, topic_url(locale, t.slug)).select_one("article h1").get_text(strip=True) for t in TOPICS]


@pytest.mark.parametrize("locale", LOCALES)
def test_the_partners_page_links_the_flyers_page(site, locale):
    path = topic_url(locale, "partners")
    link = soup_of(site, path).select_one(".site-flyer-list-link a")
    assert resolve(site, path, link["href"]) == Path(site.dir) / overview_url(locale) / "index.html"


def test_the_flyers_page_source_is_in_the_nav_with_ids_on_every_heading():
    assert "flyers.md" in mkdocs_nav()
    text = (DOCS / SOURCE_LOCALE / "flyers.md").read_text(encoding="utf-8")
    assert "<!-- flyer-list -->" in text
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings and all(re.search(r"\{ #[a-z0-9-]+ \}$", line) for line in headings)
    for key in ("title: Løpesedler", "description:", "published: 2026-11", "reviewed: 2026-11-28"):
        assert key in text
