"""Issue 12, item 4: the look of a public health service, as a reader sees it.

Bold near-black headings; the organisation's logo readable on the header (3:1 or
more, measured on a screenshot) and its name in the header when mkdocs.yml gives
one; a footer with About and Privacy and no theme credit; box titles in the page's
language; no site name twice in a title; button icons that keep their size.
"""
import io
import shutil
from collections import Counter

import pytest
import yaml
from PIL import Image

from scripts.devtools.chromium import PHONE
from scripts.devtools.local_site import ROOT, StaticServer, build_site
from scripts.sitelib.locales import LOCALES, locale_prefix
from scripts.sitelib.site_config import load_mkdocs_yml
from scripts.sitelib.ui_strings import load_strings
from tests.support.variant import write_variant_config

UI = load_strings()
pytestmark = pytest.mark.browser
SITE_NAMES = {lang["locale"]: lang["site_name"] for plugin in load_mkdocs_yml()["plugins"]
              if isinstance(plugin, dict) and "i18n" in plugin for lang in plugin["i18n"]["languages"]}


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def rgb(css):
    return tuple(int(float(part)) for part in css[css.index("(") + 1:css.index(")")].split(",")[:3])


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="nb-NO", service_workers="block")
    yield context.new_page()
    context.close()


def test_headings_are_bold_and_near_black(phone, site):
    for path in ["covid-19/", "th/help/", "zh/"]:
        phone.goto(site.url + path)
        for heading in phone.locator("article h1, article h2").all()[:4]:
            style = heading.evaluate("el => [getComputedStyle(el).fontWeight, getComputedStyle(el).color]")
            assert int(style[0]) >= 700, (path, style)
            assert contrast(rgb(style[1]), (255, 255, 255)) >= 15, (path, style)


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}], ids=["360", "1280"])
def test_the_logo_reads_on_the_header(browser, site, viewport):
    context = browser.new_context(viewport=viewport, locale="nb-NO", service_workers="block")
    try:
        page = context.new_page()
        page.goto(site.url + "help/")
        logo = page.locator(".md-header .md-logo img")
        assert logo.is_visible(), "the header shows the logo"
        header = rgb(page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor"))
        shot = Image.open(io.BytesIO(logo.screenshot())).convert("RGB")
        pixels = shot.get_flattened_data()
        colours = [colour for colour, count in Counter(pixels).most_common() if count >= 0.05 * len(pixels)]
        ground = colours[0]                                     # what the logo stands on
        mark = max(colours[1:], key=lambda colour: contrast(colour, ground))
        assert contrast(mark, ground) >= 3, (mark, ground)       # the logo's shape on its ground
        assert contrast(ground, header) >= 3, (ground, header)   # its ground against the header
    finally:
        context.close()


def test_the_header_shows_the_site_name_when_no_organisation_is_named(phone, site):
    assert not (load_mkdocs_yml()["extra"]["organisation"]["name"] or "")
    for locale in ["nb", "th"]:
        phone.goto(site.url + locale_prefix(locale) + "help/")
        assert phone.locator(".md-header__topic").first.inner_text().strip() == SITE_NAMES[locale]


@pytest.fixture(scope="module")
def named_site(tmp_path_factory):
    """A small build whose mkdocs.yml names an organisation."""
    tmp = tmp_path_factory.mktemp("organisation")
    docs = tmp / "docs"
    shutil.copytree(ROOT / "tests" / "fixtures" / "hostile" / "good" / "docs", docs)
    for locale, heading in (("nb", "Hvem står bak"), ("en", "Who runs it")):  # a translation keeps its markers
        with open(docs / locale / "index.md", "a", encoding="utf-8") as page:
            page.write(f"\n## {heading} {{ #who }}\n\n<!-- organisation -->\n\n!!! warning\n\n    Text.\n")
    config = write_variant_config(tmp, docs)
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["extra"] = {"organisation": {"name": "Helse & Hjelp", "url": "https://example.org/", "logo": "assets/favicon.svg"}}
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with StaticServer(tmp / "site") as server:
        result = build_site(tmp / "site", server.url, config=config)
        assert result.returncode == 0, result.stderr[-3000:]
        yield server


def test_a_named_organisation_shows_in_the_header_and_on_the_about_text(phone, named_site):
    phone.goto(named_site.url)
    assert phone.locator(".md-header__topic").first.inner_text().strip() == "Helse & Hjelp"
    line = phone.locator(".site-organisation")
    assert line.inner_text().strip() == UI["nb"]["about_run_by"].replace("{name}", "Helse & Hjelp")
    assert line.locator("a").get_attribute("href") == "https://example.org/"


def test_the_footer_links_about_and_privacy_and_has_no_theme_credit(phone, site):
    for locale in LOCALES:
        prefix = site.url + locale_prefix(locale)
        phone.goto(prefix + "covid-19/")
        footer = phone.locator("footer")
        assert "Material for MkDocs" not in footer.inner_text()
        assert footer.locator("a[href*='squidfunk']").count() == 0
        links = footer.locator(".site-footer a")
        names = [name.strip() for name in links.all_inner_texts()]
        expected = [UI[locale]["footer_about"], UI[locale]["footer_privacy"], UI[locale]["footer_safety"]]
        assert names == expected, (locale, names)
        assert all(link.bounding_box()["height"] >= 44 for link in links.all())
    phone.goto(site.url + "th/covid-19/")
    with phone.expect_navigation():
        phone.locator(".site-footer a").nth(1).click()
    assert phone.url == site.url + "th/privacy/"
    assert phone.evaluate("document.documentElement.lang") == "th"


def test_box_titles_are_in_the_page_language(phone, site, named_site):
    for locale in ("nb", "en"):  # no page of the site has a box without a title of its own today
        phone.goto(named_site.url + locale_prefix(locale))
        titles = phone.locator(".admonition-title").all_inner_texts()
        assert titles == [UI[locale]["admonition_warning"]], (locale, titles)
    for locale in LOCALES:
        phone.goto(site.url + locale_prefix(locale) + "covid-19/")
        summary = phone.locator("article details > summary").inner_text().strip()
        assert summary and summary != "Info", (locale, summary)
    phone.goto(site.url + "covid-19/")
    assert phone.locator("article details > summary").inner_text().strip() == "Om disse rådene"


def test_no_title_repeats_the_site_name(phone, site):
    for locale in LOCALES:
        name = SITE_NAMES[locale]
        phone.goto(site.url + locale_prefix(locale))
        assert phone.title() == name, locale
        phone.goto(site.url + locale_prefix(locale) + "help/")
        title = phone.title()
        assert title.endswith(" - " + name) and title.count(name) == 1, (locale, title)


def test_button_icons_keep_their_size_when_the_label_wraps(phone, site):
    phone.goto(site.url + "th/covid-19/")
    phone.locator(".js-offline").evaluate("el => el.hidden = false")   # as offline.js shows it
    for locale_path in ["th/covid-19/", "bg/help/"]:
        phone.goto(site.url + locale_path)
        phone.locator(".js-offline").evaluate("el => el.hidden = false")
        icons = phone.locator(".site-button svg").evaluate_all(
            "els => els.filter(el => el.getClientRects().length).map(el => { const r = el.getBoundingClientRect();"
            " return [el.closest('button').innerText.trim().slice(0, 20), r.width, r.height]; })")
        assert len(icons) >= 2, icons
        assert all(width >= 18 and abs(width - height) < 1 for _, width, height in icons), icons
