"""Page weight: serve a built site gzip-compressed as a static host would, and
count every request and compressed byte a first view of a page costs.

The server counts on the wire, so requests from the service worker and the
search worker are counted too. Requests to other hosts cannot load here (no
internet); they are counted as attempted, with 0 bytes.
"""
import gzip
import threading
import time
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .chromium import launch
from .local_site import StaticServer

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", "/")
PAGE_TYPES = {                     # page type -> path under the locale root
    "home": "",
    "guidance": "covid-19/",
    "tips": "drug-services/",
    "help": "help/",
    "flyer": "flyers/covid-19/",
    "embed": "covid-19/embed/",
}
BUDGET_BYTES = 100 * 1000          # 100 KB compressed, first view, search included
BUDGET_REQUESTS = 20
BUDGET_LCP_MS = 3000
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 400 * 1000 / 8,
           "uploadThroughput": 400 * 1000 / 8}


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzip level 6 for text types, with a log of (path, status, bytes)."""

    last_modified = None

    def log_message(self, *args):
        pass

    def _record(self, status, size):
        with self.server.lock:
            self.server.log.append((self.path, status, size))

    def _send(self, status, body, content_type):
        compress = "gzip" in self.headers.get("Accept-Encoding", "") and (
            content_type.startswith(("text/", "application/javascript", "application/json", "image/svg"))
        )
        if compress:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if self.last_modified:
            self.send_header("Last-Modified", self.last_modified)
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        try:
            if self.command != "HEAD":
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            return  # the browser gave up on it (a page closed mid-download)
        self._record(status, len(body))

    def _resolve(self):
        path = Path(self.translate_path(urlsplit(self.path).path))
        if path.is_dir():
            if not unquote(urlsplit(self.path).path).endswith("/"):
                return None, "redirect"
            path = path / "index.html"
        return (path, None) if path.is_file() else (None, None)

    def do_GET(self):
        path, special = self._resolve()
        if special == "redirect":
            self.send_response(301)
            self.send_header("Location", urlsplit(self.path).path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            self._record(301, 0)
            return
        if path is None:
            first = urlsplit(self.path).path.lstrip("/").split("/", 1)[0]
            root = Path(self.directory)
            page = root / first / "404.html" if first and (root / first / "404.html").is_file() else root / "404.html"
            body = page.read_bytes() if page.is_file() else b"Not found"
            self._send(404, body, "text/html; charset=utf-8")
            return
        self.last_modified = self.date_time_string(int(path.stat().st_mtime))
        content_type = self.guess_type(str(path))
        if content_type.startswith("text/") or content_type in ("application/javascript", "application/json"):
            content_type += "; charset=utf-8"
        self._send(200, path.read_bytes(), content_type)

    do_HEAD = do_GET


class GzipServer(StaticServer):
    """Serve a directory on 127.0.0.1 with GzipHandler; .log lists every response."""

    def __init__(self, directory, port=0):
        super().__init__(directory, port, handler=GzipHandler)
        self.httpd.log = []
        self.httpd.lock = threading.Lock()

    @property
    def log(self):
        with self.httpd.lock:
            return list(self.httpd.log)

    def reset(self):
        with self.httpd.lock:
            self.httpd.log.clear()


# Any host but this machine fails at once (there is no internet here anyway).
OFFLINE_HOSTS_ARG = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"


def launch_isolated(playwright):
    """Debian's Chromium with every other host unreachable."""
    return launch(playwright, extra_args=[OFFLINE_HOSTS_ARG])


def wait_quiet(server, quiet=1.0, limit=20.0):
    """Wait until the server has seen no new request for `quiet` seconds."""
    start = time.monotonic()
    count, since = len(server.log), time.monotonic()
    while time.monotonic() - start < limit:
        time.sleep(0.1)
        now = len(server.log)
        if now != count:
            count, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return


LCP_SCRIPT = """() => new Promise(resolve => {
  let last = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) last = e.startTime; })
    .observe({type: 'largest-contentful-paint', buffered: true});
  setTimeout(() => resolve(last), 300);
})"""


def measure(browser, server, path, query="covid", throttle=False, viewport=(360, 740), locale="nb"):
    """First view of `path` in a fresh (cold) context, then search for `query`.

    `locale` is the browser's language (a reader of that language: no redirect
    from the home page to another language).

    Returns {status, requests, bytes, external, lcp_ms, searched, entries}.
    """
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                  locale={"nb": "nb-NO", "zh": "zh-CN"}.get(locale, locale))
    external = []
    # No page.route here: routing turns the HTTP cache off, and the service
    # worker relies on it. Other hosts fail fast through the launch flag below.
    context.on("request", lambda request: external.append(request.url)
               if urlsplit(request.url).hostname not in ("127.0.0.1", "localhost") else None)
    page = context.new_page()
    if throttle:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    server.reset()
    result = {"path": path, "external": external, "searched": False, "lcp_ms": None}
    try:
        response = page.goto(server.url + path, wait_until="load", timeout=120_000)
        result["status"] = response.status if response else 0
        if result["status"] >= 400:
            return result
        result["lcp_ms"] = page.evaluate(LCP_SCRIPT)
        toggle = page.locator("label.md-header__button[for=__search], label.md-search__icon[for=__search]").first
        if page.locator("input.md-search__input").count():
            if toggle.is_visible():
                toggle.click()
            field = page.locator("input.md-search__input")
            field.click()
            field.fill(query)
            field.press("End")
            page.wait_for_selector(".md-search-result__meta", timeout=60_000)
            # The result count (or "no results") shows once the worker has loaded the index.
            page.wait_for_function(
                "() => !/^\\s*$/.test(document.querySelector('.md-search-result__meta').textContent)",
                timeout=60_000)
            result["searched"] = True
        if page.evaluate("'serviceWorker' in navigator && !!document.querySelector('meta[name=site-offline]')"):
            # offline.js has looked for saved pages ("off" until the reader saves some)
            page.wait_for_selector("html[data-site-offline]", state="attached", timeout=60_000)
        wait_quiet(server)
    finally:
        entries = server.log
        result["entries"] = entries
        result["requests"] = len(entries) + len(external)
        result["bytes"] = sum(size for _, _, size in entries)
        context.close()
    return result
