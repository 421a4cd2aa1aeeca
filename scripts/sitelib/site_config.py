"""Read mkdocs.yml as plain data (for scripts and tests that need `extra:` or `nav:`),
with MkDocs' own YAML loader (it knows !ENV, !relative and INHERIT)."""
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

from .locales import CONFIG_FILE


def load_mkdocs_yml(path: str | Path = CONFIG_FILE) -> dict[str, Any]:
    with open(path, "rb") as source:
        return yaml_load(source)


# Options that configure one feature are in its plugin's typed config (scripts/smittevern/),
# not under `extra:`: the reader-safety plugin's quick exit address and emergency numbers.
# The library's functions take one `extra` mapping (phone_numbers.config_numbers walks it
# for every number), so the build puts those options back into config.extra from the typed
# values, and site_extra() does the same for a mkdocs.yml read as plain data.
READER_SAFETY_PLUGIN = "smittevern-reader-safety"
READER_SAFETY_KEYS = ("quick_exit_url", "emergency")
PARTNERS_PLUGIN = "smittevern-partners"
PARTNERS_KEYS = ("licence",)


def plugin_options(name: str, config: dict | None = None) -> dict:
    """The options of plugin `name` in mkdocs.yml read as plain data ({} if it has none)."""
    config = load_mkdocs_yml() if config is None else config
    for item in config.get("plugins") or []:
        if isinstance(item, dict) and name in item:
            return dict(item[name] or {})
    return {}


def site_extra(config: dict | None = None) -> dict:
    """mkdocs.yml's `extra:` with the options the plugins put into it, as the build sees it
    (the reader-safety and partners plugins' OPTIONS_IN_EXTRA)."""
    config = load_mkdocs_yml() if config is None else config
    extra = dict(config.get("extra") or {})
    for plugin, keys in ((READER_SAFETY_PLUGIN, READER_SAFETY_KEYS), (PARTNERS_PLUGIN, PARTNERS_KEYS)):
        options = plugin_options(plugin, config)
        extra.update({key: options[key] for key in keys if key in options})
    return extra



def contact_numbers(config: Mapping[str, Any] | None = None) -> list[str]:
    """The phone and WhatsApp numbers an editor filled in (the only ones pages may show)."""
    contact = (config or load_mkdocs_yml())["extra"].get("contact") or {}
    return [str(contact.get(key) or "") for key in ("phone", "whatsapp")]
