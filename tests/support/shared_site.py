"""One build for the whole test run: pytest-xdist's workers share it (issue 22).

shared_site(tmp_path_factory, worker_id, name, make) is a context manager for a
session fixture. The first worker to ask takes a file lock, starts a server on a free
port for the folder, runs make(folder, url) -> dict of JSON data (a build log, a list
of PDFs), and records where it is; the other workers wait on the lock and read the
record. The server is its own process (site_server.py), so it outlives the worker that
built the site; it stops when pytest's controller process ends. Without xdist the
fixture builds and serves in its own process, as before.
"""
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest
from filelock import FileLock

from scripts.devtools.local_site import ROOT, StaticServer, free_port


class MakeFailed(Exception):
    """make() could not build the site: the message says why; every worker stops with it."""


def _wait_until_served(url, limit_s=20):
    deadline = time.monotonic() + limit_s
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return                       # it answers (an empty folder: 404)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@contextmanager
def shared_site(tmp_path_factory, worker_id, name, make):
    if worker_id == "master":            # not distributed: build and serve here
        folder = tmp_path_factory.mktemp(name)
        port = free_port()
        with StaticServer(folder, port) as server:
            try:
                data = make(folder, server.url)
            except MakeFailed as error:
                pytest.exit(str(error), returncode=1)
            yield SimpleNamespace(dir=folder, url=server.url, **data)
        return
    root = tmp_path_factory.getbasetemp().parent        # shared by the run's workers
    record = root / f"{name}.json"
    with FileLock(str(root / f"{name}.lock")):
        if not record.exists():
            folder = root / name
            folder.mkdir()
            port = free_port()
            url = f"http://127.0.0.1:{port}/"
            # The controller (the workers' parent) outlives every worker: the server stops with it.
            subprocess.Popen([sys.executable, "-m", "tests.support.site_server", str(folder), str(port),
                              str(os.getppid())], cwd=ROOT, start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _wait_until_served(url)
            try:
                data, error = make(folder, url), None
            except MakeFailed as failure:
                data, error = {}, str(failure)
            record.write_text(json.dumps({"dir": str(folder), "url": url, "data": data, "error": error}),
                              encoding="utf-8")
    found = json.loads(record.read_text(encoding="utf-8"))
    if found["error"]:
        pytest.exit(found["error"], returncode=1)
    yield SimpleNamespace(dir=Path(found["dir"]), url=found["url"], **found["data"])
