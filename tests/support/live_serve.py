"""A real `mkdocs serve` (as `make serve` runs it) in a subprocess on a free port,
on a project folder: the repository itself, or a copy that a test may edit."""
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from scripts.devtools.local_site import ROOT, free_port, source_date_epoch

# What a build reads: a copy with these is a project of its own (`python -m mkdocs`
# run in it imports its own scripts/ package).
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "scripts", "translations")


def copy_project(target: Path) -> Path:
    """Copy the project's sources into `target` (a new folder) and return it."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    """Edit a file as an editor would (one text replaced), failing if `old` is not there once."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path}: {old!r} is there {text.count(old)} times, not once"
    path.write_text(text.replace(old, new), encoding="utf-8")


class LiveServe:
    """`python -m mkdocs serve --strict` in `project`; use as a context manager."""

    def __init__(self, project: Path, log_path: Path, config: str = "mkdocs.yml", extra_env: dict | None = None):
        self.project, self.log_path, self.config = Path(project), Path(log_path), config
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.env = dict(os.environ, SITE_URL=self.url, NO_MKDOCS_2_WARNING="1", **(extra_env or {}))
        if "SOURCE_DATE_EPOCH" not in self.env and source_date_epoch():
            self.env["SOURCE_DATE_EPOCH"] = source_date_epoch()  # as the Makefile does
        self.env.pop("SITE_CSS_PURGE", None)  # serve decides itself

    def __enter__(self):
        self.log = open(self.log_path, "w+", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", self.config,
             "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=self.project, env=self.env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        return self

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)  # the server and only its own children
        self.process.wait(timeout=30)
        self.log.close()

    def log_tail(self, size: int = 3000) -> str:
        return self.log_path.read_text(encoding="utf-8")[-size:]

    def fetch(self, path: str = "") -> str | None:
        """The page at `path` as served, or None while there is none."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, OSError):
            return None

    def wait_for(self, path: str, text: str, timeout: float) -> float:
        """Seconds until the page at `path` holds `text`; AssertionError after `timeout`."""
        return self.wait_until(lambda: text in (self.fetch(path) or ""), timeout, f"{self.url}{path} to show {text!r}")

    def wait_until(self, check, timeout: float, what: str) -> float:
        """Seconds until check() is true; AssertionError after `timeout`."""
        start = time.monotonic()
        while not check():
            if self.process.poll() is not None:
                raise AssertionError(f"mkdocs serve stopped:\n{self.log_tail()}")
            if time.monotonic() - start > timeout:
                raise AssertionError(f"waited {timeout} s for {what}:\n{self.log_tail()}")
            time.sleep(0.2)
        return time.monotonic() - start

    def wait_for_rebuilds(self, count: int, timeout: float) -> None:
        """Wait until the log shows `count` finished builds (the first build counts as one)."""
        start = time.monotonic()
        while self.log_tail(10**7).count("Documentation built in") < count:
            if self.process.poll() is not None or time.monotonic() - start > timeout:
                raise AssertionError(f"mkdocs serve built fewer than {count} times:\n{self.log_tail()}")
            time.sleep(0.2)
