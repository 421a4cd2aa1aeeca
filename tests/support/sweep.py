"""The locales the two every-page sweeps (axe, and CSP and console errors through nginx)
visit. `make test` sweeps one language per script (Latin, Thai, Chinese) to stay within
CI's time; `make test-all` (SITE_TEST_ALL_LOCALES=1) sweeps all eleven."""
import os

from scripts.sitelib.locales import LOCALES

ONE_PER_SCRIPT = ("nb", "th", "zh")
SWEEP_LOCALES = tuple(LOCALES) if os.environ.get("SITE_TEST_ALL_LOCALES") == "1" else \
    tuple(locale for locale in LOCALES if locale in ONE_PER_SCRIPT)
