"""The content lint fails on long sentences, avoided wording and invented phone numbers."""
from scripts.sitelib.content_lint import lint_source

HEAD = "---\ntitle: T\n---\n\n"


def test_clean_text_passes():
    assert lint_source(HEAD + "Ring legevakten på 116 117. Det er gratis.\n", "ok.md") == []


def test_sentence_over_25_words_fails_with_line():
    sentence = " ".join(["ord"] * 26) + "."
    problems = lint_source(HEAD + "Kort.\n\n" + sentence + "\n", "long.md")
    assert problems == [problems[0]] and problems[0].startswith("long.md:7: sentence of 26 words")


def test_avoided_wording_fails_with_line():
    for wording in ("prostituert", "selger seg", "selger kroppen", "prostituerer", "Prostituerte"):
        problems = lint_source(HEAD + f"Hun {wording} her.\n", "word.md")
        assert problems and problems[0].startswith("word.md:5: avoid the wording"), wording


def test_quoted_example_of_what_not_to_say_is_allowed():
    assert lint_source(HEAD + "Ikke si «du selger deg» eller «du prostituerer deg».\n", "tips.md") == []


def test_invented_phone_number_fails_but_data_file_number_passes():
    text = HEAD + "Ring 22 33 44 55 eller +47 900 00 000.\n"
    assert len(lint_source(text, "phone.md")) == 2
    assert lint_source(text, "phone.md", allowed_numbers=["22 33 44 55", "+47 900 00 000"]) == []
