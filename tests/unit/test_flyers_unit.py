"""Flyer logic: which sections, links that survive the move, QR code, URLs."""
import re

import pytest

from scripts.sitelib.flyers import (
    FlyerIndex, Topic, flyer_sections, flyer_topics, lead, qr_svg, relative_url, short_url, topic_of, wrap_url,
)
from scripts.sitelib.flyer_pdf import mkdocs_nav
from scripts.sitelib.locales import LOCALES
from scripts.sitelib.source_errors import SourceError

PAGE = """<h1 id="t">Title</h1>
<p>Lead with a <a href="../help/">link</a>.</p>
<h2 id="before">Before</h2>
<ul><li><span class="twemoji"><svg></svg></span> Air the room.</li></ul>
<h2 id="about">About</h2>
<p>Not on the flyer.</p>
<h2 id="contact">Contact</h2>
<p>Call us.</p>
<h2 id="if-sick">If sick</h2>
<p>See <a href="../help/#services">help</a>, <a href="#before">above</a> and <a href="https://www.helsenorge.no/">helsenorge.no</a>.</p>
"""
TOPIC = Topic("covid-19", "docs/nb/covid-19.md", ("if-sick", "before"), 7)


def test_the_source_pages_declare_their_flyers_in_nav_order():
    topics = flyer_topics(order=mkdocs_nav())
    assert [(t.slug, t.sections) for t in topics] == [
        ("help", ("services", "free-and-safe", "contact", "urgent")),
        ("covid-19", ("before", "during", "no-sharing", "after", "if-sick")),
        ("drug-services", ("tips",)),
    ]


def test_a_broken_flyer_list_names_file_and_line(tmp_path):
    (tmp_path / "page.md").write_text("---\ntitle: T\nflyer: before\n---\n# T\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"page\.md:3: 'flyer' must be a list"):
        flyer_topics(tmp_path)


def test_sections_come_in_flyer_order_with_their_heading_and_nothing_else():
    sections = flyer_sections(PAGE, TOPIC, "covid-19/", "flyers/covid-19/")
    assert [s["id"] for s in sections] == ["if-sick", "before"]
    assert sections[1]["html"].startswith('<h2 id="before">Before</h2>')
    assert "Air the room." in sections[1]["html"] and "About" not in sections[1]["html"]
    assert "Not on the flyer" not in "".join(s["html"] for s in sections)


def test_links_still_point_at_the_same_place_from_the_flyer():
    html = flyer_sections(PAGE, TOPIC, "bg/covid-19/", "bg/flyers/covid-19/")[0]["html"]
    assert 'href="../../help/#services"' in html
    assert 'href="../../covid-19/#before"' in html
    assert 'href="https://www.helsenorge.no/"' in html


def test_a_missing_section_names_the_page():
    topic = Topic("covid-19", "docs/nb/covid-19.md", ("gone",), 7)
    with pytest.raises(SourceError, match=r"docs/bg/covid-19\.md: flyer section '#gone'"):
        flyer_sections(PAGE, topic, "bg/covid-19/", "bg/flyers/covid-19/", src_path="docs/bg/covid-19.md")
    with pytest.raises(SourceError, match=r"docs/nb/covid-19\.md:7: flyer section '#gone'"):
        flyer_sections(PAGE, topic, "covid-19/", "flyers/covid-19/", src_path="docs/nb/covid-19.md")


def test_the_contact_section_is_left_out_until_a_contact_detail_is_filled_in():
    topic = Topic("help", "docs/nb/help.md", ("contact",), 5)
    assert flyer_sections(PAGE, topic, "help/", "flyers/help/") == []
    filled = PAGE.replace("<p>Call us.</p>", '<p>Call us.</p><dl class="site-contact-details"><dt>Phone</dt><dd>1</dd></dl>')
    assert [s["id"] for s in flyer_sections(filled, topic, "help/", "flyers/help/")] == ["contact"]


def test_the_lead_is_the_opening_paragraph():
    assert lead(PAGE, "covid-19/", "flyers/covid-19/") == '<p>Lead with a <a href="../../help/">link</a>.</p>'


@pytest.mark.parametrize("target, origin, expected", [
    ("flyers/covid-19/", "covid-19/", "../flyers/covid-19/"),
    ("bg/flyers/help.pdf", "bg/help/", "../flyers/help.pdf"),
    ("th/flyers/help/", "bg/flyers/", "../../th/flyers/help/"),
    ("", "bg/flyers/help/", "../../../"),
    ("covid-19/", "flyers/covid-19/", "../../covid-19/"),
])
def test_relative_url(target, origin, expected):
    assert relative_url(target, origin) == expected


def test_the_printed_address_breaks_only_after_a_slash():
    assert short_url("https://example.org/bg/covid-19/") == "example.org/bg/covid-19/"
    html = wrap_url("example.org/bg/covid-19/")
    assert re.sub(r"<[^>]+>", "", html) == "example.org/bg/covid-19/"
    assert '<span class="site-flyer__nowrap">covid-19/</span>' in html
    assert "<wbr>" in html and "&lt;" in wrap_url("a<b/")


def test_qr_svg_has_a_quiet_zone_and_medium_error_correction():
    import segno
    url = "http://127.0.0.1:8000/bg/drug-services/"
    code = segno.make(url, error="m", micro=False)
    svg = qr_svg(url, title=url)
    size = code.symbol_size(border=4)[0]
    assert f'viewBox="0 0 {size} {size}"' in svg
    assert code.error in ("M", "Q", "H") and code.designator.endswith(code.error)
    assert svg.startswith('<svg role="img"') and f"<title>{url}</title>" in svg


def test_the_index_knows_topic_pages_and_links_every_language():
    topics = flyer_topics(order=mkdocs_nav())

    class Page:
        url = "bg/flyers/"

    assert topic_of("bg/covid-19/", topics).slug == "covid-19"
    assert topic_of("bg/partners/", topics) is None
    table = FlyerIndex("bg", topics, pdfs=False).table(Page())
    assert [row["locale"] for row in table["rows"]] == LOCALES
    assert all(cell["pdf"] is None for row in table["rows"] for cell in row["cells"])
    assert table["rows"][0]["cells"][0]["flyer"] == "../../flyers/help/"
    with_pdfs = FlyerIndex("bg", topics, pdfs=True).table(Page())
    assert with_pdfs["rows"][6]["cells"][0]["pdf"] == "../../th/flyers/help.pdf"
