"""Issue 20 (items 1, 2, 3, 6 and 7) as a hostile translator would try it: what page
text may name (ids), what templates print (titles, headings), what interface
strings may hold (placeholders), which ids shadow browser globals, and whether a
translation can hide or drop a safety notice or a component marker.

Each case in tests/fixtures/hostile-render/<case>/ holds only the files that differ
from the good two-locale tree of tests/fixtures/hostile/good (docs/) and from the
site's own overrides/ (overrides/). Rejected cases must name the translator's file
and line and leave the previous site alone; the inert case must build, with the
hostile text shown as text in every output.
"""
import json
import re
import shutil
import xml.etree.ElementTree as ET

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from scripts.devtools.local_site import ROOT, build_site
from tests.support.batch_build import build_in_one_process
from tests.support.hostile import FIXTURES as HOSTILE
from tests.support.variant import write_variant_config

FIXTURES = ROOT / "tests" / "fixtures" / "hostile-render"
FAST = 10  # seconds of CPU a rejection may take (issue 20: "refused … in under 10 s")

# case -> (file that must be named, line or None, words the message must contain)
REJECTED = {
    # 1. ids are one grammar, read as attr_list reads them (the last id wins)
    "id-path": ("docs/en/index.md", 19, "id '../../../../../tmp/site-pwned' is not a valid id"),
    "id-last-wins": ("docs/en/index.md", 19, "id '../../escape' is not a valid id"),
    "id-raw-html": ("docs/en/index.md", 17, "id '/tmp/absolute' is not a valid id"),
    "id-too-long": ("docs/en/index.md", 19, "an id has at most 64"),
    "data-toc-label": ("docs/en/index.md", 19, "'data-toc-label=' is not allowed"),
    "attr-list-name": ("docs/en/index.md", 17, "'name=' is not allowed on <img>"),
    # 3. interface strings are data: declared placeholders only
    "strings-format": ("overrides/components/page-dates/strings.yml", 43,
                       "'historical_advice' in en has a brace that is not a placeholder"),
    # 6. ids that shadow window globals
    "window-global-id": ("docs/en/index.md", 19, "(window.navigation)"),
    "window-global-paragraph": ("docs/en/index.md", 18, "(window.caches)"),
    # 7. a translation cannot hide or drop a safety notice or a marker
    "title-in-details": ("docs/en/index.md", 12, "the page title (# …) is inside <details>"),
    "second-title": ("docs/en/index.md", 17, "this is a second one"),
    "marker-dropped": ("docs/en/index.md", None, "<!-- language-list --> is missing before the first ## heading"),
    "marker-moved": ("docs/en/index.md", 21, "<!-- language-list --> is in the section { #after } here"),
    "marker-folded": ("docs/en/index.md", 13, "the marker <!-- language-list --> is inside <details>"),
}
HOSTILE_TEXT = '</title><meta http-equiv="refresh" content="0;url=https://example.invalid/">'


def prepare(tmp_path, case, nav=("index.md",)):
    """(mkdocs.yml, site dir holding a previous build's page) for one case."""
    docs = tmp_path / "docs"
    shutil.copytree(HOSTILE / "good" / "docs", docs)
    if (FIXTURES / case / "docs").is_dir():
        shutil.copytree(FIXTURES / case / "docs", docs, dirs_exist_ok=True)
    config = write_variant_config(tmp_path, docs, nav=nav)
    if (FIXTURES / case / "overrides").is_dir():
        overrides = tmp_path / "overrides"
        shutil.copytree(ROOT / "overrides", overrides)
        shutil.copytree(FIXTURES / case / "overrides", overrides, dirs_exist_ok=True)
        data = yaml.safe_load(config.read_text(encoding="utf-8"))
        data["theme"]["custom_dir"] = str(overrides)
        config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("the good site from the last build")
    return config, site_dir


@pytest.fixture(scope="module")
def rejected_builds(tmp_path_factory):
    """Every REJECTED case built once, in one process (tests/support/batch_build.py)."""
    prepared = {case: prepare(tmp_path_factory.mktemp(case), case) for case in REJECTED}
    built = build_in_one_process(prepared)
    return {case: (built[case]["ok"], built[case]["output"], built[case]["cpu_seconds"], prepared[case][1])
            for case in prepared}


def test_every_fixture_is_tested():
    assert {path.name for path in FIXTURES.iterdir() if path.is_dir()} == set(REJECTED) | {"title-text"}


@pytest.mark.parametrize("case", sorted(REJECTED))
def test_hostile_input_is_refused_naming_file_and_line(rejected_builds, case):
    name, line, words = REJECTED[case]
    succeeded, output, cpu_seconds, site_dir = rejected_builds[case]
    assert not succeeded, f"{case}: the build accepted it"
    where = f"{re.escape(name)}:{line}" if line else re.escape(name)
    assert re.search(rf"{where}: .*{re.escape(words)}", output), output[-2000:]
    assert "no longer applies" not in output and "Traceback" not in output
    assert cpu_seconds < FAST, f"{case}: {cpu_seconds} s"
    # refused before anything was written: the previous site is still there, untouched
    assert sorted(p.name for p in site_dir.iterdir()) == ["index.html"]
    assert (site_dir / "index.html").read_text() == "the good site from the last build"


# --- 2. text taken from a page is escaped wherever a template prints it ------------------

@pytest.fixture(scope="module")
def inert_site(tmp_path_factory):
    """A page (nb and en) with the heading `</title><meta http-equiv=refresh …>` (written
    with &lt; in the Markdown, as text), printed on flyers, flyers, the feeds, search, the
    stale notice (en is not stamped) and the status page."""
    config, site_dir = prepare(tmp_path_factory.mktemp("title-text"), "title-text", nav=("index.md", "status.md"))
    result = build_site(site_dir, "http://127.0.0.1:8000/", config=config, extra_env={"SITE_CSS_PURGE": "0"})
    assert result.returncode == 0, result.stderr[-3000:]
    return site_dir


def _refreshes(html):
    """<meta http-equiv> elements of a page that point at the hostile address."""
    tree = LexborHTMLParser(html)
    return [node.html for node in tree.css("meta[http-equiv]") if "example.invalid" in (node.html or "")]


def test_a_hostile_heading_stays_text_in_every_output(inert_site):
    pages = sorted(inert_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert _refreshes(html) == [], path.relative_to(inert_site)
        for title in LexborHTMLParser(html).css("title"):
            assert "<" not in (title.html or "")[len("<title>"):-len("</title>")], path.relative_to(inert_site)
    for path in sorted(inert_site.rglob("*.json")):
        def html_fields(value):
            if isinstance(value, dict):
                for key, item in value.items():
                    if key == "content_html":
                        yield item
                    else:
                        yield from html_fields(item)
            elif isinstance(value, list):
                for item in value:
                    yield from html_fields(item)
        for fragment in html_fields(json.loads(path.read_text(encoding="utf-8"))):
            assert _refreshes(fragment) == [], path
    for path in sorted(inert_site.rglob("*.atom")):
        root = ET.fromstring(path.read_bytes())  # the writer escaped it: it parses, and titles are text
        assert all(_refreshes(element.text or "") == [] for element in root.iter()
                   if element.get("type") == "html"), path


@pytest.mark.parametrize("output, where", [
    ("embed/refresh/index.html", "title"),                  # the embed view's <title>
    ("embed/refresh/index.html", "article h2"),             # … and its heading
    ("en/embed/refresh/index.html", "title"),
    ("flyers/index.html", ".flyer__body"),                  # the flyer's section
    ("en/index.html", ".site-notice--stale"),               # the stale notice names the section
    ("status/index.html", ".site-status"),                  # the status page names the changed section
])
def test_the_hostile_heading_is_found_as_text(inert_site, output, where):
    node = LexborHTMLParser((inert_site / output).read_text(encoding="utf-8")).css_first(where)
    assert node is not None, f"{output}: no {where}"
    assert HOSTILE_TEXT in " ".join(node.text(deep=True).split()), f"{output} {where}: {node.html[:500]}"


def test_search_and_feeds_carry_the_heading_as_text(inert_site):
    index = json.loads((inert_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"] for doc in index["docs"]]
    # Material's search shows titles as HTML: they must be escaped text
    assert any("&lt;/title&gt;&lt;meta" in title for title in titles) and not any("<meta" in t for t in titles)
    feed = json.loads((inert_site / "feed.json").read_text(encoding="utf-8"))
    sections = [section["title"] for item in feed["items"] for section in item["_embed"]["sections"]]
    assert HOSTILE_TEXT in sections  # a JSON Feed title is plain text (the spec): kept as written
    atom = ET.fromstring((inert_site / "feed.atom").read_bytes())
    assert atom.find("{http://www.w3.org/2005/Atom}title").get("type") == "text"
