"""Offline reading: the service worker, each locale's page list and offline page.

The service worker (/sw.js) is written at the end of the build so it can carry
the build's version and the list of fingerprinted assets. Each locale gets
/<locale>/offline-pages.json (what "Save this language" stores) and
/<locale>/offline/ (shown for a page the reader has not opened, when offline).
"""
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from .fingerprint import FINGERPRINTED_NAME, content_hash
from .minify import minify_js
from .locales import LOCALES, ROOT, locale_prefix
from .quick_exit import EXIT_DIR

SW_TEMPLATE = ROOT / "overrides" / "components" / "offline" / "service-worker.js.in"
OFFLINE_TEMPLATE = "components/offline/offline-page.html"
OFFLINE_DIR = "offline/"
PAGES_JSON = "offline-pages.json"
FINGERPRINTED = re.compile(FINGERPRINTED_NAME)


def base_path(site_url: str | None) -> str:
    """Path of the site root on its host, with a trailing slash ('/' or '/docs/')."""
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def offline_page_url(locale: str, base: str = "/") -> str:
    return base + locale_prefix(locale) + OFFLINE_DIR


def pages_json_path(locale: str) -> str:
    return locale_prefix(locale) + PAGES_JSON


def page_list(page_urls: Iterable[str], locale: str, base: str = "/") -> list[str]:
    """Absolute URLs of a locale's pages plus its offline page, in a stable order."""
    urls = {base + url.lstrip("/") for url in page_urls}
    urls.add(offline_page_url(locale, base))
    return sorted(urls)


def build_precache(site_dir: str | Path, base: str = "/") -> list[str]:
    """The fingerprinted CSS/JS under assets/ that pages use (not source maps, not
    the search worker: search needs a signal anyway, not the page-only component
    files under assets/components/ nor the print pages' files under assets/print/:
    the worker keeps those when a page uses them) and the icon."""
    site_dir = Path(site_dir)
    used: set[str] = set()
    for page in site_dir.rglob("*.html"):
        used.update(re.findall(r"assets/[\w./-]+", page.read_text(encoding="utf-8", errors="replace")))
    assets = []
    for path in sorted((site_dir / "assets").rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if path.is_file() and FINGERPRINTED.search(rel) and "/workers/" not in rel and rel in used \
                and not rel.startswith(("assets/components/", "assets/print/")):
            assets.append(base + rel)
    if (site_dir / "assets" / "favicon.svg").is_file():
        assets.append(base + "assets/favicon.svg")
    return assets


def build_version(site_dir: str | Path, skip: Iterable[str] = ("sw.js",)) -> str:
    """A short hash of every file the build wrote: it changes when anything changes."""
    site_dir = Path(site_dir)

    def stream() -> Iterator[bytes]:
        for path in sorted(site_dir.rglob("*")):
            rel = path.relative_to(site_dir).as_posix()
            if path.is_file() and rel not in skip and not rel.endswith((".map", ".gz")):
                yield rel.encode("utf-8") + b"\0"
                yield path.read_bytes()
    return content_hash(stream(), length=12)


def offline_pages_by_prefix(base: str = "/", locales: Iterable[str] = LOCALES) -> dict[str, str]:
    """{URL prefix: offline page}, longest prefix first, for the service worker."""
    table = {base + locale_prefix(locale): offline_page_url(locale, base) for locale in locales}
    return dict(sorted(table.items(), key=lambda item: -len(item[0])))


def render_service_worker(version: str, assets: list[str], offline_pages: dict[str, str], base: str = "/", *,
                          neutral: str, template: str | Path = SW_TEMPLATE) -> str:
    """Fill the service worker template with this build's facts. neutral: where the
    quick exit sends the reader (quick_exit.neutral_url, already checked)."""
    text = Path(template).read_text(encoding="utf-8")
    values = {
        "VERSION": json.dumps(version),
        "BASE": json.dumps(base),
        "ASSETS": json.dumps(assets, indent=0),
        "OFFLINE_PAGES": json.dumps(offline_pages, indent=0),
        "FINGERPRINTED": json.dumps(FINGERPRINTED_NAME),
        "EXIT": json.dumps(base + EXIT_DIR),
        "NEUTRAL": json.dumps(neutral),
    }
    for key, value in values.items():
        text = text.replace(f"/*{key}*/null", value)
    if "*/null" in text:
        raise ValueError("service worker template has an unfilled value")
    return minify_js(text)
