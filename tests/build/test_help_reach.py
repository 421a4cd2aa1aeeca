"""Issue 25 (items 1–3) and issue 21 (§ 316), on the built help page, its flyer and its
pocket cards, in every language:

- with mkdocs.yml's contact and services empty (`site`, as committed) nothing is promised
  as "ours", and what anyone can reach today is there: 113, 112, 116 117 and the health
  centres for undocumented migrants;
- with them filled in (`edited_site`), every service shows how to reach it;
- "No papers? You can still see a doctor" answers first, names its source, and never
  calls legevakt free;
- the sex purchase law (§ 316) stands beside § 315.
"""
import json
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from scripts.sitelib.feed import feed_path
from scripts.sitelib.help_data import help_data
from scripts.sitelib.locales import DOCS, LOCALES, locale_prefix
from scripts.sitelib.phone_links import call_label
from scripts.sitelib.print_kit import cards_url, flyer_url
from scripts.sitelib.site_config import load_mkdocs_yml
from scripts.sitelib.ui_strings import load_strings
from tests.conftest import EDITED_CONTACT, EDITED_SERVICES
from tests.support.help_words import ANSWER, FREE, INTERPRETER, POLICE

UI = load_strings()
CONFIG = load_mkdocs_yml()
HELP = help_data(CONFIG["extra"])
SERVICE_IDS = [service.id for service in HELP.services]

def soup(site, path):
    return BeautifulSoup((site.dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def text(node):
    return " ".join(node.get_text(" ").replace("\u00a0", " ").split()) if node else ""


def section(article, section_id):
    """The nodes of a `##` section, from its heading to the next one, as one soup."""
    heading = article.select_one(f"h2#{section_id}")
    if heading is None:
        return None
    part = BeautifulSoup("", "html.parser")
    for node in [heading] + list(heading.find_next_siblings()):
        if node is not heading and node.name == "h2":
            break
        part.append(BeautifulSoup(str(node), "html.parser"))
    return part


def items(part):
    """The list items written in Markdown (a component's list has a class)."""
    return [li for ul in part.find_all("ul", class_=False) for li in ul.find_all("li", recursive=False)]


# --- empty, as committed: nothing promised, the public help is there --------------------------------

@pytest.mark.parametrize("locale", LOCALES)
def test_without_service_data_nothing_is_promised_as_ours(site, locale):
    prefix = locale_prefix(locale)
    article = soup(site, prefix + "help").select_one("article")
    assert article.select_one("#our-services, #contact, .site-services, .site-our-clinic, .site-contact-bar") is None
    words = text(article)
    for service_id in SERVICE_IDS:
        key = service_id.replace("-", "_")
        assert UI[locale][f"service_{key}_what"] not in words, (locale, service_id)
    # nor in anything made from the page: search, feed, embeds, flyer
    index = json.loads((site.dir / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if "#our-services" in doc["location"]]
    feed = json.loads((site.dir / feed_path(locale)).read_text(encoding="utf-8"))
    help_item = next(item for item in feed["items"] if item["_embed"]["page_id"] == "help")
    assert [s["id"] for s in help_item["_embed"]["sections"]] == ["services", "urgent", "law"]
    assert not (site.dir / prefix / "help" / "embed" / "our-services").exists()
    flyer = soup(site, flyer_url(locale, "help"))
    assert not flyer.select(".flyer__services, .flyer__contact, .site-our-clinic")


@pytest.mark.parametrize("locale", LOCALES)
def test_without_service_data_the_page_leads_to_what_anyone_can_reach(site, locale):
    article = soup(site, locale_prefix(locale) + "help").select_one("article")
    numbers = {a["href"] for a in article.select("a[href^='tel:']")}
    assert {"tel:113", "tel:112", "tel:116117"} <= numbers, (locale, numbers)
    centres = article.select(".site-places > li")
    assert len(centres) == len(HELP.health_centres) == 2
    for item, centre in zip(centres, HELP.health_centres):
        link = item.select_one("a")
        assert link["href"] == centre.url and "noreferrer" in link["rel"], (locale, centre.id)
        assert text(link) == UI[locale][f"health_centre_{centre.key}_name"]
        assert urlsplit(centre.url).netloc.removeprefix("www.") in text(item), "the site is named, for paper too"
    assert article.select_one("#services .site-places, #services ~ .site-places") is not None


# --- "No papers? You can still see a doctor" ------------------------------------------------------------

@pytest.mark.parametrize("locale", LOCALES)
def test_no_papers_answers_first_names_its_source_and_never_calls_legevakt_free(site, edited_site, locale):
    for server in (site, edited_site):
        article = soup(server, locale_prefix(locale) + "help").select_one("article")
        if locale != "nb" and article.select_one("[lang=nb]"):
            continue   # edited_site has no Thai help.md: the Norwegian text stands in
        part = section(article, "services")
        assert part is not None, locale
        first = part.find(["p", "ul"], class_=False)
        assert first.name == "p" and text(first).startswith(ANSWER[locale]), (locale, text(first)[:60])
        assert article.find("h2").get("id") == "services", "the first section of the page"
        listed = items(part)
        police = [li for li in listed if "Helsedirektoratet" in text(li)]
        assert police and POLICE[locale] in text(police[0]).lower(), (locale, "who says the police are not told")
        legevakt = [li for li in listed if "legevakt" in text(li).lower()]
        assert legevakt and "116 117" in text(legevakt[0])
        for li in legevakt:
            assert not re.search(FREE[locale], text(li).lower()), (locale, text(li))
        # "free" only where it names what is free: the interpreter, or (filled in) our clinic
        for li in listed:
            if re.search(FREE[locale], text(li).lower()):
                assert INTERPRETER[locale] in text(li).lower(), (locale, text(li))
        clinic = part.select_one(".site-our-clinic")
        if server is site:
            assert clinic is None, "no clinic is promised while it cannot be reached"
        else:
            assert UI[locale]["our_clinic_text"] in text(clinic)
            assert clinic.select_one("a")["href"] == "#service-clinic"
            assert article.select_one("#service-clinic") is not None
        helsenorge = part.select_one("a[href^='https://www.helsenorge.no/']")
        assert helsenorge is not None, "the bill at legevakt has its public source"


# --- § 316 beside § 315 ----------------------------------------------------------------------------------

@pytest.mark.parametrize("locale", LOCALES)
def test_the_sex_purchase_law_stands_beside_section_315(site, locale):
    law = items(section(soup(site, locale_prefix(locale) + "help").select_one("article"), "law"))
    where = {number: next(i for i, li in enumerate(law) if f"§ {number}" in text(li)) for number in (315, 316)}
    assert where[315] - where[316] == 1, (locale, where)
    assert "straffeloven § 316" in text(law[where[316]]) and "2009" in text(law[where[316]])
    assert "straffeloven § 315" in text(law[where[315]])


# --- filled in: every service shows how to reach it --------------------------------------------------------

@pytest.mark.parametrize("locale", LOCALES)
def test_with_service_data_every_service_shows_how_to_reach_it(edited_site, locale):
    from mkdocs.utils.yaml import yaml_load
    from tests.conftest import edited_config
    data = help_data(yaml_load(edited_config((DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8")))["extra"])
    ui = UI[locale]
    article = soup(edited_site, locale_prefix(locale) + "help").select_one("article")
    cards = article.select(".site-services > .site-service")
    assert [card["id"] for card in cards] == [f"service-{s['id']}" for s in EDITED_SERVICES]
    assert cards[0].find_previous("h2")["id"] == "our-services"
    for card, service in zip(cards, data.services):
        name = ui[f"service_{service.key}_name"]
        assert text(card.select_one("h3")) == name
        assert ui[f"service_{service.key}_what"] in text(card)
        call = card.select_one("a.site-service__button[href^='tel:']")
        assert call["href"] == "tel:" + re.sub(r"[^\d+]", "", service.phone)
        assert call["aria-label"] == call_label(service.phone, ui, name)
        whatsapp = card.select_one("a.site-service__button[href^='https://wa.me/']")
        assert whatsapp["href"] == "https://wa.me/" + re.sub(r"\D", "", service.whatsapp)
        assert "noreferrer" in whatsapp["rel"] and name in whatsapp["aria-label"]
    clinic = article.select_one("#service-clinic")
    assert EDITED_SERVICES[0]["address"] in text(clinic)
    map_link = clinic.select_one("a.site-map-link")
    assert map_link["href"].startswith("https://www.openstreetmap.org/search?query=Testveien+1")
    assert "noreferrer" in map_link["rel"] and text(map_link) == ui["services_map"]
    hours = [text(row) for row in clinic.select(".site-hours")]
    assert len(hours) == 2 and "12:00" in hours[0] and "16:00" in hours[0] and "9:00" in hours[1], hours
    lawyer = article.select_one("#service-lawyer")
    assert "13:00" in text(lawyer) and lawyer.select_one(f"a[href='tel:{EDITED_CONTACT['phone'].replace(' ', '')}']"), \
        "a service without a number of its own is reached on the organisation's"


def test_with_service_data_the_hours_are_written_in_the_page_language(edited_site):
    clinic = soup(edited_site, "help").select_one("#service-clinic")
    assert [text(row) for row in clinic.select(".site-hours")] == ["Mandag–torsdag 12:00–16:00", "Fredag 09:00–12:00"]
    russian = soup(edited_site, "ru/help").select_one("#service-clinic")
    assert text(russian.select(".site-hours")[1]) == "Пятница 09:00—12:00"


def test_with_service_data_nothing_loads_from_another_host(edited_site):
    page = soup(edited_site, "help")
    for tag in page.select("script[src], link[href], img[src], iframe, source, video, audio"):
        url = tag.get("src") or tag.get("href")
        assert not urlsplit(url).netloc or tag.name == "link" and tag.get("rel") == ["canonical"], tag
    # the links the help data makes say so themselves too (the site's Referrer-Policy covers the rest)
    made = page.select(".site-services a[href^='http'], .site-places a, .site-contact-details a[href^='http']")
    assert len(made) >= 9, len(made)
    for link in made:
        assert "noreferrer" in (link.get("rel") or []), link


def test_the_flyer_and_the_pocket_cards_carry_the_services_once_filled_in(edited_site):
    flyer = soup(edited_site, flyer_url("nb", "help"))
    rows = flyer.select(".flyer__services > li")
    assert [text(row.strong) for row in rows] == [UI["nb"][f"service_{s['id'].replace('-', '_')}_name"] for s in EDITED_SERVICES]
    assert "Testveien 1, 0000 Oslo" in text(rows[0]) and "+47 22 11 11 11" in text(rows[0])
    assert "Mandag–torsdag 12:00–16:00" in text(rows[0]) and "Onsdag 13:00–16:00" in text(rows[2])
    card = soup(edited_site, cards_url("nb")).select_one(".js-print-card .card__contact")
    assert "+47 22 11 11 11" in text(card) and "+47 900 11 111" in text(card), "the clinic's own numbers"
    assert text(card).count(EDITED_CONTACT["phone"]) == 1, "the organisation's number once"


# --- the flyer and the pocket cards show 112 ------------------------------------------------------------------

@pytest.mark.parametrize("locale", LOCALES)
def test_the_flyer_and_the_pocket_cards_show_the_police(site, locale):
    flyer = soup(site, flyer_url(locale, "help"))
    police = flyer.select_one(".flyer__key-messages a[href='tel:112']")
    assert police is not None and POLICE[locale] in text(police.find_parent("li")).lower(), locale
    card = soup(site, cards_url(locale)).select_one(".js-print-card")
    numbers = [text(li) for li in card.select(".card__numbers > li")]
    assert any(row.startswith("112 ") and UI[locale]["urgent_112_name"] in row for row in numbers), numbers
