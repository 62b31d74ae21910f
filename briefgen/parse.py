"""Release text -> Release: header, title, lead, headings, statements, structure.

Attribution is the one thing this tool must not get wrong, so the parser is conservative:
a paragraph or sentence goes to a delegation only when the text names that delegation as the
subject of what is said (a name in capitals with its country, "the representative of Cuba
said", "…, stated France's delegate"), or when it plainly goes on with the speaker already
named (a pronoun, "the representative", no new subject).  Collective subjects ("Many
speakers …") and narration about the body ("The Council then …") break the chain: what
follows them is kept as unattributed rather than guessed.

Three layouts exist (see the corpus README): A, a named speaker opening each turn; B, turns
opened by "the representative of X"; C, thematic paragraphs with attributions inside
sentences.  A and B are read paragraph by paragraph; a section whose attributions mostly sit
inside or at the end of sentences is read sentence by sentence (C), and each delegation's
sentences become one statement.  The choice is made per section from the text itself.  In
every style, a delegation that becomes the subject inside a paragraph ("… Echoing this, the
representative of Poland said …") takes the text over from that sentence or clause on: it is
given its own turn, whose passage is that exact piece of the paragraph (see `_takeovers`).

Vocabulary (honorifics, reporting verbs, headings, collective subjects, titles) comes from
`briefgen.languages`; this module only holds the patterns that put those words together.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .delegations import find_delegation, may_open_name, resolve, resolve_adjective
from .errors import BriefgenError
from .i18n import BODIES
from .languages import LANGUAGES, LanguageData, detect_language, normalize_apostrophes
from .model import (
    BRIEFING, HEADER, HEADING, LEAD, NATIONAL, REPLY, STATEMENT, STRUCTURE, TITLE, UNATTRIBUTED,
    Heading, Meeting, Paragraph, Passage, Release, Statement,
)
from .sentences import sentence_spans
from .votes import find_votes

UNKNOWN = "unknown"
UN_KEY = "org:UN"

# ---------------------------------------------------------------------------------------
# Per-language patterns for the parts of a release that are not speech.  They are regular
# expressions rather than word lists because each describes a whole line's shape.

_MONTHS = {
    "en": "January|February|March|April|May|June|July|August|September|October|November|December",
    "fr": "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
}

_STRUCTURE = {
    "en": (
        r"For information media\b.*Not an official record",
        r"The (?:meeting|session) (?:began|started|opened|resumed) at\b.*\b(?:ended|adjourned|closed|"
        r"concluded) at\b",
        r"The (?:meeting|session) (?:was )?(?:suspended|adjourned|closed|ended) at\b",
        r"Also (?:speaking|delivering statements|making statements|taking the floor|"
        r"participating)\b[^.]{0,60}?\b(?:were|was)?\s*(?:the\s+)?(?:representatives|speakers|"
        r"delegations|delegates)\b",
        r"The (?:General Assembly|Assembly|Security Council|Council|Committee|Commission|"
        r"Economic and Social Council) will (?:reconvene|meet again|resume|next meet|continue)\b",
    ),
    "fr": (
        r"À l[’']intention des organes d[’']information\b.*Document non officiel",
        r"La séance a (?:débuté|commencé|été ouverte|repris) à\b.*\b(?:achevée|levée|close|"
        r"terminée)\b",
        r"La séance (?:a été |est )?(?:suspendue|levée|close)\b",
        r"(?:Les représentants|Les délégations|Les délégués)\b.{0,400}\bont également pris la "
        r"parole\b",
        r"Ont également pris la parole\b",
        r"(?:L[’']Assemblée générale|L[’']Assemblée|Le Conseil de sécurité|Le Conseil|La "
        r"Commission|Le Comité) (?:se réunira|reprendra|poursuivra|tiendra sa prochaine)\b",
    ),
}
# Footnotes and separators, whatever the language.
_FOOTNOTE = re.compile(r"^(?:\*.*|[_\-–—*=~ ]{3,}|\(\s*\*.*)$", re.S)

# Bodies whose name alone may stand on a header line (the ones the note can name in either
# language), and the subjects that make a sentence narration about the meeting rather than
# speech.
_BODIES = {lang: tuple(names[lang] for names in BODIES) for lang in ("en", "fr")}
_HEADER_WORDS = {
    "en": ("Plenary", "Meetings Coverage", "Press Release", *_BODIES["en"]),
    "fr": ("Plénière", "Couverture des réunions", "Communiqué de presse", *_BODIES["fr"]),
}
_BODY_SUBJECT = {
    "en": r"(?:the|The)\s+(?:\d+-member\s+)?(?:General Assembly|Assembly|Security Council|Council|"
          r"Committee|Commission|body|organ|Economic and Social Council)\b",
    "fr": r"(?:le|Le)\s+Conseil\b|(?:l|L)[’']Assemblée\b|(?:la|La)\s+Commission\b|(?:le|Le)\s+"
          r"Comité\b",
}
_VOTE = {
    "en": r"\b(?:by a (?:recorded )?vote of|in favour|abstentions?|without a vote|by consensus|"
          r"adopted|rejected|failed to adopt|took a recorded vote|took action)\b",
    "fr": r"\b(?:voix pour|voix contre|abstentions?|sans vote|par consensus|adopté|rejeté|"
          r"mis aux voix)\b",
}
# "Pour M. NAME (Pays), il …": words that may precede a speaker introduction.
_INTRO_PREFIXES = {"en": ("For",), "fr": ("Pour", "Selon")}
# Before a delegate phrase and a comma, in a thematic section: whose view the sentence gives.
_ACCORDING_TO = {"en": ("According to", "according to", "For", "for"),
                 "fr": ("Selon", "selon", "Pour", "pour", "D'après", "d'après")}
_NATIONAL_CAPACITY = {
    "en": ("national capacity",),
    "fr": ("qualité nationale", "titre national", "capacité nationale"),
}
_BRIEFING_HEADINGS = {"en": ("Briefings", "Briefing"), "fr": ("Exposés", "Exposé")}
# Section headings after which the statements begin (so the lead ends there).
_OPENING_HEADINGS = {
    "en": ("Statements", "Briefings", "Briefing", "Opening Remarks", "Introduction", "Debate",
           "Statement", "Remarks"),
    "fr": ("Déclarations", "Déclaration", "Exposés", "Exposé", "Débat", "Introduction"),
}


def _spellings(*nouns: str) -> tuple[str, ...]:
    """Each noun as releases write it: capital or small initial, straight or typographic
    apostrophe ("Chargé d'affaires", "chargé d’affaires")."""
    return tuple(dict.fromkeys(
        f(n).replace("'", quote) for n in nouns for f in (str.capitalize, str.lower)
        for quote in ("'", "’")))


# Words that extend a delegate noun: "the Permanent Observer for", "the Deputy Permanent
# Representative of".
_DELEGATE_NOUNS_EXTRA = {
    "en": ("observer", "Observer", "Permanent Observer", "Permanent Representative",
           "Deputy Permanent Representative", "Minister", "Foreign Minister",
           *_spellings("chargé d'affaires")),
    "fr": ("observateur", "observatrice", "porte-parole", "Observateur permanent",
           "Représentant permanent", "Représentante permanente",
           *_spellings("chargé d'affaires", "chargée d'affaires")),
}
_OF = {"en": r"(?:of|for|from)\s+", "fr": r"(?:de\s+la\s+|de\s+l[’']|du\s+|des\s+|de\s+|d[’'])"}
# A French country named as the subject of a reporting verb: "la Chine a dit".
_ARTICLE_COUNTRY = {"fr": r"(?:(?<=\s)|^)(?:le|la|les|Le|La|Les)\s+|(?:(?<=\s)|^)[Ll][’']"}

# Delegate phrases: "the representative of X" / "le représentant de X", "X's delegate", "the
# Syrian delegate" / "la délégation américaine".  {noun} and {of} are filled in per language.
_PHRASE_OF = {
    "en": r"(?<![\w’'])(?:[Tt]he\s+|[Aa]\s+)?(?:(?:Permanent|Deputy|Acting)\s+)*"
          r"(?P<noun>{noun})(?P<pl>s)?\s+{of}",
    "fr": r"(?<![\w’'])(?:[Ll]es?|[Ll]a|[Ll][’'])\s*(?P<noun>{noun})(?P<pl>s)?"
          r"(?:\s+permanente?s?)?\s+{of}",
}
_PHRASE_POSSESSIVE = {
    "en": r"(?P<poss>[’']s?)\s+(?:(?:Permanent|Deputy)\s+)?(?P<noun>{noun})(?P<pl>s)?\b",
}
# "Nepal, said its representative", "Algerians …, that country's delegate recalled".
_PHRASE_ANAPHORA = {
    "en": r"(?<![\w’'])(?:[Ii]ts|[Tt]hat country[’']s|[Tt]he country[’']s)\s+(?P<noun>{noun})\b",
}
_PHRASE_ADJECTIVE = {
    "en": r"(?<![\w’'])(?:[Tt]he|[Aa]n?)\s+(?P<adj>[A-Z][\w\-]+)\s+(?:{noun})\b",
    "fr": r"(?<![\w’'])(?:[Ll]e|[Ll]a)\s+(?:{noun})\s+(?P<adj>[a-zà-ÿ][\w\-]+)",
}
# What follows a delegate phrase that is the subject: its verb, possibly after an apposition
# ("the representative of Cuba demanded", "Mauritania's representative, speaking for …,").
_VERB_AFTER = {
    "en": r"\s*(?:,|(?:(?:also|today|then|further|again|too|meanwhile|\w+ly)\s+){{0,2}}"
          r"(?:\w+ed\b|{reporting}|said|told|spoke|took|held|went|made|drew|gave|saw|put|"
          r"sought|felt|struck|began|led|brought|is|was|has|had|will|would))",
    "fr": r"\s*(?:,[^.]*?,\s*)?(?:a|ont|s'est|avait|est|,|a-t-)\b",
}
# Inversions: "…, stated the representative of X", "…, a appuyé la Norvège".
_INVERTED_EXTRA = {"en": r"Also speaking(?: today)? was", "fr": r"a-t-il \w+|a-t-elle \w+"}
_FILLERS = {"en": r"also|today|further|then|again|too|\w+ly",
            "fr": r"de son côté|pour sa part|lui|elle|aussi|également|encore|ensuite|\w+ment"}
_PLURAL_PRONOUNS = {"en": r"They", "fr": r"Ils|Elles"}
# French puts the mark of a turn after the auxiliary too: "La Russie a, pour sa part, …".
_TURN_AUXILIARY = {"en": "", "fr": r"\s+(?:a|ont)\s*,\s*(?:{marks})\s*,"}

# The share of a section's attributed paragraphs whose attribution sits inside or at the end
# of a sentence (not opening the paragraph) above which the section is read sentence by
# sentence (style C).
THEMATIC_SHARE = 0.25
# Longest country/organization name tried, in words ("Saint Vincent and the Grenadines").
_MAX_NAME_WORDS = 9


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a paragraph or sentence is attributed to."""

    key: str
    delegation: str | None = None
    speaker: str | None = None
    role: str | None = None
    on_behalf_of: str | None = None
    on_behalf_key: str | None = None
    reply: bool = False
    national_capacity: bool = False


# Markers for a sentence that is not one delegation's speech.
COLLECTIVE = "collective"


@dataclass(frozen=True, slots=True)
class _Found:
    """An attribution in a sentence: who, and where the phrase sits."""

    who: Speaker | str  # a Speaker, or COLLECTIVE
    opening: bool  # the phrase opens the sentence (before its main verb)


@dataclass
class _Turn:
    speaker: Speaker
    passages: list[Passage]
    section_kind: str | None


# ---------------------------------------------------------------------------------------
# Entry point


def parse_release(text: str, source_name: str = "") -> Release:
    """Parse a release (normalized by `loading`, or raw corpus text) into a Release."""
    texts = split_paragraphs(text)
    lang = detect_language(text)
    data = LANGUAGES[lang]
    pids = [f"p{i}" for i in range(1, len(texts) + 1)]
    kinds: list[str | None] = [None] * len(texts)

    n_header = _count_header(texts, lang)
    for i in range(n_header):
        kinds[i] = HEADER
    title_idx = [i for i in range(n_header, min(n_header + 2, len(texts)))
                 if _title_like(texts[i]) and not _heading_kind(texts[i], lang)]
    title_idx = title_idx[:1] + [j for j in title_idx[1:] if j == title_idx[0] + 1]
    for i in title_idx:
        kinds[i] = TITLE
    start = max([n_header - 1] + title_idx) + 1

    headings: list[Heading] = []
    previous_agenda = False
    for i in range(start, len(texts)):
        kind = _heading_kind(texts[i], lang)
        if kind is None and previous_agenda and _title_like(texts[i]):
            kind = "agenda"  # the sub-item line under an agenda heading
        previous_agenda = kind == "agenda"
        if kind:
            kinds[i] = HEADING
            headings.append(Heading(pids[i], texts[i], kind))
        elif _is_structure(texts[i], lang):
            kinds[i] = STRUCTURE

    lead_end = _lead_end(texts, kinds, start, lang, data)
    for i in range(start, lead_end):
        if kinds[i] is None:
            kinds[i] = LEAD

    turns, unattributed = _read_body(texts, pids, kinds, lead_end, lang, data)
    briefing_section = any(_section_kind(h.text, lang) == BRIEFING for h in headings)
    statements = _statements(turns, briefing_section)
    if not statements:
        where = source_name or "the input"
        raise BriefgenError(f"no statements found in {where}: is this a UN meetings-coverage "
                            "release?")

    paragraphs = tuple(Paragraph(pid, t, k or UNATTRIBUTED) for pid, t, k in zip(pids, texts, kinds))
    meeting = _meeting(texts, kinds, title_idx, lead_end, lang)
    return Release(
        meeting=meeting,
        paragraphs=paragraphs,
        lead=tuple(pids[i] for i in range(len(texts)) if kinds[i] == LEAD),
        headings=tuple(headings),
        statements=statements,
        unattributed=tuple(unattributed),
        source_name=source_name,
        votes=find_votes(paragraphs, lang),
    )


def split_paragraphs(text: str) -> list[str]:
    """Blank-line-separated blocks, stripped, in reading order (CRLF tolerated)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return [b.strip() for b in re.split(r"\n[^\S\n]*\n", text) if b.strip()]


# ---------------------------------------------------------------------------------------
# Header, title, headings, structure


# "8967e", "15th & 16th", "15e et 16e": one meeting number, or those of a joint sitting.
_ORDINAL = r"\d{1,5}\s*(?:e|er|ème|th|st|nd|rd)"
_MEETING_NUMBERS = rf"{_ORDINAL}(?:\s*(?:,|&|and|et)\s*{_ORDINAL})*"


@lru_cache(maxsize=None)
def _header_item(lang: str) -> re.Pattern:
    months = _MONTHS[lang]
    words = "|".join(re.escape(w) for w in _HEADER_WORDS[lang])
    items = (
        rf"(?:[\w\-]+\s+(?:session|Session)[^,\n]{{0,40}},\s*)?{_MEETING_NUMBERS}\s+"
        r"(?:séances?|Séances?|meetings?|Meetings?)(?:\s+plénières?|\s+Plenary)?"
        r"(?:\s*[–—-]\s*[\w\-]+(?:\s+(?:[\w\-]+|&))*|\s*\([^)]{1,30}\))*",
        r"(?:[A-Z]{2,8}/)+\d{2,6}(?:/Rev\.\d+)?(?:\*)?",
        rf"(?:[^\W\d_]+,?\s+)?\d{{1,2}}(?:er)?\s+(?:{months})\s+\d{{4}}",
        rf"(?:{words})",
    )
    return re.compile(r"\s*(?:(?:" + "|".join(items) + r")\s*)+", re.I)


def _count_header(texts: list[str], lang: str) -> int:
    """Leading paragraphs made only of header items (meeting line, symbol, body, date)."""
    pattern = _header_item(lang)
    n = 0
    while n < len(texts) and len(texts[n]) < 200 and pattern.fullmatch(texts[n]):
        n += 1
    return n


def _title_like(text: str) -> bool:
    """One short line that does not end like a sentence: a title or an agenda sub-item."""
    return ("\n" not in text and 3 <= len(text) <= 300 and text[0].isupper()
            and not re.search(r"[.!?:;»”\"…]\s*$", text))


def _heading_kind(text: str, lang: str) -> str | None:
    data = LANGUAGES[lang]
    clean = text.strip().rstrip(":").strip()
    low = normalize_apostrophes(clean).lower()
    if low in {normalize_apostrophes(h).lower() for h in data.reply_headings}:
        return "reply"
    if low in {normalize_apostrophes(h).lower() for h in data.section_headings}:
        return "section"
    letters = [c for c in clean if c.isalpha()]
    if (len(letters) >= 8 and "\n" not in clean and not clean.endswith(".")
            and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
            and len(clean.split()) >= 2):
        return "agenda"
    return None


@lru_cache(maxsize=None)
def _structure_re(lang: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in _STRUCTURE[lang]), re.S)


def _is_structure(text: str, lang: str) -> bool:
    return bool(_FOOTNOTE.match(text) or _structure_re(lang).match(text))


@lru_cache(maxsize=None)
def _vote_re(lang: str) -> re.Pattern:
    return re.compile(rf"^(?:[^,]{{0,160}},\s+)?(?:{_BODY_SUBJECT[lang]}).*?{_VOTE[lang]}", re.S)


def _lead_end(texts, kinds, start, lang, data) -> int:
    """Index of the first paragraph after the lead.

    With an opening heading ("Statements", an agenda item in capitals) the lead is what
    precedes it, even when it quotes speakers; without one it ends at the first paragraph
    that introduces a speaker.
    """
    opening = {normalize_apostrophes(h).lower() for h in _OPENING_HEADINGS[lang]}
    for i in range(start, len(texts)):
        if kinds[i] == HEADING:
            kind = _heading_kind(texts[i], lang)
            low = normalize_apostrophes(texts[i].strip().rstrip(":")).lower()
            if kind == "agenda" or low in opening:
                return i
    for i in range(start, len(texts)):
        if kinds[i] is None and (_intro(texts[i], lang, data) or isinstance(
                _opening_speaker(texts[i], lang, data), Speaker)):
            return i
        if kinds[i] == HEADING:
            return i
    return start


# ---------------------------------------------------------------------------------------
# Speaker introductions in capitals (style A) and "Name, Title," openings

_QUOTED = re.compile(r"[«“][^»”]*[»”]")
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
_LEADING_CLAUSE = re.compile(r"[^\W\d_][^,.;:!?«»“”\"()]{2,100},\s+")


def _intro(text: str, lang: str, data: LanguageData) -> Speaker | None:
    """A named speaker opening the paragraph: `M. NAME (Pays) a …`, `NAME, Title, said`,
    `« … », M. NAME (Pays) a rappelé`, `Pour M. NAME (Pays), …`, `Name, the representative
    of X, said`, possibly after a clause or two (`Taking the floor again, Mr. NAME (X) …`)."""
    found = (_caps_intro(text, lang, data) or _name_title_intro(text, lang, data)
             or _title_name_intro(text, lang, data) or _mixed_paren_intro(text, lang, data)
             or _inverted_intro(text, lang, data))
    pos = 0
    for _ in range(2):
        if found is not None:
            break
        clause = _LEADING_CLAUSE.match(text, pos)
        if clause is None:
            return None
        pos = clause.end()
        found = _caps_intro(text[pos:], lang, data)
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
        if plain and re.match(r"\s*,", after):
            # "NAME (Country), President of the General Assembly, said"; not "Pour M. NAME
            # (Pays), la Mission illustre …", where what follows is what was said
            _, title = _title_segments(after.lstrip(" ,"), lang)
            if title and len(title.split()) <= 20 and not re.search(r"[.;:!?]", title):
                speaker = _in_office(speaker, title, data)
        return speaker
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
            return _with_context(Speaker(key, written, name, role=title), rest, lang, data)
    if honorific:
        # "Ms. DICARLO, responding to …": a name already introduced; filled in by the reader.
        return _with_context(Speaker(UNKNOWN, None, name), rest, lang, data)
    return None


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
    nouns = _takeover_res(lang)["nouns"]  # "representative of the United States" is a title too
    for segment in _top_level_segments(rest):
        s = segment.strip()
        bare = re.sub(r"^(?:and|et|the|la|le|l’|l')\s+", "", s)
        if not s or not (bare[:1].isupper() or s.startswith(("the ", "l’", "l'"))
                         or nouns.match(bare)):
            break
        titles.append(s)
        if len(titles) >= 3:
            break
    if not titles:
        return 0, None
    return 0, ", ".join(titles)


def _title_delegation(title: str, lang: str, data: LanguageData) -> tuple[str, str | None]:
    """Delegation of a speaker known by title: the country or body named in it, else org:UN
    for UN officials' titles."""
    found = _phrase_speaker(title, lang, data)
    if isinstance(found, Speaker):
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
_PARTICLES = {"de", "da", "del", "della", "di", "do", "dos", "das", "du", "des", "la", "le",
              "van", "von", "der", "den", "ter", "bin", "ben", "ibn", "al", "el", "y", "e"}


def _mixed_name(name: str, data: LanguageData) -> bool:
    """`Gilad Menashe Erdan`, `Almaha Mubarak F. J. Al-thani`: capitalized name words."""
    words = name.split()
    if words[0].lower() in data.stop_words or words[0].lower().endswith("ing"):
        return False
    return all(w[0].isupper() or w.lower().rstrip("-") in _PARTICLES for w in words) and not all(
        _is_caps_token(w) for w in words)


def _name_title_intro(text: str, lang: str, data: LanguageData) -> Speaker | None:
    pos, honorific = _skip_prefixes(text, lang, data)  # "M. Vassily Nebenzia, représentant …"
    m = _NAME_TITLE.match(text, pos)
    if not m or not (_mixed_name(m.group("name"), data)
                     or honorific and m.group("name")[:1].isupper()):
        return None
    _, title = _title_segments(m.group("rest"), lang)
    if not title:
        return None
    key, written = _title_delegation(title, lang, data)
    if key == UNKNOWN:
        return None
    delegate = _phrase_speaker(title, lang, data) or _takeover_res(lang)["nouns"].match(title)
    role = None if delegate else title
    return _with_context(Speaker(key, written, m.group("name"), role=role), m.group("rest"),
                         lang, data)


# A title before the name: "Secretary-General ANTÓNIO GUTERRES said", "Council President
# NAME (Russian Federation), speaking …", "The Secretary-General, António Guterres, said",
# "Le Secrétaire général, M. António Guterres, a déclaré".
_TITLE_THEN_CAPS = re.compile(
    r"(?P<title>(?:[A-ZÀ-Þ][\w’'\-]*\s+){1,5}?)(?=[A-ZÀ-Þ\-’']{2,}\s+[A-ZÀ-Þ])")
_TITLE_APPOSITION = re.compile(
    r"(?:The|Le|La|L’|L')\s*(?P<title>[^,.;:]{3,80}),\s+(?P<name>[^,;:()]{3,60}),\s+")


def _title_name_intro(text: str, lang: str, data: LanguageData) -> Speaker | None:
    """A speaker known by title, then named (see above).  The title must say whom the
    speaker is for (a UN title, a country): a capitalized phrase alone is no speaker."""
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
    return _with_context(Speaker(key, m.group("inner").strip(), m.group("name")), after, lang,
                         data)


def _with_context(speaker: Speaker, after: str, lang: str, data: LanguageData) -> Speaker:
    """Add what the opening clause says about the turn: on behalf of whom, a repeat turn,
    national capacity."""
    clause = _first_clause(after)
    low = normalize_apostrophes(clause).lower()
    reply = any(normalize_apostrophes(m).lower() in low for m in data.reply_markers)
    national = any(m in low for m in _NATIONAL_CAPACITY[lang])
    group = _on_behalf(clause, lang, data)
    if group:
        written, key = group
        speaker = replace(speaker, on_behalf_of=written, on_behalf_key=key)
    return replace(speaker, reply=reply or speaker.reply, national_capacity=national)


def _first_clause(text: str) -> str:
    m = re.search(r"[.!?]\s+[A-Z«“À-Þ]|\s(?:said|a dit|a déclaré)\b", text[:600])
    return text[:m.start()] if m else text[:600]


@lru_cache(maxsize=None)
def _on_behalf_re(lang: str) -> re.Pattern:
    markers = sorted(LANGUAGES[lang].on_behalf_markers, key=len, reverse=True)
    alt = "|".join(re.escape(normalize_apostrophes(m)) for m in markers)
    return re.compile(rf"\b(?i:{alt})\s+(?P<g>(?:(?:the|la|le|l')\s*)?[A-ZÀ-Þ][^,;:]*)")


def _on_behalf(clause: str, lang: str, data: LanguageData) -> tuple[str, str | None] | None:
    m = _on_behalf_re(lang).search(normalize_apostrophes(clause))
    if not m:
        return None
    start = m.start("g")
    written = clause[start:start + len(m.group("g"))].strip()
    written = re.sub(r"^(?:the|la|le|l[’'])\s*", "", written)
    # exact: "Group of Friends of the UN Charter" is not org:UN; "Name (ACRONYM)": either
    named = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", written)
    hit = resolve(written, lang) or (named and (resolve(named[1], lang) or resolve(named[2], lang)))
    return written, hit.key if hit else None


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
              ("anaphora", _PHRASE_ANAPHORA), ("adjective", _PHRASE_ADJECTIVE))
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
    for m in patterns["adjective"].finditer(text):
        hit = resolve_adjective(m.group("adj"), lang)
        if hit is not None:
            out.append((speaker(hit.key, m.group("adj")), m.start(), m.end()))
    if lang in _ARTICLE_COUNTRY:
        out.extend(_country_subjects(text, lang, data))
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


@lru_cache(maxsize=None)
def _reporting_re(lang: str) -> re.Pattern:
    verbs = sorted(LANGUAGES[lang].reporting_verbs, key=len, reverse=True)
    alt = "|".join(re.escape(normalize_apostrophes(v)) for v in verbs)
    return re.compile(rf"(?:{alt})\b")


def _country_subjects(text: str, lang: str, data: LanguageData):
    """French releases name a country as the speaker: `la Chine a dit`, `a appuyé la
    Norvège`."""
    reporting = _reporting_re(lang)
    _, inverted, _ = _subject_res(lang)
    norm = normalize_apostrophes(text)
    for m in re.finditer(_ARTICLE_COUNTRY[lang], norm):
        hit = _longest_name_after(text[m.end():], lang)
        if not hit:
            continue
        written, key = hit
        end = m.end() + len(written)
        if reporting.match(norm[end:end + 60].lstrip(" ,")) or (
                inverted.search(norm[:m.start()]) and re.match(r"\s*(?:[.,;:]|$)", norm[end:])):
            yield Speaker(key, written), m.start(), end


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
                rf"(?:\s+(?:{_FILLERS[lang]}))*\s*$")
    subject = (rf"^(?:[^,.]{{0,160}},\s+)?(?:{collective}|{_BODY_SUBJECT[lang]}|"
               rf"{_PLURAL_PRONOUNS[lang]})\b(?!['’])")
    return re.compile(verb_after), re.compile(inverted), re.compile(subject)


def _attributions(sentence: str, lang: str, data: LanguageData) -> list[_Found]:
    """Who the sentence reports, in order: delegate phrases that are subjects of a verb of
    saying (`the representative of Cuba demanded`, `…, stated Pakistan's representative`,
    `Name, Title, told the Council`), or COLLECTIVE for `Many speakers …`."""
    verb_after, inverted, _ = _subject_res(lang)
    norm = normalize_apostrophes(sentence)
    found: list[_Found] = []
    for who, start, end in [*_phrases(sentence, lang, data), *_inline_named(sentence, lang, data)]:
        before = norm[:start].rstrip()
        opening = not before.strip(" «“\"") or (  # "Pour la déléguée du Mexique, le …"
            before in _INTRO_PREFIXES[lang] and norm[end:].lstrip().startswith(",")) or bool(
            before.endswith(",") and re.match(r"[^.;:]{0,200}$", before)
            and not re.search(r"[»”\"]\s*,?$", before) and verb_after.match(norm[end:]))
        tail = before.endswith((",", "»", "”", "\"", ",»", ",”")) and verb_after.match(norm[end:])
        inv = bool(inverted.search(before))
        if opening or tail or inv:
            found.append(_Found(who, opening and not inv))
    if not any(isinstance(f.who, Speaker) for f in found) and _collective_opening(norm, lang):
        found.insert(0, _Found(COLLECTIVE, True))
    return found


def _collective_opening(sentence: str, lang: str) -> bool:
    """`Many speakers …`, `The Council …`, `They …` opening the sentence, quotes aside."""
    unquoted = _QUOTED.sub("“…”", normalize_apostrophes(sentence)).lstrip("«“\" ")
    return bool(_subject_res(lang)[2].match(unquoted))


def _inline_named(sentence: str, lang: str, data: LanguageData):
    """`…, Tom Fletcher, Under-Secretary-General for …, told the Security Council`."""
    for m in re.finditer(r"(?:^|,\s+)(?=[A-ZÀ-Þ])", sentence):
        speaker = _name_title_intro(sentence[m.end():], lang, data)
        if speaker is not None:
            yield speaker, m.end(), m.end() + len(speaker.speaker or "")


def _opening_speaker(text: str, lang: str, data: LanguageData) -> Speaker | str | None:
    """The attribution opening a paragraph's first sentence (styles A/B), if any."""
    first = _first_sentence(text)
    for f in _attributions(first, lang, data):
        return f.who
    return _unknown_delegate(first, lang)


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


# ---------------------------------------------------------------------------------------
# Takeovers: another delegation becomes the subject inside a paragraph
#
# Releases switch speaker in mid-paragraph ("… Echoing this sentiment, the representative of
# Poland said …", "…, tandis que la France a demandé …").  From such a sentence (or clause)
# to the end of the paragraph, the text belongs to the new delegation.  The test is stricter
# than at a paragraph's opening, because inside a statement other delegations are mostly
# mentioned, not quoted: the delegation must be the subject of a verb of saying from the
# table, either opening the sentence or a clause (after an introductory phrase or a
# quotation) or inverted at its end ("…, said X's delegate", "…, a appuyé la Norvège").
# What the current speaker reports in their own voice ("He recalled that the representative
# of X said …", "…, she said", "Selon lui, …") stays theirs.  Several delegations as one
# subject ("China and the Russian Federation said"), a plural delegate phrase, a collective
# subject with a verb of saying, or (in French) a country alone whose verb may report an act
# rather than speech ("la Russie a rejeté la proposition") leave the text unattributed rather
# than guessed.

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
_NAME_ARTICLE = {"en": r"(?:the|The)\s+", "fr": r"(?:le|la|les|Le|La|Les)\s+|[Ll]'"}
# The current speaker's own voice besides "He said" / "Il a dit".
_OWN_VOICE_EXTRA = {
    "en": r"[Aa]ccording to (?:him|her)\b|[Ii]n (?:his|her) (?:view|opinion)\b|"
          r"[Ff]or (?:him|her),",
    "fr": r"[Ss]elon (?:lui|elle)\b|[Pp]our (?:lui|elle),|[Dd]'après (?:lui|elle)\b|"
          r"[Àà] (?:ses|son) (?:yeux|avis|sens)\b|a-t-(?:il|elle)\b",
}
# French only: what shows that a country's verb reports speech ("a demandé que", "a dit :",
# "a, de son côté, rappelé", "…, tandis que la France a …") rather than an act.
_SPEECH_EVIDENCE = {
    "fr": r"\s*(?:que\b|qu'|:|«|“)|\s+(?:de son côté|pour sa part|quant à (?:lui|elle)|"
          r"à son tour|(?:lui|elle) aussi|aussi|également|lui-même|elle-même)\b",
}
_CONTRAST = {"fr": r"tandis qu|alors qu|[Dd]e son côté|[Pp]our sa part|[Qq]uant à|[Àà] son tour"}
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
    """The text with quoted words replaced by a mark of the same length (offsets stay valid,
    and a delegation named inside a quotation is never taken for a subject), as written and
    with apostrophes normalized."""
    masked = _QUOTED.sub(lambda m: m.group()[0] + _QUOTE_MASK * (len(m.group()) - 2)
                         + m.group()[-1], text)
    return masked, normalize_apostrophes(masked)


@lru_cache(maxsize=None)
def _speech_verb(lang: str) -> str:
    """A verb of saying from the table, adverbs allowed in front; in French the auxiliary may
    be split from its participle ("a, lui, rappelé", "a également souligné", "ont dit")."""
    verbs = [normalize_apostrophes(v) for v in LANGUAGES[lang].reporting_verbs]
    table = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    if lang != "fr":
        return rf"(?:(?:{_FILLERS[lang]}|meanwhile|however)\s+){{0,2}}(?:{table})\b"
    participles = sorted({v.split(" ", 1)[1] for v in verbs if v.startswith(("a ", "s'est "))},
                         key=len, reverse=True)
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
        "article": re.compile(_NAME_ARTICLE[lang]),
        "collective": re.compile(rf"(?:{collective})\b(?!')"),
        "intro": re.compile(r"^[^.;:!?]{0,200},\s*$"),
        "quote_intro": re.compile(rf"^\s*[«“\"][{_QUOTE_MASK}\s]*[»”\"]\s*,?\s*$"),
        "clause_end": re.compile(r"\s*(?:[.,;:!?»”]|$)"),
        "nouns": re.compile("|".join(re.escape(n) for n in data.delegate_nouns), re.I),
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
        elif loose and clause.strip() in _ACCORDING_TO[lang] and rest.lstrip().startswith(","):
            pass  # style C: "Selon le représentant de la Chine, le blocus …"
        elif (not clause.strip(" «“\"") or res["quote_intro"].match(clause)
              or res["intro"].match(clause)) and verb_re.match(rest):
            if res["own_tail"].search(rest):
                continue  # "The representative of X said nothing of it, she noted."
            doubtful = cand.doubtful and not _speech_evidence(clause, rest, lang, res)
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
    return a == b or (isinstance(a, Speaker) and isinstance(b, Speaker) and a.key == b.key)


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
    verb = res["verb"].match(rest)
    return bool(re.match(_SPEECH_EVIDENCE[lang], rest[verb.end():]) or re.search(
        _CONTRAST[lang], clause) or re.match(r"\s*(?:a|ont)\s*,", rest))


def _candidates(masked: str, norm: str, lang: str, data: LanguageData,
                named_opening: bool = True) -> list[_Candidate]:
    """Possible subjects in order: delegate phrases and named speakers anywhere (a speaker
    introduced in capitals at the start when `named_opening`); at the places a subject can
    start, coordinated names, collective subjects and (French) a country named alone."""
    nouns = _takeover_res(lang)["nouns"]
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
    found = dict(phrases)
    for m in res["start"].finditer(norm):
        start = m.end()
        if lang not in _ARTICLE_COUNTRY and start not in phrases and not res["and_hint"].match(
                norm, start):
            units = []  # a name alone is no subject here, and looking names up is the cost
        else:
            units = _coordinated(masked, norm, start, phrases, lang, res)
        if len({who.key if isinstance(who, Speaker) else who for who, _ in units}) >= 2:
            found[start] = _Candidate(COLLECTIVE, start, units[-1][1])
        elif units and start not in phrases and lang in _ARTICLE_COUNTRY:
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


# ---------------------------------------------------------------------------------------
# The body: turns and unattributed text


def _read_body(texts, pids, kinds, lead_end, lang, data):
    """Walk the body section by section; return turns and unattributed passages."""
    turns: list[_Turn] = []
    unattributed: list[Passage] = []
    section_kind: str | None = None
    i = lead_end
    while i < len(texts):
        if kinds[i] == HEADING:
            section_kind = _section_kind(texts[i], lang)
            i += 1
            continue
        j = i
        while j < len(texts) and kinds[j] != HEADING:
            j += 1
        section = [k for k in range(i, j) if kinds[k] is None]
        for k in section:
            if _vote_re(lang).match(texts[k]) and not _intro(texts[k], lang, data):
                kinds[k] = STRUCTURE
        section = [k for k in section if kinds[k] is None]
        if _thematic(texts, section, lang, data):
            _read_sentences(texts, pids, kinds, section, lang, data, turns, unattributed,
                            section_kind)
        else:
            _read_paragraphs(texts, pids, kinds, section, lang, data, turns, unattributed,
                             section_kind)
        i = j
    return turns, unattributed


def _section_kind(heading: str, lang: str) -> str | None:
    low = normalize_apostrophes(heading.strip().rstrip(":")).lower()
    if low in {normalize_apostrophes(h).lower() for h in LANGUAGES[lang].reply_headings}:
        return REPLY
    if low in {h.lower() for h in _BRIEFING_HEADINGS[lang]}:
        return BRIEFING
    return None


def _thematic(texts, section, lang, data) -> bool:
    """Style C: many attributions sit inside or at the end of sentences, not at the opening
    of paragraphs, and no paragraph opens with a named speaker."""
    attributed = thematic = 0
    for k in section:
        if _intro(texts[k], lang, data):
            return False
        found = [f for s, e in sentence_spans(texts[k], lang)
                 for f in _attributions(texts[k][s:e], lang, data)]
        if not found:
            continue
        attributed += 1
        first = found[0]
        keys = {f.who.key for f in found if isinstance(f.who, Speaker)}
        if not first.opening or len(keys) > 1 or any(f.who == COLLECTIVE for f in found[1:]):
            thematic += 1
    return attributed > 0 and thematic >= max(2, THEMATIC_SHARE * attributed)


def _read_paragraphs(texts, pids, kinds, section, lang, data, turns, unattributed, section_kind):
    """Styles A and B: a paragraph opening with a speaker starts a turn; the paragraphs
    after it go on with that turn until a new speaker, a collective subject or narration.
    Inside a paragraph, another delegation taking over as subject starts a turn of its own
    from that sentence on (see `_takeovers`), so one paragraph may feed several turns."""
    current: _Turn | None = None
    shared = False  # the paragraph before changed hands: its last speaker is no given
    for k in section:
        text = texts[k]
        speaker = _intro(text, lang, data)
        if speaker is not None and speaker.key == UNKNOWN and speaker.delegation is None:
            speaker = _known_speaker(speaker, turns)
        if speaker is None:
            opening = _opening_speaker(text, lang, data)
            if opening == COLLECTIVE or (opening is None and shared
                                         and not _follow_on_re(lang).match(text)):
                current = None  # "Sanctions drew sharp differences." after a shared paragraph
            elif isinstance(opening, Speaker) and not (
                    current and current.speaker.key == opening.key):
                speaker = _with_context(opening, text, lang, data)
        if speaker is not None:
            current = _Turn(speaker, [], section_kind)
            turns.append(current)
        cuts = _paragraph_cuts(text, current, lang, data, turns, section_kind)
        current = cuts[-1][1]
        shared = len(cuts) > 1
        attributed = False
        for (start, turn), (end, _) in zip(cuts, [*cuts[1:], (len(text), None)]):
            passage = Passage(pids[k], text[start:end].strip())
            if turn is None:
                unattributed.append(passage)
            else:
                turn.passages.append(passage)
                attributed = True
        kinds[k] = STATEMENT if attributed else UNATTRIBUTED


@lru_cache(maxsize=None)
def _follow_on_re(lang: str) -> re.Pattern:
    """A paragraph that goes on in the current speaker's voice: "He …", "La représentante …"."""
    return re.compile(rf"[«“\"]?(?:[^.;,]{{0,120}},\s+)?(?:{_singular_subjects(lang)})\b"
                      rf"|[^.]{{0,200}}(?:{_OWN_VOICE_EXTRA[lang]})")


def _paragraph_cuts(text, current, lang, data, turns,
                    section_kind) -> list[tuple[int, _Turn | None]]:
    """Where the paragraph changes hands: (offset, turn or None for unattributed), starting
    with the turn that opens it.  New turns are appended to `turns` in reading order."""
    cuts: list[tuple[int, _Turn | None]] = [(0, current)]
    if not _may_change_hands(text, lang, data):
        return cuts
    for i, (s, e) in enumerate(sentence_spans(text, lang)):
        for takeover in _takeovers(text[s:e], lang, data, opening=i == 0):
            last = cuts[-1][1]
            speaker = _taken_by(takeover, last.speaker if last else None,
                                text[s + takeover.offset:e], lang, data)
            turn = last if last and speaker is last.speaker else (
                speaker and _Turn(speaker, [], section_kind))
            if turn is not last:
                cuts.append((s + takeover.offset, turn))
                if turn is not None:
                    turns.append(turn)
    return cuts


# Every place a sentence may end, and the ends that may be abbreviations or initials.
_ROUGH_SENTENCE_END = re.compile(r"(?<=[.!?…])[»”\"’)\]]*\s+")
_ABBREVIATION_END = re.compile(r"(?:^|[\s(])(?:[^\W\d_]\.)+$|\b[A-Z][a-z]{0,2}\.$")


def _may_change_hands(text: str, lang: str, data: LanguageData) -> bool:
    """Cheap test before the sentence splitter (the costly part) runs on a paragraph: a
    takeover in rough sentences, cut twice, once at every sentence-like end and once at those
    that are no abbreviation ("Mr.", "U.S.").  A true sentence is cut by one or the other
    only where an abbreviation sits, and what one cut hides the other shows; the true
    sentences then decide."""
    ends = list(_ROUGH_SENTENCE_END.finditer(text))
    sure = [m for m in ends if not _ABBREVIATION_END.search(text[max(0, m.start() - 12):m.start()])]
    return any(_rough_takeover(text, cut, lang, data) for cut in (ends, sure))


def _rough_takeover(text: str, ends: list[re.Match], lang: str, data: LanguageData) -> bool:
    starts = [0, *(m.end() for m in ends)]
    stops = [*(m.start() for m in ends), len(text)]
    return any(_takeovers(text[s:e], lang, data, opening=i == 0)
               for i, (s, e) in enumerate(zip(starts, stops)))


def _taken_by(takeover: _Takeover, current: Speaker | None, clause: str, lang: str,
              data: LanguageData) -> Speaker | None:
    """Who the text goes on with after a takeover: the current speaker when the subject is
    that speaker (or the group it speaks for), None for a collective or doubtful subject."""
    who = takeover.who
    if who == COLLECTIVE:
        return None
    if current is not None and who.key in (current.key, current.on_behalf_key):
        return current
    if takeover.doubtful:
        return None
    return _with_context(who, clause, lang, data)


def _known_speaker(speaker: Speaker, turns: list[_Turn]) -> Speaker:
    """`Ms. DICARLO, responding …`: the earlier turn of a speaker with that surname."""
    for turn in turns:
        if _surname(turn.speaker.speaker) == _surname(speaker.speaker):
            return replace(turn.speaker, speaker=speaker.speaker, reply=speaker.reply,
                           on_behalf_of=speaker.on_behalf_of or turn.speaker.on_behalf_of)
    return speaker


def _read_sentences(texts, pids, kinds, section, lang, data, turns, unattributed, section_kind):
    """Style C: each sentence goes to the delegation it names, or to the one before it when it
    names none ("He, too, …"); collective sentences and those before any speaker stay
    unattributed.  A clause with a subject of its own ("…, while X's delegate said …") goes
    to that subject, as in styles A and B.  All of a delegation's sentences make one turn."""
    by_key: dict[str, _Turn] = {}
    current: Speaker | None = None
    for k in section:
        text = texts[k]
        attributed = False
        for start, end in sentence_spans(text, lang):
            sentence = text[start:end]
            takeovers = _takeovers(sentence, lang, data, loose=True)
            if (not takeovers or takeovers[0].offset > 0) and _collective_opening(sentence,
                                                                                   lang):
                current = None
            cuts = [(0, current)]
            for takeover in takeovers:
                current = _taken_by(takeover, current, sentence[takeover.offset:], lang, data)
                cuts.append((takeover.offset, current))
            for (s, who), (e, _) in zip(cuts, [*cuts[1:], (len(sentence), None)]):
                passage = Passage(pids[k], sentence[s:e].strip())
                if not passage.text:
                    continue
                if who is None:
                    unattributed.append(passage)
                    continue
                attributed = True
                turn = by_key.get(who.key)
                if turn is None:
                    turn = by_key[who.key] = _Turn(who, [], section_kind)
                    turns.append(turn)
                turn.passages.append(passage)
        kinds[k] = STATEMENT if attributed else UNATTRIBUTED


# ---------------------------------------------------------------------------------------
# Statements


def _statements(turns: list[_Turn], briefing_section: bool) -> tuple[Statement, ...]:
    """Number the turns, link repeat turns to the delegation's first one and give each its
    kind.  Without a "Briefings" section, the organizations' officials who speak before any
    State are the meeting's briefers."""
    out: list[Statement] = []
    first_turn: dict[str, int] = {}
    opening = not briefing_section
    for turn in turns:
        if not turn.passages:
            continue
        sp = turn.speaker
        index = len(out)
        identity = sp.key if _is_state(sp.key) else f"{sp.key}:{_surname(sp.speaker)}"
        repeat_of = first_turn.get(identity) if _is_state(sp.key) or sp.speaker else None
        first_turn.setdefault(identity, index)
        opening = opening and not _is_state(sp.key)
        out.append(Statement(
            index=index,
            passages=tuple(turn.passages),
            speaker=sp.speaker,
            speaker_display=display_speaker(sp.speaker) if sp.speaker else None,
            role=sp.role,
            delegation=sp.delegation,
            delegation_key=sp.key,
            on_behalf_of=sp.on_behalf_of,
            on_behalf_key=sp.on_behalf_key,
            kind=_turn_kind(turn, repeat_of, opening),
            repeat_of=repeat_of,
        ))
    return tuple(out)


def _surname(name: str | None) -> str:
    return name.split()[-1].casefold() if name else ""


def _is_state(key: str) -> bool:
    return key != UNKNOWN and not key.startswith(("org:", "group:"))


def _turn_kind(turn: _Turn, repeat_of: int | None, opening: bool) -> str:
    sp = turn.speaker
    if turn.section_kind == REPLY or sp.reply or repeat_of is not None:
        return REPLY
    if sp.national_capacity:
        return NATIONAL
    if turn.section_kind == BRIEFING or sp.key == UN_KEY or (opening and sp.key.startswith("org:")):
        return BRIEFING
    return NATIONAL


# Initials ("T.", "T.S.", "A.F.") and roman numerals ("III") keep their capitals.
_KEEP_UPPER = re.compile(r"^(?:[IVX]{2,}|(?:[^\W\d_]\.)+)$")
# Particles written in lower case inside a name (never as its first word).
_NAME_PARTICLES = {"de", "da", "del", "della", "di", "do", "dos", "das", "du", "des", "van",
                   "von", "der", "den", "ter", "bin", "ibn", "y"}
_ARTICLE_PREFIXES = ("al-", "el-")  # AL-SAUD -> al-Saud


def display_speaker(name: str) -> str:
    """Title case for a name written in capitals: `NICOLAS DE RIVIÈRE` -> `Nicolas de
    Rivière`, `T. S. TIRUMURTI` -> `T. S. Tirumurti`, `AL-SAUD` -> `al-Saud`.  Names already
    in mixed case are kept as written."""
    if any(c.islower() for c in name):
        return name
    words = name.split()
    out: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        inner = 0 < i < len(words) - 1
        if inner and (low in _NAME_PARTICLES or (low in {"la", "le"} and out[-1] == "de")):
            out.append(low)
        elif _KEEP_UPPER.match(word):
            out.append(word)
        else:
            out.append(_title_word(low, first=i == 0))
    return " ".join(out)


def _title_word(low: str, first: bool) -> str:
    prefix = ""
    if not first and low.startswith(_ARTICLE_PREFIXES) and len(low) > 3:
        prefix, low = low[:3], low[3:]
    out = ""
    for piece in re.split(r"([\-’'])", low):
        after_apostrophe = out.endswith(("’", "'")) and len(re.split(r"[\-\s]", out)[-1]) > 2
        out += piece if after_apostrophe or not piece else piece[0].upper() + piece[1:]
    return prefix + re.sub(r"^Mc([a-z])", lambda m: "Mc" + m.group(1).upper(), out)


# ---------------------------------------------------------------------------------------
# Meeting facts


def _meeting(texts, kinds, title_idx, lead_end, lang) -> Meeting:
    header = "\n".join(t for t, k in zip(texts, kinds) if k == HEADER)
    title = texts[title_idx[0]] if title_idx else ""
    subtitle = texts[title_idx[1]] if len(title_idx) > 1 else ""
    number = session = None
    m = re.search(rf"{_MEETING_NUMBERS}\s+(?:séance|meeting)", header, re.I)
    if m:
        number = " & ".join(re.findall(r"\d+(?=\s*[^\d\s,&])", m.group()))
        session = _session(header[m.end():m.end() + 40])
    symbol = None
    m = re.search(r"\b(?:[A-Z]{2,8}/)+\d{2,6}(?:/Rev\.\d+)?", header)
    if m:
        symbol = m.group()
    return Meeting(language=lang, title=title, subtitle=subtitle,
                   body=_body(header, title, texts, kinds, lang), number=number,
                   session=session, symbol=symbol, date=_date(header, lang))


_SESSIONS = (("matin & après-midi", "morning and afternoon"),
             ("matin et après-midi", "morning and afternoon"), ("après-midi", "afternoon"),
             ("matin", "morning"), ("soir", "night"), ("nuit", "night"),
             ("AM & PM", "morning and afternoon"), ("AM", "morning"), ("PM", "afternoon"),
             ("Night", "night"))


def _session(text: str) -> str | None:
    for word, value in _SESSIONS:
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            return value
    return None


def _body(header, title, texts, kinds, lang) -> str | None:
    """The body from the header, else the title, else the earliest one the lead names.

    A release whose first paragraph is already a briefing has no lead; its opening text
    ("…, told the Security Council today") still names the body.
    """
    for source in (header, title):
        found = _first_body(source, lang)
        if found:
            return found
    lead = " ".join(t for t, k in zip(texts, kinds) if k == LEAD)
    return _first_body((lead or " ".join(texts))[:3000], lang)


def _first_body(text: str, lang: str) -> str | None:
    hits = [(text.find(b), b) for b in _BODIES[lang] if b in text]
    return min(hits)[1] if hits else None


def _date(header: str, lang: str) -> dt.date | None:
    months = _MONTHS[lang].lower().split("|")
    m = re.search(rf"(\d{{1,2}})(?:er)?\s+({_MONTHS[lang]})\s+(\d{{4}})", header, re.I)
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), months.index(m.group(2).lower()) + 1, int(m.group(1)))
    except ValueError:
        return None
