"""Which side a delegation takes on an issue, and the sentence that shows it.

Stance comes from position verbs and evaluative words in the sentences where the delegation
addresses the issue (`data/issue_stance.toml` + the language tables): "welcomed", "légitime",
"efficace" against "s'est inquiété", "manque de transparence", "must respect human rights".
A cue after a negation counts for the other side.  Votes and co-sponsorship are strong cues.

One more general rule: on a place issue, the party whose actions most of the concerned
delegations name (the Russian Federation on Ukraine, the CSTO on its deployment) is on the
other side when it speaks, even though its own sentences are full of negative words about
the situation: it defends what it did.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from briefgen.model import CONCERNED, NEUTRAL, SUPPORTS

from .text import Unit
from .vocab import StanceCues, place_mentions, stance_cues

STRONG = 3
CONDITION = 0.5
NEGATION_WINDOW = 30  # characters before a cue in which a negation flips it
ACTOR_SHARE, ACTOR_MIN = 0.5, 3  # concerned delegations naming a party, for the rule above


@dataclass(frozen=True, slots=True)
class Reading:
    stance: str
    strong: bool
    evidence: Unit | None


def _negated(cues: StanceCues, folded: str, start: int) -> bool:
    window = folded[max(0, start - NEGATION_WINDOW):start]
    clause = window.rsplit(",", 1)[-1]
    return bool(cues.negation.search(clause))


def sentence_scores(unit: Unit, cues: StanceCues, votes: bool = False
                    ) -> tuple[dict[str, float], frozenset[str]]:
    """Weight of each side in one sentence, and the sides it takes explicitly (by a vote).

    Vote cues only count on a text put to the vote (`votes`): elsewhere they are about
    something else ("voted in favour" in a sentence on the veto).
    """
    score = {SUPPORTS: 0.0, CONCERNED: 0.0, NEUTRAL: 0.0}
    strong: set[str] = set()
    taken: list[tuple[int, int]] = []
    strong_cues = ((cues.strong_supports, SUPPORTS, STRONG),
                   (cues.strong_concerned, CONCERNED, STRONG),
                   (cues.strong_neutral, NEUTRAL, STRONG)) if votes else ()
    for pattern, side, weight in (
        *strong_cues, (cues.supports, SUPPORTS, 1),
        (cues.concerned, CONCERNED, 1), (cues.conditions, CONCERNED, CONDITION),
        (cues.neutral, NEUTRAL, 1),
    ):
        for m in pattern.finditer(unit.folded):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            effective = side
            if side != NEUTRAL and _negated(cues, unit.folded, m.start()):
                effective = CONCERNED if side == SUPPORTS else SUPPORTS
            score[effective] += weight
            if weight == STRONG:
                strong.add(effective)
    return score, frozenset(strong)


def read_stance(units: list[Unit], lang: str, votes: bool = False) -> Reading:
    """The delegation's stance over its sentences on the issue; how it voted decides.

    A vote for or against wins over everything else, an abstention over evaluative words
    (a delegation that voted in favour may also say that another should have abstained).
    """
    cues = stance_cues(lang)
    totals = {SUPPORTS: 0.0, CONCERNED: 0.0, NEUTRAL: 0.0}
    best: dict[str, tuple[float, Unit]] = {}
    strong_sides: set[str] = set()
    for unit in units:
        score, strong = sentence_scores(unit, cues, votes)
        strong_sides |= strong
        for side, value in score.items():
            totals[side] += value
            if value and value > best.get(side, (0, None))[0]:
                best[side] = (value, unit)
    decided = strong_sides - {NEUTRAL} or strong_sides
    if len(decided) == 1:
        stance = next(iter(decided))
    elif totals[SUPPORTS] > totals[CONCERNED]:
        stance = SUPPORTS
    elif totals[CONCERNED] > totals[SUPPORTS]:
        stance = CONCERNED
    else:
        stance = NEUTRAL
    evidence = best.get(stance, (0, None))[1]
    return Reading(stance, stance in strong_sides, evidence)


def defending_party(readings: dict[str, Reading], units_by_key: dict[str, list[Unit]],
                    place: str, lang: str) -> str | None:
    """The delegation most concerned speakers name, when most of them name it."""
    concerned = [k for k, r in readings.items() if r.stance == CONCERNED]
    if len(concerned) < ACTOR_MIN:
        return None
    named = Counter()
    for key in concerned:
        keys = {m.key for u in units_by_key[key] for m in place_mentions(u.text, u.folded, lang)}
        named.update(keys - {key, place})
    for party, count in named.most_common():
        if count < ACTOR_SHARE * len(concerned):
            break
        if party in readings and party != "org:UN":  # the UN is the forum, not a party
            return party
    return None


def reread_supporters(readings: dict[str, Reading], units_by_key: dict[str, list[Unit]],
                      party: str, lang: str) -> dict[str, Reading]:
    """Other delegations' support, read again on their sentences that name the party.

    Called when the defending party's own words were negative (it denounces what it says it
    answered): then the issue's "support" is support for the party, and a delegation's
    "support" for the victim ("supporting Ukraine's sovereignty") is not it.
    """
    out = {}
    for key, reading in readings.items():
        if key == party or reading.stance != SUPPORTS:
            continue
        naming = [u for u in units_by_key[key]
                  if any(m.key == party for m in place_mentions(u.text, u.folded, lang))]
        out[key] = read_stance(naming, lang) if naming else Reading(NEUTRAL, False, None)
    return out
