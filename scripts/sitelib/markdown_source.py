"""Read a Markdown page: front matter (with line numbers in errors) and markdown-it tokens."""
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from .source_errors import SourceError


def parser():
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(admon_plugin)


def split_front_matter(text, path):
    """Return (meta dict, body, number of lines before the body)."""
    if not text.startswith("---\n"):
        return {}, text, 0
    end = text.find("\n---\n", 4)
    if end < 0:
        raise SourceError(path, 1, "front matter starts with '---' but never ends with '---'")
    raw = text[4:end]
    try:
        meta = yaml.safe_load(raw) or {}
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 2 if error.problem_mark else 1
        raise SourceError(path, line, f"broken front matter: {error.problem}")
    if not isinstance(meta, dict):
        raise SourceError(path, 2, "front matter must be key: value pairs")
    offset = raw.count("\n") + 3
    return meta, text[end + 5:], offset


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
