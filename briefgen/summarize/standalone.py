"""Does a sentence stand on its own as a one-line summary or a key point?

A key point or a speaker's single line is read without the sentences around it.  A sentence
that opens by pointing back ("These measures …", "Yet this resolution …", "Echoing that, …",
"Elles se sont retirées …"), that is only a rhetorical question or exclamation, or that still
carries the release's stage directions ("Also speaking today was …", a speaker introduced in
capitals) leaves the reader asking what it refers to.  Such sentences stay in the full note,
in context; they are not chosen to stand alone.  Language data are tables keyed by language.
"""

from __future__ import annotations

import re

# First words that point outside the sentence: pronouns and demonstratives, and discourse
# connectives that answer a sentence the reader did not see.  Possessives of the speaker
# (`His country`, `Son pays`) are fine under the delegation's name and are absent.
POINTING_OPENERS: dict[str, frozenset[str]] = {
    "en": frozenset({"this", "these", "that", "those", "such", "they", "them", "their", "its",
                     "yet", "but", "and", "or", "so", "indeed", "however", "moreover", "thus", "therefore", "hence",
                     "still", "nevertheless", "nonetheless", "besides", "likewise",
                     "similarly", "instead", "otherwise", "accordingly", "consequently",
                     "echoing", "concluding", "conversely"}),
    "fr": frozenset({"ce", "cet", "cette", "ces", "cela", "ceci", "celle", "celui", "ceux",
                     "celles", "elle", "elles", "ils", "leur", "leurs", "or", "pourtant",
                     "cependant", "toutefois", "néanmoins", "ainsi", "donc", "aussi",
                     "partant", "dès", "faisant", "mais", "et"}),
}
# Demonstratives that still point back a little further in: "A precondition to this …",
# "Echoing this sentiment …", "Dans ce cadre …" (first WINDOW words).
DEMONSTRATIVES: dict[str, frozenset[str]] = {
    "en": frozenset({"this", "these", "those", "such"}),
    "fr": frozenset({"ce", "cet", "cette", "ces", "cela", "ceci"}),
}
WINDOW = 4
# What a demonstrative may point to without an antecedent: the meeting itself and its time.
HERE_AND_NOW: dict[str, frozenset[str]] = {
    "en": frozenset({"council", "assembly", "organization", "body", "chamber", "hall",
                     "meeting", "debate", "session", "year", "week", "month", "morning",
                     "afternoon", "century", "day", "moment", "time", "august"}),
    "fr": frozenset({"conseil", "assemblée", "organisation", "organe", "réunion", "débat",
                     "séance", "session", "année", "semaine", "mois", "matin", "siècle", "jour",
                     "moment", "stade", "égard"}),
}
# The release's stage directions, never a summary of anyone's position.
STAGE: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"^\W*(?:also\s+speaking|speaking\s+(?:in|on|as|before|after|for)|"
                     r"taking\s+the\s+floor)\b", re.IGNORECASE),
    "fr": re.compile(r"^\W*(?:(?:ont|a)\s+également\s+pris\s+la\s+parole|prenant\s+la\s+parole|"
                     r"intervenant\s+(?:au\s+nom|en\s+sa\s+qualité))\b", re.IGNORECASE),
}
# A speaker's introduction left inside the sentence: "the representative of X, speaking for
# Y, urged …", "the representative of Jordan, presenting resolution …".
INTRODUCTION: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:representative|delegate|minister|observer)\s+(?:of|for|from)\s+"
                     r"[^,]{2,80},\s*(?:speaking|presenting|introducing|explaining)\b",
                     re.IGNORECASE),
    "fr": re.compile(r"\b(?:représentante?|délégué|déléguée|ministre|observateur|observatrice)\s+"
                     r"(?:de|du|des|d[’'])\s*[^,]{2,80},\s*(?:intervenant|présentant|"
                     r"s[’']exprimant|expliquant)\b", re.IGNORECASE),
}
_WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*", re.UNICODE)
# Two words in capitals in a row outside quotes: a speaker's name as the release introduces
# it (`M. VALENTIN RYBAKOV (Bélarus) a rappelé`), left in the middle of a sentence.
_CAPITALS = re.compile(r"\b[A-ZÀ-Ý][A-ZÀ-Ý’'-]+\s+[A-ZÀ-Ý][A-ZÀ-Ý’'-]+\b")
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
_QUESTION_ONLY = re.compile(r"^\s*[«“\"][^«“\"»”]*[?!]\s*[»”\"]\s*[.]?\s*$")


def stands_alone(text: str, lang: str) -> bool:
    """Can `text` be read with nothing before it?  See the module docstring."""
    if _QUESTION_ONLY.match(text) or STAGE[lang].match(text) or INTRODUCTION[lang].search(text):
        return False
    if _CAPITALS.search(_QUOTED.sub(" ", text)):
        return False
    found = [w.lower() for w in _WORD.findall(text[:120])]
    if not found:
        return False
    first = found[0].split("’")[0].split("'")[0]
    if first in POINTING_OPENERS[lang] or found[0] in POINTING_OPENERS[lang]:
        return _here_and_now(found, 0, lang)
    for i, word in enumerate(found[1:WINDOW], 1):
        if word in DEMONSTRATIVES[lang] and not _here_and_now(found, i, lang):
            return False
    return True


def _here_and_now(found: list[str], i: int, lang: str) -> bool:
    """Is the demonstrative at `i` one for the meeting or its time (`this Council`)?"""
    return found[i] in DEMONSTRATIVES[lang] and any(
        w in HERE_AND_NOW[lang] for w in found[i + 1:i + 3])
