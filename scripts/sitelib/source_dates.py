"""When a page or some of its lines last changed, from git.

Commit times are the same on every clone of a commit, so builds stay
reproducible. A file with uncommitted changes counts as changed at
SOURCE_DATE_EPOCH (the Makefile sets it), else now. Outside a git checkout,
or for a file git does not know, the answer is None and callers fall back to
the page's own dates. On a shallow clone the oldest commit stands in for all
history before it: fetch the full history for a deploy build (feeds use these
dates).
"""
import datetime
import functools
import os
import subprocess
from pathlib import Path

from .locales import ROOT


def _git(*args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def _from_epoch(seconds: str | int) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(int(seconds), datetime.timezone.utc)


def uncommitted_time() -> datetime.datetime:
    """The time an uncommitted change counts as made."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return _from_epoch(epoch) if epoch else datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)


@functools.lru_cache(maxsize=None)
def _committed(folder: str) -> dict[str, datetime.datetime]:
    """{path relative to the repository: time of the last commit that changed it}, one git call."""
    out = _git("log", "--format=%x00%ct", "--name-only", "--no-renames", "--", folder)
    dates: dict[str, datetime.datetime] = {}
    if out is None:
        return dates
    when = None
    for line in out.split("\n"):
        if line.startswith("\x00"):
            when = _from_epoch(line[1:])
        elif line.strip() and when is not None:
            dates.setdefault(line.strip(), when)
    return dates


@functools.lru_cache(maxsize=None)
def _dirty(folder: str) -> set[str]:
    out = _git("status", "--porcelain", "--no-renames", "--untracked-files=all", "--", folder)
    return {line[3:].strip().strip('"') for line in (out or "").split("\n") if line.strip()}


def _relative(path: str | Path) -> str | None:
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return None


def last_changed(path: str | Path) -> datetime.datetime | None:
    """Time of the last change to a file: its last commit, or uncommitted_time(); None if git cannot say."""
    relative = _relative(path)
    if relative is None:
        return None
    folder = relative.split("/", 1)[0]
    if relative in _dirty(folder):
        return uncommitted_time()
    return _committed(folder).get(relative)


def lines_changed(path: str | Path, first: int, last: int) -> datetime.datetime | None:
    """Time of the newest change among lines first..last (1-based) of a file, from git blame."""
    relative = _relative(path)
    if relative is None or first > last:
        return None
    out = _git("blame", "--porcelain", "-L", f"{first},{last}", "--", relative)
    if out is None:
        return None
    newest = None
    for line in out.split("\n"):
        if line.startswith("committer-time "):
            when = _from_epoch(line.split()[1])
            newest = when if newest is None or when > newest else newest
        elif line.startswith("0000000000000000000000000000000000000000 "):
            return uncommitted_time()
    return newest


def forget() -> None:
    """Drop cached answers (a long `mkdocs serve` sees new commits)."""
    _committed.cache_clear()
    _dirty.cache_clear()
