"""Language identification catches source text left in place and a page in the wrong language."""
from pathlib import Path

from scripts.sitelib.langid import wrong_language_blocks

FIXTURES = Path(__file__).parents[1] / "fixtures" / "i18n"


def test_norwegian_paragraph_left_in_thai_page_fails():
    problems = wrong_language_blocks(FIXTURES / "th" / "page.md", "th")
    assert len(problems) == 1
    assert "th/page.md:9:" in problems[0] and "BOKMAL" in problems[0]


def test_russian_text_in_bulgarian_folder_fails():
    problems = wrong_language_blocks(FIXTURES / "bg" / "page.md", "bg")
    assert problems and all("RUSSIAN" in problem for problem in problems)


def test_correct_languages_pass():
    assert wrong_language_blocks(FIXTURES / "en" / "page.md", "en") == []
    assert wrong_language_blocks(FIXTURES / "nb" / "page.md", "nb") == []
