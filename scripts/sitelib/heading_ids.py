"""The one reader of heading ids: `## Title { #id .class key="value" }`.

Python-Markdown's attr_list puts a `{ … }` (or `{: … }`) at the end of a heading;
its `#name` token is the heading's id. The structure check (outline.py), the
source guard and the translation tools all read ids through this module, so a
heading that one of them accepts, the others read the same way.
"""
import re

# A trailing attribute list, optionally followed by closing #s: "Title { #id .x }".
# It starts at a brace, so a search tries each `{` once: linear in the text (a
# leading `[ \t]*` would rescan every run of spaces from each of its positions).
ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}[ \t]*#*[ \t]*$")
# Tokens inside it: bare words, or key="quoted value" (a quoted "#x" is no id).
TOKEN = re.compile(r"""(?:[^\s"']+|"[^"]*"|'[^']*')+""")
ID_TOKEN = re.compile(r"#([A-Za-z][\w-]*)")


def split_heading(text):
    """('Title', 'id' or None, ' { #id }') for a heading's text after the #s.

    The third part is the attribute list exactly as written (empty when there is
    none), so title + attributes gives back the original text.
    """
    match = ATTR_LIST.search(text)
    if not match:
        return text.rstrip(), None, text[len(text.rstrip()):]
    start = len(text[:match.start()].rstrip(" \t"))
    heading_id = None
    for token in TOKEN.findall(match.group(1)):
        found = ID_TOKEN.fullmatch(token)
        if found:
            heading_id = found.group(1)
    return text[:start], heading_id, text[start:]


def heading_id(text):
    """The `#id` of a heading's text, or None."""
    return split_heading(text)[1]


def without_attributes(text):
    """The heading's text without its `{ … }` attribute list."""
    return split_heading(text)[0]
