"""Compile each Jinja template once per process, not once per locale build.

static-i18n builds every locale with a new Jinja environment, and each compiled the
same ~80 templates again (855 compiles per build, about 3 s). A jinja2.BytecodeCache
kept in memory lets the next environment load the code instead.

Compiled code depends on the template's source (Jinja checks it) and on the
environment: its syntax options, the autoescape decision for that template, and, for
each filter and test the template uses, how it is called (with the context or not) and,
since Jinja calls a filter on a constant while it compiles ({{ 'x' | f }}), which
function it is: its name, defaults and the values it closes over (human_date holds
the locale). The key holds all of them, so an environment whose filter differs
compiles its own code."""

from collections.abc import Iterable, Mapping
from typing import Any

from jinja2 import Environment, nodes
from jinja2.bccache import Bucket, BytecodeCache

from .fingerprint import content_hash

# Environment settings the compiler reads (jinja2/compiler.py, nodes.py).
SETTINGS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
            "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
            "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized", "is_async",
            "sandboxed", "intercepted_binops", "intercepted_unops")


def callable_identity(function: Any) -> str | tuple[object, ...]:
    """Which function this is, for this process: two with the same identity behave alike.
    function: any object a Jinja environment holds as a filter, a test or finalize (or None)."""
    code = getattr(function, "__code__", None)
    if code is None:                    # None, a builtin, a bound method, a partial: only itself
        return repr(function)
    try:
        cells = tuple(repr(cell.cell_contents) for cell in function.__closure__ or ())
    except ValueError:                  # a cell not yet filled: only itself
        return repr(function)
    return (function.__module__, function.__qualname__, code.co_filename, code.co_firstlineno,
            repr(function.__defaults__), repr(function.__kwdefaults__), cells,
            str(getattr(function, "jinja_pass_arg", None)))


def compile_settings(environment: Environment, name: str, names_used: Mapping[str, Iterable[str]]) -> str:
    """What, besides the source, the code Jinja compiles for template `name` depends on.
    names_used: the filters and tests the source uses ({"filters": …, "tests": …})."""
    autoescape = environment.autoescape(name) if callable(environment.autoescape) else environment.autoescape
    identities = {kind: [(used, callable_identity(getattr(environment, kind).get(used))) for used in sorted(names)]
                  for kind, names in names_used.items()}
    return repr((name, bool(autoescape), _syntax(environment), callable_identity(environment.finalize),
                 repr(type(environment)), repr(environment.code_generator_class), identities))


def _syntax(environment: Environment) -> tuple[list[object], list[str]]:
    return [getattr(environment, option, None) for option in SETTINGS], sorted(environment.extensions)


def names_used(environment: Environment, name: str, source: str) -> dict[str, set[str]]:
    """The filters and tests a template's source uses."""
    tree = environment.parse(source, name)
    return {"filters": {node.name for node in tree.find_all(nodes.Filter)},
            "tests": {node.name for node in tree.find_all(nodes.Test)}}


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates, in memory, for every environment of this process that uses it."""

    code: dict[str, bytes]
    names_used: dict[tuple[str, str, str], dict[str, set[str]]]

    def __init__(self) -> None:
        self.code, self.names_used = {}, {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        parsed = (name, self.get_source_checksum(source), repr(_syntax(environment)))
        if parsed not in self.names_used:
            self.names_used[parsed] = names_used(environment, name, source)
        settings = compile_settings(environment, name, self.names_used[parsed])
        settings = content_hash(settings, length=40)
        bucket = Bucket(environment, self.get_cache_key(name, filename) + settings, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self.code.clear()
        self.names_used.clear()


SHARED = MemoryBytecodeCache()


def share_compiled_templates(environment: Environment, cache: BytecodeCache = SHARED) -> Environment:
    """Let `environment` reuse code compiled by earlier ones (and store its own); returns it."""
    environment.bytecode_cache = cache
    return environment
