"""Round trip to translation tools: one bilingual XLIFF 1.2 file per locale.

`export_locale("th")` writes translations/th.xlf with one <file> per page and
one <trans-unit> per text segment (segments.py): the Norwegian source, the
current translation, and how it was made (provenance.py) in `state`,
`state-qualifier` and `approved`:

- drafted by a machine: `needs-review-translation`, `mt-suggestion`;
- translated by a person: `translated`;
- checked by a native speaker: `final`, approved="yes";
- a section whose Norwegian text changed since it was stamped:
  `needs-review-translation`, `fuzzy-match` (the unit's note then holds the
  Norwegian text it was translated from);
- a page not yet translated has units without a target.

`import_file(path)` writes the targets back into docs/<locale>/ around the
translation's own markup (or the source's, for a new page), checks the result
as the build would, stamps every changed section whose units are all finished
(any of the first three) against the current Norwegian text, and records in
translations/stamped/<page>.provenance.yml what made each finished section: a
section raised to `final` (or `signed-off`) is recorded as checked by a native
speaker, with the role given to the import and its date. An export followed by
an import with no edits leaves every file byte for byte as it was.
translate-toolkit reads and writes the XLIFF.
"""
from pathlib import Path

from translate.storage import xliff

from .provenance import Made
from .segments import Page

from . import freshness, provenance
from .locales import DOCS, ROOT, SOURCE_LOCALE, TRANSLATIONS
from .markdown_source import without_front_matter_key
from .outline import compare
from .segments import FRONT_MATTER_TEXT, INTRO, parse, yaml_scalar
from .source_errors import SourceError
from .source_guard import check_source

FOLDER = ROOT / "translations"
TRANSLATED, NEEDS_REVIEW, NEW = "translated", "needs-review", "new"


class ImportProblem(Exception):
    """An XLIFF file that cannot be written back as it is."""


def pair(source_page: Page, translation_page: Page, source_path: str | Path, translation_path: str | Path) -> None:
    """Check that a translation's segments line up with the source's, section by section."""
    source, translation = source_page.sections(), translation_page.sections()
    for key, segments in source.items():
        theirs = translation.get(key)
        if theirs is None:
            raise SourceError(translation_path, None, f"has no section '{key}' (source {source_path}:{segments[0].line})")
        for want, have in zip(segments, theirs):
            if want.kind != have.kind:
                raise SourceError(translation_path, have.line,
                                  f"{have.kind} where the source {source_path}:{want.line} has a {want.kind} "
                                  f"({want.id}); run smittevern check")
        if len(segments) != len(theirs):
            extra = theirs[len(segments)] if len(theirs) > len(segments) else None
            raise SourceError(translation_path, extra.line if extra else theirs[-1].line,
                              f"section '{key}' has {len(theirs)} text blocks, the source {source_path} has "
                              f"{len(segments)}; run smittevern check")


def old_segment_texts(key: str, text: str) -> list[str]:
    """Segment texts of a stored Norwegian section (freshness.History), in order."""
    if key == INTRO:
        lines = text.split("\n")
        front = [line for line in lines if line.split(":", 1)[0] in FRONT_MATTER_TEXT and ": " in line]
        rest = lines[len(front):]
        front_matter = "".join(f"{line.split(': ', 1)[0]}: {yaml_scalar(line.split(': ', 1)[1])}\n" for line in front)
        text = f"---\n{front_matter}---\n" + "\n".join(rest)
        return [segment.text for segment in parse(text).segments]
    return [segment.text for segment in parse(text).segments]


def segment_states(page: str, locale: str, docs: Path = DOCS,
                   store: str | Path = freshness.STORE) -> dict[str, tuple[str, str | None]]:
    """{segment id: (state, Norwegian text it was translated from or None)} for one page."""
    source = parse((docs / SOURCE_LOCALE / page).read_text(encoding="utf-8"))
    if not (docs / locale / page).exists():
        return {segment.id: (NEW, None) for segment in source.segments}
    recorded = freshness.recorded_versions(docs / locale / page)
    stale = set(freshness.stale_sections(page, locale, docs))
    history = freshness.History.load(page, store)
    states: dict[str, tuple[str, str | None]] = {}
    for key, segments in source.sections().items():
        if key not in stale:
            states.update({segment.id: (TRANSLATED, None) for segment in segments})
            continue
        old_text = history.texts.get(recorded.get(key, ""))
        old = old_segment_texts(key, old_text) if old_text is not None else []
        if len(old) != len(segments) or all(a == b.text for a, b in zip(old, segments)):
            # Blocks added or removed, or only the markup changed: review the whole section.
            states.update({segment.id: (NEEDS_REVIEW, old_text) for segment in segments})
            continue
        for before, segment in zip(old, segments):
            states[segment.id] = (TRANSLATED, None) if before == segment.text else (NEEDS_REVIEW, before)
    return states


def export_locale(locale: str, folder: Path = FOLDER, docs: Path = DOCS, store: str | Path = freshness.STORE) -> Path:
    """Write <folder>/<locale>.xlf and return its path."""
    if locale not in TRANSLATIONS:
        raise ValueError(f"'{locale}' is not a translation locale ({', '.join(TRANSLATIONS)})")
    store_file: xliff.xlifffile = xliff.xlifffile(sourcelanguage=SOURCE_LOCALE, targetlanguage=locale)
    for page in freshness.source_pages(docs):
        source_path = docs / SOURCE_LOCALE / page
        source = parse(source_path.read_text(encoding="utf-8"), source_path)
        translation_path = docs / locale / page
        targets: dict[str, str] = {}
        if translation_path.exists():
            translation = parse(translation_path.read_text(encoding="utf-8"), translation_path)
            pair(source, translation, source_path.relative_to(docs.parent), translation_path.relative_to(docs.parent))
            targets = {segment.id: segment.text for segment in translation.segments}
        states = segment_states(page, locale, docs, store)
        made = provenance.sections_made(page, locale, source.sections(), store)
        for segment in source.segments:
            unit = store_file.addsourceunit(segment.text, filename=page, createifmissing=True)
            unit.setid(segment.id)
            unit.addnote(f"{segment.kind}, docs/{SOURCE_LOCALE}/{page}:{segment.line}", origin="developer")
            state, before = states[segment.id]
            if segment.id in targets:
                unit.target = targets[segment.id]
                mark(unit, *provenance.xliff_attributes(made[segment.section], stale=state == NEEDS_REVIEW))
                if state == NEEDS_REVIEW and before is not None:
                    unit.addnote(f"Norwegian text when this was translated:\n{before}", origin="translator")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{locale}.xlf"
    target.write_bytes(bytes(store_file))
    return target


def mark(unit: xliff.xliffunit, state: str, qualifier: str | None, approved: bool) -> None:
    """Set a unit's XLIFF 1.2 state, state-qualifier and approved attributes."""
    target = unit.getlanguageNode(lang=None, index=1)
    target.set("state", state)
    if qualifier:
        target.set("state-qualifier", qualifier)
    elif "state-qualifier" in target.attrib:
        del target.attrib["state-qualifier"]
    unit.xmlelement.set("approved", "yes" if approved else "no")


def unit_kind(unit: xliff.xliffunit, path: str | Path) -> str | None:
    """What made a unit's target (provenance.kind_from_xliff), or None while it is unfinished;
    ImportProblem, naming the file and line, for a value XLIFF 1.2 does not define."""
    target = unit.getlanguageNode(lang=None, index=1)
    state = target.get("state") if target is not None else None
    qualifier = target.get("state-qualifier") if target is not None else None
    try:
        return provenance.kind_from_xliff(state, qualifier, unit.xmlelement.get("approved") == "yes",
                                          bool(unit.target))
    except ValueError as error:
        raise ImportProblem(f"{path}:{unit.xmlelement.sourceline}: {error}; nothing was imported") from None


def _units(store_file: xliff.xlifffile) -> dict[str, dict[str, xliff.xliffunit]]:
    """{page: {segment id: unit}} from a parsed XLIFF file."""
    pages: dict[str, dict[str, xliff.xliffunit]] = {}
    for node in store_file.document.getroot().iterchildren("{*}file"):
        page = node.get("original")
        body = store_file.getbodynode(node)
        for unit_node in body.iterchildren("{*}trans-unit"):
            unit = store_file.UnitClass.createfromxmlElement(unit_node)
            unit.namespace = store_file.namespace
            pages.setdefault(page, {})[unit_node.get("id")] = unit
    return pages


def check_files(store_file: xliff.xlifffile, path: str | Path, locale: str, docs: Path = DOCS) -> None:
    """Every <file> names a Norwegian page by its file name (original="help.md") and
    targets `locale`; else ImportProblem names the XLIFF file and the <file>'s line.
    So an import writes docs/<locale>/<page>.md for pages of docs/nb/, and nothing else."""
    pages = set(freshness.source_pages(docs))
    for node in store_file.document.getroot().iterchildren("{*}file"):
        original, target = node.get("original"), node.get("target-language")
        where = f"{path}:{node.sourceline}"
        if original not in pages:
            raise ImportProblem(f"{where}: <file original=\"{original}\"> is not a page of docs/{SOURCE_LOCALE}/ "
                                f"({', '.join(sorted(pages))}); nothing was imported")
        if target is not None and target != locale:
            raise ImportProblem(f"{where}: <file target-language=\"{target}\"> differs from the first file's "
                                f"'{locale}'; one XLIFF file holds one language. Nothing was imported")


def translation_file(docs: str | Path, locale: str, page: str) -> Path:
    """docs/<locale>/<page>: the one place an import writes; anything else fails."""
    folder = (Path(docs) / locale).resolve()
    target = (folder / page).resolve()
    if target.parent != folder or target.suffix != ".md" or locale not in TRANSLATIONS:
        raise ImportProblem(f"{page}: an import writes only docs/<locale>/<page>.md, not {target}")
    return Path(docs) / locale / page


def check_reviews(pages: dict[str, dict[str, xliff.xliffunit]], kinds: dict[str, dict[str, str | None]],
                  path: str | Path, locale: str, docs: Path, store: str | Path, reviewer: Made | None) -> None:
    """A unit raised to checked-by-a-native-speaker needs the reviewer's role (import --role);
    else ImportProblem names the file and the unit's line, before anything is written."""
    if reviewer is not None:
        return
    for page, units in pages.items():
        recorded = provenance.load(page, store).get(locale, {})
        translation = docs / locale / page
        current = {segment.id: segment.text for segment in parse(translation.read_text(encoding="utf-8")).segments} \
            if translation.is_file() else {}
        sections = {segment.id: segment.section for segment in parse(
            (docs / SOURCE_LOCALE / page).read_text(encoding="utf-8")).segments}
        for unit_id, unit in units.items():
            section = sections.get(unit_id)
            if kinds[page][unit_id] == provenance.REVIEWED and (
                    not recorded.get(section, provenance.Made()).reviewed  # type: ignore[arg-type]  # None: no section
                    or current.get(unit_id) != str(unit.target)):
                raise ImportProblem(
                    f"{path}:{unit.xmlelement.sourceline}: unit '{unit_id}' of {page} is marked as checked by a "
                    f"native speaker; say who checked it, as a role: smittevern import --role ROLE "
                    f"({', '.join(provenance.ROLES)}). Nothing was imported")


def import_file(path: str | Path, docs: Path = DOCS, store: str | Path = freshness.STORE,
                reviewer: Made | None = None) -> list[str]:
    """Write an XLIFF file's translations into docs/<locale>/; return report lines.

    `reviewer`: provenance.review(role, date), recorded for each section the file
    raises to `final` or `signed-off` (checked by a native speaker).
    Raises ImportProblem, naming the file and unit, when nothing can be written.
    A page whose result would fail the checks is left as it was and reported.
    """
    path = Path(path)
    if not path.is_file():
        raise ImportProblem(f"{path}: no such file (smittevern export writes it)")
    try:
        store_file = xliff.xlifffile.parsestring(path.read_bytes())
    except Exception as error:  # translate-toolkit raises lxml's and its own errors
        raise ImportProblem(f"{path}: not an XLIFF file translate-toolkit can read: {error}") from None
    locale = store_file.gettargetlanguage()
    if locale not in TRANSLATIONS:
        raise ImportProblem(f"{path}: target-language '{locale}' is not a translation locale")
    check_files(store_file, path, locale, docs)  # before anything is written
    pages = _units(store_file)
    kinds = {page: {unit_id: unit_kind(unit, path) for unit_id, unit in units.items()} for page, units in pages.items()}
    check_reviews(pages, kinds, path, locale, docs, store, reviewer)
    report: list[str] = []
    for page, units in pages.items():
        report += _import_page(path, locale, page, units, docs, store, kinds[page], reviewer)
    return report


def _import_page(xlf: Path, locale: str, page: str, units: dict[str, xliff.xliffunit], docs: Path,
                 store: str | Path, kinds: dict[str, str | None], reviewer: Made | None) -> list[str]:
    source_path = docs / SOURCE_LOCALE / page
    if not source_path.exists():
        return [f"{xlf}: {page}: no such Norwegian page; skipped"]
    source = parse(source_path.read_text(encoding="utf-8"), source_path)
    translation_path = translation_file(docs, locale, page)
    shown = translation_path.relative_to(docs.parent)
    exists = translation_path.exists()
    skeleton = parse(translation_path.read_text(encoding="utf-8"), translation_path) if exists else source
    if exists:
        pair(source, skeleton, source_path.relative_to(docs.parent), shown)
    current = {segment.id: segment.text for segment in skeleton.segments} if exists else {}
    texts: dict[str, str] = {}
    done: dict[str, str | None | bool] = {}  # False: not imported
    report: list[str] = []
    for segment in source.segments:
        unit = units.get(segment.id)
        if unit is None or str(unit.source) != segment.text:
            done[segment.id] = False
            if unit is not None and unit.target:
                report.append(f"{shown}: {segment.id}: the Norwegian text changed after the export; "
                              "this unit was not imported (export again)")
            continue
        if unit.target:
            texts[segment.id] = str(unit.target)
        done[segment.id] = kinds.get(segment.id)
    if not exists:
        missing = [segment.id for segment in source.segments if segment.id not in texts]
        if missing:
            return [f"{shown}: {len(missing)} of {len(source.segments)} segments not translated yet; page not written"]
    new_text = skeleton.text({key: value for key, value in texts.items() if key in current or not exists})
    if not exists:  # a new page: its translator adds the language's own everyday words
        new_text = without_front_matter_key(new_text, "synonyms")
    old_text = translation_path.read_text(encoding="utf-8") if exists else None
    problems = _problems(new_text, source_path, translation_path, docs)
    if problems:
        return [f"{shown}: not written, the result would fail the checks:"] + [f"  {line}" for line in problems]
    stale = set(freshness.stale_sections(page, locale, docs)) if exists else set(source.sections())
    made = {key: provenance.section_kind(done.get(segment.id) for segment in segments)
            for key, segments in source.sections().items()}
    finished = [key for key in source.sections() if key in stale and made[key]]
    if new_text != old_text:
        translation_path.parent.mkdir(parents=True, exist_ok=True)
        translation_path.write_text(new_text, encoding="utf-8")
        report.append(f"{shown}: written")
    if finished:
        freshness.stamp(translation_path, docs, store, sections=finished)
        report.append(f"{shown}: up to date in {', '.join(finished)}")
    edited = {key: any(texts.get(segment.id, current.get(segment.id)) != current.get(segment.id)
                       for segment in segments) for key, segments in source.sections().items()}
    return report + _record_provenance(shown, locale, page, made, edited, list(source.sections()), store, reviewer)


def _record_provenance(shown: Path, locale: str, page: str, made: dict[str, str | None], edited: dict[str, bool],
                       order: list[str], store: str | Path, reviewer: Made | None) -> list[str]:
    """Record what made each finished section; a review keeps its role and date until its text changes."""
    recorded = provenance.load(page, store).get(locale, {})
    changes: dict[str, Made] = {}
    for key, kind in made.items():
        old = recorded.get(key, provenance.Made())
        if kind is None:
            continue
        if kind == provenance.REVIEWED:
            new = old if old.reviewed and not edited[key] else reviewer
        else:
            new = provenance.Made(kind)
        if new is not None and new != old:  # (check_reviews asked for the reviewer first)
            changes[key] = new
    if not changes:
        return []
    provenance.record(page, locale, changes, store, order)
    by_line: dict[str, list[str]] = {}
    for key, new in changes.items():
        by_line.setdefault(new.line(), []).append(key)
    return [f"{shown}: {line} in {', '.join(keys)}" for line, keys in by_line.items()]


def _problems(text: str, source_path: Path, translation_path: Path, docs: Path) -> list[str]:
    """What the source guard and the structure check would say about `text` as the translation."""
    import tempfile

    try:
        check_source(text, translation_path.relative_to(docs.parent))
    except SourceError as error:
        return [str(error)]
    with tempfile.TemporaryDirectory() as folder:
        candidate = Path(folder) / translation_path.name
        candidate.write_text(text, encoding="utf-8")
        return [problem.replace(str(candidate), str(translation_path.relative_to(docs.parent)))
                for problem in compare(source_path, candidate)]


def summary(path: str | Path) -> str:
    """'412 segments: 0 checked by a native speaker, 0 translated by a person, 398 drafted
    by a machine, 14 to update, 0 not translated'."""
    units = [unit for page in _units(xliff.xlifffile.parsestring(Path(path).read_bytes())).values()
             for unit in page.values()]
    kinds = [unit_kind(unit, path) for unit in units]
    count = {kind: kinds.count(kind) for kind in (provenance.REVIEWED, provenance.PERSON, provenance.MACHINE)}
    update = sum(1 for unit, kind in zip(units, kinds) if unit.target and kind is None)
    return (f"{len(units)} segments: {count[provenance.REVIEWED]} checked by a native speaker, "
            f"{count[provenance.PERSON]} translated by a person, {count[provenance.MACHINE]} drafted by a machine, "
            f"{update} to update, {len(units) - sum(count.values()) - update} not translated")
