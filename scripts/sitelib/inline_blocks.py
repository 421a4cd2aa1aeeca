"""Inline <script> and <style> blocks: only the site's own templates and build code
may put them in a page, and only theirs are allowed by the Content-Security-Policy.

Where the allowed blocks come from:
- Templates. Every <script> (of a JavaScript type, without src) and <style> written
  in a Jinja template, Material's and ours, registers its text as it renders: the
  build wraps the template loader (track_template_blocks), which puts each such
  block's body inside `{% filter inline_script %}` / `{% filter inline_style %}`.
- Build code. Code that writes an inline block into a page itself (a generated
  critical CSS, say) registers the exact text with register_script(text) or
  register_style(text), from a plugin, before the page is written.
Page text, front matter and interface strings reach templates as values, never as
template source, so they cannot register anything.

After the build, audit_site() reads every HTML file. Any inline script or <style>
that was not registered, and any style="…", on…= handler or javascript: URL
(inline code the policy never allows), fails the build, naming the file. The CSP
then lists the hashes of the registered blocks that the pages contain.
"""
import base64
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar
from xml.etree import ElementTree

from jinja2 import BaseLoader, Environment
from selectolax.lexbor import LexborHTMLParser

JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript",
            "application/ecmascript", "text/jscript", "text/livescript", "application/x-javascript"}
TEMPLATE_BLOCK = re.compile(r"(<(script|style)\b([^>]*)>)(.*?)(</\2\s*>)", re.S | re.I)
TYPE_ATTRIBUTE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.I)
SCRIPT_URL = re.compile(r"^\s*(?:javascript|vbscript)\s*:", re.I)

_registered: dict[str, set[str]] = {"script": set(), "style": set()}
T = TypeVar("T")


def sha256(text: str) -> str:
    """The CSP source expression of an inline block: 'sha256-<base64>'."""
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def reset() -> None:
    """Forget what the last build registered (at the start of each build)."""
    for hashes in _registered.values():
        hashes.clear()


def register_script(text: T) -> T:
    """Allow one inline script, exactly this text; returns it unchanged."""
    _registered["script"].add(sha256(str(text)))
    return text


def register_style(text: T) -> T:
    """Allow one inline <style> body, exactly this text; returns it unchanged."""
    _registered["style"].add(sha256(str(text)))
    return text


def registered(kind: str) -> set[str]:
    return set(_registered[kind])


def is_javascript(type_value: str | None) -> bool:
    return (type_value or "").strip().lower().split(";")[0] in JS_TYPES


def mark_template_blocks(source: str) -> str:
    """Template source with each inline script (JavaScript, no src) and <style> body
    wrapped in the filter that registers it."""
    def wrap(match: re.Match[str]) -> str:
        opening, kind, attributes, body, closing = match.groups()
        kind = kind.lower()
        if kind == "script":
            if re.search(r"\bsrc\s*=", attributes, re.I):
                return match.group(0)
            found = TYPE_ATTRIBUTE.search(attributes)
            if not is_javascript(found.group(1) if found else ""):
                return match.group(0)
        return f"{opening}{{% filter inline_{kind} %}}{body}{{% endfilter %}}{closing}"
    return TEMPLATE_BLOCK.sub(wrap, source)


class TemplateBlocksLoader(BaseLoader):
    """Wraps a Jinja loader: templates load with their inline blocks marked."""

    def __init__(self, inner: BaseLoader) -> None:
        self.inner = inner

    def get_source(self, environment: Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        return mark_template_blocks(source), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


def track_template_blocks(env: Environment) -> Environment:
    """Make every template of this Jinja environment register its inline blocks."""
    env.filters["inline_script"] = register_script
    env.filters["inline_style"] = register_style
    if not isinstance(env.loader, TemplateBlocksLoader):
        env.loader = TemplateBlocksLoader(env.loader)  # type: ignore[arg-type]  # MkDocs' environment has a loader
    if env.cache is not None:
        env.cache.clear()
    return env


# --- the audit of the output ---

class InlineCodeError(Exception):
    """Inline code in the output that the site's templates did not write."""


def inline_code(html: str) -> tuple[list[tuple[str, str]], list[str]]:
    """What a page would run or style inline: ([(kind, text)], [problems]).

    kind is "script" or "style"; problems are handlers, style attributes and
    javascript: URLs, which the policy never allows.
    """
    blocks: list[tuple[str, str]] = []
    problems: list[str] = []
    tree = LexborHTMLParser(html)
    for node in tree.root.traverse(include_text=False):  # type: ignore[union-attr]  # a parsed page has a root
        tag = node.tag or ""
        if tag.startswith(("-", "_")):
            continue
        attributes = node.attributes
        if tag == "script" and "src" not in attributes and is_javascript(attributes.get("type")):
            blocks.append(("script", node.text(deep=True)))
        elif tag == "style":
            blocks.append(("style", node.text(deep=True)))
        for name, value in attributes.items():
            name = name.lower()
            if name.startswith("on"):
                problems.append(f"event handler {name}= on <{tag}>")
            elif name == "style":
                problems.append(f"style= attribute on <{tag}>")
            elif name in ("href", "src", "action", "formaction", "xlink:href") and SCRIPT_URL.match(
                    re.sub(r"[\t\n\r]", "", value or "")):
                problems.append(f"javascript: URL in <{tag} {name}=…>")
    return blocks, problems


def _html_strings(value: object) -> Iterator[str]:
    """HTML fragments inside a JSON value (strings that contain a tag)."""
    if isinstance(value, str):
        if "<" in value:
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _html_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _html_strings(item)


def output_fragments(path: Path) -> list[str]:
    """The HTML a built file carries: the page itself, or the HTML inside a JSON or XML feed."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return [text]
    if path.suffix == ".json":
        return list(_html_strings(json.loads(text)))
    if path.suffix == ".xml":
        root = ElementTree.fromstring(text)
        return [element.text for element in root.iter() if element.text and "<" in element.text]
    return []


def audit_site(site_dir: str | Path, scripts: Iterable[str] | None = None,
               styles: Iterable[str] | None = None) -> tuple[list[str], list[str]]:
    """Check every page and feed of a built site; return (script hashes, style hashes) in use.

    scripts/styles: the allowed hashes (default: what this build registered).
    Raises InlineCodeError naming the file for anything else.
    """
    site_dir = Path(site_dir)
    allowed = {"script": registered("script") if scripts is None else set(scripts),
               "style": registered("style") if styles is None else set(styles)}
    used: dict[str, set[str]] = {"script": set(), "style": set()}
    files = sorted(p for p in site_dir.rglob("*") if p.suffix in (".html", ".json", ".xml") and p.is_file())
    for path in files:
        shown = path.relative_to(site_dir).as_posix()
        for fragment in output_fragments(path):
            blocks, problems = inline_code(fragment)
            if problems:
                raise InlineCodeError(f"{shown}: {problems[0]}; the site's security policy blocks inline code")
            for kind, text in blocks:
                digest = sha256(text)
                if path.suffix != ".html" or digest not in allowed[kind]:
                    raise InlineCodeError(
                        f"{shown}: an inline <{kind}> that no template or build step registered: "
                        f"{' '.join(text.split())[:120]!r}. Inline code must come from a template "
                        "(see scripts/sitelib/inline_blocks.py)")
                used[kind].add(digest)
    return sorted(used["script"]), sorted(used["style"])
