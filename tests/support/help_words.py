"""Words the help-page tests look for, in each language (issue 25)."""

# The first word of the answer in "No papers? You can still see a doctor": it answers
# before it explains.
ANSWER = {"nb": "Ja.", "en": "Yes.", "es": "Sí.", "pt": "Sim.", "ro": "Da.", "bg": "Да.", "th": "ได้",
          "ru": "Да.", "sq": "Po.", "fr": "Oui.", "zh": "可以。"}
# "free" as each language says it (a regular expression): never said of legevakt.
FREE = {"nb": r"gratis", "en": r"\bfree\b", "es": r"gratis|gratuit", "pt": r"gratuit|grátis|de graça", "ro": r"gratuit",
        "bg": r"безплат", "th": r"ฟรี|ไม่มีค่าใช้จ่าย", "ru": r"бесплат", "sq": r"falas", "fr": r"gratuit", "zh": r"免费"}
POLICE = {"nb": "politi", "en": "police", "es": "policía", "pt": "polícia", "ro": "poliți", "bg": "полиция",
          "th": "ตำรวจ", "ru": "полици", "sq": "polic", "fr": "police", "zh": "警察"}
INTERPRETER = {"nb": "tolk", "en": "interpreter", "es": "intérprete", "pt": "intérprete", "ro": "interpret",
               "bg": "преводач", "th": "ล่าม", "ru": "переводчик", "sq": "përkthyes", "fr": "interprète", "zh": "口译员"}
