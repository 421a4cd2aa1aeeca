"""Test hook: switch off the sanitizer's check (its errors), keeping the cleaning by
nh3, as if the check had missed something. Readers must still get harmless pages."""
import scripts.sitelib.sanitizer as sanitizer


def _no_check(html, path, source="", base=None):
    return None


sanitizer.check_content = _no_check
