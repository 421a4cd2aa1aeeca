"""Regenerate scripts/sitelib/window_globals.txt: every name a script can read as a
global (`window.x` or plain `x`), as Debian's Chromium has them.

An element's id (and name=, on some elements) becomes a property of `window`
where the browser has no property of that name yet, so an id such as
"navigation" would fake the Navigation API in a browser without it, and switch
off the quick exit's history protection. Page text may not use these names as
ids (scripts/sitelib/sanitizer.py).

The list is every own property name of `window` and of the objects on its
prototype chain (Window.prototype, EventTarget.prototype, Object.prototype; the
named-properties object is empty on a blank page), read on a blank https page
so that secure-context APIs (caches, …) are included.

    smittevern dev window-globals
"""
from pathlib import Path

from playwright.sync_api import sync_playwright

from scripts.devtools.chromium import launch

TARGET = Path(__file__).resolve().parents[1] / "sitelib" / "window_globals.txt"
NAMES = """() => {
  const names = new Set();
  for (let o = window; o; o = Object.getPrototypeOf(o)) Object.getOwnPropertyNames(o).forEach(n => names.add(n));
  return [...names];
}"""


def window_globals():
    """(Chromium version, sorted names) from a blank secure page."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page()
        page.route("https://blank.invalid/", lambda route: route.fulfill(body="<!doctype html><title>x</title>",
                                                                          content_type="text/html"))
        page.goto("https://blank.invalid/")
        names = sorted(page.evaluate(NAMES))
        version = browser.version
        browser.close()
    return version, names


def run():
    version, names = window_globals()
    header = ("# Global names in Chromium " + version + ": every own property of window and of its\n"
              "# prototype chain. Page text may not use them as ids. Regenerate with\n"
              "#     smittevern dev window-globals\n")
    TARGET.write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} names from Chromium {version} -> {TARGET}")

