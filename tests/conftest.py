"""Build the site once per test session and serve it on 127.0.0.1."""
import pytest

from tests.support.browser import launch
from tests.support.site import StaticServer, build_site, free_port


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The built site: .dir (Path), .url (served at http://127.0.0.1:port/)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir, url)
    if result.returncode != 0:
        pytest.exit(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}", returncode=1)
    with StaticServer(site_dir, port) as server:
        server.dir = site_dir
        server.build_log = result.stdout + result.stderr
        yield server


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def nginx_site(site):
    """The built site served by nginx with deploy/nginx/site.conf: .url, .root, .synthetic_embed."""
    from tests.support.nginx import NginxSite
    with NginxSite(site.dir) as server:
        yield server
