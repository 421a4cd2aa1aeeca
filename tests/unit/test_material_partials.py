"""The language menu and the footer links are overrides of Material's documented partials
(overrides/partials/): Material's header and footer must still include them, where we
expect, or the overrides would silently show nothing. Pure: reads Material's installed
templates."""
import re
import shutil

import pytest

from scripts.devtools.local_site import ROOT
from scripts.sitelib import material_coupling as coupling
from scripts.sitelib.material_coupling import CouplingBroken

OVERRIDES = ROOT / "overrides"


def test_materials_header_and_footer_include_the_partials_we_override():
    coupling.check_partials()
    for template, (partial, _) in coupling.PARTIALS.items():
        assert (coupling.TEMPLATES / partial).is_file(), partial
        assert (OVERRIDES / partial).is_file(), f"overrides/{partial} is the override {template} includes"


def test_our_overrides_are_exactly_the_checked_partials():
    ours = {str(path.relative_to(OVERRIDES)) for path in (OVERRIDES / "partials").rglob("*.html")}
    assert ours == {partial for partial, _ in coupling.PARTIALS.values()}, \
        "a new partial override needs its row in material_coupling.PARTIALS"


def copy_of_materials(tmp_path):
    for name in ("header.html", "footer.html", "alternate.html", "copyright.html"):
        (tmp_path / "partials").mkdir(exist_ok=True)
        shutil.copy(coupling.TEMPLATES / "partials" / name, tmp_path / "partials" / name)
    return tmp_path


@pytest.mark.parametrize("template, partial", [("header.html", "alternate.html"), ("footer.html", "copyright.html")])
def test_the_check_fails_when_material_stops_including_a_partial(tmp_path, template, partial):
    templates = copy_of_materials(tmp_path)
    coupling.check_partials(templates)  # the copy passes as it is
    path = templates / "partials" / template
    path.write_text(re.sub(rf'include "partials/{partial}"', 'include "partials/other.html"',
                           path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(CouplingBroken, match=rf"check_partials.*{template}.*{partial}"):
        coupling.check_partials(templates)


def test_the_check_fails_when_the_footer_moves_the_copyright(tmp_path):
    templates = copy_of_materials(tmp_path)
    footer = templates / "partials" / "footer.html"
    footer.write_text(footer.read_text(encoding="utf-8").replace(
        '<div class="md-footer-meta__inner md-grid">', '<div class="md-footer-meta__inner md-grid"><hr>'),
        encoding="utf-8")
    with pytest.raises(CouplingBroken, match="footer.html"):
        coupling.check_partials(templates)


def test_the_check_fails_when_a_partial_is_gone(tmp_path):
    templates = copy_of_materials(tmp_path)
    (templates / "partials" / "alternate.html").unlink()
    with pytest.raises(CouplingBroken, match="alternate.html is gone"):
        coupling.check_partials(templates)
