"""Ship only the CSS the site can use, and inline what the first screen needs.

Both decisions are made on the built pages, with a CSS parser (tinycss2) and a
selector engine (soupsieve), never with regular expressions over CSS or HTML:

- purge(css, pages, scripts): the rules of a stylesheet (Material's main.css) that
  could ever apply. A selector is kept when it matches an element of some page with
  its states set aside (:hover, :checked, ::before, …, any state a reader or a
  script can reach), or when it could match once the scripts have added the classes
  and attributes they name (Material's bundle, ours: every class that occurs in
  their text). Everything else can never apply and is dropped.
- critical(css, pages): the rules that style the first screen of some page as it
  is served (no script has run, nothing opened) among the pages that inline it:
  everything but the article's blocks after the first FIRST_SCREEN_BLOCKS and what is
  `hidden`. Pseudo-elements count (::before draws icons); states do not.

Both keep the stylesheet's order, its @media/@supports groups and every other
at-rule (@keyframes, @font-face) whole; the critical CSS leaves out @page, @keyframes and @media print.
"""
import functools
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import soupsieve
import tinycss2
from bs4 import BeautifulSoup, Tag
from tinycss2.ast import Node

from .fingerprint import content_hash
from .inline_blocks import register_style
from .page_shapes import PSEUDO_LOGICAL, PSEUDO_NEVER, SelectorReads, page_shape, selector_reads
from .site_files import write_site_file

# The article's first blocks are on the first screen (360×740 and 1280×800 with room to spare).
FIRST_SCREEN_BLOCKS = 12
ARTICLE = "article.md-content__inner"

# Pseudo-classes a reader or a script can switch on: set aside when purging.
STATES = {"hover", "focus", "focus-visible", "focus-within", "active", "visited", "target", "target-within",
          "checked", "indeterminate", "placeholder-shown", "invalid", "valid", "user-invalid", "user-valid",
          "autofill", "default", "popover-open", "modal", "fullscreen", "open", "closed", "playing", "paused",
          "current", "past", "future", "defined", "link", "any-link", "disabled", "enabled"}
# The attributes scripts set (Material's and ours): data-*, aria-* and the booleans below.
SCRIPT_ATTRIBUTES = ("data-", "aria-", "hidden", "open", "disabled")
LEGACY_PSEUDO_ELEMENTS = {"before", "after", "first-line", "first-letter"}
# tinycss2 has no type information: its nodes are Any to the type checker.
Selector = list[Node]                 # one selector's tokens
Key = tuple[str, ...]                 # an index key: ("class", name), ("tag", name), ("value", name, value), …
# What a selector requires, as names() lists it: (kind, name), or ("attr", (name, value or None)).
Name = tuple[str, Any]

ANY = [tinycss2.ast.LiteralToken(0, 0, ":"),
       tinycss2.ast.FunctionBlock(0, 0, "is", [tinycss2.ast.LiteralToken(0, 0, "*")])]


class Shape:
    """One built page standing for every page of its shape (scripts/sitelib/page_shapes.py):
    its elements indexed by class, id, attribute name and tag, and which are on a first screen."""

    by_key: dict[Key, list[Tag]]
    first_screen: set[int]           # id() of the elements on a first screen
    keys_of: dict[int, frozenset[Key]]
    _above: dict[int, frozenset[Key]]

    def __init__(self, soup: BeautifulSoup, valued: Collection[str] = (), first_screen: bool = True) -> None:
        self.by_key, self.first_screen, self.keys_of, self._above = {}, set(), {}, {}
        self.elements: list[Tag] = []
        later: set[int] = set()
        for article in soupsieve.select(ARTICLE, soup):
            blocks = [child for child in article.children if getattr(child, "name", None)]
            for block in blocks[FIRST_SCREEN_BLOCKS:]:
                later.add(id(block))
                later.update(id(element) for element in block.find_all(True))  # type: ignore[attr-defined]  # a tag
        for element in soup.find_all(hidden=True):  # not shown before a script or a tap shows it
            later.add(id(element))
            later.update(id(child) for child in element.find_all(True))
        for element in soup.find_all(True):
            keys: list[Key] = [("tag", element.name), ("all", "")]
            keys += [("class", name) for name in element.get("class") or ()]
            keys += [("attr", name) for name in element.attrs]
            if element.get("id"):
                keys.append(("id", element["id"]))  # type: ignore[arg-type]  # id holds one value
            keys += [("value", name, _joined(value).casefold()) for name, value in element.attrs.items() if name in valued]
            for key in keys:
                self.by_key.setdefault(key, []).append(element)
            self.keys_of[id(element)] = frozenset(keys)
            self.elements.append(element)
            if first_screen and id(element) not in later:
                self.first_screen.add(id(element))
        self.keys = set(self.by_key)

    def above(self, element: Tag) -> frozenset[Key]:
        """The keys of every element that contains this one."""
        parent = element.parent
        if parent is None or id(parent) not in self.keys_of:
            return frozenset()
        if id(parent) not in self._above:
            self._above[id(parent)] = self.above(parent) | self.keys_of[id(parent)]
        return self._above[id(parent)]


class Pages:
    """The built pages, one per shape: pages that the selectors `reads` describes cannot
    tell apart are matched once (reads=None: only identical pages are); and their elements,
    one per context (one_per_context), for the selectors that read little around their subject.
    served_first(html): whether that page's first screen counts for the first-screen CSS
    (first_paint_css: the pages that inline it); by default every page's does."""

    shapes: list[Shape]
    present: set[Key]

    def __init__(self, htmls: Iterable[str], reads: SelectorReads | None = None,
                 served_first: Callable[[str], bool] = lambda html: True) -> None:
        self.reads = reads or SelectorReads.everything()
        self.shapes, self.present, self.count = [], set(), 0
        self.names: dict[str, set[str]] = {"class": set(), "attr": set()}
        seen: set[tuple[str, bool]] = set()
        for html in htmls:
            self.count += 1
            shape, classes, attributes = page_shape(html, self.reads)
            self.names["class"] |= classes
            self.names["attr"] |= attributes
            first = served_first(html)
            if (shape, first) not in seen:
                seen.add((shape, first))
                self.shapes.append(Shape(BeautifulSoup(html, "lxml"), valued=set(self.reads.tests), first_screen=first))
                self.present |= self.shapes[-1].keys
        self._value_key = functools.lru_cache(maxsize=None)(self.reads.value_key)
        self.one_per_context = self._one_per_context()

    def has(self, key: Key) -> bool:
        return key in self.present

    def _one_per_context(self) -> dict[tuple[str, bool], dict[Key, list[tuple[Shape, Tag]]]]:
        """{(what a selector reads, first screen only): {index key: [(shape, element)]}}: one
        element per distinct context. What a selector that reads only an element and its
        ancestors ("ancestors", selector_context) sees of an element: the tag and attributes
        (values as the page shapes keep them) of it and of each ancestor. One that reads
        their siblings too ("siblings"): the same of every child of each of their parents, and
        which child each is. Such a selector gives every element of a context the same answer."""
        one: dict[tuple[str, bool], dict[int, tuple[Shape, Tag]]] = {
            (reads, first): {} for reads in ("ancestors", "siblings") for first in (False, True)}
        own_ids: dict[object, int] = {}
        context_ids: dict[object, int] = {}
        for shape in self.shapes:
            own: dict[int, int] = {}
            context: dict[int, tuple[int, int]] = {}
            children: dict[int, tuple[int, dict[int, int]]] = {}
            for element in shape.elements:
                own[id(element)] = own_ids.setdefault(
                    (element.name, tuple(sorted((name, self._value_key(name, _joined(value)))
                                                for name, value in element.attrs.items()))), len(own_ids))
            for element in shape.elements:
                parent = element.parent
                if id(parent) not in children:
                    tags = [child for child in parent.children if child.name]  # type: ignore[union-attr]
                    children[id(parent)] = (own_ids.setdefault(tuple(own[id(child)] for child in tags), len(own_ids)),
                                            {id(child): position for position, child in enumerate(tags)})
                parent_ancestors, parent_siblings = context.get(id(parent), (None, None))
                children_of_parent, position = children[id(parent)]
                ancestors = context_ids.setdefault(("ancestors", parent_ancestors, own[id(element)]), len(context_ids))
                siblings = context_ids.setdefault(
                    ("siblings", parent_siblings, children_of_parent, position[id(element)]), len(context_ids))
                context[id(element)] = ancestors, siblings
                one["ancestors", False].setdefault(ancestors, (shape, element))
                one["siblings", False].setdefault(siblings, (shape, element))
                if id(element) in shape.first_screen:
                    one["ancestors", True].setdefault(ancestors, (shape, element))
                    one["siblings", True].setdefault(siblings, (shape, element))
        index: dict[tuple[str, bool], dict[Key, list[tuple[Shape, Tag]]]] = {}
        for where, elements in one.items():
            by_key: dict[Key, list[tuple[Shape, Tag]]] = {}
            index[where] = by_key
            for shape, element in elements.values():
                for key in shape.keys_of[id(element)]:
                    if key[0] != "value":    # no selector's subject (subject_key)
                        by_key.setdefault(key, []).append((shape, element))
        return index


class ScriptNames:
    """Classes, attributes and elements the scripts can add: a class the scripts spell out (or,
    for a BEM modifier built from parts, its `block` and `--modifier`) on a component
    the pages have (its block class is on some page) or that a feature the site turns
    on builds (material_coupling.script_built_blocks); a data-*, aria-* or boolean
    attribute they spell, on an element the pages have. So Material's tooltips,
    annotations and version menu, which the site does not use, go."""

    def __init__(self, scripts: Iterable[str], pages: Pages, built_blocks: Iterable[str] = ()) -> None:
        self.built_blocks = set(built_blocks)
        self.words: set[str] = set()
        for text in scripts:
            word: list[str] = []
            for char in text + " ":
                if char.isalnum() or char in "-_":
                    word.append(char)
                elif word:
                    self.words.add("".join(word))
                    word = []
        self.pages = pages

    def spelled(self, name: str) -> bool:
        if name in self.words:
            return True
        block, dashes, modifier = name.rpartition("--")
        return bool(dashes and block in self.words and dashes + modifier in self.words)

    def can_add_class(self, name: str) -> bool:
        block = name.split("__")[0].split("--")[0]
        return self.spelled(name) and (block in self.pages.names["class"] or block in self.built_blocks)

    def can_add_attribute(self, name: str, value: str | None) -> bool:
        return (name.startswith(SCRIPT_ATTRIBUTES) and self.spelled(name) and name in self.pages.names["attr"]
                and (value is None or self.spelled(value)))


# --- selectors ---------------------------------------------------------------------

def split_selectors(prelude: Iterable[Node]) -> list[Selector]:
    """A rule's selector list as one token list per selector (commas inside :is() stay)."""
    selectors: list[Selector] = []
    current: Selector = []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    selectors.append(current)
    return [selector for selector in selectors if tinycss2.serialize(selector).strip()]


def _joined(value: str | list[str]) -> str:
    return " ".join(value) if isinstance(value, list) else value


def equal_values(selector: Iterable[Node]) -> list[Key]:
    """(attribute, value casefolded) of the selector's top-level [name=value] tests: an
    element of the same page must have that value (in any case) for it to match."""
    found: list[Key] = []
    for token in selector:
        if token.type == "[] block":
            parts = [part for part in token.content if part.type != "whitespace"]
            if (len(parts) == 3 and parts[0].type == "ident" and parts[1].type == "literal"
                    and parts[1].value == "=" and parts[2].type in ("ident", "string")):
                found.append(("value", parts[0].lower_value, parts[2].value.casefold()))
    return found


def _attribute(block: Node) -> tuple[str, str | None]:
    """(name, value or None) of an attribute selector's [...] block."""
    idents = [token for token in block.content if token.type in ("ident", "string")]
    has_value = any(token.type == "literal" and token.value.endswith("=") for token in block.content)
    name = idents[0].value if idents else ""
    return name, (idents[-1].value if has_value and len(idents) > 1 else None)


def rewrite(selector: Iterable[Node], keep_states: bool) -> str | None:
    """The selector as soupsieve can match it on a served page, or None.

    Pseudo-elements become :is(*) (the element itself). States become :is(*) unless
    keep_states (then a vendor state makes the selector unmatchable: None).
    """
    out: list[Node] = []
    tokens, i = list(selector), 0
    while i < len(tokens):
        token, following = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None
        if token.type == "literal" and token.value == ":" and following is not None:
            if following.type == "literal" and following.value == ":":   # ::pseudo-element
                out += ANY
                i += 3
                continue
            name = following.lower_value if following.type == "ident" else None
            if name in LEGACY_PSEUDO_ELEMENTS or (name and not keep_states and (name in STATES or name[0] == "-")):
                out += ANY
                i += 2
                continue
            if name and name[0] == "-":
                return None
            if following.type == "function" and following.lower_name.startswith("-"):
                return None if keep_states else tinycss2.serialize(ANY)
            out += [token, following]
            i += 2
            continue
        out.append(token)
        i += 1
    return tinycss2.serialize(out).strip()


def names(selector: Iterable[Node]) -> list[Name]:
    """The classes, ids, attributes (name, value) and tags a selector requires (outside :not() and the like)."""
    found: list[Name] = []
    tokens = list(selector)
    for position, token in enumerate(tokens):
        previous = tokens[position - 1] if position else None
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if token.type == "literal" and token.value == "." and following is not None and following.type == "ident":
            found.append(("class", following.value))
        elif token.type == "hash" and token.is_identifier:
            found.append(("id", token.value))
        elif token.type == "[] block":
            found.append(("attr", _attribute(token)))
        elif token.type == "ident" and not (previous is not None and previous.type == "literal"
                                            and previous.value in (".", ":")):
            found.append(("tag", token.lower_value))
    return found


COMBINATORS = {">", "+", "~"}


def ancestor_requirements(tokens: Iterable[Node]) -> set[Key]:
    """Keys that ancestors of an element must have for the selector to match it: those of
    the compounds joined to the subject by descendant or child combinators."""
    compounds: list[list[Node]] = [[]]
    combinators: list[str] = []
    for token in tokens:
        if token.type == "whitespace" or (token.type == "literal" and token.value in COMBINATORS):
            if compounds[-1]:
                compounds.append([])
                combinators.append(" ")
            if token.type == "literal":
                combinators[-1] = token.value
        else:
            compounds[-1].append(token)
    if not compounds[-1]:
        compounds.pop()
        combinators = combinators[:len(compounds) - 1]
    required: set[Key] = set()
    for compound, combinator in zip(reversed(compounds[:-1]), reversed(combinators)):
        if combinator not in (" ", ">"):
            break
        required.update((kind, name[0] if kind == "attr" else name) for kind, name in names(compound))
        required.update(equal_values(compound))
    return required


PSEUDO_SIBLINGS = {"nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type", "first-child", "last-child",
                   "only-child", "first-of-type", "last-of-type", "only-of-type"}


def selector_context(tokens: Sequence[Node]) -> str | None:
    """What a selector (tinycss2 tokens) reads around its subject: "ancestors" (the
    subject and its ancestors only), "siblings" (and the siblings of those, as a sibling
    combinator or :nth-child() does), or None (children or text too: :has(), :empty, …)."""
    found = "ancestors"
    for position, token in enumerate(tokens):
        if token.type == "literal" and token.value in ("+", "~"):
            found = "siblings"
        elif token.type == "literal" and token.value == ":":
            following = tokens[position + 1] if position + 1 < len(tokens) else None
            if following is None or following.type not in ("ident", "function"):
                return None
            name = following.lower_value if following.type == "ident" else following.lower_name
            if name in PSEUDO_SIBLINGS:
                found = "siblings"
            elif name not in PSEUDO_NEVER and not (following.type == "function" and name in PSEUDO_LOGICAL):
                return None
        elif token.type == "function":
            inner = selector_context(token.arguments)
            if inner is None:
                return None
            found = "siblings" if inner == "siblings" else found
        elif token.type in ("() block", "{} block"):
            return None
    return found


def subject_key(tokens: Sequence[Node]) -> Key:
    """Index key of the elements a selector can match: its last compound's class, id,
    attribute or tag (("all", "") when it names none)."""
    start = 0
    for position, token in enumerate(tokens):
        if token.type == "whitespace" or (token.type == "literal" and token.value in COMBINATORS):
            start = position + 1
    compound = tokens[start:]
    for position, token in enumerate(compound):
        following = compound[position + 1] if position + 1 < len(compound) else None
        if token.type == "literal" and token.value == "." and following is not None and following.type == "ident":
            return ("class", following.value)
        if token.type == "hash" and token.is_identifier:
            return ("id", token.value)
    for token in compound:
        if token.type == "[] block":
            return ("attr", _attribute(token)[0])
    if compound and compound[0].type == "ident":
        return ("tag", compound[0].lower_value)
    if compound and compound[0].type == "literal" and compound[0].value == ":" and len(compound) > 1 \
            and compound[1].type == "ident" and compound[1].lower_value == "root":
        return ("tag", "html")
    return ("all", "")


def _compile(text: str) -> soupsieve.SoupSieve | None:
    try:
        return soupsieve.compile(text)
    except (soupsieve.SelectorSyntaxError, NotImplementedError, ValueError):
        return None


def _soupsieve_supports(pseudo: str) -> bool:
    return any(_compile(f":{pseudo}{arguments}") is not None for arguments in ("", "(a)", "(1)"))


def stylesheet_reads(*stylesheets: str) -> SelectorReads:
    """What the selectors of these stylesheets read of a page, as the purge and the first-screen
    CSS compile them: Pages(…, reads) may match each page shape once for them."""
    texts: set[str] = set()
    for css in stylesheets:
        def collect(rules: Iterable[Node]) -> None:
            for rule in rules:
                if rule.type == "qualified-rule":
                    for selector in split_selectors(rule.prelude):
                        texts.update(text for text in (rewrite(selector, False), rewrite(selector, True)) if text)
                elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPS and rule.content is not None:
                    collect(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
        collect(parse(css))
    return selector_reads(texts, _soupsieve_supports)


class Matcher:
    """Answers, with a cache, whether a selector applies on some page."""

    cache: dict[tuple[str, str], bool]
    unparsed: set[str]

    def __init__(self, pages: Pages, scripts: Iterable[str] = (), built_blocks: Iterable[str] = ()) -> None:
        self.pages, self.scripts = pages, ScriptNames(scripts, pages, built_blocks)
        self.cache, self.unparsed = {}, set()

    def _matches(self, selector: Selector, rewritten: str | None, first_screen: bool) -> bool:
        """Does the rewritten selector match an element of some page (of its first screen)?
        A selector that reads only its subject's ancestors (or their siblings) is tried on one
        element per context over all pages (Pages._one_per_context); any other, on the pages
        that have every class, id, attribute and tag it names."""
        if rewritten is None:
            return False
        compiled = _compile(rewritten)
        if compiled is None:
            self.unparsed.add(rewritten)
            return not first_screen     # purge keeps what it cannot read; critical leaves it for later
        if not self.pages.reads.covers(selector_reads([rewritten], _soupsieve_supports)):
            raise ValueError(f"{rewritten}: reads more of a page than the page shapes keep "
                             "(build Pages with stylesheet_reads of every stylesheet it matches)")
        required: set[Key] = {(kind, name[0] if kind == "attr" else name) for kind, name in names(selector)}
        required.update(equal_values(selector))
        if not required <= self.pages.present:
            return False
        tokens = list(tinycss2.parse_component_value_list(rewritten))
        subject, above = subject_key(tokens), ancestor_requirements(tokens)
        context = selector_context(tokens)
        if context:
            return any((not above or above <= shape.above(element)) and compiled.match(element)
                       for shape, element in self.pages.one_per_context[context, first_screen].get(subject, ()))
        for shape in self.pages.shapes:
            if not required <= shape.keys or first_screen and not shape.first_screen:
                continue
            for element in shape.by_key.get(subject, ()):
                if ((not first_screen or id(element) in shape.first_screen)
                        and (not above or above <= shape.above(element)) and compiled.match(element)):
                    return True
        return False

    def usable(self, selector: Selector) -> bool:
        """Could this selector ever apply (purge)?"""
        key = ("usable", tinycss2.serialize(selector))
        if key not in self.cache:
            self.cache[key] = ((self._names_present(selector) and self._matches(selector, rewrite(selector, False), False))
                               or self._script_can_match(selector))
        return self.cache[key]

    def _names_present(self, selector: Selector) -> bool:
        return all(self.pages.has((kind, name[0] if kind == "attr" else name)) for kind, name in names(selector))

    def _script_can_match(self, selector: Selector) -> bool:
        """A class, attribute or element of the selector is one a script adds (search
        results' <mark>, for one), and the page has the others."""
        by_script = False
        for kind, name in names(selector):
            if kind == "class" and self.scripts.can_add_class(name):
                by_script = True
            elif kind == "attr" and self.scripts.can_add_attribute(*name):
                by_script = True
            elif self.pages.has((kind, name[0] if kind == "attr" else name)):
                continue
            elif kind == "tag" and self.scripts.spelled(name):
                by_script = True
            else:
                return False
        return by_script

    def on_first_screen(self, selector: Selector) -> bool:
        """Does this selector style a first-screen element of some page as served?"""
        key = ("first", tinycss2.serialize(selector))
        if key not in self.cache:
            self.cache[key] = self._names_present(selector) and self._matches(selector, rewrite(selector, True), True)
        return self.cache[key]


# --- stylesheets -------------------------------------------------------------------

GROUPS = {"media", "supports", "layer", "container"}


def _filter_rules(rules: Iterable[Node], keep_selector: Callable[[Selector], bool], trim: bool,
                  screen_only: bool = False) -> str:
    """Serialized CSS of the rules whose selectors pass; trim drops the failing ones from a list."""
    out: list[str] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = split_selectors(rule.prelude)
            kept = [selector for selector in selectors if keep_selector(selector)]
            if not kept:
                continue
            prelude = (",".join(tinycss2.serialize(s).strip() for s in kept) if trim
                       else tinycss2.serialize(rule.prelude).strip())
            out.append(prelude + "{" + tinycss2.serialize(rule.content).strip() + "}")
        elif screen_only and rule.type == "at-rule" and (rule.lower_at_keyword not in GROUPS or
                                                          tinycss2.serialize(rule.prelude).strip() == "print"):
            continue   # @page, @keyframes, @media print: not needed for the first paint on a screen
        elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPS and rule.content is not None:
            inner = _filter_rules(tinycss2.parse_rule_list(rule.content), keep_selector, trim, screen_only)
            if inner:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude).rstrip()}{{{inner}}}")
        elif rule.type == "at-rule":
            out.append(tinycss2.serialize([rule]).strip())
        elif rule.type == "error":
            raise ValueError(f"CSS the parser cannot read: {rule.message} (line {rule.source_line})")
    return "".join(out)


def parse(css: str) -> list[Node]:
    return tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)


def purge(css: str, matcher: Matcher) -> str:
    """The rules of `css` that could apply on the site; unused selectors leave their lists."""
    return _filter_rules(parse(css), matcher.usable, trim=True)


def critical(css: str, matcher: Matcher) -> str:
    """The rules of `css` that style some page's first screen as served."""
    return _filter_rules(parse(css), matcher.on_first_screen, trim=True, screen_only=True)


# --- custom properties -------------------------------------------------------------

def _declarations(rules: Iterable[Node]) -> Iterator[Node]:
    """Every declaration of a stylesheet's rules (inside @media and the like too)."""
    for rule in rules:
        if rule.type == "qualified-rule":
            yield from (item for item in tinycss2.parse_blocks_contents(rule.content)
                        if item.type == "declaration")
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in GROUPS:
            yield from _declarations(tinycss2.parse_rule_list(rule.content))


def _var_references(tokens: Iterable[Node]) -> Iterator[str]:
    for token in tokens:
        if token.type == "function" and token.lower_name == "var":
            names = [item.value for item in token.arguments if item.type == "ident"]
            if names:
                yield names[0]
        if getattr(token, "content", None) is not None and token.type != "function":
            yield from _var_references(token.content)
        if token.type == "function":
            yield from _var_references(token.arguments)


def used_custom_properties(css: str, scripts: Iterable[str] = ()) -> set[str]:
    """Custom properties (--name) that a non-custom declaration reads, directly or
    through other custom properties, or that a script names."""
    declarations = list(_declarations(parse(css)))
    reads: dict[str, set[str]] = {}
    used: set[str] = set()
    for declaration in declarations:
        references = set(_var_references(declaration.value))
        if declaration.name.startswith("--"):
            reads.setdefault(declaration.name, set()).update(references)
        else:
            used |= references
    text = "\n".join(scripts)
    used |= {name for name in reads if name in text}
    pending = list(used)
    while pending:
        for name in reads.get(pending.pop(), ()):
            if name not in used:
                used.add(name)
                pending.append(name)
    return used


def without_unused_custom_properties(css: str, used: Collection[str]) -> str:
    """The stylesheet without the custom property declarations nothing reads."""
    def declarations(content: Iterable[Node]) -> str:
        kept: list[str] = []
        for item in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
            if item.type == "declaration" and not (item.name.startswith("--") and item.name not in used):
                important = "!important" if item.important else ""
                value = tinycss2.serialize(item.value).strip()
                kept.append(f"{item.name}:{value}{important}")
            elif item.type != "declaration":
                kept.append(tinycss2.serialize([item]).strip())
        return ";".join(kept)

    def rules(items: Iterable[Node]) -> str:
        out: list[str] = []
        for rule in items:
            if rule.type == "qualified-rule":
                body = declarations(rule.content)
                if body:
                    out.append(tinycss2.serialize(rule.prelude).strip() + "{" + body + "}")
            elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in GROUPS:
                inner = rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
                if inner:
                    out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude).rstrip()}{{{inner}}}")
            else:
                out.append(tinycss2.serialize([rule]).strip())
        return "".join(out)

    return rules(parse(css))


# --- the built site ----------------------------------------------------------------

# main.html writes this in <head>; the build puts the critical <style> in its place.
CRITICAL_PLACEHOLDER = "<!-- site:critical-css -->"
# Beside every <folder>/index.html that inlines it: the same page with a <link> to the whole
# stylesheet in its place. nginx serves it for a link tapped inside the site (Sec-Fetch-Site
# same-origin, Sec-Fetch-User ?1: the previous page loaded that stylesheet, so it is cached),
# and index.html for everything else (deploy/nginx/site.conf). Issue 23: repeat views.
LITE_PAGE = "index.lite.html"


def _fingerprinted(site_dir: Path, path: Path, text: str) -> Path:
    """Write text next to path under a name with its own content hash (main.<hash>.min.css)."""
    digest = content_hash(text)
    stem = path.name.split(".")[0]
    return write_site_file(site_dir, path.with_name(f"{stem}.{digest}.min.css").relative_to(site_dir), text)


def first_paint_css(site_dir: str | Path, stylesheet: str, purge_css: bool = True,
                    built_blocks: Iterable[str] = ()) -> dict[str, Any]:
    """Purge Material's stylesheet (site path `stylesheet`) against the built site, join
    site.<hash>.css to it (one file: the cascade changes at once when it arrives), write it
    under a new fingerprinted name that every page then links, and put the first screen's
    CSS inline in every page that has the placeholder, with its in-site variant (LITE_PAGE)
    beside it. Returns what it did, with sizes.

    built_blocks: class blocks that scripts build whole (no page has them before).
    purge_css=False joins the stylesheets but purges and inlines nothing (the reference
    build of the visual regression test)."""
    site_dir = Path(site_dir)
    source = site_dir / stylesheet
    html_files = sorted(site_dir.rglob("*.html"))
    css = source.read_text(encoding="utf-8")
    site_css = "".join(path.read_text(encoding="utf-8") for path in sorted(site_dir.glob("assets/site.*.css")))
    critical_css, purged = "", css
    if purge_css:
        ours = [path.read_text(encoding="utf-8") for path in sorted((site_dir / "assets").rglob("*.css"))
                if "stylesheets" not in path.parts]
        scripts = [path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("*.js"))]
        # Only the pages that inline the first screen's CSS (main.html's placeholder) need it:
        # embed views, flyers and the offline page link the stylesheet.
        pages = Pages((path.read_text(encoding="utf-8") for path in html_files), stylesheet_reads(css, site_css),
                      served_first=lambda html: CRITICAL_PLACEHOLDER in html)
        matcher = Matcher(pages, scripts, built_blocks)
        purged = purge(css, matcher)
        purged = without_unused_custom_properties(purged, used_custom_properties(purged + "".join(ours), scripts))
        critical_css = critical(purged + site_css, matcher)
        critical_css = without_unused_custom_properties(critical_css, used_custom_properties(critical_css, scripts))
        register_style(critical_css)
    target = _fingerprinted(site_dir, source, purged + "\n" + site_css)
    for stale in (source, source.with_name(source.name + ".map")):
        stale.unlink(missing_ok=True)
    inline = f"<style>{critical_css}</style>" if critical_css else ""
    lite_pages = 0
    for path in html_files:
        text = path.read_text(encoding="utf-8")
        changed = text.replace(source.name, target.name)
        if changed.count(CRITICAL_PLACEHOLDER) > 1:
            raise ValueError(f"{path.relative_to(site_dir)}: the critical CSS placeholder is there "
                             f"{changed.count(CRITICAL_PLACEHOLDER)} times, not once")
        if critical_css and CRITICAL_PLACEHOLDER in changed and path.name == "index.html":
            lite = changed.replace(CRITICAL_PLACEHOLDER, f'<link rel="stylesheet" href="{_href_of(changed, target.name, path)}">')
            write_site_file(site_dir, path.with_name(LITE_PAGE).relative_to(site_dir), lite)
            lite_pages += 1
        changed = changed.replace(CRITICAL_PLACEHOLDER, inline)
        if changed != text:
            write_site_file(site_dir, path.relative_to(site_dir), changed)
    return {"stylesheet": target.relative_to(site_dir).as_posix(), "critical": critical_css,
            "before": len(css), "after": len(purged), "lite_pages": lite_pages}


def _href_of(page: str, file_name: str, path: Path) -> str:
    """The href the page links `file_name` with (main.html links the whole stylesheet at the end of <body>)."""
    end = page.find(file_name + '"')
    start = page.rfind('href="', 0, end) if end >= 0 else -1
    if start < 0 or "<" in page[start:end] or ">" in page[start:end]:
        raise ValueError(f"{path}: no <link href> to {file_name} for the in-site variant to reuse")
    return page[start + len('href="'):end + len(file_name)]
