"""Options of the reader-safety plugin, typed and checked when mkdocs.yml is loaded.

    plugins:
      - smittevern-reader-safety:
          quick_exit_url: https://www.yr.no/
          emergency:
            - number: "113"
              strings: urgent_113

- `quick_exit_url`: where "Leave this page quickly" goes: a URL option, held to the
  quick exit's rule when loaded (a plain http(s) address: scripts/sitelib/quick_exit.py
  neutral_url; empty: the default, yr.no).
- `emergency`: the public national numbers, a list of {number, strings}. Checked as
  help_data.py checks the rest of the help data: a wrong value stops the build, naming
  mkdocs.yml, the line and the key (`plugins.smittevern-reader-safety.emergency[0].number`);
  when the interface strings are loaded (the plugin's on_config), that each entry has its
  texts `<strings>_short`, `_name` and `_when` in components/urgent-help.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

import yaml
from mkdocs.config.base import Config, ValidationError
from mkdocs.config.config_options import URL, BaseConfigOption

from scripts.sitelib.help_data import ConfigError, Emergency, _Reader, key_line
from scripts.sitelib.quick_exit import DEFAULT_NEUTRAL_URL, neutral_url
from scripts.sitelib.site_config import READER_SAFETY_PLUGIN as PLUGIN
URGENT_TEXTS = ("short", "name", "when")
URGENT_STRINGS = "overrides/components/urgent-help/strings.yml"


def plugin_path(config_file: str | None, name: str = PLUGIN) -> list[Any]:
    """The YAML path of a plugin's options in a config file: ['plugins', 3, name]."""
    try:
        root = yaml.compose(Path(str(config_file)).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, TypeError, yaml.YAMLError):
        root = None
    if isinstance(root, yaml.MappingNode):
        plugins = next((value for key, value in root.value if key.value == "plugins"), None)
        if isinstance(plugins, yaml.SequenceNode):
            for index, item in enumerate(plugins.value):
                if isinstance(item, yaml.MappingNode) and any(key.value == name for key, _ in item.value):
                    return ["plugins", index, name]
    return ["plugins", name]


class _OptionReader(_Reader):
    """help_data's reader (the same rules), naming a key of this plugin's options."""

    def fail(self, path: list[Any], message: str) -> NoReturn:
        rest = path[1:]   # help_data writes ['extra', 'emergency', 0, 'number']
        name = f"plugins.{PLUGIN}" + "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in rest)
        # The config file is read for its line numbers only here, when something is wrong:
        # reading it on every check cost about 40 ms, a dozen times per build.
        where = plugin_path(self.config_file)
        raise ConfigError(self.config_file, key_line(self.config_file, where + rest), f"{name} {message}")


class QuickExitURL(URL):
    """A URL option held to the quick exit's own rule (quick_exit.neutral_url)."""

    def run_validation(self, value: object) -> str:
        url = super().run_validation(value)
        try:
            return neutral_url({"quick_exit_url": url})
        except ValueError as error:
            raise ValidationError(str(error)) from error


class EmergencyNumbers(BaseConfigOption[tuple[Emergency, ...]]):
    """A list of {number, strings}, read into help_data.Emergency entries."""

    def __init__(self) -> None:
        super().__init__()
        self.default: list[Any] = []
        self.config_file: str | None = None

    def pre_validation(self, config: Config, key_name: str) -> None:
        self.config_file = config.config_file_path

    def run_validation(self, value: object) -> tuple[Emergency, ...]:
        try:
            return _OptionReader(self.config_file, None).emergency(value)
        except ConfigError as error:
            raise ValidationError(str(error)) from error


def check_emergency_texts(emergency: tuple[Emergency, ...], config_file: str | None,
                          strings: dict[str, Any]) -> None:
    """Every number has its texts in the source locale's interface strings."""
    reader = _OptionReader(config_file, strings)
    for index, entry in enumerate(emergency):
        reader.has_texts(entry.strings, URGENT_TEXTS, ["extra", "emergency", index, "strings"], URGENT_STRINGS)


class ReaderSafetyConfig(Config):
    quick_exit_url = QuickExitURL(default=DEFAULT_NEUTRAL_URL)
    emergency = EmergencyNumbers()

