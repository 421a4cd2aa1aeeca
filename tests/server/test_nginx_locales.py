"""nginx's locale map, generated from the locale table: the reader's own 404 page, and
the bare address and the Norwegian pages in the browser's language (Accept-Language),
never for links inside the site (Sec-Fetch-Site: same-origin) and never for Norwegian."""
import urllib.error
import urllib.request

import pytest

from scripts.sitelib.locales import LOCALES, SOURCE_LOCALE, TRANSLATIONS
from scripts.sitelib.nginx_locales import door_pages, locales_conf


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(url, **headers):
    request = urllib.request.Request(url, headers={name.replace("_", "-"): value for name, value in headers.items()})
    try:
        response = urllib.request.build_opener(_NoRedirect).open(request, timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    return response.status, response.headers


def test_the_build_writes_the_map_of_its_locales_and_pages(site):
    pages = door_pages(site.dir)
    assert {"covid-19", "help", "safety", "privacy", "about"} <= set(pages), pages
    assert not set(pages) & set(TRANSLATIONS) and "assets" not in pages and "search" not in pages
    assert (site.dir / "_nginx" / "locales.conf").read_text(encoding="utf-8") == locales_conf(pages=pages)


@pytest.mark.parametrize("locale", TRANSLATIONS)
def test_home_goes_to_the_browser_language(nginx_site, locale):
    status, headers = get(nginx_site.url, Accept_Language=f"{locale}-XX,{locale};q=0.9,en;q=0.5", Sec_Fetch_Site="none")
    assert (status, headers["Location"]) == (302, f"/{locale}/")
    assert "Accept-Language" in headers["Vary"]


@pytest.mark.parametrize("accept, expected", [
    ("de-DE,de;q=0.9,th;q=0.8", "/th/"),          # the first language the site has
    ("pt-BR", "/pt/"), ("zh-CN,zh;q=0.9", "/zh/"),
    ("nb-NO,nb;q=0.9,th;q=0.8", None),             # Norwegian first: stay
    ("no", None), ("nn-NO,en;q=0.5", None),
    ("de-DE,de;q=0.9", None), ("", None), ("english", None),
])
def test_first_known_language_wins(nginx_site, accept, expected):
    status, headers = get(nginx_site.url, Accept_Language=accept, Sec_Fetch_Site="cross-site")
    assert (status, headers.get("Location")) == ((302, expected) if expected else (200, None)), accept


@pytest.mark.parametrize("locale", TRANSLATIONS)
def test_a_norwegian_page_opened_from_outside_goes_to_the_browser_language(nginx_site, locale):
    """A QR code or a shared link to a Norwegian page: nginx sends the reader on before
    any of the Norwegian page is sent (issue 23: a redirected deep link costs a few
    hundred bytes), keeping the query."""
    for path in ("covid-19/", "help/", "safety/"):
        status, headers = get(nginx_site.url + path + "?utm=qr", Accept_Language=f"{locale}-XX,en;q=0.5", Sec_Fetch_Site="none")
        assert (status, headers["Location"]) == (302, f"/{locale}/{path}?utm=qr"), path
        assert "Accept-Language" in headers["Vary"]


def test_links_inside_the_site_and_other_addresses_are_left_alone(nginx_site):
    # A reader who picked Norwegian in the site keeps it.
    assert get(nginx_site.url, Accept_Language="th-TH", Sec_Fetch_Site="same-origin")[0] == 200
    status, headers = get(nginx_site.url + "covid-19/", Accept_Language="th-TH", Sec_Fetch_Site="same-origin")
    assert status == 200 and "Accept-Language" in ", ".join(headers.get_all("Vary")), "a door page varies with the language"
    # Norwegian or unknown languages stay; files, other languages' pages and deep folders are not negotiated.
    assert get(nginx_site.url + "covid-19/", Accept_Language="nb-NO", Sec_Fetch_Site="none")[0] == 200
    assert get(nginx_site.url + "covid-19/", Accept_Language="de-DE", Sec_Fetch_Site="none")[0] == 200
    for path in ("index.html", "covid-19/index.html", "th/", "th/covid-19/", "sitemap.xml", "assets/favicon.svg"):
        assert get(nginx_site.url + path, Accept_Language="th-TH", Sec_Fetch_Site="none")[0] == 200, path


def test_every_locale_keeps_its_404_page(nginx_site):
    for locale in LOCALES:
        prefix = "" if locale == SOURCE_LOCALE else f"{locale}/"
        assert get(nginx_site.url + prefix + "no-such-page/")[0] == 404
