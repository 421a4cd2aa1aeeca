"""nginx with deploy/nginx/site.conf, and the static-host _headers file, serve the
built site with the headers of scripts/sitelib/headers.py."""
import gzip
import re
import socket
import urllib.error
import urllib.request

import pytest

from scripts.sitelib.headers import (
    ASSET_PATH, EMBED_PATH, EXIT_PATH, NGINX_ASSET_LOCATION, NGINX_EMBED_LOCATION, fingerprinted_assets,
    load_profiles, profile_for,
)
from scripts.sitelib.locales import LOCALES, SOURCE_LOCALE, TRANSLATIONS
from scripts.devtools.nginx import SITE_CONF


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, gzip_ok=True):
    """(status, headers, body bytes decoded from gzip if sent so)."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        response = urllib.request.build_opener(_NoRedirect).open(request, timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    body = response.read()
    if response.headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return response.status, response.headers, body


@pytest.fixture(scope="module")
def table(site):
    return load_profiles(site.dir)  # what the build wrote for nginx


def test_nginx_accepts_the_config(nginx_site):
    result = nginx_site.test_config()
    assert result.returncode == 0, result.stderr


def sample_paths(site, nginx_site):
    pages = ["/"] + [f"/{locale}/" for locale in TRANSLATIONS]
    pages += ["/" + p.parent.relative_to(site.dir).as_posix() + "/" for p in sorted(site.dir.glob("*/index.html"))]
    pages.remove(EXIT_PATH)  # a redirect: tests/build/test_reader_safety.py
    embeds = ["/" + p.parent.relative_to(nginx_site.root).as_posix() + "/"
              for p in sorted(nginx_site.root.rglob("embed/index.html"))]
    other = ["/sitemap.xml", "/search/search_index.json", "/th/search/search_index.json", "/assets/favicon.svg"]
    return pages + embeds + other + fingerprinted_assets(site.dir)


def test_every_response_gets_its_profile_headers(site, nginx_site, table):
    paths = sample_paths(site, nginx_site)
    assert any(profile_for(path) == "embed" for path in paths)
    assert sum(profile_for(path) == "asset" for path in paths) >= 4  # Material css/js, our css/js
    for path in paths:
        status, headers, _ = fetch(nginx_site.url + path.lstrip("/"))
        assert status == 200, path
        expected = table[profile_for(path)]
        for name, value in expected.items():
            assert headers.get(name) == value, (path, name, headers.get(name))
        if profile_for(path) == "embed":
            assert "X-Frame-Options" not in headers and "frame-ancestors *" in headers["Content-Security-Policy"]


def test_the_policy_means_something(table):
    csp = table["page"]["Content-Security-Policy"]
    directives = dict(part.split(" ", 1) for part in csp.split("; "))
    assert directives["default-src"] == "'self'"
    assert "unsafe" not in csp and "*" not in directives["script-src"]
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    # 'self' and one hash: the first screen's CSS that the build inlines (tests/build/test_csp.py)
    style_sources = directives["style-src"].split()
    assert style_sources[0] == "'self'" and len(style_sources) == 2 and style_sources[1].startswith("'sha256-")
    assert table["page"]["Referrer-Policy"] == "no-referrer"
    assert table["page"]["X-Content-Type-Options"] == "nosniff"
    for feature in ("camera", "microphone", "geolocation"):
        assert f"{feature}=()" in table["page"]["Permissions-Policy"]


@pytest.mark.parametrize("path, kind", [
    ("", "text/html"), ("assets/stylesheets/main", "text/css"), ("assets/javascripts/bundle", "javascript"),
    ("search/search_index.json", "application/json"), ("sitemap.xml", "xml"), ("assets/favicon.svg", "image/svg+xml"),
])
def test_gzip(site, nginx_site, path, kind):
    if path.startswith("assets/") and not path.endswith(".svg"):
        path = next(p for p in fingerprinted_assets(site.dir) if p.startswith("/" + path) and not p.endswith(".map"))[1:]
    if path.endswith(".svg"):  # the favicon is below gzip_min_length; use a big SVG (QR codes are)
        big = next((p for p in nginx_site.root.rglob("*.svg") if p.stat().st_size > 1000), None)
        if big is None:
            big = nginx_site.root / "test-large.svg"
            big.write_text('<svg xmlns="http://www.w3.org/2000/svg">' + "<path d='M0 0h1v1H0z'/>" * 100 + "</svg>")
            big.chmod(0o644)
        path = big.relative_to(nginx_site.root).as_posix()
    status, headers, body = fetch(nginx_site.url + path)
    assert status == 200 and kind in headers["Content-Type"]
    assert headers.get("Content-Encoding") == "gzip", path
    assert "Accept-Encoding" in headers.get("Vary", "")


def test_each_language_has_its_404_page(nginx_site, table):
    for locale in LOCALES:
        prefix = "" if locale == SOURCE_LOCALE else f"{locale}/"
        for missing in ("nothing", "no/such/page/", "covid-19/nothing.png"):
            status, headers, body = fetch(nginx_site.url + prefix + missing)
            assert status == 404, (locale, missing)
            assert f'<html lang="{locale}"' in body.decode("utf-8"), (locale, missing)
            assert headers["Content-Security-Policy"] == table["page"]["Content-Security-Policy"]


def raw_request(port, data):
    """The status line and headers nginx answers to raw bytes (requests urllib would refuse to send)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(data)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = connection.recv(65536)
            if not chunk:
                break
            answer += chunk
    head = answer.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
    return int(head[0].split()[1]), dict(line.split(": ", 1) for line in head[1:] if ": " in line)


@pytest.mark.parametrize("request_bytes, status", [
    (b"GARBAGE\r\n\r\n", 400),
    (b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
    (b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    (b"POST /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", 405),
    (b"TRACE / HTTP/1.1\r\nHost: x\r\n\r\n", 405),
])
def test_nginx_own_error_responses_carry_the_security_headers(nginx_site, table, request_bytes, status):
    got, headers = raw_request(nginx_site.port, request_bytes)
    assert got == status
    for name in ("Content-Security-Policy", "X-Frame-Options", "Referrer-Policy", "X-Content-Type-Options"):
        assert headers.get(name) == table["page"][name], (name, headers)


def test_the_norwegian_home_page_embed_can_be_framed(nginx_site, table):
    status, headers, _ = fetch(nginx_site.url + "embed/")
    assert status == 200 and headers["Content-Security-Policy"] == table["embed"]["Content-Security-Policy"]
    assert "X-Frame-Options" not in headers


def test_server_files_are_not_served_and_folders_redirect_relatively(nginx_site):
    for path in ("_headers", "_nginx/page.conf", "_nginx/embed.conf"):
        assert fetch(nginx_site.url + path)[0] == 404
    status, headers, _ = fetch(nginx_site.url + "help")
    assert status == 301 and headers["Location"] == "/help/"


def test_site_conf_agrees_with_the_tables():
    conf = SITE_CONF.read_text(encoding="utf-8")
    assert f"location ~ {NGINX_EMBED_LOCATION} {{" in conf
    assert f'location ~ "{NGINX_ASSET_LOCATION}" {{' in conf
    assert NGINX_EMBED_LOCATION == EMBED_PATH.pattern and NGINX_ASSET_LOCATION == ASSET_PATH.pattern
    assert "include /srv/smittevern/site/_nginx/locales.conf;" in conf
    assert "error_page 404 $smittevern_404;" in conf and "$smittevern_language_home" in conf


# --- static hosts: _headers ------------------------------------------------------------

def parse_headers_file(text):
    """[(pattern, [(name or '!name', value)])] from a _headers file."""
    rules = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif line.strip().startswith("! "):
            rules[-1][1].append(("!" + line.strip()[2:], None))
        else:
            name, value = line.strip().split(": ", 1)
            rules[-1][1].append((name, value))
    return rules


def pattern_regex(pattern):
    """Cloudflare Pages / Netlify matching: '*' any characters, ':name' one segment."""
    parts = re.split(r"(\*|:[a-z]+)", pattern)
    out = "".join(".*" if p == "*" else "[^/]+" if p.startswith(":") else re.escape(p) for p in parts if p)
    return re.compile(f"^{out}$")


def static_host_headers(rules, path):
    """Headers a Cloudflare-Pages-style host sends: rules in order, '! Name' detaches."""
    headers = {}
    for pattern, entries in rules:
        if not pattern_regex(pattern).match(path):
            continue
        for name, value in entries:
            if name.startswith("!"):
                headers.pop(name[1:], None)
            else:
                headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


def test_static_host_headers_equal_the_nginx_headers(site, nginx_site, table):
    rules = parse_headers_file((site.dir / "_headers").read_text(encoding="utf-8"))
    paths = sample_paths(site, nginx_site) + ["/th/covid-19/embed/", "/covid-19/embed/index.html", "/th/nothing",
                                              EXIT_PATH]
    for path in paths:
        assert static_host_headers(rules, path) == table[profile_for(path)], path


def test_header_files_are_written_into_the_build(site, table):
    for name, headers in table.items():
        conf = (site.dir / "_nginx" / f"{name}.conf").read_text(encoding="utf-8")
        for header, value in headers.items():
            quote = "'" if '"' in value else '"'
            assert f"add_header {header} {quote}{value}{quote} always;" in conf
