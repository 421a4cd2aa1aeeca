"""Which part of a page is the historical record (front matter `historical:`, issue 25)."""
import pytest

from scripts.sitelib.front_matter import check_front_matter
from scripts.sitelib.historical import after_section_heading, flyer_is_historical, historical_section
from scripts.sitelib.source_errors import SourceError
from scripts.sitelib.source_guard import check_historical_section

PAGE = """---
title: T
historical: rules-2021
---

# T

## Today { #today }

Wash your hands.

### Distance { #distance }

## The rules in 2021 { #rules-2021 }

Keep 1 metre.
"""


def test_true_means_the_whole_page_a_section_id_only_that_section():
    assert historical_section({"historical": True}) is None and historical_section({}) is None
    assert historical_section({"historical": "rules-2021"}) == "rules-2021"
    for value in (True, False, "rules-2021"):
        check_front_matter({"historical": value}, "", "p.md")
    with pytest.raises(SourceError, match="'historical' must be true, false, or the id of the one section"):
        check_front_matter({"historical": "rules 2021"}, "", "p.md")


def test_the_notice_goes_right_under_the_sections_heading():
    html = '<h2 id="today">Today</h2>\n<p>a</p>\n<h2 id="rules-2021">The <em>rules</em></h2>\n<p>b</p>'
    placed = after_section_heading(html, "rules-2021", "<p class=notice>N</p>")
    assert placed == html.replace("</h2>\n<p>b", "</h2><p class=notice>N</p>\n<p>b")
    assert after_section_heading(html, "rules-2020", "N") is None


def test_a_flyer_says_historical_only_when_it_prints_historical_text():
    assert flyer_is_historical({"historical": True, "flyer": ["during"]})
    assert not flyer_is_historical({"historical": "rules-2021", "flyer": ["during"],
                                    "flyer_key_messages": ["before 1", "if-sick 4"]})
    assert flyer_is_historical({"historical": "rules-2021", "flyer": ["rules-2021"]})
    assert flyer_is_historical({"historical": "rules-2021", "flyer_key_messages": ["rules-2021 2"]})
    assert not flyer_is_historical({"flyer": ["during"]})


def test_a_section_that_is_not_there_fails_naming_the_line():
    check_historical_section({"historical": "rules-2021"}, PAGE, "docs/nb/p.md")
    with pytest.raises(SourceError) as caught:
        check_historical_section({"historical": "distance"}, PAGE.replace("rules-2021", "distance", 1), "docs/nb/p.md")
    assert caught.value.line == 3 and "'historical: distance' names no '## … { #distance }' section" in str(caught.value)
