"""Issue 24 items 2 and 3 on the built site: the page count under every page takes
its language's plural form, the save button's script gets every form, and French,
Chinese and Thai punctuation is what the reader sees in labels, dates and page text.
A missing plural form stops the build, naming the file, line and key."""
import json
import re
import shutil

import pytest
from babel import Locale
from selectolax.lexbor import LexborHTMLParser

from scripts.devtools.local_site import ROOT
from scripts.sitelib.dates import human_date
from scripts.sitelib.locales import LOCALES, locale_prefix
from scripts.sitelib.ui_strings import load_strings
from tests.support.batch_build import build_in_one_process
from tests.support.hostile import FIXTURES as HOSTILE
from tests.support.variant import write_variant_config

UI = load_strings()
NBSP = "\u00a0"
HIDDEN = "code, pre, script, style, textarea, kbd, samp, svg, template"

# How each language writes "N pages", by CLDR category, written here by hand: the
# test does not read strings.yml to know what the page should say.
PAGES = {
    "nb": {"one": "{n} side", "other": "{n} sider"},
    "en": {"one": "{n} page", "other": "{n} pages"},
    "es": {"one": "{n} página", "many": "{n} de páginas", "other": "{n} páginas"},
    "pt": {"one": "{n} página", "many": "{n} de páginas", "other": "{n} páginas"},
    "ro": {"one": "{n} pagină", "few": "{n} pagini", "other": "{n} de pagini"},
    "bg": {"one": "{n} страница", "other": "{n} страници"},
    "th": {"other": "{n} หน้า"},
    "ru": {"one": "{n} страница", "few": "{n} страницы", "many": "{n} страниц", "other": "{n} страницы"},
    "sq": {"one": "{n} faqe", "other": "{n} faqe"},
    "fr": {"one": "{n} page", "many": "{n} de pages", "other": "{n} pages"},
    "zh": {"other": "{n} 个页面"},
}


def page(site, locale, name=""):
    return LexborHTMLParser((site.dir / locale_prefix(locale) / name / "index.html").read_text(encoding="utf-8"))


def reader_text(tree, locale):
    """The text a reader sees in `locale`: no code or scripts, no parts in another language."""
    body = tree.body
    for node in body.css(HIDDEN):
        node.decompose()
    for node in body.css("[lang]"):
        if not node.attributes.get("lang", "").startswith(locale):
            node.decompose()
    return body.text(separator="")


def pages_of(site, locale):
    folder = site.dir / locale
    return [path for path in sorted(folder.rglob("index.html"))
            if not {"print", "offline"} & set(path.relative_to(folder).parts)]


# --- plural forms ---------------------------------------------------------------------------

@pytest.mark.parametrize("locale", LOCALES)
def test_the_page_count_takes_the_plural_form_of_the_language(site, locale):
    note = page(site, locale).css_first(".site-offline__note:not(.site-offline__note--first)").text()
    count = int(re.search(r"\d+", note).group(0))
    assert count >= 10, note
    form = Locale.parse(locale).plural_form(count)
    assert PAGES[locale][form].format(n=count) in note, (locale, form, note)
    if locale == "ro":   # 11 pages today: "few"; from 20 on it is "de pagini"
        assert (f"{count} de pagini" in note) == (form == "other") and f"{count} pagin" in note
    if locale == "ru":
        assert f"{count} страниц" in note


def test_the_save_button_script_gets_every_form(site):
    box = page(site, "ro").css_first(".js-offline")
    data = json.loads(box.attributes["data-saving"])
    assert data["count"] == "total"
    assert set(data["forms"]) == {"one", "few", "other"}
    assert "{total} de pagini" in data["forms"]["other"] and "{total} pagini" in data["forms"]["few"]
    assert json.loads(page(site, "zh").css_first(".js-offline").attributes["data-saving"])["forms"] == {
        "other": UI["zh"]["offline_saving"].forms["other"]}
    assert any("PluralRules" in path.read_text(encoding="utf-8", errors="ignore")
               for path in (site.dir / "assets").rglob("*.js")), "offline.js chooses the form with Intl.PluralRules"


# --- punctuation ----------------------------------------------------------------------------

def test_french_labels_and_dates_have_a_no_break_space_before_the_colon(site):
    dates = page(site, "fr", "about").css(".site-page-dates__dates span")
    assert [node.text() for node in dates] == [
        f"{UI['fr']['published']}{NBSP}: {human_date('2026-11', 'fr')}",
        f"{UI['fr']['reviewed']}{NBSP}: {human_date('2026-11-28', 'fr')}",
    ]
    items = page(site, "fr", "about").css(".site-content-dates li")
    assert items and all(re.search(rf"\S{NBSP}:\s", node.text()) for node in items), [node.text() for node in items]


@pytest.mark.parametrize("name", ["", "about", "safety", "privacy", "status"])
def test_french_page_text_has_no_break_spaces_before_high_punctuation(site, name):
    text = reader_text(page(site, "fr", name), "fr")
    assert re.search(f"{NBSP}[:?!]", text), "the page has punctuation to test"
    for pattern, what in ((r"[^\S\u00a0\u202f][:;?!»]", "an ordinary space before : ; ? ! »"),
                          (r"«[^\S\u00a0\u202f]", "an ordinary space after «"),
                          (r"[^\s\u00a0\u202f«(\[/?!;:][;?!](?=\s|$)", "no space before ; ? !"),
                          (r"«[^\s\u00a0\u202f]|[^\s\u00a0\u202f«]»", "no space inside « »")):
        found = [text[max(0, m.start() - 25):m.end() + 5] for m in re.finditer(pattern, text)]
        assert not found, f"fr/{name}: {what}: {found}"


def test_every_french_page_keeps_the_rule(site):
    for path in pages_of(site, "fr"):
        text = reader_text(LexborHTMLParser(path.read_text(encoding="utf-8")), "fr")
        found = re.findall(r".{0,20}[^\S\u00a0\u202f][:;?!»].{0,3}", text)
        assert not found, f"{path.relative_to(site.dir)}: {found}"


def test_french_code_and_addresses_keep_their_characters(site):
    tree = page(site, "fr", "partners")
    assert any('"language": "nb"' in node.text() for node in tree.css("code")), "code is never punctuated"
    for node in tree.css("a[href]"):
        assert NBSP not in node.attributes["href"]


def test_chinese_labels_and_dates_take_full_width_punctuation(site):
    dates = page(site, "zh", "about").css(".site-page-dates__dates span")
    assert [node.text() for node in dates] == [
        f"{UI['zh']['published']}：{human_date('2026-11', 'zh')}",
        f"{UI['zh']['reviewed']}：{human_date('2026-11-28', 'zh')}",
    ]
    items = [node.text() for node in page(site, "zh", "about").css(".site-content-dates li")]
    assert items and all("：" in item and re.search(r"日\s*。", item) for item in items if "日" in item), items
    assert all(":" not in re.sub(r"\d:\d", "", item) for item in items), items


@pytest.mark.parametrize("name", ["", "about", "safety", "help"])
def test_chinese_text_has_no_ascii_punctuation_after_chinese(site, name):
    text = reader_text(page(site, "zh", name), "zh")
    found = re.findall(r".{0,10}[\u4e00-\u9fff][ ]?[,:;!?](?:\s|$).{0,5}", text)
    assert not found, found
    assert not re.findall(r".{0,10}[：，；！？。] .{0,5}", text)


@pytest.mark.parametrize("name", ["", "about", "safety", "help", "status"])
def test_thai_has_no_space_before_punctuation(site, name):
    text = reader_text(page(site, "th", name), "th")
    assert ":" in text or "?" in text
    found = re.findall(r".{0,10}[\u0e00-\u0e7f][ \u00a0]+[:;!?,)].{0,5}", text)
    assert not found, found


def test_other_languages_keep_ordinary_spaces(site):
    text = reader_text(page(site, "en", "about"), "en")
    assert NBSP + ":" not in text and "：" not in text


# --- a missing form stops the build -----------------------------------------------------------

def test_a_missing_plural_form_fails_the_build_naming_file_line_and_key(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(HOSTILE / "good" / "docs", docs)
    overrides = tmp_path / "overrides"
    shutil.copytree(ROOT / "overrides", overrides)
    strings = overrides / "components" / "offline" / "strings.yml"
    text = strings.read_text(encoding="utf-8")
    one = '    one: "This downloads {count} page. It uses a little mobile data."\n'
    assert one in text
    strings.write_text(text.replace(one, ""), encoding="utf-8")
    line = text[:text.index(one)].count("\n")   # the line of "  en:" just above
    config = write_variant_config(tmp_path, docs)
    config.write_text(config.read_text(encoding="utf-8").replace(str(ROOT / "overrides"), str(overrides)),
                      encoding="utf-8")
    site_dir = tmp_path / "site"
    result = build_in_one_process({"missing-form": (config, site_dir)})["missing-form"]
    assert not result["ok"], "the build accepted a missing plural form"
    assert re.search(rf"overrides/components/offline/strings\.yml:{line}: 'offline_save_note' in en has no text "
                     r"for the plural form\(s\) one \(en uses: one, other", result["output"]), result["output"][-2000:]
    assert "Traceback" not in result["output"]
