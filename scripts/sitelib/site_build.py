"""One run of the site build: whether it is a live preview (`mkdocs serve`), and
the tables that one build loads once and shares.

A build is MkDocs' build of the source locale plus static-i18n's nested builds of
the others (scripts/sitelib/material_coupling.py, is_outer_build). Python imports the
plugins' modules once per process, so under `mkdocs serve` a table kept in a module
would outlive the edit that changed its source: every table that comes from a
file lives on a plugin instance (the interface strings, the locale table) or here,
and each new build starts empty (scripts/smittevern/site/plugin.py).

Serve mode is the one answer to "is this a live preview?": `mkdocs serve` (and so
`make serve`) says so in MkDocs' on_startup event; `mkdocs serve --clean` and
`mkdocs build` do not. A live preview skips the output that no reader of the
preview needs (SERVE_SKIPS); every plugin that skips work asks `serving()`.
"""
from typing import Callable, TypeVar

T = TypeVar("T")

# What `make serve` leaves out, compared with `make build` (and why a preview does not need it).
SERVE_SKIPS = (
    "the CSS purge and the inlined first-screen CSS: pages link Material's whole stylesheet",
    "the lite page variants (index.lite.html) that carry the purged stylesheet",
    "offline reading: no service worker, no offline pages, no save button",
    "the print kit's pages (flyers/, pocket cards, posters)",
    "the embed views (<page>/embed/)",
    "the partners' feeds (feed.json, feed.atom)",
    "the Brotli twins of the text files (<file>.br): MkDocs' server compresses nothing",
)

_process = {"serving": False}
_build: dict[str, object] = {}


def start(command: str) -> None:
    """Remember the MkDocs command of this process (on_startup: 'build', 'gh-deploy' or 'serve')."""
    _process["serving"] = command == "serve"


def serving() -> bool:
    """True under `mkdocs serve` (a live preview), False for `mkdocs build`."""
    return _process["serving"]


def new_build() -> None:
    """Forget every table of the previous build (called when a build starts)."""
    _build.clear()


def once_per_build(name: str, load: Callable[[], T]) -> T:
    """The build's `name` table: load() the first time a build asks, the same object after."""
    if name not in _build:
        _build[name] = load()
    return _build[name]  # type: ignore[return-value]
