"""Give every locale its own 404 page at /<locale>/404.html (the source keeps /404.html)."""
from mkdocs.config.defaults import MkDocsConfig

from scripts.sitelib.locales import SOURCE_LOCALE, current_locale, locale_prefix
from scripts.sitelib.site_files import write_site_file


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    locale = current_locale(config)
    if template_name != "404.html" or locale == SOURCE_LOCALE:
        return output
    write_site_file(config.site_dir, f"{locale_prefix(locale)}404.html", output)
    return ""  # MkDocs skips empty output, so the root 404 stays Norwegian
