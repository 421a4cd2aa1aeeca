"""Test hook: puts inline code that no template registered into the built home page,
as a bypass of the sanitizer would. The build's audit must stop it."""
import os
from pathlib import Path


def on_post_build(config):
    page = Path(config.site_dir) / "index.html"
    if page.exists():
        code = os.environ.get("UNREGISTERED_CODE", "<script>document.title = 'pwned'</script>")
        page.write_text(page.read_text(encoding="utf-8").replace("</body>", code + "</body>"), encoding="utf-8")
