"""Check every internal link and #anchor of a built site with LinkChecker.

    python scripts/linkcheck.py [--external] [--site DIR]

Without --site it builds the site into a temp folder first. The site is served
on 127.0.0.1 (over HTTP: anchors misbehave over file://) and every page of it,
in every locale (flyers and embed views included), is a start URL, so pages no
link reaches are checked too. External links are syntax-checked only, unless
--external (this needs internet). Exit status: 0 when everything is fine.
"""
import argparse
import os
import subprocess
from typing import NoReturn
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


def main() -> NoReturn:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--external", action="store_true", help="check external links for real (needs internet)")
    parser.add_argument("--site", help="a built site folder (default: build one now)")
    args = parser.parse_args()
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory(prefix="linkcheck-") as tmp:
        site_dir = Path(args.site) if args.site else Path(tmp) / "site"
        if not args.site:
            print(f"Building the site for {url} ...", flush=True)
            result = build_site(site_dir, url)
            if result.returncode != 0:
                sys.exit(result.stdout + result.stderr)
        with StaticServer(site_dir, port):
            result = run_linkchecker(site_dir, url, external=args.external)
    print(result.stdout + result.stderr)
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
