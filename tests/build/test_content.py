"""The real pages: Norwegian plain-language lint; phone numbers in every locale."""
import pytest

from scripts.sitelib.content_lint import lint_source, unknown_phone_numbers
from scripts.sitelib.locales import DOCS, ROOT, SOURCE_LOCALE


@pytest.mark.parametrize("path", sorted((DOCS / SOURCE_LOCALE).glob("*.md")), ids=lambda path: path.name)
def test_norwegian_source_passes_content_lint(path):
    problems = lint_source(path.read_text(encoding="utf-8"), path.relative_to(ROOT))
    assert not problems, "\n".join(problems)


def test_no_invented_phone_numbers_in_any_locale():
    problems = []
    for path in sorted(DOCS.glob("*/*.md")):
        problems += unknown_phone_numbers(path.read_text(encoding="utf-8"), path.relative_to(ROOT))
    assert not problems, "\n".join(problems)
