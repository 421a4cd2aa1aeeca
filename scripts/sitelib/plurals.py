"""Plural forms from CLDR, through Babel: which forms a language has, and which one
a number takes (ro: 1 pagină, 2 pagini, 20 de pagini; zh and th: one form only).

An interface string with a count holds one text per plural category of its
locale (scripts/sitelib/ui_strings.py COUNTS); Plural keeps them and chooses.
"""
import functools
from dataclasses import dataclass, field

from babel import Locale
from babel.plural import PluralRule

ORDER = ("zero", "one", "two", "few", "many", "other")  # CLDR's order, for messages


@functools.lru_cache(maxsize=None)
def _rule(locale: str) -> PluralRule:
    return Locale.parse(locale).plural_form


def categories(locale: str) -> tuple[str, ...]:
    """The CLDR plural categories of `locale`, in CLDR order: ('one', 'few', 'other') for ro."""
    tags = _rule(locale).tags | {"other"}
    return tuple(name for name in ORDER if name in tags)


def category(locale: str, number: float) -> str:
    """The category `number` takes in `locale`: category('ro', 20) == 'other'."""
    return _rule(locale)(number)


@dataclass(frozen=True)
class Plural:
    """The texts of one interface string in one locale, one per plural category
    (equal to another Plural with the same texts, whatever its locale)."""
    locale: str = field(compare=False)
    forms: dict[str, str]

    def choose(self, number: float) -> str:
        return self.forms[category(self.locale, number)]

    def __str__(self) -> str:
        raise TypeError(f"a text with plural forms ({self.locale}: {', '.join(self.forms)}) is printed "
                        "with ui_fill(key, …) or fill(), which choose the form for the count")


# One interface string in one locale, as loaded: a text, or its plural forms.
Text = str | Plural


def as_data(value: Text) -> str | dict[str, str]:
    """A loaded text as strings.yml writes it: the text, or {category: text}."""
    return dict(value.forms) if isinstance(value, Plural) else value


def texts(value: Text) -> list[str]:
    """Every text of an interface string: its forms, or the text itself."""
    return list(value.forms.values()) if isinstance(value, Plural) else [value]
