"""One definition per rule (GUIDE.md, Standards): a second definition of a rule
that exists once fails here, naming the file and line to change.

Each test greps the Python under scripts/ for the tell-tale text of a rule and
allows it only in the module that owns the rule.
"""
import hashlib
import re

from scripts.sitelib.fingerprint import FINGERPRINTED_NAME, content_hash, fingerprinted_name
from scripts.sitelib.locales import ROOT

SCRIPTS = ROOT / "scripts"
# Files other branches own this round; their duplicates are listed in the lead's notes
# (team/notes/dedup.md). Remove an entry once its file calls the one definition.
ELSEWHERE = {
    "scripts/sitelib/css_purge.py": "content hash of the purged CSS (branch buildspeed)",
    "scripts/sitelib/page_shapes.py": "blake2b digest of a page's shape (branch buildspeed)",
}


def found(pattern, owners):
    """[(file:line, text)] of the lines under scripts/ that match pattern outside `owners`."""
    pattern = re.compile(pattern)
    hits = []
    for path in sorted(SCRIPTS.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in owners or rel in ELSEWHERE:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            if pattern.search(line):
                hits.append((f"{rel}:{number}", line.strip()))
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
