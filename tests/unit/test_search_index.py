"""Per-locale search indexes and the worker file, from plain functions."""
from scripts.sitelib.search_index import (
    ZWSP, entry_locale, index_config, locale_index, search_worker, synonym_terms, segment_thai,
)

ENTRIES = [
    {"location": "", "title": "Hjem", "text": "Munnbind"},
    {"location": "covid-19/", "title": "Covid", "text": "Vask hendene"},
    {"location": "th/covid-19/", "title": "โควิด", "text": "ล้างมือก่อนพบลูกค้า"},
    {"location": "en/", "title": "Home", "text": "Masks"},
]


def test_each_locale_gets_its_own_entries_relative_to_its_root():
    assert [entry_locale(e["location"]) for e in ENTRIES] == ["nb", "nb", "th", "en"]
    nb = locale_index(ENTRIES, "nb", ["title", "text"])
    assert [doc["location"] for doc in nb["docs"]] == ["", "covid-19/"]
    th = locale_index(ENTRIES, "th", ["title", "text"])
    assert [doc["location"] for doc in th["docs"]] == ["covid-19/"]
    assert ZWSP in th["docs"][0]["text"] and th["docs"][0]["text"].strip(ZWSP).count(ZWSP) >= 2


def test_index_config_follows_the_language():
    assert index_config("bg", [])["lang"] == ["ru"] and index_config("bg", [])["pipeline"]
    assert index_config("th", [])["pipeline"] == [] and "\\u200b" in index_config("th", [])["separator"]
    assert "\\u200b" not in index_config("en", [])["separator"]


def test_the_worker_wraps_material_and_is_named_by_its_content():
    name, text = search_worker("search.abcdef12.min.js")
    assert 'importScripts("search.abcdef12.min.js")' in text and "MATERIAL_WORKER" not in text
    assert name.startswith("site-search.") and name != search_worker("search.00000000.min.js")[0]
    assert "//" not in text.split("importScripts")[0].split('"use strict"')[0], "comments are minified away"


def test_the_worker_url_names_the_index_and_lunr_files_relative_to_the_worker():
    from urllib.parse import parse_qs, urlsplit
    from scripts.sitelib.search_index import worker_url
    nb = parse_qs(urlsplit(worker_url("site-search.12345678.js", "nb")).query)
    assert nb["index"] == ["../../../search/search_index.json"]
    assert nb["preload"] == ["../lunr/min/lunr.stemmer.support.min.js", "../lunr/min/lunr.no.min.js"]
    th = worker_url("site-search.12345678.js", "th")
    assert th == "site-search.12345678.js?index=../../../th/search/search_index.json", "Thai: no lunr files"


def test_the_worker_sets_itself_up_from_its_url():
    _, text = search_worker("search.abcdef12.min.js")
    assert 'getAll("preload")' in text and 'get("index")' in text


def test_synonyms_go_on_the_page_entry_only_and_staff_pages_are_named_per_locale():
    entries = ENTRIES + [{"location": "th/covid-19/#before", "title": "ก่อน", "text": "ล้างมือ"},
                         {"location": "th/drug-services/", "title": "เคล็ดลับ", "text": "ถุงยางอนามัย"}]
    fields = {"title": {"boost": 1e3}, "text": {"boost": 1}}
    th = locale_index(entries, "th", fields, synonyms={"th/covid-19/": ["หมอ", "ถุงยาง"], "covid-19/": ["lege"]},
                      staff_pages={"th/drug-services/", "drug-services/"})
    docs = {doc["location"]: doc for doc in th["docs"]}
    assert "หมอ" in docs["covid-19/"]["synonyms"].split() and "ถุงยาง" in docs["covid-19/"]["synonyms"].split()
    assert "synonyms" not in docs["covid-19/#before"] and "synonyms" not in docs["drug-services/"]
    assert "lege" not in str(th), "another locale's words stay out"
    assert th["config"]["fields"]["synonyms"] == {"boost": 1e3} and fields == {"title": {"boost": 1e3}, "text": {"boost": 1}}
    assert th["config"]["site"] == {"staff": ["drug-services/"], "segmented": True}
    assert locale_index(ENTRIES, "nb", fields, staff_pages={"drug-services/"})["config"]["site"] == \
        {"staff": ["drug-services/"], "segmented": False}


def test_a_synonym_is_indexed_whole_and_cut_as_the_text_is():
    terms = synonym_terms(["ถุงยาง", " หมอ "], segment_thai).split()
    assert terms[0] == "ถุงยาง" and "หมอ" in terms and len(terms) == len(set(terms))
    assert synonym_terms(["uten papirer", "ID"], lambda text: text) == "uten papirer ID"
