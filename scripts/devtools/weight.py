"""Page weight: what a first view of a page costs, served by nginx with the
project's own deploy/nginx/site.conf (Brotli twins or gzip level 6, the real headers).

nginx logs every response with its bytes on the wire, so requests from the
service worker and the search worker are counted too. Requests to other hosts
cannot load here (no internet); they are counted as attempted, with 0 bytes.
"""
import time
from urllib.parse import urlsplit

from .chromium import launch

PAGE_TYPES = {                     # page type -> path under the locale root
    "home": "",
    "guidance": "covid-19/",
    "tips": "drug-services/",
    "help": "help/",
    "flyer": "flyers/covid-19/",
    "embed": "covid-19/embed/",
}
NETWORKS = {  # Chromium's Network.emulateNetworkConditions: latency in ms, throughput in bytes/s
    "400 kbit/s": {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8},
    "2G": {"offline": False, "latency": 800, "downloadThroughput": 250_000 / 8, "uploadThroughput": 250_000 / 8},
}
SLOW_3G = NETWORKS["400 kbit/s"]
# A cheap phone: the 400 kbit/s link, and the CPU 6 times slower (Emulation.setCPUThrottlingRate).
PROFILES = {name: {"network": name, "cpu": 1} for name in NETWORKS}
PROFILES["400 kbit/s, CPU 6x"] = {"network": "400 kbit/s", "cpu": 6}


# Any host but this machine fails at once (there is no internet here anyway).
OFFLINE_HOSTS_ARG = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"


def launch_isolated(playwright):
    """Debian's Chromium with every other host unreachable."""
    return launch(playwright, extra_args=[OFFLINE_HOSTS_ARG])


def wait_quiet(server, quiet=1.0, limit=20.0):
    """Wait until the server has seen no new request for `quiet` seconds."""
    start = time.monotonic()
    count, since = len(server.log), time.monotonic()
    while time.monotonic() - start < limit:
        time.sleep(0.1)
        now = len(server.log)
        if now != count:
            count, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return


def cold_context(browser, locale, viewport=(360, 740), network=None, cpu=1):
    """A fresh (cold) context for a reader of `locale` (no redirect from the home page),
    on one of NETWORKS (or PROFILES, CPU slowdown included): (context, page, external),
    where `external` collects requests to other hosts. No page.route here: routing turns
    the HTTP cache off, and the service worker relies on it. Other hosts fail at once
    (launch_isolated). network may also be a dict of Network.emulateNetworkConditions."""
    if isinstance(network, str) and network in PROFILES:
        network, cpu = PROFILES[network]["network"], PROFILES[network]["cpu"]
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                  locale={"nb": "nb-NO", "zh": "zh-CN"}.get(locale, locale))
    external = []
    context.on("request", lambda request: external.append(request.url)
               if urlsplit(request.url).hostname not in ("127.0.0.1", "localhost") else None)
    page = context.new_page()
    if network or cpu != 1:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        if network:
            cdp.send("Network.emulateNetworkConditions", network if isinstance(network, dict) else NETWORKS[network])
        if cpu != 1:
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu})
    return context, page, external


LCP_SCRIPT = """() => new Promise(resolve => {
  let last = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) last = e.startTime; })
    .observe({type: 'largest-contentful-paint', buffered: true});
  setTimeout(() => resolve(last), 300);
})"""


def measure(browser, server, path, query="covid", throttle=False, viewport=(360, 740), locale="nb", search=True):
    """First view of `path` in a fresh (cold) context, then (search=True) search for `query`.

    `server` is a running NginxSite (its log counts the responses).

    `locale` is the browser's language (a reader of that language: no redirect
    from the home page to another language).

    Returns {status, requests, bytes, external, lcp_ms, searched, entries}.
    """
    context, page, external = cold_context(browser, locale, viewport, "400 kbit/s" if throttle else None)
    server.reset()
    result = {"path": path, "external": external, "searched": False, "lcp_ms": None}
    try:
        response = page.goto(server.url + path, wait_until="load", timeout=120_000)
        result["status"] = response.status if response else 0
        if result["status"] >= 400:
            return result
        result["lcp_ms"] = page.evaluate(LCP_SCRIPT)
        toggle = page.locator("label.md-header__button[for=__search], label.md-search__icon[for=__search]").first
        if search and page.locator("input.md-search__input").count():
            if toggle.is_visible():
                toggle.click()
            field = page.locator("input.md-search__input")
            field.click()
            field.fill(query)
            field.press("End")
            page.wait_for_selector(".md-search-result__meta", timeout=60_000)
            # The result count (or "no results") shows once the worker has loaded the index.
            page.wait_for_function(
                "() => !/^\\s*$/.test(document.querySelector('.md-search-result__meta').textContent)",
                timeout=60_000)
            result["searched"] = True
        if page.evaluate("'serviceWorker' in navigator && !!document.querySelector('meta[name=site-offline]')"):
            # offline.js has looked for saved pages ("off" until the reader saves some)
            page.wait_for_selector("html[data-site-offline]", state="attached", timeout=60_000)
        wait_quiet(server)
    finally:
        entries = server.log
        result["entries"] = entries
        result["requests"] = len(entries) + len(external)
        result["bytes"] = sum(size for _, _, size in entries)
        context.close()
    return result
