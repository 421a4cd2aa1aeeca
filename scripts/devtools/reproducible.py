"""Two builds of the same commit must give byte-identical site/ trees.

Dates come from SOURCE_DATE_EPOCH (the Makefile and the tests set it to the last
commit's time; MkDocs uses it for the sitemap's lastmod and the gzip header).
ALLOWED_TO_DIFFER lists the files that may differ anyway, each with the reason.
"""
import fnmatch
from pathlib import Path

# glob (relative to site/) -> why it may differ between two builds of one commit
ALLOWED_TO_DIFFER = {}


def tree_differences(first, second, allowed=ALLOWED_TO_DIFFER):
    """Sorted list of 'only in first: x', 'only in second: x', 'differs: x'."""
    first, second = Path(first), Path(second)

    def files(root):
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}

    def skip(name):
        return any(fnmatch.fnmatch(name, pattern) for pattern in allowed)

    a, b = files(first), files(second)
    out = [f"only in first: {n}" for n in a - b if not skip(n)]
    out += [f"only in second: {n}" for n in b - a if not skip(n)]
    out += [f"differs: {n}" for n in a & b
            if not skip(n) and (first / n).read_bytes() != (second / n).read_bytes()]
    return sorted(out)
