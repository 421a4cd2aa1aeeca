"""Contact details come from mkdocs.yml extra.contact; empty fields leave no trace."""
import re

from tests.conftest import EDITED_CONTACT, EDITED_LICENCE


def contact_block(site, path):
    html = (site.dir / path / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<dl class="site-contact-details">.*?</dl>', html, re.S)
    return match.group(0) if match else None


def test_empty_contact_data_shows_no_block_and_no_labels(site):
    for path in ("help", "en/help", "th/help"):
        assert contact_block(site, path) is None, path
    html = (site.dir / "help" / "index.html").read_text(encoding="utf-8")
    assert "Telefon" not in html and "Åpningstider" not in html


def test_filled_fields_show_with_labels_in_the_page_language(edited_site):
    block = contact_block(edited_site, "help")
    assert 'href="tel:+4722000000"' in block and EDITED_CONTACT["phone"] in block
    assert 'href="https://wa.me/4790000000"' in block
    assert "Åpningstider" in block and "Mandag–fredag" in block and "10:00–16:00" in block, "hours written by Babel"
    assert "E-post" not in block and "Adresse" not in block, "empty fields must be left out"
    english = contact_block(edited_site, "en/help")
    assert "Phone" in english and "Opening hours" in english and "Monday\u2009–\u2009Friday" in english


def test_licence_shows_only_when_filled(site, edited_site):
    assert "site-licence" not in (site.dir / "partners" / "index.html").read_text(encoding="utf-8")
    assert EDITED_LICENCE in (edited_site.dir / "partners" / "index.html").read_text(encoding="utf-8")
