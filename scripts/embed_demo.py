"""Try embeds as a partner would: build the site, serve it, and serve a plain
"partner" page from another origin (the next port) that embeds a section.

    make embed-demo            # site on :8000, partner page on :8001

Paste any snippet from the partners page into build/embed-demo/index.html and reload.
"""
import os
import sys
import tempfile
import time
from pathlib import Path


from scripts.sitelib.embeds import HOST_SCRIPT, snippet, snippet_title
from scripts.devtools.local_site import StaticServer, build_site

ROOT = Path(__file__).resolve().parents[1]
PARTNER = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>A partner's page</title><link rel="icon" href="data:,"></head>
<body style="max-width:40rem;margin:0 auto;padding:1rem;font-family:sans-serif;background:#f3f3f3">
<h1>A partner's page</h1>
<p>This page is on another origin. Replace the code below with a snippet from the partners page.</p>
{snippet}
<p>The partner's own text continues here.</p>
</body></html>
"""


def run() -> None:
    port = int(os.environ.get("PORT", "8000"))
    site_url = f"http://127.0.0.1:{port}/"
    site_dir = Path(tempfile.mkdtemp(prefix="embed-demo-site-"))
    result = build_site(site_dir, site_url)
    if result.returncode != 0:
        sys.exit(result.stdout + result.stderr)
    partner_dir = ROOT / "build" / "embed-demo"
    partner_dir.mkdir(parents=True, exist_ok=True)
    page = partner_dir / "index.html"
    if not page.exists():
        code = snippet(f"{site_url}ro/covid-19/embed/vaccination/",
                       snippet_title("Covid-19 și prevenirea infecțiilor", "Vaccinul"), site_url + HOST_SCRIPT, "ro")
        page.write_text(PARTNER.format(snippet=code), encoding="utf-8")
    with StaticServer(site_dir, port) as site, StaticServer(partner_dir, port + 1) as partner:
        print(f"Site:          {site.url}partners/#embed  (build a snippet here)")
        print(f"Partner page:  {partner.url}  (edit {page.relative_to(ROOT)})")
        print("Ctrl+C stops both.", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass

