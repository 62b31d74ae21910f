"""Who speaks: named introductions (style A: `M. NAME (Pays) a …`, `NAME, Title, said`, a
quotation then the named speaker, a title then the name), with what the opening clause says
of the turn (on behalf of whom, a repeat, national capacity), and the attributions a
sentence holds: delegate phrases (`phrases`) and named speakers as the subject of a verb of
saying (`verbs`), at its opening, inside it or inverted at its end.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..delegations import (
    find_delegation,
    leading_list,
    list_keys,
    resolve,
    without_list_article,
)
from ..languages import LANGUAGES, LanguageData, normalize_apostrophes
from .patterns import (
    _NAME_ARTICLE,
    _OF,
    COLLECTIVE,
    UN_KEY,
    UNKNOWN,
    Speaker,
    _is_state,
)
from .phrases import (
    _MAX_NAME_WORDS,
    _delegate_noun_re,
    _key_of,
    _longest_name_after,
    _phrase_patterns,
    _phrase_speaker,
    _phrases,
)
from .verbs import (
    _ANSWERING,
    _ECHOED_BY,
    _ECHOED_WHO,
    _INTRODUCED_BY,
    _OWN_VOICE_EXTRA,
    _WHEN_WHERE_TOLD,
    _own_voice_re,
    _reporting_re,
    _singular_subjects,
    _speech_verb,
    _subject_res,
)

# "Pour M. NAME (Pays), il …": words that may precede a speaker introduction.
_INTRO_PREFIXES = {"en": ("For",), "fr": ("Pour", "Selon")}
# When the speaker spoke, before the name: "Speaking before the vote, NAME (X) said", "Also
# speaking before the vote was NAME (X), who said", "S’exprimant avant le vote, M. X", "The
# Council also heard from Dr. X, …, who said", "Le Conseil a également entendu le docteur X".  A
# turn taken again ("Taking the floor a second time, …") is read by `_with_context`.
_CIRCUMSTANCE = {
    "en": re.compile(r"(?:(?:Also\s+)?(?:Speaking|Explaining\s+(?:his|her|their)\s+vote|"
                     r"Introducing|Presenting|Tabling)\b"
                     r"[^,.;:]{0,60},\s+|Also\s+(?:speaking|briefing)\b[^,.;:]{0,40}?\s+"
                     r"(?:was|were)\s+|The\s+(?:Council|Assembly|Committee|Commission)\s+"
                     r"(?:also\s+|then\s+|further\s+)?heard\s+(?:from\s+|a\s+briefing\s+by\s+)?)"
                     r"(?=[A-ZÀ-Þ])"),
    "fr": re.compile(r"(?:(?:S[’']exprimant|Expliquant\s+son\s+vote|Présentant|Introduisant)"
                     r"\b[^,.;:]{0,60},\s+|A\s+également\s+(?:présenté\s+un\s+"
                     r"exposé|fait\s+un\s+exposé|pris\s+la\s+parole)\s+|(?:Le\s+Conseil|"
                     r"L[’']Assemblée|La\s+Commission|Le\s+Comité)\s+a\s+(?:également\s+|"
                     r"aussi\s+|ensuite\s+)?entendu\s+(?:(?:le|la)\s+(?:docteure?|"
                     r"professeure?)\s+)?)(?=[A-ZÀ-Þ])"),
}
_NATIONAL_CAPACITY = {
    "en": ("national capacity",),
    "fr": ("qualité nationale", "titre national", "capacité nationale"),
}
@dataclass(frozen=True, slots=True)
class _Found:
    """An attribution in a sentence: who, and where the phrase sits."""

    who: Speaker | str  # a Speaker, or COLLECTIVE
    opening: bool  # the phrase opens the sentence (before its main verb)


_QUOTED = re.compile(r"[«“][^»”]*[»”]|\"[^\"]{1,800}\"")  # straight quotes in pasted text
_QUOTE_LEAD = re.compile(r"^[«“\"][^»”\"]{0,800}[»”\"]\s*,?\s*")
_TOKEN = re.compile(r"\S+")
_PAREN = re.compile(r"\s*,?\s*\(")


def _is_caps_token(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and bool(
        re.fullmatch(r"[\w.’'\-]+", token))


# One or two short clauses before a named speaker: "Reprenant la parole, M. NAME (Pays) a …",
# "Speaking in his national capacity, the President of the Council, Mr. NAME (Ghana), urged".
# The name must follow the comma at once: "Referring to Mr. NAME (X), he said" is a mention.
_LEADING_CLAUSE = re.compile(r"[^\W\d_](?:[^,.;:!?«»“”\"()]|\([^().;]{1,40}\)){2,100},\s+")


def _intro(text: str, lang: str, data: LanguageData) -> Speaker | None:
    """A named speaker opening the paragraph: `M. NAME (Pays) a …`, `NAME, Title, said`,
    `« … », M. NAME (Pays) a rappelé`, `Pour M. NAME (Pays), …`, `Name, the representative
    of X, said`, possibly after a clause or two (`Taking the floor again, Mr. NAME (X) …`)."""
    found = (_caps_intro(text, lang, data) or _name_title_intro(text, lang, data, opening=True)
             or _title_name_intro(text, lang, data) or _mixed_paren_intro(text, lang, data)
             or _inverted_intro(text, lang, data) or _name_of_body_intro(text, lang, data))
    pos = 0
    for _ in range(2):
        if found is not None:
            break
        clause = _LEADING_CLAUSE.match(text, pos)
        if clause is None:
            return None
        pos = clause.end()
        found = (_caps_intro(text[pos:], lang, data)
                 or _name_title_intro(text[pos:], lang, data, opening=True)
                 or _title_name_intro(text[pos:], lang, data))
        if found is not None:  # what the clauses say of the turn: a reply, for a group
            found = _with_context(found, text, lang, data)
            # "The President of the General Assembly, NAME (X)": a noun phrase is a title;
            # "Reprenant la parole, M. NAME (X)" is not
            title = re.match(r"(?i:the|le|la|l[’'])\s*(?P<t>[A-ZÀ-Þ].*)",
                             clause.group().strip(" ,"))
            if title:
                found = _in_office(found, title.group("t"), data)
    return found


def _inverted_intro(text: str, lang: str, data: LanguageData) -> Speaker | None:
    """A quotation, then the verb, then the named speaker: `“We are here to stay,” said Mr.
    NAME (Canada), adding …`, `« Nous resterons », a déclaré M. NAME (Canada).`"""
    quote = _QUOTE_LEAD.match(text)
    verb = quote and re.match(rf"(?:{_reporting_re(lang).pattern})\s+", text[quote.end():])
    if not verb:
        return None
    found = _caps_intro(text[quote.end() + verb.end():], lang, data)
    return found if found is not None and found.key != UNKNOWN else None


def _inverted_of_body(text: str, lang: str, data: LanguageData) -> Speaker | None:
    """"“…,” said Mariam Al-Tayeb, co-founder of Civic Infrastructure Watch, a network …": a
    person of a body no table knows, whose words these are, not the speaker before's (tried
    when no other reading of the paragraph's opening found a speaker)."""
    quote = _QUOTE_LEAD.match(text)
    verb = quote and re.match(rf"(?:{_reporting_re(lang).pattern})\s+", text[quote.end():])
    if not verb:
        return None
    rest = text[quote.end() + verb.end():]
    honorific = _honorific_re(lang).match(rest)
    m = _NAMED_OF_BODY.match(rest, honorific.end() if honorific else 0)
    if m is None or not _mixed_name(m.group("name"), data):
        return None
    hit = find_delegation(m.group("body"), lang)
    return Speaker(hit.key if hit else UNKNOWN, hit.name if hit else m.group("body").strip(),
                   m.group("name"), role=m.group("title").strip())



def _office_after(speaker: Speaker, after: str, lang: str, data: LanguageData) -> Speaker:
    """"NAME (Country), President of the General Assembly, said": the office named after the
    parenthesis (`_in_office`); not "Pour M. NAME (Pays), la Mission illustre …", where what
    follows is what was said."""
    if not re.match(r"\s*,", after):
        return speaker
    _, title = _title_segments(after.lstrip(" ,"), lang)
    if title and len(title.split()) <= 20 and not re.search(r"[.;:!?]", title):
        return _in_office(speaker, title, data)
    return speaker


def _in_office(speaker: Speaker, title: str, data: LanguageData) -> Speaker:
    """A speaker named with a country and a UN office ("NAME (Trinidad and Tobago),
    President of the General Assembly, said") speaks for the office, unless the release says
    it is in a national capacity; any other title is kept as the role."""
    speaker = replace(speaker, role=speaker.role or title)
    low = normalize_apostrophes(title).lower()
    if not speaker.national_capacity and any(
            normalize_apostrophes(t).lower() in low for t in data.un_titles):
        return replace(speaker, key=UN_KEY, delegation=None)
    return speaker


def _skip_prefixes(text: str, lang: str, data: LanguageData) -> tuple[int, str | None]:
    pos = 0
    m = _QUOTE_LEAD.match(text)
    if m:
        pos = m.end()
    for prefix in _INTRO_PREFIXES[lang]:
        if text.startswith(prefix + " ", pos):
            pos += len(prefix) + 1
            break
    m = _CIRCUMSTANCE[lang].match(text, pos)  # "Speaking before the vote, NAME (X) noted"
    if m:
        pos = m.end()
    honorific = None
    m = _honorific_re(lang).match(text, pos)
    if m:
        honorific = m.group(1)
        pos = m.end()
    return pos, honorific


@lru_cache(maxsize=None)
def _honorific_re(lang: str) -> re.Pattern:
    alt = "|".join(re.escape(h) for h in sorted(LANGUAGES[lang].honorifics, key=len, reverse=True))
    return re.compile(rf"({alt})\s+")


def _caps_intro(text: str, lang: str, data: LanguageData) -> Speaker | None:
    pos, honorific = _skip_prefixes(text, lang, data)
    names: list[str] = []
    end = pos
    comma = False
    for m in _TOKEN.finditer(text, pos):
        token = m.group()
        bare = token.rstrip(",")
        if not _is_caps_token(bare) or len(names) >= 8:
            break
        names.append(bare)
        end = m.start() + len(bare)
        if token.endswith(","):
            comma = True
            break
    if not names or not any(sum(c.isalpha() for c in n) >= 2 for n in names):
        return None
    if not honorific and len(names) < 2:
        return None
    name = " ".join(names)
    rest = text[end:]
    paren = _PAREN.match(rest)
    if paren:
        inner, after = _balanced(rest, paren.end())
        if inner is None:
            return None
        if not honorific and re.match(r"\s*[A-ZÀ-Þ]", after) and not re.match(r"\s*,", after):
            return None  # "UN WOMEN (…) Annual Report": not a sentence about a speaker
        key = _key_of(inner, lang)
        speaker = _with_context(Speaker(key, inner.strip(), name), after, lang, data)
        plain = not _QUOTE_LEAD.match(text) and not text.startswith(
            tuple(f"{prefix} " for prefix in _INTRO_PREFIXES[lang]))
        return _office_after(speaker, after, lang, data) if plain else speaker
    of = re.match(r"\s+" + _OF[lang], rest)
    if of and not comma:
        found = _longest_name_after(rest[of.end():], lang)
        if found:
            written, key = found
            return _with_context(Speaker(key, written, name), rest, lang, data)
    if comma or rest.startswith(","):
        title_end, title = _title_segments(rest.lstrip(",").lstrip(), lang)
        if title and len(names) >= 2 or (title and honorific):
            key, written = _title_delegation(title, lang, data)
            if key == UNKNOWN:  # "NAME, a representative of the Institute for …": a speaker
                written = _body_of(title, lang)  # of a body no table knows, not a follow-on
            return _with_context(Speaker(key, written, name, role=title), rest, lang, data)
    if honorific:
        # "Ms. DICARLO, responding to …": a name already introduced; filled in by the reader.
        return _with_context(Speaker(UNKNOWN, None, name), rest, lang, data)
    return None


# Verbs a briefer's testimony takes besides the table's verbs of saying ("shared her
# experience", "a témoigné"): any past tense.
_LOOSE_SPEECH = {"en": r"(?:\w+ly\s+)?(?:[a-z]{3,}ed|told|spoke|gave|took|drew|made)\b",
                 "fr": r"(?:a|s[’']est)\s+(?:\w+ment\s+)?[a-zéè]{3,}[éi]\b"}


def _body_of(title: str, lang: str) -> str:
    """The body a title names ("a representative of the Institute for X" -> "Institute for
    X"), else the title itself."""
    m = re.search(rf"\b{_OF[lang]}(?:{_NAME_ARTICLE[lang]})?(?=[A-ZÀ-Þ])", title)
    return title[m.end():].strip() if m else title.strip()


def _balanced(text: str, start: int) -> tuple[str | None, str]:
    """Content of the parenthesis opened just before `start`, and the text after it."""
    depth = 1
    for i in range(start, min(len(text), start + 200)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return text[start:i], text[i + 1:]
    return None, ""


def _top_level_segments(text: str) -> list[str]:
    """Comma-separated segments of the first sentence, commas inside parentheses kept."""
    segments, depth, last = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            segments.append(text[last:i])
            last = i + 1
        elif ch in ".;:" and depth == 0 and re.match(r"[.;:]\s+[A-Z«“]", text[i:i + 3]):
            break
    return segments


def _title_segments(rest: str, lang: str) -> tuple[int, str | None]:
    """The title in `Title, [and Title,] verb …`: leading segments that read as titles."""
    titles = []
    nouns = _delegate_noun_re(lang)  # "representative of the United States" is a title too
    of = re.compile(rf"{_OF[lang]}(?:the\s+)?[A-ZÀ-Þ]")
    for segment in _top_level_segments(rest):
        s = segment.strip()
        bare = re.sub(r"^(?:and|et|the|la|le|l’|l'|a|an|un|une)\s+", "", s)
        if not s or not (bare[:1].isupper() or s.startswith(("the ", "l’", "l'"))
                         or nouns.match(bare) or of.match(s)):  # ", of the European Union,"
            break
        titles.append(s)
        if len(titles) >= 3:
            break
    if not titles:
        return 0, None
    return 0, ", ".join(titles)


_GOVERNMENT = {"en": re.compile(r"\b(?:Minister|Ministry|Government)\b"),
               "fr": re.compile(r"\b(?:[Mm]inistre|[Mm]inistère|Gouvernement)\b")}


def _title_delegation(title: str, lang: str, data: LanguageData) -> tuple[str, str | None]:
    """Delegation of a speaker known by title: the country or body named in it, else org:UN
    for UN officials' titles."""
    found = _phrase_speaker(title, lang, data)
    if isinstance(found, Speaker):
        return found.key, found.delegation
    # "Special Envoy for the Canal of the Foreign Minister of Norway": an envoy of a
    # State's Government speaks for that State, whatever the UN-sounding title.
    for found, start, end in _phrases(title, lang, data):
        if isinstance(found, Speaker) and _GOVERNMENT[lang].search(title[start:end]):
            return found.key, found.delegation
    hit = find_delegation(title, lang)
    if hit is not None:  # a UN title alone comes back whole: no delegation name was written
        return hit.key, None if hit.name == title.strip() else hit.name
    low = normalize_apostrophes(title).lower()
    if any(normalize_apostrophes(t).lower() in low for t in data.un_titles):
        return UN_KEY, None
    return UNKNOWN, None


_NAME_TOKEN = r"(?:[^\W\d_][\w’'\-]*\.?|[^\W\d_]\.)"
_NAME_TITLE = re.compile(
    rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,6}}),\s+(?P<rest>.+)", re.S)
# Words of a title, not of a name ("Ukraine’s President Volodymyr Zelenskyy said", quoted).
_NAMED_OF_BODY = re.compile(
    rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,4}}),\s+(?P<title>[^\W\d_][^,.;:()]{{2,60}}?"
    r"\s+(?:of|at|for|de\s+la|de\s+l[’']|du|des|de|d[’'])\s*(?:the\s+)?"
    r"(?P<body>[A-ZÀ-Þ][^,.;:()]{2,80}))"
    r"(?=\s*(?:[,.;]|$))")


_TITLE_WORDS = frozenset({"President", "Prime", "Minister", "Foreign", "Ambassador", "King",
                          "Queen", "Government", "Permanent", "Representative", "Deputy",
                          "Secretary", "General", "Chancellor", "Envoy", "Leader",
                          "Ambassadeur", "Ambassadrice", "Ministre", "Président", "Présidente"})
@lru_cache(maxsize=None)
def _name_of_body_re(lang: str) -> re.Pattern:
    """`NAME of BODY, who said`, `NAME of BODY said`, `NAME, du Japon, a annoncé`."""
    verb = rf"(?:{_speech_verb(lang)}|{_LOOSE_SPEECH[lang]})"
    return re.compile(rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,6}}?),?\s+"
                      r"(?:of|de\s+la|de\s+l[’']|du|de)\s+(?P<body>[A-ZÀ-Þ][^,.;:()]{2,80}?)"
                      rf"(?:,\s*(?:who\s+|qui\s+)?|\s+)(?={verb})")


def _titled(name: str) -> tuple[str, str | None]:
    """A name less the title words before it ("Foreign Minister Ana Silva" -> "Ana Silva",
    "Foreign Minister"; "L’Ambassadeur Kenji Sato")."""
    words = re.sub(r"^(?:L[’']|Le\s+|La\s+)", "", name).replace(",", " ").split()
    n = next((i for i, w in enumerate(words) if w not in _TITLE_WORDS), len(words))
    return " ".join(words[n:]), " ".join(words[:n]) or None


def _name_of_body_intro(text: str, lang: str, data: LanguageData) -> Speaker | None:
    """`Also briefing the Council was Mira Dahl of Norland Canal Watch, who said …`: a person
    named with their body, then a verb of saying; the body may be one no table knows."""
    pos, honorific = _skip_prefixes(text, lang, data)
    m = _name_of_body_re(lang).match(text, pos)
    name, title = _titled(m.group("name")) if m else ("", None)
    if not m or len(name.split()) < 2 and not honorific or not (
            honorific or _mixed_name(name, data)):
        return None
    body = m.group("body").strip()
    hit = find_delegation(body, lang)
    return Speaker(hit.key if hit else UNKNOWN, body, name, role=title)


_PARTICLES = {"de", "da", "del", "della", "di", "do", "dos", "das", "du", "des", "la", "le",
              "van", "von", "der", "den", "ter", "bin", "ben", "ibn", "al", "el", "y", "e"}


def _mixed_name(name: str, data: LanguageData) -> bool:
    """`Gilad Menashe Erdan`, `Almaha Mubarak F. J. Al-thani`: capitalized name words."""
    words = name.split()
    if words[0].lower() in data.stop_words or words[0].lower().endswith("ing"):
        return False
    return all(w[0].isupper() or w.lower().rstrip("-") in _PARTICLES for w in words) and not all(
        _is_caps_token(w) for w in words)


def _name_title_intro(text: str, lang: str, data: LanguageData,
                      opening: bool = False) -> Speaker | None:
    """`Name, Title, said`.  A title no table knows ("Director of Norland Canal Watch, a
    civil society organization") makes a speaker of a body of its own only at a paragraph's
    `opening` and with a verb of saying right after it: a briefer, never a follow-on."""
    pos, honorific = _skip_prefixes(text, lang, data)  # "M. Vassily Nebenzia, représentant …"
    m = _NAME_TITLE.match(text, pos)
    if not m or not (_mixed_name(m.group("name"), data)
                     or honorific and m.group("name")[:1].isupper()) or (
            not honorific and resolve(m.group("name"), lang)):
        return None  # "Sierra Leone, Somalia and Guyana), the …": a list, not a person
    _, title = _title_segments(m.group("rest"), lang)
    key, written = _title_delegation(title, lang, data) if title else (UNKNOWN, None)
    if title and key == UNKNOWN:  # "Director of the Division, Head of the Office for …"
        rest = re.split(r"[.;:]|,\s+(?:said|told|adding|noting|stressing)\b", m.group("rest"))[0]
        key, written = _title_delegation(rest, lang, data)
    if key == UNKNOWN:
        briefer = opening and not _collective_opening(text[pos:], lang) and not re.search(
            r"[’']s\b", m.group("name")) and re.match(
            rf"(?P<title>[^,.;:()]{{3,120}})(?:,\s*[^,.;:]{{2,80}}){{0,2}},\s*(?:who\s+|qui\s+)?"
            rf"(?:{_speech_verb(lang)}|{_LOOSE_SPEECH[lang]})", m.group("rest"))
        if not briefer:
            return None
        title = re.sub(r"^(?:of|de\s+la|de|du|d[’'])\s+", "", briefer.group("title").strip())
        hit = find_delegation(title, lang)  # "L’Ambassadeur Kenji Sato, du Japon, a …"
        name, office = _titled(m.group("name"))
        return _with_context(Speaker(hit.key if hit else UNKNOWN, hit.name if hit else
                                     _body_of(title, lang), name or m.group("name"),
                                     role=office or title), m.group("rest"), lang, data)
    delegate = _phrase_speaker(title, lang, data) or _delegate_noun_re(lang).match(title)
    role = None if delegate else title
    name, office = _titled(m.group("name"))
    if office and re.match(_OF[lang], title):  # "L’Ambassadeur Kenji Sato, du Japon, a …"
        return _with_context(Speaker(key, written, name, role=office), m.group("rest"), lang,
                             data)
    return _with_context(Speaker(key, written, m.group("name"), role=role), m.group("rest"),
                         lang, data)


# A title before the name: "Secretary-General ANTÓNIO GUTERRES said", "Council President
# NAME (Russian Federation), speaking …", "The Secretary-General, António Guterres, said",
# "Le Secrétaire général, M. António Guterres, a déclaré".
_TITLE_THEN_CAPS = re.compile(
    r"(?P<title>(?:[A-ZÀ-Þ][\w’'\-]*\s+){1,5}?)(?=[A-ZÀ-Þ\-’']{2,}\s+[A-ZÀ-Þ])")
_ALSO_WAS = {"en": re.compile(r"Also\s+(?:speaking|briefing)\b[^,.;:]{0,40}?\s+(?:was|were)\s+"
                             r"(?=the\s)"),
             "fr": re.compile(r"A\s+également\s+(?:présenté\s+un\s+exposé|fait\s+un\s+exposé|"
                             r"pris\s+la\s+parole)\s+(?=l[ae’']\s*)")}
_TITLE_APPOSITION = re.compile(
    r"(?:[Tt]he|[Ll]e|[Ll]a|[Ll]’|[Ll]')\s*(?P<title>[^,.;:]{3,200}),\s+(?P<name>[^,;:()]{3,60}),\s+"
    r"(?:who\s+|qui\s+)?")


def _title_name_intro(text: str, lang: str, data: LanguageData) -> Speaker | None:
    """A speaker known by title, then named (see above), possibly after "Also briefing
    was".  The title must say whom the speaker is for (a UN title, a country): a
    capitalized phrase alone is no speaker."""
    m = _ALSO_WAS[lang].match(text)  # "Also briefing was the Director of …, Name, who said"
    if m:
        text = text[m.end():]
    m = _TITLE_THEN_CAPS.match(text)
    if m:
        title = m.group("title").strip()
        rest = text[m.end():]
        found = _caps_intro(rest, lang, data)
        if found is not None and found.key != UNKNOWN:
            return replace(found, role=found.role or title)
        names = list(itertools.takewhile(_is_caps_token, rest.split()[:8]))
        name = " ".join(names)
        if len(names) >= 2 and re.match(_subject_res(lang)[0], rest[len(name):]):
            key, written = _title_delegation(title, lang, data)
            if key != UNKNOWN:
                return _with_context(Speaker(key, written, name, role=title), rest, lang, data)
    m = _TITLE_APPOSITION.match(text)
    if m:
        pos, honorific = _skip_prefixes(m.group("name"), lang, data)
        name = m.group("name")[pos:]
        if (honorific or _mixed_name(name, data)) and re.match(
                _subject_res(lang)[0], text[m.end():]):
            key, written = _title_delegation(m.group("title"), lang, data)
            if key != UNKNOWN and not _phrase_speaker(m.group("title"), lang, data):
                return _with_context(Speaker(key, written, name, role=m.group("title")),
                                     text[m.end():], lang, data)
    return None


_INITIALS_OR_NAME = rf"(?:(?:[^\W\d_]\.){{2,}}|{_NAME_TOKEN})"  # "T.S. Tirumurti"
_NAME_PAREN = re.compile(rf"(?P<name>{_INITIALS_OR_NAME}(?:\s+{_INITIALS_OR_NAME}){{0,6}})"
                         r"\s*\((?P<inner>[^()]{2,80})\)")


def _mixed_paren_intro(text: str, lang: str, data: LanguageData) -> Speaker | None:
    """`Vassily Nebenzia (Russian Federation) said`, `Mme Linda Thomas-Greenfield (États-Unis)
    a dit`: the capitals style A uses, lost (a copy from a page that only shows them).  The
    name must read as a person's (an honorific, or capitalized words that are no delegation:
    "Collective Security Treaty Organization (CSTO)" is the body, named with its acronym)
    and the parenthesis a delegation, followed by a comma or a verb."""
    pos, honorific = _skip_prefixes(text, lang, data)
    m = _NAME_PAREN.match(text, pos)
    if not m or not (honorific or _mixed_name(m.group("name"), data) and len(
            m.group("name").split()) >= 2) or resolve(m.group("name"), lang):
        return None
    key = _key_of(m.group("inner"), lang)
    after = text[m.end():]
    if key == UNKNOWN or not re.match(rf"\s*,|{_subject_res(lang)[0].pattern}", after):
        return None
    name = m.group("name")
    office = _office_before(name, data)  # "Assembly President Dennis Francis (…)"
    speaker = _with_context(Speaker(key, m.group("inner").strip(), name[len(office):].strip()
                                    if office else name), after, lang, data)
    if office:
        speaker = _in_office(speaker, office.strip(), data)
    return _office_after(speaker, after, lang, data)


def _office_before(name: str, data: LanguageData) -> str:
    """A UN office written before a person's name, as their title ("Assembly President")."""
    titles = sorted(data.un_titles, key=len, reverse=True)
    m = re.match(rf"(?:{'|'.join(map(re.escape, titles))})\s+(?=[A-ZÀ-Þ])", name)
    return m.group() if m else ""


def _with_context(speaker: Speaker, after: str, lang: str, data: LanguageData) -> Speaker:
    """Add what the opening clause says about the turn: on behalf of whom, a repeat turn,
    national capacity."""
    clause = _first_clause(after)
    low = normalize_apostrophes(clause).lower()
    reply = any(normalize_apostrophes(m).lower() in low for m in data.reply_markers)
    national = any(m in low for m in _NATIONAL_CAPACITY[lang])
    group = _on_behalf(clause, lang)
    named = after.find(speaker.delegation) if speaker.delegation else -1
    if group is None and named >= len(clause):
        # inverted: "…,” said the representative of Belgium, also speaking for Luxembourg …"
        tail = re.split(r"[.!?»”\"](?:\s|$)", after[named + len(speaker.delegation):], maxsplit=1)
        group = _on_behalf(_first_clause(tail[0]), lang)
    if group:
        written, keys = group
        speaker = replace(speaker, on_behalf_of=written, on_behalf_keys=keys,
                          on_behalf_key=keys[0] if len(keys) == 1 else None)
    return replace(speaker, reply=reply or speaker.reply, national_capacity=national)


def _first_clause(text: str) -> str:
    m = re.search(r"[.!?]\s+[A-Z«“À-Þ]|\s(?:said|a dit|a déclaré)\b", text[:600])
    return text[:m.start()] if m else text[:600]


@lru_cache(maxsize=None)
def _on_behalf_re(lang: str) -> re.Pattern:
    markers = sorted(LANGUAGES[lang].on_behalf_markers, key=len, reverse=True)
    alt = "|".join(re.escape(normalize_apostrophes(m)) for m in markers)
    return re.compile(rf"\b(?i:{alt})\s+(?P<g>(?:(?:the|la|le|l')\s*)?[A-ZÀ-Þ][^;:]*)")


def _on_behalf(clause: str, lang: str) -> tuple[str, tuple[str, ...]] | None:
    """Whom the speaker also speaks for: the whole list as written ("Denmark, Finland, Iceland
    and Norway", "Estonia and Lithuania") and the keys of its names, read up to the first
    part that names no delegation (", said …").  A group no table knows ("the Group of
    Friends of X", "WEOG") is kept as written, with no key: exact, "Group of Friends of the
    UN Charter" is not org:UN; "Name (ACRONYM)" resolves by either."""
    m = _on_behalf_re(lang).search(normalize_apostrophes(clause))
    if not m:
        return None
    start = m.start("g")
    text = clause[start:start + len(m.group("g"))]
    keys, end = leading_list(text, lang)
    if not keys and (members := _MEMBERS.match(text)) and (
            keys := list_keys(members.group("a") or members.group("b"), lang)):
        return members.group().strip(" ,—–"), keys  # "the A3+ (Algeria, …)": its members
    if not keys:  # "the Group of Friends of X": as written, article and all
        return re.split(r"\s*,", text, maxsplit=1)[0].strip(), ()
    return without_list_article(text[:end]), keys


# A group no table knows, its members in parentheses or between dashes: "the A3+ (Algeria,
# Guyana and Sierra Leone)", "the A3+ — Algeria, Guyana and Sierra Leone —".
_MEMBERS = re.compile(r"[^,()—–]{1,60}?\s*(?:\((?P<a>[^()]+)\)|[—–]\s*(?P<b>[^—–]+?)\s*[—–])")


def _attributions(sentence: str, lang: str, data: LanguageData) -> list[_Found]:
    """Who the sentence reports, in order: delegate phrases that are subjects of a verb of
    saying (`the representative of Cuba demanded`, `…, stated Pakistan's representative`,
    `Name, Title, told the Council`), or COLLECTIVE for `Many speakers …`.  A delegation
    the speaker's own voice takes up is what the speaker reports (`_reported`)."""
    verb_after, inverted, _ = _subject_res(lang)
    norm = normalize_apostrophes(sentence)
    found: list[_Found] = []
    own = _own_voice_re(lang)
    masked = _masked_quotes(sentence)  # "« Le délégué de X ment », a-t-il lancé": quoted
    named = list(_inline_named(masked, lang, data))
    # a delegate phrase that a named speaker holds ("Chile’s Foreign Minister Ana Silva"):
    # the named speaker
    phrases = [(w, a, b) for w, a, b in _phrases(masked, lang, data)
               if not any(na <= a < nb and isinstance(w, Speaker) and nw.key == w.key
                          for nw, na, nb in named)]
    for who, start, end in [*phrases, *named]:
        before = norm[:start].rstrip()
        alone = isinstance(who, Speaker) and not who.speaker and not _delegate_noun_re(
            lang).search(norm[start:end])
        if _reported(norm[end:], lang, alone) or own.search(before):
            continue  # "Selon lui, la Chine a demandé …": what the speaker reports
        # "Pour la déléguée du Mexique, le …", "Ce à quoi le délégué danois a répondu"
        opening = not before.strip(" «“\"") or bool(re.match(_ANSWERING[lang], before)) or (
            before in _INTRO_PREFIXES[lang] and norm[end:].lstrip().startswith(",")) or bool(
            (before.endswith(",") or re.search(r"[—–][^—–]+[—–]$", before))  # "… — A, B — the …"
            and re.match(r"[^.;:]{0,200}$", before)
            and not re.search(r"[»”\"]\s*,?$", before) and verb_after.match(norm[end:]))
        tail = before.endswith((",", "»", "”", "\"", ",»", ",”")) and verb_after.match(norm[end:])
        inv = bool(inverted.search(before) or re.search(_INTRODUCED_BY[lang], before) or (
            re.search(_ECHOED_BY[lang], before) and re.match(_ECHOED_WHO[lang], norm[end:])))
        if opening or tail or inv:
            found.append(_Found(who, opening and not inv))
    if not any(isinstance(f.who, Speaker) for f in found) and _collective_opening(norm, lang):
        found.insert(0, _Found(COLLECTIVE, True))
    return found


_QUOTE_MASK = "\u00b7"  # stands in for quoted words


_INCISE = re.compile(r",\s+(?:said|added|stressed|a\s+(?:\w+ment\s+)?[a-zéè]{3,}[éi]|"
                     r"a-t-(?:il|elle))\s[^,]{2,120},")


def _masked_quotes(text: str) -> str:
    """The text with quoted words replaced by a mark of the same length: offsets stay valid,
    and a delegation named inside a quotation is never taken for a subject, except in the
    incise of a quotation split around its speaker ("« Le canal, a déclaré le représentant
    de l’Inde, est … »")."""
    return _QUOTED.sub(lambda m: m.group() if _INCISE.search(m.group()) else m.group()[0]
                       + _QUOTE_MASK * (len(m.group()) - 2) + m.group()[-1], text)


# What follows a delegation that is not the subject of the sentence: a pronoun that takes it
# up ("…, the delegate from the Russian Federation, he said …"), or a verb that is no verb of
# saying with the speaker's own voice later ("the delegation of X has sabotaged …, he said").
_DISLOCATED = {"en": r"\s*,\s*(?:he|she)\s", "fr": r"\s*,\s*(?:il|elle|a-t-(?:il|elle))\s"}
_ACTION_VERB = {"en": r"\s+(?:has|have|had|is|was|were|will|would|can|could|\w+ed)\b",
                "fr": r"\s+(?:a|ont|avait|avaient|est|sont|était)\s+(?!dit|déclaré|indiqué)"}


def _reported(after: str, lang: str, alone: bool = False) -> bool:
    """The speaker's voice at the end of the sentence makes what a delegation did reported:
    a State named without a delegate (`alone`: "La Chine a proposé …, a-t-il rappelé"), or a
    delegate whose verb is no verb of saying ("The delegate of X is lying, he said"); a
    delegate's verb of saying keeps the words the delegate's ("the United States’ delegate
    called for …, she stated")."""
    speech = re.match(rf"\s*(?:,[^,]{{1,80}},\s*)?{_speech_verb(lang)}", after)
    if re.match(_DISLOCATED[lang], after) or (alone or not speech) and re.search(
            rf"[,;:»”]\s*(?:{_OWN_VOICE_EXTRA[lang]}|(?:{_singular_subjects(lang)})\s+"
            rf"{_speech_verb(lang)})[^,;]*$", after):
        return True
    # "…, which he said would …", "…, qui vise selon lui à …": the voice of the subject itself
    main = re.sub(_RELATIVE[lang], "", after)
    return bool(re.match(_ACTION_VERB[lang], after)) and not _reporting_re(lang).match(
        after.lstrip()) and bool(_own_voice_re(lang).search(main))


_RELATIVE = {"en": r",\s*(?:which|that|who)\s[^,;.]*",
             "fr": r",\s*(?:qui|que|qu['’]|dont)\s*[^,;.]*"}


def _collective_opening(sentence: str, lang: str) -> bool:
    """`Many speakers …`, `The Council …`, `They …` opening the sentence, quotes aside; not
    "Some States have reopened their ports, she noted", the speaker's own report."""
    unquoted = _QUOTED.sub("“…”", normalize_apostrophes(sentence)).lstrip("«“\" ")
    return bool(_subject_res(lang)[2].match(unquoted)) and not _own_voice_re(lang).search(
        unquoted)


# Where a named speaker may follow the verb of an inversion: "…,” echoed Ana Silva, Minister
# for Foreign Affairs of X".
_INVERTED_AT = {"en": r"[,»”\"]\s*(?:\w+ly\s+)?(?:{reporting}|[a-z]{{3,}}ed)\s+",
                "fr": r"[,»”\"]\s*(?:{reporting}|a\s+(?:\w+ment\s+)?[a-zéè]{{3,}}[éi])\s+"
                      r"(?:{told}\s+(?=(?:{honorific})\s|(?:le|la|l[’'])\s*[A-ZÀ-Þ]))?"}


def _inline_named(sentence: str, lang: str, data: LanguageData):
    """`…, Tom Fletcher, Under-Secretary-General for …, told the Security Council`, and
    `“…,” echoed Ana Silva, Minister for Foreign Affairs of X`."""
    at = _INVERTED_AT[lang].format(reporting=_reporting_re(lang).pattern,
                                   told=_WHEN_WHERE_TOLD[lang],
                                   honorific="|".join(map(re.escape, data.honorifics)))
    for m in re.finditer(rf"(?:^|,\s+|(?P<inv>{at}))(?=[A-ZÀ-Þ])", sentence):
        named = sentence[m.end():]
        if m.group("inv"):  # the title may end the sentence: "…,” echoed X, Minister of Y."
            named = re.sub(r"[.!?]?[»”\"]?\s*$", ", ", named)
        speaker = _name_title_intro(named, lang, data)
        if speaker is not None:  # the name ends past its honorific ("Mme Ana Silva")
            name_at = sentence.find(speaker.speaker or "", m.end())
            yield speaker, m.end(), max(name_at, m.end()) + len(speaker.speaker or "")
        elif (speaker := _mixed_paren_intro(named, lang, data)) is not None:
            # "Also speaking, Kenji Sato (Japan) said …", "…,” said Ana Silva (Chile).": the
            # name and its parenthesis are the subject
            name_at = sentence.find(speaker.speaker or "", m.end())
            paren = _NAME_PAREN.match(sentence, name_at)
            if name_at >= 0 and paren:
                yield speaker, m.end(), paren.end()
    if lang == "en":  # "Japan’s Kenji Sato said …", "Chile’s Foreign Minister Ana Silva said"
        verb = re.compile(rf",?\s+{_speech_verb(lang)}(?!\s+(?:yesterday|last|earlier))")
        for m in _POSSESSIVE_NAME.finditer(sentence):
            country = resolve(m.group("country"), lang)
            if country is None or not _is_state(country.key):
                continue
            # the shortest run of name words that a verb of saying follows
            ends = [w.end() for w in itertools.islice(
                re.finditer(rf",?\s*{_NAME_TOKEN}", sentence[m.start("name"):]), 7)]
            end = next((m.start("name") + e for e in ends[1:]
                        if verb.match(sentence, m.start("name") + e)), None)
            if end is None:
                continue
            name, office = _titled(sentence[m.start("name"):end])
            if name and _mixed_name(name, data) and not _HEAD_TITLES & set((office or "").split()):
                yield (Speaker(country.key, m.group("country"), name, role=office),
                       m.start("country"), end)
    # "…,” warned the Under-Secretary-General for Humanitarian Affairs, Tom Fletcher.",
    # "…, said the Minister for Foreign Affairs of India.": the title first, a name or not
    for m in re.finditer(rf"{at}(?P<article>the\s+|le\s+|la\s+|l[’']\s*)(?=[A-ZÀ-Þ])",
                         sentence):
        found = _title_then_name(sentence, m.end(), lang, data)
        if found is not None:
            yield found[0], m.start("article"), found[1]


# A head of State or Government the speaker quotes ("Ukraine’s President … said") is no
# speaker at the table; a minister or an ambassador is.
_HEAD_TITLES = frozenset({"President", "Prime", "King", "Queen", "Chancellor", "Leader"})
_POSSESSIVE_NAME = re.compile(r"(?:^|(?<=,\s)|(?<=^[«“\"]))(?:the\s+)?(?P<country>[A-Z][\w\-]*"
                              r"(?:\s+(?:[A-Z][\w\-]*|of|and|the)){0,5}?)[’']s?\s+"
                              r"(?P<name>(?=[A-ZÀ-Þ]))")
_TITLE_THEN_NAME = re.compile(r"(?P<title>[^,.;:()]{3,120}(?:\([^()]{1,20}\))?)"
                              r"(?=\s*(?:[,.;:!?»”\"]|$))")
_NAME_AFTER_TITLE = re.compile(r"[^,.;:()]{3,60}(?=\s*(?:[,.;:!?»”\"]|$))")


def _title_then_name(sentence: str, start: int, lang: str, data: LanguageData
                     ) -> tuple[Speaker, int] | None:
    """The speaker an inversion names by title, then maybe by name, and where it ends: the
    title must say whom the speaker is for, the name must read as a person's."""
    m = _TITLE_THEN_NAME.match(sentence, start)
    if not m or _phrase_speaker(m.group("title"), lang, data) or re.search(
            r"\bto\s+(?!the\b)[a-z]{3,}", m.group("title")):
        return None  # no title, a delegate phrase (`_phrases` reads it), or an object: "…,
        # called on the Secretariat to provide …"
    key, written = _title_delegation(m.group("title"), lang, data)
    if key == UNKNOWN:
        return None
    name, end = None, m.end("title")
    after = re.match(r",\s+", sentence[end:])
    if after:  # ", M. Tom Fletcher."
        at = end + after.end()
        pos, honorific = _skip_prefixes(sentence[at:], lang, data)
        named = _NAME_AFTER_TITLE.match(sentence, at + pos)
        if named and (honorific or _mixed_name(named.group().strip(), data)):
            name, end = named.group().strip(), named.end()
    return Speaker(key, written, name, role=m.group("title").strip()), end


def _opening_speaker(text: str, lang: str, data: LanguageData) -> Speaker | str | None:
    """The attribution opening a paragraph's first sentence (styles A/B), if any."""
    first = _first_sentence(text)
    for f in _attributions(first, lang, data):
        return f.who
    if (state := _state_opening(first, lang) or _inverted_of_body(first, lang, data)):
        return state
    if any(isinstance(who, Speaker) for who, _, _ in _phrases(first, lang, data)):
        return None  # a known delegation that is not the subject: no unknown one either
    return _unknown_delegate(first, lang)


def _state_opening(sentence: str, lang: str) -> Speaker | None:
    """A State alone as the subject of a verb of saying, opening the paragraph: "The Russian
    Federation called the closure illegal."  Inside a paragraph that is as often what the
    speaker reports; opening one, with no voice of the speaker after it, it is a new turn."""
    found = _longest_name_after(sentence, lang)
    if found is None or not _is_state(found[1]):
        return None
    rest = normalize_apostrophes(sentence[len(found[0]):])
    if not re.match(rf"\s+{_speech_verb(lang)}", rest) or _own_voice_re(lang).search(rest):
        return None
    return Speaker(found[1], re.sub(r"^(?:The|the)\s+", "", found[0]))


_NAME_START = re.compile(r"(?:the\s+)?(?=[A-ZÀ-Þ])")


def _unknown_delegate(sentence: str, lang: str) -> Speaker | None:
    """`The representative of the Fictional League said …` opening a paragraph: a delegation no
    table knows still takes the floor.  Its statement is kept apart, under the name as
    written (up to its verb) and an unknown key, rather than glued to the speaker before."""
    m = _phrase_patterns(lang)["of"].match(normalize_apostrophes(sentence))
    if m is None or m.group("pl"):
        return None
    m = _NAME_START.match(sentence, m.end())
    if m is None:
        return None
    verb = _subject_res(lang)[0]
    for word in itertools.islice(re.finditer(r"[\w’'\-]+", sentence[m.end():]), _MAX_NAME_WORDS):
        end = m.end() + word.end()
        if re.match(r"\s*,", sentence[end:]) or verb.match(sentence, end):
            return Speaker(UNKNOWN, sentence[m.end():end])
    return None


def _first_sentence(text: str) -> str:
    """Cheap cut at the first sentence end; abbreviations only make it end later, never
    earlier than the true end, except for "Mr." — and a shorter first sentence only makes
    fewer attributions."""
    m = re.search(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bNo)[.!?][»”\"]?\s+"
                  r"(?=[«“\"]?[A-ZÀ-Þ])", text)
    return text[:m.end()] if m else text


