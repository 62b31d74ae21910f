"""Tighten a selected sentence into a position, by deletion only.

A press release reports speech: `He said that X, adding that Y`, `Par ailleurs, X, a-t-il
ajouté`.  Under a delegation's name in a briefing note only X is needed.  Every operation here
*removes* a span of the sentence (a leading connective, a reporting frame whose subject is the
speaker, an attribution tail, an aside in parentheses), so the result is always a subsequence of
the original's words; the only other edits are capitalizing the first letter after a cut and
closing the sentence with a full stop.  Quotations are never cut into, and a frame or tail is
only removed when its subject is the speaker (a pronoun, a generic "the representative", or
words of the statement's own speaker, role or delegation): `« X », a rappelé M. Guterres` inside
another delegation's statement keeps its attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..languages import LANGUAGES
from ..model import Statement

# Words that may make up a reporting subject besides the speaker's own names and the
# language table's follow-on subjects and delegate nouns: determiners and titles.
_SUBJECT_GLUE: dict[str, str] = {
    "en": "he she it they his her its their the of for from mr ms mrs dr s",
    "fr": "il elle ils elles le la l les de du des d sa son ses m mme mm",
}

# Assertive reporting verbs whose "that"-clause is the speaker's own proposition.  Verbs that
# change the proposition's truth (hoped, denied, doubted, feared, regretted...) are absent on
# purpose: dropping them would turn a wish or a denial into a claim.
FRAME_VERBS: dict[str, tuple[str, ...]] = {
    "en": ("said", "stated", "noted", "added", "stressed", "emphasized", "emphasised",
           "underscored", "underlined", "pointed out", "observed", "explained", "recalled",
           "affirmed", "reaffirmed", "reiterated", "declared", "asserted", "argued",
           "maintained", "highlighted", "indicated", "insisted", "observed", "remarked",
           "contended", "believed", "considered", "warned", "cautioned", "acknowledged",
           "recognized", "recognised", "concluded", "continued"),
    "fr": ("dit", "indiqué", "affirmé", "souligné", "rappelé", "précisé", "expliqué", "estimé",
           "noté", "ajouté", "déclaré", "assuré", "relevé", "observé", "fait valoir",
           "fait observer", "fait remarquer", "constaté", "réaffirmé", "réitéré", "martelé",
           "soutenu", "considéré", "jugé", "averti", "insisté sur le fait", "signalé",
           "répété", "concédé", "reconnu", "conclu", "poursuivi", "mis en garde"),
}

# Adverbs that may sit between the auxiliary and the verb: "He also said that", "Il a en
# outre souligné que".
FRAME_ADVERBS: dict[str, tuple[str, ...]] = {
    "en": ("also", "further", "then", "again", "however", "nevertheless", "moreover",
           "furthermore", "finally", "later"),
    "fr": ("également", "aussi", "encore", "ensuite", "enfin", "d’abord", "d'abord", "par ailleurs",
           "en outre", "toutefois", "néanmoins", "cependant", "de plus", "donc", "ainsi",
           "notamment", "pour sa part", "de son côté", "par la suite"),
}

# How a "that"-clause is introduced after the verb, and the auxiliaries before it.
FRAME_GLUE: dict[str, tuple[str, str]] = {
    "en": (r"(?:has\s+|had\s+)?", r"\s+(?:that\s+)"),
    "fr": (r"(?:a|ont|avait|avaient)\s+", r"\s+(?:que\s+|qu[’'])"),
}
# "He said the Council must act": "said" alone may introduce a bare clause in English.
BARE_FRAME_VERBS: dict[str, tuple[str, ...]] = {"en": ("said",), "fr": ()}

# A subject naming the speaker may be dropped before any verb, not only a reporting frame:
# under the delegation's name, `NAME (Country) condemned the attack` reads `Condemned the
# attack`.  What may follow the subject: French, an auxiliary (`a soutenu`, `s’est dit`);
# English, a past tense (any `-ed` word or one of these irregular ones), maybe after adverbs.
SUBJECT_VERB: dict[str, str] = {
    "en": (r"(?:(?:also|further|then|again|once again|however|\w+ly)\s+)*"
           r"(?:[a-z]+ed|said|spoke|took|gave|made|drew|brought|held|felt|saw|sought|told|"
           r"thought|went|put|set|laid|led|began|stood|struck|kept|meant|found|read|"
           r"understood|wrote|forgot|chose|rose|became)\b"),
    "fr": r"(?:a|ont|avait|avaient|est|sont|s[’']est|se\s+sont|s[’']était)\s",
}

# `Pour M. X (Ghana), il …`, `According to the representative, …`: a speaker named before a
# comma as the holder of the view; dropped with its comma.  Pronoun forms need no name: in a
# statement, `selon lui` / `in his view` can only be the speaker.
OPINION_PREFIXES: dict[str, tuple[str, ...]] = {
    "en": ("according to", "for", "in the view of", "in the opinion of"),
    "fr": ("pour", "selon", "d’après", "d'après", "aux yeux de", "de l’avis de", "de l'avis de"),
}
OPINION_PHRASES: dict[str, tuple[str, ...]] = {
    "en": ("in his view", "in her view", "in his opinion", "in her opinion",
           "according to him", "according to her"),
    "fr": ("selon lui", "selon elle", "à ses yeux", "à son avis", "pour lui", "pour elle",
           "d’après lui", "d’après elle", "d'après lui", "d'après elle"),
}

# After an attribution inserted mid-sentence, these words start a clause that belongs to the
# attribution ("…, a-t-il affirmé, avant de …", "…, said Mr. X, who …"), so the sentence is
# cut there rather than stitched together.  A participle clause (`, adding that …`, `, en se
# réjouissant que …`, see PARTICIPLE) belongs to the attribution too, but it carries the
# speaker's content ("recognizing the right of … to Statehood"): the sentence stays whole,
# since cutting loses that content and stitching hangs the participle on the wrong subject.
CONTINUATIONS: dict[str, tuple[str, ...]] = {
    "en": ("before", "after", "while", "as", "when", "who", "which", "in", "to"),
    "fr": ("avant", "après", "en", "tout", "pour", "afin", "qui", "dont", "tandis", "alors",
           "lorsque", "puisque"),
}
# Clitics between `en` and the participle of a French gerund: `en se réjouissant`.
CLITICS: dict[str, frozenset[str]] = {
    "en": frozenset(),
    "fr": frozenset({"se", "s", "me", "m", "nous", "vous", "y", "le", "la", "les", "l", "lui",
                     "leur", "en", "ne", "n"}),
}
# Words that may open a participle clause before the participle: `, while noting`, `, tout
# en rappelant`.
PARTICIPLE_OPENERS: dict[str, frozenset[str]] = {
    "en": frozenset({"while", "also", "thereby", "by", "before", "after", "further"}),
    "fr": frozenset({"en", "tout", "également", "aussi", "notamment"}),
}
# A verb coordinated with the reported clause: `said the plan works and (also) called for …`,
# `et a (également) appelé …`; the word after the verb counts when the verb is an adverb.
COORDINATED_VERB: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:and|but)\s+(?P<verb>\w+)(?:\s+(?P<then>\w+))?"),
    "fr": re.compile(r"\b(?:et|mais)\s+(?:a|ont)\s+(?P<verb>\w+)(?:\s+(?P<then>\w+))?"),
}
ADVERB: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\w{3,}ly$"),
    "fr": re.compile(r"\w{3,}ment$"),
}
PARTICIPLE: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\w{3,}ing$"),
    "fr": re.compile(r"\w{3,}ant$"),
}

# A frame over two coordinated clauses ("said that X and that Y") cannot be dropped: the
# second "that" would be left hanging.
SECOND_CLAUSE: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:and|but|or)\s+that\b"),
    "fr": re.compile(r"\b(?:et|mais|ou)\s+qu(?:e\b|[’'])"),
}

# Inverted attribution: "a-t-il ajouté", "s’est-elle félicitée", "ajoute-t-il".
INVERSION = re.compile(r"(?:\w+-t-|\w+-|s[’']\w+-(?:t-)?)(?:il|elle|ils|elles)\b", re.UNICODE)

QUOTE_PAIRS = (("«", "»"), ("“", "”"), ('"', '"'))
WORD = re.compile(r"\w+", re.UNICODE)
SENTENCE_END = ".!?…"
CLOSERS = "»”\"’)"
NUMBER = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
SYMBOL = re.compile(r"\b[A-Z]{1,5}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+|"
                    r"\b[Rr][ée]solutions?\s+\d+\s*\((?:\d{4}|[IVXLC]+)\)", re.UNICODE)
SCALE = r"(?:\s+(?:millions?|billions?|milliards?|thousands?|trillions?))?"
PERCENT = r"(?:\s*(?:%|per\s+cent|percent|pour\s+cent))?"
FIGURE = re.compile(r"(?:(?:US\$|\$|€|£)\s?)?(?:" + NUMBER + r")" + SCALE + PERCENT +
                    r"(?:\s+(?:de\s+|d[’']|of\s+)?(?:dollars|euros|USD|EUR)\b|"
                    r"\s+(?!(?:de|d|of|et|and|en|in|à|to|on|par|by|au|aux|des|du|the|a|an)\b)"
                    r"[^\W\d_]{3,})?", re.UNICODE)
YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True, slots=True)
class _Cut:
    start: int
    end: int
    replacement: str = ""


class SpeakerWords(frozenset):
    """Lower-cased words naming a statement's speaker (name, role, delegation), a frozenset.

    `names` are those of the name and delegation only: role words (`Council`, `Secrétaire
    général`) may complete a subject but never identify one alone, since `The Council
    condemned …` in the Council President's statement is not the speaker talking.  A plain
    frozenset passed to `compress` counts as names throughout.
    """

    names: frozenset[str]

    def __new__(cls, words, names=None):
        self = super().__new__(cls, words)
        self.names = frozenset(self if names is None else names)
        return self


def speaker_words(statement: Statement) -> SpeakerWords:
    """The words naming the statement's speaker: name, role, delegation."""
    def lowered(*names: str | None) -> set[str]:
        return {w.lower() for name in names if name for w in WORD.findall(name)}

    names = lowered(statement.speaker, statement.speaker_display, statement.delegation,
                    statement.on_behalf_of)
    return SpeakerWords(names | lowered(statement.role), names)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the quotations in `text` (an unclosed quote runs to the end)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while (match := _QUOTE_OPENING.search(text, pos)):
        closing = _CLOSING_OF[match.group()]
        end = text.find(closing, match.end())
        end = len(text) if end < 0 else end + 1
        spans.append((match.start(), end))
        pos = end
    return spans


_CLOSING_OF = dict(QUOTE_PAIRS)
_QUOTE_OPENING = re.compile("|".join(re.escape(o) for o, _ in QUOTE_PAIRS))


def find_figures(text: str, lang: str) -> tuple[str, ...]:
    """Quotations, document symbols and numbers with their unit, verbatim, once each.

    A figure is a number with what it counts (`3 800 personnels`, `$12 million`, `42 per
    cent`): a bare number (`Article 2, paragraph 4`, the `1` of `C5+1`), a year, a date or a
    number followed by a function word (`2010 avant`, `5 ont`) tells a reader nothing alone.
    Inside a symbol such as `resolution 2712 (2023)` a year is kept as part of the symbol.
    """
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for start, end in quote_spans(text):
        found.append((start, text[start:end].strip()))
        taken.append((start, end))
    for match in SYMBOL.finditer(text):
        if not _inside(match.start(), taken):
            found.append((match.start(), match.group()))
            taken.append(match.span())
    for match in FIGURE.finditer(text):
        before = text[match.start() - 1:match.start()]
        if _inside(match.start(), taken) or (before and (before.isalnum() or before in "/+-–")):
            continue
        figure = _with_unit(match.group().strip(), lang)
        if figure:
            found.append((match.start(), figure))
    return tuple(dict.fromkeys(f for _, f in sorted(found)))


_COUNTED = re.compile(r"[$€£%]|\b(?:millions?|billions?|milliards?|thousands?|trillions?|"
                      r"per\s+cent|percent|pour\s+cent|dollars|euros|USD|EUR)\b")


def _with_unit(figure: str, lang: str) -> str | None:
    """The figure with a unit that counts something, or None (see `find_figures`)."""
    *number, last = figure.split()
    unit = last if number and last.isalpha() else ""
    if unit and (unit.lower() in LANGUAGES[lang].stop_words or unit.lower() in _months(lang)):
        figure, unit = figure[:figure.rindex(last)].rstrip(), ""
    return figure if unit or _COUNTED.search(figure) else None


@cache
def _months(lang: str) -> frozenset[str]:
    from babel.dates import get_month_names

    return frozenset(name.lower() for width in ("wide", "abbreviated")
                     for name in get_month_names(width, locale=lang).values())


@lru_cache(maxsize=8192)
def compress(sentence: str, lang: str, speaker: frozenset[str] = frozenset()) -> str:
    """The sentence without what a briefing does not need; words never changed or added.
    (Cached: summaries, key points and issue positions compress the same sentences.)"""
    quotes = quote_spans(sentence)
    allowed = _subject_words(lang) | speaker
    identifying = _identifying_words(lang) | getattr(speaker, "names", speaker)
    cuts: list[_Cut] = []
    head = _leading_cut(sentence, lang, allowed, identifying, quotes)
    if head:
        cuts.append(head)
    attributions = _attribution_cuts(sentence, lang, allowed, identifying, quotes,
                                     head.end if head else 0)
    cuts.extend(attributions)
    sequel = _sequel_cut(sentence, head.end if head else 0, lang)
    if sequel:
        cuts.append(sequel)
    cuts.extend(_parenthetical_cuts(sentence, quotes))
    if not cuts:
        return _closed(sentence.strip())
    result = _closed(_apply(sentence, cuts))
    if (head or sequel and sequel.start == 0) and result:
        result = _capitalize(result)
    tail = any(cut.end >= len(sentence.rstrip()) for cut in attributions)
    if len(words(result)) < 3 or (tail and not has_main_verb(result, lang)):
        return _closed(sentence.strip())  # `Une relation qui reste sous-exploitée, a regretté X`
    return result


def _closed(text: str) -> str:
    """A statement's first half ends where the release gave the sentence to the next
    speaker (`… viole le droit international,`): it reads as a sentence of its own."""
    return re.sub(r"\s*[,;:]$", ".", text)


# Finite-verb markers for `has_main_verb`: auxiliaries, modals and common finite forms, the
# regular finite endings (a word-list heuristic: no tagger is shipped), and the subject
# pronouns whose next word is a verb.
FINITE: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:is|are|was|were|be|been|has|have|had|will|would|must|should|can|cannot|could|"
        r"may|might|shall|does|do|did|need|remains?|\w+ed|(?i:said|says|told|made|took|gave|"
        r"held|saw|felt|sought|thought|found|kept|went|stood|spoke)|"
        r"(?i:I|we|you|he|she|they|it)\s+\w+)\b"
        r"|\b[a-z]\w*[^s\W]s\b", re.UNICODE),
    "fr": re.compile(
        r"\b(?:A|est|sont|était|étaient|sera|seront|serait|seraient|soit|soient|a|ont|avait|"
        r"avaient|aura|auront|aurait|auraient|ait|aient|doit|doivent|devrait|devraient|peut|"
        r"peuvent|pourrait|pourraient|faut|faudrait|va|vont|fait|font|ne|n[’']\w+|"
        r"\w+(?<!m)ent|\w+(?:ait|aient|era|eront|ons|ez)|"
        r"(?:je|j[’']|nous|vous|il|elle|ils|elles|on)\s+\w+)\b", re.UNICODE),
}
# A relative clause (its verb is not the sentence's): from the pronoun to the next comma.
RELATIVE: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:who|which|that|whose|whom)\b[^,;:]*", re.IGNORECASE),
    "fr": re.compile(r"\b(?:qui|que|qu[’']|dont|où|lequel|laquelle|lesquels|lesquelles)"
                     r"(?:\b|(?<=[’']))[^,;:]*", re.IGNORECASE),
}


def has_main_verb(text: str, lang: str) -> bool:
    """Does `text` keep a finite verb outside its relative clauses?  A compression that
    removed the only one (the attribution's) leaves a fragment: `A relation that remains
    underused, he regretted` is the speaker regretting, not stating.  Quotations count as
    whole utterances; the test is a heuristic and errs towards yes."""
    if text.lstrip()[:1] in _CLOSING_OF:
        return True
    main = RELATIVE[lang].sub(" ", text)
    return bool(FINITE[lang].search(main))


def _leading_cut(sentence: str, lang: str, allowed: frozenset[str], identifying: frozenset[str],
                 quotes: list[tuple[int, int]]) -> _Cut | None:
    """Connectives, the speaker as holder of the view, then a reporting frame or the
    speaker's name as subject, at the start of the sentence.

    After a connective, an inverted attribution may follow (`À cet égard, a-t-il conclu, …`):
    it goes with the connective.  A frame is `SUBJECT said that` (all of it goes); without a
    frame only a subject that names the speaker goes (`M. X (Pays) a soutenu …` -> `A soutenu
    …`), never a bare pronoun, which may stand for something else (`Elle` for `l’OTSC`) or
    be impersonal (`Il a été décidé`).
    """
    pos = _skip_connective(sentence, lang, 0)
    if pos:
        end = _phrase_end(sentence, pos, quotes)
        if sentence[end:end + 1] == "," and _is_attribution(sentence[pos:end], lang, allowed,
                                                             identifying):
            pos = _after_comma(sentence, end)
    end = _phrase_end(sentence, pos, quotes)
    if sentence[end:end + 1] == "," and _is_opinion_holder(sentence[pos:end], lang, allowed,
                                                            identifying):
        pos = _after_comma(sentence, end)
    frame = _frame_end(sentence[pos:], lang, allowed)
    if frame and SECOND_CLAUSE[lang].search(sentence, pos + frame):
        frame = 0
    if not frame:
        frame = _subject_end(sentence[pos:], lang, allowed, identifying)
    end = pos + frame
    if end == 0 or _overlaps(0, end, quotes) or not sentence[end:].strip():
        return None
    return _Cut(0, end)


# A sequencing adverb on the verb once its subject is gone ("Also called for …", "A ensuite
# souligné …") points back to the speaker's previous sentence.  Before the verb it only
# orders the speaker's points, so it is deleted and the verb reads the same; `enfin`,
# `finally`, `again` as "at last" or a repeated event are absent, since they say more.
SEQUEL_ADVERB: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"(?P<adverb>(?:also|further|then|once\s+again|additionally|"
                     r"subsequently))\s+(?=[a-z]\w+(?:ed|said|spoke|took|gave|made|drew|"
                     r"held|felt|saw|sought|told|thought|put|set|laid|led|stood|struck|kept|"
                     r"found|wrote)\b)"),
    "fr": re.compile(r"(?:(?:il|elle|ils|elles)\s+)?(?:a|ont|s[’']est|se\s+sont|est|sont|"
                     r"avait|avaient)(?P<adverb>(?P<comma>\s*,)?\s*(?:ensuite|également|aussi|"
                     r"en\s+outre|par\s+ailleurs|de\s+plus|de\s+nouveau|à\s+nouveau|"
                     r"par\s+la\s+suite)(?(comma)\s*,))\s+(?=[^\W\d_])", re.IGNORECASE),
}


def _sequel_cut(sentence: str, pos: int, lang: str) -> _Cut | None:
    """The sequencing adverb right after `pos` (where a removed subject ended), or None."""
    match = SEQUEL_ADVERB[lang].match(sentence, pos)
    if not match or (pos == 0 and lang == "en"):
        return None
    return _Cut(match.start("adverb"), match.end("adverb"))


def _after_comma(sentence: str, comma: int) -> int:
    rest = sentence[comma + 1:]
    return comma + 1 + len(rest) - len(rest.lstrip())


@cache
def _subject_words(lang: str) -> frozenset[str]:
    table = LANGUAGES[lang]
    phrases = (_SUBJECT_GLUE[lang],) + table.follow_on_subjects + table.delegate_nouns
    return frozenset(w.lower() for phrase in phrases for w in WORD.findall(phrase))


@cache
def _identifying_words(lang: str) -> frozenset[str]:
    """Nouns that name a speaker by function (`représentant`, `Minister`, `delegation`):
    with the speaker's own names, what a subject needs besides pronouns and articles."""
    table = LANGUAGES[lang]
    glue = {w.lower() for w in WORD.findall(_SUBJECT_GLUE[lang])}
    return frozenset(w.lower() for phrase in table.follow_on_subjects + table.delegate_nouns
                     for w in WORD.findall(phrase)) - glue


def _alternatives(phrases: tuple[str, ...]) -> str:
    """A regex alternation of phrases, longest first, any apostrophe matching either kind."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(re.sub("[’']", "[’']", re.escape(p)) for p in ordered)


@cache
def _connective_re(lang: str) -> re.Pattern[str]:
    return re.compile(r"(?:" + _alternatives(LANGUAGES[lang].connectives) + r")\s*,\s*")


@cache
def _frame_res(lang: str) -> tuple[tuple[re.Pattern[str], bool], ...]:
    """Leading "SUBJECT (also) said that" patterns: with a conjunction, bare ones, and
    `said:` before a quotation (flagged: only when the quotation is the rest of the
    sentence, so that nothing after it loses its subject)."""
    aux, glue = FRAME_GLUE[lang]
    adverbs = _alternatives(FRAME_ADVERBS[lang])
    forms = ((FRAME_VERBS[lang], glue, False), (BARE_FRAME_VERBS[lang], r"\s+", False),
             (FRAME_VERBS[lang], r"\s*:\s*(?=[«“\"])", True))
    return tuple(
        (re.compile(r"(?P<subject>[^«“\"]{1,200}?,?)\s+" + aux + r"(?:(?:" + adverbs + r"),?\s+)*"
                    r"(?:" + _alternatives(verbs) + r")" + tail, re.UNICODE), quoting)
        for verbs, tail, quoting in forms if verbs)


@cache
def _tail_res(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Attribution phrases: "he said" / "a dit la déléguée", "said the representative"."""
    aux, _ = FRAME_GLUE[lang]
    verbs = _alternatives(FRAME_VERBS[lang] + _TAIL_VERBS[lang])
    subject_first = re.compile(r"(?P<subject>.+?)\s+" + aux + r"(?:\w+\s+)?(?:" + verbs + r")"
                               r"(?:\s+(?!that\b|que\b|qu[’'])\w+)?", re.UNICODE)
    verb_first = re.compile(aux + r"(?:" + (verbs if lang == "en" else r"[\w’'-]+") + r")\s+"
                            r"(?:[\w’'-]+\s+){0,3}?(?P<subject>(?:the|its|his|her|their|le|la|les|"
                            r"l[’']|M\.|Mme|Mr\.|Ms\.)\s*.+|[A-ZÀ-Þ][\w\s-]*[’']s\s+.+)",
                            re.UNICODE)
    return subject_first, verb_first


def _skip_connective(text: str, lang: str, pos: int) -> int:
    match = (_connective_re(lang).match(text, pos) or POINTING_LEAD[lang].match(text, pos)
             or (pos == 0 and FRAGMENT_JOIN[lang].match(text)))
    return match.end() if match else pos


# The join a statement's second half starts with when a release gives two speakers one
# sentence ("X said …, while China's delegate urged …"): the parser cuts before it.
FRAGMENT_JOIN: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"(?:while|whereas|and|but)\s+(?=\S)"),
    "fr": re.compile(r"(?:tandis\s+qu(?:e\s+|[’'])|alors\s+qu(?:e\s+|[’'])|et\s+|mais\s+)(?=\S)"),
}


# A lead-in that only points back to what another speaker said ("Echoing that,", "Echoing
# this sentiment,", "Indeed,"): a connective to the previous paragraph, meaningless alone.
POINTING_LEAD: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"(?:indeed|(?:echoing|building\s+on|reiterating|in\s+line\s+with)\s+"
                     r"(?:that|this|these|those)(?:\s+(?:view|sentiment|point|call|concern)s?)?)"
                     r"\s*,\s*", re.IGNORECASE),
    "fr": re.compile(r"(?:en\s+effet|dans\s+le\s+même\s+esprit|dans\s+le\s+même\s+ordre\s+"
                     r"d[’']idées|faisant\s+écho\s+à\s+(?:ce|cet|cette|ces)(?:\s+\w+)?)"
                     r"\s*,\s*", re.IGNORECASE),
}


def _frame_end(text: str, lang: str, allowed: frozenset[str]) -> int:
    """Length of a leading "SUBJECT (also) said that" whose subject is the speaker, or 0.

    The frame stays when a participle clause (`…, adding that …`) or a second verb of the
    speaker (`… and called for …`) follows: its subject is the speaker, and without the
    frame it would hang on the wrong one.
    """
    for pattern, quoting in _frame_res(lang):
        match = pattern.match(text)
        if not match or not _is_speaker_subject(match.group("subject"), lang, allowed):
            continue
        if quoting and not _quote_to_end(text, match.end()):
            continue
        if _participle_clause(text, match.end(), lang) or _coordinated_speech(text, match.end(),
                                                                              lang):
            return 0
        return match.end()
    return 0


def _quote_to_end(text: str, start: int) -> bool:
    spans = [span for span in quote_spans(text) if span[0] == start]
    return bool(spans) and not text[spans[0][1]:].strip(" " + SENTENCE_END)


def _participle_clause(text: str, start: int, lang: str) -> bool:
    """Does a clause `, (while|en) adding …` follow `start`, outside quotations?  Only a
    participle of a reporting or position verb counts: `, including …` or `, failing to …`
    describe what precedes, not the speaker."""
    quotes = quote_spans(text)
    for comma in (i for i in range(start, len(text)) if text[i] == ","):
        if _inside(comma, quotes):
            continue
        following = [w.lower() for w in words(text[comma + 1:comma + 60])][:3]
        lead = [w for w in following if not _opener(w, lang)][:1]
        if lead and _speech_participle(lead[0], lang):
            return True
    return False


def _coordinated_speech(text: str, start: int, lang: str) -> bool:
    """Does `and called for …` / `et a appelé …` follow `start`, outside quotations?"""
    quotes = quote_spans(text)
    verbs = _speech_verbs(lang)
    return any(not _inside(m.start(), quotes) and (m.group("verb").lower() in verbs or bool(
        m.group("then") and _opener(m.group("verb"), lang) and m.group("then").lower() in verbs))
        for m in COORDINATED_VERB[lang].finditer(text, start))


def _opener(word: str, lang: str) -> bool:
    """A word that may stand before the participle of a clause: `while`, `strongly`."""
    return word.lower() in PARTICIPLE_OPENERS[lang] or bool(ADVERB[lang].match(word))


def _speech_participle(word: str, lang: str) -> bool:
    """`adding`, `noting`, `urging` / `ajoutant`, `jugeant`: the present participle of a
    verb whose past participle the reporting, support or concern tables list."""
    ending, past = SPEECH_PARTICIPLE[lang]
    if not word.endswith(ending) or len(word) < len(ending) + 3:
        return False
    stem = word[:-len(ending)]
    return word in _IRREGULAR_PARTICIPLES[lang] or bool(
        {stem + past, stem.removesuffix("e") + past} & _speech_verbs(lang))


# Present-participle ending, and the past-tense ending the stem takes: noting -> noted.
SPEECH_PARTICIPLE: dict[str, tuple[str, str]] = {"en": ("ing", "ed"), "fr": ("ant", "é")}
_IRREGULAR_PARTICIPLES: dict[str, frozenset[str]] = {
    "en": frozenset({"saying", "telling", "speaking"}),
    "fr": frozenset({"disant", "faisant", "mettant"}),
}


@cache
def _speech_verbs(lang: str) -> frozenset[str]:
    """Past participles of the verbs by which a release reports a speaker's words."""
    table = LANGUAGES[lang]
    phrases = (FRAME_VERBS[lang] + _TAIL_VERBS[lang] + table.reporting_verbs
               + table.support_verbs + table.concern_verbs)
    skip = {"a", "ont", "s", "est", "was", "has", "had", "se"}
    found = set()
    for phrase in phrases:
        verb = [w.lower() for w in WORD.findall(phrase) if w.lower() not in skip][:1]
        found.update(verb)
    return frozenset(found)


def _subject_end(text: str, lang: str, allowed: frozenset[str], identifying: frozenset[str]
                 ) -> int:
    """Where the verb starts after a leading subject that names the speaker, or 0."""
    for match in _subject_verb_re(lang).finditer(text):
        subject = text[:match.start()]
        if len(subject) > 250:
            return 0
        if _is_speaker_subject(subject, lang, allowed, identifying):
            return match.start() + len(match.group()) - len(match.group().lstrip())
    return 0


@cache
def _subject_verb_re(lang: str) -> re.Pattern[str]:
    return re.compile(r"\s+" + SUBJECT_VERB[lang], re.UNICODE)


# A comma that opens an apposition, outside parentheses: "NAME (Country), speaking for X".
_APPOSITION = re.compile(r",\s*(?![^()]*\))")


def _is_speaker_subject(subject: str, lang: str, allowed: frozenset[str],
                        identifying: frozenset[str] | None = None) -> bool:
    """Is `subject` the speaker, maybe followed by appositions?

    Appositions after the speaker's name describe the turn (`, speaking before the vote,`),
    the role, or a side remark of the speaker (`, noting the gravity of the situation,`):
    dropping them with the subject leaves the speaker's own proposition.  The last one must
    be closed by a comma, or the verb found belongs to the apposition.  With
    `identifying`, the head must name a person (a title, a name in capitals, a noun like
    `representative`) among the speaker's words: `Israel gave …` is the country acting, and
    a pronoun may stand for something else.
    """
    if any(q in subject for q in "«“\"") or len(subject) > 250:
        return False
    head, *appositions = _APPOSITION.split(subject.strip())
    if appositions and not subject.rstrip().endswith(","):
        return False  # the verb found is inside an apposition: `X, noting that Y has said`
    if appositions == [""]:
        return False  # `Nepal, said its representative, is …`: an inserted attribution
    if not _is_speaker(head, allowed):
        return False
    if identifying is None or any(_turn_mark_re(lang).fullmatch(a.strip(" ,"))
                                  for a in appositions):
        return True  # "The Russian Federation, for its part, rejected": speaking, not acting
    head_words = [w.lower() for w in words(head)]
    if len(head_words) == 1 and head_words[0] in SPEAKER_PRONOUNS[lang]:
        return True
    return any(w in identifying for w in head_words) and _names_person(head, lang)


@cache
def _turn_mark_re(lang: str) -> re.Pattern[str]:
    return re.compile("|".join(LANGUAGES[lang].turn_marks), re.IGNORECASE)


def _names_person(text: str, lang: str) -> bool:
    return any(w.lower() in _PERSON_MARKS or w.lower() in _identifying_words(lang)
               or (w.isupper() and len(w) > 1) for w in words(text))


def _is_opinion_holder(phrase: str, lang: str, allowed: frozenset[str],
                       identifying: frozenset[str]) -> bool:
    """`selon lui`, `in his view`, or `Pour M. X (Ghana)`, `According to the representative`:
    the speaker as the holder of the view that follows.  The named form must name a person
    (a title, a name in capitals or a noun like `representative`): `For Ukraine, …` may mean
    what the war means to the country, not what its delegate thinks."""
    phrase = phrase.strip()
    if re.fullmatch(_alternatives(OPINION_PHRASES[lang]), phrase, re.IGNORECASE):
        return True
    match = re.match(r"(?:" + _alternatives(OPINION_PREFIXES[lang]) + r")\s+", phrase,
                     re.IGNORECASE)
    if not match:
        return False
    return _is_speaker_subject(phrase[match.end():], lang, allowed, identifying)


_PERSON_MARKS = frozenset({"m", "mme", "mm", "mr", "ms", "mrs", "dr"})
# Pronouns that, as the subject in a statement, can only be the speaker: `He condemned …`
# reads as the speaker under the delegation's name with or without the pronoun.  French
# `il`/`elle` may be impersonal (`Il a été décidé`) or stand for a feminine noun (`Elle` for
# `l’OTSC`), so none there.
SPEAKER_PRONOUNS: dict[str, frozenset[str]] = {"en": frozenset({"he", "she"}),
                                               "fr": frozenset()}


def _is_speaker(subject: str, allowed: frozenset[str]) -> bool:
    subject_words = [w.lower() for w in words(subject)]
    return bool(subject_words) and all(w in allowed for w in subject_words)


def _attribution_cuts(sentence: str, lang: str, allowed: frozenset[str],
                      identifying: frozenset[str], quotes: list[tuple[int, int]], start: int
                      ) -> list[_Cut]:
    """Attribution phrases set off by a comma: `, he said`, `, a-t-il ajouté`, `, a dit la
    déléguée`.  At the end they are dropped; mid-sentence either stitched out or, when what
    follows belongs to the attribution (`, adding that …`), the sentence ends there."""
    cuts: list[_Cut] = []
    for comma in (m.start() for m in re.finditer(",", sentence)):
        if comma < start:
            continue
        if _inside(comma, quotes):
            closing = _quote_closing_tail(sentence, comma, lang, allowed, identifying, quotes)
            if closing:
                return [*cuts, closing]
            continue
        end = _phrase_end(sentence, comma + 1, quotes)
        phrase = sentence[comma + 1:end].strip()
        if not _is_attribution(phrase, lang, allowed, identifying):
            continue
        rest = sentence[end:]
        if not rest.strip(" " + SENTENCE_END):
            cuts.append(_Cut(comma, len(sentence.rstrip()), _final_stop(sentence)))
            break
        if not rest.lstrip().startswith(",") or rest.lstrip(" ,")[:1] in _CLOSING_OF:
            continue  # `, he said: “…”`, `, she stressed, “…”` introduce a quotation: kept
        following = [w for w in words(rest)[:4] if not _opener(w, lang)]
        if _participle_follows(following, lang):
            return []  # `, he said, recognizing …`: the clause is content; kept whole
        if following and not _continues(following[0], lang):
            cuts.append(_Cut(comma, end + rest.index(",") + 1, " "))
        else:
            cuts.append(_Cut(comma, len(sentence.rstrip()), _final_stop(sentence)))
            break
    return cuts


def _quote_closing_tail(sentence: str, comma: int, lang: str, allowed: frozenset[str],
                        identifying: frozenset[str], quotes: list[tuple[int, int]]
                        ) -> _Cut | None:
    """`“Sanctions only punish civilians,” countered X’s delegate.`: the comma closing the
    quotation (English puts it inside) and the attribution after it up to the sentence end,
    which then ends with the quotation (`“… civilians.”`)."""
    after = comma + 2
    if not any(end == after for _, end in quotes) or sentence[comma + 1:after] not in \
            tuple(_QUOTE_CLOSERS):
        return None
    end = _phrase_end(sentence, after, quotes)
    if sentence[end:].strip(" " + SENTENCE_END) or not _is_attribution(
            sentence[after:end].strip(), lang, allowed, identifying):
        return None
    return _Cut(comma, len(sentence.rstrip()), _final_stop(sentence) + sentence[comma + 1])


_QUOTE_CLOSERS = "”\"’»"


def _participle_follows(following: list[str], lang: str) -> bool:
    """Does a participle (after clitics: `se réjouissant`) open what follows?"""
    content = [w for w in following if w.lower() not in CLITICS[lang]]
    return bool(content) and bool(PARTICIPLE[lang].match(content[0].lower()))


def _continues(word: str, lang: str) -> bool:
    """Does the clause after a mid-sentence attribution belong to it (`, adding`, `, pour`)?"""
    word = word.lower()
    return word in CONTINUATIONS[lang] or bool(PARTICIPLE[lang].match(word))


def _phrase_end(sentence: str, pos: int, quotes: list[tuple[int, int]]) -> int:
    """Where a comma-delimited phrase starting at `pos` ends (next comma, colon or the end)."""
    for i in range(pos, len(sentence)):
        if _inside(i, quotes):
            return len(sentence) + 1  # a quote inside: not an attribution phrase
        if sentence[i] in ",;:":
            return i
    end = len(sentence.rstrip())
    while end > pos and sentence[end - 1] in SENTENCE_END:
        end -= 1
    return end


def _is_attribution(phrase: str, lang: str, allowed: frozenset[str],
                    identifying: frozenset[str]) -> bool:
    phrase_words = words(phrase)
    if not phrase_words or len(phrase_words) > 10:
        return False
    if INVERSION.match(phrase) or _is_opinion_holder(phrase, lang, allowed, identifying):
        return True
    return any(match and _is_speaker(match.group("subject"), allowed)
               for match in (pattern.fullmatch(phrase) for pattern in _tail_res(lang)))


# Verbs that may close a sentence as its attribution ("…, he urged.") though they do not
# introduce a plain proposition in a frame.
_TAIL_VERBS: dict[str, tuple[str, ...]] = {
    "en": ("urged", "asked", "appealed", "called", "wondered", "lamented", "regretted",
           "declared", "demanded", "proposed", "suggested", "pleaded", "questioned", "went on",
           "countered", "retorted", "replied", "responded"),
    "fr": ("rétorqué", "répliqué", "répondu"),
}


def _parenthetical_cuts(sentence: str, quotes: list[tuple[int, int]]) -> list[_Cut]:
    """Asides in parentheses without figures: acronyms, glosses.  `(2023)` or `(XXIX)` after
    the number of a resolution, document or article is part of its symbol, and a country
    after a speaker's name in capitals: both stay."""
    cuts = []
    for match in re.finditer(r"\s*\(([^()]{1,80})\)", sentence):
        inner = match.group(1)
        before = words(sentence[:match.start()])
        if (_overlaps(*match.span(), quotes) or re.search(r"\d", inner)
                or (before and before[-1][-1:].isdigit())
                or len(words(inner)) > 8 or (before and before[-1].isupper() and len(before[-1]) > 1
                                             and not inner.isupper())):
            continue
        cuts.append(_Cut(*match.span()))
    return cuts


def _final_stop(sentence: str) -> str:
    """The sentence's own closing punctuation, or a full stop."""
    end = sentence.rstrip()
    return end[-1] if end and end[-1] in SENTENCE_END else "."


def _apply(sentence: str, cuts: list[_Cut]) -> str:
    pieces, pos = [], 0
    for cut in sorted(cuts, key=lambda c: c.start):
        if cut.start < pos:
            continue
        pieces.append(sentence[pos:cut.start])
        pieces.append(cut.replacement)
        pos = cut.end
    pieces.append(sentence[pos:])
    text = re.sub(r"[ \t\r\n]+", " ", "".join(pieces))
    text = re.sub(r" ([,.])", r"\1", text).strip()
    return re.sub(r"([?!.…][»”\"’]\s*)\.$", r"\1", text)  # `“…?”.`: the quote ends it


def _capitalize(text: str) -> str:
    """Upper-case the first letter, unless the text opens with a quote or a figure."""
    return text[0].upper() + text[1:] if text[:1].isalpha() else text


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in spans)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
