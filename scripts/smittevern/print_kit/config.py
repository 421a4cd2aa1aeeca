"""Options of the print-kit plugin (none yet: whether PDFs are linked and whether this is
a stamped preview stay extra.flyer_pdfs and extra.flyer_preview, which `make flyers`
sets through FLYER_PDFS and FLYER_PREVIEW and the site plugin reads too)."""
from mkdocs.config.base import Config


class PrintKitConfig(Config):
    pass
