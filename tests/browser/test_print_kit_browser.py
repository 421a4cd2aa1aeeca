"""The print kit as outreach staff get it: PDFs rendered by `make flyers`'s code, scanned,
measured and read back; print pages on a phone; Thai lines broken only between words.

Every PDF is rendered once per session (fixture `print_kit`) and shared by the tests.
"""
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from scripts.devtools.local_site import build_site
from scripts.sitelib.locales import LOCALES
from scripts.sitelib.print_kit import (
    POSTER_SIZES, cards_url, flyer_topics, flyer_url, mixed_card_locales, overview_url, pack_url, page_pdf_url,
    poster_url, topic_url, zip_url,
)
from scripts.devtools.print_pdf import A4, mkdocs_nav, render_print_kit
from scripts.sitelib.site_address import PREVIEW_FLAG
from scripts.sitelib.typesetting import THAI, thai_words
from tests.support.shared_site import MakeFailed, shared_site
from scripts.sitelib.ui_strings import load_strings

pytestmark = pytest.mark.browser

TOPICS = flyer_topics(order=mkdocs_nav())
FLYERS = [(locale, topic) for locale in LOCALES for topic in TOPICS]
PHONE = {"width": 360, "height": 740}
A4_PT, A3_PT = (595, 842), (842, 1191)
FONTS = re.compile(r"^[A-Z]{6}\+(NotoSans-(Regular|Bold)|NotoSansThai-(Regular|Bold)|WenQuanYiMicroHei)$")


def decode(image):
    """Texts of the QR codes zxing-cpp finds in a PIL image."""
    return [result.text for result in zxingcpp.read_barcodes(image) if result.format == zxingcpp.BarcodeFormat.QRCode]


@pytest.fixture(scope="session")
def print_kit(tmp_path_factory, worker_id, browser):
    """The deploy build (`make flyers`): PDF links on, the whole print kit rendered once for
    the run (shared_site). Its address is local, so it is a preview (`make flyers
    PREVIEW=1`): every PDF is stamped. .pdfs: paths; .notes: {pdf: what did not fit}."""
    def make(folder, url):
        result = build_site(folder, url, extra_env={"FLYER_PDFS": "1", PREVIEW_FLAG: "1"})
        if result.returncode != 0:
            raise MakeFailed(result.stdout + result.stderr)
        pdfs, notes = render_print_kit(browser, url, folder)
        return {"pdfs": [str(pdf) for pdf in pdfs], "notes": {job.pdf: note for job, note in notes.items()}}

    with shared_site(tmp_path_factory, worker_id, "print-kit", make) as served:
        served.pdfs = [Path(pdf) for pdf in served.pdfs]
        yield served


@pytest.fixture(scope="session")
def rasters(print_kit, tmp_path_factory):
    """Every PDF page rasterised once at 150 dpi, greyscale: {pdf site path: [PIL images]}."""
    out = tmp_path_factory.mktemp("rasters")
    images = {}
    for pdf in print_kit.pdfs:
        relative = pdf.relative_to(print_kit.dir).as_posix()
        if "print-pack-" in relative:
            continue  # the packs are the flyers again, page by page
        stem = out / relative.replace("/", "_")
        subprocess.run(["pdftoppm", "-r", "150", "-gray", str(pdf), str(stem)], check=True)
        images[relative] = [Image.open(path) for path in sorted(out.glob(stem.name + "-*.pgm"))]
    return images


def pdf_path(site, path):
    return Path(site.dir) / path


# --- what `make flyers` writes ---

def test_make_flyers_renders_every_piece_and_leaves_nothing_out(print_kit):
    expected = [page_pdf_url(flyer_url(locale, t.slug)) for locale, t in FLYERS]
    expected += [page_pdf_url(cards_url(locale)) for locale in LOCALES] + [page_pdf_url(cards_url(None))]
    expected += [page_pdf_url(poster_url(size)) for size in POSTER_SIZES] + [pack_url(t.slug) for t in TOPICS]
    assert sorted(p.relative_to(print_kit.dir).as_posix() for p in print_kit.pdfs) == sorted(expected)
    assert {pdf: note for pdf, note in print_kit.notes.items() if note} == {}, \
        "every flyer's key messages and sections fit one A4 side at 12 pt in every language"


def test_a_preview_stamps_every_page_of_every_pdf(print_kit):
    """A local SITE_URL is allowed only in a preview, whose every page says it is not for printing."""
    english = load_strings()["en"]["print_preview_stamp"]
    assert english == "PREVIEW – not for printing"
    for pdf in print_kit.pdfs:
        for number, sheet in enumerate(PdfReader(pdf).pages, 1):
            assert english in " ".join(sheet.extract_text().split()), f"{pdf.relative_to(print_kit.dir)} page {number}"


def test_page_sizes_and_counts(print_kit):
    def pages(path):
        reader = PdfReader(pdf_path(print_kit, path))
        return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
    for locale, topic in FLYERS:
        assert pages(page_pdf_url(flyer_url(locale, topic.slug))) in ([A4_PT], [(595, 841)]), f"{locale}/{topic.slug}"
    for locale in LOCALES:
        assert len(pages(page_pdf_url(cards_url(locale)))) == 1
    assert len(pages(page_pdf_url(cards_url(None)))) == len(mixed_card_locales()) // 10
    assert pages(page_pdf_url(poster_url("a4")))[0][0] == A4_PT[0] and len(pages(page_pdf_url(poster_url("a4")))) == 1
    assert pages(page_pdf_url(poster_url("a3"))) in ([A3_PT], [(842, 1190)])
    for topic in TOPICS:
        assert len(pages(pack_url(topic.slug))) == len(LOCALES)


def test_the_zip_holds_every_pdf(print_kit):
    with zipfile.ZipFile(pdf_path(print_kit, zip_url())) as archive:
        names = sorted(archive.namelist())
        assert names == sorted(p.relative_to(print_kit.dir).as_posix() for p in print_kit.pdfs)
        assert archive.read(names[0]) == pdf_path(print_kit, names[0]).read_bytes()


# --- QR codes, read back from the paper ---

def test_every_qr_code_on_every_flyer_opens_its_page_in_that_language(print_kit, rasters):
    for locale, topic in FLYERS:
        [image] = rasters[page_pdf_url(flyer_url(locale, topic.slug))]
        assert decode(image) == [print_kit.url + topic_url(locale, topic.slug)], f"{locale}/{topic.slug}"


def test_every_qr_code_on_every_card_sheet_opens_the_help_page_in_its_language(print_kit, rasters):
    for locale in LOCALES:
        [image] = rasters[page_pdf_url(cards_url(locale))]
        assert decode(image) == [print_kit.url + topic_url(locale, "help")] * 10, locale
    found = [url for image in rasters[page_pdf_url(cards_url(None))] for url in decode(image)]
    assert sorted(found) == sorted(print_kit.url + topic_url(locale, "help") for locale in mixed_card_locales())


@pytest.mark.parametrize("size", POSTER_SIZES)
def test_every_qr_code_on_the_poster_opens_its_language(print_kit, rasters, size):
    [image] = rasters[page_pdf_url(poster_url(size))]
    assert sorted(decode(image)) == sorted(print_kit.url + topic_url(locale, "") for locale in LOCALES)


def test_qr_codes_on_flyers_are_at_least_30_mm(print_kit, rasters):
    for locale, topic in FLYERS[:3] + FLYERS[-3:]:
        [image] = rasters[page_pdf_url(flyer_url(locale, topic.slug))]
        [result] = zxingcpp.read_barcodes(image)
        xs = [p.x for p in (result.position.top_left, result.position.top_right)]
        assert (max(xs) - min(xs)) / 150 * 25.4 >= 30 * 29 / 37, "finder patterns span 29 of the 37 modules"


# --- type sizes and fonts, read from the PDF ---

def text_sizes(path):
    """[(size in pt, text)] of every text run in a PDF: font size times the scale of the
    text and current transformation matrices."""
    runs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            a = tm[0] * cm[0] + tm[1] * cm[2]
            b = tm[0] * cm[1] + tm[1] * cm[3]
            c = tm[2] * cm[0] + tm[3] * cm[2]
            d = tm[2] * cm[1] + tm[3] * cm[3]
            runs.append((round(size * abs(a * d - b * c) ** 0.5, 2), text.strip()))
    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return runs


def test_the_smallest_text_on_every_flyer_is_12_pt(print_kit):
    for locale, topic in FLYERS:
        runs = text_sizes(pdf_path(print_kit, page_pdf_url(flyer_url(locale, topic.slug))))
        assert len(runs) > 20, f"{locale}/{topic.slug}: no text read"
        smallest = min(runs)
        assert smallest[0] >= 12, f"{locale}/{topic.slug}: {smallest}"
        assert max(runs)[0] >= 20, "the title is large"
    # The measure can fail: the pocket cards' small print is below 12 pt.
    assert min(text_sizes(pdf_path(print_kit, page_pdf_url(cards_url("nb")))))[0] < 12


def test_key_messages_are_at_least_14_pt(print_kit):
    for locale, topic in FLYERS:
        runs = text_sizes(pdf_path(print_kit, page_pdf_url(flyer_url(locale, topic.slug))))
        assert any(size >= 14.5 for size, _ in runs), f"{locale}/{topic.slug}"


def fonts_of(path):
    """Rows of `pdffonts`: (name, type, embedded)."""
    output = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in output.splitlines()[2:]:
        match = re.match(r"(\S+)\s+(.+?)\s{2,}\S+\s+(yes|no)\s+(yes|no)\s+(yes|no)", line)
        rows.append((match[1], match[2].strip(), match[3] == "yes"))
    return rows


def test_every_pdf_embeds_its_fonts_as_real_fonts_from_the_pinned_packages(print_kit):
    for pdf in print_kit.pdfs:
        rows = fonts_of(pdf)
        assert rows, pdf
        for name, kind, embedded in rows:
            assert embedded and kind == "CID TrueType", f"{pdf.name}: {name} is {kind}, embedded {embedded}"
            assert FONTS.match(name), f"{pdf.name}: {name} is not one of the print kit's fonts"
    zh = [name for name, _, _ in fonts_of(pdf_path(print_kit, page_pdf_url(flyer_url("zh", "help"))))]
    assert any("WenQuanYiMicroHei" in name for name in zh), "Chinese is embedded as a CID font, not Type 3"
    th = [name for name, _, _ in fonts_of(pdf_path(print_kit, page_pdf_url(flyer_url("th", "help"))))]
    assert any("NotoSansThai" in name for name in th)


# --- crop marks ---

def test_card_sheets_have_crop_marks_at_every_cut(print_kit, rasters):
    mm = 150 / 25.4
    xs, ys = [20, 105, 190], [10.5 + 55 * n for n in range(6)]
    for path in [page_pdf_url(cards_url(locale)) for locale in LOCALES] + [page_pdf_url(cards_url(None))]:
        for image in rasters[path]:
            pixels = image.load()

            def dark(x_mm, y_mm):
                x, y = round(x_mm * mm), round(y_mm * mm)
                return min(pixels[x + dx, y + dy] for dx in (-1, 0, 1) for dy in (-1, 0, 1)) < 100
            for x in xs:
                assert dark(x, ys[0] - 5) and dark(x, ys[-1] + 5), (path, "vertical mark", x)
            for y in ys:
                assert dark(xs[0] - 6, y) and dark(xs[-1] + 6, y), (path, "horizontal mark", y)
            assert not dark(5, 5), "the corner of the sheet stays blank"


# --- Thai lines break between words ---

LINE_STARTS = """sheet => {
  const out = [];
  let text = "", lastTop = null, lastLeft = null, lastBlock = null;
  const block = node => {
    let el = node.parentElement;
    while (getComputedStyle(el).display === "inline") el = el.parentElement;
    return el;
  };
  const walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest("svg, script")) continue;
    const here = block(node);
    if (here !== lastBlock) { text += "\\n"; lastTop = null; lastBlock = here; }
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
      const rect = range.getBoundingClientRect();
      if (rect.width && lastTop !== null && (rect.top > lastTop + rect.height / 2 || rect.left < lastLeft - 200)) out.push(text.length);
      if (rect.width) { lastTop = rect.top; lastLeft = rect.left; }
      text += node.data[i];
    }
  }
  return {text, starts: out};
}"""


def word_boundaries(text):
    """Offsets in text where PyThaiNLP puts a word boundary inside Thai runs (run edges included)."""
    bounds = set()
    for run in re.finditer(r"[\u0e00-\u0e7f]+", text):
        position = run.start()
        bounds.add(position)
        for word in thai_words(run.group(0)):
            position += len(word)
            bounds.add(position)
    return bounds


def test_no_thai_line_on_a_flyer_starts_inside_a_word(print_kit, browser):
    context = browser.new_context(viewport=A4)
    tab = context.new_page()
    tab.emulate_media(media="print")
    checked = 0
    for topic in TOPICS:
        tab.goto(print_kit.url + flyer_url("th", topic.slug))
        tab.wait_for_selector("html[data-print-fit]", state="attached")
        lines = tab.locator(".js-print-sheet").evaluate(LINE_STARTS)
        text, bounds = lines["text"], word_boundaries(lines["text"])
        for start in lines["starts"]:
            if THAI.match(text[start - 1:start] or " ") and THAI.match(text[start:start + 1] or " "):
                checked += 1
                assert start in bounds, f"{topic.slug}: a line starts inside a word: …{text[start - 12:start]}|{text[start:start + 12]}…"
    context.close()
    assert checked > 10, "the flyers have Thai lines that wrap"


# --- on a phone ---

def test_the_overview_on_a_phone_reaches_every_topic_card_and_poster(print_kit, browser):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    for locale in ("nb", "th"):
        tab.goto(print_kit.url + overview_url(locale))
        assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        links = tab.locator(".site-flyer-list a:not(.site-flyer-jump a)")  # the jump table scrolls in its own frame
        expected = len(LOCALES) * (len(TOPICS) + 1) * 2 + len(POSTER_SIZES) * 2 + 2 + len(TOPICS) + 1
        assert links.count() == expected
        boxes = links.evaluate_all("nodes => nodes.map(n => { const r = n.getBoundingClientRect(); return [r.left, r.right, r.height]; })")
        assert all(left >= 0 and right <= PHONE["width"] and height >= 44 for left, right, height in boxes), boxes
        card = tab.locator(".site-flyer-list__card").nth(5)
        assert card.locator("h3").inner_text() == "Bulgarian · Български"
    context.close()


def test_a_print_page_on_a_phone_shows_the_whole_sheet_scaled_to_the_screen(print_kit, browser):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    for path in (flyer_url("bg", "covid-19"), cards_url("th"), poster_url("a3")):
        tab.goto(print_kit.url + path)
        tab.wait_for_selector("html[data-print-fit]", state="attached")
        tab.wait_for_function("getComputedStyle(document.querySelector('.js-print-sheet')).zoom < 1")
        box = tab.locator(".js-print-sheet").first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (path, box)
        assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
        assert tab.locator(".site-quick-exit a.js-quick-exit").is_visible(), "the exit bar is on print pages"
    context.close()


def test_the_toolbar_speaks_the_language_of_the_site_the_staff_member_came_from(print_kit, browser):
    strings = load_strings()
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(print_kit.url + flyer_url("bg", "covid-19") + "?from=nb")
    toolbar = tab.locator(".js-print-toolbar")
    toolbar.locator(".js-print-button").wait_for()
    assert toolbar.get_attribute("lang") == "nb"
    assert toolbar.locator(".js-print-button").inner_text().strip() == strings["nb"]["flyer_print"]
    assert tab.locator("html").get_attribute("lang") == "bg" and tab.locator("h1").get_attribute("lang") is None
    tab.get_by_role("link", name=strings["nb"]["print_all_flyers"]).click()
    tab.wait_for_url(print_kit.url + overview_url("nb"))
    tab.goto(print_kit.url + flyer_url("bg", "covid-19"))
    assert tab.locator(".js-print-toolbar").get_attribute("lang") == "bg"
    assert strings["bg"]["flyer_print"] in tab.locator(".js-print-button").inner_text()
    context.close()


def test_share_pdf_shares_the_file_where_the_phone_can_and_downloads_it_elsewhere(print_kit, browser):
    strings = load_strings()
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.add_init_script("""
      navigator.canShare = () => true;
      navigator.share = data => { window.__shared = data.files.map(f => [f.name, f.type, f.size]); return Promise.resolve(); };
    """)
    tab.goto(print_kit.url + flyer_url("th", "help") + "?from=en")
    button = tab.locator(".js-print-pdf")
    assert button.inner_text().strip() == strings["en"]["print_share_pdf"]
    button.click()
    tab.wait_for_function("window.__shared")
    [[name, kind, size]] = tab.evaluate("window.__shared")
    assert (name, kind) == ("flyer-help-th.pdf", "application/pdf")
    assert size == pdf_path(print_kit, page_pdf_url(flyer_url("th", "help"))).stat().st_size
    context.close()
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    tab = context.new_page()
    tab.goto(print_kit.url + flyer_url("th", "help") + "?from=en")
    tab.locator(".js-print-button").wait_for()
    button = tab.locator(".js-print-pdf")
    assert button.inner_text().strip() == strings["en"]["flyer_download_pdf"], "no Web Share here: a download"
    with tab.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == "flyer-help-th.pdf"
    context.close()


def test_the_print_button_prints_and_without_javascript_the_page_says_how(print_kit, browser):
    strings = load_strings()
    context = browser.new_context(viewport=A4)
    tab = context.new_page()
    tab.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    tab.goto(print_kit.url + flyer_url("bg", "help"))
    tab.get_by_role("button", name=strings["bg"]["flyer_print"]).click()
    assert tab.evaluate("window.__printed") == 1
    assert not tab.get_by_text("Ctrl+P").is_visible()
    context.close()
    context = browser.new_context(viewport=A4, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(print_kit.url + flyer_url("bg", "help"))
    assert not tab.locator(".js-print-button").is_visible()
    assert tab.get_by_text("Ctrl+P").is_visible()
    assert tab.locator(".flyer__qr .print-qr").is_visible()
    context.close()


def test_in_print_the_sheets_show_no_site_chrome_no_toolbar_and_no_exit_bar(print_kit, browser):
    context = browser.new_context(viewport=A4)
    tab = context.new_page()
    tab.emulate_media(media="print")
    chrome = "header.md-header, nav, .md-search, .md-footer, button, .print-toolbar, .site-quick-exit"
    for path in (flyer_url("nb", "covid-19"), cards_url(None), poster_url("a4")):
        tab.goto(print_kit.url + path)
        tab.wait_for_selector("html[data-print-fit]", state="attached")
        visible = tab.locator(chrome).evaluate_all(
            "nodes => nodes.filter(n => n.checkVisibility({visibilityProperty: true})).map(n => n.outerHTML.slice(0, 80))")
        assert visible == [], path
        assert tab.evaluate("getComputedStyle(document.querySelector('.js-print-sheet')).zoom") == "1"
    context.close()


def test_the_deploy_build_links_each_pdf_where_it_is(print_kit):
    site_dir = Path(print_kit.dir)
    linked = set()
    for locale in LOCALES:
        for page in [topic_url(locale, t.slug) for t in TOPICS] + [flyer_url(locale, t.slug) for t in TOPICS] + [overview_url(locale)]:
            html = (site_dir / page / "index.html").read_text(encoding="utf-8")
            for href in re.findall(r'href="([^"]+\.(?:pdf|zip))"', html):
                import posixpath
                target = posixpath.normpath(posixpath.join("/" + page, href)).lstrip("/")
                assert (site_dir / target).is_file(), f"{page} links {href}"
                linked.add(target)
    assert linked == {p.relative_to(site_dir).as_posix() for p in print_kit.pdfs} | {zip_url()}
