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


if __name__ == "__main__":
    main(sys.argv[1:])
