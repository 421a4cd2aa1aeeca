"""Brotli twins of the built text files, for nginx's `brotli_static` (issue 23: bytes).

Beside every page, stylesheet, script and data file the build writes `<file>.br`, the
same bytes compressed with Brotli. A browser that accepts `br` (every current browser,
over HTTPS or from localhost) gets the twin; any other gets nginx's gzip of the file
(deploy/nginx/site.conf). Measured on the Thai guidance page (gzip level 6 → Brotli):
the page 23.2 → 21.1 KB, Material's script 35.0 → 31.3 KB, the stylesheet 11.8 → 10.4 KB.

Files with a content hash in their name (fingerprint.FINGERPRINTED_NAME) are few, are
cached by readers for a year and arrive on every first view: they get Brotli's best
quality (11, slow: about 1.6 ms per KB). The rest, some 800 pages and data files, get
quality 6, about as fast as gzip (1.5 s of CPU for the whole site on a slow machine) and
5-10% smaller; quality 7 saves 0.6% more for twice the time. Every such file gets its
twin: with Debian's module (ngx_brotli 1.0.0rc), a browser that accepts br gets a file
that has none uncompressed, not gzipped (google/ngx_brotli issue #116). The twins are written last, once every page is final
(order.py, PRECOMPRESS), and never under `mkdocs serve`.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import brotli

from .fingerprint import FINGERPRINTED_NAME
from .site_files import write_site_file

SUFFIX = ".br"
# What nginx would gzip (site.conf's gzip_types), by file name.
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".atom", ".webmanifest", ".txt")
MIN_SIZE = 256            # site.conf's gzip_min_length: smaller files go as they are
BEST, FAST = 11, 6        # Brotli quality: fingerprinted files, everything else
NOT_SERVED = ("_nginx/", "_headers")   # the server's own files (site.conf refuses them)


def quality(relative: str) -> int:
    return BEST if re.search(FINGERPRINTED_NAME, relative) else FAST


def compressible(site_dir: Path) -> Iterator[tuple[Path, str]]:
    """(path, site-relative path) of every file that gets a twin, in a stable order."""
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if (path.suffix in COMPRESSIBLE and path.is_file() and not relative.startswith(NOT_SERVED)
                and path.stat().st_size >= MIN_SIZE):
            yield path, relative


def precompress(site_dir: str | Path) -> dict[str, int]:
    """Write the Brotli twins of site_dir's text files; drop twins a file no longer has.
    Returns the count and the bytes before and after."""
    site_dir = Path(site_dir)
    for stale in site_dir.rglob("*" + SUFFIX):
        if not stale.with_suffix("").is_file():
            stale.unlink()
    written = before = after = 0
    for path, relative in compressible(site_dir):
        data = path.read_bytes()
        compressed = brotli.compress(data, quality=quality(relative))
        write_site_file(site_dir, relative + SUFFIX, compressed)
        written, before, after = written + 1, before + len(data), after + len(compressed)
    return {"files": written, "before": before, "after": after}


def stale_twins(site_dir: str | Path) -> list[str]:
    """Twins whose content is not their file's (what must never be served)."""
    site_dir = Path(site_dir)
    return sorted(twin.relative_to(site_dir).as_posix() for twin in site_dir.rglob("*" + SUFFIX)
                  if not twin.with_suffix("").is_file()
                  or brotli.decompress(twin.read_bytes()) != twin.with_suffix("").read_bytes())
