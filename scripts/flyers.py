"""`make flyers`: build the site with PDF links, then print every flyer to PDF inside it.

    python scripts/flyers.py [--site-dir site] [--no-build]

SITE_URL (the deployed address, which the QR codes carry) comes from the
environment. The build is served on a free local port while Chromium prints.
"""
import argparse
import os
import sys
import time
from pathlib import Path

from scripts.sitelib.flyer_pdf import flyer_jobs, render_pdfs
from scripts.devtools.chromium import launch
from scripts.devtools.local_site import StaticServer, build_site

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", default=str(ROOT / "site"))
    parser.add_argument("--no-build", action="store_true", help="print the flyers of an existing FLYER_PDFS=1 build")
    args = parser.parse_args(argv)
    site_dir = Path(args.site_dir).resolve()
    site_url = os.environ.get("SITE_URL")
    if not args.no_build:
        if not site_url:
            sys.exit("SITE_URL is not set (the QR codes need the deployed address)")
        started = time.monotonic()
        result = build_site(site_dir, site_url, extra_env={"FLYER_PDFS": "1"})
        if result.returncode != 0:
            sys.exit(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
        print(f"Built the site with PDF links into {site_dir} in {time.monotonic() - started:.1f} s")
    jobs = flyer_jobs(site_dir)
    if not jobs:
        sys.exit(f"No flyer pages in {site_dir}")
    from playwright.sync_api import sync_playwright
    started = time.monotonic()
    with StaticServer(site_dir) as server, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            written = render_pdfs(browser, server.url, site_dir, jobs)
        finally:
            browser.close()
    print(f"Printed {len(written)} flyer PDFs in {time.monotonic() - started:.1f} s, e.g. {written[0].relative_to(site_dir)}")


if __name__ == "__main__":
    main()
