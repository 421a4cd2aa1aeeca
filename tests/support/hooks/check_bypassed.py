"""Test hook: switch off the sanitizer's checks (its errors: the rendered-HTML check and
the attribute check at render time), keeping the cleaning by nh3, as if the checks had
missed something. Readers must still get harmless pages."""
import scripts.sitelib.page_attributes as page_attributes
import scripts.sitelib.sanitizer as sanitizer


def _no_check(html, path, source="", base=None):
    return None


sanitizer.check_content = _no_check
page_attributes.element_problem = lambda element: None
