"""Delegate phrases: speakers named by their delegation, without a name ("the representative
of Cuba", "China's delegate", "the Syrian delegate", "le représentant de la France"), the
longest delegation name a phrase holds, and the marks of a turn ("pour sa part", "for her
part").  Styles B and C attribute with these; `speakers` and `takeovers` build on them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..delegations import find_delegation, may_open_name, resolve, resolve_adjective
from ..languages import LANGUAGES, LanguageData, normalize_apostrophes
from .patterns import (
    _ARTICLE_COUNTRY,
    _FILLERS,
    _NAME_ARTICLE,
    _OF,
    COLLECTIVE,
    UNKNOWN,
    Speaker,
    _is_state,
    _spellings,
)
from .verbs import (
    _ECHOED_BY,
    _ECHOED_WHO,
    _own_voice_re,
    _reporting_re,
    _speech_verb,
    _subject_res,
)

# Words that extend a delegate noun: "the Permanent Observer for", "the Deputy Permanent
# Representative of".
_DELEGATE_NOUNS_EXTRA = {
    "en": ("observer", "Observer", "Permanent Observer", "Permanent Representative",
           "Deputy Permanent Representative", "Minister", "Foreign Minister",
           "counterpart", "colleague", *_spellings("chargé d'affaires")),
    "fr": ("observateur", "observatrice", "porte-parole", "homologue", "Observateur permanent",
           "Représentant permanent", "Représentante permanente",
           *_spellings("chargé d'affaires", "chargée d'affaires")),
}

# Delegate phrases: "the representative of X" / "le représentant de X", "X's delegate", "the
# Syrian delegate" / "la délégation américaine".  {noun} and {of} are filled in per language.
_PHRASE_OF = {
    "en": r"(?<![\w’'])(?:[Tt]he\s+|[Aa]\s+|(?:[Hh]is|[Hh]er|[Tt]heir)\s+)?"
          r"(?:(?:Permanent|Deputy|Acting)\s+)*"
          r"(?P<noun>{noun})(?P<pl>s)?\s+{of}",
    "fr": r"(?<![\w’'])(?:[Ll]es?|[Ll]a|[Ll][’']|[Ss]on\s|[Ss]a\s)\s*(?P<noun>{noun})(?P<pl>s)?"
          r"(?:\s+permanente?s?)?\s+{of}",
}

_PHRASE_POSSESSIVE = {
    "en": r"(?P<poss>[’']s?)\s+(?:(?:Permanent|Deputy)\s+)?(?P<noun>{noun})(?P<pl>s)?\b",
}

# "Nepal, said its representative", "Algerians …, that country's delegate recalled".
_PHRASE_ANAPHORA = {
    "en": r"(?<![\w’'])(?:[Ii]ts|[Tt]hat country[’']s|[Tt]he country[’']s)\s+(?P<noun>{noun})\b",
}

# "Même son de cloche du côté des États-Unis, dont la représentante a dit …", "Chile, whose
# delegate said …": the delegation named just before the relative.
_PHRASE_RELATIVE = {
    "en": r"(?<=,\s)whose\s+(?P<noun>{noun})\b",
    "fr": r"(?<=,\s)dont\s+(?:le\s+|la\s+|l[’']\s*)(?P<noun>{noun})\b",
}

_PHRASE_ADJECTIVE = {
    "en": r"(?<![\w’'])(?:[Tt]he|[Aa]n?)\s+(?P<adj>[A-Z][\w\-]+)\s+(?:{noun})\b",
    "fr": r"(?<![\w’'])(?:[Ll]e|[Ll]a)\s+(?:{noun})\s+(?P<adj>[a-zà-ÿ][\w\-]+)",
}

# French puts the mark of a turn after the auxiliary too: "La Russie a, pour sa part, …".
_TURN_AUXILIARY = {"en": "", "fr": r"\s+(?:a|ont)\s*,\s*(?:{marks})\s*,"}

# Longest country/organization name tried, in words ("Saint Vincent and the Grenadines").
_MAX_NAME_WORDS = 9


@lru_cache(maxsize=None)
def _delegate_noun_re(lang: str) -> re.Pattern:
    """A delegate noun of the table ("representative", "délégué"), in any case."""
    return re.compile("|".join(re.escape(n) for n in LANGUAGES[lang].delegate_nouns), re.I)


def _key_of(name: str, lang: str) -> str:
    hit = resolve(name.strip(), lang) or find_delegation(name.strip(), lang)
    return hit.key if hit else UNKNOWN


# ---------------------------------------------------------------------------------------
# Attributions without names (styles B and C)


@lru_cache(maxsize=None)
def _phrase_patterns(lang: str) -> dict[str, re.Pattern]:
    data = LANGUAGES[lang]
    nouns = sorted(set(data.delegate_nouns) | set(_DELEGATE_NOUNS_EXTRA[lang]), key=len,
                   reverse=True)
    fill = {"noun": "|".join(re.escape(n) for n in nouns), "of": _OF[lang]}
    shapes = (("of", _PHRASE_OF), ("possessive", _PHRASE_POSSESSIVE),
              ("anaphora", _PHRASE_ANAPHORA), ("relative", _PHRASE_RELATIVE),
              ("adjective", _PHRASE_ADJECTIVE))
    return {name: re.compile(table[lang].format(**fill)) for name, table in shapes
            if lang in table}


_WORDS = re.compile(r"[\w’'\-.]+|[(),;:«»“”\"]")


def _longest_name_after(text: str, lang: str) -> tuple[str, str] | None:
    """The longest delegation name opening `text`: "Saint Vincent and the Grenadines said"."""
    return _longest_name_opening(text[:160], lang)


# Several rules look for a name after the same words ("M.", "Ouzbékistan."), ~40 % of the
# calls on a release repeat an earlier one, and each tries up to nine prefixes.
@lru_cache(maxsize=8192)
def _longest_name_opening(text: str, lang: str) -> tuple[str, str] | None:
    words = []
    for m in _WORDS.finditer(text):
        w = m.group()
        if w in ",;:«»“”\"" or (w.endswith(".") and len(w) > 2 and not w[:-1].isupper()):
            if w.endswith(".") and w not in ",;:«»“”\"":
                words.append((w[:-1], m.start(), m.end() - 1))
            break
        words.append((w, m.start(), m.end()))
        if len(words) >= _MAX_NAME_WORDS:
            break
    if not words or not may_open_name(text[:words[-1][2]]):
        return None
    for k in range(len(words), 0, -1):
        written = text[:words[k - 1][2]]
        hit = resolve(written, lang)
        if hit is not None:  # "Netherlands (" of "Netherlands (ABC)" is "Netherlands"
            return written.rstrip(" ("), hit.key
    return None


def _longest_name_before(text: str, lang: str) -> tuple[str, str] | None:
    """The longest delegation name ending `text`: "… the Russian Federation" ('s delegate)."""
    spans = [m.span() for m in re.finditer(r"[\w’'\-.]+", text[-160:])]
    offset = max(0, len(text) - 160)
    for k in range(min(len(spans), _MAX_NAME_WORDS), 0, -1):
        start = spans[-k][0] + offset
        written = text[start:]
        hit = resolve(written, lang)
        if hit is not None:
            return written, hit.key
    return None


def _phrase_speaker(text: str, lang: str, data: LanguageData) -> Speaker | str | None:
    """The delegation named by a phrase such as `the representative of Israel` (whole text)."""
    for found, start, _end in _phrases(text, lang, data):
        if start <= 4:
            return found
    return None


def _phrases(text: str, lang: str, data: LanguageData):
    """Every delegate phrase in `text`: (Speaker or COLLECTIVE, start, end)."""
    patterns = _phrase_patterns(lang)
    out = []
    articles = tuple(f"{a} " if a[-1].isalpha() else a for a in data.articles)

    def speaker(key: str, written: str) -> Speaker:
        for article in articles:
            if written.lower().startswith(article):
                return Speaker(key, written[len(article):].lstrip())
        return Speaker(key, written)

    for m in patterns["of"].finditer(text):
        if m.group("pl"):
            out.append((COLLECTIVE, m.start(), m.end()))
            continue
        hit = _longest_name_after(text[m.end():], lang)
        if hit:
            written, key = hit
            out.append((speaker(key, written), m.start(), m.end() + len(written)))
    if "possessive" in patterns:
        for m in patterns["possessive"].finditer(text):
            before = text[:m.start()]
            hit = None if m.group("pl") else _longest_name_before(before, lang)
            if hit:
                written, key = hit
                out.append((speaker(key, written), m.start() - len(written), m.end()))
    if "anaphora" in patterns:
        for m in patterns["anaphora"].finditer(text):
            hit = _named_earlier(text[:m.start()], lang)
            if hit:
                written, key = hit
                out.append((speaker(key, written), m.start(), m.end()))
    for m in patterns["relative"].finditer(text):
        before = text[:m.start() - 2]
        hit = _longest_name_before(before, lang)
        if hit and not re.search(_speech_verb(lang), normalize_apostrophes(before)):
            out.append((speaker(hit[1], hit[0]), m.start(), m.end()))
    for m in patterns["adjective"].finditer(text):
        hit = resolve_adjective(m.group("adj"), lang)
        if hit is not None:
            out.append((speaker(hit.key, m.group("adj")), m.start(), m.end()))
    if lang in _ARTICLE_COUNTRY:
        out.extend(_country_subjects(text, lang, data))
    elif lang in _STATE_SUBJECT_VERBS:
        out.extend(_state_subject(text, lang))
    out.extend(_marked_turns(text, lang))
    out.sort(key=lambda f: f[1])
    return out


@lru_cache(maxsize=None)
def _marked_turn_res(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Where a marked subject may start, the mark after its name, and the mark alone."""
    marks = f"(?i:{'|'.join(LANGUAGES[lang].turn_marks)})"
    start = re.compile(rf"(?:^|(?<=[,;])\s+)[«“\"]?(?:(?P<mark>{marks}),\s+)?"
                       rf"(?:{_NAME_ARTICLE[lang]})?(?=[A-ZÀ-Þ])")
    after = [rf"\s*,\s*{marks}\s*,"]
    if _TURN_AUXILIARY[lang]:
        after.append(_TURN_AUXILIARY[lang].format(marks=marks))
    return start, re.compile("|".join(after)), re.compile(marks)


def _marked_turns(text: str, lang: str):
    """A delegation named alone whose turn the release marks as such: "The Russian
    Federation, for its part, rejected …", "For its part, Japan said …", "La Russie a, de son
    côté, …".  Unmarked, a country alone is as often what the speaker reports ("Kazakhstan
    requested help") as a new speaker, so without the mark it is no subject here.  The span
    covers the mark, which is the evidence that a verb of saying follows."""
    start_re, after_re, _ = _marked_turn_res(lang)
    norm = normalize_apostrophes(text)
    for m in start_re.finditer(norm):
        hit = _longest_name_after(text[m.end():], lang)
        if hit is None:
            continue
        written, key = hit
        end = m.end() + len(written)
        mark = after_re.match(norm, end)
        if m.group("mark") or mark:  # past ", for its part,", not past "a, pour sa part,"
            comma_mark = mark and mark.group().lstrip().startswith(",")
            yield Speaker(key, written), m.start(), mark.end() if comma_mark else end


def _named_earlier(before: str, lang: str) -> tuple[str, str] | None:
    """The country named (or whose people are named) earlier in the sentence, for `its
    representative` / `that country's delegate`."""
    for m in re.finditer(r"\b[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)*", before):
        hit = resolve(m.group(), lang)
        if hit is None:
            word = m.group().split()[0]
            hit = resolve_adjective(word, lang) or resolve_adjective(word.rstrip("s"), lang)
        if hit is not None and _is_state(hit.key):
            return m.group(), hit.key
    return None


def _country_subjects(text: str, lang: str, data: LanguageData):
    """French releases name a country as the speaker: `la Chine a dit`, `a appuyé la
    Norvège`, `La Chine s’est, elle aussi, abstenue`, `L’Union européenne a, par la voix de
    son représentant, indiqué`, `Le Mexique, qui a voté pour, a regretté`, and its view:
    `Pour le Pakistan, la fermeture est illégale` (opening the sentence, no other speaker in
    it)."""
    _, inverted, _ = _subject_res(lang)
    verb = _country_verb_re(lang)
    norm = normalize_apostrophes(text)
    for m in re.finditer(_ARTICLE_COUNTRY[lang], norm):
        hit = _longest_name_after(text[m.end():], lang)
        if not hit:
            continue
        written, key = hit
        end = m.end() + len(written)
        view = norm[:m.start()] in _VIEW_OF.get(lang, ()) and _is_state(key) and re.match(
            r"\s*,", norm[end:]) and not _delegate_noun_re(lang).search(norm[end:]) and not (
            _own_voice_re(lang).search(norm[end:]))
        echoed = re.search(_ECHOED_BY[lang], norm[:m.start()]) and re.match(
            _ECHOED_WHO[lang], norm[end:])  # "Une position partagée par la Chine, qui …"
        if view or echoed or verb.match(_without_apposition(norm[end:end + 200]), 1) or (
                inverted.search(norm[:m.start()]) and re.match(r"\s*(?:[.,;:]|$)", norm[end:])):
            yield Speaker(key, written), m.start(), end
    for m in re.finditer(_AS_FOR, norm):  # "Quant au Panama, il a insisté …"
        hit = _longest_name_after(text[m.end():], lang)
        pronoun = hit and re.match(r"\s*,\s*(?:il|elle|ils|elles)\b", norm[m.end() + len(hit[0]):])
        if pronoun and verb.match(norm[m.end() + len(hit[0]) + pronoun.end():].lstrip()):
            yield Speaker(hit[1], hit[0]), m.start(), m.end() + len(hit[0]) + pronoun.end()


# What may stand between a French State and its verb: a relative, the voice it speaks
# through, a pronoun ("Le Mexique, qui a voté pour, a …", "Le Bangladesh, par la voix de M.
# X, a …", "La Norvège, elle, a voté pour").
_APPOSITION = r"^\s*,\s*(?:qui|dont|par\s+la\s+voix\s+d\w*|elle|lui|eux|elles)\b[^,;«»]{0,100}?,"
_AS_FOR = r"(?:^|(?<=\s))[Qq]uant\s+(?:au|aux|à\s+la|à\s+l')\s*(?=[A-ZÀ-Þ])"


# "Pour le Pakistan, …" opening a sentence: that delegation's view.
_VIEW_OF = {"fr": ("Pour ",)}
# What a State does with a text, besides saying: "s’est abstenue", "a voté contre".
_STATE_ACTS = {"fr": ("abstenu", "voté", "présenté", "qualifié", "déposé", "introduit")}


@lru_cache(maxsize=None)
def _country_verb_re(lang: str) -> re.Pattern:
    """A verb of saying or of acting on a text after a country named alone, the auxiliary
    possibly split from its participle ("a, par la voix de son représentant, indiqué", "a
    quant à lui annoncé", "ont annoncé", "s’est, elle aussi, abstenue")."""
    return re.compile(_speech_verb(lang, _STATE_ACTS.get(lang, ())))


def _without_apposition(rest: str) -> str:
    """What follows a French State alone, less what stands before its verb ("Le Bangladesh,
    par la voix de M. X, a quant à lui …"): the verb, after one space."""
    return " " + re.sub(_APPOSITION, "", rest).lstrip(" ,")


# English names a State as the subject too: "Chile abstained on the text", "Peru,
# on behalf of several States, proposed amendments": a verb of acting on a text, not of
# saying ("Norland deplored the closure" is as often what another speaker reports).
_STATE_SUBJECT_VERBS = {"en": r"abstained|voted|proposed|introduced|tabled|submitted|presented"}
# "The European Union, through its representative, stated …": the delegate speaks.
_THROUGH_ITS = {"en": r"\s*,\s*(?:speaking\s+)?(?:through|via)\s+(?:its|their)\s+(?:{noun})\s*,"}


def _state_subject(text: str, lang: str):
    """A State opening the sentence (after a connective: "Similarly, …") as the subject of
    such a verb, or "Norland’s announced …", its delegate left out."""
    start = m.end() if (m := re.match(r"(?:[A-Z]\w+ly|Meanwhile|However|In turn),\s+",
                                      text)) else 0
    verbs = _STATE_SUBJECT_VERBS[lang]
    possessive = re.match(r"([^,’']{2,60})[’']s(?=\s)", text[start:])
    if possessive and (hit := resolve(possessive.group(1), lang)) is not None:
        written, key, verbs, through = possessive.group(1), hit.key, (
            f"{verbs}|{_reporting_re(lang).pattern}|announced"), None
        rest = text[start + possessive.end():]
        written = possessive.group()
    else:
        found = _longest_name_after(text[start:], lang)
        if not found:
            return
        written, key = found
        rest = text[start + len(written):]
        through = re.match(_THROUGH_ITS[lang].format(noun=_delegate_noun_re(lang).pattern), rest)
        if through:  # its delegate is the subject: any verb of saying, any delegation
            verbs = f"{verbs}|{_reporting_re(lang).pattern}"
        rest = re.sub(r"^\s*,[^,.;]{1,100},", "", rest)  # ", on behalf …,"
    if not (_is_state(key) or through):
        return
    end = start + len(written)
    written = re.sub(r"[’']s$", "", written)
    if re.match(rf"\s+(?:(?:{_FILLERS[lang]})\s+)?(?:{verbs})\b", rest) and not _own_voice_re(
            lang).search(rest):  # "Norland requested help, she said": what she reports
        yield Speaker(key, written), start, end


