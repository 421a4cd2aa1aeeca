"""Pages rendered outside nginx are as safe as in production: the flyer printer's
server sends the production headers, its Chromium loads nothing from another site,
and `mkdocs serve` sends the production CSP too (plus its own live-reload script)."""
import os
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from scripts.devtools.print_pdf import PrintError, PrintJob, render_pdfs
from scripts.sitelib.headers import load_profiles, write_header_files
from scripts.devtools.local_site import ROOT, QuietHandler, SiteHeadersHandler, StaticServer, free_port
from tests.support.hostile import docs_for
from tests.support.variant import write_variant_config

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__siteViolations = [];
document.addEventListener("securitypolicyviolation", e => window.__siteViolations.push(e.violatedDirective));
"""


def test_the_flyer_server_sends_the_production_headers(site):
    table = load_profiles(site.dir)
    with StaticServer(site.dir, handler=SiteHeadersHandler) as server:
        for path, profile in (("flyers/covid-19/", "page"), ("covid-19/embed/", "embed"), ("no-such-page/", "page"),
                              ("flyers/pocket-cards/", "page")):
            try:
                response = urllib.request.urlopen(server.url + path, timeout=10)
            except urllib.error.HTTPError as error:
                response = error
            for name, value in table[profile].items():
                assert response.headers[name] == value, (path, name)


def fake_flyer(folder, other_origin):
    """A print page (its fit already 'done') that asks another site for a picture."""
    page = folder / "flyers" / "x"
    page.mkdir(parents=True)
    (page / "index.html").write_text(
        f'<!doctype html><html data-print-fit="done"><title>x</title><img src="{other_origin}track.png" alt=""></html>',
        encoding="utf-8")
    return "flyers/x/"


def test_the_flyer_printer_loads_nothing_from_another_site(browser, tmp_path):
    requests = []

    class Recording(QuietHandler):  # no CSP here: only the routing can stop the request
        def do_GET(self):
            requests.append(self.path)
            super().do_GET()

    (tmp_path / "other").mkdir()
    with StaticServer(tmp_path / "other", handler=Recording) as other, StaticServer(tmp_path / "site") as server:
        page = fake_flyer(tmp_path / "site", other.url)
        with pytest.raises(PrintError, match=f"{page}: asked for {other.url}track.png"):
            render_pdfs(browser, server.url, tmp_path / "site", [PrintJob(page, "flyers/x.pdf", "flyer")])
    assert requests == [] and not (tmp_path / "site" / "flyers" / "x.pdf").exists()


def test_under_the_flyer_server_the_csp_blocks_it_first(browser, tmp_path):
    write_header_files(tmp_path, [])
    with StaticServer(tmp_path, handler=SiteHeadersHandler) as server:
        page = fake_flyer(tmp_path, "http://localhost:9/")
        context = browser.new_context()
        context.add_init_script(RECORD_VIOLATIONS)
        tab = context.new_page()
        tab.goto(server.url + page, wait_until="load")
        violations = tab.evaluate("window.__siteViolations")
        context.close()
    assert violations == ["img-src"]


@pytest.fixture(scope="module")
def mkdocs_serve(tmp_path_factory):
    """`mkdocs serve` (as `make serve` runs it) on the small good fixture."""
    tmp_path = tmp_path_factory.mktemp("serve")
    config = write_variant_config(tmp_path, docs_for(tmp_path, "good"))
    port = free_port()
    env = dict(os.environ, SITE_URL=f"http://127.0.0.1:{port}/", NO_MKDOCS_2_WARNING="1")
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(config),
                                "--dev-addr", f"127.0.0.1:{port}"], cwd=ROOT, env=env,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"mkdocs serve did not start: {(tmp_path / 'serve.log').read_text()[-2000:]}")
                time.sleep(0.5)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # the server and only its own children
        process.wait(timeout=20)
        log.close()


def test_mkdocs_serve_sends_the_production_policy(mkdocs_serve, browser):
    response = urllib.request.urlopen(mkdocs_serve, timeout=10)
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "unsafe" not in csp
    assert response.headers["Referrer-Policy"] == "no-referrer" and response.headers["X-Frame-Options"] == "DENY"
    context = browser.new_context(locale="nb-NO")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(mkdocs_serve, wait_until="load")
    page.wait_for_timeout(300)
    violations = page.evaluate("window.__siteViolations")
    context.close()
    assert violations == []
    assert "Enabled live reload" in messages  # serve's own script is allowed, and only it
