"""How each section of a translation was made, and whether a native speaker checked it.

`translations/stamped/<page>.provenance.yml`, beside the stamped Norwegian texts,
holds one line per language and section (`_intro` or a `##` section id):

    en:
      _intro: machine
      key-points: {made: reviewed, role: health-worker, date: 2026-12-06}

- `machine`: drafted by a machine or a language model; no native speaker checked it;
- `person`: translated by a person; no native speaker checked it yet;
- `reviewed`: checked by a native speaker: `role` (one of ROLES, never a name) and `date`.

A section without a line is `unknown`, and counts as not checked. Translators can edit
these files, so they are read as untrusted input: only the values above, each error
naming the file and line, and nothing from them is ever printed as it is (a role is a
key for an interface string, a date is a date).

In XLIFF (xliff_io.py) a section's units carry it in `state`, `state-qualifier` and
`approved` (XLIFF 1.2): see `xliff_attributes()` and `kind_from_xliff()`.
"""
import datetime
import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, cast

import yaml

from . import safe_yaml
from .heading_ids import id_grammar_problem
from .html_fragments import split_sections
from .locales import SOURCE_LOCALE, TRANSLATIONS
from .segments import INTRO, section_texts
from .source_errors import SourceError

MACHINE, PERSON, REVIEWED, UNKNOWN = "machine", "person", "reviewed", "unknown"
RANK = {UNKNOWN: 0, MACHINE: 1, PERSON: 2, REVIEWED: 3}   # the weakest section speaks for a page
# Who checked a section, as a role: a native speaker who is also one of these.
ROLES = ("native-speaker", "translator", "health-worker", "outreach-worker")
SUFFIX = ".provenance.yml"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# XLIFF 1.2 (docs.oasis-open.org/xliff/v1.2/os/xliff-core.html): every value of
# `state` and `state-qualifier`; anything else in an imported file is refused.
XLIFF_STATES = ("new", "needs-translation", "needs-adaptation", "needs-l10n", "needs-review-translation",
                "needs-review-adaptation", "needs-review-l10n", "translated", "signed-off", "final")
XLIFF_QUALIFIERS = ("exact-match", "fuzzy-match", "id-match", "leveraged-glossary", "leveraged-inherited",
                    "leveraged-mt", "leveraged-repository", "leveraged-tm", "mt-suggestion", "rejected-grammar",
                    "rejected-inaccurate", "rejected-length", "rejected-spelling", "tm-suggestion")
MACHINE_QUALIFIERS = ("mt-suggestion", "leveraged-mt")
REVIEWED_STATES = ("final", "signed-off")
NEEDS_REVIEW = "needs-review-translation"
STALE_QUALIFIER = "fuzzy-match"   # translated from an earlier version of the Norwegian text


@dataclass(frozen=True)
class Made:
    kind: str = UNKNOWN
    role: str | None = None    # reviewed only
    date: str | None = None    # reviewed only: YYYY-MM-DD

    @property
    def reviewed(self) -> bool:
        return self.kind == REVIEWED

    def line(self) -> str:
        if self.reviewed:
            return f"{{made: {REVIEWED}, role: {self.role}, date: {self.date}}}"
        return self.kind


def review(role: str, date: str | None = None) -> Made:
    """A `reviewed` record; ValueError for a role outside ROLES or a date that is not YYYY-MM-DD."""
    date = str(date or datetime.datetime.now(datetime.timezone.utc).date().isoformat())
    problem = _role_problem(role) or _date_problem(date)
    if problem:
        raise ValueError(problem)
    return Made(REVIEWED, role, date)


def _role_problem(role: str) -> str | None:
    return None if role in ROLES else f"role '{role}' is not one of {', '.join(ROLES)} (a role, never a name)"


def _date_problem(date: str) -> str | None:
    try:
        if DATE.match(date):
            datetime.date.fromisoformat(date)
            return None
    except ValueError:
        pass
    return f"date '{date}' is not a date written YYYY-MM-DD"


def store_for(docs: str | Path) -> Path:
    """translations/stamped/ beside a docs folder (the real one, or a test's copy)."""
    return Path(docs).parent / "translations" / "stamped"


def path_for(page: str, store: str | Path) -> Path:
    return Path(store) / (Path(page).stem + SUFFIX)


# --- reading: untrusted input ------------------------------------------------------------

def load(page: str, store: str | Path) -> dict[str, dict[str, Made]]:
    """{locale: {section id: Made}} of one page; {} when there is no file. SourceError
    (file and line) for anything but the values the module docstring lists."""
    path = path_for(page, store)
    if not path.exists():
        return {}
    records = _records(path, path.read_text(encoding="utf-8"), tuple(TRANSLATIONS))
    return {locale: dict(sections) for locale, sections in records.items()}


# Keyed by everything it reads: a build asks for each page's records about twice per locale.
@functools.lru_cache(maxsize=256)
def _records(path: Path, text: str, translations: tuple[str, ...]) -> dict[str, dict[str, Made]]:
    root = safe_yaml.compose(text, path)   # the one reader's checks: no anchors, depth, syntax
    if root is None:
        return {}
    records: dict[str, dict[str, Made]] = {}
    for key, value in _mapping(root, path, "the file"):
        locale = key.value
        if locale not in translations:
            _fail(path, key, f"'{locale}' is not a translation locale ({', '.join(translations)})")
        sections = records.setdefault(locale, {})
        for section_key, entry in _mapping(value, path, f"'{locale}'"):
            section = section_key.value
            problem = None if section == INTRO else id_grammar_problem(section)
            if problem:
                _fail(path, section_key, f"section id '{section[:70]}' {problem}")
            sections[section] = _entry(entry, path, f"{locale}: {section}")
    return records


def _fail(path: Path, node: yaml.Node, message: str) -> NoReturn:
    raise SourceError(path, node.start_mark.line + 1, message)


def _mapping(node: yaml.Node, path: Path, what: str) -> Iterator[tuple[yaml.ScalarNode, yaml.Node]]:
    """(key node, value node) pairs of a mapping whose keys are plain text, each once."""
    if not isinstance(node, yaml.MappingNode):
        _fail(path, node, f"{what} must map each key to a value")
    seen: set[str] = set()
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode) or not key.value:
            _fail(path, key, f"{what}: a key must be plain text")
        if key.value in seen:
            _fail(path, key, f"{what}: '{key.value[:70]}' is given twice")
        seen.add(key.value)
        yield key, value


def _entry(node: yaml.Node, path: Path, what: str) -> Made:
    kinds = f"{MACHINE}, {PERSON} or {{made: {REVIEWED}, role: …, date: YYYY-MM-DD}}"
    if isinstance(node, yaml.ScalarNode):
        if node.value in (MACHINE, PERSON):
            return Made(node.value)
        _fail(path, node, f"{what}: '{node.value[:70]}' is not {kinds}")
    if not isinstance(node, yaml.MappingNode):
        _fail(path, node, f"{what}: write {kinds}")
    fields = {key.value: value for key, value in _mapping(node, path, what)}
    if set(fields) != {"made", "role", "date"} or not all(isinstance(v, yaml.ScalarNode) for v in fields.values()):
        _fail(path, node, f"{what}: a review is {{made: {REVIEWED}, role: …, date: YYYY-MM-DD}}, nothing else")
    if fields["made"].value != REVIEWED:
        _fail(path, fields["made"], f"{what}: made: '{fields['made'].value[:70]}' is not {REVIEWED}")
    for name, problem in (("role", _role_problem), ("date", _date_problem)):
        message = problem(fields[name].value[:70])
        if message:
            _fail(path, fields[name], f"{what}: {message}")
    return Made(REVIEWED, fields["role"].value, fields["date"].value)


def problems(pages: Iterable[str], docs: str | Path) -> list[str]:
    """What is wrong in the provenance files of `pages` (for `smittevern check`), as lines."""
    found: list[str] = []
    for page in pages:
        try:
            load(page, store_for(docs))
        except SourceError as error:
            found.append(str(error))
    return found


def sections_made(page: str, locale: str, sections: Iterable[str], store: str | Path) -> dict[str, Made]:
    """{section id: Made} for `sections` (the Norwegian page's ids, in order): unknown where none is recorded."""
    recorded = load(page, store).get(locale, {})
    return {key: recorded.get(key, Made()) for key in sections}


def unreviewed(page: str, locale: str, sections: Iterable[str], store: str | Path) -> list[str]:
    """The section ids of a translation that no native speaker has checked, in page order."""
    return [key for key, made in sections_made(page, locale, sections, store).items() if not made.reviewed]


def page_summary(made: Mapping[str, Made]) -> dict[str, Any]:
    """What the status page says of one translation, from {section id: Made}:
    {kind: the weakest section's, reviewed: how many checked, total, reviews: [(role, date)]}."""
    values = list(made.values())
    weakest = min(values, key=lambda item: RANK[item.kind]) if values else Made()
    reviews = sorted({(item.role, item.date) for item in values if item.reviewed},
                     key=lambda pair: pair[1])  # type: ignore[arg-type, return-value]  # a review has a date
    return {"kind": weakest.kind, "reviewed": sum(item.reviewed for item in values), "total": len(values),
            "reviews": [{"role": role, "date": date} for role, date in reviews]}


def made_table(pages: Iterable[str], docs: str | Path) -> dict[str, dict[str, str]]:
    """{page: {locale: 'machine' | 'person' | 'reviewed' | 'unknown' | 'missing', or 'machine 3/10'
    where 3 of 10 sections are checked}} for `smittevern status --provenance`."""
    docs = Path(docs)
    table: dict[str, dict[str, str]] = {}
    for page in pages:
        source = docs / SOURCE_LOCALE / page
        sections = section_texts(source.read_text(encoding="utf-8"), source)
        row = table.setdefault(page, {})
        for locale in TRANSLATIONS:
            if not (docs / locale / page).is_file():
                row[locale] = "missing"
                continue
            summary = page_summary(sections_made(page, locale, sections, store_for(docs)))
            checked = f" {summary['reviewed']}/{summary['total']}" if 0 < summary["reviewed"] < summary["total"] else ""
            row[locale] = summary["kind"] + checked
    return table


# --- writing (smittevern import; never the build) -----------------------------------

def header(page: str) -> str:
    return (f"# How each section of the translations of docs/{SOURCE_LOCALE}/{Path(page).name} was made\n"
            "# (scripts/sitelib/provenance.py; `smittevern import` records what an XLIFF file says):\n"
            "#   machine: drafted by a machine or a language model, not checked by a native speaker\n"
            "#   person: translated by a person, not checked by a native speaker\n"
            f"#   {{made: {REVIEWED}, role: ROLE, date: YYYY-MM-DD}}: checked by a native speaker "
            f"({', '.join(ROLES)})\n")


def save(page: str, records: Mapping[str, Mapping[str, Made]], store: str | Path, order: Iterable[str]) -> Path:
    """Write the file: locales in site order, sections in `order` (the Norwegian page's)."""
    lines = [header(page)]
    for locale in [code for code in TRANSLATIONS if records.get(code)]:
        lines.append(f"{locale}:\n")
        lines += [f"  {key}: {records[locale][key].line()}\n" for key in order if key in records[locale]]
    path = path_for(page, store)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")
    return path


def record(page: str, locale: str, changes: Mapping[str, Made], store: str | Path, order: Iterable[str]) -> Path:
    """Set {section id: Made} for one translation and write the file."""
    records = load(page, store)
    records.setdefault(locale, {}).update(changes)
    return save(page, records, store, order)


# --- XLIFF 1.2 ---------------------------------------------------------------------------

def xliff_attributes(made: Made, stale: bool) -> tuple[str, str | None, bool]:
    """(state, state-qualifier or None, approved) of every unit of a section.

    A section whose Norwegian text changed since it was translated needs review
    whatever made it (fuzzy-match: translated from an earlier source text)."""
    if stale:
        return NEEDS_REVIEW, STALE_QUALIFIER, False
    if made.kind == REVIEWED:
        return "final", None, True
    if made.kind == PERSON:
        return "translated", None, False
    if made.kind == MACHINE:
        return NEEDS_REVIEW, "mt-suggestion", False
    return NEEDS_REVIEW, None, False


def kind_from_xliff(state: str | None, qualifier: str | None, approved: bool, has_target: bool) -> str | None:
    """What a unit says made its target: REVIEWED, PERSON, MACHINE, or None when it is
    not finished (no target, or still to translate or update). ValueError for a value
    XLIFF 1.2 does not define.

    `final` or `signed-off` is checked by a native speaker, and so is approved="yes"
    with no state (Weblate's approved string). approved="yes" beside `translated` is
    not: translate-toolkit writes that for every translated unit. A machine
    qualifier (mt-suggestion, leveraged-mt) keeps `translated` a machine draft."""
    if state is not None and state not in XLIFF_STATES:
        raise ValueError(f"state=\"{state[:40]}\" is not an XLIFF 1.2 state ({', '.join(XLIFF_STATES)})")
    if qualifier is not None and qualifier not in XLIFF_QUALIFIERS:
        raise ValueError(f"state-qualifier=\"{qualifier[:40]}\" is not an XLIFF 1.2 state-qualifier "
                         f"({', '.join(XLIFF_QUALIFIERS)})")
    if not has_target:
        return None
    if state in REVIEWED_STATES or (approved and state is None):
        return REVIEWED  # not approved="yes" with "translated": translate-toolkit writes that for any translation
    machine = qualifier in MACHINE_QUALIFIERS
    if state in (None, "translated"):
        return MACHINE if machine else PERSON
    if state == NEEDS_REVIEW and machine:
        return MACHINE
    return None


def section_kind(kinds: Iterable[str | bool | None]) -> str | None:
    """A section's kind from its units' kinds: the weakest; None if any unit is unfinished (None, or
    False: not imported)."""
    kinds = list(kinds)
    if not kinds or not all(kinds):
        return None
    finished = cast("list[str]", kinds)  # all() left only kinds
    return min(finished, key=lambda kind: RANK[kind])


# --- what the reader sees ----------------------------------------------------------------

def unchecked_sections(page: str, locale: str, docs: str | Path) -> list[str]:
    """The sections of docs/<locale>/<page> that no native speaker has checked: where they
    exist, its reader sees the note "not yet checked by a native speaker". Never on the
    Norwegian page, nor on a page that falls back to it ([] then)."""
    docs = Path(docs)
    source = docs / SOURCE_LOCALE / page
    if locale == SOURCE_LOCALE or not (docs / locale / page).is_file() or not source.is_file():
        return []
    sections = section_texts(source.read_text(encoding="utf-8"), source)
    return unreviewed(page, locale, sections, store_for(docs))


def before_first_section(content_html: str, note_html: str) -> str:
    """Page HTML with `note_html` at the end of its opening: after the H1, the first
    paragraph and whatever boxes follow them, right before the first `## … { #id }`."""
    intro, _ = split_sections(content_html)
    return content_html[:len(intro)] + note_html + content_html[len(intro):]
