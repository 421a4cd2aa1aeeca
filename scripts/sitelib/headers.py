"""The site's HTTP response headers: one table for nginx and for static hosts.

Three header sets ("profiles") cover every response:
- page:  HTML and anything else; may not be framed; short caching;
- embed: the embed views (…/<page>/embed/); may be framed by EMBED_FRAME_ANCESTORS;
- asset: fingerprinted files (assets/**/*.<8 hex>.min.js|css, assets/site.<hash>.css|js),
         cached for a year as immutable;
- exit:  the quick exit's address (/exit/): the browser drops what the site stored
         (Clear-Site-Data), never cached; nginx redirects it to the neutral site
         (scripts/sitelib/quick_exit.py).

The Content-Security-Policy allows inline scripts only by their SHA-256 hash. The
hashes come from the built HTML, so the build writes the header files
(scripts/hooks/security_headers.py):
- site/_headers          for Netlify / Cloudflare Pages style static hosts;
- site/_nginx/<profile>.conf, `add_header` lines that deploy/nginx/site.conf includes.
"""
import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

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

EMBED_PATH = re.compile(r"^/(?:[^/]+/)+embed/")
ASSET_PATH = re.compile(r"^/assets/(?:.+/)?[^/]+\.[0-9a-f]{8}\.(?:min\.)?(?:css|js)(?:\.map)?$")
# Same rules in nginx's regex syntax (deploy/nginx/site.conf uses them; a test checks).
NGINX_EMBED_LOCATION = r"^/(?:[^/]+/)+embed/"
NGINX_ASSET_LOCATION = r"^/assets/(?:.+/)?[^/]+\.[0-9a-f]{8}\.(?:min\.)?(?:css|js)(?:\.map)?$"

MAX_STATIC_RULES, MAX_STATIC_LINE = 100, 2000  # Cloudflare Pages' limits for _headers

JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript",
            "application/ecmascript", "text/jscript", "text/livescript", "application/x-javascript"}


def content_security_policy(script_hashes, frame_ancestors="'none'"):
    """The CSP value. script_hashes: iterable of 'sha256-…' strings."""
    scripts = " ".join(["'self'"] + [f"'{value}'" for value in sorted(set(script_hashes))])
    directives = [
        ("default-src", "'self'"),
        ("script-src", scripts),
        ("style-src", "'self'"),  # no inline styles: Material and the components need none
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


def profiles(script_hashes):
    """{profile: {header: value}} for the page, embed and asset profiles."""
    page_csp = content_security_policy(script_hashes)
    page = {"Content-Security-Policy": page_csp, "X-Frame-Options": "DENY", **COMMON, "Cache-Control": HTML_CACHE}
    embed = {"Content-Security-Policy": content_security_policy(script_hashes, EMBED_FRAME_ANCESTORS),
             **COMMON, "Cache-Control": HTML_CACHE}
    asset = dict(page, **{"Cache-Control": ASSET_CACHE})
    exit_ = dict(page, **EXIT_HEADERS)
    return {"page": page, "embed": embed, "asset": asset, "exit": exit_}


def profile_for(path):
    """Which profile a request path gets (the same rule nginx and _headers apply)."""
    if path == EXIT_PATH:
        return "exit"
    if EMBED_PATH.match(path):
        return "embed"
    if ASSET_PATH.match(path):
        return "asset"
    return "page"


class _InlineScripts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts, self._inside = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            attrs = dict(attrs)
            kind = (attrs.get("type") or "").strip().lower().split(";")[0]
            self._inside = [] if "src" not in attrs and kind in JS_TYPES else None

    def handle_data(self, data):
        if self._inside is not None:
            self._inside.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._inside is not None:
            self.scripts.append("".join(self._inside))
            self._inside = None


def inline_scripts(html):
    """The text of every executable inline <script> (no src; a JavaScript type)."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.scripts


def script_hash(text):
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def site_script_hashes(site_dir):
    """Sorted hashes of all inline scripts in every HTML file of a built site."""
    hashes = set()
    for path in Path(site_dir).rglob("*.html"):
        hashes.update(script_hash(text) for text in inline_scripts(path.read_text(encoding="utf-8")))
    return sorted(hashes)


def fingerprinted_assets(site_dir):
    """Site paths ('/assets/…') of every fingerprinted file in a built site."""
    site_dir = Path(site_dir)
    paths = ("/" + path.relative_to(site_dir).as_posix() for path in (site_dir / "assets").rglob("*"))
    return sorted(path for path in paths if ASSET_PATH.match(path))


def nginx_snippet(headers, redirect=None):
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


def headers_file(table, assets):
    """A `_headers` file (Cloudflare Pages syntax; Netlify: drop the '! ' lines).

    Rules apply in file order and all matching rules add their headers, so the
    specific rules first detach ('! Name') what the catch-all set.
    """
    page, embed, asset = table["page"], table["embed"], table["asset"]
    out = ["# Written by the build from scripts/sitelib/headers.py. Do not edit.", "/*"]
    out += [f"  {name}: {value}" for name, value in page.items()]
    for pattern in ("/:page/embed/*", "/:locale/:page/embed/*", "/:locale/:section/:page/embed/*"):
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


def write_header_files(site_dir, exit_to=None):
    """Scan the built site and write _headers and _nginx/<profile>.conf into it.
    exit_to: the neutral site the exit profile redirects to (nginx)."""
    site_dir = Path(site_dir)
    table = profiles(site_script_hashes(site_dir))
    (site_dir / "_headers").write_text(headers_file(table, fingerprinted_assets(site_dir)), encoding="utf-8")
    nginx = site_dir / "_nginx"
    nginx.mkdir(exist_ok=True)
    for name, headers in table.items():
        redirect = exit_to if name == "exit" else None
        (nginx / f"{name}.conf").write_text(nginx_snippet(headers, redirect), encoding="utf-8")
    return table
