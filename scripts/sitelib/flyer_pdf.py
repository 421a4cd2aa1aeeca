"""Print every built flyer page to a one-page A4 PDF with headless Chromium.

The PDFs go inside the built site, next to the flyer pages:
<site>/<locale>/flyers/<topic>.pdf (nb: <site>/flyers/<topic>.pdf).
"""
from pathlib import Path

from .flyers import flyer_topics, flyer_url, nav_files, pdf_url
from .locales import LOCALES, ROOT
from .site_config import load_mkdocs_yml

A4 = {"width": 794, "height": 1123}  # CSS px at 96 dpi
FIT_DONE = "html[data-flyer-fit]"


def mkdocs_nav(config=ROOT / "mkdocs.yml"):
    """The page order of mkdocs.yml's nav."""
    return list(nav_files(load_mkdocs_yml(config).get("nav")))


def flyer_jobs(site_dir, locales=LOCALES, topics=None):
    """[(flyer page path, pdf path)] for every flyer page that exists in the built site."""
    topics = topics if topics is not None else flyer_topics(order=mkdocs_nav())
    jobs = []
    for locale in locales:
        for topic in topics:
            page = flyer_url(locale, topic.slug)
            if (Path(site_dir) / page / "index.html").is_file():
                jobs.append((page, pdf_url(locale, topic.slug)))
    return jobs


def render_pdfs(browser, server_url, site_dir, jobs):
    """Print each flyer page (served at server_url) to its PDF in site_dir; return the PDF paths.

    One browser tab does them all. The page's own script fits the text to the
    sheet first and then sets html[data-flyer-fit]; "overflow" means it could not.
    """
    context = browser.new_context(viewport=A4)
    tab = context.new_page()
    written = []
    try:
        for page, pdf in jobs:
            tab.goto(server_url + page, wait_until="load")
            tab.wait_for_selector(FIT_DONE, state="attached")
            fit = tab.get_attribute("html", "data-flyer-fit")
            if fit != "done":
                raise RuntimeError(f"{page}: the flyer text does not fit on one A4 page ({fit})")
            target = Path(site_dir) / pdf
            target.parent.mkdir(parents=True, exist_ok=True)
            tab.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True,
                    margin={"top": "0", "right": "0", "bottom": "0", "left": "0"})
            written.append(target)
    finally:
        context.close()
    return written
