"""Verbs of saying and the subjects they take: what makes a sentence report speech.

The reporting verbs come from the language tables (`briefgen.languages`); these patterns
put them together with what may stand around them (adverbs, a split French auxiliary, an
inversion after a quotation, when and to whom) and with the subjects that mean the current
speaker ("He", "La représentante", "Selon lui") or several delegations at once.  Shared by
`speakers` (who opens a turn) and `takeovers` (who takes a paragraph over).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..languages import LANGUAGES, normalize_apostrophes
from .patterns import _BODY_SUBJECT, _FILLERS, _PLURAL_PRONOUNS

# What follows a delegate phrase that is the subject: its verb, possibly after an apposition
# ("the representative of Cuba demanded", "Mauritania's representative, speaking for …,").
_VERB_AFTER = {
    "en": r"\s*(?:,|(?:(?:also|today|then|further|again|too|meanwhile|\w+ly)\s+){{0,2}}"
          r"(?:\w+ed\b|{reporting}|said|told|spoke|took|held|went|made|drew|gave|saw|put|"
          r"sought|felt|struck|began|led|brought|is|was|has|had|will|would))",
    "fr": r"\s*(?:,[^.]*?,\s*)?(?:a|ont|s'est|avait|est|,|a-t-)\b",
}
# Inversions: "…, stated the representative of X", "…, a appuyé la Norvège".  The verbs of
# the table, and any past tense right after the quote or clause ("…,” echoed X", "…,
# concurred his counterpart from X"): the construction is the evidence, not the verb.
_INVERTED_EXTRA = {"en": r"Also speaking(?: today)? was|[a-z]{3,}ed",
                   "fr": r"a-t-il \w+|a-t-elle \w+|a\s+[a-zéè]{3,}[éi]"}
# French may put when and to whom between an inverted verb and the speaker ("…, a déclaré
# aujourd’hui au Conseil de sécurité M. X, Secrétaire général adjoint …"); English puts them
# after the speaker ("…, X, Under-Secretary-General …, told the Council today").
_WHEN_WHERE_TOLD = {
    "en": r"(?!)",
    "fr": r"(?:(?:aujourd[’']hui|ce\s+matin|hier)\s+)?(?:au|aux|à\s+la|à\s+l[’']|devant\s+"
          r"(?:le|la|l[’']|les))\s*[^,.;«»“”]{2,60}?",
}
# A text "introduced by the representative of X" is X's turn from that sentence on.
# A speaker who takes up the previous one's point, named as the agent of a passive or after
# "so did", then speaking in a relative clause: "She was echoed by the representative of Peru,
# who said …", "So did the delegate of Chile, who …", "Un avis partagé par le représentant de
# l’Autriche, qui a proposé …".
_ECHOED_BY = {
    "en": r"(?:\b(?:echoed|joined|shared|seconded|supported|endorsed|backed|relayed|taken\s+up)"
          r"\s+by|(?:^|,)\s*(?:[Ss]o|[Aa]s|[Nn]or|[Nn]either)\s+(?:did|was|were|had|has|does))\s*$",
    "fr": r"(?:\b(?:rejointe?s?|relayée?s?|partagée?s?|appuyée?s?|soutenue?s?|reprise?s?)\s+par"
          r"|(?:^|,)\s*(?:[Tt]out\s+comme|[Dd]e\s+même\s+(?:pour|que))|\bdu\s+côté\s+de)\s*$",
}
_ECHOED_WHO = {"en": r"\s*,(?:[^,.;]{1,80},)?\s*(?:who|which)\s",
               "fr": r"\s*,(?:[^,.;]{1,80},)?\s*(?:qui|dont)\s"}
# The release handing the floor to whoever answers: "Ce à quoi le délégué danois a répondu",
# "To which the representative of X replied".
_ANSWERING = {"en": r"^\s*(?:To which|In reply to (?:that|this),?)\s*$",
              "fr": r"^\s*(?:Ce à quoi|À quoi)\s*$"}
_INTRODUCED_BY = {"en": r"\b(?:introduced|presented|tabled|submitted)\s+by\s*$",
                  "fr": r"\b(?:présentée?s?|introduite?s?|soumise?s?)\s+par\s*$"}


@lru_cache(maxsize=None)
def _reporting_re(lang: str) -> re.Pattern:
    verbs = sorted(LANGUAGES[lang].reporting_verbs, key=len, reverse=True)
    alt = "|".join(re.escape(normalize_apostrophes(v)) for v in verbs)
    return re.compile(rf"(?:{alt})\b")


def _any_case_initial(phrase: str) -> str:
    """Pattern for a table phrase whether it opens the sentence or follows a clause."""
    return f"[{phrase[0].upper()}{phrase[0].lower()}]{re.escape(phrase[1:])}"


@lru_cache(maxsize=None)
def _subject_res(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    data = LANGUAGES[lang]
    reporting = _reporting_re(lang).pattern
    collective = "|".join(_any_case_initial(normalize_apostrophes(c)) for c in
                          sorted(data.collective_subjects, key=len, reverse=True))
    verb_after = _VERB_AFTER[lang].format(reporting=reporting)
    inverted = (rf"(?:^|[,»”\"]\s*)(?:{reporting}|{_INVERTED_EXTRA[lang]})"
                rf"(?:\s+(?:{_FILLERS[lang]}))*(?:\s+{_WHEN_WHERE_TOLD[lang]})?\s*$")
    subject = (rf"^(?:[^,.]{{0,160}},\s+)?(?:{collective}|{_BODY_SUBJECT[lang]}|"
               rf"{_PLURAL_PRONOUNS[lang]})\b(?!['’])")
    return re.compile(verb_after), re.compile(inverted), re.compile(subject)


# The current speaker's own voice besides "He said" / "Il a dit".
_OWN_VOICE_EXTRA = {
    "en": r"[Aa]ccording to (?:him|her)\b|[Ii]n (?:his|her) (?:view|opinion)\b|"
          r"[Ff]or (?:him|her),",
    "fr": r"[Ss]elon (?:lui|elle)\b|[Pp]our (?:lui|elle),|[Dd]'après (?:lui|elle)\b|"
          r"[Àà] (?:ses|son) (?:yeux|avis|sens)\b|[Àà] l'en croire\b|a-t-(?:il|elle)\b",
}

@lru_cache(maxsize=None)
def _speech_verb(lang: str, acts: tuple[str, ...] = ()) -> str:
    """A verb of saying from the table, adverbs allowed in front; in French the auxiliary may
    be split from its participle ("a, lui, rappelé", "a également souligné", "ont dit").
    `acts`: French participles of acting on a text to take as well ("abstenu", "voté")."""
    verbs = [normalize_apostrophes(v) for v in LANGUAGES[lang].reporting_verbs]
    table = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    if lang != "fr":
        return rf"(?:(?:{_FILLERS[lang]}|meanwhile|however)\s+){{0,2}}(?:{table})\b"
    participles = sorted({v.split(" ", 1)[1] for v in verbs if v.startswith(("a ", "s'est "))}
                         | set(acts), key=len, reverse=True)
    alt = "|".join(re.escape(p) for p in participles)
    clitic = r"(?:(?:les|la|le|lui|leur|y|en)\s+|l')?"  # "les a jugées", "l'a rappelé"
    return (rf"{clitic}(?:{table}|(?:a|ont|s'est|se sont)(?:\s*,[^.;,]{{1,40}},|"
            rf"\s+(?:{_FILLERS[lang]}))*\s+(?:{alt})e?s?)\b")


@lru_cache(maxsize=None)
def _singular_subjects(lang: str) -> str:
    """The current speaker as a subject ("He", "La représentante"), as an alternation; the
    plural pronouns are several delegations, not one."""
    singular = [normalize_apostrophes(s) for s in LANGUAGES[lang].follow_on_subjects
                if not re.fullmatch(_PLURAL_PRONOUNS[lang], s)]
    return "|".join(_any_case_initial(s) for s in sorted(singular, key=len, reverse=True))


@lru_cache(maxsize=None)
def _own_voice_re(lang: str) -> re.Pattern:
    """The current speaker's own voice as a subject ("he said", "the representative added",
    "according to her"), the evidence that a delegation named in the same sentence is what
    the speaker reports, not who speaks."""
    verb = _speech_verb(lang)
    return re.compile(rf"(?<![\w'])(?:{_singular_subjects(lang)})\s+{verb}"
                      rf"|{_OWN_VOICE_EXTRA[lang]}")
