"""The one pattern for file names that carry a content hash: our bundles
('site.1a2b3c4d.css', 'components/listen.1a2b3c4d.js') and Material's
('main.57a0d79d.min.css'). Such a file never changes, so servers cache it for a
year (headers.py, deploy/nginx/site.conf) and the service worker keeps it once
used (offline.py injects the pattern into sw.js).

The pattern text is valid in Python, JavaScript and nginx (PCRE) regular expressions.
"""
import hashlib
from collections.abc import Iterable

HASH_LENGTH = 8  # hex digits of a content hash in a file name
FINGERPRINT = rf"\.[0-9a-f]{{{HASH_LENGTH}}}(?:\.min)?\.(?:css|js)"
# A fingerprinted file's name ends so (the service worker tests URL paths with it).
FINGERPRINTED_NAME = FINGERPRINT + "$"
# Fingerprinted files under /assets/, with their source maps (response headers).
ASSET_PATH = r"^/assets/(?:.+/)?[^/]+" + FINGERPRINT + r"(?:\.map)?$"


def content_hash(content: str | bytes | Iterable[str | bytes], length: int = HASH_LENGTH) -> str:
    """The first `length` hex digits of the SHA-256 of content: a str, bytes, or an
    iterable of them hashed as one stream. The one content hash of the project: file
    names that match FINGERPRINT, section versions, print codes, the build version.
    (A CSP source is a base64 SHA-256, a different format: inline_blocks.sha256.)"""
    digest = hashlib.sha256()
    for part in (content,) if isinstance(content, (str, bytes)) else content:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
    return digest.hexdigest()[:length]


def fingerprinted_name(stem: str, kind: str, text: str | bytes) -> str:
    """'assets/<stem>.<content hash>.<kind>': a name that matches FINGERPRINT."""
    return f"assets/{stem}.{content_hash(text)}.{kind}"
