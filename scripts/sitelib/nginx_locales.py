"""The nginx maps that depend on the site's languages, generated from the locale table
into site/_nginx/locales.conf, which deploy/nginx/site.conf includes:

- $smittevern_404: the reader's own 404 page ('/th/nothing' -> /th/404.html);
- $smittevern_accept_locale: the first language in the browser's Accept-Language
  that the site has ('ru-RU,ru;q=0.9' -> ru; Norwegian counts as 'nb');
- $smittevern_language_home: where the bare address `/` sends a reader who opens
  it from outside the site (typed, a bookmark, a QR code or another site's link:
  Sec-Fetch-Site is not same-origin) and whose browser prefers one of the
  translations. A reader who picks Norwegian in the site (same-origin) stays.
- $smittevern_language_door: the same for a Norwegian page's address ('/covid-19/'
  -> '/th/covid-19/'), for the pages every translation has (door_pages). nginx
  answers with a redirect of a few hundred bytes, before any of the Norwegian page
  is sent; the head script (components/language-first) then only has to honour a
  language the reader chose in the site, which nginx cannot see.
"""
from collections.abc import Iterable, Sequence
from pathlib import Path

from .locales import LOCALES, SOURCE_LOCALE

# Norwegian tags a browser may send for the source language.
SOURCE_ALIASES = {"nb": ("nb", "no", "nn")}


def accept_language_regex(locales: Iterable[str]) -> str:
    """PCRE for the first Accept-Language entry that names a locale (any region)."""
    codes: list[str] = []
    for code in locales:
        codes += SOURCE_ALIASES.get(code, (code,))
    return r"~^(?:[^,]*,)*?\s*(?<smittevern_accept>" + "|".join(codes) + r")(?:[-_;,\s]|$)"


def door_pages(site_dir: str | Path, locales: Sequence[str] | None = None, source: str | None = None) -> list[str]:
    """The source-language pages one folder deep (`covid-19`) that every translation
    has too (`th/covid-19/index.html`): the addresses the language door may redirect."""
    site_dir = Path(site_dir)
    translations = [code for code in (locales or LOCALES) if code != (source or SOURCE_LOCALE)]
    return [folder.name for folder in sorted(site_dir.iterdir())
            if folder.is_dir() and folder.name not in translations and (folder / "index.html").is_file()
            and all((site_dir / code / folder.name / "index.html").is_file() for code in translations)]


def locales_conf(locales: Iterable[str] | None = None, source: str | None = None, pages: Iterable[str] = ()) -> str:
    locales = list(locales or LOCALES)
    source = source or SOURCE_LOCALE
    translations = "|".join(code for code in locales if code != source)
    aliases = "|".join(alias for alias in SOURCE_ALIASES.get(source, (source,)))
    door = "|".join(pages) or "(?!)"          # (?!) matches nothing: no pages, no door
    return "\n".join([
        "# Written by the build from the languages in mkdocs.yml (scripts/sitelib/nginx_locales.py). Do not edit.",
        "map $uri $smittevern_404 {",
        "    default /404.html;",
        f'    "~^/(?<smittevern_404_locale>{translations})/" /$smittevern_404_locale/404.html;',
        "}",
        "",
        "map $http_accept_language $smittevern_accept_locale {",
        '    default "";',
        f'    "{accept_language_regex(locales)}" $smittevern_accept;',
        "}",
        "",
        'map "$smittevern_accept_locale:$http_sec_fetch_site" $smittevern_language_home {',
        '    default "";',
        f'    "~^(?:{aliases}):" "";',
        f'    "~^(?<smittevern_home>{translations}):(?!same-origin$)" /$smittevern_home/;',
        "}",
        "",
        "map $uri $smittevern_door_page {",
        '    default "";',
        f'    "~^/(?<smittevern_door_name>{door})/$" $smittevern_door_name;',
        "}",
        "",
        'map "$smittevern_language_home|$smittevern_door_page" $smittevern_language_door {',
        '    default "";',
        r'    "~^(?<smittevern_door_home>/[a-z]+/)\|(?<smittevern_door_to>[a-z0-9-]+)$" $smittevern_door_home$smittevern_door_to/;',
        "}",
        "",
    ])
