"""One command for the tools (issue 22): `smittevern` (scripts/cli.py). The make targets call
it, no other module parses a command line, and the documents name no second way in."""
import ast
import re
import subprocess

import click
import pytest
from click.testing import CliRunner

from scripts import cli as cli_module
from scripts.cli import cli
from scripts.sitelib.locales import ROOT
from scripts.sitelib.source_errors import SourceError


def commands(group=cli, prefix=()):
    for name, command in group.commands.items():
        yield prefix + (name,)
        if isinstance(command, click.Group):
            yield from commands(command, prefix + (name,))


@pytest.mark.parametrize("path", sorted(commands()), ids=" ".join)
def test_every_command_has_working_help(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage: cli " + " ".join(path) in result.output


def test_the_make_targets_call_the_one_command():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipes = [line.strip() for line in makefile.splitlines() if line.startswith("\t")]
    for target in ("check", "flyers", "linkcheck", "embed-demo", "bench weight", "bench exit"):
        assert any(line.startswith(f"$(BIN)/smittevern {target}") for line in recipes), target
    assert not [line for line in recipes if re.search(r"python (-m )?scripts[./]", line)], \
        "a make target runs a script past the command"


def test_no_other_module_parses_a_command_line():
    """argparse or a __main__ block outside scripts/cli.py would be a second way in."""
    found = []
    for path in sorted((ROOT / "scripts").rglob("*.py")):
        if path == ROOT / "scripts" / "cli.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [alias.name for alias in node.names] + [getattr(node, "module", None) or ""]
                if "argparse" in names:
                    found.append(f"{path.relative_to(ROOT)}: imports argparse")
            if isinstance(node, ast.Compare) and isinstance(node.left, ast.Name) and node.left.id == "__name__":
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: a __main__ block")
    assert not found, found


def test_the_documents_name_the_command_not_the_scripts():
    tracked = subprocess.run(["git", "ls-files", "*.md", "*.yml", "*.html"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    old = re.compile(r"(python3? |bin/python )(-m )?scripts[./]")
    found = [f"{name}:{number}" for name in tracked
             for number, line in enumerate((ROOT / name).read_text(encoding="utf-8", errors="replace").splitlines(), 1)
             if old.search(line)]
    assert not found, f"run through `smittevern …` (scripts/cli.py) instead: {found}"


def test_check_fails_with_the_problems_it_found(monkeypatch):
    monkeypatch.setattr("scripts.i18n.check", lambda locales: [f"docs/{locales[0]}/help.md:3: a problem"])
    result = CliRunner().invoke(cli, ["check", "th"])
    assert result.exit_code == 1 and "docs/th/help.md:3: a problem" in result.output
    monkeypatch.setattr("scripts.i18n.check", lambda locales: [])
    assert CliRunner().invoke(cli, ["check", "th"]).output.strip() == "No problems."


def test_a_bad_page_is_an_error_naming_it_not_a_traceback(monkeypatch):
    def broken(path, sections=None):
        raise SourceError("docs/th/help.md", 7, "the front matter is not YAML")
    monkeypatch.setattr("scripts.sitelib.freshness.stamp", broken)
    result = CliRunner().invoke(cli, ["stamp", "docs/th/help.md"])
    assert result.exit_code == 1 and "docs/th/help.md:7: the front matter is not YAML" in result.output
    assert "Traceback" not in result.output
    assert cli_module.ROOT == ROOT
