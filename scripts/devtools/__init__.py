"""Developer and test tooling: build and serve the site, drive Chromium, measure weight.

Not used by the build itself (that is scripts/sitelib/ and scripts/smittevern/).
"""
