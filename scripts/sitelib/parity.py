"""A translation sends readers where its Norwegian source does, and keeps its phone numbers.

Both pages are rendered as the build renders them (site_renderer: Python-Markdown
with the site's extensions), so a link written as raw HTML, in an `md_in_html`
block or as a reference counts as much as a Markdown link:
- the other sites a translation links to are the sites its source links to, host
  for host (read as a browser reads the address, urls.external_host). A lookalike
  such as helsenorge.no.example.invalid, or a new host, fails naming the line.
  Where an organisation has its own address for the reader's language, mkdocs.yml
  lists it once, in extra.translated_link_hosts: {source host: [hosts a translation
  may link instead]};
- every phone number of the source (phone_numbers.phone_like, in any spacing) is in
  the translation as often.
"""
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from .markdown_source import split_front_matter
from .phone_numbers import dropped_numbers
from .sanitizer import find_line
from .urls import external_host, page_base

CONFIG_KEY = "translated_link_hosts"


@lru_cache(maxsize=None)
def configured_alternatives() -> dict[str, frozenset[str]]:
    """{source host: frozenset of hosts a translation may link instead} from mkdocs.yml."""
    from .site_config import load_mkdocs_yml

    return alternatives(load_mkdocs_yml()["extra"])


def alternatives(extra: Mapping[str, Any] | None) -> dict[str, frozenset[str]]:
    listed = (extra or {}).get(CONFIG_KEY) or {}
    return {str(host).lower(): frozenset(str(other).lower() for other in (others or [])) for host, others in listed.items()}


def _rendered(path: str | Path) -> tuple[str, str, set[str]]:
    from selectolax.lexbor import LexborHTMLParser

    from .source_guard import site_renderer

    text = Path(path).read_text(encoding="utf-8-sig")
    _, body, _ = split_front_matter(text, path)
    html = site_renderer()(body)
    base = page_base("/".join(Path(path).parts[-2:]))
    hosts = [external_host(node.attributes.get("href") or "", base) for node in LexborHTMLParser(html).css("a[href]")]
    return text, html, {host.lower() for host in hosts if host}


def parity_problems(source_path: str | Path, translation_path: str | Path,
                    hosts: Mapping[str, frozenset[str]] | None = None) -> list[str]:
    """Differences in link hosts and phone numbers, each naming the translation's file
    (and line, where the translation has the thing). hosts: alternatives() (default: mkdocs.yml's)."""
    hosts = configured_alternatives() if hosts is None else hosts
    _, source_html, source_hosts = _rendered(source_path)
    text, html, translation_hosts = _rendered(translation_path)
    allowed = set(source_hosts).union(*(hosts.get(host, ()) for host in source_hosts))
    problems = []
    for host in sorted(translation_hosts - allowed):
        line = find_line(text, (rf"(?<![\w.-]){re.escape(host)}(?![\w-])", re.escape(host)))
        where = f"{translation_path}:{line}" if line else str(translation_path)
        problems.append(f"{where}: links to {host}, a site the source {source_path} does not link to "
                        f"({', '.join(sorted(source_hosts)) or 'no other site'}); link where the source links, or "
                        f"list the host in mkdocs.yml extra.{CONFIG_KEY}")
    for host in sorted(source_hosts):
        if host not in translation_hosts and not hosts.get(host, frozenset()) & translation_hosts:
            problems.append(f"{translation_path}: has no link to {host}, which the source {source_path} links to")
    for number in dropped_numbers(source_html, html):
        problems.append(f"{translation_path}: the phone number {number} of the source {source_path} is missing")
    return problems
