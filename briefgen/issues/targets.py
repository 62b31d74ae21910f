"""The name of what the sides of a contested place issue are about: the party's action.

"Backed: Gaza" reads as backing a place; a divergence is about what a named party does there,
so its row is labelled with that action ("CSTO's deployment in Kazakhstan", "Action militaire
d'Israël à Gaza").  The kind of action comes from the words delegations use next to the
party's name (a deployment, otherwise a military action), from a table in
`data/issue_labels.toml`.
"""

from __future__ import annotations

from functools import lru_cache

from .labels import _french_class, in_sentence, place_phrases, short_name
from .text import Unit
from .vocab import compile_terms, labels_table, place_label, place_mentions

_FR_OF = {"bare": "de {n}", "plural": "des {n}", "vowel": "de l’{n}", "feminine": "de la {n}",
          "masculine": "du {n}"}
_FR_OF_BARE_VOWEL = "d’{n}"
REACH = 80  # characters around the party's name in which its action is named


@lru_cache(maxsize=4)
def _kinds(lang: str):
    return tuple((compile_terms(t["words"][lang]) if t["words"][lang] else None, t["label"],
                  t["object"]) for t in labels_table()["target"])


def target_label(party: str, place: str | None, units_by_key: dict[str, list[Unit]],
                 lang: str, note_lang: str, lead: list[Unit] = (),
                 act: dict[str, dict[str, str]] | None = None) -> tuple[str, str]:
    """The action as a row names it ("CSTO's deployment in Kazakhstan") and as a sentence
    does ("the CSTO's deployment in Kazakhstan"), for the side headings.  What the title and
    lead name the party doing comes first: a meeting called on "Moscow's annexation" of four
    regions is about the annexation, though its speakers also speak of the war.  An issue
    that is itself an act (a veto) names it so (`act`: the topic's own templates)."""
    if act:
        label, sentence = act["act"], act["act_object"]
    else:
        kinds = _kinds(lang)
        framed = _counts(party, lead, kinds, lang)
        said = _counts(party, [u for units in units_by_key.values() for u in units], kinds, lang)
        best = max(range(len(kinds)), key=lambda i: (framed[i], said[i], -i)) \
            if any(framed) or any(said) else len(kinds) - 1
        label, sentence = kinds[best][1:]
    name = short_name(party, note_lang)
    phrases = place_phrases(place_label(place, note_lang), note_lang) if place else \
        {"in_place": ""}
    values = {"party": name, "of_party": _of(name, note_lang), "in_place": phrases["in_place"],
              "the_party": in_sentence(name, party, note_lang)}
    return label[note_lang].format(**values).strip(), sentence[note_lang].format(**values).strip()


def _counts(party: str, units: list[Unit], kinds, lang: str) -> list[int]:
    """For each kind of action, how many mentions of the party have its words nearby."""
    counts = [0] * len(kinds)
    for unit in units:
        for m in place_mentions(unit.text, lang):
            if m.key != party:
                continue
            near = unit.folded[max(0, m.start - REACH):m.end + REACH]
            for i, (words, *_) in enumerate(kinds):
                counts[i] += bool(words and words.search(near))
    return counts


def _of(name: str, lang: str) -> str:
    """French "de" + the name's article: "de l’OTSC", "d’Israël", "de la Fédération de Russie"."""
    if lang != "fr":
        return name
    kind = _french_class(name)
    if kind == "bare" and name[:1].casefold() in "aeiouyhéèêîïôâ":
        return _FR_OF_BARE_VOWEL.format(n=name)
    return _FR_OF[kind].format(n=name)
