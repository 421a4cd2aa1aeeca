"""Write site/_nginx/locales.conf: nginx's per-locale 404 pages and Accept-Language
choice of the home page, generated from the languages in mkdocs.yml."""
from mkdocs.config.defaults import MkDocsConfig

from scripts.sitelib.material_coupling import is_outer_build
from scripts.sitelib.nginx_locales import locales_conf
from scripts.sitelib.site_files import write_site_file


def on_post_build(config: MkDocsConfig) -> None:
    if is_outer_build(config):
        write_site_file(config.site_dir, "_nginx/locales.conf", locales_conf())
