"""Read a Markdown page: front matter (with line numbers in errors) and markdown-it tokens.
Every part of the project that reads front matter uses split_front_matter()."""
import re
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from .source_errors import SourceError
from .yaml_safe import safe_load

FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
COMMENT = re.compile(r"<!--.*?-->", re.S)


def parser():
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(admon_plugin)


def split_front_matter(text, path):
    """Return (meta dict, body, number of lines before the body).

    Raises SourceError with the line of a YAML error or an unclosed block.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return {}, text, 0
    for end in range(1, len(lines)):
        if FRONT_MATTER_END.match(lines[end]):
            break
    else:
        raise SourceError(path, 1, "front matter starts with '---' but has no closing '---' line")
    block = "\n".join(lines[1:end])
    try:
        meta = safe_load(block)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise SourceError(path, line, f"front matter is not valid YAML: {problem}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise SourceError(path, 2, "front matter must be 'key: value' lines")
    return meta, "\n".join(lines[end + 1:]), end + 1


def blank(text):
    """The same text with every character but line breaks turned into spaces."""
    return re.sub(r"[^\n]", " ", text)


def mask_code_and_comments(body):
    """Blank out fenced code, inline code and HTML comments, keeping line numbers.

    An approximation of Markdown, good for finding lines; never a security check
    (the sanitizer checks the HTML that Markdown really makes)."""
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


def read_page(path):
    """Return (meta, tokens) where token.map line numbers are 0-based file lines."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    meta, body, offset = split_front_matter(text, path)
    tokens = parser().parse(body)
    for token in tokens:
        if token.map:
            token.map = [token.map[0] + offset, token.map[1] + offset]
    return meta, tokens
