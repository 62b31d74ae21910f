"""The parts of a release that are not speech: header lines, title, headings, structure
paragraphs (meeting times, footer, "Also speaking were …"), where the lead ends, and the
meeting facts (body, number, symbol, date).  Each is recognized by the shape of a whole line,
so these are regular expressions rather than word lists.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..languages import LANGUAGES, LanguageData, normalize_apostrophes
from ..model import HEADER, HEADING, LEAD, Meeting
from .patterns import _BODIES, _BODY_SUBJECT, Speaker
from .speakers import _intro, _opening_speaker

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
        r"The (?:[A-Z][\w\-]+\s+){0,3}(?:General Assembly|Assembly|Security Council|Council|"
        r"Committee|Commission|Economic and Social Council) will (?:reconvene|meet again|resume|"
        r"next meet|continue)\b",
        r"The [\w\s\-]{0,60}\b(?:segment|debate|session|meeting) will (?:continue|resume|"
        r"reconvene) at\b",
    ),
    "fr": (
        r"À l[’']intention des organes d[’']information\b.*Document non officiel",
        r"La séance a (?:débuté|commencé|été ouverte|repris) à\b.*\b(?:achevée|levée|close|"
        r"terminée|pris fin|fini)\b",
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
_HEADER_WORDS = {
    "en": ("Plenary", "Meetings Coverage", "Press Release", *_BODIES["en"]),
    "fr": ("Plénière", "Couverture des réunions", "Communiqué de presse", *_BODIES["fr"]),
}
_VOTE = {
    "en": r"\b(?:by a (?:recorded )?vote of|in favour|abstentions?|without a vote|by consensus|"
          r"adopted|rejected|failed to adopt|took a recorded vote|took action)\b",
    "fr": r"\b(?:voix pour|voix contre|abstentions?|sans vote|par consensus|adopté|rejeté|"
          r"mis aux voix)\b",
}
# A heading is short: a few words, no sentence.
_HEADING_WORDS = 12
# First words of the headings after which the statements begin, so that the lead ends there
# ("Statements", "Statements before Vote", "Briefings", "Déclarations"); "Action" and
# "Explanations of Vote" may follow statements given without a heading.
_OPENING_WORDS = {
    "en": ("statement", "statements", "briefing", "briefings", "introduction", "opening",
           "debate", "remarks", "presentation"),
    "fr": ("déclaration", "déclarations", "exposé", "exposés", "débat", "introduction",
           "présentation"),
}
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


# "8967e", "15th & 16th", "15e et 16e": one meeting number, or those of a joint sitting.
_ORDINAL = r"\d{1,5}\s*(?:e|er|ème|th|st|nd|rd)"
_MEETING_NUMBERS = rf"{_ORDINAL}(?:\s*(?:,|&|and|et)\s*{_ORDINAL})*"


@lru_cache(maxsize=None)
def _header_item(lang: str) -> re.Pattern:
    months = _MONTHS[lang]
    words = "|".join(re.escape(w) for w in _HEADER_WORDS[lang])
    items = (
        rf"(?:[\w\-]+\s+(?:session|Session)[^,\n]{{0,40}},\s*)?{_MEETING_NUMBERS}\s+"
        r"(?:Plenary\s+)?(?:séances?|Séances?|meetings?|Meetings?)(?:\s+plénières?|\s+Plenary)?"
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


def _heading_kind(text: str, lang: str, body: bool = True) -> str | None:
    """"reply", "section", "agenda" or None.  Listed headings and agenda items in capitals
    anywhere; in the `body` (past the title, which is title-like too), any short line that
    reads as a heading (`_section_like`)."""
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
    return _unlisted_kind(clean, data) if body else None


def _unlisted_kind(text: str, data: LanguageData) -> str | None:
    """A heading the table does not list: one short line without a sentence end, "section"
    when opened by a heading word ("Statements before Vote", "Déclarations après le vote"),
    "agenda" when, where the language writes headings so, it is in title case ("Rules of
    Procedure", "Israeli Practices Affecting Palestinian Rights")."""
    words = _WORD.findall(text)
    if not _title_like(text) or not words or len(words) > _HEADING_WORDS or len(text) > 120:
        return None
    if words[0].lower() in data.heading_words:
        return "section"
    if data.heading_case == "title" and len(words) >= 2 and all(
            w[0].isupper() or w.lower() in data.stop_words for w in words):
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

    With a heading that opens the statements ("Statements", "Statements before Vote", an
    agenda item) the lead is what precedes it, even when it paraphrases speakers as
    statements do ("Speaking before the vote, the representative of X said …"): the press
    officer's summary of statements given in full below.  Without such a heading the lead
    ends at the first paragraph that introduces a speaker.
    """
    opening = _OPENING_WORDS[lang]
    for i in range(start, len(texts)):
        first = _WORD.search(texts[i]) if kinds[i] == HEADING else None
        if first and (_heading_kind(texts[i], lang) == "agenda"
                      or first.group().lower() in opening):
            return i
    for i in range(start, len(texts)):
        if kinds[i] is None and (_intro(texts[i], lang, data) or isinstance(
                _opening_speaker(texts[i], lang, data), Speaker)):
            return i
        if kinds[i] == HEADING:
            return i
    return start


# ---------------------------------------------------------------------------------------
# Meeting facts


def _meeting(texts, kinds, title_idx, lead_end, lang) -> Meeting:
    header = "\n".join(t for t, k in zip(texts, kinds) if k == HEADER)
    title = texts[title_idx[0]] if title_idx else ""
    subtitle = texts[title_idx[1]] if len(title_idx) > 1 else ""
    number = session = None
    m = re.search(rf"{_MEETING_NUMBERS}\s+(?:Plenary\s+)?(?:séance|meeting)", header, re.I)
    if m:
        number = " & ".join(re.findall(r"\d+(?=\s*[^\d\s,&])", m.group()))
        session = _session(header[m.end():m.end() + 40])
    symbol = None
    m = re.search(r"\b(?:[A-Z]{2,8}/)+\d{2,6}(?:/Rev\.\d+)?", header)
    if m:
        symbol = m.group()
    return Meeting(language=lang, title=title, subtitle=subtitle,
                   body=_body(header, title, texts, kinds, lang, symbol), number=number,
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


# The press-release series of the Security Council and of the Assembly's plenary (a
# committee's series, "GA/SPD/797", names no plenary).
_SERIES = {"SC": "Security Council", "CS": "Conseil de sécurité", "GA": "General Assembly",
           "AG": "Assemblée générale"}


def _body(header, title, texts, kinds, lang, symbol=None) -> str | None:
    """The body from the header, else the title, else the press-release series of the
    symbol ("SC/15301"), else the earliest one the lead names.

    A release whose first paragraph is already a briefing has no lead; its opening text
    ("…, told the Security Council today") still names the body.
    """
    for source in (header, title):
        found = _first_body(source, lang)
        if found:
            return found
    series = re.fullmatch(r"([A-Z]{2})/\d+", symbol or "")
    if series and series.group(1) in _SERIES:
        return _SERIES[series.group(1)]
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
