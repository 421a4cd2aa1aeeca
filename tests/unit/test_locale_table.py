"""The one locale table, read from mkdocs.yml, and what derives from it."""
import shutil

import pytest
import yaml

from scripts.sitelib import locales
from scripts.sitelib.langid import lingua_name
from scripts.sitelib.locales import LOCALES, NATIVE_NAMES, SOURCE_LOCALE, TRANSLATIONS, read_table
from scripts.sitelib.nginx_locales import locales_conf
from scripts.sitelib.plurals import as_data
from scripts.sitelib.search_index import lunr_language, segmenter
from scripts.sitelib.site_config import load_mkdocs_yml
from scripts.sitelib.source_errors import SourceError
from scripts.sitelib.ui_strings import OVERRIDES, load_strings


def test_the_table_is_mkdocs_yml():
    i18n = next(p["i18n"] for p in load_mkdocs_yml()["plugins"] if isinstance(p, dict) and "i18n" in p)
    assert LOCALES == [language["locale"] for language in i18n["languages"]]
    assert NATIVE_NAMES == {language["locale"]: language["name"] for language in i18n["languages"]}
    assert SOURCE_LOCALE == next(language["locale"] for language in i18n["languages"] if language.get("default"))
    assert TRANSLATIONS == [code for code in LOCALES if code != SOURCE_LOCALE]


def test_use_table_updates_every_importer_in_place(tmp_path):
    text = (locales.CONFIG_FILE).read_text(encoding="utf-8").replace(
        "        - locale: zh\n", "        - locale: de\n          name: Deutsch\n          build: true\n        - locale: zh\n")
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    before = list(LOCALES)
    try:
        locales.use_table(read_table(tmp_path / "mkdocs.yml"))
        assert LOCALES == before[:-1] + ["de", "zh"] and "de" in TRANSLATIONS and NATIVE_NAMES["de"] == "Deutsch"
    finally:
        locales.use_table(read_table())
    assert LOCALES == before


def test_a_table_without_one_default_is_refused(tmp_path):
    text = locales.CONFIG_FILE.read_text(encoding="utf-8").replace("          default: true\n", "")
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="default"):
        read_table(tmp_path / "mkdocs.yml")


@pytest.mark.parametrize("locale", LOCALES)
def test_every_locale_has_a_language_check_and_a_search_pipeline(locale):
    assert lingua_name(locale)
    lang, stemmed = lunr_language(locale)
    assert stemmed or lang == "en"
    assert (segmenter(locale) is not None) == (locale in {"th", "zh"})


def test_search_languages_stay_what_was_measured():
    """Derived from the code and its script, and equal to the table the project measured."""
    assert {code: lunr_language(code) for code in LOCALES} == {
        "nb": ("no", True), "en": ("en", True), "es": ("es", True), "pt": ("pt", True), "ro": ("ro", True),
        "bg": ("ru", True), "ru": ("ru", True), "fr": ("fr", True),
        "sq": ("en", False), "th": ("en", False), "zh": ("en", False)}


def test_nginx_map_lists_every_translation():
    conf = locales_conf()
    for map_name in ("smittevern_404_locale", "smittevern_home"):
        assert f"(?<{map_name}>{'|'.join(TRANSLATIONS)})" in conf


# --- interface strings: one file per new locale --------------------------------------------

def copy_overrides(tmp_path):
    target = tmp_path / "overrides"
    shutil.copytree(OVERRIDES / "components", target / "components")
    (target / "strings").mkdir()
    return target


def test_a_new_locale_brings_its_strings_in_one_file(tmp_path):
    overrides = copy_overrides(tmp_path)
    english = load_strings()["en"]
    texts = {key: as_data(text) for key, text in english.items()}  # plural forms as written
    (overrides / "strings" / "de.yml").write_text(yaml.safe_dump(texts, allow_unicode=True), encoding="utf-8")
    table = load_strings(overrides, LOCALES + ["de"])
    assert table["de"] == english and table["nb"] == load_strings()["nb"]


def test_a_missing_key_names_the_component_file(tmp_path):
    overrides = copy_overrides(tmp_path)
    english = dict(load_strings()["en"])
    english.pop("search_dialog")
    texts = {key: as_data(text) for key, text in english.items()}  # plural forms as written
    (overrides / "strings" / "de.yml").write_text(yaml.safe_dump(texts, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SourceError, match=r"search/strings.yml:\d+: 'search_dialog' has no text for: de"):
        load_strings(overrides, LOCALES + ["de"])


def test_a_text_in_both_places_or_an_unknown_key_is_refused(tmp_path):
    overrides = copy_overrides(tmp_path)
    (overrides / "strings" / "nb.yml").write_text("search_dialog: Søk\n", encoding="utf-8")
    with pytest.raises(SourceError, match="keep one"):
        load_strings(overrides)
    (overrides / "strings" / "nb.yml").write_text("no_such_key: x\n", encoding="utf-8")
    with pytest.raises(SourceError, match="not a key"):
        load_strings(overrides)


def test_the_real_site_has_every_text_in_the_component_files():
    """No locale file for the eleven: each component's strings.yml has them all."""
    assert not list((OVERRIDES / "strings").glob("*.yml"))
    table = load_strings()
    assert all(set(table[locale]) == set(table[SOURCE_LOCALE]) for locale in LOCALES)
