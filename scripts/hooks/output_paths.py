"""Every file the build writes stays inside the output folder: our hooks write through
scripts/sitelib/site_files.py, and the files MkDocs itself will write or copy are
held to the same rule here, once every plugin has added its files."""
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from scripts.sitelib.site_files import check_destinations


@event_priority(-200)  # last: after every plugin and hook has added or moved files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    check_destinations(files, config.site_dir)
    return files
