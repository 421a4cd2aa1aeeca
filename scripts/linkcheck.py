"""Check every internal link and #anchor of a built site with LinkChecker.

    smittevern linkcheck [--external] [--site DIR]      (make linkcheck)

Without --site it builds the site into a temp folder first. The site is served
on 127.0.0.1 (over HTTP: anchors misbehave over file://) and every page of it,
in every locale (flyers and embed views included), is a start URL, so pages no
link reaches are checked too. External links are syntax-checked only, unless
--external (this needs internet). Exit status: 0 when everything is fine.
"""
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.devtools.local_site import StaticServer, build_site, free_port
from scripts.sitelib.css_purge import LITE_PAGE

ROOT = Path(__file__).resolve().parents[1]

CONFIG = ROOT / "scripts" / "linkcheckerrc"


def start_urls(site_dir: str | Path, base_url: str) -> list[str]:
    """A URL for every page: folder URLs for index.html, file URLs for the rest."""
    site_dir = Path(site_dir)
    urls: list[str] = []
    for path in sorted(site_dir.rglob("*.html")):
        if path.name == LITE_PAGE:   # the same page as index.html beside it, the first-screen CSS linked
            continue
        relative = path.relative_to(site_dir).as_posix()
        urls.append(base_url + (relative[: -len("index.html")] if path.name == "index.html" else relative))
    return urls


def linkchecker_command(external: bool = False) -> list[str]:
    binary = Path(sys.executable).with_name("linkchecker")
    command = [str(binary) if binary.exists() else "linkchecker", "-f", str(CONFIG), "--stdin", "--no-status"]
    return command + (["--check-extern"] if external else [])


def run_linkchecker(site_dir: str | Path, base_url: str, external: bool = False) -> subprocess.CompletedProcess[str]:
    """Run LinkChecker over a site already served at base_url; return CompletedProcess."""
    urls = "\n".join(start_urls(site_dir, base_url)) + "\n"
    env = dict(os.environ, HOME=tempfile.gettempdir())  # it keeps a small state folder there
    return subprocess.run(linkchecker_command(external), input=urls, text=True, capture_output=True, env=env)


def world_readable(folder: str | Path) -> None:
    """As root LinkChecker drops to 'nobody'; what it reads must be readable."""
    for path in [Path(folder), *Path(folder).rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def run(external: bool = False, site: str | Path | None = None) -> int:
    """Build (unless `site` is a built site folder), serve and check; returns LinkChecker's exit status."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory(prefix="linkcheck-") as tmp:
        site_dir = Path(site) if site else Path(tmp) / "site"
        if not site:
            print(f"Building the site for {url} ...", flush=True)
            result = build_site(site_dir, url)
            if result.returncode != 0:
                sys.exit(result.stdout + result.stderr)
        with StaticServer(site_dir, port):
            result = run_linkchecker(site_dir, url, external=external)
    print(result.stdout + result.stderr)
    return result.returncode
