"""Plain functions behind reader safety: empty sections, tel: links, the exit
address, link previews and the exit's response headers."""
import pytest

from scripts.sitelib.data_sections import without_empty_sections
from scripts.sitelib.help_data import Contact, contact_fields, help_data
from scripts.sitelib.headers import EXIT_PATH, headers_file, nginx_snippet, profile_for, profiles
from scripts.sitelib.material_coupling import CouplingBroken, without_description
from scripts.sitelib.phone_links import (known_numbers, link_phone_numbers, spoken_number, tel_href,
                                         whatsapp_href)
from scripts.sitelib.quick_exit import exit_page, neutral_url

HELP = """# Få hjelp

<!-- urgent-help -->

Her kan du få hjelp.

## Kontakt { #contact }

Du kan sende oss en melding.

<!-- contact-details -->

## Hvis du trenger lege raskt { #urgent }

Ring 113.

```
## Not a heading { #code }
<!-- contact-details -->
```
"""

PARTNERS = """# Partnere

## Vilkår { #terms }

<!-- licence -->

## Spørsmål { #questions }

Har du spørsmål? Ta kontakt med oss.

<!-- contact-details -->

### Mer { #more }

Også borte.

## Feed { #feed }

Blir.
"""


def test_contact_fields_keep_order_and_drop_empty_ones():
    contact = help_data({"contact": {"email": "a@b.no", "phone": " ",
                                     "opening_hours": [{"days": "mon", "opens": "10:00", "closes": "16:00"}]}}).contact
    assert [key for key, _ in contact_fields(contact)] == ["email", "opening_hours"]
    assert contact_fields(None) == [] and contact_fields(Contact()) == []


def test_a_section_without_its_data_is_dropped_whole():
    markdown, dropped = without_empty_sections(HELP, {"contact": {"phone": ""}})
    assert dropped == ["contact"]
    assert "Kontakt" not in markdown and "sende oss en melding" not in markdown
    assert "## Hvis du trenger lege raskt { #urgent }" in markdown and "Ring 113." in markdown
    assert "## Not a heading { #code }" in markdown, "code blocks are not sections"


def test_a_section_with_its_data_stays_as_written():
    markdown, dropped = without_empty_sections(HELP, {"contact": {"email": "a@b.no"}})
    assert (markdown, dropped) == (HELP, [])


def test_each_section_follows_its_own_data():
    markdown, dropped = without_empty_sections(PARTNERS, {"contact": {}, "licence": "CC BY 4.0"})
    assert dropped == ["questions"]
    assert "<!-- licence -->" in markdown and "Også borte" not in markdown and "## Feed { #feed }" in markdown
    markdown, dropped = without_empty_sections(PARTNERS, {"contact": {"phone": "+47 22 00 00 00"}, "licence": ""})
    assert dropped == ["terms"] and "Har du spørsmål?" in markdown


@pytest.mark.parametrize("number, href, spoken", [
    ("113", "tel:113", "1 1 3"),
    ("116 117", "tel:116117", "1 1 6 1 1 7"),
    ("+47 22 00 00 00", "tel:+4722000000", "+ 4 7 2 2 0 0 0 0 0 0"),
])
def test_tel_links_and_spoken_numbers(number, href, spoken):
    assert tel_href(number) == href and spoken_number(number) == spoken


def test_whatsapp_link_is_digits_only():
    assert whatsapp_href("+47 900 00 000") == "https://wa.me/4790000000"


def test_known_numbers_are_the_emergency_and_contact_numbers():
    extra = {"emergency": [{"number": "113"}, {"number": "116 117"}],
             "contact": {"phone": "+47 22 00 00 00", "whatsapp": "", "email": "a@b.no"}}
    assert known_numbers(extra) == ["113", "116 117", "+47 22 00 00 00"]


def test_numbers_in_text_become_tel_links_and_nothing_else_does():
    html = ('<p>Ring 116 117 eller 116\u00a0117, og 113.</p><p>I 2021 var 1130 og 11300 ikke numre.</p>'
            '<h2 id="x">Ring 113</h2><p><a href="#x">113</a> <code>113</code></p><!-- 113 -->'
            '<p>โทร113ได้</p>')
    out = link_phone_numbers(html, ["113", "116 117"])
    assert out.count('href="tel:116117"') == 2 and out.count('aria-label="1 1 6 1 1 7"') == 2
    assert '<a aria-label="1 1 3" class="site-tel" href="tel:113">113</a>.' in out
    assert "1130 og 11300" in out and "I 2021" in out
    assert '<h2 id="x">Ring 113</h2>' in out, "headings stay plain"
    assert '<a href="#x">113</a>' in out and "<code>113</code>" in out and "<!-- 113 -->" in out
    assert 'โทร<a aria-label="1 1 3" class="site-tel" href="tel:113">113</a>ได้' in out, "Thai has no spaces"
    assert link_phone_numbers("<p>Nothing here.</p>", ["113"]) == "<p>Nothing here.</p>"


def test_neutral_url_is_checked():
    assert neutral_url({}) == "https://www.yr.no/"
    assert neutral_url({"quick_exit_url": "https://www.google.com/search?q=weather"})
    for bad in ("javascript:alert(1)", "https://x.no/\"><script>", "https://x.no/$host", "//x.no/", "ftp://x.no/"):
        with pytest.raises(ValueError, match="quick_exit_url"):
            neutral_url({"quick_exit_url": bad})


def test_exit_page_goes_on_at_once_without_script():
    page = exit_page("https://www.yr.no/")
    assert '<meta http-equiv="refresh" content="0; url=https://www.yr.no/">' in page
    assert '<meta name="referrer" content="no-referrer">' in page
    assert "<script" not in page and "<link" not in page and 'href="https://www.yr.no/"' in page


def test_material_description_is_removed_once_and_loudly_missed():
    block = '<meta charset="utf-8">\n      <meta name="description" content="Råd for deg som selger sex">\n<link rel="icon">'
    assert without_description(block) == '<meta charset="utf-8">\n<link rel="icon">'
    with pytest.raises(CouplingBroken, match="without_description"):
        without_description('<meta charset="utf-8">')


def test_the_exit_profile_clears_site_data_and_is_never_cached():
    table = profiles([])
    assert profile_for(EXIT_PATH) == "exit" and profile_for("/exit/other/") == "page"
    assert table["exit"]["Clear-Site-Data"] == '"cache", "storage"'
    assert table["exit"]["Cache-Control"] == "no-store"
    assert table["exit"]["Content-Security-Policy"] == table["page"]["Content-Security-Policy"]
    conf = nginx_snippet(table["exit"], redirect="https://www.yr.no/")
    assert "add_header Clear-Site-Data '\"cache\", \"storage\"' always;" in conf
    assert conf.rstrip().endswith('return 302 "https://www.yr.no/";')
    rules = headers_file(table, []).split("\n/exit/\n", 1)[1]
    assert rules.splitlines()[:3] == ["  ! Cache-Control", '  Clear-Site-Data: "cache", "storage"',
                                      "  Cache-Control: no-store"]
    with pytest.raises(AssertionError):
        nginx_snippet(table["exit"], redirect='https://x.no/"; return 200 "')
