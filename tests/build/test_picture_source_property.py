"""Property (issue 20, item 4): whatever address a translator writes for a picture or
a link, the page that comes out of the build loads pictures only from this site and
links only to this site or to https:, mailto: and tel: addresses (or the build
rejects it).

Each example goes through the real build steps of test_sanitizer_property.py
(MkDocs renders the page, then every page_content hook runs). The oracle reads each
address of the output the way a browser does: resolved against the page's own
address with the WHATWG URL rules (ada, the parser Node.js uses), tabs, line
breaks and backslashes included.
"""
from ada_url import URL
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from scripts.sitelib.source_errors import SourceError
from tests.build.test_sanitizer_property import build_step  # noqa: F401 (a fixture)

SITE = "https://site.invalid"
PAGE = f"{SITE}/docs/nb/property/"  # where the output is read: the page's own address

# Pieces of addresses: the ways a browser reads more than a regex sees.
PIECES = ["/", "\\", "//", "/\\", "\\\\", "\t", "\n", " ", "\x00", "\x0b", "%2e", "%2E%2e", ".", "..", "../",
          "..\\", "./", "@", ":", "?", "#", "https:", "HTTPS:", "http:", "hTtP:", "javascript:", "java\tscript:",
          "data:", "blob:", "file:", "evil.example", "site.invalid", "127.0.0.1", "[::1]", "%5c", "%2f", "&#92;",
          "&#x2F;", "&colon;", "assets", "logo.svg", "x.png", "nb", "mailto:", "tel:", "113", "+47", "user:pw@"]
addresses = st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join)


def markdown_for(kind, address):
    quoted = address.replace('"', "&quot;")
    return {
        "markdown-picture": f"![bilde](<{address}>)",
        "html-picture": f'<img src="{quoted}" alt="bilde">',
        "markdown-link": f"[lenke](<{address}>)",
        "html-link": f'<a href="{quoted}">lenke</a>',
        "reference-picture": f"![bilde][r]\n\n[r]: <{address}>",
    }[kind]


def _read(address):
    try:
        return URL(address, base=PAGE)
    except ValueError:
        return None


def _on_site(url):
    return url is not None and url.protocol == "https:" and url.host == "site.invalid" and not url.username \
        and not url.password


def escapes(html):
    """Every picture or link in built page content that a browser would take off the site
    (or to a scheme other than https:, mailto:, tel:)."""
    found = []
    for node in LexborHTMLParser(html).css("img[src], a[href]"):
        name = "src" if node.tag == "img" else "href"
        address = node.attributes.get(name) or ""
        url = _read(address)
        if node.tag == "img":
            if not _on_site(url) or not url.pathname.startswith("/docs/"):
                found.append(f"<img src={address!r}> loads {url.href if url else '?'}")
        elif url is None or url.protocol not in ("https:", "mailto:", "tel:"):
            found.append(f"<a href={address!r}> goes to {url.href if url else '?'}")
        elif not _on_site(url) and not address.strip().lower().startswith("https://"):
            found.append(f"<a href={address!r}> leaves for {url.host} without saying so")
    return found


@settings(max_examples=200, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(["markdown-picture", "html-picture", "markdown-link", "html-link", "reference-picture"]),
       address=addresses)
def test_pictures_and_links_stay_on_the_site(build_step, kind, address):  # noqa: F811
    try:
        html = build_step(markdown_for(kind, address) + "\n")
    except SourceError:
        event("rejected")
        return
    event("built")
    assert escapes(html) == [], (kind, address, html)


def test_the_property_can_fail():
    """The oracle sees what a browser would do with addresses a regex misses."""
    assert escapes('<img src="/\\evil.example/x.png"><img src="../assets/x.svg"><img src="ht\ttps://e/x">'
                   '<a href="\\\\evil.example/">a</a><a href="https://fhi.no/">b</a><a href="http://fhi.no/">c</a>') == [
        "<img src='/\\\\evil.example/x.png'> loads https://evil.example/x.png",
        "<img src='ht\\ttps://e/x'> loads https://e/x",
        "<a href='\\\\\\\\evil.example/'> leaves for evil.example without saying so",
        "<a href='http://fhi.no/'> goes to http://fhi.no/",
    ]
