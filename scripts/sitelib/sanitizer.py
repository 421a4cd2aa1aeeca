"""Sanitize what page text renders to, with an allowlist of what the site's
Markdown features produce.

Translators and editors are semi-trusted: their text must never run a script,
redirect, load anything from another site, leak a Referer, or switch off a safety
feature. The rendered HTML of every page (admonition titles included) goes
through sanitize_content() once (scripts/smittevern/security/plugin.py), before the
page, its search entry, its embed views, its flyer and the feed are made from it.
The source guard runs the same check on every page before the build starts, so a
rejected page stops the build before site/ is touched.

- What an author must learn about fails with the source file and line (the first
  line where the offending markup is found in the Markdown): an element,
  attribute, class, id, link or emoji the site does not allow.
- HTML comments are stripped, except component markers (scripts/sitelib/markers.py).
- nh3 (ammonia, with a browser-grade HTML parser) then cleans the HTML with the
  same allowlist, so nothing another parser might read differently gets through.

The check parses with selectolax (Lexbor, a browser's HTML5 parser: fast, and it
reads markup as Chromium does). To allow something new, add it to the tables below.
"""
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nh3
from selectolax.lexbor import LexborHTMLParser, LexborNode

from .heading_ids import id_grammar_problem
from .markdown_source import mask_code_and_comments
from .markers import MARKER_LINE, check_marker
from .source_errors import SourceError
from .urls import ANY_PAGE, external_host, link_problem, picture_problem

# Admonition types (Material's list, with its aliases): `!!! tip`, `??? note` …
ADMONITION_TYPES = {
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check",
    "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing",
    "danger", "error", "bug", "example", "quote", "cite",
}
# Classes that page text may carry: admonitions (and pymdownx.details, which uses the
# same types), inline icons (:material-…:), Material's button style for a link.
CLASSES = ADMONITION_TYPES | {"admonition", "admonition-title", "twemoji", "md-button", "md-button--primary"}
CLASS_PATTERN = re.compile(r"^language-[A-Za-z0-9_+#-]+$")  # fenced code: ```html

TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "div", "span",
    "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "kbd", "abbr", "q",
    "cite", "time", "wbr",
    "ul", "ol", "li", "dl", "dt", "dd",  # lists, definition lists
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",  # tables
    "a", "img", "figure", "figcaption",
    "details", "summary",  # pymdownx.details
    "svg", "path",  # icons: :material-…: shortcodes render inline SVG
}
GLOBAL_ATTRIBUTES = {"id", "class", "lang", "dir", "title"}
ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "reversed"},
    "th": {"align", "colspan", "rowspan", "scope"},  # tables: use_align_attribute in mkdocs.yml
    "td": {"align", "colspan", "rowspan"},
    "details": {"open"},
    "time": {"datetime"},
    "svg": {"xmlns", "viewBox", "width", "height", "aria-hidden", "focusable", "role"},
    "path": {"d", "fill-rule", "clip-rule"},
}
URL_ATTRIBUTES = {"href", "src"}
DANGEROUS = re.compile(r"^(?:on|data-|style$|href$|src$|referrerpolicy$|target$)", re.I)
# No http: links (issue 20): the address and what the reader sends would travel unencrypted.
LINK_SCHEMES = {"https", "mailto", "tel"}

# Ids and classes the site's scripts and templates look up: page text may not copy them.
RESERVED_ID = re.compile(r"^(?:__|md-|site-|js-)")
RESERVED_CLASS = re.compile(r"^(?:js-|site-|md-)")


def _names(path: str | Path) -> frozenset[str]:
    return frozenset(line.strip() for line in Path(path).read_text(encoding="utf-8").split("\n")
                     if line.strip() and not line.startswith("#"))


# Every global a script can read (window.x or x), from Debian's Chromium
# (scripts/devtools/window_globals.py writes the list). An element's id becomes a
# property of window where the browser has none of that name: <h2 id="navigation">
# would fake the Navigation API in a browser without it.
WINDOW_GLOBALS = _names(Path(__file__).with_name("window_globals.txt"))


def id_problem(value: object) -> str | None:
    """Why page text may not use `value` as an id, or None: the one rule for ids
    (the grammar of heading_ids.py, the site's reserved prefixes, window globals)."""
    value = str(value)
    if RESERVED_ID.match(value):
        return "is reserved for the site's own scripts and templates (ids starting with __, md-, site- or js-)"
    problem = id_grammar_problem(value)
    if problem:
        return problem
    if value in WINDOW_GLOBALS:
        return (f"is the name of a browser global (window.{value}); as an id it could switch off a script, "
                "the quick exit's among them")
    return None

# Why some elements and attributes are refused: the words an author needs.
_RUNS = "it would run a script; ask a developer to make a component instead"
_LOADS = "it would load another page or program; ask a developer to make a component instead"
_SILENCES = "it would turn the rest of the page into plain text and switch off its scripts, the quick exit's too"
_FORMS = "forms could ask readers for passwords or send data elsewhere"
WHY = {
    "script": _RUNS,
    "style": "the site's security policy blocks it; use a class from a component's CSS instead",
    "meta": "it could redirect readers or change the referrer policy",
    "base": "it would change where every link on the page goes",
    "link": "it would load something from elsewhere",
    **dict.fromkeys(("iframe", "frame", "frameset", "object", "embed", "applet", "portal"), _LOADS),
    **dict.fromkeys(("plaintext", "xmp", "textarea", "noembed", "noframes", "noscript", "title"), _SILENCES),
    **dict.fromkeys(("form", "input", "button", "select", "option"), _FORMS),
}
WHY_ATTRIBUTE = {
    "style": WHY["style"],
    "target": "links open in the same tab, so Back and the quick exit keep working",
    "rel": "the site sets what links need",
    "referrerpolicy": "the site never sends a Referer; page text may not change that",
    "srcset": "images are files in docs/, named in src",
    "name": "a name= becomes a property of window or document, where it could switch off the site's scripts",
}


def allowed_class(name: str) -> bool:
    return name in CLASSES or bool(CLASS_PATTERN.match(name))


@dataclass
class Problem:
    message: str
    needles: tuple[str, ...]  # regular expressions that find the markup in the Markdown source


def _word(text: str) -> str:
    return rf"(?<![\w-]){re.escape(text)}(?![\w-])"


def _scheme(url: str) -> str:
    """The URL's scheme as a browser reads it (controls and whitespace dropped), or ''."""
    cleaned = re.sub(r"[\x00-\x20]", "", url)
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


def _url_needles(value: str) -> tuple[str, ...]:
    """Regular expressions that find an address in the Markdown source: as written, then
    its last characters (Markdown may have encoded the rest)."""
    value = value.strip()
    return tuple(re.escape(part) for part in (value[:60], value[-12:]) if part)


def snippet(tag: str, attributes: Mapping[str, str | None]) -> str:
    """The start tag as an error message shows it: <h2 id="x">."""
    written = "".join(f' {name}="{value}"' if value is not None else f" {name}"
                      for name, value in attributes.items())
    text = f"<{tag}{written}>"
    return text if len(text) <= 100 else text[:97] + "…>"


def _snippet(node: LexborNode) -> str:
    return snippet(node.tag or "", node.attributes)


def attribute_problem(tag: str, name: str, value: str | None, attributes: Mapping[str, str | None],
                      base: str = ANY_PAGE) -> Problem | None:
    """Why page text may not give element <tag> (with these attributes) name=value, or None."""
    name = name.lower() if tag not in ("svg", "path") else name
    value = value or ""
    shown = snippet(tag, attributes)
    if name.startswith("on"):
        return Problem(f"event attribute '{name}=' is not allowed in {shown} (it runs a script)",
                       (rf"\b{name}\s*=",))
    if name.startswith("data-"):
        return Problem(f"'{name}=' is not allowed in {shown}: data-… attributes belong to the site's "
                       "scripts (data-site-…, data-md-…)", (rf"\b{re.escape(name)}\b",))
    if name not in GLOBAL_ATTRIBUTES | ATTRIBUTES.get(tag, set()):
        why: str | None = WHY_ATTRIBUTE.get(name, "the site does not use it")
        return Problem(f"'{name}=' is not allowed on <{tag}> ({why}): {shown}", (rf"\b{re.escape(name)}\s*=",
                                                                              rf"\b{re.escape(name)}\b"))
    if name in URL_ATTRIBUTES:
        scheme = _scheme(value)
        if tag == "img" and name == "src":
            if "emoji" in (attributes.get("class") or ""):  # twemoji, emojione: pictures from a CDN
                title = attributes.get("title") or attributes.get("alt") or "emoji"
                return Problem(f"the emoji {title} would load a picture from another site; use an icon drawn "
                               "into the page instead, such as :material-heart:", (re.escape(title),))
            why = picture_problem(value, base)
            if why:
                where = "not from another address" if "another address" in why else why
                return Problem(f"images must be files of this site (in docs/), {where}: {shown}",
                               _url_needles(value))
        else:
            why = link_problem(value, base)
            if why == "http":
                return Problem(f"link to 'http:' is not allowed: the address and what the reader sends travel "
                               f"unencrypted; write https:// (check that the site answers there): {shown}",
                               _url_needles(value))
            if why == "disguised":
                return Problem(f"this link leaves the site for {external_host(value, base)}, but is not written as a "
                               f"full address; write https://{external_host(value, base)}/…: {shown}",
                               _url_needles(value))
            if why and scheme and scheme not in LINK_SCHEMES:
                return Problem(f"link to '{scheme}:' is not allowed; link to a page of this site or an https:// "
                               f"address: {shown}", (re.escape(value[:60]), rf"{scheme[:4]}\S{{0,40}}{scheme[4:]}"
                                                     rf"[\s\\]*:", rf"\b{name}\s*=\s*[\"']?[^\"'\s>]{{0,200}}"
                                                     rf"{re.escape(value[-8:])}"))
            if why:
                return Problem(f"this link is not an address a browser can follow safely ({why}); link to a page "
                               f"of this site or an https:// address: {shown}", _url_needles(value))
    if "<" in value:
        return Problem(f"'{name}=' may not contain '<': {shown}", (rf"\b{re.escape(name)}\s*=",))
    if name == "id" and id_problem(value):
        return Problem(f"id '{value}' {id_problem(value)}; choose another: {shown}",
                       (_word(value.lstrip("#")), re.escape(value[:60])))
    if name == "class":
        for cls in value.split():
            if not allowed_class(cls):
                why = ("is reserved for the site's own scripts and templates" if RESERVED_CLASS.match(cls)
                       else "is not one the site styles")
                return Problem(f"class '{cls}' {why}; page text may use {', '.join(sorted(CLASSES - ADMONITION_TYPES))}"
                               " and the admonition types (note, tip, warning, danger, …)",
                               (rf"\.{re.escape(cls)}(?![\w-])", _word(cls)))
    return None


def first_problem(html: str, base: str = ANY_PAGE) -> Problem | None:
    """The first element or attribute in rendered page HTML that the site does not allow, or None.

    base: the page's address (urls.page_base), which its relative links are read against."""
    tree = LexborHTMLParser(html)
    for node in tree.root.traverse(include_text=False):  # type: ignore[union-attr]  # a parsed page has a root
        tag = node.tag
        if not tag or tag.startswith("-") or tag.startswith("_"):
            continue  # comments and text are handled elsewhere
        if tag in ("html", "head", "body"):
            if node.attributes:  # <body onload=…> in the text lands on the document's <body>
                return Problem(f"<{tag}> is not allowed in page text: {_snippet(node)}", (rf"<\s*{tag}\b",))
            continue
        if tag not in TAGS:
            why = WHY.get(tag, "the site does not use it")
            return Problem(f"<{tag}> is not allowed in page text ({why})", (rf"<\s*{re.escape(tag)}\b",))
        # the attributes that do harm first, so the message names them
        for name, value in sorted(node.attributes.items(), key=lambda item: not DANGEROUS.match(item[0])):
            problem = attribute_problem(tag, name, value, node.attributes, base)
            if problem:
                return problem
    return None


def find_line(source: str | None, needles: Iterable[str]) -> int | None:
    """First line of the Markdown source that one of the needles matches: outside code
    and comments first, then anywhere. None when nothing matches."""
    if not source:
        return None
    for text in (mask_code_and_comments(source), source):
        for needle in needles:
            match = re.search(needle, text, re.I)
            if match:
                return text.count("\n", 0, match.start()) + 1
    return None


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    """nh3's last word on each allowed attribute (the check above explains; this enforces)."""
    if "<" in value:
        return None
    if name == "id" and id_problem(value):
        return None
    if tag == "img" and name == "src" and picture_problem(value):
        return None
    if tag == "a" and name == "href" and link_problem(value):
        return None
    if name == "class":
        return " ".join(cls for cls in value.split() if allowed_class(cls)) or None
    return value


NH3_OPTIONS: dict[str, Any] = {
    "tags": TAGS,
    "attributes": {tag: GLOBAL_ATTRIBUTES | ATTRIBUTES.get(tag, set()) for tag in TAGS},
    "url_schemes": LINK_SCHEMES,
    "link_rel": None,
    "strip_comments": False,  # markers are comments; every other comment is dropped below
    "attribute_filter": _keep_attribute,
}
COMMENT = re.compile(r"<!--(.*?)-->", re.S)


def clean(html: str) -> str:
    """nh3 with the site's allowlist (comments kept for the marker step)."""
    return nh3.clean(html, **NH3_OPTIONS)


def keep_markers(cleaned: str, path: str | Path, source: str | None, markers: Collection[str]) -> str:
    """Drop every comment of nh3's output except marker lines; fail on a misplaced or unknown marker.

    In nh3's output text is escaped and attribute values hold no '<' (see
    _keep_attribute), so `<!--` starts a real comment.
    """
    marker_lines = [(match.start(), match.end(), match.group(1)) for match in MARKER_LINE.finditer(cleaned)]
    for _, _, name in marker_lines:
        check_marker(name, markers, path, source)

    def replace(match: re.Match[str]) -> str:
        for start, end, name in marker_lines:
            if start <= match.start() and match.end() <= end:
                return f"<!-- {name} -->"
        name = match.group(1).strip()
        if name in markers:
            check_marker(name, markers, path, source, own_line=False)
        return ""
    return COMMENT.sub(replace, cleaned)


def check_content(html: str, path: str | Path, source: str | None = "", base: str = ANY_PAGE) -> None:
    """Fail with file and line on the first thing in rendered page HTML the site does not allow."""
    problem = first_problem(html, base)
    if problem:
        raise SourceError(path, find_line(source, problem.needles), problem.message)


def sanitize_content(html: str, source_path: str | Path, source: str | None = "",
                     markers: Collection[str] = frozenset(), base: str = ANY_PAGE) -> str:
    """The page's rendered HTML, checked and cleaned.

    html: what Markdown made of the page; source_path: the file named in errors;
    source: the Markdown file's text (to find the line); markers: the names of the
    marker components (scripts/sitelib/markers.py); base: the page's address
    (urls.page_base), which its relative links and pictures are read against.
    Raises SourceError.
    """
    check_content(html, source_path, source, base)
    return keep_markers(clean(html), source_path, source, markers)
