"""Serve a folder on 127.0.0.1:PORT until the process WATCH_PID ends (shared_site.py).

    python -m tests.support.site_server FOLDER PORT WATCH_PID
"""
import os
import sys
import time

from scripts.devtools.local_site import StaticServer


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def main(folder, port, watch_pid):
    with StaticServer(folder, int(port)):
        while alive(int(watch_pid)):
            time.sleep(0.5)


if __name__ == "__main__":
    main(*sys.argv[1:4])
