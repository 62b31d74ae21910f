"""Issue labels in the note's language: place phrases, organization short names.

French needs the right preposition and article before a place ("au Kazakhstan", "en
Ukraine", "à Gaza", "aux États-Unis"); the rule (gender from the final -e, elision before a
vowel) with a small table of exceptions covers the names Babel gives.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen.delegations import display_name
from briefgen.languages import LANGUAGES
from briefgen.tables import load_table

from .text import fold
from .vocab import LOCAL, labels_table, place_label

_VOWEL = re.compile(r"^[aeiouyh]", re.IGNORECASE)


def _french_class(name: str) -> str:
    table = labels_table()["fr"]
    if name in table["no_article"]:
        return "bare"
    if name in table["plural"]:
        return "plural"
    if _VOWEL.match(fold(name)):
        return "vowel"
    if fold(name).endswith("e") and name not in table["masculine_e"]:
        return "feminine"
    return "masculine"


_FR_IN = {"bare": "à {n}", "plural": "aux {n}", "vowel": "en {n}", "feminine": "en {n}",
          "masculine": "au {n}"}
_FR_ON = {"bare": "sur {n}", "plural": "sur les {n}", "vowel": "sur l’{n}",
          "feminine": "sur la {n}", "masculine": "sur le {n}"}


def place_phrases(name: str, lang: str) -> dict[str, str]:
    """{place}, {in_place}, {on_place} for a label template."""
    if lang == "fr":
        kind = _french_class(name)
        return {"place": name, "in_place": _FR_IN[kind].format(n=name),
                "on_place": _FR_ON[kind].format(n=name)}
    return {"place": name, "in_place": f"in {name}", "on_place": f"on {name}"}


_FR_THE = {"bare": "{n}", "plural": "les {n}", "vowel": "l’{n}", "feminine": "la {n}",
           "masculine": "le {n}"}


@lru_cache(maxsize=1)
def _english_article() -> tuple[re.Pattern, frozenset[str]]:
    table = labels_table()["en"]
    return re.compile(table["article"]), frozenset(table["article_not"])


def in_sentence(name: str, key: str | None, lang: str) -> str:
    """A delegation's name as running text writes it: "the Russian Federation", "Israel",
    "la Chine", "l’Arménie", "les États-Unis" — a sentence of the note that lists names
    ("… were among its critics") reads wrong without the article the name takes.  A
    possessive keeps it too ("the Russian Federation's military action")."""
    if lang == "fr":
        return _FR_THE[_french_class(name)].format(n=name)
    pattern, bare = _english_article()
    head = name.split("'s ")[0]
    collective = bool(key) and key.startswith(("org:", "group:")) and not name.isupper()
    if head in bare or name.startswith(("the ", "The ")):
        return name
    return f"the {name}" if collective or pattern.match(head) else name


def fill(template: str, place_key: str, lang: str) -> str:
    return template.format(**place_phrases(place_label(place_key, lang), lang))


@lru_cache(maxsize=1)
def _organization_abbreviations() -> dict[str, frozenset[str]]:
    return {org["key"]: frozenset(org.get("abbreviations", ()))
            for org in load_table("organizations.toml").get("organization", ())}


def short_name(key: str, lang: str) -> str:
    """"UN" / "ONU", "CSTO" / "OTSC": the acronym of the localized name when it is a known one.

    The acronym is built from the initials of the name's content words, which is how both
    languages form them ("Organisation du Traité de sécurité collective" -> OTSC), and kept
    only if the organization table lists it; otherwise the full name.
    """
    local = [n for n, k in LOCAL.get() if k == key]
    if local:  # the release's own name for it: its acronym when it defines one
        return min(local, key=len)
    name = display_name(key, lang)
    stop = LANGUAGES[lang].stop_words if lang in LANGUAGES else frozenset()
    words = [w for w in re.split(r"[\s'’]+", name) if w and fold(w) not in stop]
    acronym = "".join(w[0].upper() for w in words)
    return acronym if acronym in _organization_abbreviations().get(key, ()) else name


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "issue"
