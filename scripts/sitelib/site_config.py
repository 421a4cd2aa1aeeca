"""Read mkdocs.yml as plain data (for scripts and tests that need `extra:` values)."""
import yaml

from .locales import ROOT


class _PlainLoader(yaml.SafeLoader):
    """Reads MkDocs' custom tags (!ENV, !!python/name) as None instead of failing."""


_PlainLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_PlainLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_mkdocs_yml(path=ROOT / "mkdocs.yml"):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_PlainLoader)


def contact_numbers(config=None):
    """The phone and WhatsApp numbers an editor filled in (the only ones pages may show)."""
    contact = (config or load_mkdocs_yml())["extra"].get("contact") or {}
    return [str(contact.get(key) or "") for key in ("phone", "whatsapp")]
