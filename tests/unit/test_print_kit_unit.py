"""Print kit logic: front-matter keys, what goes on a flyer, links, QR codes, typesetting."""
from datetime import time
import re

import pytest
from bs4 import BeautifulSoup

from scripts.sitelib.flyer_content import flyer_parts, split_sections
from scripts.sitelib.locales import LOCALES
from scripts.sitelib.print_kit import (
    KeyMessage, PrintKitIndex, Topic, flyer_topics, language_label, mixed_card_locales, parse_key_messages, qr_svg,
    relative_url, short_url, topic_of, version_code,
)
from scripts.sitelib.help_data import Contact, Hours
from scripts.sitelib.print_pages import contact_strip, included_component_assets
from scripts.devtools.print_pdf import mkdocs_nav
from scripts.sitelib.source_errors import SourceError
from scripts.sitelib.typesetting import break_url_at_slashes, thai_words, typeset

PAGE = """<h1 id="t">Title</h1>
<p>Lead with a <a href="../help/">link</a>.</p>
<h2 id="before">Before</h2>
<ul><li><span class="twemoji"><svg></svg></span> Air the room.</li><li><span class="twemoji"><svg></svg></span> Wash.</li></ul>
<h2 id="about">About</h2>
<p>Not on the flyer.</p>
<h2 id="contact">Contact</h2>
<p>Call us.</p>
<h2 id="tips">Tips</h2>
<ol><li>One.</li><li>Two.</li></ol>
<h2 id="if-sick">If sick</h2>
<p>See <a href="../help/#services">help</a>, <a href="#before">above</a> and <a href="https://www.helsenorge.no/">helsenorge.no</a>.</p>
"""
TOPIC = Topic("covid-19", "docs/nb/covid-19.md", ("if-sick", "before"), (KeyMessage("before", 2),), 7, 8)


def test_the_source_pages_declare_their_flyers_in_nav_order():
    topics = flyer_topics(order=mkdocs_nav())
    assert [topic.slug for topic in topics] == ["help", "covid-19", "drug-services"]   # reader pages first
    assert all(topic.sections or topic.key_messages for topic in topics)
    assert all(len(topic.key_messages) <= 5 for topic in topics)


@pytest.mark.parametrize("front_matter, message", [
    ("flyer: before", r"page\.md:3: 'flyer' must be a list"),
    ("flyer: [before]\nflyer_key_messages: before 1", r"page\.md:4: 'flyer_key_messages' must be a list"),
    ("flyer: [before]\nflyer_key_messages: [before]", r"page\.md:4: .*'before' is not a section id and an item number"),
    ("flyer: [a]\nflyer_key_messages: [a 1, a 2, a 3, a 4, a 5, a 6]", r"page\.md:4: .*at most 5"),
    ("flyer: []", r"page\.md:3: 'flyer' lists no section"),
])
def test_a_broken_flyer_key_names_file_and_line(tmp_path, front_matter, message):
    (tmp_path / "page.md").write_text(f"---\ntitle: T\n{front_matter}\n---\n# T\n", encoding="utf-8")
    with pytest.raises(SourceError, match=message):
        flyer_topics(tmp_path)


def test_key_messages_read_like_a_section_and_an_item_number():
    assert parse_key_messages(["before 1", "if-sick 12"], "x.md", 3) == (KeyMessage("before", 1), KeyMessage("if-sick", 12))


def test_split_sections_cuts_at_each_h2_and_keeps_the_intro():
    intro, sections = split_sections(PAGE)
    assert list(sections) == ["before", "about", "contact", "tips", "if-sick"]
    assert "Lead with" in str(intro) and "<h1" not in str(intro)
    assert str(sections["about"]).startswith('<h2 id="about">') and "Air the room" not in str(sections["about"])


def test_a_flyer_has_the_lead_the_key_messages_and_the_sections_in_flyer_order():
    parts = flyer_parts(PAGE, TOPIC, "covid-19/", "flyers/covid-19/")
    assert parts["lead"] == '<p>Lead with a <a href="../../help/">link</a>.</p>'
    assert [m["html"] for m in parts["key_messages"]] == ["Wash."]
    assert parts["key_messages"][0]["icon"].startswith('<span class="twemoji">')
    assert [s["id"] for s in parts["sections"]] == ["if-sick", "before"]
    before = parts["sections"][1]["html"]
    assert "Air the room." in before and "Wash." not in before, "a key message is not printed twice"
    assert "Not on the flyer" not in "".join(s["html"] for s in parts["sections"])


def test_a_key_message_from_a_numbered_list_keeps_its_number():
    topic = Topic("t", "docs/nb/t.md", (), (KeyMessage("tips", 2),), 3, 4)
    message = flyer_parts(PAGE, topic, "t/", "flyers/t/")["key_messages"][0]
    assert (message["number"], message["icon"], message["html"]) == (2, "", "Two.")


def test_links_still_point_at_the_same_place_from_the_flyer():
    html = flyer_parts(PAGE, TOPIC, "bg/covid-19/", "bg/flyers/covid-19/")["sections"][0]["html"]
    assert 'href="../../help/#services"' in html
    assert 'href="../../covid-19/#before"' in html
    assert 'href="https://www.helsenorge.no/"' in html


@pytest.mark.parametrize("topic, where", [
    (Topic("c", "docs/nb/c.md", ("gone",), (), 7), r"docs/nb/c\.md:7: flyer: section '#gone'"),
    (Topic("c", "docs/nb/c.md", (), (KeyMessage("gone", 1),), 7, 8), r"docs/nb/c\.md:8: flyer_key_messages: section '#gone'"),
    (Topic("c", "docs/nb/c.md", (), (KeyMessage("before", 3),), 7, 8), r"docs/nb/c\.md:8: .*has 2 list items, so it has no item 3"),
])
def test_a_missing_section_or_item_names_the_file_and_line(topic, where):
    with pytest.raises(SourceError, match=where):
        flyer_parts(PAGE, topic, "c/", "flyers/c/", src_path="docs/nb/c.md")


def test_a_translation_without_the_section_is_named():
    topic = Topic("c", "docs/nb/c.md", ("gone",), (), 7)
    with pytest.raises(SourceError, match=r"^docs/bg/c\.md: flyer: section '#gone'"):
        flyer_parts(PAGE, topic, "bg/c/", "bg/flyers/c/", src_path="docs/bg/c.md")


def test_the_contact_section_is_left_out_until_a_contact_detail_is_filled_in():
    topic = Topic("help", "docs/nb/help.md", ("contact",), (), 5)
    assert flyer_parts(PAGE, topic, "help/", "flyers/help/")["sections"] == []
    filled = PAGE.replace("<p>Call us.</p>", '<p>Call us.</p><dl class="site-contact-details"><dt>Phone</dt><dd>1</dd></dl>')
    assert [s["id"] for s in flyer_parts(filled, topic, "help/", "flyers/help/")["sections"]] == ["contact"]


def test_the_contact_strip_shows_only_filled_in_fields_in_a_fixed_order():
    strings = {f"contact_{key}": key.upper() for key in ("phone", "whatsapp", "email", "address", "opening_hours")}
    contact = Contact(phone="", email="a@b.no", whatsapp="+47 900 00 000",
                      opening_hours=(Hours((0, 1, 2, 3, 4), time(10), time(16)),))
    assert contact_strip(contact, strings, "nb") == [
        ("WHATSAPP", "+47 900 00 000"), ("EMAIL", "a@b.no"), ("OPENING_HOURS", "Mandag–fredag 10:00–16:00")]
    assert contact_strip(contact, strings, "en", fields=("whatsapp", "phone")) == [("WHATSAPP", "+47 900 00 000")]
    assert contact_strip(Contact(), strings, "nb") == []


@pytest.mark.parametrize("target, origin, expected", [
    ("flyers/covid-19/", "covid-19/", "../flyers/covid-19/"),
    ("bg/flyers/help.pdf", "bg/help/", "../flyers/help.pdf"),
    ("th/flyers/help/", "bg/flyers/", "../../th/flyers/help/"),
    ("", "bg/flyers/help/", "../../../"),
])
def test_relative_url(target, origin, expected):
    assert relative_url(target, origin) == expected


def test_the_printed_address_breaks_only_after_a_slash():
    assert short_url("https://example.org/bg/covid-19/") == "example.org/bg/covid-19/"
    html = str(break_url_at_slashes("example.org/bg/covid-19/"))
    assert re.sub(r"<[^>]+>", "", html) == "example.org/bg/covid-19/"
    assert '<span class="print-nowrap">covid-19/</span>' in html
    assert "<wbr>" in html and "&lt;" in str(break_url_at_slashes("a<b/"))


def test_thai_text_becomes_unbreakable_words_with_breaks_between_them():
    text = "ติดต่อทาง WhatsApp และโซเชียลมีเดีย"
    html = typeset(f'<p lang="th">{text}</p><script type="application/json">{{"t": "ไทย"}}</script>')
    soup = BeautifulSoup(html, "html.parser")
    words = [span.get_text() for span in soup.p.select("span.print-word")]
    assert words == [w for w in thai_words("ติดต่อทาง") + thai_words("และโซเชียลมีเดีย")]
    assert soup.p.get_text() == text, "no character is lost or added"
    assert soup.script.string == '{"t": "ไทย"}', "scripts and data are left alone"
    assert html.count("<wbr/>") == len(words) - 2


def test_chinese_titles_break_between_words_only():
    soup = BeautifulSoup(typeset("<h1>新冠肺炎与预防感染</h1><p>预防感染</p>"), "html.parser")
    assert soup.h1.get_text() == "新冠肺炎与预防感染" and soup.h1.find("wbr")
    assert "感<wbr" not in str(soup.h1) and not soup.p.find("wbr")


def test_phone_numbers_stay_on_one_line():
    assert "116\u00a0117" in typeset("<p>Ring 116 117 eller 113.</p>")


def test_the_version_code_changes_when_the_text_changes():
    assert version_code("nb", "A", "text") == version_code("nb", "A", "text")
    assert version_code("nb", "A", "text") != version_code("nb", "A", "text.")
    assert re.fullmatch(r"[0-9a-f]{6}", version_code("x"))


def test_the_mixed_card_sheets_hold_every_language_and_no_empty_slot():
    cards = mixed_card_locales()
    assert len(cards) % 10 == 0 and set(cards) == set(LOCALES) and cards[:len(LOCALES)] == LOCALES


def test_languages_are_named_in_english_and_in_their_own_script():
    assert language_label("bg") == "Bulgarian · Български"
    assert language_label("en") == "English"
    assert language_label("zh") == "Chinese · 中文"


def test_qr_svg_has_a_quiet_zone_and_medium_error_correction():
    import segno
    url = "http://127.0.0.1:8000/bg/drug-services/"
    code = segno.make(url, error="m", micro=False)
    svg = qr_svg(url, title=url)
    size = code.symbol_size(border=4)[0]
    assert f'viewBox="0 0 {size} {size}"' in svg
    assert code.error in ("M", "Q", "H")
    assert svg.startswith('<svg role="img"') and f"<title>{url}</title>" in svg


def test_the_exit_bar_the_print_pages_include_brings_its_own_css_and_js():
    included = included_component_assets()
    assert "quick-exit" in included.assets
    assert set(included.assets["quick-exit"]) == {"css", "js"}
    assert all(path.startswith("assets/print/quick-exit.") for path in included.paths("css") + included.paths("js"))


def test_the_index_links_every_language_with_the_toolbar_language():
    topics = flyer_topics(order=mkdocs_nav())

    class Page:
        url = "bg/flyers/"

    assert topic_of("bg/covid-19/", topics).slug == "covid-19"
    assert topic_of("bg/partners/", topics) is None
    languages = PrintKitIndex("bg", topics, pdfs=False).languages(Page())
    assert [card["locale"] for card in languages] == LOCALES
    assert languages[0]["flyers"][0]["href"] == "../../flyers/help/?from=bg"
    assert languages[6]["cards"]["href"] == "../../th/flyers/pocket-cards/?from=bg"
    assert all(flyer["pdf"] is None for card in languages for flyer in card["flyers"])
    everyone = PrintKitIndex("bg", topics, pdfs=True).all_languages(Page())
    assert [p["href"] for p in everyone["posters"]] == [
        "../../flyers/language-poster-a4/?from=bg", "../../flyers/language-poster-a3/?from=bg"]
    assert everyone["zip"] == "../../flyers/print-kit.zip"
    assert [p["pdf"] for p in everyone["packs"]] == [f"../../flyers/print-pack-{t.slug}.pdf" for t in topics]
