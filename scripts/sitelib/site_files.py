"""Every file the build writes into the output folder goes through write_site_file().

Ids and page names become paths (an embed view is <page>/embed/<section id>/), and
page text is written by translators. So the one write function resolves the path
it is given (symlinks and `..` included) and refuses anything outside the output
folder, naming the source file the path came from. Ids are checked long before
(heading_ids.py, sanitizer.id_problem); this is the last word on where bytes land.

MkDocs and static-i18n write pages and copy files themselves, to paths made from
the file names under docs/ (they cannot hold `..`); check_destinations() holds
them to the same rule before anything is written.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .source_errors import SourceError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page


def site_path(site_dir: str | Path, relative: str | Path, source: str | Path | None = None) -> Path:
    """The absolute path of `relative` inside site_dir; SourceError naming `source`
    (the file the path came from) when it resolves anywhere else."""
    root = Path(site_dir).resolve()
    target = (root / relative).resolve()
    if target != root and root not in target.parents:
        raise SourceError(source or "the build", None,
                          f"would write '{relative}', which is outside the output folder {site_dir}; "
                          "ids and page names may not hold '/', '..' or absolute paths")
    return target


def write_site_file(site_dir: str | Path, relative: str | Path, content: str | bytes, source: str | Path | None = None) -> Path:
    """Write text (UTF-8) or bytes to site_dir/relative, making its folders; returns
    site_dir/relative."""
    target = site_path(site_dir, relative, source)
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(str(content), encoding="utf-8")
    return Path(site_dir) / relative


def page_source(page: Page, config: MkDocsConfig) -> Path:
    """A page's file as errors name it: relative to mkdocs.yml's folder where it can be."""
    path = Path(page.file.abs_src_path or Path(config.docs_dir) / page.file.src_uri)  # or a generated page
    try:
        return path.relative_to(Path(config.config_file_path).parent)
    except ValueError:
        return path


def check_destinations(files: Iterable[File], site_dir: str | Path) -> None:
    """Every file MkDocs will write or copy lands inside site_dir (names its source)."""
    for file in files:
        site_path(site_dir, file.dest_uri, file.abs_src_path or file.src_uri)
