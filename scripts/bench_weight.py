"""Speed and weight benchmark: this site beside Material + static-i18n as they come,
both built from the same docs/ in the same run and served by nginx with
deploy/nginx/site.conf (gzip level 6; nginx logs the bytes of every response, the
workers' included). Numbers, not tests: tests hold bytes and requests only.

For the home, guidance, tips and help pages in nb, th, zh and ro, each in a fresh
Chromium context (cold cache) at 360x740:
- first view: gzip bytes and requests, unthrottled, until the network is quiet
  (nothing typed, search not opened);
- repeat view: then the next page type in the same visit (home -> guidance ->
  tips -> help -> home): its bytes and requests;
- LCP and CLS on two links through Chromium's network emulation:
  400 kbit/s with 400 ms latency, and 2G, 250 kbit/s with 800 ms;
- search, cold, on the 400 kbit/s link (guidance page): from the focus of the
  search field, with a query typed at once, to the first result in the list.
The table gives the median over the four locales per page type. It is written to
bench/weight.md (with every measurement) and between the `bench:weight` markers in
README.md (section "Speed and weight"), so `make bench` regenerates both.

    python scripts/bench_weight.py [--locales nb,th,zh,ro] [--no-default] [--no-readme]
"""
import argparse
import re
import statistics
import sys
import tempfile
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from scripts.devtools.local_site import build_site
from scripts.devtools.nginx import NginxSite
from scripts.devtools.weight import NETWORKS, cold_context, launch_isolated, wait_quiet
from scripts.sitelib.locales import NATIVE_NAMES, SOURCE_LOCALE, locale_prefix

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = "http://127.0.0.1:8000/"
README = ROOT / "README.md"
README_START, README_END = "<!-- bench:weight:start -->", "<!-- bench:weight:end -->"

PAGES = {"home": "", "guidance": "covid-19/", "tips": "drug-services/", "help": "help/"}
LOCALES = ["nb", "th", "zh", "ro"]
PROFILES = NETWORKS  # the two slow links, from scripts/devtools/weight.py
SEARCH_PROFILE = "400 kbit/s"
QUERIES = {"nb": "munnbind", "th": "หน้ากาก", "zh": "口罩", "ro": "mâinile"}  # each on the guidance page
TARGETS = {"bytes_ratio": 0.2, "requests": 8, "lcp_ratio": 0.55, "cls": 0.02, "search_ms": 2500}  # issue 13

PAINT_SCRIPT = """() => new Promise(resolve => {
  let lcp = 0, cls = 0, window = 0, first = 0, last = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) lcp = e.startTime; })
    .observe({type: 'largest-contentful-paint', buffered: true});
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      if (window && (e.startTime - last > 1000 || e.startTime - first > 5000)) window = 0;
      if (!window) first = e.startTime;
      window += e.value; last = e.startTime; cls = Math.max(cls, window);
    }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve({lcp, cls}), 300);
})"""

# Installed before the focus: the time of the focus and of the first result item.
SEARCH_WATCH = """() => {
  const field = document.querySelector('input.md-search__input');
  window.__bench = {};
  field.addEventListener('focus', () => { window.__bench.focus = performance.now(); }, {once: true});
  const none = JSON.parse(document.getElementById('__config').textContent).translations['search.result.none'];
  const meta = document.querySelector('.md-search-result__meta');
  new MutationObserver((_, observer) => {
    if (document.querySelector('.md-search-result__item')) window.__bench.result = performance.now();
    else if (meta && meta.textContent.trim() === none) window.__bench.none = performance.now();
    if (window.__bench.result) observer.disconnect();
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
}"""


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
    result = build_site(site_dir, SITE_URL, **({"config": config} if config else {}))
    if result.returncode != 0 and config is None:
        sys.exit(f"{label} build failed:\n{result.stderr[-3000:]}")
    if result.returncode != 0:  # the out-of-the-box variant is not strict-clean; build it leniently
        import os
        import subprocess
        env = dict(os.environ, SITE_URL=SITE_URL, NO_MKDOCS_2_WARNING="1")
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)],
                       cwd=ROOT, env=env, check=True, capture_output=True)


def counted(server, external):
    log = server.log
    return {"bytes": sum(size for _, _, size in log), "requests": len(log) + len(external),
            "external": len(external), "entries": log}


def weigh(browser, server, locale, kind):
    """First view of one page, then the next page type in the same visit (unthrottled)."""
    kinds = list(PAGES)
    second = kinds[(kinds.index(kind) + 1) % len(kinds)]
    context, page, external = cold_context(browser, locale)
    try:
        server.reset()
        response = page.goto(server.url + locale_prefix(locale) + PAGES[kind], wait_until="load", timeout=120_000)
        if not response or response.status >= 400:
            return None
        wait_quiet(server)
        first = counted(server, external)
        server.reset()
        external.clear()
        page.goto(server.url + locale_prefix(locale) + PAGES[second], wait_until="load", timeout=120_000)
        wait_quiet(server)
        return {"first": first, "repeat": counted(server, external), "second": second}
    finally:
        context.close()


def paint(browser, server, locale, kind, profile):
    """LCP and CLS of a cold first view on a throttled link."""
    context, page, _ = cold_context(browser, locale, network=profile)
    try:
        page.goto(server.url + locale_prefix(locale) + PAGES[kind], wait_until="load", timeout=180_000)
        wait_quiet(server, quiet=0.8, limit=3)  # late stylesheets or fonts may still shift the layout
        return page.evaluate(PAINT_SCRIPT)
    finally:
        context.close()


def search_time(browser, server, locale):
    """Cold guidance page on the search link: focus, type, first result (ms); bytes after the focus."""
    context, page, _ = cold_context(browser, locale, network=SEARCH_PROFILE)
    try:
        page.goto(server.url + locale_prefix(locale) + PAGES["guidance"], wait_until="load", timeout=180_000)
        if not page.locator("input.md-search__input").count():
            return None
        page.evaluate(SEARCH_WATCH)
        server.reset()
        toggle = page.locator("label.md-header__button[for=__search]")
        if toggle.is_visible():
            toggle.click()
        field = page.locator("input.md-search__input")
        field.focus()
        field.type(QUERIES[locale])
        try:  # a result, or "no matching documents" that stays for 2 s
            page.wait_for_function("() => window.__bench.result || (window.__bench.none && "
                                   "performance.now() - window.__bench.none > 2000)", timeout=30_000)
        except Exception:
            return {"ms": None, "bytes": sum(size for _, _, size in server.log)}
        times = page.evaluate("() => window.__bench")
        if not times.get("result"):
            return {"ms": None, "none": True, "bytes": sum(size for _, _, size in server.log)}
        return {"ms": times["result"] - times["focus"], "bytes": sum(size for _, _, size in server.log)}
    finally:
        context.close()


def run_variant(browser, site_dir, locales, label):
    rows = {}
    with NginxSite(site_dir) as server:
        for locale in locales:
            for kind in PAGES:
                weight = weigh(browser, server, locale, kind)
                if weight is None:
                    print(f"  {label} {locale} {kind}: not built", flush=True)
                    continue
                paints = {profile: paint(browser, server, locale, kind, profile) for profile in PROFILES}
                rows[(locale, kind)] = {**weight, "paint": paints}
                print(f"  {label} {locale} {kind}: {weight['first']['bytes'] / 1000:.1f} KB, "
                      f"{weight['first']['requests']} req, repeat {weight['repeat']['bytes'] / 1000:.1f} KB, "
                      + ", ".join(f"LCP {p['lcp'] / 1000:.2f} s CLS {p['cls']:.3f} ({name})"
                                  for name, p in paints.items()), flush=True)
            found = search_time(browser, server, locale)
            rows[(locale, "search")] = found
            print(f"  {label} {locale} search: {found}", flush=True)
    return rows


# --- tables --------------------------------------------------------------------------------

def kb(value):
    return f"{value / 1000:.1f} KB"


def seconds(ms):
    return "–" if ms is None else f"{ms / 1000:.2f} s"


def median(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def summary(rows, kind, locales):
    found = [rows[(locale, kind)] for locale in locales if (locale, kind) in rows]
    if not found:
        return None
    return {
        "bytes": median(row["first"]["bytes"] for row in found),
        "requests": median(row["first"]["requests"] for row in found),
        "external": median(row["first"]["external"] for row in found),
        "repeat_bytes": median(row["repeat"]["bytes"] for row in found),
        "repeat_requests": median(row["repeat"]["requests"] for row in found),
        **{f"lcp {name}": median(row["paint"][name]["lcp"] for row in found) for name in PROFILES},
        **{f"cls {name}": median(row["paint"][name]["cls"] for row in found) for name in PROFILES},
    }


def readme_table(ours, default, locales):
    """The table README.md carries: medians per page type, both variants, the issue's targets."""
    profiles = list(PROFILES)
    links = ", ".join(f"{name} with {PROFILES[name]['latency']} ms latency" for name in profiles)
    head = (["page", "variant", "first view (gzip)", "requests"]
            + [f"LCP {name}" for name in profiles] + ["CLS", "repeat view (gzip, requests)"])
    lines = [
        f"Median over {', '.join(locales)}; phone 360×740, cold cache, served by nginx with `deploy/nginx/site.conf`. "
        f"Links: {links}. "
        "Repeat view: the next page of the same visit (home → guidance → tips → help → home). "
        "CLS: the larger of the two links.",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    checks = []
    for kind in PAGES:
        for label, rows in (("this site", ours), ("Material default", default)):
            if rows is None:
                continue
            row = summary(rows, kind, locales)
            if row is None:
                lines.append(f"| {kind} | {label} | not built |" + " |" * (len(head) - 3))
                continue
            requests = f"{row['requests']:g}" + (f" ({row['external']:g} to Google Fonts)" if row["external"] else "")
            cls = max(row[f"cls {name}"] for name in profiles)
            lines.append("| " + " | ".join(
                [kind if label == "this site" else "", label, kb(row["bytes"]), requests]
                + [seconds(row[f"lcp {name}"]) for name in profiles]
                + [f"{cls:.3f}", f"{kb(row['repeat_bytes'])}, {row['repeat_requests']:g}"]) + " |")
        if default is not None and summary(ours, kind, locales) and summary(default, kind, locales):
            us, them = summary(ours, kind, locales), summary(default, kind, locales)
            lcp = us[f"lcp {SEARCH_PROFILE}"] / them[f"lcp {SEARCH_PROFILE}"]
            cls = max(us[f"cls {name}"] for name in profiles)
            checks.append((kind, us["bytes"] / them["bytes"], us["requests"], lcp, cls))
    if checks:
        lines += ["", f"Against issue 13's targets (on the {SEARCH_PROFILE} link): first view ≤ {TARGETS['bytes_ratio']}× "
                  f"the default's bytes, ≤ {TARGETS['requests']} requests, LCP ≤ {TARGETS['lcp_ratio']}× the default's, "
                  f"CLS ≤ {TARGETS['cls']}.", "",
                  "| page | bytes vs default | requests | LCP vs default | CLS |", "|---|---|---|---|---|"]
        for kind, ratio, requests, lcp, cls in checks:
            mark = lambda ok: "" if ok else " **(over)**"  # noqa: E731
            lines.append(f"| {kind} | {ratio:.2f}×{mark(ratio <= TARGETS['bytes_ratio'])} | {requests:g}"
                         f"{mark(requests <= TARGETS['requests'])} | {lcp:.2f}×{mark(lcp <= TARGETS['lcp_ratio'])} | "
                         f"{cls:.3f}{mark(cls <= TARGETS['cls'])} |")
    lines += ["", f"Search, cold, on the {SEARCH_PROFILE} link (guidance page): from the focus of the field, with "
              f"the query typed at once, to the first result (target ≤ {TARGETS['search_ms'] / 1000:g} s), "
              "and the bytes downloaded after the focus.", "",
              "| variant | " + " | ".join(locales) + " |", "|---|" + "---|" * len(locales)]
    for label, rows in (("this site", ours), ("Material default", default)):
        if rows is None:
            continue
        cells = []
        for locale in locales:
            found = rows.get((locale, "search"))
            cells.append("–" if not found else
                         f"{seconds(found['ms'])} ({kb(found['bytes'])})" if found["ms"] is not None
                         else f"no result{'' if found.get('none') else ' in 30 s'} ({kb(found['bytes'])})")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    if default is not None:
        lines += ["", "Material's default asks Google Fonts for its font; with no internet here that request fails "
                  "at once and counts as a request with 0 bytes (a phone would download the font too)."]
    return "\n".join(lines) + "\n"


def detail_table(ours, default, locales):
    """Every measurement, for bench/weight.md."""
    lines = ["| variant | locale | page | first view | requests | "
             + " | ".join(f"LCP {name} | CLS {name}" for name in PROFILES) + " | repeat view (page) |",
             "|---|---|---|---|---|" + "---|---|" * len(PROFILES) + "---|"]
    for label, rows in (("this site", ours), ("Material default", default)):
        for (locale, kind), row in (rows or {}).items():
            if kind == "search":
                continue
            lines.append(f"| {label} | {locale} | {kind} | {kb(row['first']['bytes'])} | {row['first']['requests']} | "
                         + " | ".join(f"{seconds(row['paint'][name]['lcp'])} | {row['paint'][name]['cls']:.3f}"
                                      for name in PROFILES)
                         + f" | {kb(row['repeat']['bytes'])}, {row['repeat']['requests']} req ({row['second']}) |")
    return "\n".join(lines) + "\n"


def largest_requests(ours, locale, kind, count=8):
    row = ours.get((locale, kind))
    if not row:
        return ""
    entries = sorted(row["first"]["entries"], key=lambda entry: -entry[2])[:count]
    return "\n".join(f"- `{path.split('?')[0]}` {kb(size)}" for path, _, size in entries) + "\n"


def write_readme(table, readme=README):
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(README_START) + r".*?" + re.escape(README_END), re.S)
    if not pattern.search(text):
        sys.exit(f"{readme}: no {README_START} … {README_END} block to replace")
    readme.write_text(pattern.sub(lambda _: f"{README_START}\n{table}{README_END}", text), encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--locales", default=",".join(LOCALES), help="comma-separated (default: nb,th,zh,ro)")
    parser.add_argument("--out", default=str(ROOT / "bench" / "weight.md"))
    parser.add_argument("--no-default", action="store_true", help="skip Material's out-of-the-box variant")
    parser.add_argument("--no-readme", action="store_true", help="leave README.md as it is")
    args = parser.parse_args()
    locales = args.locales.split(",")
    started = time.monotonic()
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with ThreadPoolExecutor(2) as pool:  # two mkdocs processes side by side
            jobs = [pool.submit(build, "this site", tmp / "site")]
            if not args.no_default:
                jobs.append(pool.submit(build, "Material out of the box", tmp / "default", out_of_the_box_config(tmp)))
            for job in jobs:
                job.result()
        with sync_playwright() as playwright:
            browser = launch_isolated(playwright)
            try:
                ours = run_variant(browser, tmp / "site", locales, "this site")
                default = None if args.no_default else run_variant(browser, tmp / "default", locales, "default")
            finally:
                browser.close()
    table = readme_table(ours, default, locales)
    minutes = (time.monotonic() - started) / 60
    text = ("# Speed and weight (`make bench`)\n\n" + table
            + f"\n## Every measurement\n\n" + detail_table(ours, default, locales)
            + f"\n## Largest responses of this site's first view (th, guidance)\n\n"
            + largest_requests(ours, "th", "guidance")
            + f"\nRun took {minutes:.1f} min on this machine.\n")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    if not args.no_readme:
        write_readme(table)
    print()
    print(table)
    print(f"written to {out}" + ("" if args.no_readme else " and README.md"))


if __name__ == "__main__":
    main()
