"""Debian's Chromium through Playwright (browsers cannot be downloaded here)."""
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PHONE = {"width": 360, "height": 740}


def launch(playwright, extra_args=(), **kwargs):
    """Headless Debian Chromium; works with the sync and the async Playwright API."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + list(extra_args),
                                      headless=True, **kwargs)
