"""Small markup fixes for accessibility that Material's templates leave open."""
import re

from markupsafe import escape

SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")(?![^>]*aria-label)')


def name_search_dialog(html, label):
    """Give Material's search dialog (role=dialog, no name) an accessible name."""
    return SEARCH_DIALOG.sub(lambda match: f'{match.group(1)} aria-label="{escape(label)}"', html, count=1)
