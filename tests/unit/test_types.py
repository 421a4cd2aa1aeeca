"""The library is fully annotated, and mypy is set up to keep it so.

Every function and method in scripts/sitelib/ (and in the commands listed in
TYPED_COMMANDS) annotates each parameter and its return, read from the source with
`ast`, so the coverage cannot slip while mypy is not run. `make check` and `make test`
run mypy itself; the config it reads (pyproject.toml, [tool.mypy]) is checked here too:
strict on the library, and no package's missing types ignored wholesale.
"""
import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = ROOT / "scripts" / "sitelib"
# The commands that are annotated and type-checked like the library.
TYPED_COMMANDS = ("scripts/i18n.py", "scripts/linkcheck.py", "scripts/bench_exit.py", "scripts/bench_weight.py",
                  "scripts/render_print_kit.py", "scripts/embed_demo.py", "scripts/cli.py")
TYPED_FILES = (sorted(LIBRARY.glob("*.py")) + sorted((ROOT / "scripts" / "smittevern").rglob("*.py"))
               + [ROOT / name for name in TYPED_COMMANDS])


def unannotated(path, root=ROOT):
    """'file:line name(): …' for each function of a module without a full signature."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    methods = {id(node) for cls in ast.walk(tree) if isinstance(cls, ast.ClassDef)
               for node in cls.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        args = node.args
        params = [*args.posonlyargs, *args.args]
        static = any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in node.decorator_list)
        if id(node) in methods and not static and params:
            params = params[1:]  # self, cls
        params += args.kwonlyargs + [arg for arg in (args.vararg, args.kwarg) if arg is not None]
        missing = [param.arg for param in params if param.annotation is None]
        if node.returns is None:
            missing.append("return")
        if missing:
            found.append((node.lineno, f"{path.relative_to(root)}:{node.lineno} {node.name}(): no annotation for "
                                       f"{', '.join(missing)}"))
    return [message for _, message in sorted(found)]


def test_the_typed_files_exist():
    assert len(TYPED_FILES) > 60
    assert all(path.is_file() for path in TYPED_FILES), [str(p) for p in TYPED_FILES if not p.is_file()]


@pytest.mark.parametrize("path", TYPED_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_function_is_annotated(path):
    assert unannotated(path) == []


def test_the_walk_finds_a_missing_annotation(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("class A:\n    def m(self, x: int):\n        return x\n\n"
                      "    @staticmethod\n    def s(y) -> int:\n        return y\n\n"
                      "def f(a, *rest: int, **options) -> None:\n    def inner() -> int:\n        return 1\n",
                      encoding="utf-8")
    assert unannotated(sample, tmp_path) == ["sample.py:2 m(): no annotation for return",
                                             "sample.py:6 s(): no annotation for y",
                                             "sample.py:9 f(): no annotation for a, options"]


def mypy_config():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]


def test_mypy_checks_the_library_the_plugins_and_the_commands_strictly():
    config = mypy_config()
    assert set(config["files"]) == {"scripts/sitelib", "scripts/smittevern", *TYPED_COMMANDS}
    assert config["check_untyped_defs"] is True
    strict = [override for override in config["overrides"]
              if {"scripts.sitelib.*", "scripts.smittevern.*"} <= set(override["module"])]
    assert strict and all(override.get("disallow_untyped_defs") for override in strict)


def test_mypy_ignores_missing_types_only_for_named_packages():
    config = mypy_config()
    assert "ignore_missing_imports" not in config and "ignore_errors" not in config
    for override in config["overrides"]:
        if override.get("ignore_missing_imports"):
            assert not any(module.startswith("scripts") or module == "*" for module in override["module"]), override
