"""Votes as the record says: one item per text decided on, exact tallies and lists.

    find_votes(paragraphs, lang, statements=(), meeting=None) -> tuple[Vote, ...]

The record comes first.  `records` reads each sentence that records a decision (counts,
named lists, a veto, without a vote), `referred` one that decides texts it names only by
who tabled them ("the Assembly adopted European-led amendments"); `items` gathers the
mentions of one text into one item and attaches amendments to the text they amend;
`declarations` adds what the release says beside the record (who said how they voted, who
explained a vote, who tabled the text), never against the record; `council` derives a
Security Council in-favour list from the members of the year, only when that is certain.
A permanent member's negative vote on a Council draft with at least nine votes in favour is
a veto, whatever verb the release uses.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import ADOPTED, FAILED, VETOED, VOTED, Meeting, Paragraph, Statement, Vote
from .council import candidate_years, derive_in_favour, members, permanent_members
from .declarations import attach
from ..sentences import sentence_spans
from .items import DOCUMENT_SYMBOL, SUBJECT_ORDER, document_key, gather
from .records import plural_subject_of, read_records, subject_of
from .referred import referred_records

SECURITY_COUNCIL = ("Security Council", "Conseil de sécurité")
VETO_MAJORITY = 9  # votes in favour a Council draft needs for a negative vote to be a veto


def find_votes(paragraphs: tuple[Paragraph, ...] | list[Paragraph], lang: str,
               statements: tuple[Statement, ...] = (), meeting: Meeting | None = None
               ) -> tuple[Vote, ...]:
    """Every text decided on at the meeting, in the order the release first mentions it."""
    spoken: dict[str, list[str]] = {}
    for statement in statements:
        for passage in statement.passages:
            spoken.setdefault(passage.pid, []).append(passage.text)
    where = {p.pid: (i, p.text) for i, p in enumerate(paragraphs)}
    records = sorted([*read_records(paragraphs, lang, spoken),
                      *referred_records(paragraphs, lang, spoken)],
                     key=lambda v: (where[v.pid][0], where[v.pid][1].find(v.text)))
    items = gather(records, paragraphs)
    if not items:
        return ()
    items = _named_subjects(items, paragraphs, lang)
    items = attach(items, list(paragraphs), statements, lang)
    if meeting is not None and meeting.body in SECURITY_COUNCIL:
        items = _council(items, [p.text for p in paragraphs], meeting)
    return tuple(items)


def _named_subjects(items: list[Vote], paragraphs, lang: str) -> list[Vote]:
    """What a text is, where its record says only its symbol ("adopted “L.5” by …"): the
    most specific word other sentences put before that symbol, after any other symbol
    ("the other text, “L.5”"), or a plural before a list of them ("two drafts — L.4, …,
    and L.5")."""
    out = []
    for vote in items:
        key = document_key(vote.document)
        if not vote.subject and key:
            named = [word for paragraph in paragraphs
                     for start, end in sentence_spans(paragraph.text, lang)
                     if (word := _subject_before(paragraph.text[start:end], key, lang))]
            if named:
                vote = replace(vote, subject=min(named, key=SUBJECT_ORDER.index))
        out.append(vote)
    return out


def _subject_before(sentence: str, key: str, lang: str) -> str:
    at = sentence.find(key)
    if at < 0:
        return ""
    *listed, own = DOCUMENT_SYMBOL.split(sentence[:at])
    return subject_of(own, lang) or next(
        (subject for part in listed if (subject := plural_subject_of(part, lang))), "")


def _council(items: list[Vote], texts: list[str], meeting: Meeting) -> list[Vote]:
    """Vetoes named as such, in-favour lists derived where certain (`council`), and only
    the Council's members said to have voted: the years are read off the record's names."""
    permanent = permanent_members()
    year = meeting.date.year if meeting.date else None
    placed = {k for v in items for k in (*v.voted_for, *v.voted_against, *v.abstaining)}
    declared = {d.key for v in items for d in v.declared}
    # Members who say how they voted narrow the years; a State that is no member would
    # leave none, and then the record's names alone say who sat.
    years = (candidate_years(year, texts, placed | declared)
             or candidate_years(year, texts, placed))
    sitting = frozenset.intersection(*(members(y) for y in years)) if years else None
    out = []
    for vote in items:
        if sitting is not None:  # a State invited to the table says "we support", not votes
            vote = replace(vote, declared=tuple(d for d in vote.declared if d.key in sitting))
        negative = tuple(k for k in vote.voted_against if k in permanent)
        carried = (vote.in_favour or 0) >= VETO_MAJORITY
        if negative and vote.outcome != ADOPTED and carried:
            vote = replace(vote, outcome=VETOED,
                           vetoed_by=tuple(dict.fromkeys(vote.vetoed_by + negative)))
        elif vote.outcome == VOTED and vote.in_favour is not None:  # the Charter's rule
            vote = replace(vote, outcome=ADOPTED if carried and vote.against is not None
                           and not negative else FAILED if not carried else VOTED)
        out.append(derive_in_favour(vote, years))
    return out
