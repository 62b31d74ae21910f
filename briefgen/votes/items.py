"""Mentions of a decision gathered into one item per text.

A release mentions the same decision several times: the lead ("garnered support from 10
members but was vetoed by Norland"), the action paragraph ("rejected the text by a vote of 10
in favour to 1 against (Norland), with 4 abstentions"), a statement.  Two mentions are one
text when they name the same document, or, where one of them names none, when nothing they
say differs (counts, lists, subject, whether the text passed); otherwise they are two texts.
A meeting with two drafts keeps two items, and an amendment is its own item, attached to the
text it amends: the one it names, else the next text decided after it (amendments are put to
the vote before the text they amend).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import (
    ABSTAINING,
    ADOPTED,
    AGAINST,
    FAILED,
    IN_FAVOUR,
    LEAD,
    REJECTED,
    TITLE,
    VETOED,
    VOTED,
    WITHDRAWN,
    Vote,
)

_COUNTS = ("in_favour", "against", "abstentions")
_LISTS = ("voted_for", "voted_against", "abstaining")
# What a record can say was put to the vote, most specific first (see records._SUBJECTS).
SUBJECT_ORDER = ("amendment", "motion", "paragraph", "resolution", "decision", "text")
# How specific an outcome is, for the one a merged item keeps ("rejected" in a sentence that
# also says the negative vote was a permanent member's is a veto).
_SPECIFIC = {VOTED: 0, ADOPTED: 1, REJECTED: 1, FAILED: 2, VETOED: 3, WITHDRAWN: 1}
_PASSED = {ADOPTED: True, REJECTED: False, FAILED: False, VETOED: False, WITHDRAWN: None,
           VOTED: None}


DOCUMENT_SYMBOL = re.compile(r"\bL\.\d+(?:/Rev\.\d+)?")


def document_key(document: str | None) -> str | None:
    """What identifies a document across its spellings: "A/ES-11/L.10" and "L.10" are one,
    "resolution 2623 (2022)" and "S/RES/2623 (2022)" too; "S/2023/792" and "S/2023/795"
    are two."""
    if not document:
        return None
    # "S/2023/792": the year is no document number
    m = (DOCUMENT_SYMBOL.search(document) or re.search(r"\b[A-Z]/(?:19|20)\d\d/\d+", document)
         or re.search(r"\b\d{3,4}\b", document))
    return m.group() if m else document.casefold()


def gather(records: list[Vote], paragraphs) -> list[Vote]:
    """One item per text, in the order the texts are first mentioned."""
    where = {p.pid: (i, p) for i, p in enumerate(paragraphs)}

    def position(vote: Vote) -> tuple[int, int]:
        index, paragraph = where[vote.pid]
        return index, paragraph.text.find(vote.text.split(" ", 1)[0])

    def weight(vote: Vote) -> tuple[int, bool, tuple[int, int]]:
        """The fuller record, then one outside the lead (the action paragraph's tally where
        the lead's summary differs), then the later."""
        return (sum(getattr(vote, c) is not None for c in _COUNTS),
                where[vote.pid][1].kind not in (LEAD, TITLE), position(vote))

    items: list[Vote] = []
    for record in records:
        same = next((i for i, item in enumerate(items) if _same_text(item, record)), None)
        if same is None:
            items.append(record)
        else:
            items[same] = _merged(items[same], record, weight)
    return _with_amended(_without_lead_summaries(items, where), position)


def _without_lead_summaries(items: list[Vote], where) -> list[Vote]:
    """The lead's summary of a decision told with neither symbol nor counts ("The Assembly
    today adopted without a vote a resolution on canal safety") is one of the decisions the
    body records in full: joined to it where there is one such, left out where there are
    several (the lead's "two resolutions" are those two)."""
    def summary(vote: Vote) -> bool:
        return (where[vote.pid][1].kind == LEAD and not vote.document
                and all(getattr(vote, c) is None for c in _COUNTS))

    out = list(items)
    for item in items:
        if not summary(item):
            continue
        full = [v for v in out if v is not item and not summary(v) and v.outcome == item.outcome
                and v.without_vote == item.without_vote and v.subject != "amendment"]
        if full:
            out.remove(item)
            if len(full) == 1:
                i = out.index(full[0])
                out[i] = replace(full[0], sources=tuple(dict.fromkeys(item.sources
                                                                      + full[0].sources)))
    return out


def _same_text(a: Vote, b: Vote) -> bool:
    da, db = document_key(a.document), document_key(b.document)
    if da and db:
        return da == db
    if a.subject and b.subject and (a.subject == "amendment") != (b.subject == "amendment"):
        return False
    if None not in (_PASSED[a.outcome], _PASSED[b.outcome]) and \
            _PASSED[a.outcome] != _PASSED[b.outcome]:
        return False
    counts_a = {c: getattr(a, c) for c in _COUNTS if getattr(a, c) is not None}
    counts_b = {c: getattr(b, c) for c in _COUNTS if getattr(b, c) is not None}
    if any(counts_b.get(c, n) != n for c, n in counts_a.items()):
        return False
    if any(a.side_of(k) not in (None, side) for side, keys in _sides(b) for k in keys):
        return False
    if counts_a and counts_b:
        return bool(counts_a.keys() & counts_b.keys())
    if not counts_a and not counts_b:  # "vetoed by Norland", and "owing to the veto", twice
        if a.outcome == b.outcome == VETOED and not (a.vetoed_by and b.vetoed_by):
            return True
        return bool(a.vetoed_by) and a.vetoed_by == b.vetoed_by
    lone = a if not counts_a else b  # a mention without counts joins a counted record, but a
    return not lone.without_vote  # text adopted without a vote has no counts to join


def _sides(vote: Vote) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return ((IN_FAVOUR, vote.voted_for), (AGAINST, vote.voted_against),
            (ABSTAINING, vote.abstaining))


def _merged(a: Vote, b: Vote, weight) -> Vote:
    """Both mentions' facts; counts and wording from the one that weighs more."""
    full = max((a, b), key=weight)
    other = a if full is b else b
    fields = {c: getattr(full, c) if getattr(full, c) is not None else getattr(other, c)
              for c in _COUNTS}
    fields.update({lst: tuple(dict.fromkeys(getattr(a, lst) + getattr(b, lst)))
                   for lst in _LISTS})
    return replace(
        full, **fields,
        outcome=max((a.outcome, b.outcome), key=lambda o: _SPECIFIC[o]),
        subject=min((a.subject, b.subject), key=_specificity),
        document=max((a.document or "", b.document or ""), key=len) or None,
        title=full.title or other.title,
        without_vote=a.without_vote or b.without_vote,
        vetoed_by=tuple(dict.fromkeys(a.vetoed_by + b.vetoed_by)),
        sources=tuple(dict.fromkeys(a.sources + b.sources)))


def _specificity(subject: str) -> int:
    """"draft resolution" says more than "the text": the rank of the most specific word."""
    return SUBJECT_ORDER.index(subject) if subject in SUBJECT_ORDER else len(SUBJECT_ORDER)


def _with_amended(items: list[Vote], position) -> list[Vote]:
    """Amendments with the text they amend: the one their record names, else the first
    text decided after them, else the last one before."""
    out = list(items)
    texts = sorted((position(v), j) for j, v in enumerate(items) if v.subject != "amendment")
    for i, item in enumerate(items):
        if item.subject != "amendment" or not texts:
            continue
        named = [j for _, j in texts if document_key(items[j].document)
                 and document_key(items[j].document) in item.text]
        after = [j for at, j in texts if at > position(item)]
        out[i] = replace(item, amends=(named or after or [texts[-1][1]])[0])
    return out
