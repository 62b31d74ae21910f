"""The Security Council's in-favour list, derived only when it is certain.

A Council vote record names who voted against and who abstained, and gives the in-favour
side as a count.  The in-favour list is then the rest of the Council of that year, but only
when three things hold: the year is known, or every year the release could be from gives the
same fifteen members; every State the release places on a side of a vote (in the record, or
saying how it voted) sits on that Council; and fifteen less the named others is exactly the
recorded count.  Anything less, and the side stays a count.

The members by year are a maintained table (`briefgen/data/council_members.toml`, with its
source).  Without a date, the release's own dates and symbols bound the year from below (a
release cites nothing from its future), the table's last year bounds it from above.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..model import IN_FAVOUR, Vote
from ..tables import load_table

COUNCIL_SIZE = 15
# Years cited as past or present in a release: a resolution's year "2623 (2022)", a document
# "S/2023/970", a date "24 February 2025" / "24 février 2025".
_CITED_YEAR = re.compile(
    r"\((?P<a>(?:19|20)\d\d)\)|\bS/(?P<b>(?:19|20)\d\d)/|\b\d{1,2}(?:er)?\s+[A-Za-zéû]+\s+"
    r"(?P<c>(?:19|20)\d\d)\b")


@cache
def _table() -> tuple[frozenset[str], dict[int, frozenset[str]]]:
    data = load_table("council_members.toml")
    elected: dict[int, set[str]] = {}
    for start, cohort in data["elected"].items():
        for year in (int(start), int(start) + 1):
            elected.setdefault(year, set()).update(cohort)
    for key, years in data.get("terms", {}).items():
        for year in years:
            elected.setdefault(year, set()).add(key)
    first = min(int(y) for y in data["elected"]) + 1  # the first year with both cohorts
    permanent = frozenset(data["permanent"])
    return permanent, {y: frozenset(k) for y, k in elected.items() if y >= first}


def permanent_members() -> frozenset[str]:
    return _table()[0]


def members(year: int) -> frozenset[str] | None:
    """The fifteen members of the Council in `year`, or None outside the table."""
    permanent, elected = _table()
    return permanent | elected[year] if year in elected else None


def cited_years(texts: list[str]) -> list[int]:
    return [int(next(g for g in m.groups() if g)) for t in texts for m in _CITED_YEAR.finditer(t)]


def candidate_years(year: int | None, texts: list[str], placed: set[str]) -> list[int]:
    """The years the meeting can be from: its own, or every year of the table from the latest
    one the release cites whose Council holds every State placed on a side of a vote."""
    _, elected = _table()
    years = [year] if year is not None else [
        y for y in sorted(elected) if y >= max(cited_years(texts), default=0)]
    return [y for y in years if (m := members(y)) is not None and placed <= m]


def derive_in_favour(vote: Vote, years: list[int]) -> Vote:
    """The vote with its in-favour list worked out, when certain (see the module).  Counts
    the record leaves out follow when the named others make up the rest of the Council ("13
    in favour", vetoed by one member, another abstaining: 13-1-1)."""
    if vote.in_favour is None or vote.without_vote or not years:
        return vote
    if vote.in_favour + len(vote.voted_against) + len(vote.abstaining) == COUNCIL_SIZE:
        vote = replace(vote, against=vote.against if vote.against is not None
                       else len(vote.voted_against),
                       abstentions=vote.abstentions if vote.abstentions is not None
                       else len(vote.abstaining))
    lists = {members(y) - set(vote.voted_against) - set(vote.abstaining) for y in years}
    if len(lists) != 1:
        return vote
    (derived,) = lists
    complete = all(count == len(keys) for count, keys in (
        (vote.against, vote.voted_against), (vote.abstentions, vote.abstaining)))
    declared = {d.key for d in vote.declared if d.side == IN_FAVOUR}
    if (not complete or len(derived) != vote.in_favour
            or vote.in_favour + vote.against + vote.abstentions != COUNCIL_SIZE
            or not set(vote.voted_for) | declared <= derived):
        return vote
    return replace(vote, voted_for=tuple(sorted(derived)), voted_for_derived=True,
                   declared=tuple(d for d in vote.declared if d.key not in derived))
