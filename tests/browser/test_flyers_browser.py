"""Flyers as people get them: printed from Chromium, scanned, and as PDFs.

A phone that scans any flyer, in any locale, must open that locale's page.
"""
import io
import posixpath
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from scripts.sitelib.flyer_pdf import A4, flyer_jobs, mkdocs_nav, render_pdfs
from scripts.sitelib.flyers import flyer_topics, flyer_url, pdf_url, topic_url
from scripts.sitelib.locales import LOCALES
from scripts.sitelib.ui_strings import load_strings
from scripts.devtools.local_site import StaticServer, build_site, free_port

pytestmark = pytest.mark.browser

TOPICS = flyer_topics(order=mkdocs_nav())
FLYERS = [(locale, topic) for locale in LOCALES for topic in TOPICS]
THAI = re.compile(r"[\u0e00-\u0e7f]")
HAN = re.compile(r"[\u4e00-\u9fff]")
THAI_FONTS = re.compile(r"Loma|Garuda|Norasi|Kinnari|Laksaman|Purisa|Sawasdee|Tlwg|Umpush|Waree|Thai", re.I)
CJK_FONTS = re.compile(r"NotoSansCJK|NotoSerifCJK|SourceHan|Noto ?Sans ?(SC|CJK)", re.I)


def decode(image):
    """Texts of the QR codes zxing-cpp finds in a PIL image."""
    return [result.text for result in zxingcpp.read_barcodes(image) if result.format == zxingcpp.BarcodeFormat.QRCode]


def title_of(site_dir, locale, topic):
    from bs4 import BeautifulSoup
    html = (Path(site_dir) / topic_url(locale, topic.slug) / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article h1").get_text(strip=True)


@pytest.fixture(scope="session")
def flyer_site(tmp_path_factory, browser):
    """The deploy build (`make flyers`): PDF links on, every flyer printed to PDF once."""
    port = free_port()
    site_dir = tmp_path_factory.mktemp("flyer-site")
    result = build_site(site_dir, f"http://127.0.0.1:{port}/", extra_env={"FLYER_PDFS": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    with StaticServer(site_dir, port) as server:
        server.dir = site_dir
        server.pdfs = render_pdfs(browser, server.url, site_dir, flyer_jobs(site_dir))
        yield server


@pytest.fixture
def a4_page(browser):
    context = browser.new_context(viewport=A4, device_scale_factor=2)
    tab = context.new_page()
    yield tab
    context.close()


def open_flyer(tab, site, locale, topic):
    tab.goto(site.url + flyer_url(locale, topic.slug))
    tab.wait_for_selector("html[data-flyer-fit]", state="attached")


def test_every_flyer_fits_its_sheet_and_its_qr_code_opens_the_page_in_that_language(site, a4_page):
    for locale, topic in FLYERS:
        open_flyer(a4_page, site, locale, topic)
        where = f"{locale}/{topic.slug}"
        assert a4_page.get_attribute("html", "data-flyer-fit") == "done", where
        sheet = a4_page.locator(".js-flyer-sheet")
        size = sheet.evaluate("s => [s.scrollWidth, s.clientWidth, s.scrollHeight, s.clientHeight]")
        assert size[0] <= size[1] and size[2] <= size[3], f"{where}: text cut off {size}"
        image = Image.open(io.BytesIO(a4_page.locator(".site-flyer__qr").screenshot()))
        assert decode(image) == [site.url + topic_url(locale, topic.slug)], where


def test_in_print_a_flyer_shows_no_site_chrome_and_no_buttons(site, a4_page):
    a4_page.emulate_media(media="print")
    chrome = "header, nav, footer, [role=search], .md-header, .md-tabs, .md-sidebar, .md-search, .md-footer, button, .site-flyer__tools"
    for locale, topic in FLYERS:
        open_flyer(a4_page, site, locale, topic)
        visible = a4_page.locator(chrome).evaluate_all(
            "nodes => nodes.filter(n => n.checkVisibility({visibilityProperty: true})).map(n => n.outerHTML.slice(0, 80))")
        assert visible == [], f"{locale}/{topic.slug}"
        assert a4_page.locator(".site-flyer__qr-code").is_visible()
        assert a4_page.evaluate("getComputedStyle(document.body).backgroundColor") in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")


def test_the_print_button_prints_and_without_javascript_the_page_says_how(site, browser):
    topic = TOPICS[0]
    context = browser.new_context(viewport=A4)
    tab = context.new_page()
    tab.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    open_flyer(tab, site, "bg", topic)
    label = load_strings()["bg"]["flyer_print"]  # the button says what the strings file says
    tab.get_by_role("button", name=label).click()
    assert tab.evaluate("window.__printed") == 1
    assert not tab.get_by_text("Ctrl+P").is_visible()
    context.close()
    context = browser.new_context(viewport=A4, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site.url + flyer_url("bg", topic.slug))
    assert not tab.get_by_role("button").count() or not tab.get_by_role("button").is_visible()
    assert tab.get_by_text("Ctrl+P").is_visible()
    assert tab.locator(".site-flyer__qr-code").is_visible()
    context.close()


def test_every_flyer_pdf_is_one_a4_page_with_its_heading(flyer_site):
    assert sorted(flyer_site.pdfs) == sorted(Path(flyer_site.dir) / pdf_url(l, t.slug) for l, t in FLYERS)
    for locale, topic in FLYERS:
        reader = PdfReader(Path(flyer_site.dir) / pdf_url(locale, topic.slug))
        assert len(reader.pages) == 1, f"{locale}/{topic.slug}"
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) in ((595, 842), (595, 841)), box
        text = comparable(reader.pages[0].extract_text())
        assert comparable(title_of(flyer_site.dir, locale, topic)) in text, f"{locale}/{topic.slug}"


def comparable(text):
    """Text as a PDF gives it back: Thai fonts map tone marks to private-use glyphs,
    so compare without spaces, combining marks and private-use characters."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(char for char in text if unicodedata.category(char) not in ("Mn", "Co", "Zs", "Cc"))


def test_every_rasterised_flyer_pdf_has_a_qr_code_that_opens_the_page_in_that_language(flyer_site, tmp_path):
    for locale, topic in FLYERS:
        pdf = Path(flyer_site.dir) / pdf_url(locale, topic.slug)
        raster = tmp_path / f"{locale}-{topic.slug}"
        subprocess.run(["pdftoppm", "-r", "150", "-gray", "-singlefile", str(pdf), str(raster)], check=True)
        assert decode(Image.open(f"{raster}.pgm")) == [flyer_site.url + topic_url(locale, topic.slug)], f"{locale}/{topic.slug}"


def font_names(page):
    """Names of the fonts a page embeds: Type0 with their descendants, and Type3
    (Chromium draws CFF fonts such as Noto Sans CJK as Type3 glyph procedures)."""
    names = []
    fonts = page["/Resources"].get_object().get("/Font", {})
    for ref in fonts.values():
        font = ref.get_object()
        parts = [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]
        for part in parts:
            descriptor = part.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")) or "/CharProcs" in part
            if embedded:
                names.append(str(part.get("/BaseFont") or descriptor.get("/FontName", "")))
    return names


@pytest.mark.parametrize("locale, script, fonts", [("th", THAI, THAI_FONTS), ("zh", HAN, CJK_FONTS)])
def test_thai_and_chinese_pdfs_embed_a_font_for_their_script(flyer_site, locale, script, fonts):
    for topic in TOPICS:
        page = PdfReader(Path(flyer_site.dir) / pdf_url(locale, topic.slug)).pages[0]
        assert script.search(page.extract_text()), f"{locale}/{topic.slug}: no {locale} text in the PDF"
        assert any(fonts.search(name) for name in font_names(page)), font_names(page)


def test_the_deploy_build_links_each_pdf_where_it_is(flyer_site):
    site_dir = Path(flyer_site.dir)
    linked = set()
    for locale in LOCALES:
        for page in [topic_url(locale, t.slug) for t in TOPICS] + [flyer_url(locale, t.slug) for t in TOPICS] + [f"{topic_url(locale, 'flyers')}"]:
            html = (site_dir / page / "index.html").read_text(encoding="utf-8")
            for href in re.findall(r'href="([^"]+\.pdf)"', html):
                target = posixpath.normpath(posixpath.join("/" + page, href)).lstrip("/")
                assert (site_dir / target).is_file(), f"{page} links {href}"
                linked.add(target)
    assert linked == {pdf_url(l, t.slug) for l, t in FLYERS}
