"""Issue 24, item 1, on built pages: a reader of a translation that no native speaker has
checked sees it, in her language, below the H1 and the opening, with a link to the
Norwegian page; embeds, feeds and flyers carry it; the status page shows how each page
was made in each language. Norwegian pages never show it, and a page whose every
section is checked shows nothing (a small variant build)."""
import json
import re
import shutil
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from scripts.sitelib import freshness
from scripts.sitelib.feed import ATOM_FEED, JSON_FEED, feed_path
from scripts.sitelib.locales import SOURCE_LOCALE, TRANSLATIONS, locale_prefix
from scripts.sitelib.print_kit import flyer_topics, flyer_url
from scripts.sitelib.ui_strings import load_strings
from tests.support.batch_build import build_in_one_process
from tests.support.hostile import FIXTURES as HOSTILE
from tests.support.variant import write_variant_config

UI = load_strings()
PAGES = ["", "help/", "covid-19/", "safety/"]
NOTE = ".site-notice--provenance"
ATOM = "{http://www.w3.org/2005/Atom}"


def note_text(locale):
    return f"{UI[locale]['provenance_note']} {UI[locale]['provenance_reference']}"


def letters(text):
    return re.sub(r"\s", "", text)


def soup(site_dir, path):
    return BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def position(elements, element):
    return next(index for index, candidate in enumerate(elements) if candidate is element)


def opening_paragraph(h1):
    """The first paragraph of the page's own text after its H1 (not a notice of the site)."""
    return next(p for p in h1.find_next_siblings("p") if not set(p.get("class") or []) & {"site-historical"})


def test_every_translated_page_says_it_below_the_h1_and_the_opening(site):
    for locale in TRANSLATIONS:
        for path in PAGES:
            url = locale_prefix(locale) + path
            article = soup(site.dir, url).select_one("article")
            notes = article.select(NOTE)
            assert len(notes) == 1, (url, len(notes))
            note = notes[0]
            assert note.get_text(" ", strip=True) == note_text(locale), url
            link = note.select_one("a")
            assert urljoin(site.url + url, link["href"]) == site.url + path, (url, link["href"])
            assert link["hreflang"] == SOURCE_LOCALE and link.get_text(strip=True) == UI[locale]["provenance_reference"]
            elements = article.find_all(True)
            h1 = article.select_one("h1")
            first_h2 = article.select_one("h2")
            assert position(elements, h1) < position(elements, opening_paragraph(h1)) < position(elements, note), url
            assert first_h2 is None or position(elements, note) < position(elements, first_h2), url


def test_norwegian_pages_never_show_it(site):
    for path in PAGES + ["status/", "partners/"]:
        assert not soup(site.dir, path).select(NOTE), path
        assert not soup(site.dir, path + "embed").select(NOTE), path
    nb_feed = (site.dir / feed_path(SOURCE_LOCALE)).read_text(encoding="utf-8")
    assert "site-notice--provenance" not in nb_feed


def test_embeds_carry_it_as_text_for_the_whole_page_and_each_section(site):
    for locale in TRANSLATIONS:
        page = locale_prefix(locale) + "covid-19/"
        for view in ("embed/", "embed/vaccination/"):
            html = soup(site.dir, page + view)
            notes = html.select(f"article {NOTE}")
            assert len(notes) == 1, (page + view)
            assert notes[0].get_text(" ", strip=True) == note_text(locale)
            base = urljoin(site.url + page + view, html.select_one("base")["href"])
            assert urljoin(base, notes[0].select_one("a")["href"]) == site.url + "covid-19/", page + view


def test_feeds_carry_it_as_text_with_an_absolute_link(site):
    for locale in TRANSLATIONS:
        document = json.loads((site.dir / feed_path(locale, JSON_FEED)).read_text(encoding="utf-8"))
        item = next(item for item in document["items"] if item["_embed"]["page_id"] == "covid-19")
        note = BeautifulSoup(item["content_html"], "html.parser").select_one(NOTE)
        assert note is not None and note.get_text(" ", strip=True) == note_text(locale), locale
        assert note.select_one("a")["href"] == site.url + "covid-19/"
        atom = ET.fromstring((site.dir / feed_path(locale, ATOM_FEED)).read_bytes())
        entry = next(entry for entry in atom.iter(f"{ATOM}entry") if entry.findtext(f"{ATOM}id") == item["id"])
        content = BeautifulSoup(entry.findtext(f"{ATOM}content"), "html.parser")
        assert content.select_one(NOTE).get_text(" ", strip=True) == note_text(locale), locale


def test_flyers_print_it_as_a_small_line(site):
    topics = flyer_topics()
    assert topics
    for topic in topics:
        assert not soup(site.dir, flyer_url(SOURCE_LOCALE, topic.slug)).select(".flyer__unchecked"), topic.slug
        for locale in TRANSLATIONS:
            lines = soup(site.dir, flyer_url(locale, topic.slug)).select(".flyer__unchecked")
            # (print pages set Thai word by word: compare the letters)
            assert [letters(line.get_text()) for line in lines] == [letters(UI[locale]["provenance_note"])], \
                (locale, topic.slug)


def test_the_status_page_shows_how_each_page_was_made_in_each_language(site):
    pages = freshness.source_pages()
    for locale in [SOURCE_LOCALE] + TRANSLATIONS:
        html = soup(site.dir, locale_prefix(locale) + "status/")
        made = html.select(".site-status__page .site-status__made")
        assert len(made) == len(pages) * len(TRANSLATIONS), locale
        assert {item.get_text(" ", strip=True) for item in made} == {UI[locale]["status_made_machine"]}, locale
        for language in html.select(".site-status__languages > li"):   # beside each language of each page
            assert language.select_one(".site-status__made"), (locale, str(language)[:200])


# --- a variant build: what a check by a native speaker changes -------------------------------

REVIEW = "{made: reviewed, role: outreach-worker, date: 2026-12-06}"
VARIANTS = {
    # every section of the English page checked: no note anywhere
    "checked": f"en:\n  _intro: {REVIEW}\n  before: {REVIEW}\n  after: {REVIEW}\n",
    # the opening and "after" checked, "before" not: the page and the "before" embed say so
    "partly": f"en:\n  _intro: {REVIEW}\n  before: machine\n  after: {REVIEW}\n",
    # a translator's file that tries to print markup
    "hostile": "en:\n  _intro: machine\n  before: {made: reviewed, role: \"<script>alert(1)</script>\", date: 2026-12-06}\n",
}


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    prepared = {}
    for case, text in VARIANTS.items():
        tmp_path = tmp_path_factory.mktemp(case)
        docs = tmp_path / "docs"
        shutil.copytree(HOSTILE / "good" / "docs", docs)
        store = tmp_path / "translations" / "stamped"
        store.mkdir(parents=True)
        (store / "index.provenance.yml").write_text(text, encoding="utf-8")
        prepared[case] = (write_variant_config(tmp_path, docs), tmp_path / "site")
    built = build_in_one_process(prepared)
    return {case: (built[case]["ok"], built[case]["output"], prepared[case][1]) for case in prepared}


def test_a_page_whose_every_section_is_checked_shows_nothing(variants):
    ok, output, site_dir = variants["checked"]
    assert ok, output[-3000:]
    for path in ("en/", "en/embed/", "en/embed/before/", flyer_url("en", "")):
        html = soup(site_dir, path)
        assert html.select("h1"), path
        assert not html.select(NOTE) and not html.select(".flyer__unchecked"), path
    assert "site-notice--provenance" not in (site_dir / feed_path("en")).read_text(encoding="utf-8")


def test_a_page_with_an_unchecked_section_says_so(variants):
    ok, output, site_dir = variants["partly"]
    assert ok, output[-3000:]
    assert len(soup(site_dir, "en/").select(f"article {NOTE}")) == 1
    assert len(soup(site_dir, "en/embed/before/").select(f"article {NOTE}")) == 1
    assert not soup(site_dir, "en/embed/after/").select(NOTE), "a checked section embeds without the note"
    assert not soup(site_dir, "").select(NOTE)
    assert "site-notice--provenance" in (site_dir / feed_path("en")).read_text(encoding="utf-8")
    assert [line.get_text(strip=True) for line in soup(site_dir, flyer_url("en", "")).select(".flyer__unchecked")] \
        == [UI["en"]["provenance_note"]]


def test_a_hostile_provenance_file_fails_the_build_naming_file_and_line(variants):
    ok, output, site_dir = variants["hostile"]
    assert not ok
    assert re.search(r"translations/stamped/index\.provenance\.yml:3: en: before: role '<script>alert\(1\)</script>' "
                     r"is not one of native-speaker", output), output[-2000:]
    assert "Traceback" not in output
