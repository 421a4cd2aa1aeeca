"""One build's tables live for that build only, and only `mkdocs serve` is serve mode
(scripts/sitelib/site_build.py)."""
import pytest

from scripts.sitelib import site_build


@pytest.fixture(autouse=True)
def fresh():
    site_build.new_build()
    yield
    site_build.start("build")
    site_build.new_build()


def test_a_table_is_loaded_once_per_build():
    loads = []
    load = lambda: loads.append(1) or {"key": len(loads)}  # noqa: E731
    assert site_build.once_per_build("strings", load) is site_build.once_per_build("strings", load)
    site_build.new_build()
    assert site_build.once_per_build("strings", load) == {"key": 2}
    assert len(loads) == 2


@pytest.mark.parametrize("command, serving", [("serve", True), ("build", False), ("gh-deploy", False)])
def test_only_serve_is_serve_mode(command, serving):
    site_build.start(command)
    assert site_build.serving() is serving
