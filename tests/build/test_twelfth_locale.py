"""Adding a language is one mkdocs.yml block, one docs/<locale>/ folder and its strings.

The fixture (tests/fixtures/twelfth-locale/) adds German to a copy of the site with
no other edit; this build must then have German pages, search, feed, 404 page,
flyers, offline page, status column and nginx map, each with lang="de".
"""
import json
import re
import shutil

import pytest
import yaml
from bs4 import BeautifulSoup

from scripts.devtools.local_site import ROOT, build_site, building_only, variant_config
from scripts.sitelib.langid import lingua_name
from scripts.sitelib.locales import LOCALES, SOURCE_LOCALE, locale_prefix, read_table
from scripts.sitelib.plurals import as_data
from scripts.sitelib.print_kit import flyer_topics, flyer_url
from scripts.sitelib.search_index import lunr_language, segmenter
from scripts.sitelib.site_config import load_mkdocs_yml
from scripts.sitelib.ui_strings import load_strings
from tests.support.pages import nav_pages

FIXTURE = ROOT / "tests" / "fixtures" / "twelfth-locale"
NEW = yaml.safe_load((FIXTURE / "language.yml").read_text(encoding="utf-8"))[0]["locale"]
LANGUAGE_ITEM = re.compile(r"^        - locale: .*\n(?:^          .*\n)*", re.M)


def with_language_block(text):
    """mkdocs.yml with the fixture's block appended to plugins: i18n: languages."""
    last = list(LANGUAGE_ITEM.finditer(text))[-1]
    block = "".join(f"        {line}\n" for line in (FIXTURE / "language.yml").read_text(encoding="utf-8").splitlines()
                    if line and not line.startswith("#"))
    return text[:last.end()] + block + text[last.end():]


@pytest.fixture(scope="module")
def twelfth(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("twelfth")
    overrides = tmp / "overrides"
    shutil.copytree(ROOT / "overrides", overrides)
    (overrides / "strings").mkdir(exist_ok=True)
    english = load_strings()["en"]  # stand-ins for real German texts (see the fixture's README)
    texts = {key: as_data(text) for key, text in english.items()}  # plural forms as written
    (overrides / "strings" / f"{NEW}.yml").write_text(yaml.safe_dump(texts, allow_unicode=True), encoding="utf-8")

    def edit_config(text):   # the other ten languages stay configured, unbuilt: only ours are read
        text = building_only(with_language_block(text), (SOURCE_LOCALE, NEW))
        return text.replace(f"custom_dir: {ROOT / 'overrides'}", f"custom_dir: {overrides}")

    config = variant_config(tmp, edit_docs=lambda docs: shutil.copytree(FIXTURE / "docs" / NEW, docs / NEW),
                            edit_config=edit_config)
    site_dir = tmp / "site"
    result = build_site(site_dir, "http://127.0.0.1:8000/", config=config)
    assert result.returncode == 0, result.stderr[-3000:]
    return {"site": site_dir, "config": config}


def html_lang(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").html.get("lang")


def test_the_table_has_the_new_language(twelfth):
    table = read_table(twelfth["config"])
    assert [language.code for language in table] == LOCALES + [NEW]
    assert NEW not in LOCALES, "the fixture must add a language the site does not have"


def test_its_pages_exist_with_its_lang(twelfth):
    for page in nav_pages():
        path = twelfth["site"] / locale_prefix(NEW) / page / "index.html"
        assert path.is_file() and html_lang(path) == NEW, path
    home = (twelfth["site"] / NEW / "index.html").read_text(encoding="utf-8")
    assert "Infektionsschutz und Gesundheit</h1>" in home
    assert f'hreflang="{NEW}"' in (twelfth["site"] / "covid-19" / "index.html").read_text(encoding="utf-8")


def test_its_search_index_uses_its_language(twelfth):
    index = json.loads((twelfth["site"] / NEW / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] and all(not doc["location"].startswith(f"{NEW}/") for doc in index["docs"])
    assert index["config"]["lang"] == [lunr_language(NEW)[0]] == ["de"]  # Material ships a German stemmer
    assert segmenter(NEW) is None and lingua_name(NEW) == "GERMAN"


def test_its_feed_404_offline_page_and_flyers_exist(twelfth):
    site = twelfth["site"]
    assert json.loads((site / NEW / "feed.json").read_text(encoding="utf-8"))["language"] == NEW
    assert html_lang(site / NEW / "404.html") == NEW
    assert html_lang(site / NEW / "offline" / "index.html") == NEW
    assert f"/{NEW}/offline/" in (site / "sw.js").read_text(encoding="utf-8")
    topics = flyer_topics(order=nav_pages_files())
    assert topics
    for topic in topics:
        assert html_lang(site / flyer_url(NEW, topic.slug) / "index.html") == NEW, topic.slug


def nav_pages_files():
    return [entry for entry in load_mkdocs_yml()["nav"] if isinstance(entry, str)]


def test_the_status_page_has_its_row(twelfth):
    soup = BeautifulSoup((twelfth["site"] / "status" / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = [row.th for row in soup.select("table.site-status__summary tbody tr")]
    assert rows[-1].get_text(" ", strip=True).startswith("German") and rows[-1].select_one(f'[lang="{NEW}"]')
    home = soup.select_one("#site-status-index").find_parent("section")
    assert home.select_one(f'a[hreflang="{NEW}"]'), "the home page lists the new language with a link"


def test_nginx_knows_it(twelfth):
    conf = (twelfth["site"] / "_nginx" / "locales.conf").read_text(encoding="utf-8")
    assert re.search(rf"smittevern_404_locale>[a-z|]*\b{NEW}\b", conf)
    assert re.search(rf"smittevern_home>[a-z|]*\b{NEW}\b", conf)
