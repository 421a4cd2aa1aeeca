"""The documents, one per audience: the README stays short, nothing rewrites it, every
relative link resolves, and every test file a document or mkdocs.yml cites exists."""
import ast
import re

import pytest

from scripts.devtools.local_site import ROOT

README_MAX_LINES = 150
DOCUMENTS = sorted([ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "SECURITY.md",
                    ROOT / "deploy" / "README.md", ROOT / "translations" / "README.md",
                    *(ROOT / "bench").glob("*.md"), *(ROOT / "overrides" / "components").glob("*/README.md")])
CITING = DOCUMENTS + [ROOT / "mkdocs.yml"]

LINK = re.compile(r"\[[^\]\n]*\]\(([^()\s]+)\)")
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)
TEST_PATH = re.compile(r"tests/[\w/]+\.py")


def shown(path):
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def broken_links(path):
    """Relative links of a Markdown file (outside code) whose target does not exist."""
    text = CODE.sub("", path.read_text(encoding="utf-8"))
    targets = [link.split("#")[0] for link in LINK.findall(text)
               if not re.match(r"[a-z][a-z0-9+.-]*:|#", link)]
    return [target for target in targets if target and not (path.parent / target).exists()]


def missing_tests(path):
    """Test files a document cites (tests/….py) that do not exist."""
    cited = set(TEST_PATH.findall(path.read_text(encoding="utf-8")))
    return sorted(cited for cited in cited if not (ROOT / cited).is_file())


def test_the_readme_is_short():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").count("\n")
    assert lines <= README_MAX_LINES, f"README.md has {lines} lines; the rest belongs in the documents it links"


def test_every_audience_has_its_document():
    for path in (ROOT / "CONTRIBUTING.md", ROOT / "SECURITY.md", ROOT / "deploy" / "README.md",
                 ROOT / "translations" / "README.md", ROOT / "bench" / "README.md"):
        assert path.is_file(), shown(path)
        assert f"]({path.relative_to(ROOT)})" in (ROOT / "README.md").read_text(encoding="utf-8"), \
            f"README.md does not link {shown(path)}"


@pytest.mark.parametrize("document", DOCUMENTS, ids=shown)
def test_every_relative_link_resolves(document):
    assert not broken_links(document), broken_links(document)


@pytest.mark.parametrize("document", CITING, ids=shown)
def test_every_test_file_a_document_names_exists(document):
    assert not missing_tests(document), missing_tests(document)


def test_the_checks_find_what_is_broken(tmp_path):
    page = tmp_path / "doc.md"
    page.write_text("[here](doc.md) [gone](gone.md#x) [web](https://example.org/) [top](#top)\n"
                    "`[code](not-a-link.md)` tests/unit/test_docs.py tests/unit/test_no_such_test.py\n",
                    encoding="utf-8")
    assert broken_links(page) == ["gone.md"]
    assert missing_tests(page) == ["tests/unit/test_no_such_test.py"]


def test_no_code_writes_a_readme():
    """make bench once rewrote a table inside README.md; results go to bench/*.md."""
    offenders = []
    for path in sorted((ROOT / "scripts").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and re.fullmatch(r"(?:[\w./-]*/)?README\.md", node.value):
                offenders.append(f"{shown(path)}:{node.lineno}")
    assert not offenders, f"code that names a README file: {offenders}"


def test_every_material_coupling_is_in_contributings_checklist():
    """CONTRIBUTING.md's couplings table is the checklist for a Material upgrade."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("## Couplings to Material and static-i18n"):]
    section = section[:section.index("\n## ", 1)]
    module = ast.parse((ROOT / "scripts" / "sitelib" / "material_coupling.py").read_text(encoding="utf-8"))
    public = [node.name for node in module.body if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")]
    assert public and not [name for name in public if f"`{name}`" not in section]
