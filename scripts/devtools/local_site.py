"""Build the site and serve it on 127.0.0.1, for tests and scripts."""
import functools
import os
import socket
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from scripts.sitelib.headers import headers_for, load_profiles

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def source_date_epoch():
    """The last commit's time (for reproducible dates), or None outside a git checkout."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return None
    return result.stdout.strip() or None if result.returncode == 0 else None


def build_site(site_dir, site_url, config="mkdocs.yml", cwd=ROOT, extra_env=None):
    """Run a strict MkDocs build; return the CompletedProcess (never raises).

    SOURCE_DATE_EPOCH defaults to the last commit's time, as in the Makefile, so
    two builds of one commit are byte-identical (tests/build/test_reproducible.py).
    """
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1", **(extra_env or {}))
    if "SOURCE_DATE_EPOCH" not in env and source_date_epoch():
        env["SOURCE_DATE_EPOCH"] = source_date_epoch()
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=cwd, env=env, capture_output=True, text=True,
    )


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("LinkChecker", "local test server")  # lifts linkchecker's 10 req/s cap
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        """Serve the locale's own 404 page, as the production server does."""
        if code == 404:
            first = self.path.lstrip("/").split("/", 1)[0]
            page = Path(self.directory) / first / "404.html"
            page = page if first and page.is_file() else Path(self.directory) / "404.html"
            if page.is_file():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
        super().send_error(code, message, explain)


class SiteHeadersHandler(QuietHandler):
    """QuietHandler that also sends the response headers the build wrote for nginx
    (site/_nginx/*.conf: the Content-Security-Policy and the rest), so a page renders
    here as it does in production. The flyer printer serves pages with it."""

    def end_headers(self):
        for name, value in headers_for(load_profiles(self.directory), urlsplit(self.path).path).items():
            self.send_header(name, value)
        super().end_headers()


class _ThreadingServer(ThreadingHTTPServer):
    # The shared test site answers up to three browsers at once, each opening a connection
    # per file (HTTP/1.0); socketserver's default backlog of 5 queued connections is too short.
    request_queue_size = 128


class StaticServer:
    """A threaded static file server for a directory, on 127.0.0.1:port."""

    def __init__(self, directory, port=0, handler=QuietHandler):
        self.httpd = _ThreadingServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def building_only(text, locales):
    """mkdocs.yml text in which static-i18n builds only `locales` (`build: false` for the
    rest), for a test that reads only their pages: a fraction of the build time. The locale
    table keeps every language; the language menus and alternates list only those built."""
    import re
    blocks = re.split(r"(?m)^(?=\s+- locale: )", text)
    return "".join(re.sub(r"(?m)^(\s+build: )true$", r"\1false", block)
                   if (found := re.match(r"\s+- locale: (\S+)", block)) and found.group(1) not in locales else block
                   for block in blocks)


def variant_config(tmp_path, edit_docs=None, edit_config=None):
    """A copy of docs/ in tmp_path with a config pointing back at the repo's
    overrides (the site's plugins are installed entry points). edit_docs(docs_dir) and edit_config(text) -> text change it.
    Returns the config path; build it with build_site(site_dir, url, config=path)."""
    import shutil

    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    if edit_docs:
        edit_docs(docs)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: docs", f"docs_dir: {docs}")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    if edit_config:
        text = edit_config(text)
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config
