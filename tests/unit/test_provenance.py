"""Provenance per section (issue 24, item 1): how each translated section was made, read
from translator-editable files as untrusted input, and carried through the XLIFF round
trip in state, state-qualifier and approved."""
import shutil

import pytest
from translate.storage import xliff

from scripts.sitelib import freshness, provenance, xliff_io
from scripts.sitelib.locales import DOCS, SOURCE_LOCALE, TRANSLATIONS
from scripts.sitelib.provenance import MACHINE, PERSON, REVIEWED, Made
from scripts.sitelib.segments import parse
from scripts.sitelib.source_errors import SourceError

STORE = provenance.store_for(DOCS)


# --- today's data --------------------------------------------------------------------------

def test_every_section_of_every_translation_says_how_it_was_made():
    """Recorded for every section; and none claims a native speaker's check: every
    translation so far was drafted by a model and checked only by a model."""
    missing, claimed = [], []
    for page in freshness.source_pages():
        sections = freshness.current_sections(page)
        for locale in TRANSLATIONS:
            if not (DOCS / locale / page).exists():
                continue
            for key, made in provenance.sections_made(page, locale, sections, STORE).items():
                if made.kind == provenance.UNKNOWN:
                    missing.append(f"{locale}/{page}#{key}")
                if made.reviewed:
                    claimed.append(f"{locale}/{page}#{key}")
    assert not missing, missing
    assert not claimed, f"a review must come through `smittevern import --role`: {claimed}"


def test_the_store_is_beside_the_stamps():
    assert STORE == freshness.STORE
    assert provenance.path_for("covid-19.md", STORE) == freshness.STORE / "covid-19.provenance.yml"


# --- the file: untrusted input -------------------------------------------------------------

def write(store, text, page="covid-19.md"):
    store.mkdir(parents=True, exist_ok=True)
    path = provenance.path_for(page, store)
    path.write_text(text, encoding="utf-8")
    return path


def test_save_then_load_gives_back_every_record(tmp_path):
    records = {"th": {"_intro": Made(MACHINE), "before": Made(PERSON)},
               "en": {"before": provenance.review("health-worker", "2026-12-06"), "after": Made(MACHINE)}}
    path = provenance.save("covid-19.md", records, tmp_path, ["_intro", "before", "after"])
    assert provenance.load("covid-19.md", tmp_path) == records
    text = path.read_text(encoding="utf-8")
    assert "en:\n  before: {made: reviewed, role: health-worker, date: 2026-12-06}\n  after: machine\nth:" in text


BAD = {
    "unknown locale": ("xx:\n  _intro: machine\n", 1, "'xx' is not a translation locale"),
    "source locale": ("nb:\n  _intro: machine\n", 1, "'nb' is not a translation locale"),
    "bad section id": ("en:\n  _intro: machine\n  ../../x: machine\n", 3, "section id '../../x' is not a valid id"),
    "unknown kind": ("en:\n  before: checked\n", 2, "'checked' is not machine, person or"),
    "markup as kind": ("en:\n  before: <script>alert(1)</script>\n", 2, "is not machine, person or"),
    "a name, not a role": ("en:\n  before: {made: reviewed, role: Kari Nordmann, date: 2026-12-06}\n", 2,
                           "role 'Kari Nordmann' is not one of native-speaker, translator"),
    "bad date": ("en:\n  before: {made: reviewed, role: translator, date: 2026-13-40}\n", 2,
                 "'2026-13-40', which looks like a date but is none"),
    "extra field": ("en:\n  before: {made: reviewed, role: translator, date: 2026-12-06, name: Kari}\n", 2,
                    "a review is {made: reviewed, role: …, date: YYYY-MM-DD}, nothing else"),
    "review without made: reviewed": ("en:\n  before: {made: machine, role: translator, date: 2026-12-06}\n", 2,
                                      "made: 'machine' is not reviewed"),
    "twice": ("en:\n  before: machine\n  before: person\n", 3, "'before' is given twice"),
    "a list": ("en:\n  - machine\n", 2, "'en' must map each key to a value"),
    "alias": ("en: &a\n  before: machine\nfr: *a\n", 1, "may not use anchors"),
    "not yaml": ("en:\n  before: [machine\n", 3, "is not valid YAML"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_fails_naming_the_file_and_line(tmp_path, case):
    text, line, words = BAD[case]
    path = write(tmp_path, text)
    with pytest.raises(SourceError) as error:
        provenance.load("covid-19.md", tmp_path)
    assert str(error.value).startswith(f"{path}:{line}: "), str(error.value)
    assert words in str(error.value)


def test_the_editors_check_names_a_bad_file(tmp_path):
    docs = tmp_path / "docs"
    path = write(provenance.store_for(docs), "en:\n  before: revised\n", page="help.md")
    assert provenance.problems(["covid-19.md", "help.md"], docs) == [
        f"{path}:2: en: before: 'revised' is not machine, person or {{made: reviewed, role: …, date: YYYY-MM-DD}}"]
    assert provenance.problems(freshness.source_pages(), DOCS) == []


def test_a_section_without_a_line_counts_as_not_checked(tmp_path):
    write(tmp_path, "en:\n  _intro: {made: reviewed, role: native-speaker, date: 2026-12-06}\n")
    made = provenance.sections_made("covid-19.md", "en", ["_intro", "before"], tmp_path)
    assert made == {"_intro": provenance.review("native-speaker", "2026-12-06"), "before": Made()}
    assert provenance.unreviewed("covid-19.md", "en", ["_intro", "before"], tmp_path) == ["before"]
    assert provenance.page_summary(made) == {"kind": provenance.UNKNOWN, "reviewed": 1, "total": 2,
                                             "reviews": [{"role": "native-speaker", "date": "2026-12-06"}]}


def test_the_reader_note_is_for_unchecked_translations_only(tmp_path):
    docs = tmp_path / "docs"
    for locale in (SOURCE_LOCALE, "en", "th"):
        (docs / locale).mkdir(parents=True)
        shutil.copy(DOCS / locale / "covid-19.md", docs / locale / "covid-19.md")
    sections = list(freshness.current_sections("covid-19.md", docs))
    store = provenance.store_for(docs)
    provenance.save("covid-19.md", {"en": {key: provenance.review("translator", "2026-12-06") for key in sections},
                                    "th": {key: Made(MACHINE) for key in sections}}, store, sections)
    assert provenance.unchecked_sections("covid-19.md", "th", docs) == sections
    assert provenance.unchecked_sections("covid-19.md", "en", docs) == []            # all checked
    assert provenance.unchecked_sections("covid-19.md", SOURCE_LOCALE, docs) == []   # the source
    assert provenance.unchecked_sections("covid-19.md", "ru", docs) == []            # no translation: a fallback


def test_the_note_goes_after_the_opening_before_the_first_section():
    page = ('<h1 id="t">Title</h1>\n<p>Opening.</p>\n<div class="site-urgent">Call</div>\n'
            '<h2 id="before">Before</h2>\n<p>Text.</p>\n<h2 id="after">After</h2>\n')
    assert provenance.before_first_section(page, "<NOTE>") == page.replace('<h2 id="before"', '<NOTE><h2 id="before"')
    assert provenance.before_first_section("<h1>T</h1>\n<p>Only.</p>\n", "<NOTE>") == "<h1>T</h1>\n<p>Only.</p>\n<NOTE>"


# --- XLIFF 1.2 values ----------------------------------------------------------------------

@pytest.mark.parametrize("state, qualifier, approved, kind", [
    ("needs-review-translation", "mt-suggestion", False, MACHINE),
    ("translated", "leveraged-mt", True, MACHINE),     # a machine draft, marked translated
    ("translated", None, True, PERSON),                 # translate-toolkit writes approved="yes" with it
    ("translated", "fuzzy-match", False, PERSON),
    (None, None, False, PERSON),                        # no state: translated as soon as there is a target
    ("final", None, True, REVIEWED),
    ("signed-off", "leveraged-mt", False, REVIEWED),
    (None, None, True, REVIEWED),                       # Weblate's approved string
    ("needs-review-translation", "fuzzy-match", False, None),   # the Norwegian changed: to update
    ("needs-review-translation", None, False, None),
    ("needs-translation", None, False, None),
    ("new", None, False, None),
])
def test_what_a_unit_says_made_its_target(state, qualifier, approved, kind):
    assert provenance.kind_from_xliff(state, qualifier, approved, has_target=True) == kind
    assert provenance.kind_from_xliff(state, qualifier, approved, has_target=False) is None


def test_values_outside_xliff_1_2_are_refused():
    with pytest.raises(ValueError, match='state="reviewed" is not an XLIFF 1.2 state'):
        provenance.kind_from_xliff("reviewed", None, False, True)
    with pytest.raises(ValueError, match='state-qualifier="human" is not an XLIFF 1.2 state-qualifier'):
        provenance.kind_from_xliff("translated", "human", False, True)


def test_each_kind_goes_out_and_comes_back_the_same():
    for made in (Made(MACHINE), Made(PERSON), provenance.review("translator", "2026-12-06")):
        state, qualifier, approved = provenance.xliff_attributes(made, stale=False)
        assert provenance.kind_from_xliff(state, qualifier, approved, True) == made.kind
        state, qualifier, approved = provenance.xliff_attributes(made, stale=True)
        assert (state, qualifier) == ("needs-review-translation", "fuzzy-match")
        assert provenance.kind_from_xliff(state, qualifier, approved, True) is None


def test_a_review_is_a_role_and_a_date():
    assert provenance.review("outreach-worker", "2026-12-06") == Made(REVIEWED, "outreach-worker", "2026-12-06")
    assert provenance.review("translator").date  # today
    for role, date in (("Kari", "2026-12-06"), ("translator", "6.12.2026"), ("translator", "2026-02-30")):
        with pytest.raises(ValueError):
            provenance.review(role, date)


# --- the XLIFF round trip ------------------------------------------------------------------

@pytest.fixture
def work(tmp_path):
    """Copies of docs/ and translations/stamped/ side by side: (docs, store, XLIFF folder)."""
    shutil.copytree(DOCS, tmp_path / "docs")
    shutil.copytree(freshness.STORE, tmp_path / "translations" / "stamped")
    return tmp_path / "docs", tmp_path / "translations" / "stamped", tmp_path / "xliff"


def stored(store):
    return {path.name: path.read_bytes() for path in sorted(store.glob("*"))}


def targets(path):
    """{(page, unit id): (unit, its <target> element)}."""
    document = xliff.xlifffile.parsestring(path.read_bytes())
    return document, {(page, unit_id): (unit, unit.getlanguageNode(lang=None, index=1))
                      for page, units in xliff_io._units(document).items() for unit_id, unit in units.items()}


def section_units(found, page, section):
    ids = {segment.id for segment in parse((DOCS / SOURCE_LOCALE / page).read_text(encoding="utf-8")).segments
           if segment.section == section}
    return [(unit, target) for (name, unit_id), (unit, target) in found.items() if name == page and unit_id in ids]


def test_the_export_says_how_each_section_was_made(work):
    docs, store, folder = work
    record = provenance.review("health-worker", "2026-12-01")
    provenance.record("covid-19.md", "fr", {"during": record, "after": Made(PERSON)}, store,
                      list(freshness.current_sections("covid-19.md", docs)))
    _, found = targets(xliff_io.export_locale("fr", folder, docs, store))
    expect = {"before": ("needs-review-translation", "mt-suggestion", "no"),
              "during": ("final", None, "yes"), "after": ("translated", None, "no")}
    for section, (state, qualifier, approved) in expect.items():
        units = section_units(found, "covid-19.md", section)
        assert units, section
        for unit, target in units:
            assert (target.get("state"), target.get("state-qualifier"), unit.xmlelement.get("approved")) == \
                (state, qualifier, approved), (section, unit.getid())
    reviewed, person = (len(section_units(found, "covid-19.md", key)) for key in ("during", "after"))
    assert xliff_io.summary(folder / "fr.xlf") == (
        f"{len(found)} segments: {reviewed} checked by a native speaker, {person} translated by a person, "
        f"{len(found) - reviewed - person} drafted by a machine, 0 to update, 0 not translated")


def test_a_round_trip_without_changes_keeps_every_file(work):
    docs, store, folder = work
    provenance.record("help.md", "th", {"_intro": provenance.review("outreach-worker", "2026-11-30")}, store,
                      list(freshness.current_sections("help.md", docs)))
    pages, records = {p: p.read_bytes() for p in sorted(docs.rglob("*.md"))}, stored(store)
    for locale in ("th", "fr"):
        assert xliff_io.import_file(xliff_io.export_locale(locale, folder, docs, store), docs, store) == [], locale
    assert {p: p.read_bytes() for p in sorted(docs.rglob("*.md"))} == pages
    assert stored(store) == records


def raise_section(path, page, section, state="final", text=None):
    document, found = targets(path)
    for unit, target in section_units(found, page, section):
        if text:
            unit.target = text
        target.set("state", state)
        if "state-qualifier" in target.attrib:
            del target.attrib["state-qualifier"]
    path.write_bytes(bytes(document))


def test_an_import_that_raises_a_section_to_final_records_the_review(work):
    docs, store, folder = work
    exported = xliff_io.export_locale("ru", folder, docs, store)
    raise_section(exported, "covid-19.md", "vaccination")
    report = xliff_io.import_file(exported, docs, store, reviewer=provenance.review("health-worker", "2026-12-06"))
    assert report == [f"{docs.relative_to(docs.parent)}/ru/covid-19.md: "
                      "{made: reviewed, role: health-worker, date: 2026-12-06} in vaccination"]
    sections = freshness.current_sections("covid-19.md", docs)
    made = provenance.sections_made("covid-19.md", "ru", sections, store)
    assert made["vaccination"] == Made(REVIEWED, "health-worker", "2026-12-06")
    assert all(item == Made(MACHINE) for key, item in made.items() if key != "vaccination")
    assert "vaccination" not in provenance.unchecked_sections("covid-19.md", "ru", docs)
    # exported again, the section is final; back without changes, its review keeps its role and date
    before = stored(store)
    again = xliff_io.export_locale("ru", folder, docs, store)
    assert {target.get("state") for _, target in section_units(targets(again)[1], "covid-19.md", "vaccination")} == {"final"}
    assert xliff_io.import_file(again, docs, store, reviewer=provenance.review("translator", "2027-01-01")) == []
    assert stored(store) == before


def test_every_section_checked_takes_the_note_away(work):
    docs, store, folder = work
    exported = xliff_io.export_locale("sq", folder, docs, store)
    for section in freshness.current_sections("privacy.md", docs):
        raise_section(exported, "privacy.md", section, state="signed-off")
    xliff_io.import_file(exported, docs, store, reviewer=provenance.review("native-speaker", "2026-12-06"))
    assert provenance.unchecked_sections("privacy.md", "sq", docs) == []
    assert provenance.unchecked_sections("privacy.md", "fr", docs) != []


def test_final_without_a_role_is_refused_naming_the_file_and_line(work):
    docs, store, folder = work
    exported = xliff_io.export_locale("bg", folder, docs, store)
    raise_section(exported, "help.md", "law")
    line = next(unit.xmlelement.sourceline for unit, _ in section_units(targets(exported)[1], "help.md", "law"))
    before = stored(store)
    with pytest.raises(xliff_io.ImportProblem, match=rf"bg\.xlf:{line}: unit 'law/\d+' of help.md is marked as "
                                                     r"checked by a native speaker; say who checked it, as a role"):
        xliff_io.import_file(exported, docs, store)
    assert stored(store) == before


def test_a_state_outside_xliff_1_2_is_refused_naming_the_file_and_line(work):
    docs, store, folder = work
    exported = xliff_io.export_locale("pt", folder, docs, store)
    raise_section(exported, "help.md", "law", state="approved-by-kari")
    with pytest.raises(xliff_io.ImportProblem, match=r'pt\.xlf:\d+: state="approved-by-kari" is not an XLIFF 1\.2 state'):
        xliff_io.import_file(exported, docs, store)


def test_a_person_s_translation_is_recorded_and_a_changed_text_loses_its_review(work):
    docs, store, folder = work
    order = list(freshness.current_sections("covid-19.md", docs))
    provenance.record("covid-19.md", "en", {"after": provenance.review("translator", "2026-11-01")}, store, order)
    exported = xliff_io.export_locale("en", folder, docs, store)
    raise_section(exported, "covid-19.md", "during", state="translated")
    document, found = targets(exported)
    unit, target = section_units(found, "covid-19.md", "after")[0]
    unit.target = unit.target + " Thank you."
    target.set("state", "translated")
    exported.write_bytes(bytes(document))
    xliff_io.import_file(exported, docs, store)
    made = provenance.sections_made("covid-19.md", "en", order, store)
    assert made["during"] == Made(PERSON)
    assert made["after"] == Made(PERSON), "an edited text is no longer the text the native speaker checked"
