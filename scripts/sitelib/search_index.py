"""Per-locale search: one index per language, with Thai and Chinese segmented.

Material's lunr splits words only on its separator. Thai and Chinese write
sentences without spaces, so at build time we cut them into words and join
the words with U+200B, which the separator of those locales includes.
"""
import json
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from .fingerprint import content_hash
from .locales import ROOT, SOURCE_LOCALE, TRANSLATIONS, locale_prefix, script
from .material_coupling import lunr_languages, lunr_scripts, point_search_config
from .minify import minify_js
from .typesetting import THAI_RUN

ZWSP = "\u200b"
DEFAULT_SEPARATOR = r"[\s\-]+"
SEGMENTED_SEPARATOR = r"[\s\-\u200b]+"

# lunr's code for a language where it differs from ours; Bulgarian has no lunr
# stemmer and Russian's works for it (inflected forms included).
LUNR_CODE = {"nb": "no", "nn": "no", "bg": "ru"}
# Scripts written without spaces. Their lunr pipelines are word segmenters (Thai's
# wordcut.js alone is 678 KB), never loaded: we cut their words at build time.
SEGMENTED_SCRIPTS = {"Thai", "Hans", "Hant", "Jpan"}
STEMMED_PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _segment_runs(text: str, pattern: re.Pattern[str], cut: Callable[[str], Iterable[str]]) -> str:
    def replace(match: re.Match[str]) -> str:
        words = [word for word in cut(match.group(0)) if word.strip()]
        return ZWSP + ZWSP.join(words) + ZWSP
    return pattern.sub(replace, text)


def segment_thai(text: str) -> str:
    """Cut Thai runs into words; digits next to Thai letters become separate words too."""
    from pythainlp.tokenize import word_tokenize
    return _segment_runs(text, THAI_RUN, lambda run: word_tokenize(run, engine="newmm"))


def segment_chinese(text: str) -> str:
    import jieba
    jieba.setLogLevel(60)
    return _segment_runs(text, HAN_RUN, jieba.cut)


SEGMENTERS: dict[str, Callable[[str], str]] = {"Thai": segment_thai, "Hans": segment_chinese, "Hant": segment_chinese}


def segmenter(locale: str) -> Callable[[str], str] | None:
    """The build-time word segmenter for a locale's script, or None (words are spaced)."""
    return SEGMENTERS.get(script(locale))


def lunr_language(locale: str) -> tuple[str, bool]:
    """(lunr language, stemmed?) for a locale. A language Material has no stemmer for,
    or one written without spaces, gets no language pipeline at all (the English one
    would strip its letters)."""
    code = LUNR_CODE.get(locale, locale)
    if script(locale) in SEGMENTED_SCRIPTS or code not in lunr_languages():
        return "en", False
    return code, True


# Everyday words a page declares in its front matter (`synonyms:`), indexed on the
# page's own entry but never shown: a field of their own, weighted like the title.
SYNONYMS_FIELD = "synonyms"
SYNONYMS_BOOST = 1e3


def index_config(locale: str, fields: Mapping[str, Any] | Sequence[str],
                 staff_pages: Iterable[str] = ()) -> dict[str, Any]:
    """lunr's config for a locale's index. `site` is ours (Material's worker ignores it; ours,
    search-worker.js.in, reads it): the staff pages, listed after the reader pages, and
    whether words are cut at build time (then no result says a word is missing)."""
    lang, stemmed = lunr_language(locale)
    if isinstance(fields, dict):
        fields = {**fields, SYNONYMS_FIELD: {"boost": SYNONYMS_BOOST}}
    else:
        fields = [*fields, SYNONYMS_FIELD]
    return {
        "lang": [lang],
        "separator": SEGMENTED_SEPARATOR if segmenter(locale) else DEFAULT_SEPARATOR,
        "pipeline": STEMMED_PIPELINE if stemmed else [],
        "fields": fields,
        "site": {"staff": sorted(staff_pages), "segmented": segmenter(locale) is not None},
    }


def synonym_terms(words: Iterable[str], segment: Callable[[str], str]) -> str:
    """Each synonym whole and, where the locale cuts words, cut as the page text is, so
    that a query cut either way meets it ('ถุงยาง' and 'ถุง', 'ยาง')."""
    terms: list[str] = []
    for word in words:
        terms += [word.strip()] + [part for part in segment(word.strip()).split(ZWSP) if part.strip()]
    return " ".join(dict.fromkeys(term for term in terms if term))


def entry_locale(location: str) -> str:
    """Locale of a search entry, from its location ('th/covid-19/' -> 'th')."""
    first = location.split("/", 1)[0]
    return first if first in TRANSLATIONS else SOURCE_LOCALE


def locale_index(entries: Iterable[Mapping[str, Any]], locale: str, fields: Mapping[str, Any] | Sequence[str],
                 synonyms: Mapping[str, list[str]] | None = None, staff_pages: Iterable[str] = ()) -> dict[str, Any]:
    """Search index for one locale; locations become relative to the locale root.
    `synonyms` ({page location: [words]}) go on each page's own entry; `staff_pages`
    (page locations) rank after the reader pages. Both are site-relative, as entries are."""
    prefix = locale_prefix(locale)
    segment = segmenter(locale) or (lambda text: text)
    synonyms = synonyms or {}
    docs: list[dict[str, Any]] = []
    for entry in entries:
        if entry_locale(entry["location"]) != locale:
            continue
        location = entry["location"][len(prefix):]
        doc = dict(entry, location=location, title=segment(entry["title"]), text=segment(entry["text"]))
        if synonyms.get(entry["location"]):
            doc[SYNONYMS_FIELD] = synonym_terms(synonyms[entry["location"]], segment)
        docs.append(doc)
    staff = [page[len(prefix):] for page in staff_pages if entry_locale(page) == locale]
    return {"config": index_config(locale, fields, staff), "docs": docs}


def dumps(index: object) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


WORKER_SOURCE = ROOT / "overrides" / "components" / "search" / "search-worker.js.in"
WORKERS_DIR = "assets/javascripts/workers"
INDEX_NAME = "search/search_index.json"


def index_path(locale: str) -> str:
    """The locale's index, from the site root ('th/search/search_index.json')."""
    return locale_prefix(locale) + INDEX_NAME


def search_worker(material_worker_name: str) -> tuple[str, str]:
    """(file name, text) of the worker that wraps Material's; it sits beside it."""
    text = minify_js(WORKER_SOURCE.read_text(encoding="utf-8").replace("MATERIAL_WORKER", material_worker_name))
    return f"site-search.{content_hash(text)}.js", text


def worker_url(worker_name: str, locale: str) -> str:
    """Our worker's address for a locale's pages: its query names the locale's index and
    lunr files, relative to the worker, which downloads them all at once when created."""
    index = posixpath.relpath(index_path(locale), WORKERS_DIR)
    preload = lunr_scripts(index_config(locale, [])["lang"])
    return worker_name + "?" + urlencode([("index", index)] + [("preload", path) for path in preload], safe="/")


def point_search_at_locale(html: str, locale: str, worker_name: str | None = None) -> str:
    """Make Material's search look in the locale's own index (its `base` is the locale
    root), and, given worker_name, through that worker instead of Material's."""
    return point_search_config(html, locale_prefix(locale), worker_url(worker_name, locale) if worker_name else None)
