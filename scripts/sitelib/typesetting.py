"""Typesetting for print pages that respects each script, done at build time.

- Thai has no spaces between words, and Chromium's own dictionary breaks unknown
  words in the middle ("โซเชีย|ลมีเดีย"). Every Thai word (PyThaiNLP, newmm) becomes
  a `<span class="print-word">` that does not wrap, with `<wbr>` between words, so
  a line can break only between words.
- Chinese titles (h1, h2 and the elements marked `print-title`) are cut into words
  with jieba, joined with `<wbr>`; the CSS sets `word-break: keep-all` and
  `text-wrap: balance` there, so no line ends in the middle of a word and no
  character is left alone on a line.
- A URL breaks only after a "/".
"""
import re
from collections.abc import Iterator

from bs4 import BeautifulSoup, NavigableString
from markupsafe import Markup, escape

THAI = re.compile(r"[\u0e00-\u0e7f]")
THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+")
SKIP = {"script", "style", "svg", "title", "textarea", "code", "pre"}
TITLE_SELECTOR = "h1, h2, .print-title"
NUMBER_SPACE = re.compile(r"(?<=\d) (?=\d)")   # '116 117', '+47 22 00 00 00' stay on one line


def thai_words(text: str) -> list[str]:
    """PyThaiNLP's words of a Thai run (the same cut the tests compare lines with)."""
    from pythainlp.tokenize import word_tokenize
    return [word for word in word_tokenize(text, engine="newmm", keep_whitespace=False) if word]


def chinese_words(text: str) -> list[str]:
    import jieba
    jieba.setLogLevel(60)
    return [word for word in jieba.cut(text) if word]


def _text_nodes(soup: BeautifulSoup, within: str | None = None) -> Iterator[NavigableString]:
    roots = soup.select(within) if within else [soup]
    for root in roots:
        for node in list(root.find_all(string=True)):
            if isinstance(node, NavigableString) and type(node) is NavigableString and not any(
                    parent.name in SKIP for parent in node.parents if parent.name):
                yield node


def _thai_fragment(text: str) -> str:
    out, position = [], 0
    for run in THAI_RUN.finditer(text):
        out.append(str(escape(text[position:run.start()])))
        words = thai_words(run.group(0))
        out.append("<wbr>".join(f'<span class="print-word">{escape(word)}</span>' for word in words))
        position = run.end()
    out.append(str(escape(text[position:])))
    return "".join(out)


def _chinese_fragment(text: str) -> str:
    out, position = [], 0
    for run in HAN_RUN.finditer(text):
        out.append(str(escape(text[position:run.start()])))
        out.append("<wbr>".join(str(escape(word)) for word in chinese_words(run.group(0))))
        position = run.end()
    out.append(str(escape(text[position:])))
    return "".join(out)


def typeset(html: str) -> str:
    """Return the print page HTML with Thai words and Chinese title words marked,
    and phone numbers kept on one line."""
    soup = BeautifulSoup(html, "html.parser")
    for node in list(_text_nodes(soup)):
        if NUMBER_SPACE.search(node):
            node.replace_with(NavigableString(NUMBER_SPACE.sub("\u00a0", str(node))))
    for node in list(_text_nodes(soup)):
        if THAI.search(node):
            node.replace_with(BeautifulSoup(_thai_fragment(str(node)), "html.parser"))
    for node in list(_text_nodes(soup, TITLE_SELECTOR)):
        if HAN_RUN.search(node):
            node.replace_with(BeautifulSoup(_chinese_fragment(str(node)), "html.parser"))
    return str(soup)


def break_url_at_slashes(text: str) -> Markup:
    """HTML for a URL that may break after a slash, and nowhere else (not at 'covid-')."""
    parts = [part for part in re.findall(r"[^/]*/?", text) if part]
    return Markup("<wbr>".join(f'<span class="print-nowrap">{escape(part)}</span>' for part in parts))
