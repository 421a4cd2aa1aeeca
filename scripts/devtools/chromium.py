"""Debian's Chromium through Playwright (browsers cannot be downloaded here)."""
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # Headless Chromium 156 opens a window per browser context and preloads its address-bar
    # popup (two chrome://omnibox-popup pages, a renderer process): about a third of the
    # CPU a new context costs. Nothing here shows that popup. Chromium merges this list
    # with Playwright's own --disable-features.
    "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI",
]
PHONE = {"width": 360, "height": 740}


def launch(playwright, extra_args=(), **kwargs):
    """Headless Debian Chromium; works with the sync and the async Playwright API."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + list(extra_args),
                                      headless=True, **kwargs)


def keep_to_origin(context, origin):
    """Abort every request of a Playwright browser context that leaves `origin`
    (scheme, host and port). Returns the list the blocked URLs are added to."""
    allowed = urlsplit(origin)[:2]
    blocked = []

    def decide(route):
        url = route.request.url
        if urlsplit(url)[:2] == allowed or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort("blockedbyclient")

    context.route("**/*", decide)
    return blocked
