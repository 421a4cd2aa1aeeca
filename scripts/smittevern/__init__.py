"""The site's build code as MkDocs plugins, one subpackage per feature, modelled on
mkdocs-material's own (material/plugins/<name>/plugin.py and a typed config.py).

Each plugin's event methods call the plain functions of scripts/sitelib/; its
per-build state lives on the plugin instance. The plugins are registered as entry
points in pyproject.toml and listed in mkdocs.yml in the order of order.PLUGIN_ORDER;
the event priorities that matter are named in order.py.
"""
