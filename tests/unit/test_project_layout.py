"""Where things live: a package with no sys.path changes, typed plugins, no JavaScript
in the Python library, and a README for every component."""
import ast
import re

import pytest

from scripts.devtools.local_site import ROOT

PYTHON = sorted(p for folder in ("scripts", "tests") for p in (ROOT / folder).rglob("*.py") if "fixtures" not in p.parts)
COMPONENTS = sorted(p for p in (ROOT / "overrides" / "components").iterdir() if p.is_dir())


def test_scripts_is_a_package_and_nothing_edits_sys_path():
    offenders = [str(path.relative_to(ROOT)) for path in PYTHON
                 if re.search(r"sys\.path\.(insert|append)|^import _root", path.read_text(encoding="utf-8"), re.M)]
    assert not offenders, offenders


def test_every_plugin_event_method_is_typed():
    """Every method of a plugin class (its event handlers and their CombinedEvent parts) is typed."""
    untyped = []
    for path in sorted((ROOT / "scripts" / "smittevern").rglob("plugin.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                for method in (item for item in node.body if isinstance(item, ast.FunctionDef)):
                    arguments = method.args.args[1:] + method.args.kwonlyargs
                    if method.returns is None or any(arg.annotation is None for arg in arguments):
                        untyped.append(f"{path.relative_to(ROOT)}:{method.lineno} {method.name}")
    assert untyped == []


def test_the_python_library_holds_no_javascript_or_developer_tooling():
    sitelib = ROOT / "scripts" / "sitelib"
    assert not list(sitelib.glob("*.js")), "JavaScript belongs in its component's folder"
    tooling = [p.name for p in sitelib.glob("*.py") if re.search(r"^\s*(from|import) (playwright|http\.server)",
                                                                   p.read_text(encoding="utf-8"), re.M)]
    assert not tooling, f"developer and test tooling belongs in scripts/devtools/: {tooling}"


# That every test file a README (or mkdocs.yml) names exists: tests/unit/test_docs.py.


@pytest.mark.parametrize("component", COMPONENTS, ids=lambda path: path.name)
def test_every_component_has_a_readme_naming_its_inputs_and_tests(component):
    readme = component / "README.md"
    assert readme.is_file(), f"{component.name} has no README.md"
    text = readme.read_text(encoding="utf-8")
    assert re.search(r"^Inputs?\b|\binputs?\b", text, re.M | re.I) and "tests/" in text, \
        f"{component.name}/README.md must name its inputs and its tests"
