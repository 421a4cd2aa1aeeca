"""The source checks, one rule at a time, and the real docs passing them.

check_source renders each page with the site's Markdown extensions and runs the
sanitizer's check on the HTML, so these go through what Markdown really makes."""
import pytest

from scripts.sitelib.locale_folders import check_file_types, check_locale_folders
from scripts.sitelib.source_errors import SourceError
from scripts.sitelib.source_guard import (
    check_docs, check_flyer_sections, check_source, heading_ids, mask_code_and_comments,
)
from scripts.devtools.local_site import ROOT

HEAD = "---\ntitle: T\n---\n\n# T\n\n"  # body starts on line 7


def error_of(text, path="docs/nb/p.md"):
    with pytest.raises(SourceError) as caught:
        check_source(HEAD + text, path)
    return caught.value


@pytest.mark.parametrize("text, line, words", [
    ("Hei.\n\n<SCRIPT src=x.js></SCRIPT>", 9, "<script>"),
    ("<iframe\n  src='https://example.org/'></iframe>", 7, "<iframe>"),
    ("<object data=x></object>", 7, "<object>"),
    ("<style>p{color:red}</style>", 7, "<style>"),
    ('<a href="#x"\n   onclick="steal()">x</a>', 8, "onclick="),
    ('[x](https://example.org/){ onmouseover="x()" }', 7, "onmouseover="),
    ('<p style="color: red">x</p>', 7, "style="),
    ("[x](javascript:alert(1))", 7, "javascript:"),
    ("[x]( JavaScript:alert(1) )", 7, "javascript:"),
    ('<a href="&#106;avascript:alert(1)">x</a>', 7, "javascript:"),
    ("[x][ref]\n\n[ref]: javascript:alert(1)", 9, "javascript:"),
    ("<a href=\"data:text/html,<p>x\">x</a>", 7, "data:"),
    ("Tekst.\n\n\\`<script>x()</script>`", 9, "<script>"),
    ("<div>\n`<script>x()</script>`\n</div>", 8, "<script>"),
    ("## Med klasse { #id .site-x }", 7, "'site-x' is reserved"),
    ("Tekst.\n{: data-site-root-locales='{}' }", 8, "data-site-root-locales="),
    ("<!-- quick-exit -->", 7, "is not a marker"),
    ("Ring oss <!-- contact-details --> i dag.", 7, "line of its own"),
    (":smile:", 7, "would load a picture from another site"),
    ("## Uten id", 7, "has no id"),
    ("### Dypere\n", 7, "has no id"),
    ("## A { #a }\n\n## B { #a }", 9, "already used on line 7"),
    ("Tekst\n---", 8, "heading without an id"),
    # Python-Markdown reads this as an <h2> (not a list and a rule): as rendered, it needs an id
    ("- punkt\n---", 7, "heading '## - punkt' has no id"),
])
def test_bad_input_names_the_line(text, line, words):
    error = error_of(text)
    assert error.line == line and words in str(error), str(error)
    assert str(error).startswith(f"docs/nb/p.md:{line}: ")


@pytest.mark.parametrize("text", [
    "<!-- contact-details -->",
    "<!--\n  <script>alert(1)</script>\n-->",
    "Adressen er `/<språk>/feed.json`.",
    "```html\n<script>x()</script>\n## Not a heading\n```",
    "~~~\n<iframe onload=x></iframe>\n~~~",
    '<a href="https://example.org/" title="on=off">x</a>',
    "## Hjelp { #help }\n\nTekst.\n\n---\n\nMer.",
    "| a | b |\n|:--|--:|\n| 1 | 2 |",
    "## Med klasse { #id .warning }",
    "!!! warning \"Viktig\"\n    Vask hendene :material-hand-wash:.",
    "Ord\n:   Forklaring",
    "<div markdown>\n**Fet**\n</div>",
    "Et notat <!-- todo: oversett --> til.",
    "[Ring](tel:113) eller [skriv](mailto:a@b.no).",
    "**Contact:** onsdag = ok",
])
def test_good_input_passes(text):
    check_source(HEAD + text, "docs/nb/p.md")


def test_front_matter_errors_point_into_the_front_matter():
    with pytest.raises(SourceError) as caught:
        check_source("---\ntitle: T\ndescription: Råd: vask hendene\n---\n# T\n", "p.md")
    assert caught.value.line == 3 and "not valid YAML" in str(caught.value)
    with pytest.raises(SourceError) as caught:
        check_source("---\ntitle: T\n\n# T\n", "p.md")
    assert caught.value.line == 1 and "no closing" in str(caught.value)
    with pytest.raises(SourceError) as caught:
        check_source("---\n- a\n- b\n---\n# T\n", "p.md")
    assert caught.value.line == 2


def test_masking_keeps_line_numbers():
    text = "a\n```\nb\n```\n<!-- c\nd -->\n`e`"
    masked = mask_code_and_comments(text)
    assert masked.count("\n") == text.count("\n")
    assert "b" not in masked and "d" not in masked and "e" not in masked


def test_check_flyer_sections_names_the_front_matter_line(tmp_path):
    source = "---\ntitle: T\nflyer:\n  - before\n  - during\n---\n\n# T\n\n## Før { #before }\n"
    page = tmp_path / "p.md"
    page.write_text(source)
    body = source.split("---\n", 2)[2]
    meta = {"title": "T", "flyer": ["before", "during"]}
    for markdown in (source, body):  # with or without its front matter
        with pytest.raises(SourceError) as caught:
            check_flyer_sections(meta, markdown, page)
        assert caught.value.line == 5 and "'during'" in str(caught.value)
    check_flyer_sections({"flyer": ["before"]}, body, page)
    check_flyer_sections({"title": "no flyer"}, body, page)
    with pytest.raises(SourceError, match="must be a list"):
        check_flyer_sections({"flyer": "before"}, source, page)


def test_heading_ids():
    assert heading_ids("# T\n## A { #a }\n```\n## B { #b }\n```\n### C {#c}") == {"a", "c"}


def test_locale_folders(tmp_path):
    for name in ("nb", "en", "assets", "xx"):
        (tmp_path / name).mkdir()
    (tmp_path / "assets" / "logo.svg").write_text("<svg/>")
    with pytest.raises(SourceError, match="'xx' is not a locale"):
        check_locale_folders(tmp_path, ["nb", "en"])
    (tmp_path / "xx").rmdir()
    check_locale_folders(tmp_path, ["nb", "en"])
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "page.md").write_text("# P")
    with pytest.raises(SourceError, match="'pictures' is not a locale"):
        check_locale_folders(tmp_path, ["nb", "en"])
    (tmp_path / "pictures" / "page.md").unlink()
    (tmp_path / "stray.md").write_text("# S")
    with pytest.raises(SourceError, match="locale folder"):
        check_locale_folders(tmp_path, ["nb", "en"])


def test_front_matter_follows_the_schema():
    with pytest.raises(SourceError) as caught:
        check_source("---\ntitle: T\ntags: [a]\n---\n# T\n", "p.md")
    assert caught.value.line == 3 and "allowed keys: title, description" in str(caught.value)
    with pytest.raises(SourceError, match="'title' contains '<'"):
        check_source("---\ntitle: 'a</title><script>x()</script>'\n---\n# T\n", "p.md")
    with pytest.raises(SourceError, match="'historical' must be true, false, or the id of the one section"):
        check_source("---\ntitle: T\nhistorical: 'yes, all'\n---\n# T\n", "p.md")
    with pytest.raises(SourceError, match="'historical: yes' names no '## … { #yes }' section"):
        check_source("---\ntitle: T\nhistorical: 'yes'\n---\n# T\n", "p.md")
    check_source("---\ntitle: «Sex» & helse\nsearch: {exclude: true}\n---\n# T\n", "p.md")


def test_only_pages_and_pictures_may_be_published(tmp_path):
    (tmp_path / "nb").mkdir()
    (tmp_path / "nb" / "index.md").write_text("# P")
    (tmp_path / "nb" / ".notes.txt").write_text("MkDocs publishes no dot files")
    (tmp_path / "nb" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><use href="#a"/>'
                                              '<path fill="url(#g)" d="M0"/></svg>')
    check_file_types(tmp_path)
    for name, text, words in (("x.html", "<p>", "cannot be published"), ("x.JS", "x()", "cannot be published"),
                              ("y.svg", "<svg xmlns='http://www.w3.org/2000/svg' onload='x()'/>", "onload="),
                              ("z.svg", '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://e/x.png"/></svg>',
                               "<image>")):
        (tmp_path / "nb" / name).write_text(text)
        with pytest.raises(SourceError, match=words):
            check_file_types(tmp_path)
        (tmp_path / "nb" / name).unlink()


def test_the_real_docs_pass():
    check_docs(ROOT / "docs", display_root=ROOT)


def test_a_serve_rebuild_checks_again_only_the_pages_that_changed(tmp_path, monkeypatch):
    """Under `mkdocs serve` the security plugin keeps the pages that passed; an edited
    page is checked again (and refused), an unchanged one is not."""
    import scripts.sitelib.source_guard as guard

    (tmp_path / "nb").mkdir()
    for name in ("a", "b"):
        (tmp_path / "nb" / f"{name}.md").write_text(HEAD + "Hei.\n", encoding="utf-8")
    checked = []
    real_check = guard.check_source

    def counted_check(text, path, *args, **kwargs):
        checked.append(path.name)
        return real_check(text, path, *args, **kwargs)

    monkeypatch.setattr(guard, "check_source", counted_check)
    passed: set = set()
    check_docs(tmp_path, passed=passed, settings="md")
    assert sorted(checked) == ["a.md", "b.md"] and len(passed) == 2
    checked.clear()
    check_docs(tmp_path, passed=passed, settings="md")
    assert checked == [], "unchanged pages are not checked again"
    (tmp_path / "nb" / "b.md").write_text(HEAD + "<script>x()</script>\n", encoding="utf-8")
    with pytest.raises(SourceError, match="<script>"):
        check_docs(tmp_path, passed=passed, settings="md")
    assert checked == ["b.md"]
    checked.clear()
    (tmp_path / "nb" / "b.md").write_text(HEAD + "Hei.\n", encoding="utf-8")
    check_docs(tmp_path, passed=passed, settings="other Markdown settings")
    assert sorted(checked) == ["a.md", "b.md"], "new Markdown settings check every page again"


def test_the_translators_check_reports_what_the_build_would_reject(tmp_path):
    """`smittevern check` said "No problems" for pages the build then ran a script from."""
    from scripts.i18n import build_problems

    page = tmp_path / "help.md"
    page.write_text("---\ntitle: 'x</title><script>x()</script>'\n---\n\n# x\n", encoding="utf-8")
    assert build_problems(page) == [f"{page}:2: 'title' contains '<', which is HTML markup; write the text without tags"]
    page.write_text("---\ntitle: x\n---\n\n# x\n\n\\`<script>x()</script>`\n", encoding="utf-8")
    assert "help.md:7: <script> is not allowed" in build_problems(page)[0]
