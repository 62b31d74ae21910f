"""The release as issue grouping sees it: sentences of statements, folded for matching.

Vocabulary tables are written without accents and with straight apostrophes, and matched on a
folded copy of each sentence of the same length, so a match's offsets are offsets in the
original sentence too (the text shown in the note is never the folded one).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from briefgen.model import Release, Statement
from briefgen.sentences import sentence_spans


def _fold_char(char: str) -> str:
    if char in "’ʼ‘`":
        return "'"
    if char in "\u00a0\u202f\u2009":
        return " "
    if char in "‐‑–—":
        return "-"
    base = unicodedata.normalize("NFD", char)[0]
    lower = base.lower()
    return lower if len(lower) == 1 else base


class _Table(dict):
    """A str.translate table that works out each character the first time it is met, so a
    sentence is folded in C (a Python call per character took most of issue grouping's time
    spent outside the regex engine)."""

    def __init__(self, one_char):
        super().__init__()
        self._one_char = one_char

    def __missing__(self, code: int) -> str:
        self[code] = self._one_char(chr(code))
        return self[code]


_FOLD = _Table(_fold_char)
_CASED_FOLD = _Table(lambda c: _fold_char(c).upper() if c.isupper() else _fold_char(c))


def fold(text: str) -> str:
    """Lower case, no accents, one kind of apostrophe, space and hyphen; same length as `text`."""
    return text.translate(_FOLD)


def cased_fold(text: str) -> str:
    """fold(), but capitals stay capitals: one pattern then matches names case-insensitively
    and capitals case-sensitively (same length as `text`)."""
    return text.translate(_CASED_FOLD)


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence of one statement, where grouping by issue starts."""

    statement: int  # Statement.index
    key: str  # delegation key of the statement
    pid: str  # paragraph it comes from
    paragraph: int  # ordinal of that paragraph within the delegation's turns (carry-over scope)
    text: str
    folded: str


def statement_units(statement: Statement, lang: str, paragraph_offset: int = 0) -> list[Unit]:
    """The sentences of a statement, in order, with the paragraph each comes from."""
    units: list[Unit] = []
    for ordinal, passage in enumerate(statement.passages):
        for start, end in sentence_spans(passage.text, lang):
            text = passage.text[start:end]
            units.append(Unit(statement.index, statement.delegation_key, passage.pid,
                              paragraph_offset + ordinal, text, fold(text)))
    return units


def release_units(release: Release) -> list[Unit]:
    """Sentences of every attributed statement (unknown speakers and collective text left out)."""
    lang = release.meeting.language
    units: list[Unit] = []
    for statement in release.statements:
        if statement.delegation_key and statement.delegation_key != "unknown":
            units.extend(statement_units(statement, lang, paragraph_offset=len(units)))
    return units


def lead_units(release: Release) -> list[Unit]:
    """Sentences of the title and lead: what the release itself reports about the debate."""
    lang = release.meeting.language
    passages = [("", release.meeting.title)] + [(pid, release.paragraph(pid).text)
                                                 for pid in release.lead]
    return [Unit(-1, "", pid, -1 - n, text[start:end], fold(text[start:end]))
            for n, (pid, text) in enumerate(passages) if text
            for start, end in sentence_spans(text, lang)]


def framing_texts(release: Release) -> dict[str, str]:
    """The release's own account of what the meeting was about: title, lead, agenda headings."""
    lead = " ".join(release.paragraph(pid).text for pid in release.lead)
    headings = " ".join(h.text for h in release.headings if h.kind == "agenda")
    title = " ".join(t for t in (release.meeting.title, release.meeting.subtitle) if t)
    return {"title": title, "lead": lead, "headings": headings}
