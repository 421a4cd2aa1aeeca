"""Write site/_nginx/locales.conf: nginx's per-locale 404 pages and Accept-Language
choice of the home page, generated from the languages in mkdocs.yml."""
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from scripts.sitelib.material_coupling import is_outer_build
from scripts.sitelib.nginx_locales import locales_conf


def on_post_build(config: MkDocsConfig) -> None:
    if is_outer_build(config):
        target = Path(config.site_dir) / "_nginx" / "locales.conf"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(locales_conf(), encoding="utf-8")
