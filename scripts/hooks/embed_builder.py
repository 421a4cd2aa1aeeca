"""Give the embed builder (components/embed-builder) its data: every reader page
of the locale being built, with the sections partners may use, their names in
every language, the languages to choose from, and the exit link's address and
text in every language."""
from pathlib import Path, PurePosixPath

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from scripts.sitelib.embeds import builder_data
from scripts.sitelib.locales import current_locale
from scripts.sitelib.site_nav import is_staff_page
from scripts.sitelib.partner_content import offered_sections, page_names
from scripts.sitelib.quick_exit import neutral_url
from scripts.sitelib.site_build import once_per_build
from scripts.sitelib.ui_strings import build_strings



def _page_names(docs, name):
    """A page's title in every language: the same for every locale's build, so read once per build."""
    return once_per_build(f"page names {docs / name}", lambda: page_names(docs, name))


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    locale = current_locale(config)
    quick_exit = {"url": neutral_url(config.extra),
                  "labels": {code: texts["quick_exit"] for code, texts in build_strings(config).items()}}
    docs = Path(config.docs_dir)

    def data(nav):
        pages = [page for page in nav.pages if not is_staff_page(page)]
        return builder_data(
            pages, locale, config.site_url,
            sections_of=lambda page: offered_sections(page.markdown or ""),
            titles_of=lambda page: _page_names(docs, PurePosixPath(page.file.src_uri).name),
            quick_exit=quick_exit,
        )

    env.globals["embed_builder_data"] = data
    return env
