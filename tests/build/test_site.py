"""The built site: locales, lang, hreflang, no outside hosts, per-locale search, strictness."""
import json
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from scripts.sitelib.locales import LOCALES, NATIVE_NAMES, locale_prefix
from tests.support.pages import page_paths
from scripts.devtools.local_site import build_site


class Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.html_lang, self.urls, self.alternates = None, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates.append(attrs)
        for name in ("src", "href"):
            if attrs.get(name) and tag in ("script", "link", "img", "iframe", "source", "audio", "video"):
                self.urls.append(attrs[name])


def parse(site, path):
    parser = Collect()
    parser.feed((site.dir / path / "index.html").read_text(encoding="utf-8"))
    return parser


def test_build_is_strict_and_clean(site):
    assert "WARNING" not in site.build_log, site.build_log


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_exists_with_the_right_lang(site, locale):
    for page_locale, path in page_paths([locale]):
        assert (site.dir / path / "index.html").is_file(), path
        assert parse(site, path).html_lang == page_locale, path


def test_no_resource_from_another_host(site):
    for _, path in page_paths():
        for url in parse(site, path).urls:
            assert not urlsplit(url).netloc or url.startswith(site.url), f"{path}: {url}"


def test_no_google_fonts_or_wordcut_anywhere(site):
    for html in site.dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "wordcut" not in text, html


def test_hreflang_is_in_the_sitemap_not_in_head(site):
    for _, path in page_paths():
        assert parse(site, path).alternates == [], path
    sitemap = (site.dir / "sitemap.xml").read_text(encoding="utf-8")
    for locale in LOCALES:
        assert f'hreflang="{locale}" href="{site.url}{locale_prefix(locale)}covid-19/"' in sitemap


def test_language_menu_links_to_the_same_page_with_native_names(site):
    html = (site.dir / "covid-19" / "index.html").read_text(encoding="utf-8")
    for locale, name in NATIVE_NAMES.items():
        link = re.search(rf'<a class="js-language-choice" href="([^"]+)" hreflang="{locale}" lang="{locale}"'
                         rf'[^>]*><b>{re.escape(name)}</b>', html)
        assert link, f"no menu link for {locale}"
        assert urljoin(f"{site.url}covid-19/", link.group(1)) == f"{site.url}{locale_prefix(locale)}covid-19/"


@pytest.mark.parametrize("locale", LOCALES)
def test_each_locale_has_its_own_search_index(site, locale):
    index = json.loads((site.dir / locale_prefix(locale) / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"], locale
    assert not any(doc["location"].split("/")[0] in LOCALES for doc in index["docs"]), "another locale's pages"
    assert not set(index["config"]["lang"]) & {"th", "hi", "ja"}, "would load wordcut.js or tinyseg.js"
    html = (site.dir / locale_prefix(locale) / "covid-19" / "index.html").read_text(encoding="utf-8")
    base = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))["base"]
    assert base.endswith("/") and (locale == "nb" or base.endswith(f"{locale}/")), base


@pytest.mark.parametrize("locale", ["th", "zh"])
def test_thai_and_chinese_text_is_cut_into_words(site, locale):
    index = json.loads((site.dir / locale / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "\\u200b" in index["config"]["separator"]  # the JS regex escape for U+200B
    assert sum(doc["text"].count("\u200b") for doc in index["docs"]) > 50


def test_every_locale_has_its_own_404(site):
    for locale in LOCALES:
        page = site.dir / locale_prefix(locale) / "404.html"
        assert re.search(rf'<html lang="{locale}"', page.read_text(encoding="utf-8")), locale


def test_each_not_found_page_speaks_its_language_and_leads_on(site):
    """Not Material's English "404 - Not found": the heading and text in the page's
    language, "Get help" to that language's help page, the emergency numbers, and a link
    home; every link absolute, since the page is served at any address."""
    from bs4 import BeautifulSoup
    from scripts.sitelib.ui_strings import load_strings
    ui = load_strings()
    for locale in LOCALES:
        soup = BeautifulSoup((site.dir / locale_prefix(locale) / "404.html").read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article.md-content__inner")
        assert article.h1.get_text(strip=True) == ui[locale]["not_found_title"], locale
        assert "404" not in article.get_text()
        assert ui[locale]["not_found_text"].split()[0] in article.p.get_text(), locale
        help_link = article.select_one("a.site-home-help__main")
        assert help_link.get_text(strip=True) == ui[locale]["get_help"], locale
        assert help_link["href"] == f"/{locale_prefix(locale)}help/", locale
        assert (site.dir / locale_prefix(locale) / "help" / "index.html").is_file()
        assert article.select("a.site-home-help__call[href^='tel:']"), locale
        home = [a for a in article.find_all("a") if a.get_text(strip=True) == ui[locale]["nav_home"]]
        # served at any address: the link resolves to the home page from anywhere ("/." as MkDocs writes the root)
        assert [urlsplit(urljoin("http://host/a/b/", a["href"])).path for a in home] == [f"/{locale_prefix(locale)}"], locale


def test_the_404_language_menu_leads_to_each_home_page(site):
    """Each locale's 404 is rendered before its pages; its language choices must not be
    left over from another page (they once all led to the status page)."""
    homes = {locale: "/" + locale_prefix(locale) for locale in LOCALES}
    for locale in LOCALES:
        html = (site.dir / locale_prefix(locale) / "404.html").read_text(encoding="utf-8")
        choices = dict((lang, href) for href, lang in
                       re.findall(r'class="js-language-choice" href="([^"]*)" hreflang="([^"]*)"', html))
        assert choices == homes, locale


PAINT_AFTER_FOOTER = '<link rel="expect" href="#site-footer-end" blocking="render">'


def test_the_not_found_page_paints_with_its_footer_whole(site):
    """The not-found page is one short screen with the footer on it: its first paint waits
    until the footer is parsed (overrides/main.html); a reader page paints as it arrives."""
    from bs4 import BeautifulSoup
    for locale in LOCALES:
        soup = BeautifulSoup((site.dir / locale_prefix(locale) / "404.html").read_text(encoding="utf-8"), "html.parser")
        assert soup.head.find("link", rel="expect", href="#site-footer-end", blocking="render"), locale
        marker = soup.find(id="site-footer-end")
        footer = marker.find_parent("footer") if marker else None
        assert footer, locale
        # the footer's last content: no text of the footer comes after it
        assert [text for text in marker.find_all_next(string=True) if footer in text.parents and text.strip()] == []
    for path in ("", "covid-19/", "th/help/"):
        assert PAINT_AFTER_FOOTER not in (site.dir / path / "index.html").read_text(encoding="utf-8"), path


def test_missing_site_url_stops_the_build_with_a_clear_message(tmp_path):
    result = build_site(tmp_path / "site", "")
    assert result.returncode != 0
    assert "site_url" in result.stderr and "SITE_URL" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
