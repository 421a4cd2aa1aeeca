"""The "Stay safe online" and Privacy pages give advice a reader can follow (issue 21, part 2).

Built pages, every language. The tests hold the structure (section ids, numbered steps,
icons, links) rather than the wording, so an editor can reword a sentence; a few key
Chrome labels are pinned per language, taken from Chromium's own translation files
(see the notes' label table), because a wrong label strands a reader mid-way.
"""
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from scripts.sitelib.locales import LOCALES, locale_prefix
from scripts.sitelib.ui_strings import load_strings

UI = load_strings()

# Chrome for Android, as the phone shows it (Chromium android_chrome_strings_<lang>.xtb).
CHROME_DELETE_BROWSING_DATA = {
    "nb": "Slett nettlesingsdata…", "en": "Delete browsing data…", "es": "Borrar datos de navegación…",
    "pt": "Excluir dados de navegação…", "ro": "Șterge datele de navigare…",
    "bg": "Изтриване на данните за сърфирането…", "th": "ลบข้อมูลการท่องเว็บ…",
    "ru": "Удалить данные о работе в браузере…", "sq": "Fshi të dhënat e shfletimit…",
    "fr": "Supprimer les données de navigation…", "zh": "删除浏览数据…",
}
CHROME_TIME_RANGE = {
    "nb": "Tidsperiode", "en": "Time range", "es": "Intervalo de tiempo", "pt": "Período",
    "ro": "Interval de timp", "bg": "Период от време", "th": "ช่วงเวลา", "ru": "Временной диапазон",
    "sq": "Shtrirja kohore", "fr": "Période", "zh": "时间范围",
}
CHROME_ALL_TIME = {
    "nb": "Alle datoer", "en": "All time", "es": "Todos", "pt": "Todo o período", "ro": "Dintotdeauna",
    "bg": "За цялото време", "th": "ตั้งแต่ต้น", "ru": "Все время", "sq": "Gjatë të gjithë kohës",
    "fr": "Toutes les données", "zh": "时间不限",
}
CHROME_NEW_INCOGNITO_TAB = {
    "nb": "Ny inkognitofane", "en": "New Incognito tab", "es": "Nueva pestaña de incógnito",
    "pt": "Nova guia anônima", "ro": "Filă incognito nouă", "bg": "Нов раздел „инкогнито“",
    "th": "แท็บใหม่ที่ไม่ระบุตัวตน", "ru": "Новая вкладка инкогнито", "sq": "Skedë e re \"e fshehtë\"",
    "fr": "Nouvel onglet de navigation privée", "zh": "打开新的无痕式标签页",
}
# The sentence the privacy page used to end with: a private tab leaves nothing behind.
REMEMBERS_NOTHING = {
    "nb": "husker nettleseren ingenting", "en": "remembers nothing", "es": "no recuerda nada",
    "pt": "navegador não guarda nada", "ro": "nu ține minte nimic", "bg": "не помни нищо",
    "th": "จะไม่จำอะไรเลย", "ru": "ничего не запоминает", "sq": "nuk mban mend asgjë",
    "fr": "ne garde rien", "zh": "什么都不会记住",
}

H2_IDS = ["exit-button", "limits", "private-browsing", "clear-history", "shared-phone", "saved-pages"]
# Each ### section, the ## section it sits in, and the numbered lists it holds (steps each).
H3 = {
    "private-chrome": ("private-browsing", [2]),
    "private-safari": ("private-browsing", [3]),
    "private-samsung": ("private-browsing", [2]),
    "private-limits": ("private-browsing", []),
    "delete-this-site": ("clear-history", [4, 4]),
    "clear-chrome": ("clear-history", [6]),
    "clear-iphone": ("clear-history", [6]),
    "clear-samsung": ("clear-history", [6]),
}
# What a private tab does not hide, in this order: Wi-Fi or work network, mobile operator,
# signed-in accounts, spyware, downloads, WhatsApp and the call log.
PRIVATE_LIMIT_ICONS = ["wifi", "sim", "account-circle", "eye-outline", "download-outline", "whatsapp"]

ICONS = Path(__import__("material").__file__).parent / "templates" / ".icons" / "material"


def icon_path(name):
    return re.search(r' d="([^"]+)"', (ICONS / f"{name}.svg").read_text()).group(1)


def icons_of(items):
    return [li.select_one(".twemoji svg path")["d"] for li in items]


def page(site, locale, name):
    path = site.dir / locale_prefix(locale) / name / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def section(html, heading_id):
    """The elements after a heading, up to the next heading of the same or a higher level."""
    heading = html.select_one(f"article #{heading_id}")
    assert heading is not None, heading_id
    level = int(heading.name[1])
    elements = []
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name) and int(sibling.name[1]) <= level:
            break
        elements.append(sibling)
    return elements


def lists(elements, tag):
    return [element for element in elements if element.name == tag]


def steps(ol):
    return ol.find_all("li", recursive=False)


def bold(li):
    return [strong.get_text() for strong in li.find_all("strong")]


@pytest.mark.parametrize("locale", LOCALES)
def test_safety_page_keeps_its_sections_and_adds_one_per_browser(site, locale):
    html = page(site, locale, "safety")
    assert [h2["id"] for h2 in html.select("article h2")] == H2_IDS
    assert [h3["id"] for h3 in html.select("article h3")] == list(H3)
    for h3_id, (parent, step_counts) in H3.items():
        h3 = html.select_one(f"article #{h3_id}")
        assert h3.find_previous("h2")["id"] == parent, h3_id
        ols = lists(section(html, h3_id), "ol")
        assert [len(steps(ol)) for ol in ols] == step_counts, (locale, h3_id)
        for ol in ols:
            assert all(li.get_text(strip=True) for li in steps(ol)), (locale, h3_id)


@pytest.mark.parametrize("locale", LOCALES)
def test_chrome_steps_set_the_time_range_before_deleting(site, locale):
    """The critical step: Chrome keeps its last time range (often one hour), so the reader
    opens the time range and picks "All time" before "Delete data"."""
    html = page(site, locale, "safety")
    chrome = steps(lists(section(html, "clear-chrome"), "ol")[0])
    labels = [bold(li) for li in chrome]
    assert CHROME_DELETE_BROWSING_DATA[locale] in labels[2], labels
    assert labels[3] == [CHROME_TIME_RANGE[locale]], labels
    assert CHROME_ALL_TIME[locale] in labels[4], labels
    assert labels[5] and CHROME_ALL_TIME[locale] not in labels[5], "deleting comes after the time range"
    # Opening History is the same tap in both Chrome lists, and the menu is the same ⋮.
    this_site = steps(lists(section(html, "delete-this-site"), "ol")[0])
    assert bold(this_site[1]) == labels[1] and len(labels[1]) == 1
    assert "⋮" in chrome[0].get_text() and "⋮" in this_site[0].get_text()


@pytest.mark.parametrize("locale", LOCALES)
def test_iphone_path_since_ios_18_and_the_older_one(site, locale):
    html = page(site, locale, "safety")
    elements = section(html, "clear-iphone")
    iphone = steps(lists(elements, "ol")[0])
    settings, apps, safari, clear = (bold(li) for li in iphone[:4])
    assert all(len(label) == 1 for label in (settings, apps, safari, clear)), (settings, apps, safari, clear)
    assert "Safari" in safari[0]
    ol = lists(elements, "ol")[0]
    position = elements.index(ol)
    assert elements[position - 1].name == "p" and "18" in elements[position - 1].get_text(), "the numbered path is the iOS 18 one"
    # After the steps: on iOS 17 or earlier, skip step 2 (Apps); Safari sits straight in Settings.
    note = elements[position + 1:]
    assert [element.name for element in note] == ["p"], note
    text = note[0].get_text(" ")
    assert "17" in text and re.search(r"(?<!\d)2(?!\d)", text), text
    assert bold(note[0])[0] == apps[0] and bold(note[0])[-1] == safari[0], bold(note[0])


@pytest.mark.parametrize("locale", LOCALES)
def test_private_tabs_are_found_where_each_browser_keeps_them(site, locale):
    html = page(site, locale, "safety")
    chrome = steps(lists(section(html, "private-chrome"), "ol")[0])
    assert "⋮" in chrome[0].get_text() and bold(chrome[1]) == [CHROME_NEW_INCOGNITO_TAB[locale]]
    safari = steps(lists(section(html, "private-safari"), "ol")[0])
    samsung = steps(lists(section(html, "private-samsung"), "ol")[0])
    assert len(bold(safari[1])) == 1 and len(bold(samsung[1])) == 1, "Private, and Turn on Secret mode"
    for h3_id in ("private-samsung", "clear-samsung"):
        assert "Samsung Internet" in html.select_one(f"#{h3_id}").get_text()
    assert "Samsung Internet" in lists(section(html, "private-browsing"), "ul")[0].get_text()
    samsung_clear = [bold(li) for li in steps(lists(section(html, "clear-samsung"), "ol")[0])]
    assert [len(label) for label in samsung_clear] == [0, 1, 1, 1, 0, 1], samsung_clear


@pytest.mark.parametrize("locale", LOCALES)
def test_safety_page_says_what_a_private_tab_does_not_hide(site, locale):
    html = page(site, locale, "safety")
    limits = lists(section(html, "private-limits"), "ul")
    assert len(limits) == 1
    assert icons_of(limits[0].find_all("li", recursive=False)) == [icon_path(name) for name in PRIVATE_LIMIT_ICONS]
    text = limits[0].get_text(" ")
    assert re.search(r"wi-?fi", text, re.I), text
    for name in ("Google", "iCloud", "WhatsApp"):
        assert name in text, (locale, name)


@pytest.mark.parametrize("locale", LOCALES)
def test_deleting_only_this_site_is_offered_first(site, locale):
    html = page(site, locale, "safety")
    h3s = [h3["id"] for h3 in html.select("article h3")]
    assert h3s.index("delete-this-site") < h3s.index("clear-chrome")
    elements = section(html, "delete-this-site")
    why = lists(elements, "ul")
    assert len(why) == 1 and icons_of(why[0].find_all("li")) == [icon_path("information-outline")]
    chrome, safari = lists(elements, "ol")
    assert "X" in steps(chrome)[3].get_text(), "Chrome: the remove button beside each visit"
    assert len(bold(steps(safari)[3])) == 1, "Safari: swipe left, then Delete"


@pytest.mark.parametrize("locale", LOCALES)
def test_safety_page_says_what_the_exit_cannot_remove(site, locale):
    html = page(site, locale, "safety")
    base = f"{site.url}{locale_prefix(locale)}safety/"
    limits = lists(section(html, "limits"), "ul")[0].find_all("li", recursive=False)
    assert icons_of(limits) == [icon_path(name) for name in ("history", "tab", "download-outline", "wifi-off", "timer-sand")]
    links = {urljoin(base, a["href"]): a.get_text() for a in lists(section(html, "limits"), "ul")[0].find_all("a")}
    assert base + "#clear-history" in links
    # Offline, saved pages may stay: the page names the button that removes them, as it is labelled.
    assert links[base + "#saved-pages"] == UI[locale]["offline_remove"]
    assert html.select_one("article .js-offline[data-mode=remove]") is not None


@pytest.mark.parametrize("locale", LOCALES)
def test_privacy_page_makes_no_remembers_nothing_claim(site, locale):
    html = page(site, locale, "privacy")
    text = html.select_one("article").get_text(" ")
    assert REMEMBERS_NOTHING[locale] not in text
    base = f"{site.url}{locale_prefix(locale)}privacy/"
    delete = lists(section(html, "delete"), "ul")[0].find_all("li", recursive=False)
    assert icons_of(delete) == [icon_path(name) for name in ("delete-outline", "history", "incognito")]
    safety = f"{site.url}{locale_prefix(locale)}safety/"
    private_tab = [urljoin(base, a["href"]) for a in delete[2].find_all("a")]
    assert private_tab == [safety + "#private-limits"], "the private-tab line points at what it does not hide"
    assert [urljoin(base, a["href"]) for a in delete[1].find_all("a")] == [safety + "#clear-history"]
    if locale == "bg":
        assert "отметка" not in text.lower(), "in Bulgarian Chrome, «отметка» is a bookmark"


@pytest.mark.parametrize("locale", LOCALES)
def test_no_voice_hint_names_the_iphone_path(site, locale):
    listen = page(site, locale, "safety").select_one(".js-listen")
    hint = listen["data-no-voice"]
    assert hint == UI[locale]["listen_no_voice"]
    assert "Android" in hint or "安卓" in hint
    assert "iPhone" in hint and hint.count("→") == 3, hint
