"""Quick exit timing: from the tap to the request for the exit address (issue 21).

Set-up (the issue's): the site served by nginx with deploy/nginx/site.conf, Chromium at
360x740 with touch, the CPU slowed 6x (CDP Emulation.setCPUThrottlingRate) and a
400 kbit/s link with 400 ms latency (CDP Network.emulateNetworkConditions). When the
reader has saved pages, the service worker gets the same link (CDP, on its own target:
Chromium throttles each target on its own). Other hosts fail at once, so the neutral
site is unreachable, as it is without a signal.

- The tap: a CDP touch (Input.dispatchTouchEvent) on the exit button; its time is the
  moment the finger lifts (touchEnd is sent), on this machine's clock.
- The exit address: the first document request the tap causes for the site's /exit/,
  or for the neutral site (extra.quick_exit_url) when the tap goes straight there
  (with JavaScript, without a signal and without saved pages). Its time is the
  request's `wallTime` in CDP Network.requestWillBeSent: the moment the browser asks
  for it, before the emulated latency.
- At first paint: the tap is sent as soon as Chromium reports the page's first
  contentful paint (Page.lifecycleEvent), usually before any script has run;
  4 s later: 4 s after that paint.
- After "Save offline": in the same visit the reader first pressed "Save all pages in
  this language" (unthrottled), so the service worker controls the page.
- Without a signal: the page is loaded from the saved pages with the link off, or (not
  saved) it loaded on the slow link and the signal went before the tap.

Each case is run `--runs` times (10), the cases in turn, so that a busy moment of the
shared machine falls on several cases rather than on one. The table reports the
worst run (and the median and best beside it). Also: when the neutral site was asked
for, and (saved pages) what was left 2 s after the tap. Written to bench/exit.md with
the machine's load.

    smittevern bench exit [--runs 10] [--site-dir DIR] [--out bench/exit.md]      (make bench)
"""
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scripts.devtools.chromium import PHONE
from scripts.devtools.local_site import build_site
from scripts.devtools.nginx import NginxSite
from scripts.devtools.weight import NETWORKS, launch_isolated
from scripts.sitelib.quick_exit import EXIT_DIR
from scripts.sitelib.site_config import site_extra

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, CDPSession, Page

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = "http://127.0.0.1:8000/"
PAGE = "covid-19/"                    # the longest page a reader reads (Norwegian)
LINK = NETWORKS["400 kbit/s"]
NO_SIGNAL = {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
CPU_SLOWDOWN = 6
LATER_S = 4.0
TARGET_MS = 500
LEFT_AFTER_S = 2.0


@dataclass(frozen=True)
class Case:
    javascript: bool
    saved: bool
    signal: bool
    at_first_paint: bool

    @property
    def label(self) -> str:
        return " · ".join([
            "JavaScript on" if self.javascript else "JavaScript off",
            "saved offline" if self.saved else "nothing saved",
            "400 kbit/s" if self.signal else "no signal",
            "tap at first paint" if self.at_first_paint else f"tap {LATER_S:g} s later",
        ])


def cases() -> list[Case]:
    """The issue's eight (JavaScript on/off x tap at first paint/later x saved or not,
    on the slow link), then the same without a signal where a page can be open then:
    saved pages open offline; without them only a page loaded before the signal went."""
    out = [Case(js, saved, True, first) for saved in (False, True) for js in (True, False) for first in (True, False)]
    out += [Case(js, True, False, first) for js in (True, False) for first in (True, False)]
    out += [Case(js, False, False, False) for js in (True, False)]
    return out


class WorkerTarget:
    """CDP commands to the service worker's own target (Playwright opens sessions to
    pages only): through the browser session's Target.sendMessageToTarget."""

    def __init__(self, browser_session: "CDPSession", target_id: str) -> None:
        self.browser_session = browser_session
        self.id = 0
        self.session = browser_session.send("Target.attachToTarget", {"targetId": target_id, "flatten": False})["sessionId"]

    def send(self, method: str, params: dict[str, Any] | None = None) -> None:
        self.id += 1
        self.browser_session.send("Target.sendMessageToTarget", {
            "sessionId": self.session, "message": json.dumps({"id": self.id, "method": method, "params": params or {}})})


def save_offline(context: "BrowserContext", url: str) -> None:
    """The reader presses "Save all pages in this language" (unthrottled) and waits for it."""
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.locator(".js-offline-save").click()
    page.wait_for_selector(".js-offline[data-state=saved]", timeout=60_000)
    page.wait_for_function("!!navigator.serviceWorker.controller", timeout=20_000)
    page.close()


def throttle_worker(browser: "Browser", network: dict[str, Any]) -> "CDPSession":
    session = browser.new_browser_cdp_session()
    workers = [target for target in session.send("Target.getTargets")["targetInfos"] if target["type"] == "service_worker"]
    if len(workers) != 1:
        raise RuntimeError(f"expected one service worker, found {len(workers)}")
    worker = WorkerTarget(session, workers[0]["targetId"])
    worker.send("Network.enable")
    worker.send("Network.emulateNetworkConditions", network)
    return session


def button_centre(browser: "Browser", url: str) -> tuple[float, float]:
    """Where a thumb taps the exit button on a 360x740 phone (the bar is sticky at the top)."""
    context = browser.new_context(viewport=PHONE, locale="nb-NO", has_touch=True, is_mobile=True)  # type: ignore[arg-type]  # PHONE: width, height
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        box = page.locator("a.js-quick-exit").bounding_box()
        return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2  # type: ignore[index]  # it is shown
    finally:
        context.close()


def wait_for_first_paint(page: "Page", paints: list[float], limit_s: float = 120) -> float:
    """Wait for the page's first contentful paint, and return its time. The exit bar
    is the first text of every page and the build inlines its CSS, so that paint shows
    it (a tap that misses it makes the run fail: no exit request)."""
    deadline = time.monotonic() + limit_s
    while not paints:
        if time.monotonic() > deadline:
            raise RuntimeError(f"no first contentful paint within {limit_s} s")
        page.wait_for_timeout(2)
    return paints[0]


def tap(cdp: "CDPSession", at: tuple[float, float]) -> float:
    """A tap on the exit button. Its time is when the finger touches the screen: CDP
    answers a touch only once the page has taken it, so the time the page was busy
    counts too."""
    x, y = at
    touched = time.time()
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    return touched


def what_is_left(context: "BrowserContext", url: str) -> dict[str, int]:
    page = context.new_page()
    try:
        page.goto(url + "sitemap.xml")   # the site's origin, no script of its own
        return page.evaluate("""async () => ({caches: (await caches.keys()).length,
            workers: (await navigator.serviceWorker.getRegistrations()).length})""")
    finally:
        page.close()


def run_once(browser: "Browser", server: NginxSite, case: Case, tap_at: tuple[float, float], neutral: str) -> dict[str, Any]:
    """One tap; returns {"exit_ms", "address", "neutral_ms", "left"} (ms from the tap)."""
    context = browser.new_context(viewport=PHONE, locale="nb-NO", has_touch=True, is_mobile=True)  # type: ignore[arg-type]  # PHONE: width, height
    worker_session = None
    try:
        url = server.url + PAGE
        if case.saved:
            save_offline(context, url)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        network = LINK if case.signal or not case.saved else NO_SIGNAL
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", network)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        if not case.javascript:
            cdp.send("Emulation.setScriptExecutionDisabled", {"value": True})
        if case.saved:
            worker_session = throttle_worker(browser, network)
        paints: list[float] = []
        requests: list[tuple[float, str]] = []
        cdp.send("Page.enable")
        cdp.send("Page.setLifecycleEventsEnabled", {"enabled": True})
        main_frame = cdp.send("Page.getFrameTree")["frameTree"]["frame"]["id"]
        cdp.on("Page.lifecycleEvent", lambda event: paints.append(time.time())
               if event["name"] == "firstContentfulPaint" and event["frameId"] == main_frame else None)
        cdp.on("Network.requestWillBeSent", lambda event: requests.append((event["wallTime"], event["request"]["url"]))
               if event.get("type") == "Document" else None)
        page.goto(url, wait_until="commit", timeout=120_000)
        painted = wait_for_first_paint(page, paints)
        if not case.at_first_paint:
            page.wait_for_timeout(LATER_S * 1000)
            if not case.signal:     # the signal goes while the page is open
                cdp.send("Network.emulateNetworkConditions", NO_SIGNAL)
        tapped = tap(cdp, tap_at)
        exit_url = server.url + EXIT_DIR
        found: dict[str, Any] = {}
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not ("exit" in found and "neutral" in found):
            page.wait_for_timeout(5)
            for wall_time, request_url in requests:
                if wall_time < tapped - 0.05:
                    continue
                if request_url in (exit_url, neutral) and "exit" not in found:
                    found["exit"] = ((wall_time - tapped) * 1000, "/exit/" if request_url == exit_url else "neutral site")
                if request_url == neutral and "neutral" not in found:
                    found["neutral"] = (wall_time - tapped) * 1000
        if "exit" not in found:
            raise RuntimeError(f"{case.label}: no request for the exit address within 30 s of the tap")
        left = None
        if case.saved:
            time.sleep(max(0.0, LEFT_AFTER_S - (time.time() - tapped)))
            left = what_is_left(context, server.url)
        return {"exit_ms": found["exit"][0], "address": found["exit"][1], "neutral_ms": found.get("neutral"),
                "left": left, "paint_to_tap_ms": (tapped - painted) * 1000}
    finally:
        if worker_session:
            worker_session.detach()
        context.close()


# --- the report ------------------------------------------------------------------------

def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} ({os.cpu_count()} cores)"


def summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Worst, median and best time to the exit address, and what the runs had in common."""
    times = [run["exit_ms"] for run in runs]
    neutral = [run["neutral_ms"] for run in runs if run["neutral_ms"] is not None]
    left = [run["left"] for run in runs if run["left"] is not None]
    return {
        "worst": max(times), "median": statistics.median(times), "best": min(times), "runs": len(times),
        "addresses": sorted({run["address"] for run in runs}),
        "neutral_worst": max(neutral) if len(neutral) == len(runs) else None,
        "left": (f"{sum(1 for item in left if item == {'caches': 0, 'workers': 0})}/{len(left)} runs: "
                 "0 caches, 0 workers") if left else "–",
    }


def report(results: dict[Case, list[dict[str, Any]]], runs: int, started_load: str, ended_load: str,
           minutes: float) -> str:
    lines = [
        "# Quick exit: from the tap to the request for the exit address (`make bench`)",
        "",
        f"Target (issue 21): ≤ {TARGET_MS} ms in the **worst** of {runs} runs. Phone 360×740 with touch, "
        f"CPU slowed {CPU_SLOWDOWN}×, {LINK['downloadThroughput'] * 8 / 1000:g} kbit/s with {LINK['latency']} ms "
        f"latency, served by nginx with `deploy/nginx/site.conf`; page: `/{PAGE}` (Norwegian). How it is measured: "
        "`scripts/bench_exit.py`.",
        "",
        "- **The tap**: a CDP touch on the exit button; its time is when the finger lifts.",
        "- **The exit address**: the first document request the tap causes for the site's `/exit/`, or for the "
        "neutral site when the tap goes straight there (JavaScript on, no signal, nothing saved). Its time is "
        "`wallTime` of CDP `Network.requestWillBeSent`.",
        "- **Neutral site asked**: when the browser asked for the neutral site (through the server's redirect, "
        "the service worker's, or directly). It is unreachable here, as it is without a signal.",
        "- **Left**: with saved pages, the caches and service workers of the site 2 s after the tap.",
        "",
        f"Machine: {started_load} at the start, {ended_load} at the end; the run took {minutes:.1f} min.",
        "",
        "| case | exit address | worst | median | best | neutral site asked (worst) | left |",
        "|---|---|---|---|---|---|---|",
    ]
    for case, found in results.items():
        row = summary(found)
        over = "" if row["worst"] <= TARGET_MS else " **(over)**"
        neutral = "–" if row["neutral_worst"] is None else f"{row['neutral_worst']:.0f} ms"
        lines.append(f"| {case.label} | {', '.join(row['addresses'])} | **{row['worst']:.0f} ms**{over} | "
                     f"{row['median']:.0f} ms | {row['best']:.0f} ms | {neutral} | {row['left']} |")
    return "\n".join(lines) + "\n"


def run(runs: int = 10, site_dir: str | Path | None = None, out: str | Path = ROOT / "bench" / "exit.md") -> None:
    """Tap the exit `runs` times per case; write the report to `out`."""
    started, started_load = time.monotonic(), load()
    neutral = site_extra()["quick_exit_url"]
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(site_dir) if site_dir else Path(tmp) / "site"
        if not site_dir:
            print("building this site …", flush=True)
            result = build_site(folder, SITE_URL)
            if result.returncode != 0:
                sys.exit(f"build failed:\n{result.stderr[-3000:]}")
        with NginxSite(folder) as server, sync_playwright() as playwright:
            browser = launch_isolated(playwright)
            try:
                tap_at = button_centre(browser, server.url + PAGE)
                results: dict[Case, list[dict[str, Any]]] = {case: [] for case in cases()}
                for number in range(runs):
                    for case in results:
                        run = run_once(browser, server, case, tap_at, neutral)
                        results[case].append(run)
                        neutral_ms = "–" if run["neutral_ms"] is None else f"{run['neutral_ms']:.0f} ms"
                        print(f"  run {number + 1} {case.label}: {run['address']} after {run['exit_ms']:.0f} ms "
                              f"(paint→tap {run['paint_to_tap_ms']:.0f} ms), neutral site {neutral_ms}"
                              + ("" if run["left"] is None else f", left {run['left']}"), flush=True)
            finally:
                browser.close()
    text = report(results, runs, started_load, load(), (time.monotonic() - started) / 60)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print()
    print(text)
    print(f"written to {out}")

