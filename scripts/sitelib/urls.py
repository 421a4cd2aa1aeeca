"""Read an address in page text the way a browser reads it.

A browser parses `src` and `href` with the WHATWG URL Standard: it drops tabs and
line breaks anywhere, reads `\\` as `/`, so `/\\host/x.png` and `\\\\host/x.png` are
other hosts, decodes `%2e%2e` as `..`, and so on. Guessing that with regular
expressions misses cases; ada (the parser Node.js uses, package ada-url) follows
the standard, so every rule here resolves the address against the page's own
address, as a browser does, and looks at the result.

The site's own origin is written SITE; a page is a location under SITE_ROOT:
a source file under docs/ ('nb/help.md', before MkDocs rewrites its links) or
a page's URL ('en/help/', after).
"""
import re

from pathlib import Path

from ada_url import URL

SITE = "https://site.invalid"
SITE_ROOT = f"{SITE}/docs/"
# Where the HTML cleaner (nh3) resolves addresses, which knows no page: deep
# enough that the `../` of any real page stays inside the root.
ANY_PAGE = SITE_ROOT + "a/" * 8 + "page.md"
PICTURE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".ico")
LINK_PROTOCOLS = {"https:", "mailto:", "tel:"}


def page_base(location: str | Path = "") -> str:
    """The address a page's links are read against: 'nb/help.md' -> https://site.invalid/docs/nb/help.md."""
    return SITE_ROOT + str(location).lstrip("/")


def resolve(address: object, base: str = ANY_PAGE) -> URL | None:
    """The address as a browser reads it on the page at `base` (an ada URL), or None
    when a browser could not read it at all."""
    try:
        return URL(str(address), base=base)
    except ValueError:
        return None


def _on_site(url: URL) -> bool:
    return (url.protocol == "https:" and url.host == SITE.split("//")[1] and not url.username
            and not url.password and not url.port)


def picture_problem(src: str, base: str = ANY_PAGE) -> str | None:
    """Why `src` is not a picture of this site, as a browser would load it from the page
    at `base`; None when it is a relative path to a picture file inside the site."""
    url = resolve(src, base)
    if url is None:
        return "a browser cannot read this address"
    if not _on_site(url):
        where = url.host or url.protocol
        return f"a browser would load it from another address ({where})"
    if str(src).strip().startswith(("/", "\\")):
        return "write a path relative to the page, like ../assets/picture.svg, not one starting with /"
    if not url.pathname.startswith("/" + SITE_ROOT.split("/", 3)[3]):
        return "the path climbs out of the site"
    if url.search or not url.pathname.lower().endswith(PICTURE_SUFFIXES):
        return f"it is not a picture file ({', '.join(PICTURE_SUFFIXES)})"
    return None


def link_problem(href: str, base: str = ANY_PAGE) -> str | None:
    """Why a link to `href` is not allowed, or None: links go to pages of this site
    (relative paths), or to https:, mailto: or tel: addresses."""
    url = resolve(href, base)
    if url is None:
        return "a browser cannot read this address"
    if url.protocol == "http:":
        return "http"
    if url.protocol not in LINK_PROTOCOLS:
        return "scheme"
    if url.protocol == "https:" and not _on_site(url):
        if not absolute(href):
            return "disguised"
        if url.username or url.password:
            return "credentials"
    return None


def absolute(href: str) -> bool:
    """True when `href` is written as a full address, `https://host/…` (tabs, line
    breaks and the spaces around it dropped, as a browser drops them)."""
    return re.sub(r"[\t\n\r]", "", str(href)).strip("\x00- ").lower().startswith("https://")


def external_host(href: str, base: str = ANY_PAGE) -> str | None:
    """The host of another site that `href` takes the reader to, or None (this site,
    mailto:, tel:, or an address the sanitizer refuses anyway)."""
    url = resolve(href, base)
    if url is None or url.protocol not in ("https:", "http:") or _on_site(url):
        return None
    return url.hostname
