"""Render the print kit's HTML pages (templates in overrides/components/print-kit/).

Every print page shares print-page.html: the exit bar, a toolbar that speaks the
language of the site the staff member came from (`?from=<locale>`; its texts for
every locale are a JSON block on the page), a preview scaled to the screen, and
one sheet (or several) of exactly the printed size.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from markupsafe import Markup

from .component_assets import COMPONENTS
from .fingerprint import fingerprinted_name
from .dates import human_date
from .flyer_content import flyer_parts
from .help_data import CONTACT_ORDER, Contact, Emergency, HelpData, Hours, contact_fields, help_data, hours_rows
from .historical import flyer_is_historical
from .locales import LOCALES, NATIVE_NAMES
from .provenance import unchecked_sections
from .minify import MINIFIERS
from .site_files import write_site_file
from .print_kit import (
    CARDS, HELP_TOPIC, POSTER_SIZES, absolute_url, cards_url, flyer_url, mixed_card_locales, overview_url,
    page_pdf_url, pdf_download_name, poster_url, qr_svg, relative_url, short_url, topic_url, version_code,
)
from .typesetting import break_url_at_slashes, typeset
from .plurals import Text
from .print_kit import Topic
from .ui_strings import StringTable, Strings, fill

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

TEMPLATES = "components/print-kit"
BASE_TEMPLATE = COMPONENTS / "print-kit" / "print-page.html"
INCLUDE = re.compile(r'{%-?\s*include\s+"components/([a-z0-9-]+)/')
# The toolbar's texts, in every locale, for ?from=<locale>.
TOOLBAR_KEYS = ("print_toolbar", "print_all_flyers", "print_full_page", "flyer_print", "flyer_print_nojs",
                "print_share_pdf", "flyer_download_pdf")


@dataclass
class IncludedAssets:
    """CSS and JS of the components the print pages include (the exit bar): their
    site-wide files, fingerprinted on their own, since print pages load no site bundle."""
    assets: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)  # {component: {kind: (site path, text)}}

    def files(self) -> list[tuple[str, str]]:
        return [item for kinds in self.assets.values() for item in kinds.values()]

    def paths(self, kind: str) -> list[str]:
        return [kinds[kind][0] for kinds in self.assets.values() if kind in kinds]


def included_component_assets(template: str | Path = BASE_TEMPLATE, components: Path = COMPONENTS) -> IncludedAssets:
    """Bundle each component that print-page.html includes, so the include stays the one place."""
    assets: dict[str, dict[str, tuple[str, str]]] = {}
    for name in dict.fromkeys(INCLUDE.findall(Path(template).read_text(encoding="utf-8"))):
        for kind in ("css", "js"):
            parts = [path.read_text(encoding="utf-8") for path in sorted((components / name).glob(f"*.{kind}"))]
            if parts:
                text = MINIFIERS[kind]("\n".join(parts))
                assets.setdefault(name, {})[kind] = (fingerprinted_name(f"print/{name}", kind, text), text)
    return IncludedAssets(assets)


def contact_strip(contact: Contact, strings: Strings, locale: str,
                  fields: Iterable[str] = CONTACT_ORDER) -> list[tuple[Text, str | tuple[Hours, ...]]]:
    """[(label, value)] of the filled-in fields of the typed contact (help_data.Contact),
    in the order of `fields`; opening hours written out in `locale`."""
    filled, rows = dict(contact_fields(contact)), []
    for key in (key for key in fields if key in filled):
        value = filled[key]
        if key == "opening_hours":
            value = "; ".join(f"{days} {times}" for days, times in hours_rows(cast("tuple[Hours, ...]", value), locale))
        rows.append((strings[f"contact_{key}"], value))
    return rows


def emergency_numbers(emergency: Iterable[Emergency], strings: Strings) -> list[dict[str, Text]]:
    """[{'number', 'name', 'when'}] from the typed extra.emergency and the urgent-help strings."""
    return [{"number": entry.number, "name": strings[f"{entry.strings}_name"],
             "when": strings[f"{entry.strings}_when"]} for entry in emergency]


def service_rows(data: HelpData, strings: Strings, locale: str) -> list[dict[str, Any]]:
    """[{'name', 'address', 'hours', 'phone', 'whatsapp'}] of every service that can be
    reached: what the flyer prints of each (help_data.HelpData)."""
    return [{"id": service.id, "name": strings[f"service_{service.key}_name"], "address": service.address,
             "hours": hours_rows(service.opening_hours, locale), "phone": service.phone, "whatsapp": service.whatsapp}
            for service in data.reachable_services]


CARD_CONTACT_ROWS = 4   # what fits under the three emergency numbers on an 85 × 55 mm card


def card_service_numbers(data: HelpData, strings: Strings) -> list[tuple[Text, Text, str]]:
    """[(service name, label, number)] for a pocket card: the numbers of services that
    differ from the organisation's own (those are on the card already), as many as fit
    beside them; the card's QR code opens the help page with every service."""
    own = {data.contact.phone, data.contact.whatsapp} - {""}
    room = CARD_CONTACT_ROWS - len(own)
    rows: list[tuple[Text, Text, str]] = []
    for service in data.reachable_services:
        for key in ("phone", "whatsapp"):
            number = getattr(service, key)
            if number and number not in own and number not in [row[2] for row in rows]:
                rows.append((strings[f"service_{service.key}_name"], strings[f"contact_{key}"], number))
    return rows[:max(room, 0)]


def preview_stamp(strings: Mapping[str, Strings], locale: str, always: str = "en") -> list[tuple[str, Text]]:
    """[(locale, text)] stamped across every sheet of a preview build: the page's language, then English."""
    return [(code, strings[code]["print_preview_stamp"]) for code in dict.fromkeys((locale, always))]


def organisation_band(config: MkDocsConfig, locale_site_name: str) -> dict[str, Any]:
    """The band's name and logo: extra.organisation, or the site's own name (no owner claimed)."""
    organisation = config.extra.get("organisation") or {}
    name = str(organisation.get("name") or "").strip()
    return {"name": name or locale_site_name, "is_owner": bool(name),
            "logo": str(organisation.get("logo") or "assets/favicon.svg").lstrip("/")}


class PrintPages:
    """Writes one locale build's print pages into the site."""

    def __init__(self, env: Environment, config: MkDocsConfig, locale: str, strings: StringTable, pdfs: bool,
                 included: IncludedAssets, preview: bool = False) -> None:
        self.env, self.config, self.locale = env, config, locale
        self.strings, self.pdfs, self.included = strings, pdfs, included
        self.preview = preview
        self.ui = strings[locale]
        self.help = help_data(config.extra, config.config_file_path)

    # --- shared ---

    def _page(self, here: str, *, kind: str, title: object, sheet_locale: str | None = None,
              pdf_name: str | None = None) -> dict[str, Any]:
        """The context every print page needs (print-page.html)."""
        assets = cast("dict[str, dict[str, str]]", self.env.globals.get("component_page_assets", {})).get("print-kit", {})
        css = self.included.paths("css") + ([assets["css"]] if "css" in assets else [])
        js = self.included.paths("js") + ([assets["js"]] if "js" in assets else [])
        toolbar = {
            "default": self.locale,
            "strings": {locale: {key: self.strings[locale][key] for key in TOOLBAR_KEYS} for locale in LOCALES},
            "overview": {locale: relative_url(overview_url(locale), here) for locale in LOCALES},
        }
        return {
            "kind": kind,
            "locale": sheet_locale or self.locale,
            "toolbar_locale": self.locale,
            "title": title,
            "root": relative_url("", here),
            "overview": relative_url(overview_url(self.locale), here),
            "pdf_link": relative_url(page_pdf_url(here), here) if self.pdfs else None,
            "pdf_name": pdf_name or page_pdf_url(here).rsplit("/", 1)[-1],
            "css": [relative_url(path, here) for path in css],
            "js": [relative_url(path, here) for path in js],
            "toolbar_json": Markup(json.dumps(toolbar, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")),
            "preview_stamp": preview_stamp(self.strings, self.locale) if self.preview else None,
        }

    def _write(self, here: str, template: str, source: str | None = None, **context: Any) -> Path:
        html = self.env.get_template(f"{TEMPLATES}/{template}").render(config=self.config, **context)
        return write_site_file(self.config.site_dir, f"{here.strip('/')}/index.html", typeset(html), source)

    def _qr(self, path: str) -> dict[str, Any]:
        url = absolute_url(self.config.site_url, path)  # type: ignore[arg-type]  # the print kit needs a site_url
        return {"url": url, "svg": Markup(qr_svg(url, title=url)), "short": break_url_at_slashes(short_url(url))}

    # --- flyers ---

    def flyer(self, page: Page, topic: Topic) -> Path:
        here = flyer_url(self.locale, topic.slug)
        topic_path = topic_url(self.locale, topic.slug)
        file_locale = getattr(page.file, "locale", self.locale) or self.locale
        parts = flyer_parts(page.content, topic, topic_path, here,  # type: ignore[arg-type]  # rendered by now
                            src_path=f"docs/{page.file.src_uri}")
        meta = page.meta or {}
        historical = None
        if flyer_is_historical(meta) and meta.get("published"):
            historical = fill(self.ui["historical_advice"], "historical_advice",
                              {"date": human_date(meta["published"], self.locale)})
        content_date = meta.get("reviewed") or meta.get("published")
        unchecked = file_locale == self.locale and unchecked_sections(
            Path(page.file.src_uri).name, self.locale, self.config.docs_dir)
        flyer = {
            "slug": topic.slug,
            "band": organisation_band(self.config, self.config.site_name),
            "historical": historical,
            # the page's note "not yet checked by a native speaker" (components/provenance-note), one
            # line under the band's name; its link to the Norwegian page is for screens only
            "unchecked": self.ui["provenance_note"] if unchecked else None,
            "title": page.title,
            "is_fallback": file_locale != self.locale,
            "file_locale": file_locale,
            "lead": parts["lead"],  # lead, key messages, sections: sanitized page body (| safe in flyer.html)
            "key_messages": parts["key_messages"],
            "sections": [{"id": s["id"], "html": s["html"]} for s in parts["sections"]],
            "qr": self._qr(topic_path),
            "page_link": relative_url(topic_path, here),
            "contact": contact_strip(self.help.contact, self.ui, self.locale),
            "services": service_rows(self.help, self.ui, self.locale) if topic.slug == HELP_TOPIC else [],
            "content_date": human_date(content_date, self.locale) if content_date else None,
            "content_date_iso": str(content_date) if content_date else None,
            "version": version_code(self.locale, page.title, parts["lead"], parts["key_messages"], parts["sections"]),
        }
        context = self._page(here, kind="flyer", title=page.title, pdf_name=pdf_download_name(self.locale, topic.slug))
        context["full_page"] = flyer["page_link"]
        return self._write(here, "flyer.html", f"docs/{page.file.src_uri}", print_page=context, flyer=flyer)

    # --- pocket cards ---

    def _card(self, locale: str) -> dict[str, Any]:
        strings = self.strings[locale]
        return {
            "locale": locale,
            "title": strings["card_title"],
            "scan": strings["card_scan"],
            "qr": self._qr(topic_url(locale, HELP_TOPIC)),
            "emergency": emergency_numbers(self.help.emergency, strings),
            "contact": contact_strip(self.help.contact, strings, locale, fields=("whatsapp", "phone")),
            "services": card_service_numbers(self.help, strings),
        }

    def pocket_cards(self, every_language: bool = False) -> Path:
        """Ten cards on an A4 sheet: this locale's, or (every_language) all languages in turn."""
        here = cards_url(None if every_language else self.locale)
        locales = mixed_card_locales() if every_language else [self.locale] * 10
        cards = [self._card(locale) for locale in locales]
        sheets = [cards[start:start + 10] for start in range(0, len(cards), 10)]
        title = self.ui["print_cards_all_title"] if every_language else self.ui["print_cards_title"]
        name = "pocket-cards-all-languages.pdf" if every_language else f"{CARDS}-{self.locale}.pdf"
        context = self._page(here, kind="cards", title=title, pdf_name=name)
        return self._write(here, "pocket-cards.html", print_page=context, sheets=sheets)

    # --- language poster ---

    def language_posters(self) -> list[Path]:
        cells: list[dict[str, Any]] = []
        for locale in LOCALES:
            cells.append({"locale": locale, "native": NATIVE_NAMES[locale],
                          "scan": self.strings[locale]["poster_scan"], "qr": self._qr(topic_url(locale, ""))})
        band = organisation_band(self.config, self.config.site_name)
        written: list[Path] = []
        for size in POSTER_SIZES:
            here = poster_url(size)
            context = self._page(here, kind=f"poster poster-{size}", title=f"{self.ui['print_poster_title']} ({size.upper()})",
                                 pdf_name=f"language-poster-{size}.pdf")
            written.append(self._write(here, "language-poster.html", print_page=context, cells=cells, size=size, band=band))
        return written
