"""Give every locale its own 404 page at /<locale>/404.html (the source keeps /404.html)."""
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from scripts.sitelib.locales import SOURCE_LOCALE, current_locale, locale_prefix


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    locale = current_locale(config)
    if template_name != "404.html" or locale == SOURCE_LOCALE:
        return output
    target = Path(config.site_dir) / locale_prefix(locale) / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""  # MkDocs skips empty output, so the root 404 stays Norwegian
