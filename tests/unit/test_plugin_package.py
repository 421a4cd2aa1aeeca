"""The site's code as MkDocs plugins (scripts/smittevern/): no hooks again, every
entry point imports, mkdocs.yml lists the plugins in the one order, and every event
priority comes from the one table (scripts/smittevern/order.py)."""
import importlib
import inspect
import tomllib

import pytest
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, CombinedEvent

from scripts.devtools.local_site import ROOT
from scripts.sitelib.site_config import load_mkdocs_yml
from scripts.smittevern import order

ENTRY_POINTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
    "project"]["entry-points"]["mkdocs.plugins"]


def plugin_class(target):
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def handlers(cls):
    """[(event, handler function)] of a plugin class, CombinedEvent parts one by one."""
    found = []
    for name, member in inspect.getmembers(cls):
        if not name.startswith("on_"):
            continue
        parts = member.methods if isinstance(member, CombinedEvent) else (member,)
        found += [(name[3:], part) for part in parts]
    return found


def test_mkdocs_yml_lists_no_hooks():
    config = load_mkdocs_yml()
    assert "hooks" not in config, "the site's code runs as plugins (scripts/smittevern/), not as hooks"
    assert not (ROOT / "scripts" / "hooks").exists()


@pytest.mark.parametrize("name", sorted(ENTRY_POINTS))
def test_every_plugin_entry_point_imports(name):
    cls = plugin_class(ENTRY_POINTS[name])
    assert issubclass(cls, BasePlugin) and cls.config_class is not None and issubclass(cls.config_class, Config)
    assert cls.__module__.startswith("scripts.smittevern.") and cls.__module__.endswith(".plugin")
    assert cls.config_class.__module__ == cls.__module__.rsplit(".", 1)[0] + ".config", "a typed config.py beside it"
    cls()   # no arguments, as MkDocs makes it


def test_the_entry_points_are_installed_as_pyproject_names_them():
    from importlib.metadata import entry_points
    installed = {point.name: point.value for point in entry_points(group="mkdocs.plugins")
                 if point.value.startswith("scripts.smittevern.")}
    assert installed == ENTRY_POINTS, "run `make setup` (it reinstalls when pyproject.toml changes)"


def test_mkdocs_yml_lists_the_plugins_after_search_and_i18n_in_the_order_table():
    names = [next(iter(item)) if isinstance(item, dict) else item for item in load_mkdocs_yml()["plugins"]]
    assert names[:2] == ["search", "i18n"], "at equal priority search and i18n run first, as they did before hooks"
    assert tuple(names[2:]) == order.PLUGIN_ORDER
    assert set(order.PLUGIN_ORDER) == set(ENTRY_POINTS)


def test_the_order_table_covers_every_plugin_event_that_has_a_priority():
    used, stray = set(), []
    for name, target in sorted(ENTRY_POINTS.items()):
        for event, handler in handlers(plugin_class(target)):
            if not hasattr(handler, "mkdocs_priority"):
                continue
            key = getattr(handler, "smittevern_order", None)
            if key not in order.PRIORITIES or order.PRIORITIES[key].value != handler.mkdocs_priority:
                stray.append(f"{name} on_{event} ({handler.__qualname__}): priority {handler.mkdocs_priority} "
                             "not set with order.at(NAME)")
            used.add(key)
    assert stray == []
    assert used == set(order.PRIORITIES), "every priority in the table is used"


def test_the_built_config_runs_our_handlers_in_the_table_order():
    """MkDocs sorts by priority, then keeps the plugin order (a stable sort): check it on the real config."""
    from mkdocs.config import load_config
    config = load_config(str(ROOT / "mkdocs.yml"), site_url="http://127.0.0.1:8000/")
    plugins = list(config.plugins)
    assert plugins[:2] == ["material/search", "i18n"] and tuple(plugins[2:]) == order.PLUGIN_ORDER
    origins = config.plugins._event_origins
    for event, methods in config.plugins.events.items():
        ours = [(-getattr(method, "mkdocs_priority", 0), plugins.index(origins[method]))
                for method in methods if origins.get(method, "").startswith("smittevern-")]
        assert ours == sorted(ours), event


def test_no_two_plugins_give_templates_the_same_name():
    """At equal priority the plugins' on_env handlers run in plugin order, and that order changed
    from the hooks' (order.py): it does not matter only while no two register the same global or filter."""
    import ast
    owners = {}
    for path in sorted((ROOT / "scripts" / "smittevern").rglob("plugin.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) \
                    and node.value.attr in ("globals", "filters") and isinstance(node.slice, ast.Constant):
                names.append(f"{node.value.attr}:{node.slice.value}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "update" \
                    and isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "globals":
                names += [f"globals:{keyword.arg}" for keyword in node.keywords]
            for name in names:
                owners.setdefault(name, set()).add(path.parent.name)
    assert len(owners) > 30
    assert {name: places for name, places in owners.items() if len(places) > 1} == {}
