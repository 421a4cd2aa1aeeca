"""One register per locale: how the site addresses the reader, in pages and
interface strings alike. Where a simple rule can tell, a word of the other
register is an error.

- pt is Brazilian Portuguese with "você": no "tu"/"teu" forms, no European words
  such as "telemóvel", "descarregar" or "carrega em" (press).
- bg addresses the reader with the formal "вие": no "ти"/"твой", no second-person
  singular verbs (можеш, четеш, имаш).
- fr uses "vous", ru "вы": no "tu"/"ton", no "ты"/"твой".
- es uses "tú": no "usted". ro uses "tu": no "dumneavoastră". zh uses 你: no 您.

Quoted words («…», “…”, „…“, "…") are left out: the tips quote the phrases staff
should avoid, and a quote keeps its own register.
"""
import re

RULES = {
    "pt": (r"\b(?:tu|teu|tua|teus|tuas|contigo|podes|tens|estás|queres|sabes|tiveres|estiveres|abriste|guardaste|"
           r"carrega (?:em|no|na)|descarrega|descarregar|telemóvel|telemóveis|ecrã|utilizador\w*|a (?:guardar|carregar|descarregar))\b",
           "pt is Brazilian Portuguese with «você»"),
    "bg": (r"\b(?:ти|теб|тебе|твой|твоя|твоят|твое|твоето|твои|твоите|можеш|имаш|четеш|искаш|трябва ли ти|"
           r"запази|опитай|натисни|напусни|слушай|спри)\b",
           "bg addresses the reader with the formal «вие»"),
    "fr": (r"\b(?:tu|toi|ton|tes|t’|t')(?=\W)", "fr addresses the reader with «vous»"),
    "ru": (r"\b(?:ты|тебя|тебе|тобой|твой|твоя|твоё|твое|твои|твоего|твоей|твоих|твоим)\b",
           "ru addresses the reader with «вы»"),
    "es": (r"\b(?:usted|ustedes)\b", "es addresses the reader with «tú»"),
    "ro": (r"\b(?:dumneavoastră|dvs)\b", "ro addresses the reader with «tu»"),
    "zh": (r"您", "zh addresses the reader with 你"),
}
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"]*\"")


def wrong_register(locale, text):
    """The words of `text` in the wrong register for `locale` ([] when fine)."""
    rule = RULES.get(locale)
    if not rule:
        return []
    return re.findall(rule[0], QUOTED.sub(" ", text), flags=re.I)


def why(locale):
    return RULES[locale][1]
