"""Takeovers: another delegation becomes the subject inside a paragraph.

Releases switch speaker in mid-paragraph ("… Echoing this sentiment, the representative of
Poland said …", "…, tandis que la France a demandé …").  From such a sentence (or clause)
to the end of the paragraph, the text belongs to the new delegation.  The test is stricter
than at a paragraph's opening, because inside a statement other delegations are mostly
mentioned, not quoted: the delegation must be the subject of a verb of saying from the
table, either opening the sentence or a clause (after an introductory phrase or a
quotation) or inverted at its end ("…, said X's delegate", "…, a appuyé la Norvège").
What the current speaker reports in their own voice ("He recalled that the representative
of X said …", "…, she said", "Selon lui, …") stays theirs.  Several delegations as one
subject ("China and the Russian Federation said"), a plural delegate phrase, a collective
subject with a verb of saying, or (in French) a country alone whose verb may report an act
rather than speech ("la Russie a rejeté la proposition") leave the text unattributed rather
than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..delegations import named_keys
from ..languages import LANGUAGES, LanguageData, normalize_apostrophes
from .patterns import (
    _ARTICLE_COUNTRY,
    _FILLERS,
    _NAME_ARTICLE,
    _OF,
    COLLECTIVE,
    UNKNOWN,
    Speaker,
)
from .phrases import (
    _country_verb_re,
    _delegate_noun_re,
    _longest_name_after,
    _marked_turn_res,
    _phrases,
    _without_apposition,
)
from .speakers import _LEADING_CLAUSE, _QUOTED, _caps_intro, _inline_named
from .verbs import (
    _ANSWERING,
    _ECHOED_BY,
    _ECHOED_WHO,
    _INTRODUCED_BY,
    _OWN_VOICE_EXTRA,
    _any_case_initial,
    _reporting_re,
    _singular_subjects,
    _speech_verb,
    _subject_res,
)

# Before a delegate phrase and a comma, in a thematic section: whose view the sentence gives.
_ACCORDING_TO = {"en": ("According to", "according to", "For", "for"),
                 "fr": ("Selon", "selon", "Pour", "pour", "D'après", "d'après")}


# Subordinate clauses that open a sentence with a subject of their own.
_SUBORDINATE = {"en": r"\s*(?:While|Whereas|Although|Though|If|Even\s+though)\s",
                "fr": r"\s*(?:Alors\s+qu|Tandis\s+qu|Si\s|Bien\s+qu|Même\s+si\s)"}

# Joins after which a clause has its own subject: "…, while the representative of X …".
_CLAUSE_JOIN = {
    "en": r"(?:[,;]\s*(?:while|whereas|and|but)\s+|;\s*)$",
    "fr": r"(?:[,;]\s*(?:tandis que|tandis qu'|alors que|alors qu'|et|mais)\s*|;\s*)$",
}
# Positions where a subject may start: the sentence, after a comma or a join.
_SUBJECT_START = {
    "en": r"^[«“\"\s]*|[,;]\s*(?:(?:while|whereas|and|but)\s+)?",
    "fr": r"^[«“\"\s]*|[,;]\s*(?:(?:tandis que|tandis qu'|alors que|alors qu'|et|mais)\s*)?",
}
# Between coordinated subjects: "China and the Russian Federation", "la Chine et la Russie".
_AND = {"en": r",?\s+(?:and|as well as)\s+|,\s+", "fr": r",?\s+(?:et|ainsi que)\s+|,\s+"}
# French only: what shows that a country's verb reports speech ("a demandé que", "a dit :",
# "a, de son côté, rappelé", "…, tandis que la France a …") rather than an act.
_SPEECH_EVIDENCE = {
    "en": r"(?!)",  # an English State alone before a verb of saying is never sure (below)
    "fr": r"\s*(?:que\b|qu'|:|«|“)|\s+(?:de (?:son|leur) côté|pour (?:sa|leur) part|quant à "
          r"(?:lui|elle|eux|elles)|à (?:son|leur) tour|(?:lui|elle|eux|elles) aussi|aussi|"
          r"également|lui-même|elle-même|dans (?:ce|le même) sens)\b",
}
# "La Chine s’est abstenue, a expliqué son représentant": the State's own delegate says it.
_OWN_DELEGATE = {"fr": r"^[^.;]{0,60}?,\s*a\s+[a-zéè]{3,}[éi]\s+(?:son|sa|leur)\s+"
                       r"(?:représentante?|délégu[ée]e?|délégation|porte-parole)\b"}
# Before a country: a contrast, or the release handing it the floor ("Reprenant la parole,
# la Russie a …", "S’exprimant à titre national, l’Algérie a …").
_CONTRAST = {"en": r"(?!)",
             "fr": r"tandis qu|alors qu|[Dd]e (?:son|leur) côté|[Pp]our (?:sa|leur) part|"
                   r"[Qq]uant à|[Àà] (?:son|leur) tour|^\s*(?:[Rr]eprenant la parole|"
                   r"S'exprimant)\b[^,]*,\s*$"}
_QUOTE_MASK = "\u00b7"  # stands in for quoted words
# After a verb of saying: the words were said at another time, and are quoted by the speaker
# ("The representative of X said yesterday that …"), not said in this turn.
_EARLIER = {
    "en": r"earlier|yesterday|previously|before|last (?:week|month|year|time)|in \d{4}|"
          r"on \d{1,2} [A-Z]\w+",
    "fr": r"hier|auparavant|précédemment|plus tôt|la semaine dernière|l'an dernier|en \d{4}|"
          r"le \d{1,2}(?:er)? \w+",
}
# Any verb after a subject, for thematic sections ("Panama's delegate voiced …").
_LOOSE_VERB = {
    "en": r"(?:(?:{fillers})\s+){{0,2}}(?:\w+ed|told|spoke|took|held|went|made|drew|gave|saw|"
          r"put|sought|felt|struck|began|led|brought)\b",
    "fr": r"(?:a|ont|s'est|se sont|avait)\b",
}


@dataclass(frozen=True, slots=True)
class _Takeover:
    """From `offset` on, the sentence is `who`'s: a Speaker, or COLLECTIVE (several
    delegations or a group).  A `doubtful` Speaker is only trusted when it is the current
    speaker already; anyone else is not given the text."""

    offset: int
    who: Speaker | str
    doubtful: bool = False


@dataclass(frozen=True, slots=True)
class _Candidate:
    who: Speaker | str
    start: int
    end: int
    doubtful: bool = False  # a French country alone: needs evidence that its verb is speech
    shaped: bool = False  # a named-speaker introduction, already checked as a whole


def _masked(text: str) -> tuple[str, str]:
    """The text with quoted words and dashed asides replaced by a mark of the same length
    (offsets stay valid, and a delegation named inside a quotation is never taken for a
    subject), as written and with apostrophes normalized."""
    masked = _QUOTED.sub(lambda m: m.group()[0] + _QUOTE_MASK * (len(m.group()) - 2)
                         + m.group()[-1], text)
    masked = _ASIDE.sub(lambda m: _QUOTE_MASK * len(m.group()), masked)
    return masked, normalize_apostrophes(masked)


# An aside between spaced dashes ("Speaking for the A3 — Algeria, Guyana and Somalia — the
# representative of Somalia said"): the list in it is whom the speaker speaks for, no subject.
_ASIDE = re.compile(r"(?<=\s[—–]\s)[^—–.;:!?]{1,200}(?=\s[—–]\s)")


@lru_cache(maxsize=None)
def _takeover_res(lang: str) -> dict[str, re.Pattern]:
    data = LANGUAGES[lang]
    verb = _speech_verb(lang)
    earlier = rf"(?!\s+(?:{_EARLIER[lang]})\b)"
    own_voice = rf"(?<![\w'])(?:{_singular_subjects(lang)})\s+{verb}|{_OWN_VOICE_EXTRA[lang]}"
    if lang == "fr":  # "…, a ajouté le représentant" (no "de X": the current speaker)
        nouns = "|".join(re.escape(n) for n in data.delegate_nouns)
        own_voice += (rf"|(?:{_reporting_re(lang).pattern})\s+(?:{_NAME_ARTICLE[lang]})"
                      rf"(?:{nouns})\b(?!\s+{_OF[lang]})")
    collective = "|".join(_any_case_initial(normalize_apostrophes(c)) for c in
                          sorted(data.collective_subjects, key=len, reverse=True))
    return {
        "verb": re.compile(rf"\s*(?:,[^.;]{{0,200}}?,\s*)?{verb}{earlier}"),
        "loose_verb": re.compile(rf"\s*(?:,[^.;]{{0,200}}?,\s*)?(?:{verb}|"
                                 rf"{_LOOSE_VERB[lang].format(fillers=_FILLERS[lang])}){earlier}"),
        "own": re.compile(own_voice),
        "own_tail": re.compile(rf"[,;:»”]\s*(?:{own_voice})"),
        "join": re.compile(_CLAUSE_JOIN[lang]),
        "start": re.compile(_SUBJECT_START[lang]),
        "and": re.compile(_AND[lang]),
        "and_hint": re.compile(rf"[^.;]{{0,100}}?(?:{_AND[lang]})(?:{_NAME_ARTICLE[lang]})?"
                               r"[A-ZÀ-Þ]"),
        # a capitalized name right before a verb of saying ("…, while France urged …")
        "name_hint": re.compile(rf"(?:the\s+)?[A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|of|and|"
                                rf"the)){{0,5}}\s+{verb}"),
        "article": re.compile(_NAME_ARTICLE[lang]),
        "collective": re.compile(rf"(?:{collective})\b(?!')"),
        "intro": re.compile(r"^[^.;:!?]{0,200}(?:,|\s[—–])\s*$"),
        "quote_intro": re.compile(rf"^\s*[«“\"][{_QUOTE_MASK}\s]*[»”\"]\s*,?\s*$"),
        # after an inverted speaker: the end of the clause, or when, where and for whom
        # ("…,” said the delegate of X this afternoon", "… on behalf of the Arab Group")
        "clause_end": re.compile(r"\s*(?:[.,;:!?»”]|$)|\s+(?:this\s+(?:morning|afternoon|evening)|"
                                 r"today|again|in\s+(?:his|her|its|a)\s+statement|before\s+the\s+"
                                 r"vote|after\s+the\s+vote|on\s+behalf\s+of|speaking\s+for|au\s+"
                                 r"nom\s+d\w*|avant\s+le\s+vote|après\s+le\s+vote|ce\s+matin|cet\s+"
                                 r"après-midi|à\s+nouveau|de\s+nouveau)\b"),
    }


@lru_cache(maxsize=8192)
def _takeovers(sentence: str, lang: str, data: LanguageData, opening: bool = False,
               loose: bool = False) -> tuple[_Takeover, ...]:
    """Where another subject takes over in `sentence`, in order (see the section comment).
    In a paragraph's `opening` sentence, the subject at its start is the paragraph's own and
    is not looked for again.  `loose`: any verb after the subject will do, not only the
    table's verbs of saying (thematic sections, where every attribution is inside a
    sentence and reporters vary their verbs).  Cached: a paragraph's rough sentences are
    asked about before its true ones, and most are the same."""
    verb_re = _takeover_res(lang)["loose_verb" if loose else "verb"]
    masked, norm = _masked(sentence)
    res = _takeover_res(lang)
    inverted = _subject_res(lang)[1]
    out: list[_Takeover] = []
    for cand in _candidates(masked, norm, lang, data, named_opening=not opening):
        before, rest = norm[:cand.start], norm[cand.end:]
        join, clause = _clause(before, res)
        if res["own"].search(clause):
            continue  # "He recalled that the representative of X said …"
        who, doubtful = cand.who, False
        if cand.shaped:
            pass
        elif inverted.search(clause) and res["clause_end"].match(rest):
            pass  # "“…”, said the representative of X", "…, a appuyé la Norvège"
        elif re.search(_INTRODUCED_BY[lang], clause) or (
                re.search(_ECHOED_BY[lang], clause) and re.match(_ECHOED_WHO[lang], rest)):
            pass  # "It was introduced by the representative of X, who …", "That view was
            # shared by Austria’s representative, who offered …"
        elif loose and clause.strip() in _ACCORDING_TO[lang] and rest.lstrip().startswith(","):
            pass  # style C: "Selon le représentant de la Chine, le blocus …"
        elif (not clause.strip(" «“\"") or res["quote_intro"].match(clause)
              or res["intro"].match(clause) or re.match(_ANSWERING[lang], clause)) and (
                verb_re.match(rest) or cand.doubtful and _country_verb_re(lang).match(
                    _without_apposition(rest), 1)):
            if res["own_tail"].search(rest):
                continue  # "The representative of X said nothing of it, she noted."
            doubtful = cand.doubtful and not _speech_evidence(
                clause, _without_apposition(rest), lang, res)
            if re.match(_SUBORDINATE[lang], clause) and named_keys(clause):
                # "While France’s delegate backed it, Japan’s representative asked …": the
                # first clause has a subject of its own; it is nobody's, the rest Japan's
                if not out:
                    out.append(_Takeover(join, COLLECTIVE))
                join = cand.start
        else:
            continue
        if opening and join == 0:
            continue
        if out and out[-1].offset == join:
            if not _same_speaker(out[-1].who, who):
                out[-1] = _Takeover(join, COLLECTIVE)  # two subjects for one clause
            continue
        out.append(_Takeover(join, who, doubtful))
    return tuple(out)


def _same_speaker(a: Speaker | str, b: Speaker | str) -> bool:
    return a == b or (isinstance(a, Speaker) and isinstance(b, Speaker) and a.is_same(b))


def _clause(before: str, res: dict[str, re.Pattern]) -> tuple[int, str]:
    """Where the clause a subject opens starts (after the last "…, while" / "; " before it,
    the join word going with the new clause; else the sentence start), and what precedes
    the subject inside that clause after the join."""
    m = res["join"].search(before)
    if not m:
        return 0, before
    return m.start() + len(m.group()) - len(m.group().lstrip(",; ")), before[m.end():]


def _speech_evidence(clause: str, rest: str, lang: str, res: dict[str, re.Pattern]) -> bool:
    if lang not in _SPEECH_EVIDENCE:
        return True
    # In a thematic section the verb may be any verb ("a pour priorité"): then only the
    # clause can vouch for speech.
    verb = res["verb"].match(rest)
    return bool((verb and re.match(_SPEECH_EVIDENCE[lang], rest[verb.end():])) or re.search(
        _CONTRAST[lang], clause) or re.match(r"\s*(?:a|ont)\s*,", rest) or re.match(
        _OWN_DELEGATE.get(lang, "(?!)"), rest) or re.match(
        rf"\s*(?:a|ont|s'est|se sont)\s+(?:{_marked_turn_res(lang)[2].pattern}|(?:lui|elle|eux|"
        rf"elles) aussi)", rest))  # "a quant à lui", "s’est lui aussi félicité"


def _candidates(masked: str, norm: str, lang: str, data: LanguageData,
                named_opening: bool = True) -> list[_Candidate]:
    """Possible subjects in order: delegate phrases and named speakers anywhere (a speaker
    introduced in capitals at the start when `named_opening`); at the places a subject can
    start, coordinated names, collective subjects and (French) a country named alone."""
    nouns = _delegate_noun_re(lang)
    marks = _marked_turn_res(lang)[2]
    phrases = {start: _Candidate(who, start, end, doubtful=(
        lang in _ARTICLE_COUNTRY and isinstance(who, Speaker) and not who.speaker
        and not nouns.search(masked[start:end]) and not marks.search(masked[start:end])))
        for who, start, end in [*_phrases(masked, lang, data), *_inline_named(masked, lang, data)]}
    res = _takeover_res(lang)
    for start, cand in phrases.items():
        if cand.who == COLLECTIVE:  # "the representatives of Egypt and Jordan": past the names
            names = _coordinated(masked, norm, cand.end, {}, lang, res)
            if names:
                phrases[start] = replace(cand, end=names[-1][1])
    caps = _caps_intro(masked, lang, data) if named_opening else None
    if caps is not None and caps.key != UNKNOWN and caps.speaker:
        phrases.setdefault(0, _Candidate(caps, 0, len(caps.speaker), shaped=True))
    # "Echoing that concern, NAME (Panama) said …", not "Referring to NAME (X), he said"
    clause = _LEADING_CLAUSE.match(masked)
    caps = _caps_intro(masked[clause.end():], lang, data) if clause and named_opening else None
    if caps is not None and caps.key != UNKNOWN and caps.speaker:
        start = clause.end()
        paren = re.match(rf"{re.escape(caps.speaker)}\s*\([^()]{{1,80}}\)", masked[start:])
        after = masked[start + paren.end():] if paren else ""
        if paren and _subject_res(lang)[0].match(after) and not re.match(
                r"\s*,\s*(?:he|she|il|elle)\b", after):
            phrases.setdefault(start, _Candidate(caps, start, start + paren.end(), shaped=True))
    found = dict(phrases)
    for m in res["start"].finditer(norm):
        start = m.end()
        # "…, while France urged restraint": a State alone contrasted with the speaker (at a
        # sentence's start it is mostly the speaker's own account of what the State did)
        alone = lang not in _ARTICLE_COUNTRY and start not in phrases and bool(
            re.search(r"\b(?:while|whereas)\s+$", m.group())
            and res["name_hint"].match(norm, start))
        if lang not in _ARTICLE_COUNTRY and start not in phrases and not alone and not res[
                "and_hint"].match(norm, start):
            units = []  # no name to look up here, and looking names up is the cost
        else:
            units = _coordinated(masked, norm, start, phrases, lang, res)
        if len({who.key if isinstance(who, Speaker) else who for who, _ in units}) >= 2:
            found[start] = _Candidate(COLLECTIVE, start, units[-1][1])
        elif units and start not in phrases and (lang in _ARTICLE_COUNTRY or alone):
            # a State named alone: it may be the release's narration of the State's acts or
            # its delegate's words, so it is taken only as the current speaker
            found[start] = _Candidate(units[0][0], start, units[0][1], doubtful=True)
        elif not units and (c := res["collective"].match(norm, start)):
            found.setdefault(start, _Candidate(COLLECTIVE, start, c.end()))
    return [found[k] for k in sorted(found)]


def _coordinated(masked, norm, start, phrases, lang, res) -> list[tuple[Speaker | str, int]]:
    """Delegations (phrases or names) coordinated from `start`, "A, B and C": (who, end)
    each, up to the last one an "and" joins; a list without "and" is one delegation and
    what follows it (an apposition, "Name, the representative of X")."""
    units: list[tuple[Speaker | str, int]] = []
    coordinated = 1
    pos = start
    while True:
        if pos in phrases:
            units.append((phrases[pos].who, phrases[pos].end))
        else:
            art = res["article"].match(norm, pos)
            name_at = art.end() if art else pos
            hit = (_longest_name_after(masked[name_at:], lang)
                   if masked[name_at:name_at + 1].isupper() else None)
            if hit is None:
                break
            units.append((Speaker(hit[1], hit[0]), name_at + len(hit[0])))
        joined = res["and"].match(norm, units[-1][1])
        if not joined:
            break
        if joined.group().strip(" ,"):
            coordinated = len(units) + 1
        pos = joined.end()
    return units[:coordinated]


