"""One formality and one variety per locale: how the site addresses the reader, and
the words it uses, in pages and interface strings alike. Where a simple rule can
tell, a word of the other formality or variety is an error.

- pt is Brazilian Portuguese with "você": no "tu"/"teu" forms, no European words
  such as "telemóvel", "descarregar" or "carrega em" (press).
- bg addresses the reader with the formal "вие": no "ти"/"твой", no second-person
  singular verbs (можеш, четеш, имаш); "да запази" (it may save) is third person.
- fr uses "vous", ru "вы": no "tu"/"ton", no "ты"/"твой". fr calls the flyers
  "fiches" (a one-page information sheet, as health services say), never "tracts"
  (a political leaflet), "flyers", "prospectus" or "dépliants".
- es is Latin American Spanish with "tú": no "usted"; no "vosotros" and its forms
  (vuestro, os, podéis), and no words of Spain where the Americas say another
  (ordenador -> computadora, el móvil -> el celular or el teléfono, coche -> carro
  or auto, coger, pinchar -> hacer clic or tocar, pulsar -> presionar or tocar).
  "ustedes" is allowed: it is the plural "you" of the Americas. Why Latin American: the pages were written that
  way (computadora, volantes, Chrome's es-419 labels), it is the Spanish most
  speakers use, and readers from Spain understand it without effort, while
  vosotros forms read as foreign in the Americas.
- ro uses "tu": no "dumneavoastră". zh uses 你: no 您.

Quoted words («…», “…”, „…“, "…") are left out: the tips quote the phrases staff
should avoid, and a quote keeps its own formality.

(Linguists call formality "register"; in this code "register" means only what
inline_blocks.py does: record an inline block for the CSP.)
"""
import re

# locale -> [(pattern of the words that break the rule, the rule)]
RULES = {
    "pt": [(r"\b(?:tu|teu|tua|teus|tuas|contigo|podes|tens|estás|queres|sabes|tiveres|estiveres|abriste|guardaste|"
            r"carrega (?:em|no|na)|descarrega|descarregar|telemóvel|telemóveis|ecrã|utilizador\w*|a (?:guardar|carregar|descarregar))\b",
            "pt is Brazilian Portuguese with «você»")],
    "bg": [(r"\b(?:ти|теб|тебе|твой|твоя|твоят|твое|твоето|твои|твоите|можеш|имаш|четеш|искаш|трябва ли ти|"
            r"(?<!да )запази|опитай|натисни|напусни|слушай|спри)\b",
            "bg addresses the reader with the formal «вие»")],
    "fr": [(r"\b(?:tu|toi|ton|tes|t’|t')(?=\W)", "fr addresses the reader with «vous»"),
           (r"\b(?:tracts?|flyers?|prospectus|dépliants?)\b", "fr calls the flyers «fiches»")],
    "ru": [(r"\b(?:ты|тебя|тебе|тобой|твой|твоя|твоё|твое|твои|твоего|твоей|твоих|твоим)\b",
            "ru addresses the reader with «вы»")],
    "es": [(r"\busted\b", "es addresses the reader with «tú»"),
           (r"\b(?:vosotros|vosotras|vuestr[oa]s?|os|\w+(?:áis|éis))\b",
            "es is Latin American Spanish: «ustedes», never «vosotros»"),
           (r"\b(?:ordenador(?:es)?|(?:el|tu|un|su|del|al) móvil|coches?|cog(?:er|e|es|ió)|pinch(?:ar|a|as|es)|"
            r"puls(?:ar|a|as|e|es|aste|arlo|ando))\b",
            "es is Latin American Spanish: computadora, celular or teléfono, carro or auto, tocar or presionar")],
    "ro": [(r"\b(?:dumneavoastră|dvs)\b", "ro addresses the reader with «tu»")],
    "zh": [(r"您", "zh addresses the reader with 你")],
}
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"]*\"")


def broken_rules(locale: str, text: str) -> list[tuple[str, str]]:
    """[(word, rule)] for each word of `text` that breaks a rule of `locale` ([] when fine)."""
    text = QUOTED.sub(" ", text)
    return [(word, rule) for pattern, rule in RULES.get(locale, ())
            for word in re.findall(pattern, text, flags=re.I)]

