"""Built pages that no selector of a stylesheet can tell apart, so that one stands for all.

A selector reads only part of a page: the tree of tags, which attributes each element
has, the classes and ids the stylesheet names, the values of the attributes it tests
([dir=rtl], [type=checkbox]) or that a pseudo-class reads (:checked reads type), and
whether an element holds text (:empty). Two pages that agree on all of that get the same
answer from every one of those selectors. Their *shape* is that part, hashed: the same
page in eleven languages, or two embed views of one page, usually share a shape, so the
purge matches each selector against a few dozen shapes instead of every built page.

`SelectorReads.of(selectors)` is what a set of selectors reads (tinycss2 tokens, the text
soupsieve compiles); `page_shape(html, reads)` the shape of a page (lxml, the parser
BeautifulSoup uses for "lxml"), with the class and attribute names it has.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import lxml.html
import tinycss2
from lxml import etree

from .fingerprint import content_hash

# What soupsieve's pseudo-classes read beyond the tree and the attribute names:
# the values of these attributes (css_parser.py defines :checked as
# input[type=checkbox][checked], …). Every pseudo-class soupsieve supports is in
# one of the tables below; a selector that compiles with another one stops the build.
PSEUDO_ATTRIBUTES = {
    "checked": {"type", "checked", "selected"}, "default": {"type", "checked", "selected"},
    "indeterminate": {"type", "checked", "name", "value", "indeterminate"},
    "disabled": {"type", "disabled"}, "enabled": {"type", "disabled"},
    "required": {"type", "required"}, "optional": {"type", "required"},
    "read-only": {"type", "readonly", "disabled", "contenteditable"},
    "read-write": {"type", "readonly", "disabled", "contenteditable"},
    "in-range": {"type", "min", "max", "value"}, "out-of-range": {"type", "min", "max", "value"},
    "open": {"open"}, "muted": {"muted"}, "link": set(), "any-link": set(),
}
# Pseudo-classes soupsieve never matches (states a reader or a script switches on).
PSEUDO_NEVER = {
    "active", "autofill", "buffering", "current", "focus", "focus-visible", "focus-within", "fullscreen",
    "future", "host", "host-context", "hover", "local-link", "past", "paused", "picture-in-picture",
    "playing", "popover-open", "seeking", "stalled", "target", "target-within", "user-invalid",
    "volume-locked", "visited",
}
# Pseudo-classes that read no more than the selectors inside them.
PSEUDO_LOGICAL = {"not", "is", "where", "matches", "any"}
# Pseudo-classes that read the tree only, or that soupsieve never matches (states).
PSEUDO_STRUCTURE = PSEUDO_LOGICAL | PSEUDO_NEVER | {
    "has", "nth-child", "nth-last-child", "nth-of-type",
    "nth-last-of-type", "first-child", "last-child", "only-child", "first-of-type", "last-of-type",
    "only-of-type", "root", "scope", "empty", "defined",
}
# Pseudo-classes that read text or the language: a stylesheet with one keeps pages whole.
PSEUDO_TEXT = {"contains", "-soup-contains", "-soup-contains-own", "dir", "lang", "placeholder-shown"}
# Attributes BeautifulSoup splits into lists (soupsieve joins them with one space).
MULTI_VALUED = {"class", "rel", "rev", "accept-charset", "headers", "accesskey", "dropzone"}
WHITESPACE = " \t\r\n\f"   # soupsieve's :empty counts any other character as text


@dataclass
class SelectorReads:
    """What a set of selectors reads of a page (names casefolded)."""
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    tests: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # attribute -> {(operator, value)}
    values: set[str] = field(default_factory=set)  # attributes whose whole value is read
    whole: bool = False                           # text or language read: keep pages whole

    @classmethod
    def everything(cls) -> SelectorReads:
        return cls(whole=True)

    @classmethod
    def of(cls, selectors: Iterable[Iterable[Any]], supported: Callable[[str], bool] = lambda pseudo: True) -> SelectorReads:
        """Reads of selectors (token lists); supported(name) says whether soupsieve compiles
        :name (an unknown pseudo-class it does not compile matches nothing and reads nothing)."""
        reads = cls()
        for tokens in selectors:
            reads._scan(list(tokens), supported)
        return reads

    def _scan(self, tokens: list[Any], supported: Callable[[str], bool]) -> None:
        for position, token in enumerate(tokens):
            previous = tokens[position - 1] if position else None
            following = tokens[position + 1] if position + 1 < len(tokens) else None
            after_colon = previous is not None and previous.type == "literal" and previous.value == ":"
            before_colon = position > 1 and tokens[position - 2].type == "literal" and tokens[position - 2].value == ":"
            if token.type == "literal" and token.value == "." and following is not None and following.type == "ident":
                self.classes.add(following.value.casefold())
            elif token.type == "hash":
                self.ids.add(token.value.casefold())
            elif token.type == "[] block":
                self._attribute(token.content)
            elif after_colon and not before_colon and token.type in ("ident", "function"):
                self._pseudo(token.lower_value if token.type == "ident" else token.lower_name, supported)
            if token.type == "function":
                self._scan(list(token.arguments), supported)
            elif token.type == "() block":
                self._scan(list(token.content), supported)

    def _pseudo(self, name: str, supported: Callable[[str], bool]) -> None:
        if name in PSEUDO_STRUCTURE:
            return
        if name in PSEUDO_ATTRIBUTES:
            self.values |= PSEUDO_ATTRIBUTES[name]
        elif name in PSEUDO_TEXT:
            self.whole = True
        elif supported(name):
            raise ValueError(f"soupsieve matches :{name}, which scripts/sitelib/page_shapes.py does not know: "
                             "say what it reads in PSEUDO_ATTRIBUTES, PSEUDO_STRUCTURE or PSEUDO_TEXT")

    def _attribute(self, content: Iterable[Any]) -> None:
        tokens = [token for token in content if token.type != "whitespace"]
        operator = next((position for position, token in enumerate(tokens)
                         if token.type == "literal" and token.value.endswith("=")), None)
        names = [token for token in tokens[:operator] if token.type == "ident"]
        if not names:
            self.whole = True            # a form this reader does not know: read everything
            return
        name = names[-1].lower_value
        if operator is None:
            self.tests.setdefault(name, set())
            return
        values = [token for token in tokens[operator + 1:] if token.type in ("ident", "string")]
        if len(values) != 1:
            self.values.add(name)
            return
        self.tests.setdefault(name, set()).add((tokens[operator].value, values[0].value.casefold()))

    def covers(self, other: SelectorReads) -> bool:
        """Does a shape made for these reads answer every selector of `other` correctly?"""
        if self.whole:
            return True
        if other.whole:
            return False
        return (other.classes <= self.classes and other.ids <= self.ids and other.values <= self.values
                and all(tests <= self.tests.get(name, set()) or name in self.values
                        for name, tests in other.tests.items()))

    def value_key(self, name: str, value: str) -> str:
        """What of an attribute's value the selectors can see: the value, or '' when no
        test could hold for it (the tests are loosened: case and word bounds ignored)."""
        if self.whole or name in self.values:
            return value
        folded = value.casefold()
        for operator, expected in self.tests.get(name, ()):
            if (operator == "=" and folded == expected or operator in ("~=", "*=") and expected in folded
                    or operator in ("|=", "^=") and folded.startswith(expected)
                    or operator == "$=" and folded.endswith(expected)
                    or operator not in ("=", "~=", "*=", "|=", "^=", "$=")):
                return value
        if name == "class":
            return " ".join(sorted({word for word in value.split() if word.casefold() in self.classes}))
        if name == "id" and folded in self.ids:
            return value
        return ""


def _text_key(text: str | None, reads: SelectorReads) -> str:
    if not text:
        return ""
    if reads.whole:
        return text
    return " " if not text.strip(WHITESPACE) else "t"


def page_shape(html: str | bytes, reads: SelectorReads) -> tuple[str, set[str], set[str]]:
    """(shape, class names, attribute names) of one built page."""
    root = lxml.html.document_fromstring(html)
    stream = [(root.getroottree().docinfo.doctype or "").encode()]
    classes: set[str] = set()
    attributes: set[str] = set()
    nodes = [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]
    for node in nodes:
        for event, element in etree.iterwalk(node, events=("start", "end")):
            if event == "end":
                stream.append(b"\x00/" + _text_key(element.tail, reads).encode())
                continue
            if not isinstance(element.tag, str):       # a comment or processing instruction
                stream.append(b"\x00#" + str(type(element).__name__).encode() + b"\x01")
                continue
            parts = [element.tag]
            for name, value in sorted(element.attrib.items()):
                attributes.add(name)
                if name in MULTI_VALUED:
                    value = " ".join(value.split())
                if name == "class":
                    classes.update(value.split())
                parts.append(f"{name}={reads.value_key(name, value)}")
            parts.append(_text_key(element.text, reads))
            stream.append(b"\x00<" + "\x01".join(parts).encode())
    return content_hash(stream, length=32), classes, attributes


def selector_reads(texts: Iterable[str], supported: Callable[[str], bool]) -> SelectorReads:
    """SelectorReads of selector texts (as soupsieve compiles them)."""
    return SelectorReads.of((tinycss2.parse_component_value_list(text) for text in texts), supported)
