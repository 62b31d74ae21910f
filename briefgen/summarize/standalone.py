"""Does a sentence stand on its own as a one-line summary or a key point?

A key point or a speaker's single line is read without the sentences around it.  A sentence
that opens by pointing back ("These measures …", "Yet this resolution …", "Echoing that, …",
"Elles se sont retirées …", "It must react", "A ensuite souligné …", "Also called …"), that
names something with a demonstrative it never introduced ("… que cette enquête soit …",
"dans ce domaine"), that has no main verb ("Une relation qui reste sous-exploitée"), that is
only a rhetorical question or exclamation, or that still carries the release's stage
directions ("Also speaking today was …", a speaker introduced in capitals) leaves the reader
asking what it refers to.  One whose words are all procedure ("Said she voted in favour of
the draft resolution", "Explained his delegation's vote") tells the reader nothing.  Such
sentences stay in the full note, in context; they are not chosen to stand alone.  Language
data are tables keyed by language.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..languages import LANGUAGES
from .compress import has_main_verb

# First words that point outside the sentence: pronouns and demonstratives, and discourse
# connectives that answer a sentence the reader did not see.  Possessives of the speaker
# (`His country`, `Son pays`) are fine under the delegation's name and are absent.
POINTING_OPENERS: dict[str, frozenset[str]] = {
    "en": frozenset({"this", "these", "that", "those", "such", "they", "them", "their", "its",
                     "yet", "but", "and", "or", "so", "indeed", "however", "moreover", "thus", "therefore", "hence",
                     "still", "nevertheless", "nonetheless", "besides", "likewise",
                     "similarly", "instead", "otherwise", "accordingly", "consequently",
                     "echoing", "concluding", "conversely", "relatedly"}),
    "fr": frozenset({"ce", "cet", "cette", "ces", "cela", "ceci", "celle", "celui", "ceux",
                     "celles", "elles", "ils", "leur", "leurs", "or", "pourtant",
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
                     "afternoon", "century", "day", "moment", "time", "august", "resolution", "text",
                     "draft"}),
    "fr": frozenset({"conseil", "assemblée", "organisation", "organe", "réunion", "débat",
                     "séance", "session", "année", "semaine", "mois", "matin", "siècle", "jour",
                     "moment", "stade", "résolution", "texte", "projet"}),
}
# The release's stage directions, never a summary of anyone's position.
STAGE: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"^\W*(?:also\s+speaking|speaking\s+(?:in|on|as|before|after|for)|"
                     r"(?:taking|took)\s+the\s+floor)\b", re.IGNORECASE),
    "fr": re.compile(r"^\W*(?:(?:ont|a)\s+(?:également\s+)?pris\s+la\s+parole|prenant\s+la\s+parole|"
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
# An opening that continues the speaker's previous sentence: a sequencing adverb on the verb
# ("Also called for …", "Went on to …", "Il a ensuite souligné …", "A également …"): the
# sentence is a second point, read as if the first had been given.  (`compress` drops the
# adverb after a subject it removes, where the verb then reads the same without it.)
SEQUEL: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"^\W*(?:(?:he|she|it|they|we)\s+)?(?:also|further|then|again|"
                     r"once\s+again|additionally|went\s+on|subsequently)\b", re.IGNORECASE),
    "fr": re.compile(r"^\W*(?:(?:il|elle|ils|elles)\s+)?(?:(?:a|ont|s[’']est|se\s+sont|est|"
                     r"sont)\s+)?(?:ensuite|également|aussi|en\s+outre|par\s+ailleurs|"
                     r"de\s+plus|de\s+nouveau|à\s+nouveau|par\s+la\s+suite|puis|poursuivi)\b",
                     re.IGNORECASE),
}
# Demonstrative determiners: with a noun the sentence has not introduced before, they point
# to something said earlier ("… que cette enquête soit menée", "en ce sens").  English `that`
# is a determiner only after a preposition ("Against that backdrop"); elsewhere it is
# mostly a conjunction or a relative.
DETERMINERS: dict[str, frozenset[str]] = {
    "en": frozenset({"this", "these", "those"}),
    "fr": frozenset({"ce", "cet", "cette", "ces"}),
}
THAT_AFTER: dict[str, frozenset[str]] = {
    "en": frozenset({"against", "in", "on", "at", "of", "for", "to", "with", "from", "by",
                     "under", "about", "into", "towards", "beyond", "despite", "until"}),
    "fr": frozenset(),
}
# Third-person pronouns near the start stand for someone not named yet ("Harm to them …",
# "It must react swiftly"): `it` is only impersonal before a form of `be` ("It is crucial
# that …"), French `il` too often impersonal to count.
PRONOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"they", "them", "their", "theirs"}),
    "fr": frozenset({"eux", "ils", "elles", "leur", "leurs"}),
}
IMPERSONAL: dict[str, tuple[str, frozenset[str]]] = {
    "en": ("it", frozenset({"is", "was", "would", "will", "has", "had", "remains", "seems",
                            "appears", "becomes"})),
    "fr": ("", frozenset()),
}
# Words of procedure: voting, the text voted on, taking the floor, thanking, who speaks in
# what capacity.  A sentence with fewer than MIN_CONTENT other content words says what was
# done, not why ("Explained his delegation's vote against the resolution."); one that gives
# the reason ("voted in favour because it protects civilians") keeps words of its own.
PROCEDURE: dict[str, frozenset[str]] = {
    "en": frozenset([
        "said", "stated", "noted", "explained", "explaining", "explanation", "vote", "voted",
        "votes", "voting", "favour", "favor", "against", "abstain", "abstained", "abstaining",
        "abstention", "draft", "resolution", "resolutions", "text", "texts", "amendment",
        "amendments", "delegation", "delegations", "country", "national", "capacity",
        "statement", "statements", "deliver", "delivered", "delivering", "floor", "took",
        "taking", "spoke", "speaking", "speak", "thanked", "thank", "thanks", "thanking",
        "gratitude", "appreciation", "expressed", "briefing", "briefings", "briefer",
        "briefers", "presidency", "president", "convening", "meeting", "speaker", "speakers",
        "behalf", "aligned", "aligning", "associated", "permanent", "observer",
        "representative", "delegate", "minister", "ambassador", "council", "assembly",
        "general", "security", "united", "nations", "member", "members", "state", "states",
        "document", "announcement", "announced", "position", "today", "adopted", "adoption",
        "special", "envoy", "coordinator", "secretary", "under", "high", "commissioner",
        "rapporteur", "chair", "chairperson", "invitation"]),
    "fr": frozenset([
        "dit", "déclaré", "noté", "expliqué", "expliquant", "explication", "vote", "voté",
        "votes", "voter", "faveur", "contre", "abstenu", "abstention", "abstenue", "projet",
        "résolution", "résolutions", "texte", "textes", "amendement", "amendements",
        "délégation", "délégations", "pays", "national", "nationale", "titre", "déclaration",
        "prononcé", "parole", "pris", "prenant", "remercié", "remerciant", "remerciements",
        "gratitude", "reconnaissance", "exprimé", "exposé", "exposés", "présidence",
        "président", "présidente", "réunion", "séance", "nom", "aligné", "alignée", "associé",
        "associée", "permanent", "permanente", "observateur", "observatrice", "représentant",
        "représentante", "délégué", "déléguée", "ministre", "ambassadeur", "conseil",
        "assemblée", "générale", "sécurité", "nations", "unies", "membre", "membres", "état",
        "états", "document", "annoncé", "position", "aujourd", "hui", "adopté", "adoption",
        "spécial", "spéciale", "envoyé", "envoyée", "coordonnateur", "coordonnatrice",
        "secrétaire", "haut", "haute", "commissaire", "rapporteur", "invitation"]),
}
MIN_CONTENT = 2
_WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*", re.UNICODE)
# Two words in capitals in a row outside quotes: a speaker's name as the release introduces
# it (`M. VALENTIN RYBAKOV (Bélarus) a rappelé`), left in the middle of a sentence.
_CAPITALS = re.compile(r"\b[A-ZÀ-Ý][A-ZÀ-Ý’'-]+\s+[A-ZÀ-Ý][A-ZÀ-Ý’'-]+\b")
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
_ONLY_QUOTE = re.compile(r"^\s*[«“\"]\s*([^«“\"»”]*?)\s*[»”\"]\s*[.…]*\s*$")
_QUESTION_ONLY = re.compile(r"^\s*[«“\"][^«“\"»”]*[?!]\s*[»”\"]\s*[.]?\s*$")


@lru_cache(maxsize=8192)
def stands_alone(text: str, lang: str) -> bool:
    """Can `text` be read with nothing before it?  See the module docstring.  (Cached: a
    sentence is asked about as a candidate, as a summary and as a key point.)"""
    if _QUESTION_ONLY.match(text) or STAGE[lang].match(text) or INTRODUCTION[lang].search(text):
        return False
    if _CAPITALS.search(_QUOTED.sub(" ", text)) or SEQUEL[lang].match(text):
        return False
    found = [w.lower() for w in _WORD.findall(text[:120])]
    if not found:
        return False
    first = found[0].split("’")[0].split("'")[0]
    if first in POINTING_OPENERS[lang] or found[0] in POINTING_OPENERS[lang]:
        return _here_and_now(found, 0, lang)
    for i, word in enumerate(found[:WINDOW]):
        if word in PRONOUNS[lang] and i or _personal_it(found, i, lang) or (
                i and word in DEMONSTRATIVES[lang] and not _here_and_now(found, i, lang)):
            return False
    return _introduces_what_it_shows(text, lang) and _has_verb(text, lang) and \
        says_something(text, lang)


def _personal_it(found: list[str], i: int, lang: str) -> bool:
    """Is the word at `i` an `it` standing for something (`It must react`), not an impersonal
    one (`It is crucial that …`)?"""
    pronoun, verbs = IMPERSONAL[lang]
    return found[i] == pronoun and found[i + 1:i + 2] != [] and found[i + 1] not in verbs


@lru_cache(maxsize=8192)
def says_something(text: str, lang: str) -> bool:
    """Does `text` hold MIN_CONTENT content words besides procedure (see PROCEDURE)?"""
    stops = LANGUAGES[lang].stop_words
    own = [w for w in (w.lower() for w in _WORD.findall(text)) if len(w) > 2
           and w not in stops and w not in PROCEDURE[lang]
           and w.split("’")[-1].split("'")[-1] not in PROCEDURE[lang]]
    return len(own) >= MIN_CONTENT


def _introduces_what_it_shows(text: str, lang: str) -> bool:
    """Is every demonstrative's noun one the sentence named before it, or the meeting's?"""
    found = [w.lower() for w in _WORD.findall(text)]
    stops = LANGUAGES[lang].stop_words
    for i, word in enumerate(found[:-1]):
        determiner = word in DETERMINERS[lang] or (
            word == "that" and i and found[i - 1] in THAT_AFTER[lang])
        nouns = found[i + 1:i + 3]  # the noun, or an adjective and the noun
        if not determiner or nouns[0] in stops or any(n in HERE_AND_NOW[lang] for n in nouns):
            continue
        if not any(_same_stem(noun, earlier) for noun in nouns for earlier in found[:i]):
            return False
    return True


def _same_stem(a: str, b: str) -> bool:
    n = min(len(a), len(b), 5)
    return n >= 3 and a[:n] == b[:n] and abs(len(a) - len(b)) <= 4


def _has_verb(text: str, lang: str) -> bool:
    """A main verb, outside relative clauses; a text that is only a quotation ("« Trente ans
    après la signature … »…") needs one inside it."""
    inner = _ONLY_QUOTE.match(text)
    return has_main_verb(inner.group(1) if inner else text, lang)


def _here_and_now(found: list[str], i: int, lang: str) -> bool:
    """Is the demonstrative at `i` one for the meeting or its time (`this Council`)?"""
    return found[i] in DEMONSTRATIVES[lang] and any(
        w in HERE_AND_NOW[lang] for w in found[i + 1:i + 3])
