"""A Markdown extension (mkdocs.yml, markdown_extensions) that checks the attributes
page text gives elements, at the moment attr_list has given them.

attr_list turns `{ #id .class key="value" }` into attributes. Most of them reach the
rendered page, where the sanitizer checks them; some are taken off by another
extension first: toc removes `data-toc-label` from a heading and prints it in the
table of contents. So every attribute of every element Markdown made is checked
right after attr_list (priority 8) and before toc (5) and the rest, with the
sanitizer's own allowlist (sanitizer.attribute_problem), and every heading below
the page title must have an id by then (toc would make one up from the text).
"""
import re
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .sanitizer import DANGEROUS, Problem, attribute_problem
from .source_errors import SourceError

HEADINGS = {"h2", "h3", "h4", "h5", "h6"}


class PageTextError(SourceError):
    """Found while the page renders; source_guard.check_source names the file and line."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__("page text", None, problem.message)


def element_problem(element: Element) -> Problem | None:
    """What page text may not give this element (an ElementTree element), or None."""
    attributes = dict(element.attrib)
    for name, value in sorted(attributes.items(), key=lambda item: not DANGEROUS.match(item[0])):
        problem = attribute_problem(element.tag, name, value, attributes)
        if problem:
            return problem
    if element.tag in HEADINGS and "id" not in attributes:
        level = int(element.tag[1])
        text = " ".join("".join(element.itertext()).split())
        return Problem(f"heading '{'#' * level} {text}' has no id; end it with {{ #short-english-id }}, "
                       "the same id in every language",
                       (rf"(?m)^[ \t>]*#{{{level}}}[ \t]*{re.escape(text[:40])}", re.escape(text[:40])))
    return None


class AttributeCheck(Treeprocessor):
    def run(self, root: Element) -> None:
        for element in root.iter():
            if isinstance(element.tag, str):
                problem = element_problem(element)
                if problem:
                    raise PageTextError(problem)


class PageAttributes(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(AttributeCheck(md), "site_page_attributes", 6)


def makeExtension(**kwargs: Any) -> PageAttributes:  # noqa: N802 (Python-Markdown's name)
    return PageAttributes(**kwargs)
