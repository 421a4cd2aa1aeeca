"""Bundle each component's CSS and JS into one fingerprinted file each.

Components live in overrides/components/<name>/ (template, style, script,
strings). One CSS and one JS request serve them all, and the content hash in
the file name lets servers cache them for a year.
"""
import hashlib

from .locales import ROOT

COMPONENTS = ROOT / "overrides" / "components"


def bundle(kind, components=COMPONENTS):
    """Concatenate every components/*/*.{kind}, in component-name order."""
    parts = []
    for path in sorted(components.glob(f"*/*.{kind}")):
        parts.append(f"/* {path.parent.name}/{path.name} */\n{path.read_text(encoding='utf-8').strip()}\n")
    return "\n".join(parts)


def fingerprinted_name(kind, text):
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"assets/site.{digest}.{kind}"


def build_bundles(components=COMPONENTS):
    """Return {kind: (site path, text)} for css and js."""
    bundles = {}
    for kind in ("css", "js"):
        text = bundle(kind, components)
        bundles[kind] = (fingerprinted_name(kind, text), text)
    return bundles
