"""The theme files a build copies are the same whether MkDocs' own loader lists them or
ThemeFilesLoader does (material_coupling.list_theme_files_quickly), for this project's
theme (overrides/ and Material)."""
import jinja2
import pytest
from mkdocs.structure.files import Files
from mkdocs.theme import Theme

from scripts.devtools.local_site import ROOT
from scripts.sitelib import material_coupling as coupling
from scripts.sitelib.material_coupling import CouplingBroken, ThemeFilesLoader


class Config(dict):
    """What add_files_from_theme reads of a config."""
    def __init__(self, theme, site_dir):
        super().__init__(theme=theme, site_dir=str(site_dir), use_directory_urls=True)
        self.__dict__ = self


def theme_files(env, config):
    files = Files([])
    files.add_files_from_theme(env, config)
    return sorted((file.src_uri, file.abs_src_path) for file in files)


def test_the_quick_listing_copies_the_same_files(tmp_path):
    theme = Theme(name="material", custom_dir=str(ROOT / "overrides"))
    config = Config(theme, tmp_path)
    plain = theme_files(theme.get_env(), config)
    coupling.list_theme_files_quickly(theme)
    env = theme.get_env()
    assert type(env.loader) is ThemeFilesLoader
    assert theme_files(env, config) == plain
    assert any(uri.startswith("assets/javascripts/") for uri, _ in plain)
    assert any(".icons/" in name for name in Theme(name="material").get_env().list_templates()), \
        "Material's icons are still under the theme (what the quick listing skips)"


def test_it_fails_loudly_when_mkdocs_gives_another_loader():
    theme = Theme(name="material")
    coupling.list_theme_files_quickly(theme)
    wrapped = theme.get_env
    coupling.list_theme_files_quickly(theme)     # once per theme object
    assert theme.get_env is wrapped and wrapped.lists_for is theme

    def other_loader(self):
        return jinja2.Environment(loader=jinja2.DictLoader({}))

    other = Theme(name="material")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Theme, "get_env", other_loader)
        coupling.list_theme_files_quickly(other)
        with pytest.raises(CouplingBroken, match=r"mkdocs \d.*list_theme_files_quickly.*DictLoader"):
            other.get_env()
