"""Print the built print pages to PDF with headless Chromium, then make the print packs and the ZIP.

Everything a browser does for the print kit happens in `open_print_browser` and
`render_pdfs` (one place for the render's policy: the security engineer adds the
CSP and the block on other origins here). The PDFs go into the built site, next
to their pages: <site>/<locale>/flyers/<topic>.pdf, …/pocket-cards.pdf,
flyers/pocket-cards-all-languages.pdf, flyers/language-poster-a4.pdf and -a3.pdf;
then flyers/print-pack-<topic>.pdf (every language of a topic) and flyers/print-kit.zip.
"""
import contextlib
import os
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from scripts.devtools.chromium import keep_to_origin
from scripts.sitelib.locales import LOCALES, ROOT
from scripts.sitelib.site_config import load_mkdocs_yml
from scripts.sitelib.site_nav import nav_files
from scripts.sitelib.print_kit import (
    POSTER_SIZES, cards_url, flyer_topics, flyer_url, pack_url, page_pdf_url, poster_url, zip_url,
)

A4 = {"width": 794, "height": 1123}  # CSS px at 96 dpi
FIT_DONE = "html[data-print-fit]"


@dataclass(frozen=True)
class PrintJob:
    page: str      # site path of the print page, 'bg/flyers/help/'
    pdf: str       # site path of its PDF, 'bg/flyers/help.pdf'
    kind: str      # 'flyer', 'cards', 'poster'


def mkdocs_nav(config=ROOT / "mkdocs.yml"):
    """The page order of mkdocs.yml's nav."""
    return list(nav_files(load_mkdocs_yml(config).get("nav")))


def print_jobs(site_dir, locales=LOCALES, topics=None):
    """Every print page that exists in the built site: flyers, then cards, then posters."""
    topics = topics if topics is not None else flyer_topics(order=mkdocs_nav())
    pages = [(flyer_url(locale, topic.slug), "flyer") for locale in locales for topic in topics]
    pages += [(cards_url(locale), "cards") for locale in locales] + [(cards_url(None), "cards")]
    pages += [(poster_url(size), "poster") for size in POSTER_SIZES]
    return [PrintJob(page, page_pdf_url(page), kind) for page, kind in pages
            if (Path(site_dir) / page / "index.html").is_file()]


@contextlib.contextmanager
def open_print_browser(playwright=None):
    """Debian's Chromium for printing (a fresh one unless a caller passes its own Playwright)."""
    from scripts.devtools.chromium import launch
    if playwright is None:
        from playwright.sync_api import sync_playwright
        with sync_playwright() as own:
            browser = launch(own)
            try:
                yield browser
            finally:
                browser.close()
    else:
        browser = launch(playwright)
        try:
            yield browser
        finally:
            browser.close()


class PrintError(RuntimeError):
    pass


def render_pdfs(browser, server_url, site_dir, jobs, progress=None):
    """Print each page (served at server_url) to its PDF in site_dir; return {job: notes}.

    The page's script checks the fit first and sets html[data-print-fit]: "overflow"
    stops the render; a flyer that had to leave out sections lists them in
    html[data-print-dropped] (returned as notes, and printed by `make flyers`).
    """
    context = browser.new_context(viewport=A4)
    blocked = keep_to_origin(context, server_url)  # a print page loads nothing from elsewhere
    tab = context.new_page()
    notes = {}
    try:
        for number, job in enumerate(jobs, 1):
            tab.goto(server_url + job.page, wait_until="load")
            if blocked:
                raise PrintError(f"{job.page}: asked for {', '.join(blocked)}; a print page may load nothing from another site")
            tab.wait_for_selector(FIT_DONE, state="attached")
            fit = tab.get_attribute("html", "data-print-fit")
            if fit != "done":
                raise PrintError(f"{job.page}: the text does not fit its sheet ({fit})")
            dropped = tab.get_attribute("html", "data-print-dropped")
            notes[job] = f"left out (does not fit): {dropped}" if dropped else ""
            target = Path(site_dir) / job.pdf
            target.parent.mkdir(parents=True, exist_ok=True)
            tab.emulate_media(media="print")
            tab.pdf(path=str(target), print_background=True, prefer_css_page_size=True,
                    margin={"top": "0", "right": "0", "bottom": "0", "left": "0"})
            tab.emulate_media(media="screen")
            if progress:
                progress(number, len(jobs), job.pdf, notes[job])
    finally:
        context.close()
    return notes


def make_packs(site_dir, topics=None, locales=LOCALES):
    """One PDF per topic with every language's flyer, in locale order; return their paths."""
    from pypdf import PdfWriter
    topics = topics if topics is not None else flyer_topics(order=mkdocs_nav())
    site_dir = Path(site_dir)
    written = []
    for topic in topics:
        writer = PdfWriter()
        for locale in locales:
            source = site_dir / page_pdf_url(flyer_url(locale, topic.slug))
            if source.is_file():
                writer.append(str(source))
        writer.add_metadata({"/Title": f"print-pack-{topic.slug}"})
        target = site_dir / pack_url(topic.slug)
        with open(target, "wb") as out:
            writer.write(out)
        written.append(target)
    return written


def make_zip(site_dir, pdfs):
    """flyers/print-kit.zip with every PDF, by its path in the site; same input, same bytes."""
    site_dir = Path(site_dir)
    stamp = time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH") or 315532800))[:6]
    stamp = max(stamp, (1980, 1, 1, 0, 0, 0))
    target = site_dir / zip_url()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for pdf in sorted(Path(p) for p in pdfs):
            info = zipfile.ZipInfo(pdf.relative_to(site_dir).as_posix(), date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, pdf.read_bytes())
    return target


def render_print_kit(browser, server_url, site_dir, progress=None):
    """Every PDF of the print kit, the packs and the ZIP; return (pdf paths, notes)."""
    jobs = print_jobs(site_dir)
    if not jobs:
        raise PrintError(f"No print pages in {site_dir}")
    notes = render_pdfs(browser, server_url, site_dir, jobs, progress)
    pdfs = [Path(site_dir) / job.pdf for job in jobs]
    packs = make_packs(site_dir)
    make_zip(site_dir, pdfs + packs)
    return pdfs + packs, notes
