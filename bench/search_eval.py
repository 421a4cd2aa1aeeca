"""Search evaluation (issue 13, item 4): Material's lunr path against Pagefind.

Three variants of the same docs/, each served gzip-compressed (level 6) with the
site's Content-Security-Policy, and opened in Debian's Chromium at 360x740:

- lunr-main: the site as on `main` (Material's search: worker, lunr, index on every view);
- lunr-lazy: this branch (stub worker and stub index; the rest on the first focus);
- pagefind:  the `main` build with Material's search JavaScript cut off its dialog,
             indexed by Pagefind (extended build), searched through Pagefind's
             public API by a minimal UI in Material's header search box
             (bench/pagefind-search.js). Needs `pip install "pagefind[extended]==1.5.2"`.

Measured per variant and locale:
- first view: requests and gzip bytes on the wire (cold cache, nothing typed);
- focus to first result: requests and bytes after the page has settled;
- time from focus to the first result on a 400 kbit/s, 400 ms RTT link (CDP, as
  scripts/sitelib/weight.py), with the field focused at the page's load event
  (service worker blocked: CDP does not throttle what it fetches);
- quality: the queries of tests/browser/test_foundation.py and more, against
  ground truth from the built pages (which pages contain the word).

    .venv/bin/python bench/search_eval.py [--runs 3] [--locales th zh nb ro] [--out bench/search-eval-results.md]

Timings on a shared 2-core machine are noisy: every timing is the median of --runs.
"""
import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.sitelib.headers import (  # noqa: E402
    ASSET_CACHE, HTML_CACHE, content_security_policy, profile_for, site_script_hashes,
)
from scripts.sitelib.local_site import build_site  # noqa: E402
from scripts.sitelib.locales import LOCALES, locale_prefix  # noqa: E402
from scripts.sitelib.search_index import segment_thai  # noqa: E402
from scripts.sitelib.weight import SLOW_3G, GzipHandler, GzipServer, launch_isolated, wait_quiet  # noqa: E402

SITE_URL = "http://127.0.0.1:8000/"
PAGEFIND_UI = ROOT / "bench" / "pagefind-search.js"

# tests/browser/test_foundation.py: a word as the page writes it, and an inflected form.
INFLECTED = {
    "nb": ("munnbind", "munnbindet"), "en": ("masks", "mask"), "fr": ("masques", "masque"),
    "es": ("mascarillas", "mascarilla"), "pt": ("máscaras", "máscara"), "ro": ("mâinile", "mâini"),
    "ru": ("руки", "рук"), "bg": ("ръцете", "ръце"), "sq": ("duart", "duar"),
}
# Where the mid-sentence Thai and Chinese words come from: (page, section id).
MIDDLE_WORD_SOURCES = [("covid-19", "before"), ("covid-19", "during"), ("covid-19", "if-sick"),
                       ("help", "services"), ("drug-services", "tips")]


# --- variants ---------------------------------------------------------------

def build(label, site_dir, source=ROOT):
    print(f"building {label} …", flush=True)
    result = build_site(site_dir, SITE_URL, config=source / "mkdocs.yml", cwd=source)
    if result.returncode != 0:
        sys.exit(f"{label} build failed:\n{result.stderr[-3000:]}")


def export_ref(ref, target):
    """The tree of a git ref (e.g. main), to build it beside this branch."""
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)


def full_index(site_dir, locale):
    folder = site_dir / locale_prefix(locale) / "search"
    path = folder / "search_index.full.json"
    return json.loads((path if path.is_file() else folder / "search_index.json").read_text(encoding="utf-8"))


def indexed_pages(site_dir, locale):
    """Page paths ('th/covid-19/') that Material's search indexes in a locale."""
    docs = full_index(site_dir, locale)["docs"]
    return {locale_prefix(locale) + doc["location"] for doc in docs if "#" not in doc["location"]}


def pagefind_variant(lunr_site, target):
    """Copy a lunr build; cut Material's search JS off its dialog; index with Pagefind."""
    shutil.copytree(lunr_site, target)
    pages = set()
    for locale in LOCALES:
        pages |= indexed_pages(lunr_site, locale)
    for path in target.rglob("*.html"):
        rel = path.relative_to(target).as_posix()
        html = path.read_text(encoding="utf-8")
        if 'data-md-component="search"' not in html:
            continue
        up = "../" * rel.count("/")
        for old, new in (('data-md-component="search" role="dialog"', f'data-pagefind-search="{up}pagefind/" role="dialog"'),
                         ('<form class="md-search__form" name="search">', '<form class="md-search__form">')):
            if old not in html:
                sys.exit(f"{rel}: Material's search markup changed ({old!r} not found)")
            html = html.replace(old, new, 1)
        html = html.replace(' data-md-component="search-query"', "").replace(' data-md-component="search-result"', "")
        page = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        if page in pages:
            html = html.replace('<article class="md-content__inner md-typeset">',
                                '<article class="md-content__inner md-typeset" data-pagefind-body>', 1)
            for start in ('<div class="site-page-tools"', '<p class="site-page-dates"', '<div class="site-offline'):
                html = html.replace(start, start + " data-pagefind-ignore", 1)
        html = html.replace("</body>", f'<script src="{up}assets/pagefind-search.js"></script></body>', 1)
        path.write_text(html, encoding="utf-8")
    shutil.copy(PAGEFIND_UI, target / "assets" / "pagefind-search.js")
    print("indexing with Pagefind …", flush=True)
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(target)], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"pagefind failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    print(f"  {time.monotonic() - started:.1f} s", flush=True)
    return result.stdout


# --- serving ----------------------------------------------------------------

class CspGzipHandler(GzipHandler):
    """GzipHandler plus the site's Content-Security-Policy and Cache-Control on every
    response, as nginx sends them (scripts/sitelib/headers.py)."""

    def end_headers(self):
        path = self.path.split("?")[0]
        csp = self.server.pagefind_csp if path.startswith("/pagefind/") and self.server.pagefind_csp else self.server.csp
        if csp:
            self.send_header("Content-Security-Policy", csp)
        self.send_header("Cache-Control", ASSET_CACHE if profile_for(path) == "asset" else HTML_CACHE)
        super().end_headers()


class CspServer(GzipServer):
    """The site's policy on every response; `pagefind_csp` instead on /pagefind/ (its worker)."""

    def __init__(self, directory, csp, pagefind_csp=None):
        super(GzipServer, self).__init__(directory, handler=CspGzipHandler)
        self.httpd.log = []
        self.httpd.lock = threading.Lock()
        self.httpd.csp, self.httpd.pagefind_csp = csp, pagefind_csp


def site_csp(site_dir, wasm=False):
    csp = content_security_policy(site_script_hashes(site_dir))
    return csp.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'") if wasm else csp


def serve(variant, site):
    """Pages keep the site's strict policy; Pagefind's files (its worker) also allow 'wasm-unsafe-eval'."""
    return CspServer(site, site_csp(site), site_csp(site, wasm=True) if variant == "pagefind" else None)


def strict_csp_check(browser, site, locale="zh", query="洗手液"):
    """Pagefind under the site's policy unchanged: the console errors it causes."""
    with CspServer(site, site_csp(site)) as server:
        context, page, errors = open_context(browser, locale)
        try:
            page.goto(server.url + locale_prefix(locale) + "covid-19/", wait_until="load")
            type_query(page, query)
            page.wait_for_timeout(5000)
            return {"errors": sorted({error.split("\n")[0][:160] for error in errors}),
                    "results": page.locator(".md-search-result__item").count()}
        finally:
            context.close()


# --- browsing ---------------------------------------------------------------

PROBE = """
window.__search = {focus: null, result: null, violations: []};
document.addEventListener("securitypolicyviolation",
  e => window.__search.violations.push(e.violatedDirective + " " + e.blockedURI));
document.addEventListener("focusin", e => {
  if (window.__search.focus === null && e.target.matches && e.target.matches("input.md-search__input"))
    window.__search.focus = performance.now();
}, true);
new MutationObserver(() => {
  if (window.__search.result === null && document.querySelector(".md-search-result__item"))
    window.__search.result = performance.now();
}).observe(document, {childList: true, subtree: true});
"""
SEARCH_KINDS = re.compile(r"search|pagefind|/workers/|/lunr/")


def open_context(browser, locale, throttle=False):
    """A cold context. Throttled contexts block the service worker: CDP throttles the
    page and its dedicated workers, but not the service worker's own fetches, so
    requests it passes on would skip the slow link."""
    context = browser.new_context(viewport={"width": 360, "height": 740},
                                  locale={"nb": "nb-NO", "zh": "zh-CN"}.get(locale, locale),
                                  service_workers="block" if throttle else "allow")
    context.add_init_script(PROBE)
    errors = []
    page = context.new_page()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    if throttle:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    return context, page, errors


RESULT_SHOWN = """() => {
  const none = JSON.parse(document.getElementById("__config").textContent).translations["search.result.none"];
  return !!document.querySelector(".md-search-result__item")
    || document.querySelector(".md-search-result__meta").textContent.trim() === none;
}"""


def wait_for_result(page):
    """A result item, or Material's 'no matching documents' text."""
    page.wait_for_function(RESULT_SHOWN, timeout=60_000, polling=50)


def type_query(page, query):
    toggle = page.locator("label.md-header__button[for=__search]")
    if toggle.is_visible():
        toggle.click()
    field = page.locator("input.md-search__input")
    field.click()
    field.fill(query)
    field.press("End")


def summarize(entries):
    search = [e for e in entries if SEARCH_KINDS.search(e[0])]
    return {"requests": len(entries), "bytes": sum(e[2] for e in entries),
            "search_requests": len(search), "search_bytes": sum(e[2] for e in search),
            "paths": [f"{path} {status} {size}" for path, status, size in entries]}


def weigh(browser, server, path, locale, query):
    """Cold first view, then focus and type: requests and bytes of each phase."""
    context, page, errors = open_context(browser, locale)
    try:
        server.reset()
        page.goto(server.url + path, wait_until="load")
        if page.evaluate("'serviceWorker' in navigator && !!document.querySelector('meta[name=site-offline]')"):
            page.wait_for_selector("html[data-site-offline=ready]", timeout=60_000)
        wait_quiet(server)
        first = summarize(server.log)
        server.reset()
        type_query(page, query)
        wait_for_result(page)
        wait_quiet(server)
        after = summarize(server.log)
        probe = page.evaluate("window.__search")
        return {"first_view": first, "to_result": after, "violations": probe["violations"], "errors": errors}
    finally:
        context.close()


def time_to_result(browser, server, path, locale, query):
    """Throttled cold open; focus and type at the load event; ms from focus to the first result."""
    context, page, errors = open_context(browser, locale, throttle=True)
    try:
        page.goto(server.url + path, wait_until="load", timeout=120_000)
        type_query(page, query)
        wait_for_result(page)
        probe = page.evaluate("window.__search")
        probe["result"] = probe["result"] or page.evaluate("performance.now()")  # 'none' shown: close enough
        return {"focus_to_result_ms": probe["result"] - probe["focus"], "open_to_result_ms": probe["result"]}
    finally:
        context.close()


def results_for(page, query):
    """Result page paths for one query, in order (anchors dropped, duplicates removed)."""
    page.locator("input.md-search__input").fill("")
    page.locator("input.md-search__input").press("End")
    page.wait_for_timeout(150)
    page.locator("input.md-search__input").fill(query)
    page.locator("input.md-search__input").press("End")
    # Settled: the list has not changed for 600 ms (both UIs render on keyup/input).
    last, stable_since = None, time.monotonic()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        now = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
        meta = page.eval_on_selector(".md-search-result__meta", "m => m.textContent")
        state = (tuple(now), meta)
        if state != last:
            last, stable_since = state, time.monotonic()
        elif time.monotonic() - stable_since > 0.6:
            break
        page.wait_for_timeout(100)
    seen = []
    for href in last[0]:
        path = page_path(href)
        if path not in seen:
            seen.append(path)
    return seen


def page_path(href):
    """'http://127.0.0.1:1234/th/covid-19/?h=x#before' -> 'th/covid-19/' (search.highlight adds ?h=)."""
    return re.sub(r"^https?://[^/]+/", "", href).split("#")[0].split("?")[0]


# --- quality ----------------------------------------------------------------

def page_texts(site_dir, locale):
    """{page path: text} of a locale's indexed pages, from the lunr index (segmentation marks removed)."""
    texts = {}
    for doc in full_index(site_dir, locale)["docs"]:
        page = locale_prefix(locale) + doc["location"].split("#")[0]
        texts[page] = texts.get(page, "") + " " + (doc["title"] + " " + doc["text"]).replace("\u200b", "")
    return {page: re.sub(r"<[^>]+>", " ", text).lower() for page, text in texts.items()}


def middle_word(text, cut):
    """As tests/browser/test_foundation.py: a 2+ letter word from the middle of the longest run."""
    run = max(re.findall(r"[\u0e00-\u0e7f\u4e00-\u9fff]+", text), key=len)
    words = [word for word in cut(run) if len(word) >= 2]
    return words[len(words) // 2] if len(words) >= 3 else None


def longest_word(text, cut):
    run = max(re.findall(r"[\u0e00-\u0e7f\u4e00-\u9fff]+", text), key=len)
    return max(cut(run), key=len)


def two_words(text, cut):
    """Two adjacent words from the middle of the longest run, as a reader types them: no space."""
    run = max(re.findall(r"[\u0e00-\u0e7f\u4e00-\u9fff]+", text), key=len)
    words = [word for word in cut(run) if word.strip()]
    middle = len(words) // 2
    for i in list(range(middle, len(words) - 1)) + list(range(middle - 1, -1, -1)):
        if len(words[i]) >= 2 and len(words[i + 1]) >= 2:
            return words[i] + words[i + 1]
    return None


def cut_for(locale):
    if locale == "th":
        return lambda run: segment_thai(run).strip("\u200b").split("\u200b")
    import jieba
    jieba.setLogLevel(60)
    return lambda run: list(jieba.cut(run))


def quality_queries(site_dir):
    """[(locale, query, kind, expected pages)]; expected = pages whose text contains the word."""
    queries = []
    for locale, forms in INFLECTED.items():
        texts = page_texts(site_dir, locale)
        expected = sorted(page for page, text in texts.items() if any(form.lower() in text for form in forms))
        for query in forms:
            queries.append((locale, query, "as written" if query == forms[0] else "inflected", expected))
    for locale in ("th", "zh"):
        texts = page_texts(site_dir, locale)
        for page, section in MIDDLE_WORD_SOURCES:
            html = (site_dir / locale / page / "index.html").read_text(encoding="utf-8")
            match = re.search(rf'<h2 id="{section}".*?<(?:li|p)>(.*?)</(?:li|p)>', html, re.S)
            text = match and re.sub(r"<[^>]+>", "", match.group(1))
            # The test's word for the first source; the longest word of the run for the others.
            first = (page, section) == MIDDLE_WORD_SOURCES[0]
            word = text and (middle_word(text, cut_for(locale)) if first else longest_word(text, cut_for(locale)))
            if word:
                expected = sorted(p for p, text in texts.items() if word.lower() in text)
                kind = "mid-sentence, test's word" if first else "mid-sentence, longest word"
                queries.append((locale, word, f"{kind} ({page}#{section})", expected))
            phrase = text and two_words(text, cut_for(locale))
            if phrase:
                expected = sorted(p for p, text in texts.items() if phrase.lower() in text)
                queries.append((locale, phrase, f"two words, no space ({page}#{section})", expected))
    return queries


def run_quality(browser, server, queries):
    rows = []
    by_locale = {}
    for row in queries:
        by_locale.setdefault(row[0], []).append(row)
    for locale, items in by_locale.items():
        context, page, _ = open_context(browser, locale)
        try:
            page.goto(server.url + locale_prefix(locale) + "covid-19/", wait_until="load")
            type_query(page, items[0][1])
            wait_for_result(page)
            for _, query, kind, expected in items:
                found = results_for(page, query)
                rows.append({"locale": locale, "query": query, "kind": kind, "expected": expected, "found": found})
        finally:
            context.close()
    return rows


# --- report -----------------------------------------------------------------

def kb(value):
    return f"{value / 1000:.1f} KB"


def median(values):
    return statistics.median(values) if values else float("nan")


def report(data, locales, runs):
    out = ["# Search evaluation: raw results", "",
           "Written by `bench/search_eval.py`; read `bench/search-evaluation.md` for the method and the conclusions.", ""]
    variants = list(data["weights"])
    runs = max((len(times) for by_locale in data["times"].values() for times in by_locale.values()), default=runs)
    out += ["## Bytes and requests (gzip level 6 on the wire, cold cache, 360×740)", "",
            "First view: opening the guidance page (`/<locale>/covid-19/`), nothing typed, until the network is quiet "
            "(service worker included). To result: from focusing the search field to the first result, same page.", "",
            "| variant | locale | first view | of which search | focus → first result | total search cost |",
            "|---|---|---|---|---|---|"]
    for variant in variants:
        for locale in locales:
            w = data["weights"][variant][locale]
            first, after = w["first_view"], w["to_result"]
            out.append(f"| {variant} | {locale} | {kb(first['bytes'])}, {first['requests']} req | "
                       f"{kb(first['search_bytes'])}, {first['search_requests']} req | "
                       f"{kb(after['bytes'])}, {after['requests']} req | "
                       f"{kb(first['search_bytes'] + after['search_bytes'])}, "
                       f"{first['search_requests'] + after['search_requests']} req |")
    out += ["", f"## Time from focus to first result (400 kbit/s, 400 ms RTT; median of {runs} runs)", "",
            "Cold cache; the field is focused and the query typed at the page's `load` event.", "",
            "| variant | " + " | ".join(locales) + " |", "|---|" + "---|" * len(locales)]
    for variant in variants:
        cells = []
        for locale in locales:
            times = [t["focus_to_result_ms"] for t in data["times"][variant][locale]]
            cells.append(f"{median(times) / 1000:.2f} s ({', '.join(f'{t / 1000:.2f}' for t in times)})")
        out.append(f"| {variant} | " + " | ".join(cells) + " |")
    out += ["", "## Quality", "", "Expected: the locale's indexed pages whose text contains the word (for inflected "
            "forms: the form as written or the query). Found: result pages in order.", "",
            "| locale | query | kind | expected | " + " | ".join(variants) + " |",
            "|---|---|---|---|" + "---|" * len(variants)]
    quality = data["quality"]
    for i, row in enumerate(quality[variants[0]]):
        cells = []
        for variant in variants:
            found = list(dict.fromkeys(page_path("http://x/" + path) for path in quality[variant][i]["found"]))
            hits = len(set(found) & set(row["expected"]))
            foreign = [p for p in found if not p.startswith(locale_prefix(row["locale"])) or
                       (row["locale"] == "nb" and p.split("/")[0] in LOCALES)]
            cell = f"{hits}/{len(row['expected'])} of {len(found)}"
            if foreign:
                cell += f" ({len(foreign)} other locale)"
            cells.append(cell)
        out.append(f"| {row['locale']} | {row['query']} | {row['kind']} | {len(row['expected'])} | " + " | ".join(cells) + " |")
    out += ["", "## CSP and console", "",
            "Pages are served with the site's policy; Pagefind's files (`/pagefind/`, its worker) with "
            "`'wasm-unsafe-eval'` added.", ""]
    if "strict_csp" in data:
        out += [f"- pagefind with the site's policy on every response too: {data['strict_csp']['results']} results; "
                f"console: {data['strict_csp']['errors']}"]
    for variant in variants:
        for locale in locales:
            w = data["weights"][variant][locale]
            out.append(f"- {variant} {locale}: violations {w['violations'] or 'none'}; console errors {w['errors'] or 'none'}")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ref", default="main", help="git ref of the lunr-main variant")
    parser.add_argument("--locales", nargs="+", default=["th", "zh", "nb", "ro"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", help="keep builds here (reused when present)")
    parser.add_argument("--variants", nargs="+", default=["lunr-main", "lunr-lazy", "pagefind"])
    parser.add_argument("--parts", nargs="+", default=["weights", "times", "quality", "csp"],
                        help="measure only these (weights times quality csp, or 'none' to rewrite the report); "
                             "the rest is kept from <work>/results.json")
    parser.add_argument("--out", default=str(ROOT / "bench" / "search-eval-results.md"))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="search-eval-"))
    sites = {"lunr-main": work / "lunr-main", "lunr-lazy": work / "lunr-lazy", "pagefind": work / "pagefind"}
    if not sites["lunr-main"].is_dir():
        export_ref(args.ref, work / "src-main")
        build(f"lunr-main ({args.ref})", sites["lunr-main"], work / "src-main")
    if not sites["lunr-lazy"].is_dir():
        build("lunr-lazy (this branch)", sites["lunr-lazy"])
    if not sites["pagefind"].is_dir():
        (work / "pagefind.log").write_text(pagefind_variant(sites["lunr-main"], sites["pagefind"]), encoding="utf-8")
    queries = quality_queries(sites["lunr-main"])
    results = work / "results.json"
    data = json.loads(results.read_text(encoding="utf-8")) if results.is_file() else {}
    for part in ("weights", "times", "quality"):
        data.setdefault(part, {})
    with sync_playwright() as playwright:
        browser = launch_isolated(playwright)
        try:
            for variant, site in sites.items():
                if variant not in args.variants:
                    continue
                with serve(variant, site) as server:
                    print(variant, flush=True)
                    for locale in args.locales:
                        query = quality_queries_for_timing(queries, locale)
                        path = locale_prefix(locale) + "covid-19/"
                        if "weights" in args.parts:
                            w = weigh(browser, server, path, locale, query)
                            data["weights"].setdefault(variant, {})[locale] = w
                            print(f"  {locale} {query}: first view {kb(w['first_view']['bytes'])}, "
                                  f"to result {kb(w['to_result']['bytes'])}", flush=True)
                    if "quality" in args.parts:
                        data["quality"][variant] = run_quality(browser, server, queries)
            if "times" in args.parts:
                measure_times(browser, sites, args, queries, data)
            if "csp" in args.parts and "pagefind" in args.variants:
                data["strict_csp"] = strict_csp_check(browser, sites["pagefind"])
        finally:
            browser.close()
    results.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    text = report(data, args.locales, args.runs)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    print(f"written to {args.out}; raw data in {work / 'results.json'}")


def measure_times(browser, sites, args, queries, data):
    """Throttled timings, interleaved (run, locale, variant) so that the machine's
    load, which changes from minute to minute here, falls on every variant alike."""
    from contextlib import ExitStack
    with ExitStack() as stack:
        servers = {variant: stack.enter_context(serve(variant, site))
                   for variant, site in sites.items() if variant in args.variants}
        for variant in servers:
            data["times"][variant] = {locale: [] for locale in args.locales}
        for run in range(args.runs):
            for locale in args.locales:
                query = quality_queries_for_timing(queries, locale)
                for variant, server in servers.items():
                    timing = time_to_result(browser, server, locale_prefix(locale) + "covid-19/", locale, query)
                    data["times"][variant][locale].append(timing)
                    print(f"  run {run + 1} {locale} {variant}: {timing['focus_to_result_ms']:.0f} ms", flush=True)


def quality_queries_for_timing(queries, locale):
    """The query the timing uses: test_foundation's (th/zh: the 'before' middle word; others: the inflected form)."""
    for row_locale, query, kind, _ in queries:
        if row_locale == locale and (kind == "inflected" or kind.startswith("mid-sentence, test's")):
            return query
    raise ValueError(locale)


if __name__ == "__main__":
    main()
