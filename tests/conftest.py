"""Build the site once per test run and serve it on 127.0.0.1."""
import ast

import pytest

from scripts.devtools.chromium import launch
from scripts.devtools.local_site import build_site, variant_config
from tests.support.shared_site import MakeFailed, shared_site


@pytest.fixture(scope="session")
def site(tmp_path_factory, worker_id):
    """The built site: .dir (Path), .url (served at http://127.0.0.1:port/), .build_log.
    Built once for the whole run, whatever the number of xdist workers (shared_site)."""
    def build(folder, url):
        result = build_site(folder, url)
        if result.returncode != 0:
            raise MakeFailed(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
        return {"build_log": result.stdout + result.stderr}

    with shared_site(tmp_path_factory, worker_id, "site", build) as served:
        yield served


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    """A Norwegian phone (360x740): the root page does not send it on to another language."""
    from scripts.devtools.chromium import PHONE
    context = browser.new_context(viewport=PHONE, locale="nb-NO")
    yield context
    context.close()


@pytest.fixture
def page(browser):
    # A Norwegian browser: a Norwegian page opened from outside would otherwise
    # switch to the browser's language (components/language-first/language-first.html).
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nb-NO")
    tab = context.new_page()
    yield tab
    context.close()


EDITED_CONTACT = {"phone": "+47 22 00 00 00", "whatsapp": "+47 900 00 000"}
EDITED_HOURS = '[{days: mon-fri, opens: "10:00", closes: "16:00"}]'    # Mandag–fredag 10:00–16:00
EDITED_LICENCE = "Fritt til bruk med kildehenvisning."
# Services as an editor might fill them in (made-up address and numbers): the clinic with
# its own address, hours, phone and WhatsApp; the lawyer with hours only (reached on the
# contact's phone); the others with nothing of their own (the contact's phone too).
EDITED_SERVICES = [
    {"id": "clinic", "address": "Testveien 1, 0000 Oslo", "phone": "+47 22 11 11 11", "whatsapp": "+47 900 11 111",
     "opening_hours": [{"days": "mon-thu", "opens": "12:00", "closes": "16:00"}, {"days": "fri", "opens": "09:00", "closes": "12:00"}]},
    {"id": "social-workers"},
    {"id": "lawyer", "opening_hours": [{"days": "wed", "opens": "13:00", "closes": "16:00"}]},
    {"id": "outreach"},
    {"id": "condoms"},
]


def edited_config(text):
    """mkdocs.yml as an editor filled it in: contact, services and licence."""
    import re
    import yaml
    for key, value in EDITED_CONTACT.items():   # extra.contact's keys (4 spaces), not a service's (6)
        text = re.sub(rf'^    {key}: ""', f'    {key}: "{value}"', text, count=1, flags=re.M)
    text = re.sub(r"^    opening_hours: \[\]", f"    opening_hours: {EDITED_HOURS}", text, count=1, flags=re.M)
    services = yaml.safe_dump({"services": EDITED_SERVICES}, allow_unicode=True, sort_keys=False)
    services = "".join(f"  {line}\n" for line in services.splitlines())
    text, found = re.subn(r"^  services:\n(?:(?: {4}.*)?\n)*", services, text, count=1, flags=re.M)
    assert found == 1, "extra.services not found in mkdocs.yml"
    text, found = re.subn(r'^( +licence: )""', rf'\g<1>"{EDITED_LICENCE}"', text, count=1, flags=re.M)
    assert found == 1, "the partners plugin's licence option not found in mkdocs.yml"
    return text


@pytest.fixture(scope="session")
def edited_site(tmp_path_factory, worker_id):
    """A second build where editors and translators changed things: Thai lacks
    help.md, the Norwegian help.md changed, and contact details, services and the
    licence are filled in (edited_config). Built once for the run, like `site`."""
    def edit_docs(docs):
        (docs / "th" / "help.md").unlink()
        with open(docs / "nb" / "help.md", "a", encoding="utf-8") as source:
            source.write("\nEn ny setning om hjelp.\n")

    def build(folder, url):
        config = variant_config(folder.parent / f"{folder.name}-source", edit_docs=edit_docs, edit_config=edited_config)
        result = build_site(folder, url, config=config)
        if result.returncode != 0:
            raise MakeFailed(f"edited build failed:\n{result.stderr}")
        return {}

    with shared_site(tmp_path_factory, worker_id, "edited", build) as served:
        yield served


@pytest.fixture(scope="session")
def nginx_site(site):
    """The built site served by nginx with deploy/nginx/site.conf: .url, .root, .synthetic_embed."""
    from scripts.devtools.nginx import NginxSite
    with NginxSite(site.dir) as server:
        yield server


def modules_with_module_fixtures(root):
    """The test modules (paths from `root`, as in node ids) that define a module-scoped fixture."""
    found = set()
    for path in sorted((root / "tests").rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and ast.unparse(node.func) == "pytest.fixture"
                    and any(k.arg == "scope" and ast.literal_eval(k.value) == "module" for k in node.keywords)):
                found.add(path.relative_to(root).as_posix())
    return found


def pytest_xdist_make_scheduler(config, log):
    """The tests of a module with its own module-scoped fixture (a variant build, a `mkdocs
    serve`) run on one xdist worker, so the fixture runs once, not once per worker; every
    other test is a unit of its own, as in xdist's `load`. (xdist's `loadgroup` marks do
    not work with pytest 9: it renames node ids through an attribute pytest no longer reads.)"""
    from xdist.scheduler import LoadScopeScheduling
    grouped = modules_with_module_fixtures(config.rootpath)

    class OneWorkerPerModuleFixture(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            module = nodeid.split("::", 1)[0]
            return module if module in grouped else nodeid

    return OneWorkerPerModuleFixture(config, log)
