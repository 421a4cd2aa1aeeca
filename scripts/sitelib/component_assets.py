"""Bundle each component's CSS and JS into fingerprinted files.

Components live in overrides/components/<name>/ (template, style, script,
strings). `<name>.css` and `<name>.js` go into one site-wide CSS and one JS
bundle. A component that only a few pages use (through its `<!-- name -->`
marker) names its files `<name>.page.css` and `<name>.page.js`: those become
files of their own, loaded only by the pages that show the component.
The content hash in every file name lets servers cache them for a year.
"""
from collections.abc import Callable, Mapping
from pathlib import Path

from .fingerprint import fingerprinted_name
from .locales import ROOT
from .minify import MINIFIERS

COMPONENTS = ROOT / "overrides" / "components"
KINDS = ("css", "js")


def bundle(kind: str, components: Path = COMPONENTS) -> str:
    """Concatenate every site-wide components/*/*.{kind}, in component-name order."""
    parts = []
    for path in sorted(components.glob(f"*/*.{kind}")):
        if not path.name.endswith(f".page.{kind}"):
            parts.append(f"/* {path.parent.name}/{path.name} */\n{path.read_text(encoding='utf-8').strip()}\n")
    return "\n".join(parts)


def build_bundles(components: Path = COMPONENTS) -> dict[str, tuple[str, str]]:
    """Return {kind: (site path, text)} for the site-wide css and js."""
    bundles: dict[str, tuple[str, str]] = {}
    for kind in KINDS:
        text = MINIFIERS[kind](bundle(kind, components))
        bundles[kind] = (fingerprinted_name("site", kind, text), text)
    return bundles


def page_assets(components: Path = COMPONENTS) -> dict[str, dict[str, tuple[str, str]]]:
    """Return {component: {kind: (site path, text)}} for the *.page.css|js files."""
    assets: dict[str, dict[str, tuple[str, str]]] = {}
    for kind in KINDS:
        for path in sorted(components.glob(f"*/*.page.{kind}")):
            text = MINIFIERS[kind](path.read_text(encoding="utf-8"))
            name = path.parent.name
            assets.setdefault(name, {})[kind] = (fingerprinted_name(f"components/{name}", kind, text), text)
    return assets


def asset_tags(paths: Mapping[str, str], relative_url: Callable[[str], str]) -> str:
    """<link>/<script> tags for one component's page assets; relative_url(path) -> URL."""
    tags = []
    if "css" in paths:
        tags.append(f'<link rel="stylesheet" href="{relative_url(paths["css"])}">')
    if "js" in paths:
        tags.append(f'<script src="{relative_url(paths["js"])}" defer></script>')
    return "".join(tags)
