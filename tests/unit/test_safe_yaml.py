"""Translator YAML: plain data, or an error that names the file and line."""
import datetime

import pytest

from scripts.sitelib import safe_yaml
from scripts.sitelib.source_errors import SourceError


def test_dates_and_quoted_text_load():
    assert safe_yaml.load('a: 2026-11-28\nb: "2026-13-40"\n', "x.md") == {"a": datetime.date(2026, 11, 28),
                                                                          "b": "2026-13-40"}


@pytest.mark.parametrize("text, line", [("a: 1\nreviewed: 2026-13-40\n", 3), ("a: &x 1\nb: *x\n", 2),
                                        ("a: [\n", 3)])
def test_bad_yaml_names_file_and_line(text, line):
    with pytest.raises(SourceError) as error:
        safe_yaml.load(text, "docs/nb/x.md", first_line=2, what="front matter")
    assert str(error.value).startswith(f"docs/nb/x.md:{line}: front matter"), str(error.value)
