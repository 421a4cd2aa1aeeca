"""The one reader of YAML that translators write: front matter, strings.yml,
overrides/strings/, translations/.

Plain data only, read in one linear pass before anything is built from it:
- no anchors (&name) or aliases (*name): a few lines of aliases can expand to
  gigabytes (a "billion laughs"), and they hide where a value comes from;
- at most MAX_DEPTH levels of nesting (PyYAML builds nested values recursively);
- safe_load's types only (no !!python/… tags).
Every error is a SourceError naming the file and line.
"""
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .source_errors import SourceError

MAX_DEPTH = 20
# libyaml (C) where PyYAML has it: the same grammar, many times faster than the pure-Python loader
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _line(error: yaml.YAMLError, first_line: int) -> int:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line + first_line if mark else first_line


def load(text: str, path: str | Path, first_line: int = 1, what: str = "YAML") -> Any:
    """Parse text (which starts on line `first_line` of `path`) as plain YAML data."""
    return _parsed(text, path, first_line, what, yaml.load)


def compose(text: str, path: str | Path, what: str = "YAML") -> yaml.Node | None:
    """Parse text into YAML nodes, each with its line (`node.start_mark.line`), with the
    checks of load() and nothing constructed: a reader that names the line of a bad value
    (and a value PyYAML could not build, such as the date 2026-13-40, is just text)."""
    return _parsed(text, path, 1, what, yaml.compose)


def _parsed(text: str, path: str | Path, first_line: int, what: str, parse: Callable[..., Any]) -> Any:
    depth = 0
    try:
        for event in yaml.parse(text, Loader=LOADER):
            line = event.start_mark.line + first_line  # type: ignore[union-attr]  # the parser marks every event
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise SourceError(path, line, f"{what} may not use anchors (&name) or aliases (*name); "
                                  "write each value out")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise SourceError(path, line, f"{what} is nested more than {MAX_DEPTH} levels deep")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            elif isinstance(event, yaml.ScalarEvent) and _impossible_date(event):
                raise SourceError(path, line, f"{what} has '{event.value}', which looks like a date but is none "
                                  "(write it as YYYY-MM-DD, or in quotes if it is text)")
        return parse(text, Loader=LOADER)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise SourceError(path, _line(error, first_line), f"{what} is not valid YAML: {problem}") from None


def _impossible_date(event: yaml.ScalarEvent) -> bool:
    """A plain scalar that YAML reads as a timestamp but cannot build (2026-13-40):
    the loader would stop with a bare ValueError, naming no file or line."""
    if event.style or not event.implicit[0] or not yaml.SafeLoader.timestamp_regexp.match(event.value):
        return False
    try:
        yaml.SafeLoader("").construct_yaml_timestamp(yaml.ScalarNode("tag:yaml.org,2002:timestamp", event.value))
    except (ValueError, OverflowError):
        return True
    return False
