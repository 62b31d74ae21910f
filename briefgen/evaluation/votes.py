"""Vote items against our own reading of each vote record (`tests/gold/votes/`).

Every text the gold says was decided at the meeting must be an item, and exact: the outcome,
the three counts, the named lists (the record's names with the delegations that said how they
voted) and who vetoed.  A decision the release only recalls from another meeting must not
be an item, and neither may anything the gold does not hold.  Items are matched by document
symbol, else by their counts, else by outcome and kind.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..model import ABSTAINING, ADOPTED, AGAINST, FAILED, IN_FAVOUR, REJECTED, VETOED, Vote
from ..votes.items import document_key

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "tests" / "gold" / "votes"
# Gold outcomes (tests/gold/votes/README.md) in the model's words: (outcome, without a vote).
_OUTCOMES = {"adopted": (ADOPTED, False), "adopted without a vote": (ADOPTED, True),
             "rejected": (REJECTED, False), "not adopted": (FAILED, False),
             "vetoed": (VETOED, False), "withdrawn": ("withdrawn", False)}
FIELDS = ("outcome", "in_favour", "against", "abstentions", "voted_for", "voted_against",
          "abstaining", "vetoed_by", "amends")


@dataclass
class ReleaseVotes:
    name: str
    items: int = 0  # decided at the meeting, per the gold
    found: int = 0
    exact: int = 0
    spurious: int = 0  # system items the gold does not hold (or holds as another meeting's)
    fields: Counter = field(default_factory=Counter)  # field -> right
    details: list[str] = field(default_factory=list)


def _named(vote: Vote, side: str) -> set[str]:
    listed = {IN_FAVOUR: vote.voted_for, AGAINST: vote.voted_against,
              ABSTAINING: vote.abstaining}[side]
    return set(listed) | {d.key for d in vote.declared if d.side == side}


def _score(gold: dict, vote: Vote) -> int:
    """How well a system item matches a gold item; 0: not the same text."""
    gdoc, sdoc = document_key(gold.get("document")), document_key(vote.document)
    if gdoc and sdoc:
        return 10 if gdoc == sdoc else 0
    counts = [(gold.get(c), getattr(vote, c)) for c in ("in_favour", "against", "abstentions")]
    if any(g is not None and s is not None and g != s for g, s in counts):
        return 0
    same = sum(g is not None and g == s for g, s in counts)
    if same:
        return 2 * same
    outcome, _ = _OUTCOMES.get(gold.get("outcome"), (None, False))
    amendment = (gold.get("subject") == "amendment") == (vote.subject == "amendment")
    return 1 if outcome == vote.outcome and amendment and not any(
        s is not None for _, s in counts) else 0


def _match(golds: list[dict], votes: tuple[Vote, ...]) -> dict[int, int]:
    """Gold item index -> system item index, best pairs first."""
    pairs = sorted((-_score(g, v), gi, vi) for gi, g in enumerate(golds)
                   for vi, v in enumerate(votes))
    out: dict[int, int] = {}
    used: set[int] = set()
    for score, gi, vi in pairs:
        if score < 0 and gi not in out and vi not in used:
            out[gi] = vi
            used.add(vi)
    return out


def _fields(gold: dict, vote: Vote, ids: dict[str, int | None]) -> dict[str, bool]:
    outcome, without = _OUTCOMES.get(gold["outcome"], (gold["outcome"], False))
    amends = gold.get("amends")
    return {
        "outcome": vote.outcome == outcome and vote.without_vote == without,
        **{c: getattr(vote, c) == gold.get(c) for c in ("in_favour", "against", "abstentions")},
        "voted_for": _named(vote, IN_FAVOUR) == set(gold.get("voted_for", ())),
        "voted_against": _named(vote, AGAINST) == set(gold.get("voted_against", ())),
        "abstaining": _named(vote, ABSTAINING) == set(gold.get("abstaining", ())),
        "vetoed_by": set(vote.vetoed_by) == set(gold.get("vetoed_by", ())),
        "amends": vote.amends == (ids.get(amends) if amends else None),
    }


def score_release(name: str, votes: tuple[Vote, ...], gold: dict) -> ReleaseVotes:
    result = ReleaseVotes(name)
    golds = gold["items"]
    matched = _match(golds, votes)
    ids = {g["id"]: matched.get(i) for i, g in enumerate(golds)}
    for gi, g in enumerate(golds):
        vi = matched.get(gi)
        if not g.get("this_meeting", True):
            if vi is not None:
                result.spurious += 1
                result.details.append(f"{g['id']}: another meeting's decision shown as an item")
            continue
        result.items += 1
        if vi is None:
            result.details.append(f"{g['id']}: missing")
            continue
        result.found += 1
        verdicts = _fields(g, votes[vi], ids)
        result.fields.update(k for k, ok in verdicts.items() if ok)
        wrong = [k for k, ok in verdicts.items() if not ok]
        if wrong:
            result.details.append(f"{g['id']}: " + "; ".join(
                f"{k} {_shown(votes[vi], k)} (gold {g.get(k)})" for k in wrong))
        else:
            result.exact += 1
    result.spurious += sum(vi not in matched.values() for vi in range(len(votes)))
    result.details += [f"spurious item {_brief(v)}" for vi, v in enumerate(votes)
                       if vi not in matched.values()]
    return result


def _shown(vote: Vote, name: str):
    side = {"voted_for": IN_FAVOUR, "voted_against": AGAINST, "abstaining": ABSTAINING}.get(name)
    if side:
        return sorted(_named(vote, side))
    if name == "outcome":
        return f"{vote.outcome}{' without a vote' if vote.without_vote else ''}"
    return getattr(vote, name)


def _brief(vote: Vote) -> str:
    return (f"{vote.pid} {vote.outcome} {vote.document or vote.subject or '?'} "
            f"{vote.in_favour}-{vote.against}-{vote.abstentions}")


def evaluate(paths, gold_folder: str | Path) -> list[ReleaseVotes]:
    """Score every release among `paths` that has a gold file."""
    from ..pipeline import parse_source

    golds = {}
    for path in sorted(Path(gold_folder).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        golds[gold.get("release") or path.stem + ".txt"] = gold
    results = []
    for path in map(Path, paths):
        if path.name in golds:
            release = parse_source(path)
            results.append(score_release(release.name, release.votes, golds[path.name]))
    return results


def report(results: list[ReleaseVotes], details: bool = False) -> str:
    rows = ["| release | items | found | exact | spurious |", "|---|---|---|---|---|"]
    total = ReleaseVotes("**all**")
    for r in results:
        total.items += r.items
        total.found += r.found
        total.exact += r.exact
        total.spurious += r.spurious
        total.fields.update(r.fields)
    for r in [*results, total]:
        rows.append(f"| {r.name} | {r.items} | {r.found} | {r.exact} | {r.spurious} |")
    rows.append("")
    rows.append("Fields right over items found: " + ", ".join(
        f"{f} {total.fields[f]}/{total.found}" for f in FIELDS))
    if details:
        for r in results:
            if r.details:
                rows.append(f"\n### {r.name}\n")
                rows.extend(f"- {d}" for d in r.details)
    return "\n".join(rows)
