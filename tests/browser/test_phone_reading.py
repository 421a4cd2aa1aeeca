"""Phone reading comfort: 16 px text, 44 px touch targets, a readable primary colour."""
import pytest

from scripts.devtools.chromium import PHONE
from scripts.sitelib.locales import LOCALES

pytestmark = pytest.mark.browser


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def parse_rgb(text):
    return [int(float(part)) for part in text[text.index("(") + 1:text.index(")")].split(",")[:3]]


@pytest.fixture
def phone(browser, site):
    context = browser.new_context(viewport=PHONE, locale="nb-NO", service_workers="block")
    page = context.new_page()
    page.goto(site.url + "th/covid-19/")
    yield page
    context.close()


def test_body_text_is_at_least_16px(phone):
    sizes = phone.evaluate("""() => [...document.querySelectorAll('article p, article li, article .admonition p')]
        .map(el => parseFloat(getComputedStyle(el).fontSize))""")
    assert sizes and min(sizes) >= 16, sorted(set(sizes))


def test_primary_colour_is_readable_on_white(phone):
    header = phone.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    link = phone.evaluate("getComputedStyle(document.querySelector('article p a:not([class]), article li a:not([class])')).color")
    assert contrast(parse_rgb(header), (255, 255, 255)) >= 4.5
    assert contrast(parse_rgb(link), (255, 255, 255)) >= 4.5


def heights(page, selector):
    return page.evaluate(f"""() => [...document.querySelectorAll('{selector}')]
        .filter(el => el.offsetParent !== null && el.getClientRects().length)
        .map(el => [el.textContent.trim().slice(0, 30), el.getBoundingClientRect().height])""")


def test_touch_targets_are_at_least_44px(phone):
    phone.locator("label.md-header__button[for=__drawer]").click()
    phone.wait_for_timeout(300)
    nav = heights(phone, ".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link")
    assert nav and all(h >= 44 for _, h in nav), nav
    phone.keyboard.press("Escape")
    phone.goto(phone.url)
    phone.locator(".site-language summary").click()
    languages = heights(phone, ".site-language__list a")
    assert len(languages) == len(LOCALES) and all(h >= 44 for _, h in languages), languages
    phone.keyboard.press("Escape")
    buttons = heights(phone, ".md-header__button, .site-button, a.js-quick-exit")
    assert buttons and all(h >= 44 for _, h in buttons), buttons


def test_keyboard_reaches_exit_menu_and_save(phone):
    reached = []
    for _ in range(40):
        phone.keyboard.press("Tab")
        reached.append(phone.evaluate("""() => { const el = document.activeElement;
            return (el.className || el.tagName) + '|' + (el.getAttribute('href') || ''); }"""))
    text = "\n".join(reached)
    assert reached[0].startswith("md-skip") or "js-quick-exit" in reached[0]
    assert "js-quick-exit" in text
    assert "site-language__button" in text
    phone.locator(".js-offline-save").focus()
    assert phone.evaluate("document.activeElement.classList.contains('js-offline-save')")
