"""One definition per rule (GUIDE.md, Standards): a second definition of a rule
that exists once fails here, naming the file and line to change.

Each test greps the Python under scripts/ for the tell-tale text of a rule and
allows it only in the module that owns the rule.
"""
import ast
import hashlib
import io
import re
import tokenize

from scripts.sitelib.fingerprint import FINGERPRINTED_NAME, content_hash, fingerprinted_name
from scripts.sitelib.locales import ROOT
from scripts.sitelib.phone_numbers import allowed_set, canonical, config_numbers, phone_like
from scripts.sitelib.site_config import site_extra

SCRIPTS = ROOT / "scripts"
# Files other branches own this round; their duplicates are listed in the lead's notes
# (team/notes/dedup.md). Remove an entry once its file calls the one definition.
ELSEWHERE = {}


def code_lines(path):
    """{line number: the line's code}, without comments and docstrings."""
    text = path.read_text(encoding="utf-8")
    docstrings = {line for node in ast.walk(ast.parse(text)) if isinstance(node, ast.Expr)
                  and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
                  for line in range(node.lineno, node.end_lineno + 1)}
    lines = {}
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type != tokenize.COMMENT and token.start[0] not in docstrings:
            lines[token.start[0]] = lines.get(token.start[0], "") + token.string + " "
    return lines


def found(pattern, owners, folder=SCRIPTS):
    """[(file:line, code)] of the code under folder that matches pattern outside `owners`."""
    pattern = re.compile(pattern)
    hits = []
    for path in sorted(folder.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in owners or rel in ELSEWHERE:
            continue
        hits += [(f"{rel}:{number}", code) for number, code in code_lines(path).items() if pattern.search(code)]
    return hits


def test_content_hashes_are_computed_only_in_fingerprint_py():
    # inline_blocks.sha256 is the CSP source format (base64 of the digest), a spec, not a content hash
    assert found(r"\bhashlib\b", {"scripts/sitelib/fingerprint.py", "scripts/sitelib/inline_blocks.py"}) == [], \
        "compute content hashes with scripts.sitelib.fingerprint.content_hash"


def test_the_content_hash_is_a_sha256_prefix_of_any_stream():
    assert content_hash("abc") == hashlib.sha256(b"abc").hexdigest()[:8]
    assert content_hash([b"a", "b", b"c"], length=12) == hashlib.sha256(b"abc").hexdigest()[:12]
    name = fingerprinted_name("components/listen", "js", "x()")
    assert re.search(FINGERPRINTED_NAME, name), name


def test_code_fences_and_heading_marks_are_read_by_one_grammar():
    # markdown_source.FENCE and HEADING_MARKS; segments and source_guard build on them
    assert found(r"[`~]\{3|`{3}|#\{1,6\}|#\{2\}", {"scripts/sitelib/markdown_source.py"}) == []


def test_the_marker_syntax_is_written_once():
    # markers.MARKER; MARKER_LINE and outline.MARKER are built from it
    assert found(r"<!--.*\[a-z\]", {"scripts/sitelib/markers.py"}) == []


def test_only_data_sections_judges_a_section_empty():
    # the reader-safety plugin (data_sections.py) drops such sections before anything else reads the page
    assert found(r"\bDATA_MARKERS\b", {"scripts/sitelib/data_sections.py"}) == []


def test_rendered_sections_are_cut_by_one_splitter():
    # html_fragments.split_sections; listen_controls' streaming parser only finds where an <h2> ends
    assert found(r"""find_all\(\s*["']h2|<h2 id=""", {"scripts/sitelib/html_fragments.py"}) == []


def test_a_site_wide_file_is_written_once_per_site_one_way():
    # material_coupling.is_outer_build: the build that wraps the locales' builds
    # (the translations plugin's localized 404 asks which locale a page is in: the source locale's 404 stays at the root)
    assert found(r"[!=]= *(?:locales\.)?SOURCE_LOCALE|SOURCE_LOCALE *[!=]=", {"scripts/smittevern/translations/plugin.py"},
                 SCRIPTS / "smittevern") == []


def module_constants():
    """{value: [file:line]} of module-level tuples, lists and sets of 3+ strings, and of re.compile() patterns."""
    table = {}
    for path in sorted(SCRIPTS.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, (ast.Tuple, ast.List, ast.Set)):
                values = [item.value for item in node.value.elts if isinstance(item, ast.Constant)]
                if len(values) >= 3 and len(values) == len(node.value.elts) and all(isinstance(v, str) for v in values):
                    table.setdefault(frozenset(values), []).append(f"{rel}:{node.lineno}")
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "compile" and node.args \
                    and isinstance(node.args[0], ast.Constant):
                table.setdefault(node.args[0].value, []).append(f"{rel}:{node.lineno}")
    return table


def test_no_list_of_names_or_pattern_is_written_twice():
    # e.g. the contact fields (help_data.CONTACT_ORDER), HTML's void elements (typography.VOID)
    twice = {str(sorted(value) if isinstance(value, frozenset) else value): places
             for value, places in module_constants().items() if len(places) > 1}
    assert twice == {}


def test_public_numbers_are_only_in_mkdocs_yml():
    # phone_numbers.config_numbers reads them; a table of numbers in code would be a second list
    numbers = allowed_set(config_numbers(site_extra()))
    assert numbers, "mkdocs.yml holds the emergency numbers"
    hits = []
    for path in sorted(SCRIPTS.rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                for constant in ast.walk(node):
                    if isinstance(constant, ast.Constant) and isinstance(constant.value, str):
                        hits += [f"{path.relative_to(ROOT)}:{constant.lineno}: {constant.value[start:end]}"
                                 for start, end in phone_like(constant.value)
                                 if canonical(constant.value[start:end]) in numbers]
    assert hits == []
