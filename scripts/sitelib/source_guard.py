"""Reject hostile or broken Markdown before the build writes anything.

Editors and translators change docs/**/*.md. The build stops, naming the file and
line, when a page has:
- raw <script>, <iframe> (and friends), on*= event attributes, style= attributes,
  or javascript:/vbscript:/data: links (the Content-Security-Policy would block
  them anyway, so they could only break a page or attack a reader);
- front matter that is not valid YAML;
- a `##` (or deeper) heading without its stable `{ #id }`, or an id used twice;
- a `flyer:` list naming a section the page does not have.

Code (fenced blocks, `inline code`) and HTML comments such as `<!-- contact-details -->`
are allowed to mention anything: they are blanked out before the checks run, with
line breaks kept so line numbers stay right.
"""
import html
import re
from pathlib import Path


from .heading_ids import heading_id
from .markdown_source import FRONT_MATTER_END, split_front_matter
from .source_errors import SourceError

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
COMMENT = re.compile(r"<!--.*?-->", re.S)

FORBIDDEN_TAG = re.compile(r"<\s*(script|iframe|frame|frameset|object|embed|applet|style|base)\b", re.I)
HTML_TAG = re.compile(r"<[A-Za-z][^<>]*>", re.S)
ATTR_LIST = re.compile(r"\{[^{}\n]*\}")
EVENT_ATTR = re.compile(r"(?:^|[\s\"'/{])(on[a-z]+)\s*=", re.I)
STYLE_ATTR = re.compile(r"(?:^|[\s\"'/{])style\s*=", re.I)
LINK_TARGETS = (
    re.compile(r"\]\(\s*<?([^)\s>]+)"),  # [text](target)
    re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M),  # [ref]: target
    re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*)>"),  # <scheme:autolink>
    re.compile(r"\b(?:href|src|action|formaction|xlink:href|data)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I),
)
BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|livescript|data):", re.I)
SCRIPT_URL = re.compile(r"\b(?:javascript|vbscript)\s*:", re.I)

ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)(.*)$")
SETEXT_H2 = re.compile(r"^ {0,3}-+[ \t]*$")
NOT_PARAGRAPH = re.compile(r"^\s*(?:$|[-*+>|#]|\d+[.)]\s|<|`{3}|~{3}|:)")


def blank(text):
    """The same text with every character but line breaks turned into spaces."""
    return re.sub(r"[^\n]", " ", text)


def mask_code_and_comments(body):
    """Blank out fenced code, inline code and HTML comments, keeping line numbers."""
    out, fence = [], None
    for line in body.split("\n"):
        match = FENCE.match(line)
        if fence:
            out.append("")
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            out.append("")
            continue
        out.append(INLINE_CODE.sub(lambda m: blank(m.group(0)), line))
    return COMMENT.sub(lambda m: blank(m.group(0)), "\n".join(out))


def _line(text, pos, offset):
    return text.count("\n", 0, pos) + 1 + offset


def check_raw_html(masked, path, offset=0):
    """Fail on tags, attributes and links that run code or dodge the CSP."""
    match = FORBIDDEN_TAG.search(masked)
    if match:
        raise SourceError(path, _line(masked, match.start(), offset),
                          f"raw <{match.group(1).lower()}> is not allowed in page text; "
                          "ask a developer to make a component instead")
    for pattern in (HTML_TAG, ATTR_LIST):
        for tag in pattern.finditer(masked):
            event = EVENT_ATTR.search(tag.group(0))
            if event:
                raise SourceError(path, _line(masked, tag.start() + event.start(1), offset),
                                  f"event attribute '{event.group(1)}=' is not allowed (it runs a script)")
            style = STYLE_ATTR.search(tag.group(0))
            if style:
                raise SourceError(path, _line(masked, tag.start() + style.start(), offset),
                                  "style= attributes are blocked by the site's security policy; "
                                  "use a class from a component's CSS instead")
    for pattern in LINK_TARGETS:
        for link in pattern.finditer(masked):
            target = html.unescape(link.group(1).strip("\"'"))
            target = re.sub(r"[\x00-\x20]", "", target)
            if BAD_SCHEME.match(target):
                raise SourceError(path, _line(masked, link.start(1), offset),
                                  f"link to '{target.split(':')[0].lower()}:' is not allowed; link to a page or https:// address")
    match = SCRIPT_URL.search(masked)
    if match:
        raise SourceError(path, _line(masked, match.start(), offset), "'javascript:' is not allowed in page text")


def headings(markdown):
    """Yield (line number, level, text, id or None) for ATX headings outside code."""
    masked = mask_code_and_comments(markdown)
    for number, line in enumerate(masked.split("\n"), 1):
        match = ATX_HEADING.match(line)
        if match:
            yield number, len(match.group(1)), match.group(2).strip(), heading_id(match.group(2))


def heading_ids(markdown):
    """The set of `{ #id }` ids on the headings of a page."""
    return {heading_id for _, _, _, heading_id in headings(markdown) if heading_id}


def check_headings(body, path, offset=0):
    """Every `##` and deeper heading ends with `{ #id }`; no id is used twice."""
    seen = {}
    for number, level, text, heading_id in headings(body):
        line = number + offset
        if level >= 2 and not heading_id:
            raise SourceError(path, line, f"heading '{'#' * level} {text}' has no id; end it with "
                              "{ #short-english-id }, the same id in every language")
        if heading_id and heading_id in seen:
            raise SourceError(path, line, f"id '{heading_id}' is already used on line {seen[heading_id]}")
        if heading_id:
            seen[heading_id] = line
    masked = mask_code_and_comments(body).split("\n")
    for index in range(1, len(masked)):
        if SETEXT_H2.match(masked[index]) and not NOT_PARAGRAPH.match(masked[index - 1]):
            raise SourceError(path, index + 1 + offset,
                              "this '---' line turns the line above into a heading without an id; "
                              "write '## Heading { #id }', or leave an empty line before '---'")


def _flyer_line(source, section):
    """Line of `section` in a `flyer:` front-matter entry of source, else of `flyer:`, else None."""
    lines = source.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None
    start = None
    for number, line in enumerate(lines[1:], 2):
        if FRONT_MATTER_END.match(line):
            break
        if re.match(r"flyer\s*:", line):
            start = number
        elif start and not re.match(r"\s+-|\s*-\s", line) and not line.startswith((" ", "\t")):
            break
        if start and section and re.search(rf"(?<![\w-]){re.escape(section)}(?![\w-])", line):
            return number
    return start


def check_flyer_sections(meta, markdown, path):
    """Fail when the page's `flyer:` list names a section id that no heading has.

    meta: the page's front matter (dict); markdown: the page source, with or without
    its front matter; path: the source file (named in the error). For the flyer code:
    call this before rendering a flyer from `meta["flyer"]`.
    """
    if not meta or "flyer" not in meta:
        return
    source = markdown
    if not markdown.startswith("---"):
        for candidate in (Path(path), Path(__file__).resolve().parents[2] / str(path)):
            if candidate.is_file():
                source = candidate.read_text(encoding="utf-8")
                break
    sections = meta["flyer"]
    if not isinstance(sections, list) or not all(isinstance(item, str) and item for item in sections):
        raise SourceError(path, _flyer_line(source, None),
                          "'flyer:' must be a list of section ids, like [before, during]")
    _, body, _ = split_front_matter(markdown, path) if markdown.startswith("---") else ({}, markdown, 0)
    known = heading_ids(body)
    for section in sections:
        if section not in known:
            raise SourceError(path, _flyer_line(source, section),
                              f"flyer: lists section '{section}', but no heading on this page has "
                              f"{{ #{section} }}; sections here: {', '.join(sorted(known)) or 'none'}")


def check_source(text, path):
    """Run every check on one Markdown file; return its front matter."""
    meta, body, offset = split_front_matter(text, path)
    check_raw_html(mask_code_and_comments(body), path, offset)
    check_headings(body, path, offset)
    check_flyer_sections(meta, text, path)
    return meta


def check_docs(docs_dir, display_root=None):
    """Check every docs/**/*.md; raise SourceError for the first bad file."""
    docs_dir = Path(docs_dir)
    for path in sorted(docs_dir.rglob("*.md")):
        shown = path
        if display_root:
            try:
                shown = path.relative_to(display_root)
            except ValueError:
                pass
        check_source(path.read_text(encoding="utf-8"), shown)
