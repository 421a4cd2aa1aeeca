"""`make flyers` (the deploy build) refuses an address a reader's phone cannot open
(issue 25, item 8): the QR codes and the printed address would lead nowhere. Only a
preview (`PREVIEW=1`) may use one, and every PDF of it is stamped (tests/browser/
test_print_kit_browser.py: test_a_preview_stamps_every_page_of_every_pdf)."""
import os
import subprocess
import sys

import pytest

from scripts.devtools.local_site import ROOT, build_site
from scripts.sitelib.site_address import PREVIEW_FLAG, deploy_address_error, unreachable_address

LOCAL = ["http://127.0.0.1:8000/", "http://127.8.9.10/", "http://localhost:8000/", "http://LOCALHOST./",
         "http://preview.localhost/", "http://[::1]:8000/", "http://10.0.0.5/", "http://172.16.3.4/",
         "http://192.168.1.20:8080/", "http://169.254.1.1/", "http://0.0.0.0:8000/", "http://[fd00::1]/",
         "http://printer.local/", "http://100.64.0.1/", "file:///srv/site/"]
PUBLIC = ["https://example.org/", "https://helse.example.no/smittevern/", "http://93.184.216.34/",
          "https://[2606:4700::1111]/", "https://172.32.0.1/"]


@pytest.mark.parametrize("url", LOCAL)
def test_a_local_or_private_address_is_refused(url):
    assert unreachable_address(url), url
    message = deploy_address_error(url)
    assert url in message and "PREVIEW=1" in message and "SITE_URL=https://" in message


@pytest.mark.parametrize("url", PUBLIC)
def test_a_public_address_is_accepted(url):
    assert unreachable_address(url) is None and deploy_address_error(url) is None


def render_print_kit(site_url, *args, tmp_path):
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    env.pop(PREVIEW_FLAG, None)
    return subprocess.run([sys.executable, "-m", "scripts.cli", "flyers", "--site-dir", str(tmp_path / "site"), *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_make_flyers_stops_at_once_with_a_clear_message(tmp_path):
    result = render_print_kit("http://127.0.0.1:8000/", tmp_path=tmp_path)
    assert result.returncode != 0
    assert "make flyers: SITE_URL is 'http://127.0.0.1:8000/': 127.0.0.1 is a loopback address" in result.stderr
    assert "PREVIEW=1" in result.stderr and "PREVIEW – not for printing" in result.stderr
    assert "Building" not in result.stdout and not (tmp_path / "site").exists(), "nothing built, nothing written"


def test_the_makefile_passes_the_preview_flag():
    dry = subprocess.run(["make", "-n", "flyers", "PREVIEW=1", "SITE_URL=http://127.0.0.1:8000/"], cwd=ROOT,
                         capture_output=True, text=True)
    assert "smittevern flyers --site-dir site --preview" in dry.stdout, dry.stdout
    dry = subprocess.run(["make", "-n", "flyers"], cwd=ROOT, capture_output=True, text=True)
    assert "--preview" not in dry.stdout


def test_the_deploy_build_itself_refuses_it_too(tmp_path):
    """A build with PDF links (what make flyers builds) stops in its configuration, before
    anything is written, whoever runs it; the same build as a preview goes on."""
    result = build_site(tmp_path / "site", "http://192.168.1.20:8000/", extra_env={"FLYER_PDFS": "1"})
    assert result.returncode != 0
    assert "The deploy build (make flyers) stops: SITE_URL is 'http://192.168.1.20:8000/'" in result.stderr
    assert not (tmp_path / "site").exists()
