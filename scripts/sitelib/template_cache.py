"""Compile each template once per process, not once per locale build.

static-i18n builds every locale with a new Jinja environment, so without a cache
every template is compiled eleven times per build (a quarter of a `make serve`
rebuild). Jinja's bytecode cache checks a template's source before it reuses the
code: an edited template is compiled again. The code also depends on whether the
template autoescapes (scripts/sitelib/autoescape.py), so that is part of the key.
Python code is not reloaded under `mkdocs serve` either: a changed filter needs a restart.
"""
from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Jinja's bytecode cache, kept in this process's memory."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        autoescape = environment.autoescape(name) if callable(environment.autoescape) else environment.autoescape
        key = f"{self.get_cache_key(name, filename)}:{'escape' if autoescape else 'plain'}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # dropped by Jinja if the source's checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


PROCESS_CACHE = MemoryBytecodeCache()
