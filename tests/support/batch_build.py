"""Build several MkDocs configs in one process, each with the build() that
`mkdocs build --strict` runs, so Python, MkDocs and the hooks' libraries start
once instead of once per build (for the many small hostile-input builds).

    python -m tests.support.batch_build CONFIG SITE_DIR [CONFIG SITE_DIR …]

Prints one JSON line per build: {"config": …, "ok": true|false, "output": log and error,
"cpu_seconds": the CPU time the build took in this process (others' load does not count)}.
"""
import io
import json
import logging
import os
import subprocess
import sys
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config


def build_one(config_file, site_dir):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        build(load_config(config_file, site_dir=site_dir, strict=True))
        return True, stream.getvalue()
    except Exception as error:  # what `mkdocs build` prints as "Error: …"
        return False, f"{stream.getvalue()}Error: {error}"
    finally:
        logger.removeHandler(handler)


def main(argv):
    for config_file, site_dir in zip(argv[::2], argv[1::2]):
        start = time.process_time()
        ok, output = build_one(config_file, site_dir)
        print(json.dumps({"config": config_file, "ok": ok, "output": output,
                          "cpu_seconds": round(time.process_time() - start, 2)}), flush=True)


def build_in_one_process(prepared):
    """{name: (config, site dir)} -> {name: {"ok", "output", "cpu_seconds"}}, every build run
    by this module in one child process, with the environment a build needs."""
    from scripts.devtools.local_site import ROOT, source_date_epoch

    args = [str(path) for config, site_dir in prepared.values() for path in (config, site_dir)]
    env = dict(os.environ, SITE_URL="http://127.0.0.1:8000/", NO_MKDOCS_2_WARNING="1")
    env.setdefault("SOURCE_DATE_EPOCH", source_date_epoch() or "0")
    result = subprocess.run([sys.executable, "-m", "tests.support.batch_build", *args], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == len(prepared), result.stderr[-3000:]
    return dict(zip(prepared, lines))


if __name__ == "__main__":
    main(sys.argv[1:])
