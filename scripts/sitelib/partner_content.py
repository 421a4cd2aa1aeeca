"""What partners get in the feeds and the embed builder: reader pages only, and
only the sections that have something to show.

- A page in the menu's `staff` group (site_nav.is_staff_page: drug-services,
  partners, flyers, status) is for staff: it is in neither.
- A `##` section is offered when it has text of its own (beyond component
  markers such as `<!-- language-list -->`), and every data marker in it
  (data_sections.DATA_MARKERS: the section exists to show that data) renders
  something (the contact section while `extra.contact` is empty does not). Other
  components may render nothing without emptying their section (the help page's
  `<!-- our-clinic -->` while the clinic cannot be reached).
"""
import functools

import jinja2

from .data_sections import DATA_MARKERS
from .freshness import plain_heading, section_headings
from .locales import LOCALES, SOURCE_LOCALE
from .markdown_source import split_front_matter
from .markers import find_markers
from .segments import INTRO, parse, section_spans

def section_parts(markdown):
    """{section id: (has text of its own, [component names])} for the ## sections of a page."""
    own = {segment.section for segment in parse(markdown).segments if segment.kind != "heading"}
    lines = markdown.split("\n")
    parts = {}
    for key, (first, last) in section_spans(markdown).items():
        if key != INTRO:
            parts[key] = (key in own, [name for _, name in find_markers("\n".join(lines[first - 1:last]))])
    return parts


def offered_sections(markdown, shows_something):
    """Ids of the sections partners get, in page order. shows_something(name) -> bool."""
    return [key for key, (own, names) in section_parts(markdown).items()
            if own and all(shows_something(name) for name in names if name in DATA_MARKERS)]


def component_probe(env, config):
    """shows_something(name): does the component render any text in this build?

    It renders with the config and the interface strings only, as a component
    that depends on the page cannot be judged here: such a one counts as showing
    something, so its section stays.
    """
    @functools.lru_cache(maxsize=None)
    def shows_something(name):
        try:
            html = env.get_template(f"components/{name}/{name}.html").render(dict(env.globals, config=config))
        except (jinja2.TemplateError, TypeError, AttributeError, KeyError):
            return True
        return bool(html.strip())
    return shows_something


def page_names(docs, page):
    """{locale: (page title, {section id: heading})} in every language, read from
    the source files (a page not translated yet has its Norwegian names)."""
    names = {}
    for locale in LOCALES:
        path = docs / locale / page
        if not path.exists():
            path = docs / SOURCE_LOCALE / page
        meta = split_front_matter(path.read_text(encoding="utf-8"), path)[0]
        headings = section_headings(path)
        names[locale] = (plain_heading(str(meta.get("title") or headings.get(INTRO, ""))), headings)
    return names
