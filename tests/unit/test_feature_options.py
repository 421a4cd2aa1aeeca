"""The print-kit and partners plugins' typed options (their config.py): the flyer PDFs
and the preview stamp, on or off also from an environment variable, and the licence
text; none of them is under `extra:` any more."""
import pytest
from mkdocs.config import load_config

from scripts.devtools.local_site import ROOT
from scripts.sitelib.site_config import PARTNERS_PLUGIN, load_mkdocs_yml, site_extra
from scripts.smittevern.partners.config import PartnersConfig
from scripts.smittevern.print_kit.config import PrintKitConfig

PRINT_KIT_PLUGIN = "smittevern-print-kit"


def validated(config_class, options):
    config = config_class()
    config.load_dict(options)
    errors, _warnings = config.validate()
    return errors, config


def test_the_real_options_are_typed_and_off(monkeypatch):
    monkeypatch.delenv("FLYER_PDFS", raising=False)
    monkeypatch.delenv("FLYER_PREVIEW", raising=False)
    config = load_config(str(ROOT / "mkdocs.yml"), site_url="http://127.0.0.1:8000/")
    print_kit = config.plugins[PRINT_KIT_PLUGIN].config
    assert (print_kit.pdfs, print_kit.preview) == (False, False)
    assert config.plugins[PARTNERS_PLUGIN].config.licence == ""
    extra = load_mkdocs_yml()["extra"]
    assert not {"flyer_pdfs", "flyer_preview", "licence"} & set(extra), "these are plugin options now"


def test_make_flyers_turns_the_pdfs_on_through_the_environment(monkeypatch):
    monkeypatch.setenv("FLYER_PDFS", "1")
    monkeypatch.setenv("FLYER_PREVIEW", "true")
    config = load_config(str(ROOT / "mkdocs.yml"), site_url="http://127.0.0.1:8000/")
    print_kit = config.plugins[PRINT_KIT_PLUGIN].config
    assert (print_kit.pdfs, print_kit.preview) == (True, True)


@pytest.mark.parametrize("value, on", [("1", True), ("yes", True), ("on", True), (True, True), (1, True),
                                        ("0", False), ("false", False), ("", False), (False, False)])
def test_a_flag_reads_what_an_environment_variable_holds(value, on):
    errors, config = validated(PrintKitConfig, {"pdfs": value})
    assert not errors and config.pdfs is on


def test_the_licence_must_be_text():
    errors, _config = validated(PartnersConfig, {"licence": ["CC BY 4.0"]})
    assert errors and errors[0][0] == "licence"


def test_scripts_see_the_licence_where_the_build_puts_it():
    config = {"extra": {"contact": {}}, "plugins": ["search", {PARTNERS_PLUGIN: {"licence": "CC BY 4.0"}}]}
    assert site_extra(config) == {"contact": {}, "licence": "CC BY 4.0"}
