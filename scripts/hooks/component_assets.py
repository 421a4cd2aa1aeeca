"""Serve all component CSS/JS as two fingerprinted files; keep component sources out of site/."""
from pathlib import Path

import _root  # noqa: F401
from scripts.sitelib.component_assets import build_bundles
from scripts.sitelib.locales import SOURCE_LOCALE, current_locale

_bundles = {}


def on_config(config):
    _bundles.clear()
    _bundles.update(build_bundles())


def on_files(files, config):
    for file in list(files):
        if file.src_uri.startswith("components/") or file.src_uri == "strings.yml":
            files.remove(file)
    return files


def on_env(env, config, files):
    env.globals["site_assets"] = {kind: path for kind, (path, _) in _bundles.items()}
    return env


def on_post_build(config):
    if current_locale(config) != SOURCE_LOCALE:
        return
    for path, text in _bundles.values():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
