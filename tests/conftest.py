"""Build the site once per test session and serve it on 127.0.0.1."""
import pytest

from scripts.devtools.chromium import launch
from scripts.devtools.local_site import StaticServer, build_site, free_port, variant_config


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
    # A Norwegian browser: a Norwegian page opened from outside would otherwise
    # switch to the browser's language (components/language-first/language-first.html).
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nb-NO")
    tab = context.new_page()
    yield tab
    context.close()


EDITED_CONTACT = {"phone": "+47 22 00 00 00", "whatsapp": "+47 900 00 000", "opening_hours": "Mandag til fredag 10–16"}
EDITED_LICENCE = "Fritt til bruk med kildehenvisning."


@pytest.fixture(scope="session")
def edited_site(tmp_path_factory):
    """A second build where editors and translators changed things: Thai lacks
    help.md, the Norwegian help.md changed, and some contact fields are filled."""
    tmp_path = tmp_path_factory.mktemp("edited")

    def edit_docs(docs):
        (docs / "th" / "help.md").unlink()
        with open(docs / "nb" / "help.md", "a", encoding="utf-8") as source:
            source.write("\nEn ny setning om hjelp.\n")

    def edit_config(text):
        for key, value in EDITED_CONTACT.items():
            text = text.replace(f'    {key}: ""', f'    {key}: "{value}"')
        return text.replace('  licence: ""', f'  licence: "{EDITED_LICENCE}"')

    config = variant_config(tmp_path, edit_docs=edit_docs, edit_config=edit_config)
    with StaticServer(tmp_path / "site") as server:
        result = build_site(tmp_path / "site", server.url, config=config)
        if result.returncode != 0:
            pytest.exit(f"edited build failed:\n{result.stderr}", returncode=1)
        server.dir = tmp_path / "site"
        yield server


@pytest.fixture(scope="session")
def nginx_site(site):
    """The built site served by nginx with deploy/nginx/site.conf: .url, .root, .synthetic_embed."""
    from scripts.devtools.nginx import NginxSite
    with NginxSite(site.dir) as server:
        yield server
