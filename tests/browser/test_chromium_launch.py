"""The tests' Chromium (scripts/devtools/chromium.py): a new context opens the page and
nothing else. Headless Chromium otherwise preloads its address-bar popup for every
context, which made each of the suite's contexts cost a third more CPU."""
import pytest

pytestmark = pytest.mark.browser


def test_a_new_context_preloads_no_browser_interface(browser):
    context = browser.new_context()
    try:
        context.new_page().goto("about:blank")
        session = browser.new_browser_cdp_session()
        targets = session.send("Target.getTargets")["targetInfos"]
        session.detach()
    finally:
        context.close()
    assert [t["url"] for t in targets if t["type"] == "browser_ui"] == []
    assert any(t["type"] == "page" for t in targets)
