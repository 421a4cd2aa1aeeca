"""The nginx maps that depend on the site's languages, generated from the locale table
into site/_nginx/locales.conf, which deploy/nginx/site.conf includes:

- $smittevern_404: the reader's own 404 page ('/th/nothing' -> /th/404.html);
- $smittevern_accept_locale: the first language in the browser's Accept-Language
  that the site has ('ru-RU,ru;q=0.9' -> ru; Norwegian counts as 'nb');
- $smittevern_language_home: where the bare address `/` sends a reader who opens
  it from outside the site (typed, a bookmark, a QR code or another site's link:
  Sec-Fetch-Site is not same-origin) and whose browser prefers one of the
  translations. A reader who picks Norwegian in the site (same-origin) stays.
"""
from .locales import LOCALES, SOURCE_LOCALE

# Norwegian tags a browser may send for the source language.
SOURCE_ALIASES = {"nb": ("nb", "no", "nn")}


def accept_language_regex(locales) -> str:
    """PCRE for the first Accept-Language entry that names a locale (any region)."""
    codes = []
    for code in locales:
        codes += SOURCE_ALIASES.get(code, (code,))
    return r"~^(?:[^,]*,)*?\s*(?<smittevern_accept>" + "|".join(codes) + r")(?:[-_;,\s]|$)"


def locales_conf(locales=None, source=None) -> str:
    locales = list(locales or LOCALES)
    source = source or SOURCE_LOCALE
    translations = "|".join(code for code in locales if code != source)
    aliases = "|".join(alias for alias in SOURCE_ALIASES.get(source, (source,)))
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
    ])
