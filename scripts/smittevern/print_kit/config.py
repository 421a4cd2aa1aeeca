"""Options of the print-kit plugin, typed and checked when mkdocs.yml is loaded.

    plugins:
      - smittevern-print-kit:
          pdfs: !ENV [FLYER_PDFS, false]
          preview: !ENV [FLYER_PREVIEW, false]

- `pdfs`: link the flyer PDFs and the ZIP. Only `make flyers` renders them, so only
  its build (FLYER_PDFS=1) turns this on: no page ever links a PDF that is not there.
  That build stops when phones could not reach its site_url (loopback, private).
- `preview`: a proof of the print kit (`make flyers PREVIEW=1`): every print page and
  PDF is stamped "PREVIEW – not for printing", and a local site_url is allowed.

Both are on or off; from an environment variable, "1", "true", "yes" and "on" are on.
"""
from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import BaseConfigOption

from scripts.sitelib.print_kit import truthy


class Flag(BaseConfigOption[bool]):
    """On or off, also as an environment variable's text (`!ENV [NAME, false]`)."""

    def __init__(self) -> None:
        super().__init__()
        self.default = False

    def run_validation(self, value: object) -> bool:
        return truthy(value)


class PrintKitConfig(Config):
    pdfs = Flag()
    preview = Flag()
