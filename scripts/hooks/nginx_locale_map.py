"""Write site/_nginx/locales.conf: nginx's per-locale 404 pages and the Accept-Language
choice of the home page and of the Norwegian pages every translation has, generated
from the languages in mkdocs.yml and the built pages."""
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from scripts.sitelib.material_coupling import is_outer_build
from scripts.sitelib.nginx_locales import door_pages, locales_conf
from scripts.sitelib.site_files import write_site_file


@event_priority(-105)  # after static-i18n built every locale (-100): the door lists pages they all have
def on_post_build(config: MkDocsConfig) -> None:
    if is_outer_build(config):
        write_site_file(config.site_dir, "_nginx/locales.conf", locales_conf(pages=door_pages(config.site_dir)))
