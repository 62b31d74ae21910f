"""Votes as the record says: one item per text decided on, exact tallies and lists.

    find_votes(paragraphs, lang, statements=(), meeting=None) -> tuple[Vote, ...]

The record comes first.  `records` reads each sentence that records a decision (counts,
named lists, a veto, without a vote); `items` gathers the mentions of one text into one item
and attaches amendments to the text they amend; `declarations` adds what the release says
beside the record (who said how they voted, who explained a vote, who tabled the text),
never against the record; `council` derives a Security Council in-favour list from the
members of the year, only when that is certain.  A permanent member's negative vote on a
Council draft with at least nine votes in favour is a veto, whatever verb the release uses.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import ADOPTED, VETOED, Meeting, Paragraph, Statement, Vote
from .council import candidate_years, derive_in_favour, permanent_members
from .declarations import attach
from .items import gather
from .records import read_records

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
    items = gather(read_records(paragraphs, lang, spoken), paragraphs)
    if not items:
        return ()
    items = attach(items, list(paragraphs), statements, lang)
    if meeting is not None and meeting.body in SECURITY_COUNCIL:
        items = _council(items, [p.text for p in paragraphs], meeting)
    return tuple(items)


def _council(items: list[Vote], texts: list[str], meeting: Meeting) -> list[Vote]:
    """Vetoes named as such, and in-favour lists derived where certain (`council`)."""
    permanent = permanent_members()
    placed = {k for v in items for k in (*v.voted_for, *v.voted_against, *v.abstaining)} | {
        d.key for v in items for d in v.declared}
    years = candidate_years(meeting.date.year if meeting.date else None, texts, placed)
    out = []
    for vote in items:
        negative = tuple(k for k in vote.voted_against if k in permanent)
        if negative and vote.outcome != ADOPTED and (vote.in_favour or 0) >= VETO_MAJORITY:
            vote = replace(vote, outcome=VETOED,
                           vetoed_by=tuple(dict.fromkeys(vote.vetoed_by + negative)))
        out.append(derive_in_favour(vote, years))
    return out
