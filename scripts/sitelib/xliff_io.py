"""Round trip to translation tools: one bilingual XLIFF 1.2 file per locale.

`export_locale("th")` writes translations/th.xlf with one <file> per page and
one <trans-unit> per text segment (segments.py): the Norwegian source, the
current translation and a state. A segment is `translated`, or
`needs-review-translation` where its Norwegian text changed since the
translation was stamped (the unit's note then holds the Norwegian text it was
translated from); a page not yet translated has units without a target.

`import_file(path)` writes the targets back into docs/<locale>/ around the
translation's own markup (or the source's, for a new page), checks the result
as the build would, and stamps every section whose units are all translated
against the current Norwegian text. An export followed by an import with no
edits leaves every file byte for byte as it was. translate-toolkit reads and
writes the XLIFF.
"""
from pathlib import Path

from translate.storage import xliff

from . import freshness
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


def pair(source_page, translation_page, source_path, translation_path):
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
                                  f"({want.id}); run scripts/i18n.py check")
        if len(segments) != len(theirs):
            extra = theirs[len(segments)] if len(theirs) > len(segments) else None
            raise SourceError(translation_path, extra.line if extra else theirs[-1].line,
                              f"section '{key}' has {len(theirs)} text blocks, the source {source_path} has "
                              f"{len(segments)}; run scripts/i18n.py check")


def old_segment_texts(key, text):
    """Segment texts of a stored Norwegian section (freshness.History), in order."""
    if key == INTRO:
        lines = text.split("\n")
        front = [line for line in lines if line.split(":", 1)[0] in FRONT_MATTER_TEXT and ": " in line]
        rest = lines[len(front):]
        front_matter = "".join(f"{line.split(': ', 1)[0]}: {yaml_scalar(line.split(': ', 1)[1])}\n" for line in front)
        text = f"---\n{front_matter}---\n" + "\n".join(rest)
        return [segment.text for segment in parse(text).segments]
    return [segment.text for segment in parse(text).segments]


def segment_states(page, locale, docs=DOCS, store=freshness.STORE):
    """{segment id: (state, Norwegian text it was translated from or None)} for one page."""
    source = parse((docs / SOURCE_LOCALE / page).read_text(encoding="utf-8"))
    if not (docs / locale / page).exists():
        return {segment.id: (NEW, None) for segment in source.segments}
    recorded = freshness.recorded_versions(docs / locale / page)
    stale = set(freshness.stale_sections(page, locale, docs))
    history = freshness.History.load(page, store)
    states = {}
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


def export_locale(locale, folder=FOLDER, docs=DOCS, store=freshness.STORE):
    """Write <folder>/<locale>.xlf and return its path."""
    if locale not in TRANSLATIONS:
        raise ValueError(f"'{locale}' is not a translation locale ({', '.join(TRANSLATIONS)})")
    store_file = xliff.xlifffile(sourcelanguage=SOURCE_LOCALE, targetlanguage=locale)
    for page in freshness.source_pages(docs):
        source_path = docs / SOURCE_LOCALE / page
        source = parse(source_path.read_text(encoding="utf-8"), source_path)
        translation_path = docs / locale / page
        targets = {}
        if translation_path.exists():
            translation = parse(translation_path.read_text(encoding="utf-8"), translation_path)
            pair(source, translation, source_path.relative_to(docs.parent), translation_path.relative_to(docs.parent))
            targets = {segment.id: segment.text for segment in translation.segments}
        states = segment_states(page, locale, docs, store)
        for segment in source.segments:
            unit = store_file.addsourceunit(segment.text, filename=page, createifmissing=True)
            unit.setid(segment.id)
            unit.addnote(f"{segment.kind}, docs/{SOURCE_LOCALE}/{page}:{segment.line}", origin="developer")
            state, before = states[segment.id]
            if segment.id in targets:
                unit.target = targets[segment.id]
                unit.set_state_n(unit.S_TRANSLATED if state == TRANSLATED else unit.S_NEEDS_REVIEW)
                if state == NEEDS_REVIEW and before is not None:
                    unit.addnote(f"Norwegian text when this was translated:\n{before}", origin="translator")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{locale}.xlf"
    target.write_bytes(bytes(store_file))
    return target


def _units(store_file):
    """{page: {segment id: unit}} from a parsed XLIFF file."""
    pages = {}
    for node in store_file.document.getroot().iterchildren("{*}file"):
        page = node.get("original")
        body = store_file.getbodynode(node)
        for unit_node in body.iterchildren("{*}trans-unit"):
            unit = store_file.UnitClass.createfromxmlElement(unit_node)
            unit.namespace = store_file.namespace
            pages.setdefault(page, {})[unit_node.get("id")] = unit
    return pages


def check_files(store_file, path, locale, docs=DOCS):
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


def translation_file(docs, locale, page):
    """docs/<locale>/<page>: the one place an import writes; anything else fails."""
    folder = (Path(docs) / locale).resolve()
    target = (folder / page).resolve()
    if target.parent != folder or target.suffix != ".md" or locale not in TRANSLATIONS:
        raise ImportProblem(f"{page}: an import writes only docs/<locale>/<page>.md, not {target}")
    return Path(docs) / locale / page


def _done(unit):
    return bool(unit.target) and unit.istranslated() and not unit.isfuzzy()


def import_file(path, docs=DOCS, store=freshness.STORE):
    """Write an XLIFF file's translations into docs/<locale>/; return report lines.

    Raises ImportProblem, naming the file and unit, when nothing can be written.
    A page whose result would fail the checks is left as it was and reported.
    """
    path = Path(path)
    if not path.is_file():
        raise ImportProblem(f"{path}: no such file (scripts/i18n.py export writes it)")
    try:
        store_file = xliff.xlifffile.parsestring(path.read_bytes())
    except Exception as error:  # translate-toolkit raises lxml's and its own errors
        raise ImportProblem(f"{path}: not an XLIFF file translate-toolkit can read: {error}") from None
    locale = store_file.gettargetlanguage()
    if locale not in TRANSLATIONS:
        raise ImportProblem(f"{path}: target-language '{locale}' is not a translation locale")
    check_files(store_file, path, locale, docs)  # before anything is written
    report = []
    for page, units in _units(store_file).items():
        report += _import_page(path, locale, page, units, docs, store)
    return report


def _import_page(xlf, locale, page, units, docs, store):
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
    texts, done, report = {}, {}, []
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
        done[segment.id] = _done(unit)
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
    finished = [key for key, segments in source.sections().items()
                if key in stale and all(done.get(segment.id) for segment in segments)]
    if new_text != old_text:
        translation_path.parent.mkdir(parents=True, exist_ok=True)
        translation_path.write_text(new_text, encoding="utf-8")
        report.append(f"{shown}: written")
    if finished:
        freshness.stamp(translation_path, docs, store, sections=finished)
        report.append(f"{shown}: up to date in {', '.join(finished)}")
    return report


def _problems(text, source_path, translation_path, docs):
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


def summary(path):
    """'412 segments: 398 translated, 14 need review, 0 not translated'."""
    units = [unit for page in _units(xliff.xlifffile.parsestring(Path(path).read_bytes())).values()
             for unit in page.values()]
    done = sum(1 for unit in units if _done(unit))
    review = sum(1 for unit in units if unit.target and not _done(unit))
    return f"{len(units)} segments: {done} translated, {review} need review, {len(units) - done - review} not translated"
