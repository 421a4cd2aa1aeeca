"""Per-locale search: one index per language, with Thai and Chinese segmented.

Material's lunr splits words only on its separator. Thai and Chinese write
sentences without spaces, so at build time we cut them into words and join
the words with U+200B, which the separator of those locales includes.
"""
import hashlib
import json
import re
from pathlib import Path

from .locales import ROOT, SOURCE_LOCALE, TRANSLATIONS, locale_prefix

ZWSP = "\u200b"
DEFAULT_SEPARATOR = r"[\s\-]+"
SEGMENTED_SEPARATOR = r"[\s\-\u200b]+"

# lunr language per locale. Bulgarian uses the Russian stemmer. Albanian, Thai
# and Chinese have no lunr stemmer: they get no language pipeline at all (the
# English one would strip their letters), and never the 678 KB wordcut.js.
LUNR = {
    "nb": ("no", True), "en": ("en", True), "es": ("es", True), "pt": ("pt", True),
    "ro": ("ro", True), "bg": ("ru", True), "ru": ("ru", True), "fr": ("fr", True),
    "sq": ("en", False), "th": ("en", False), "zh": ("en", False),
}
STEMMED_PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]

THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _segment_runs(text, pattern, cut):
    def replace(match):
        words = [word for word in cut(match.group(0)) if word.strip()]
        return ZWSP + ZWSP.join(words) + ZWSP
    return pattern.sub(replace, text)


def segment_thai(text):
    """Cut Thai runs into words; digits next to Thai letters become separate words too."""
    from pythainlp.tokenize import word_tokenize
    return _segment_runs(text, THAI_RUN, lambda run: word_tokenize(run, engine="newmm"))


def segment_chinese(text):
    import jieba
    jieba.setLogLevel(60)
    return _segment_runs(text, HAN_RUN, jieba.cut)


SEGMENTERS = {"th": segment_thai, "zh": segment_chinese}


def index_config(locale, fields):
    lang, stemmed = LUNR[locale]
    return {
        "lang": [lang],
        "separator": SEGMENTED_SEPARATOR if locale in SEGMENTERS else DEFAULT_SEPARATOR,
        "pipeline": STEMMED_PIPELINE if stemmed else [],
        "fields": fields,
    }


def entry_locale(location):
    """Locale of a search entry, from its location ('th/covid-19/' -> 'th')."""
    first = location.split("/", 1)[0]
    return first if first in TRANSLATIONS else SOURCE_LOCALE


def locale_index(entries, locale, fields):
    """Search index for one locale; locations become relative to the locale root."""
    prefix = locale_prefix(locale)
    segment = SEGMENTERS.get(locale, lambda text: text)
    docs = []
    for entry in entries:
        if entry_locale(entry["location"]) != locale:
            continue
        location = entry["location"][len(prefix):]
        doc = dict(entry, location=location, title=segment(entry["title"]), text=segment(entry["text"]))
        docs.append(doc)
    return {"config": index_config(locale, fields), "docs": docs}


def dumps(index):
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


WORKER_SOURCE = ROOT / "overrides" / "components" / "search" / "search-worker.js.in"


def search_worker(material_worker_name):
    """(file name, text) of the worker that wraps Material's; it sits beside it."""
    text = WORKER_SOURCE.read_text(encoding="utf-8").replace("MATERIAL_WORKER", material_worker_name)
    return f"site-search.{hashlib.sha256(text.encode()).hexdigest()[:8]}.js", text


CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def point_search_at_locale(html, locale, worker_name=None):
    """Make Material's `base` (where search/search_index.json is) the locale root,
    and, given worker_name, load that worker instead of Material's (same folder)."""
    def replace(match):
        config = json.loads(match.group(2))
        base = config["base"] if config["base"].endswith("/") else config["base"] + "/"
        config["base"] = base + locale_prefix(locale)
        if worker_name:
            config["search"] = config["search"].rsplit("/", 1)[0] + "/" + worker_name
        return match.group(1) + json.dumps(config, ensure_ascii=False) + match.group(3)
    return CONFIG_SCRIPT.sub(replace, html, count=1)
