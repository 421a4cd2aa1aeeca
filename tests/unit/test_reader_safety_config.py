"""The reader-safety plugin's typed options (scripts/smittevern/reader_safety/config.py):
the quick exit's address and the emergency numbers, checked when mkdocs.yml is loaded,
with errors that name the file, the line and the key; the numbers' texts are checked
against the interface strings."""
import re

import pytest
from mkdocs.config import load_config

from scripts.devtools.local_site import ROOT
from scripts.sitelib.help_data import ConfigError, Emergency
from scripts.sitelib.locales import SOURCE_LOCALE
from scripts.sitelib.site_config import READER_SAFETY_PLUGIN, load_mkdocs_yml, plugin_options, site_extra
from scripts.sitelib.ui_strings import load_strings
from scripts.smittevern.reader_safety.config import ReaderSafetyConfig, check_emergency_texts

CONFIG_TEXT = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
KEY = f"plugins.{READER_SAFETY_PLUGIN}"


def options_of(tmp_path, text):
    """(errors, config) of the plugin's options in `text`, validated as MkDocs does when it loads mkdocs.yml."""
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    config = ReaderSafetyConfig(config_file_path=str(path))
    config.load_dict(plugin_options(READER_SAFETY_PLUGIN, load_mkdocs_yml(path)))
    errors, _warnings = config.validate()
    return errors, config, path


def test_the_real_options_are_typed():
    config = load_config(str(ROOT / "mkdocs.yml"), site_url="http://127.0.0.1:8000/")
    options = config.plugins[READER_SAFETY_PLUGIN].config
    assert options.quick_exit_url == "https://www.yr.no/"
    assert options.emergency == (Emergency("113", "urgent_113"), Emergency("112", "urgent_112"),
                                 Emergency("116 117", "urgent_116117"))
    assert "quick_exit_url" not in load_mkdocs_yml()["extra"] and "emergency" not in load_mkdocs_yml()["extra"]
    assert site_extra()["emergency"] == [{"number": e.number, "strings": e.strings} for e in options.emergency]


@pytest.mark.parametrize("old, new, where, words", [
    ('number: "113"', 'number: "11a"', f"{KEY}.emergency[0].number", "is not a phone number"),
    ('number: "112"', 'number: ""', f"{KEY}.emergency[1].number", "is empty"),
    ("strings: urgent_113", "strings: <b>urgent</b>", f"{KEY}.emergency[0].strings", "markup"),
    ("strings: urgent_112", "strings: urgent_112\n          phone: x", f"{KEY}.emergency[1].phone", "not a known key"),
])
def test_a_wrong_emergency_entry_names_the_file_the_line_and_the_key(tmp_path, old, new, where, words):
    assert old in CONFIG_TEXT
    text = CONFIG_TEXT.replace(old, new, 1)
    errors, _config, path = options_of(tmp_path, text)
    assert [key for key, _ in errors] == ["emergency"]
    message = str(errors[0][1])
    assert message.startswith(f"{path}:"), message
    assert f" {where} " in message and words in message, message
    line = int(message.split(":")[1])
    key = re.findall(r"\w+", where)[-1]
    assert re.search(rf"\b{key}\s*:", text.splitlines()[line - 1]), (line, message)


def test_an_emergency_number_needs_its_texts(tmp_path):
    text = CONFIG_TEXT.replace("strings: urgent_113", "strings: urgent_999", 1)
    errors, config, path = options_of(tmp_path, text)
    assert errors == []
    with pytest.raises(ConfigError) as error:
        check_emergency_texts(config.emergency, str(path), load_strings()[SOURCE_LOCALE])
    message = str(error.value)
    assert f" {KEY}.emergency[0].strings " in message and "urgent_999_short" in message, message
    line = int(message.split(":")[1])
    assert "strings: urgent_999" in text.splitlines()[line - 1]


@pytest.mark.parametrize("value", ["www.yr.no", "yr", "javascript:alert(1)", "ftp://www.yr.no/",
                                   "https://user:secret@www.yr.no/", '"https://www.yr.no/\\" onclick=\\"x"'])
def test_the_quick_exit_address_is_a_plain_http_url(tmp_path, value):
    errors, _config, _path = options_of(tmp_path, CONFIG_TEXT.replace("quick_exit_url: https://www.yr.no/",
                                                                      f"quick_exit_url: {value}", 1))
    assert [key for key, _ in errors] == ["quick_exit_url"]


def test_an_empty_quick_exit_address_is_the_default(tmp_path):
    errors, config, _path = options_of(tmp_path, CONFIG_TEXT.replace("quick_exit_url: https://www.yr.no/",
                                                                     'quick_exit_url: ""', 1))
    assert errors == [] and config.quick_exit_url == "https://www.yr.no/"
