"""`make flyers`: build the site with PDF links, then render the whole print kit into it.

    smittevern flyers [--site-dir site] [--no-build] [--preview]      (make flyers)

Renders every flyer, the pocket cards, the language poster (A4, A3), the print
packs and the ZIP, with a progress display. SITE_URL (the deployed address, which
the QR codes carry) comes from the environment; a loopback or private address is
refused (`make flyers` would print flyers that lead nowhere) unless --preview
(`make flyers PREVIEW=1`) stamps "PREVIEW – not for printing" on every PDF. The
build is served on a free local port while Chromium prints.
"""
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from scripts.devtools.local_site import SiteHeadersHandler, StaticServer, build_site
from scripts.devtools.print_pdf import PrintError, open_print_browser, render_print_kit
from scripts.sitelib.site_address import PREVIEW_FLAG, deploy_address_error

ROOT = Path(__file__).resolve().parents[1]


def progress_display(stream: TextIO = sys.stdout) -> Callable[[int, int, str, str], None]:
    """A one-line bar on a terminal, a line per PDF elsewhere (CI logs)."""
    started = time.monotonic()

    def show(done: int, total: int, name: str, note: str = "") -> None:
        elapsed = time.monotonic() - started
        if stream.isatty():
            filled = int(30 * done / total)
            stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} {elapsed:5.1f} s  {name:<48.48}")
            if done == total:
                stream.write("\n")
        else:
            stream.write(f"[{done:>3}/{total}] {elapsed:5.1f} s  {name}\n")
        if note:
            stream.write(f"{'' if not stream.isatty() else chr(10)}  warning: {name}: {note}\n")
        stream.flush()
    return show


def run(site_dir: str | Path = ROOT / "site", no_build: bool = False, preview: bool = False) -> None:
    """Build the site with PDF links (unless no_build), then render the print kit into it."""
    site_dir = Path(site_dir).resolve()
    site_url = os.environ.get("SITE_URL")
    if not no_build:
        if not site_url:
            sys.exit("SITE_URL is not set (the QR codes need the deployed address)")
        problem = None if preview else deploy_address_error(site_url)
        if problem:
            sys.exit(f"make flyers: {problem}")
        started = time.monotonic()
        print("Building the site with PDF links …", flush=True)
        env = {"FLYER_PDFS": "1", **({PREVIEW_FLAG: "1"} if preview else {})}
        result = build_site(site_dir, site_url, extra_env=env)
        if result.returncode != 0:
            sys.exit(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
        print(f"Built into {site_dir} in {time.monotonic() - started:.1f} s", flush=True)
    started = time.monotonic()
    # Served with the production headers (CSP included), as nginx would.
    with StaticServer(site_dir, handler=SiteHeadersHandler) as server, open_print_browser() as browser:
        try:
            written, notes = render_print_kit(browser, server.url, site_dir, progress_display())
        except PrintError as error:
            sys.exit(f"make flyers: {error}")
    size = sum(path.stat().st_size for path in written) / 1e6
    print(f"Rendered {len(written)} PDFs ({size:.1f} MB) and flyers/print-kit.zip in "
          f"{time.monotonic() - started:.1f} s")

