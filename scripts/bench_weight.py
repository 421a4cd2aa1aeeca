"""Speed and weight benchmark: this site beside Material + static-i18n as they come,
both built from the same docs/ in the same run and served by nginx with
deploy/nginx/site.conf (our build's Brotli twins, gzip level 6 for Material's default,
which has none; nginx logs the bytes on the wire of every response, the workers'
included). Numbers, not tests: tests hold bytes and requests only.

First, the build time (bench/build.md): paired `mkdocs build`s of both variants,
alternating, of the real docs/ and of a copy with every page three times; wall and
CPU seconds, with the load average beside each.

Then, for the home, guidance, tips and help pages in nb, th, zh and ro, each in a fresh
Chromium context (cold cache) at 360x740:
- first view: bytes on the wire and requests, unthrottled, until the network is quiet
  (nothing typed, search not opened);
- repeat view: then the reader taps a link to the next page type in the same visit
  (home -> guidance -> tips -> help -> home): its bytes and requests;
- LCP, CLS and total blocking time on three profiles through Chromium's emulation:
  400 kbit/s with 400 ms latency, 2G (250 kbit/s, 800 ms), and a cheap phone
  (400 kbit/s with the CPU 6x slower, Emulation.setCPUThrottlingRate);
- the language-first redirect: a Norwegian deep link opened by a phone in the
  locale, against its own page opened directly (bytes, time to LCP);
- search, cold, on the 400 kbit/s link (guidance page): from the focus of the
  search field, with a query typed at once, to the first result in the list.
The summary gives the median over the four locales per page type. It is written,
with every measurement, to bench/weight.md, which bench/README.md links; no README
is rewritten.

    smittevern bench weight [--locales nb,th,zh,ro] [--no-default]
                            [--build-runs 3] [--only-builds]      (make bench)
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scripts.devtools.build_profile import config_for
from scripts.devtools.local_site import build_site, source_date_epoch
from scripts.devtools.nginx import NginxSite
from scripts.devtools.weight import NETWORKS, PROFILES, cold_context, launch_isolated, wait_quiet
from scripts.sitelib.locales import NATIVE_NAMES, SOURCE_LOCALE, locale_prefix

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = "http://127.0.0.1:8000/"
# A variant's measurements: {(locale, page kind or "search" or "redirect"): what was measured}
Rows = dict[tuple[str, str], Any]

PAGES = {"home": "", "guidance": "covid-19/", "tips": "drug-services/", "help": "help/"}
LOCALES = ["nb", "th", "zh", "ro"]
# PROFILES (scripts/devtools/weight.py): the two slow links, and a cheap phone (400 kbit/s, CPU 6× slower)
CHEAP_PHONE = "400 kbit/s, CPU 6x"
SEARCH_PROFILE = "400 kbit/s"
QUERIES = {"nb": "munnbind", "th": "หน้ากาก", "zh": "口罩", "ro": "mâinile"}  # each on the guidance page
TARGETS = {"bytes_ratio": 0.18, "requests": 6, "lcp_ratio": 0.45, "cls": 0.02, "search_ms": 2500,  # issues 13, 23
           "repeat_bytes": 10_000, "redirect_extra": 3 * 1024, "build_ratio": 3.0}

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
  const fcp = (performance.getEntriesByName('first-contentful-paint')[0] || {startTime: 0}).startTime;
  const tbt = (window.__longTasks || []).filter(t => t.start >= fcp)
    .reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
  setTimeout(() => resolve({lcp, cls, tbt}), 300);
})"""
# Installed before the page's own scripts: every long task (> 50 ms) of the main thread.
LONG_TASKS = """window.__longTasks = [];
new PerformanceObserver(list => { for (const e of list.getEntries())
  window.__longTasks.push({start: e.startTime, duration: e.duration}); }).observe({type: 'longtask'});"""
# A link the reader taps (a trusted click: the browser sends Sec-Fetch-User), fixed on top.
TAP_LINK = """href => { const a = document.createElement('a'); a.href = href; a.id = 'bench-next';
  a.textContent = 'next'; Object.assign(a.style, {position: 'fixed', top: '0', left: '0', zIndex: '2147483647',
  background: '#fff', padding: '20px'}); document.body.appendChild(a); }"""

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


def out_of_the_box_config(directory: str | Path, docs_dir: str | Path = ROOT / "docs") -> Path:
    """Material as it comes: plain theme, Google Fonts, static-i18n rebuilding search; no hooks/overrides."""
    languages = "\n".join(
        f"        - locale: {code}\n          name: {name}\n          build: true"
        + ("\n          default: true" if code == SOURCE_LOCALE else "")
        for code, name in NATIVE_NAMES.items()
    )
    text = textwrap.dedent(f"""\
        site_name: Smittevern og helse ved salg eller bytte av sex
        site_url: {SITE_URL}
        docs_dir: {docs_dir}
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


def build(label: str, site_dir: Path, config: Path | None = None) -> None:
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


def counted(server: NginxSite, external: list[Any]) -> dict[str, Any]:
    log = server.log
    return {"bytes": sum(size for _, _, size in log), "requests": len(log) + len(external),
            "external": len(external), "entries": log}


def weigh(browser: "Browser", server: NginxSite, locale: str, kind: str) -> dict[str, Any] | None:
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
        # The reader taps a link to the next page (not page.goto: that is a typed address)
        page.evaluate(TAP_LINK, server.url + locale_prefix(locale) + PAGES[second])
        with page.expect_navigation(wait_until="load", timeout=120_000):
            page.click("#bench-next")
        wait_quiet(server)
        return {"first": first, "repeat": counted(server, external), "second": second}
    finally:
        context.close()


def paint(browser: "Browser", server: NginxSite, locale: str, kind: str, profile: str) -> dict[str, float]:
    """LCP, CLS and total blocking time of a cold first view on a throttled link (and CPU)."""
    context, page, _ = cold_context(browser, locale, network=profile)
    context.add_init_script(LONG_TASKS)
    try:
        page.goto(server.url + locale_prefix(locale) + PAGES[kind], wait_until="load", timeout=180_000)
        wait_quiet(server, quiet=0.8, limit=3)  # late stylesheets or fonts may still shift the layout
        return page.evaluate(PAINT_SCRIPT)
    finally:
        context.close()


def search_time(browser: "Browser", server: NginxSite, locale: str) -> dict[str, Any] | None:
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


def run_variant(browser: "Browser", site_dir: Path, locales: Iterable[str], label: str, redirects: bool = False) -> Rows:
    rows: Rows = {}
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
            if redirects and locale != SOURCE_LOCALE:
                rows[(locale, "redirect")] = redirect_cost(browser, server, locale)
                print(f"  {label} {locale} redirect: {rows[(locale, 'redirect')]}", flush=True)
    return rows


def opened(browser: "Browser", server: NginxSite, locale: str, path: str, end: str) -> dict[str, Any]:
    """A cold phone in `locale` on the 400 kbit/s link opens `path` and ends on `end`: the
    responses nginx logged and ms from the start to the final page's LCP."""
    context, page, _ = cold_context(browser, locale, network=SEARCH_PROFILE)
    try:
        server.reset()
        started = time.time() * 1000
        page.goto(server.url + path, wait_until="commit", timeout=180_000)
        page.wait_for_url(server.url + end, wait_until="load", timeout=180_000)
        wait_quiet(server, quiet=1.5, limit=20)
        origin, paints = page.evaluate("performance.timeOrigin"), page.evaluate(PAINT_SCRIPT)
        return {"bytes": sum(size for _, _, size in server.log), "ms": origin + paints["lcp"] - started,
                "paths": [logged for logged, _, _ in server.log],
                "norwegian": sum(size for logged, _, size in server.log if logged == "/" + PAGES["guidance"])}
    finally:
        context.close()


def redirect_cost(browser: "Browser", server: NginxSite, locale: str) -> dict[str, Any]:
    """A Norwegian deep link (the guidance page, as on a QR code) opened by a phone in
    `locale`, against the right page opened directly."""
    path = PAGES["guidance"]
    direct = opened(browser, server, locale, locale_prefix(locale) + path, locale_prefix(locale) + path)
    redirected = opened(browser, server, locale, path, locale_prefix(locale) + path)
    return {"extra": redirected["bytes"] - direct["bytes"], "extra_ms": redirected["ms"] - direct["ms"],
            "norwegian": redirected["norwegian"], "direct": direct["bytes"],
            "refetched": len(redirected["paths"]) - len(direct["paths"]) - 1}


# --- build times -----------------------------------------------------------------------------

def timed_build(config: Path, site_dir: Path, strict: bool = True) -> dict[str, float] | None:
    """Wall and CPU seconds (the mkdocs process: user + system) of one `mkdocs build`, and
    the load average of the minute before it (the machine may be shared)."""
    env = dict(os.environ, SITE_URL=SITE_URL, NO_MKDOCS_2_WARNING="1")
    if "SOURCE_DATE_EPOCH" not in env and source_date_epoch():
        env["SOURCE_DATE_EPOCH"] = source_date_epoch()
    load = os.getloadavg()[0]
    before, wall = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", *(["--strict"] if strict else []),
                             "-f", str(config), "-d", str(site_dir)], cwd=ROOT, env=env, capture_output=True, text=True)
    wall, after = time.perf_counter() - wall, resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        print(f"{config}: build failed (not timed):\n{result.stderr[-2000:]}", flush=True)
        return None
    shutil.rmtree(site_dir, ignore_errors=True)
    return {"wall": wall, "cpu": after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, "load": load}


TRIPLED = 3   # issue 23: every page three times, the time at most three times


def build_times(tmp: Path, runs: int, copies: Iterable[int] = (1, TRIPLED)) -> list[dict[str, Any]]:
    """Paired builds, the default and this site alternating (which goes first swaps each
    run), of the real docs/ and of a copy with every page `copies` times (all locales)."""
    rows: list[dict[str, Any]] = []
    for count in copies:
        folder = tmp / f"docs-x{count}"
        folder.mkdir()
        ours = config_for(folder, count)
        docs = ROOT / "docs" if count == 1 else folder / "docs"
        (folder / "default").mkdir()
        default = out_of_the_box_config(folder / "default", docs)
        for run in range(runs):
            pair = [("default", default, False), ("this site", ours, True)]
            for label, config, strict in (pair if run % 2 == 0 else pair[::-1]):
                found = timed_build(config, tmp / "timed-site", strict)
                if found is None:
                    continue
                rows.append({"copies": count, "run": run + 1, "variant": label, **found})
                print(f"  build x{count} run {run + 1} {label}: {found['wall']:.1f} s wall, {found['cpu']:.1f} s CPU, "
                      f"load {found['load']:.1f}", flush=True)
    return rows


def build_table(rows: list[dict[str, Any]]) -> str:
    """bench/build.md: every timed build, the medians and the targets (issue 23)."""
    def med(copies: int, variant: str, key: str) -> float:
        found = median(row[key] for row in rows if row["copies"] == copies and row["variant"] == variant)
        return found  # type: ignore[return-value]  # copies: the sizes both variants were timed at

    copies = sorted({row["copies"] for row in rows
                     if {"default", "this site"} <= {found["variant"] for found in rows if found["copies"] == row["copies"]}})
    lines = ["# Build time (`make bench`)", "",
             "`mkdocs build` of this site and of Material + static-i18n as they come (`out_of_the_box_config`), on "
             "the same docs/, one after the other and alternating which goes first. CPU: user + system seconds of "
             "the mkdocs process, which the neighbours on a shared machine disturb far less than wall time. Load: "
             "the one-minute load average just before each build (2 cores).", "",
             "| docs | variant | wall (median) | CPU (median) | runs |", "|---|---|---|---|---|"]
    for count in copies:
        for variant in ("default", "this site"):
            found = [row for row in rows if row["copies"] == count and row["variant"] == variant]
            lines.append(f"| {'real docs/' if count == 1 else f'every page ×{count}'} | {variant} | "
                         f"{med(count, variant, 'wall'):.1f} s | {med(count, variant, 'cpu'):.1f} s | "
                         + ", ".join(f"{row['wall']:.1f} s / {row['cpu']:.1f} s CPU (load {row['load']:.1f})"
                                     for row in found) + " |")
    mark = lambda ok: "" if ok else " **(over)**"  # noqa: E731
    lines += ["", f"Targets: this site ≤ {TARGETS['build_ratio']:g}× the default's time on the same docs/; "
              f"{TRIPLED}× the pages ≤ {TRIPLED}× the time.", "",
              "| check | wall | CPU |", "|---|---|---|"]
    for count in copies:
        ratios = [med(count, "this site", key) / med(count, "default", key) for key in ("wall", "cpu")]
        lines.append(f"| this site / default, {'real docs/' if count == 1 else f'pages ×{count}'} | "
                     + " | ".join(f"{ratio:.1f}×{mark(ratio <= TARGETS['build_ratio'])}" for ratio in ratios) + " |")
    if len(copies) > 1:
        ratios = [med(max(copies), "this site", key) / med(1, "this site", key) for key in ("wall", "cpu")]
        lines.append(f"| this site, pages ×{max(copies)} / real docs/ | "
                     + " | ".join(f"{ratio:.1f}×{mark(ratio <= max(copies))}" for ratio in ratios) + " |")
    return "\n".join(lines) + "\n"


# --- tables --------------------------------------------------------------------------------

def kb(value: float) -> str:
    return f"{value / 1000:.1f} KB"


def seconds(ms: float | None) -> str:
    return "–" if ms is None else f"{ms / 1000:.2f} s"


def median(values: Iterable[float | None]) -> float | None:
    numbers = [value for value in values if value is not None]
    return statistics.median(numbers) if numbers else None


def summary(rows: Rows, kind: str, locales: Sequence[str]) -> dict[str, Any] | None:
    found = [rows[(locale, kind)] for locale in locales if (locale, kind) in rows]
    if not found:
        return None
    return {
        "bytes": median(row["first"]["bytes"] for row in found),
        "max_ratio_bytes": max(row["first"]["bytes"] for row in found),
        "requests": median(row["first"]["requests"] for row in found),
        "max_requests": max(row["first"]["requests"] for row in found),
        "external": median(row["first"]["external"] for row in found),
        "repeat_bytes": median(row["repeat"]["bytes"] for row in found),
        "max_repeat_bytes": max(row["repeat"]["bytes"] for row in found),
        "repeat_requests": median(row["repeat"]["requests"] for row in found),
        **{f"lcp {name}": median(row["paint"][name]["lcp"] for row in found) for name in PROFILES},
        **{f"cls {name}": median(row["paint"][name]["cls"] for row in found) for name in PROFILES},
        **{f"tbt {name}": median(row["paint"][name].get("tbt") for row in found) for name in PROFILES},
    }


def _link(name: str) -> str:
    profile = PROFILES[name]
    cpu = f", CPU {profile['cpu']}× slower" if profile["cpu"] != 1 else ""
    return f"{name} ({NETWORKS[str(profile['network'])]['latency']} ms latency{cpu})"


def summary_table(ours: Rows, default: Rows | None, locales: Sequence[str]) -> str:
    """The summary at the top of bench/weight.md: medians per page type, both variants, the issue's targets."""
    profiles = list(PROFILES)
    head = (["page", "variant", "first view (on the wire)", "requests"]
            + [f"LCP {name}" for name in profiles] + [f"TBT {CHEAP_PHONE}", "CLS", "repeat view (on the wire, requests)"])
    lines = [
        f"Median over {', '.join(locales)}; phone 360×740, cold cache, served by nginx with `deploy/nginx/site.conf`. "
        f"Profiles: {', '.join(_link(name) for name in profiles)}. "
        "Repeat view: the reader taps a link to the next page of the visit (home → guidance → tips → help → home). "
        "CLS: the largest of the profiles. TBT: total blocking time after the first contentful paint.",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    checks: list[tuple[str, float, float, list[float], float, float]] = []
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
            tbt = row[f"tbt {CHEAP_PHONE}"]
            lines.append("| " + " | ".join(
                [kind if label == "this site" else "", label, kb(row["bytes"]), requests]
                + [seconds(row[f"lcp {name}"]) for name in profiles]
                + ["–" if tbt is None else f"{tbt:.0f} ms", f"{cls:.3f}",
                   f"{kb(row['repeat_bytes'])}, {row['repeat_requests']:g}"]) + " |")
        if default is not None and summary(ours, kind, locales) and summary(default, kind, locales):
            us, them = summary(ours, kind, locales), summary(default, kind, locales)
            assert us is not None and them is not None  # the condition above
            worst = max(ours[(locale, kind)]["first"]["bytes"] / default[(locale, kind)]["first"]["bytes"]
                        for locale in locales if (locale, kind) in ours and (locale, kind) in default)
            lcps = [us[f"lcp {name}"] / them[f"lcp {name}"] for name in (SEARCH_PROFILE, CHEAP_PHONE)]
            cls = max(us[f"cls {name}"] for name in profiles)
            checks.append((kind, worst, us["max_requests"], lcps, cls, us["max_repeat_bytes"]))
    if checks:
        mark = lambda ok: "" if ok else " **(over)**"  # noqa: E731
        lines += ["", f"Against issue 23's targets: first view ≤ {TARGETS['bytes_ratio']}× the default's bytes "
                  f"(the worst locale), ≤ {TARGETS['requests']} requests, LCP ≤ {TARGETS['lcp_ratio']}× the default's "
                  f"on {SEARCH_PROFILE} and on {CHEAP_PHONE}, CLS ≤ {TARGETS['cls']}, repeat view ≤ "
                  f"{TARGETS['repeat_bytes'] / 1000:g} KB (the worst locale).", "",
                  f"| page | bytes vs default (worst) | requests (most) | LCP vs default, {SEARCH_PROFILE} | "
                  f"LCP vs default, {CHEAP_PHONE} | CLS | repeat view (largest) |", "|---|---|---|---|---|---|---|"]
        for kind, ratio, most_requests, lcps, cls, repeat in checks:
            lines.append(f"| {kind} | {ratio:.3f}×{mark(ratio <= TARGETS['bytes_ratio'])} | {most_requests:g}"
                         f"{mark(most_requests <= TARGETS['requests'])} | "
                         + " | ".join(f"{lcp:.2f}×{mark(lcp <= TARGETS['lcp_ratio'])}" for lcp in lcps)
                         + f" | {cls:.3f}{mark(cls <= TARGETS['cls'])} | "
                         f"{kb(repeat)}{mark(repeat <= TARGETS['repeat_bytes'])} |")
    redirects = [(locale, ours[(locale, "redirect")]) for locale in locales if ours.get((locale, "redirect"))]
    if redirects:
        lines += ["", f"A Norwegian deep link (the guidance page, as on a QR code) opened by a phone in another "
                  f"language, on {SEARCH_PROFILE}, against that language's page opened directly: bytes nginx sent "
                  f"(target ≤ +{TARGETS['redirect_extra'] / 1024:g} KiB; nginx counts a response whole, as a real "
                  "link carries about one round trip of it, 20 KB at 400 kbit/s and 400 ms, before a stop reaches "
                  "the server), the Norwegian page's responses other than its HTML, and the time to the final "
                  "page's LCP.", "",
                  "| locale | direct | redirected: extra bytes | of which the Norwegian HTML | its other responses | extra time |",
                  "|---|---|---|---|---|---|"]
        for locale, found in redirects:
            ok = found["extra"] <= TARGETS["redirect_extra"]
            lines.append(f"| {locale} | {kb(found['direct'])} | {found['extra'] / 1024:+.1f} KiB"
                         f"{'' if ok else ' **(over)**'} | {found['norwegian'] / 1024:.1f} KiB | "
                         f"{found['refetched']} | {found['extra_ms'] / 1000:+.2f} s |")
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


def detail_table(ours: Rows, default: Rows | None, locales: Sequence[str]) -> str:
    """Every measurement, for bench/weight.md."""
    lines = ["| variant | locale | page | first view | requests | "
             + " | ".join(f"LCP {name} | CLS {name}" for name in PROFILES) + f" | TBT {CHEAP_PHONE} | repeat view (page) |",
             "|---|---|---|---|---|" + "---|---|" * len(PROFILES) + "---|---|"]
    for label, rows in (("this site", ours), ("Material default", default)):
        for (locale, kind), row in (rows or {}).items():
            if kind not in PAGES:
                continue
            tbt = row["paint"][CHEAP_PHONE].get("tbt")
            lines.append(f"| {label} | {locale} | {kind} | {kb(row['first']['bytes'])} | {row['first']['requests']} | "
                         + " | ".join(f"{seconds(row['paint'][name]['lcp'])} | {row['paint'][name]['cls']:.3f}"
                                      for name in PROFILES)
                         + f" | {'–' if tbt is None else f'{tbt:.0f} ms'}"
                         + f" | {kb(row['repeat']['bytes'])}, {row['repeat']['requests']} req ({row['second']}) |")
    return "\n".join(lines) + "\n"


def largest_requests(ours: Rows, locale: str, kind: str, count: int = 8) -> str:
    row = ours.get((locale, kind))
    if not row:
        return ""
    entries = sorted(row["first"]["entries"], key=lambda entry: -entry[2])[:count]
    return "\n".join(f"- `{path.split('?')[0]}` {kb(size)}" for path, _, size in entries) + "\n"


def run(locales: Iterable[str] = LOCALES, out: str | Path = ROOT / "bench" / "weight.md", no_default: bool = False,
        build_runs: int = 3, build_out: str | Path = ROOT / "bench" / "build.md", only_builds: bool = False) -> None:
    """Time the builds (bench/build.md), then measure the pages (bench/weight.md)."""
    locales = list(locales)
    started = time.monotonic()
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if build_runs and not no_default:
            text = build_table(build_times(tmp, build_runs))
            Path(build_out).write_text(text, encoding="utf-8")
            print(text)
        if only_builds:
            return
        with ThreadPoolExecutor(2) as pool:  # two mkdocs processes side by side
            jobs = [pool.submit(build, "this site", tmp / "site")]
            if not no_default:
                jobs.append(pool.submit(build, "Material out of the box", tmp / "default", out_of_the_box_config(tmp)))
            for job in jobs:
                job.result()
        with sync_playwright() as playwright:
            browser = launch_isolated(playwright)
            try:
                ours = run_variant(browser, tmp / "site", locales, "this site", redirects=True)
                default = None if no_default else run_variant(browser, tmp / "default", locales, "default")
            finally:
                browser.close()
    table = summary_table(ours, default, locales)
    minutes = (time.monotonic() - started) / 60
    text = ("# Speed and weight (`make bench`)\n\n" + table
            + "\n## Every measurement\n\n" + detail_table(ours, default, locales)
            + "\n## Largest responses of this site's first view (th, guidance)\n\n"
            + largest_requests(ours, "th", "guidance")
            + f"\nRun took {minutes:.1f} min on this machine.\n")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print()
    print(table)
    print(f"written to {out}")

