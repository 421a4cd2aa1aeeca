"""A variant of mkdocs.yml that builds a small fixture docs tree in two locales.

It inherits the real config and only swaps what must change: docs_dir, the
locales, and every relative path (overrides/) made absolute, because MkDocs
resolves paths against the variant file's folder. The site's plugins come with
`plugins:` (installed entry points: no path to resolve).
"""
from pathlib import Path

import yaml

from scripts.devtools.local_site import ROOT
from scripts.sitelib.site_config import load_mkdocs_yml as main_config


def write_variant_config(target_dir, docs_dir, locales=("nb", "en"), nav=("index.md",)):
    """Write <target_dir>/mkdocs.yml for docs_dir and return its path."""
    main = main_config()
    i18n = next(p["i18n"] for p in main["plugins"] if isinstance(p, dict) and "i18n" in p)
    i18n = dict(i18n, languages=[lang for lang in i18n["languages"] if lang["locale"] in locales])
    plugins = [p if not (isinstance(p, dict) and "i18n" in p) else {"i18n": i18n} for p in main["plugins"]]
    variant = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": str(Path(docs_dir).resolve()),
        "theme": {"name": "material", "custom_dir": str(ROOT / "overrides")},
        "nav": list(nav),
        "plugins": plugins,
    }
    path = Path(target_dir) / "mkdocs.yml"
    path.write_text(yaml.safe_dump(variant, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
