"""Page-weight benchmark: what a first view costs a reader on a phone.

For each page type (home, guidance, tips, help, flyer, embed) in one locale
(Thai by default) it opens the page in Chromium with a cold cache at 360x740,
opens search and types a query (so the worker and index count), and records
the requests and gzip-compressed bytes on the wire (gzip level 6, as a static
host sends them) and the Largest Contentful Paint on an emulated slow 3G link
(400 kbit/s, 400 ms round trip), served by nginx with deploy/nginx/site.conf.
It does the same for Material's
out-of-the-box configuration on the same docs/, and writes a table.

    python scripts/bench_weight.py [--locale th] [--out bench/weight.md] [--no-default]
"""
import argparse
import sys
import tempfile
import textwrap
from pathlib import Path

from scripts.sitelib.locales import LOCALES, NATIVE_NAMES, SOURCE_LOCALE, locale_prefix
from scripts.devtools.weight import (
    BUDGET_BYTES, BUDGET_LCP_MS, BUDGET_REQUESTS, PAGE_TYPES, launch_isolated, measure,
)
from scripts.devtools.local_site import build_site
from scripts.devtools.nginx import NginxSite

ROOT = Path(__file__).resolve().parents[1]

SITE_URL = "http://127.0.0.1:8000/"


def out_of_the_box_config(directory):
    """Material as it comes: plain theme, Google Fonts, static-i18n rebuilding search; no hooks/overrides."""
    languages = "\n".join(
        f"        - locale: {code}\n          name: {name}\n          build: true"
        + ("\n          default: true" if code == SOURCE_LOCALE else "")
        for code, name in NATIVE_NAMES.items()
    )
    text = textwrap.dedent(f"""\
        site_name: Smittevern og helse ved salg eller bytte av sex
        site_url: {SITE_URL}
        docs_dir: {ROOT / 'docs'}
        theme:
          name: material
          language: nb
        markdown_extensions:
          - admonition
          - attr_list
          - def_list
          - md_in_html
          - tables
          - toc
          - pymdownx.emoji:
              emoji_index: !!python/name:material.extensions.emoji.twemoji
              emoji_generator: !!python/name:material.extensions.emoji.to_svg
        plugins:
          - search
          - i18n:
              docs_structure: folder
              fallback_to_default: true
              reconfigure_material: true
              reconfigure_search: true
              languages:
        """) + languages + "\n"
    path = Path(directory) / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def build(label, site_dir, config=None):
    print(f"building {label} …", flush=True)
    kwargs = {"config": config} if config else {}
    result = build_site(site_dir, SITE_URL, **kwargs)
    if result.returncode != 0 and config is None:
        sys.exit(f"{label} build failed:\n{result.stderr[-3000:]}")
    if result.returncode != 0:  # the out-of-the-box variant is not strict-clean; build it leniently
        import os
        import subprocess
        env = dict(os.environ, SITE_URL=SITE_URL, NO_MKDOCS_2_WARNING="1")
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)],
                       cwd=ROOT, env=env, check=True, capture_output=True)


def run_variant(browser, site_dir, locale):
    rows = {}
    with NginxSite(site_dir) as server:
        for kind, path in PAGE_TYPES.items():
            url_path = locale_prefix(locale) + path
            # Two runs: one for bytes and requests (unthrottled), one for LCP on slow 3G.
            weight = measure(browser, server, url_path, locale=locale)
            if weight.get("status", 0) >= 400:
                rows[kind] = {"path": url_path, "built": False}
                print(f"  {kind:9} /{url_path}: not built", flush=True)
                continue
            timing = measure(browser, server, url_path, throttle=True, locale=locale)
            rows[kind] = {"path": url_path, "built": True, "bytes": weight["bytes"], "requests": weight["requests"],
                          "external": len(weight["external"]), "lcp_ms": timing["lcp_ms"], "searched": weight["searched"]}
            print(f"  {kind:9} /{url_path}: {weight['bytes'] / 1000:.1f} KB, {weight['requests']} requests "
                  f"({len(weight['external'])} to other hosts), LCP {timing['lcp_ms'] / 1000:.2f} s", flush=True)
    return rows


def kb(value):
    return f"{value / 1000:.1f} KB"


def table(ours, default, locale):
    lines = [
        f"Locale `{locale}`, 360×740, cold cache, search opened and a query typed. Bytes: served by nginx (deploy/nginx/site.conf, gzip level 6), on the wire, "
        f"all requests counted (service worker and search worker included). LCP: 400 kbit/s, 400 ms RTT. "
        f"Budget: ≤ {BUDGET_BYTES // 1000} KB, ≤ {BUDGET_REQUESTS} requests, LCP ≤ {BUDGET_LCP_MS / 1000:.0f} s.",
        "",
        "| page | this site: gzip | requests | LCP | in budget | Material default: gzip | requests | LCP | bytes ratio |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for kind in PAGE_TYPES:
        row = ours[kind]
        base = (default or {}).get(kind)
        if not row["built"]:
            lines.append(f"| {kind} (`/{row['path']}`) | not built | | | | | | | |")
            continue
        inside = row["bytes"] <= BUDGET_BYTES and row["requests"] <= BUDGET_REQUESTS and row["lcp_ms"] <= BUDGET_LCP_MS
        cells = [f"{kind} (`/{row['path']}`)", kb(row["bytes"]), str(row["requests"]), f"{row['lcp_ms'] / 1000:.2f} s",
                 "yes" if inside else "**no**"]
        if base and base["built"]:
            fonts = f" ({base['external']} to Google Fonts, 0 bytes)" if base["external"] else ""
            cells += [kb(base["bytes"]), f"{base['requests']}{fonts}", f"{base['lcp_ms'] / 1000:.2f} s",
                      f"{base['bytes'] / row['bytes']:.1f}× heavier"]
        else:
            cells += ["not built", "", "", ""]
        lines.append("| " + " | ".join(cells) + " |")
    if default:
        lines += ["", "The out-of-the-box variant asks Google Fonts for its font; with no internet here those requests "
                  "fail, so they are counted as attempted requests with 0 bytes (a real phone would also download the fonts)."]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--locale", default="th", choices=LOCALES)
    parser.add_argument("--out", default=str(ROOT / "bench" / "weight.md"))
    parser.add_argument("--no-default", action="store_true", help="skip Material's out-of-the-box variant")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        build("this site", tmp / "site")
        if not args.no_default:
            build("Material out of the box", tmp / "default", out_of_the_box_config(tmp))
        with sync_playwright() as playwright:
            browser = launch_isolated(playwright)
            print("this site:")
            ours = run_variant(browser, tmp / "site", args.locale)
            default = None
            if not args.no_default:
                print("Material out of the box:")
                default = run_variant(browser, tmp / "default", args.locale)
            browser.close()
    text = table(ours, default, args.locale)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print()
    print(text)
    print(f"written to {out}")


if __name__ == "__main__":
    main()
