"""The one pattern for file names that carry a content hash: our bundles
('site.1a2b3c4d.css', 'components/listen.1a2b3c4d.js') and Material's
('main.57a0d79d.min.css'). Such a file never changes, so servers cache it for a
year (headers.py, deploy/nginx/site.conf) and the service worker keeps it once
used (offline.py injects the pattern into sw.js).

The pattern text is valid in Python, JavaScript and nginx (PCRE) regular expressions.
"""
FINGERPRINT = r"\.[0-9a-f]{8}(?:\.min)?\.(?:css|js)"
# A fingerprinted file's name ends so (the service worker tests URL paths with it).
FINGERPRINTED_NAME = FINGERPRINT + "$"
# Fingerprinted files under /assets/, with their source maps (response headers).
ASSET_PATH = r"^/assets/(?:.+/)?[^/]+" + FINGERPRINT + r"(?:\.map)?$"
