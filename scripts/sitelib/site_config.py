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



def contact_numbers(config: Mapping[str, Any] | None = None) -> list[str]:
    """The phone and WhatsApp numbers an editor filled in (the only ones pages may show)."""
    contact = (config or load_mkdocs_yml())["extra"].get("contact") or {}
    return [str(contact.get(key) or "") for key in ("phone", "whatsapp")]
