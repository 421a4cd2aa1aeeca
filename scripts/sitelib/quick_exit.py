"""The quick exit's own address, /exit/, and where it sends the reader.

The exit bar links to /exit/ on the site itself. There the server answers with
`Clear-Site-Data: "cache", "storage"` (the browser drops the HTTP cache, Cache
Storage, the service worker and localStorage of the site) and sends the reader
on to a neutral site (`extra.quick_exit_url`):
- nginx: a 302 redirect (deploy/nginx/site.conf includes _nginx/exit.conf);
- static hosts: the header from _headers on the page /exit/index.html, which
  goes on with <meta http-equiv="refresh">.
Browsers honour Clear-Site-Data only in a secure context (https, or localhost),
so quick-exit.js also clears what it can itself before it leaves.
"""
import re
from collections.abc import Mapping
from html import escape
from typing import Any

from .locales import locale_prefix

EXIT_DIR = "exit/"
SAFETY_PAGE = "safety/"
DEFAULT_NEUTRAL_URL = "https://www.yr.no/"
# An absolute http(s) URL that is safe inside HTML attributes and an nginx `return`.
SAFE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~/%?=&+,:@!-]*)?")


def neutral_url(extra: Mapping[str, Any]) -> str:
    """extra.quick_exit_url, checked: a plain http(s) address (default: yr.no)."""
    url = str(extra.get("quick_exit_url") or DEFAULT_NEUTRAL_URL).strip()
    if not SAFE_URL.fullmatch(url):
        raise ValueError(f"mkdocs.yml: quick_exit_url (plugins: smittevern-reader-safety) must be a plain http(s) address, got {url!r}")
    return url


def safety_page(locale: str) -> str:
    """Site-relative URL of a locale's "Stay safe online" page: 'th/safety/'."""
    return locale_prefix(locale) + SAFETY_PAGE


def exit_page(neutral: str) -> str:
    """/exit/index.html: blank, no script and no request of its own; it goes on to
    the neutral site at once (static hosts; nginx answers /exit/ with a redirect)."""
    url = escape(neutral, quote=True)
    host = escape(re.sub(r"^https?://([^/]+).*$", r"\1", neutral))
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'<meta http-equiv="refresh" content="0; url={url}">\n'
        f"<title>{host}</title>\n</head>\n"
        f'<body><p><a href="{url}" rel="noreferrer">{host}</a></p></body>\n</html>\n'
    )
