"""Punctuation as each language sets it, applied when the site is rendered.

- fr: a no-break space (U+00A0) before : ; ? ! and inside « »: the space an editor
  typed becomes one, and a missing one is added (never inside a word such as 10:30
  or https://).
- zh: full-width punctuation after Chinese text (：，；！？ and 。), with no space
  around it; a colon that ends a label is full-width after any word ("WhatsApp：").
- th: no space before punctuation.
Other locales are left as written.

punctuate() works on plain text (the interface strings, at load);
punctuate_html() on the text nodes of HTML (page text, and template blocks that put
punctuation beside strings and dates): never inside code, pre, kbd, samp, script,
style, textarea or svg, never in attributes (so never in a URL), and not inside an
element whose lang is another language. problems() is the editors' check: where a
source text differs from what the reader will see.
"""
import html
import re
from collections.abc import Callable
from typing import Any

from markupsafe import escape

NBSP = "\u00a0"
SPACES = " \u00a0\u202f"
CJK = "\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
THAI = "\u0e00-\u0e7f"
FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", ".": "。"}

# (pattern, replacement) per locale, applied in order.
Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]
RULES: dict[str, list[Rule]] = {
    "fr": [
        (re.compile(r"(?<=[^\s«(\[/?!;:])\s*([;?!])(?=[\s»)\]?!]|$)"), NBSP + r"\1"),  # mot ?
        (re.compile(r"(?<=[^\s:/])\s*:(?=\s|$)"), NBSP + ":"),        # mot : (not 10:30, https://)
        (re.compile(r"(?<=[^\s«])\s*»"), NBSP + "»"),                 # mot »
        (re.compile(r"«\s*(?=[^\s»])"), "«" + NBSP),                  # « mot
    ],
    "zh": [
        (re.compile(rf"(?<=[{CJK}])\s*([,:;!?])\s*"), lambda m: FULL_WIDTH[m.group(1)]),
        (re.compile(rf"(?<=[{CJK}])\s*\.(?=\s|$)\s*"), "。"),
        (re.compile(r"(?<=\S)\s*:(?:\s+|$)"), "："),                 # a label's colon
        (re.compile(r"(?<=[，：；！？。、])\s+"), ""),
    ],
    "th": [
        (re.compile(rf"(?<=[{THAI}])\s+(?=[:;!?,)]|\.(?:\s|$))"), ""),
    ],
}
SKIP = {"code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math"}
RAW_TEXT = {"script", "style", "textarea"}
# HTML's void elements: the one list
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
INLINE = {"a", "abbr", "b", "bdi", "cite", "em", "i", "mark", "q", "s", "small", "span", "strong", "sub", "sup",
          "time", "u", "ins", "del", "code", "kbd", "samp", "var", "data", "dfn"}
TAG = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?[^>]*>|<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>", re.S)
LANG = re.compile(r"""\blang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def language(code: str) -> str:
    return code.lower().replace("_", "-").split("-")[0]


def punctuate(text: str, locale: str, before: str = "") -> str:
    """`text` with `locale`'s punctuation; `before`: the text just before it (the end of
    the previous text node), read by the rules but never changed."""
    rules = RULES.get(language(locale))
    if not rules or not text:
        return text
    for pattern, replacement in rules:
        whole, pieces, last = before + text, [], len(before)
        for match in pattern.finditer(whole, len(before)):
            pieces += [whole[last:match.start()],
                       replacement(match) if callable(replacement) else match.expand(replacement)]
            last = match.end()
        text = "".join(pieces) + whole[last:]
    return text


def punctuate_html(fragment: str, locale: str) -> str:
    """HTML with punctuate() applied to its text nodes (see the module docstring).
    Only the text nodes that change are rewritten: everything else keeps its bytes."""
    locale = language(locale)
    if locale not in RULES:
        return fragment
    out: list[str] = []
    position, before = 0, ""
    skipping: list[str] = []  # names of the SKIP elements we are inside
    langs: list[list[Any]] = []  # [name, language, depth] of the elements with a lang

    def text_node(text: str) -> str:
        """The text node, punctuated if it is in the page's language and not code; either
        way its last character is what the next node's punctuation follows."""
        nonlocal before
        plain = html.unescape(text)
        context, before = before, (plain[-1:] if plain.strip() else before)
        if not text or skipping or (langs[-1][1] if langs else locale) != locale:
            return text
        changed = punctuate(plain, locale, context)
        return str(escape(changed)) if changed != plain else text

    for match in TAG.finditer(fragment):
        if match.start() < position:
            continue         # inside raw text (a script) already copied
        out += [text_node(fragment[position:match.start()]), match.group(0)]
        position = match.end()
        closing, name, attributes = match.group(1), (match.group(2) or "").lower(), match.group(3) or ""
        if not name:
            continue
        if name not in INLINE:
            before = ""
        if closing:
            if skipping and skipping[-1] == name:
                skipping.pop()
            if langs and langs[-1][0] == name:
                langs[-1][2] -= 1
                if langs[-1][2] == 0:
                    langs.pop()
            continue
        if name in VOID or attributes.rstrip().endswith("/"):
            continue
        if name in RAW_TEXT:
            end = re.compile(rf"</{name}\s*>", re.I).search(fragment, position)
            stop = end.start() if end else len(fragment)
            out.append(fragment[position:stop])
            position = stop
            continue
        if name in SKIP:
            skipping.append(name)
        found = LANG.search(attributes)
        if found:
            langs.append([name, language(next(group for group in found.groups() if group is not None) or locale), 1])
        elif langs and langs[-1][0] == name:
            langs[-1][2] += 1
    out.append(text_node(fragment[position:]))
    return "".join(out)


def _same(text: str) -> str:
    return re.sub(f"[{SPACES}]", " ", text)


SOURCE_MARKUP = re.compile(r"`[^`]*`|\]\([^)]*\)|<[^>]+>|:[a-z0-9]+(?:-[a-z0-9]+)+:|\{[^}]*\}|https?://\S+")


def problems(text: str, locale: str) -> list[tuple[str, str]]:
    """[(the text as written, as the reader will see it)] for each stretch of a source
    text (Markdown: code, link targets, tags and icons are left out) whose punctuation
    the site would change beyond turning a typed space into a no-break space."""
    found: list[tuple[str, str]] = []
    for piece in SOURCE_MARKUP.split(text):
        shown = punctuate(piece, locale)
        if _same(shown) != _same(piece):
            found.append((piece.strip(), shown.strip()))
    return found
