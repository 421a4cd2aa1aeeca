"""The site's HTTP response headers: one table for nginx and for static hosts.

Three header sets ("profiles") cover every response:
- page:  HTML and anything else; may not be framed; short caching;
- embed: the embed views (…/<page>/embed/, and /embed/ for the Norwegian home
         page); may be framed by EMBED_FRAME_ANCESTORS;
- asset: fingerprinted files (assets/**/*.<8 hex>.min.js|css, assets/site.<hash>.css|js),
         cached for a year as immutable;
- exit:  the quick exit's address (/exit/): the browser drops what the site stored
         (Clear-Site-Data), never cached; nginx redirects it to the neutral site
         (scripts/sitelib/quick_exit.py).

The Content-Security-Policy allows inline scripts and styles only by their SHA-256
hash, and only those the site's own templates and build code registered
(scripts/sitelib/inline_blocks.py); never what the pages happen to contain. The
build writes the header files (scripts/smittevern/deploy/plugin.py):
- site/_headers          for Netlify / Cloudflare Pages style static hosts;
- site/_nginx/<profile>.conf, `add_header` lines that deploy/nginx/site.conf includes.
Local servers (mkdocs serve, the flyer printer) send the same headers: load_profiles().
"""
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

from . import fingerprint

HTML_CACHE = "public, max-age=300"
ASSET_CACHE = "public, max-age=31536000, immutable"
# Who may frame an embed view: "*" (anyone) or a list such as "https://partner.example".
EMBED_FRAME_ANCESTORS = "*"

COMMON = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Strict-Transport-Security": "max-age=31536000",
}

# The quick exit (scripts/sitelib/quick_exit.py): browsers honour it over https and on localhost.
EXIT_PATH = "/exit/"
EXIT_HEADERS = {"Clear-Site-Data": '"cache", "storage"', "Cache-Control": "no-store"}

EMBED_PATH = re.compile(r"^/(?:[^/]+/)*embed/")
ASSET_PATH = re.compile(fingerprint.ASSET_PATH)
# The same rules as nginx locations (deploy/nginx/site.conf writes them out; a test checks).
NGINX_EMBED_LOCATION = EMBED_PATH.pattern
NGINX_ASSET_LOCATION = ASSET_PATH.pattern

MAX_STATIC_RULES, MAX_STATIC_LINE = 100, 2000  # Cloudflare Pages' limits for _headers

Headers = dict[str, str]            # one profile: {header: value}
Profiles = dict[str, Headers]       # {profile: {header: value}}


def _sources(hashes: Iterable[str]) -> str:
    return " ".join(["'self'"] + [f"'{value}'" for value in sorted(set(hashes))])


def content_security_policy(script_hashes: Iterable[str], frame_ancestors: str = "'none'",
                            style_hashes: Iterable[str] = ()) -> str:
    """The CSP value. script_hashes, style_hashes: iterables of 'sha256-…' strings."""
    directives = [
        ("default-src", "'self'"),
        ("script-src", _sources(script_hashes)),
        ("style-src", _sources(style_hashes)),  # no 'unsafe-inline': style= attributes never apply
        ("img-src", "'self' data:"),  # Material's icons are data: URLs in its CSS
        ("font-src", "'self'"),
        ("connect-src", "'self'"),
        ("worker-src", "'self'"),  # search worker, service worker
        ("manifest-src", "'self'"),
        ("media-src", "'self'"),
        ("frame-src", "'self'"),
        ("object-src", "'none'"),
        ("base-uri", "'self'"),
        ("form-action", "'self'"),
        ("frame-ancestors", frame_ancestors),
    ]
    return "; ".join(f"{name} {value}" for name, value in directives)


def profiles(script_hashes: Iterable[str], style_hashes: Iterable[str] = ()) -> Profiles:
    """{profile: {header: value}} for the page, embed and asset profiles."""
    page_csp = content_security_policy(script_hashes, style_hashes=style_hashes)
    page = {"Content-Security-Policy": page_csp, "X-Frame-Options": "DENY", **COMMON, "Cache-Control": HTML_CACHE}
    embed = {"Content-Security-Policy": content_security_policy(script_hashes, EMBED_FRAME_ANCESTORS, style_hashes),
             **COMMON, "Cache-Control": HTML_CACHE}
    asset = dict(page, **{"Cache-Control": ASSET_CACHE})
    exit_ = dict(page, **EXIT_HEADERS)
    return {"page": page, "embed": embed, "asset": asset, "exit": exit_}


def profile_for(path: str) -> str:
    """Which profile a request path gets (the same rule nginx and _headers apply)."""
    if path == EXIT_PATH:
        return "exit"
    if EMBED_PATH.match(path):
        return "embed"
    if ASSET_PATH.match(path):
        return "asset"
    return "page"


def fingerprinted_assets(site_dir: str | Path) -> list[str]:
    """Site paths ('/assets/…') of every fingerprinted file in a built site."""
    site_dir = Path(site_dir)
    paths = ("/" + path.relative_to(site_dir).as_posix() for path in (site_dir / "assets").rglob("*"))
    return sorted(path for path in paths if ASSET_PATH.match(path))


def nginx_snippet(headers: Mapping[str, str], redirect: str | None = None) -> str:
    """add_header lines for one profile (`always`: 404 pages get them too), and a
    `return 302` when the location redirects (the exit profile)."""
    lines = ["# Written by the build from scripts/sitelib/headers.py. Do not edit."]
    for name, value in headers.items():
        quote = "'" if '"' in value else '"'
        assert quote not in value and "\n" not in value, value
        lines.append(f"add_header {name} {quote}{value}{quote} always;")
    if redirect:
        assert re.fullmatch(r"https?://[^\s\"';{}$\\]+", redirect), redirect
        lines.append(f'return 302 "{redirect}";')
    return "\n".join(lines) + "\n"


def headers_file(table: Mapping[str, Mapping[str, str]], assets: Iterable[str]) -> str:
    """A `_headers` file (Cloudflare Pages syntax; Netlify: drop the '! ' lines).

    Rules apply in file order and all matching rules add their headers, so the
    specific rules first detach ('! Name') what the catch-all set.
    """
    page, embed, asset = table["page"], table["embed"], table["asset"]
    out = ["# Written by the build from scripts/sitelib/headers.py. Do not edit.", "/*"]
    out += [f"  {name}: {value}" for name, value in page.items()]
    for pattern in ("/embed/*", "/:page/embed/*", "/:locale/:page/embed/*", "/:locale/:section/:page/embed/*"):
        out.append(pattern)
        out += [f"  ! {name}" for name in page if name not in embed or embed[name] != page[name]]
        out += [f"  {name}: {value}" for name, value in embed.items() if page.get(name) != value]
    for path in assets:
        out += [path, "  ! Cache-Control", f"  Cache-Control: {asset['Cache-Control']}"]
    out += [EXIT_PATH, "  ! Cache-Control"] + [f"  {name}: {value}" for name, value in EXIT_HEADERS.items()]
    rules = sum(1 for line in out if line.startswith("/"))
    if rules > MAX_STATIC_RULES:
        raise ValueError(f"_headers would have {rules} rules; Cloudflare Pages allows {MAX_STATIC_RULES}")
    if max(map(len, out)) > MAX_STATIC_LINE:
        raise ValueError(f"a _headers line is longer than {MAX_STATIC_LINE} characters (too many inline scripts?)")
    return "\n".join(out) + "\n"


def write_header_files(site_dir: str | Path, script_hashes: Iterable[str], style_hashes: Iterable[str] = (),
                       exit_to: str | None = None) -> Profiles:
    """Write _headers and _nginx/<profile>.conf into a built site, allowing these inline hashes.
    exit_to: the neutral site the exit profile redirects to (nginx)."""
    from .site_files import write_site_file

    site_dir = Path(site_dir)
    table = profiles(script_hashes, style_hashes)
    write_site_file(site_dir, "_headers", headers_file(table, fingerprinted_assets(site_dir)))
    for name, headers in table.items():
        redirect = exit_to if name == "exit" else None
        write_site_file(site_dir, f"_nginx/{name}.conf", nginx_snippet(headers, redirect))
    return table


NGINX_HEADER = re.compile(r"""^add_header (\S+) (?:"([^"]*)"|'([^']*)') always;$""", re.M)


def load_profiles(site_dir: str | Path) -> Profiles:
    """The header table a build wrote (from site/_nginx/*.conf), for local servers."""
    nginx = Path(site_dir) / "_nginx"
    return {name: {header: double or single for header, double, single
                   in NGINX_HEADER.findall((nginx / f"{name}.conf").read_text(encoding="utf-8"))}
            for name in ("page", "embed", "asset", "exit")}


def headers_for(table: Mapping[str, Headers], path: str) -> Headers:
    """The headers nginx sends for a request path."""
    return table[profile_for(path)]


def wsgi_with_headers(app: WSGIApplication, site_dir: str | Path) -> WSGIApplication:
    """Wrap a WSGI app that serves a built site (mkdocs serve's) to send the site's headers.

    A development server may add its own inline script to a page (mkdocs serve's
    live reload): a script in the response that the file on disk does not have is
    the server's, and only that one is allowed besides the build's.
    """
    from .inline_blocks import inline_code, sha256

    site_dir = Path(site_dir)

    def scripts(html: str) -> set[str]:
        return {sha256(text) for kind, text in inline_code(html)[0] if kind == "script"}

    def wrapped(environ: WSGIEnvironment, start_response: StartResponse) -> list[bytes]:
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], object]:
            captured.update(status=status, headers=list(headers))
            return lambda data: captured.setdefault("body", []).append(data)

        chunks = list(app(environ, capture))
        body = b"".join(captured.get("body", []) + chunks)
        path = environ.get("PATH_INFO") or "/"
        headers = captured["headers"]
        if (site_dir / "_nginx" / "page.conf").is_file():
            table = headers_for(load_profiles(site_dir), path)
            file = site_dir / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
            if captured["status"].startswith("200") and file.suffix == ".html" and file.is_file():
                added = scripts(body.decode("utf-8", "replace")) - scripts(file.read_text(encoding="utf-8"))
                if added:
                    csp = table["Content-Security-Policy"].replace(
                        "script-src 'self'", "script-src 'self' " + " ".join(f"'{h}'" for h in sorted(added)), 1)
                    table = dict(table, **{"Content-Security-Policy": csp})
            names = {name.lower() for name in table}
            headers = [(name, value) for name, value in headers if name.lower() not in names] + list(table.items())
        start_response(captured["status"], headers)
        return [body]

    return wrapped
