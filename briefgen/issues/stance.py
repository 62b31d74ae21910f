"""Which side a delegation takes on an issue, and the sentence that shows it.

A stance is about the issue's TARGET: the text put to the vote, the right that is claimed,
the action of the party at stake (the CSTO deployment, the Russian military operation).  A
sentence is cut into clauses; an evaluative word ("welcomed", "légitime", "s'est inquiété",
"manque de transparence") counts in full only in a clause that names the target, and little
elsewhere: "supporting Ukraine's sovereignty" is no support for the operation in Ukraine,
"plaidé en faveur du dialogue" no support for the deployment.  A clause opened by "but" /
"mais" weighs more, one opened by "while" / "bien que" less; "Regarding the draft, he
condemned ..." attaches the second clause to the first one's subject.  A cue after a negation
counts for the other side; on a text put to the vote, how a delegation voted (or that it
wrote the text) decides, and regretting that the text was blocked is support for it.

One more general rule: on a place issue, the party whose actions most of the concerned
delegations name (the Russian Federation on Ukraine, the CSTO on its deployment) becomes the
target, and is on the supporting side when it speaks, even though its own sentences are full
of negative words about the situation: it defends what it did.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from briefgen.model import CONCERNED, NEUTRAL, SUPPORTS

from .text import Unit
from .vocab import (
    LOCAL,
    StanceCues,
    compile_terms,
    labels_table,
    neutral_actors,
    place_mentions,
    stance_cues,
)

STRONG = 3
CONDITION = 0.5
LOOSE = 0.25  # a cue in a clause that does not name the target
CONTRAST, CONCESSIVE = 1.5, 0.5  # clause weights
NEGATION_WINDOW = 30  # characters before a cue in which a negation flips it
ACTOR_SHARE, ACTOR_MIN = 0.5, 3  # concerned delegations naming a party, for the rule above
HOLDER_MIN = 2  # delegations naming a State with the claimed right that make it the holder
BLAME_LEAD = 2  # the party blamed by all speakers, against the next one blamed
OPPONENT_MIN = 2  # clauses of concern in which the party names the one it blames
CLEAR = 1.0  # attached weight that makes a stance explicit
VALUED = 0.75  # "important", "essential" said of the target
BACKING = 1.01  # "solidarity with", "sovereignty of": support said of a party (a marker weight)
CONTENT_REACH = 40  # characters after a text's name in which a verb introduces what it says
# Between a delegation's own name and the text it wrote ("the United States-Canada amendment").
_AUTHOR_GAP = re.compile(r"^(?:\s|-|'s|'|and|et|&)*$")


@dataclass(frozen=True, slots=True)
class Target:
    """What a stance on the issue is about, as it can be found in a sentence."""

    words: re.Pattern[str] | None = None  # on folded text
    patterns: re.Pattern[str] | None = None  # on the text as written (user issues)
    keys: frozenset[str] = frozenset()  # places / organizations named by name or adjective
    votes: bool = False  # a text put to the vote
    measure: bool = False  # a text, a measure or a right: calling for it is support
    # Whom the target party blames: blaming them is taking the party's side, backing them
    # criticizing it ("condemned Hamas" on Israel's offensive, "stands with Ukraine" on Russia's).
    opponents: frozenset[str] = frozenset()
    # Where the party acts, when it is not on the party's side (Ukraine on Russia's invasion):
    # backing it and worrying about what happens to it are both concern about the party.
    victims: frozenset[str] = frozenset()
    # The action of a party many blame: praise or concern that is not said of it, of its
    # opponents or of its victims ("welcomed the talks", "concern about NATO's expansion",
    # "the humanitarian situation is dire") is neither support for nor criticism of it.
    blamed: bool = False
    # Whose claimed right the issue is about (Israel's right to self-defence): affirming
    # another's right in its place ("the Palestinians' right to self-defence") disputes it.
    holder: str = ""

    def spans(self, unit: Unit, lang: str) -> list[tuple[int, int]]:
        found = [m.span() for m in self.words.finditer(unit.folded)] if self.words else []
        if self.patterns:
            found += [m.span() for m in self.patterns.finditer(unit.text)]
        if self.keys:
            found += [(m.start, m.end) for m in place_mentions(unit.text, lang)
                      if m.key in self.keys]
        return found


@dataclass(frozen=True, slots=True)
class Reading:
    stance: str
    strong: bool  # taken explicitly: a vote, authorship, the party defending itself
    evidence: Unit | None
    clear: bool = False  # rests on words about the target, not on words around it
    mixed: bool = False  # words for and against the target both (praise and criticism)


@dataclass(slots=True)
class _Score:
    attached: dict[str, float] = field(default_factory=lambda: dict.fromkeys(
        (SUPPORTS, CONCERNED, NEUTRAL), 0.0))
    loose: dict[str, float] = field(default_factory=lambda: dict.fromkeys(
        (SUPPORTS, CONCERNED, NEUTRAL), 0.0))
    strong: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class _Clause:
    start: int
    end: int
    weight: float
    attached: bool
    failure: bool  # names the blocking of the text
    content: int  # where what the text says begins ("calls upon ..."), else the clause's end
    about: str = ""  # OPPONENT / NEUTRAL_ACTOR when the clause names one and not the target
    opposed: bool = False  # names the target party as what is opposed ("case against Israel")
    reported: bool = False  # others' words ("so-called", "which they call"): not the speaker's
    calm: bool = False  # talks, dialogue, restraint: welcoming them takes no side
    relief: bool = False  # aid, supplies: welcoming or pledging them takes no side
    nationals: bool = False  # the speaker's own nationals: concern for them takes no side


OPPONENT, VICTIM, NEUTRAL_ACTOR = "opponent", "victim", "neutral actor"


def _about(keys: set[str], agents: set[str], target: Target, harmed: set[str] = frozenset(),
           people: set[str] = frozenset()) -> str:
    """Whom a clause is about: the target party unless it is named only as whom things
    happen to while its opponent is named as the doer ("attacks by Hamas against Israel",
    "Hamas' actions precipitated a devastating scenario in Israel"); the party's opponent
    unless it is named only as whom harm is done to ("opposing attempts to forcibly displace
    the Palestinian population": a victim, not the side the speaker takes against)."""
    if keys & target.keys <= harmed and keys & target.keys and not agents & (
            target.keys | target.opponents):
        return NEUTRAL_ACTOR  # "… that seek to destroy Israel": the harm done to it, no doer
    if keys & target.keys and (agents & target.keys or not agents & target.opponents):
        return ""
    if keys & target.opponents:
        if keys & target.opponents <= people:
            return NEUTRAL_ACTOR  # concern for "Palestinians", "Ukrainian children": no side
        return VICTIM if keys & target.opponents <= harmed else OPPONENT
    if keys & target.victims:
        return VICTIM
    if keys & neutral_actors() and target.keys:  # a dispute between parties, not a text
        return NEUTRAL_ACTOR
    return ""


def _clauses(unit: Unit, cues: StanceCues, target: Target, lang: str) -> list[_Clause]:
    folded = unit.folded
    cuts = [0] + [m.end() for m in cues.clause_split.finditer(folded)] + [len(folded)]
    spans = target.spans(unit, lang)
    mentions = place_mentions(unit.text, lang)
    out: list[_Clause] = []
    framed = reported = False
    for start, end in pairwise(cuts):
        # What follows "so-called" / "which they call" to the sentence's end is others' claim.
        reported = reported or bool(cues.reported.search(folded, start, end))
        opener = cues.clause_start.match(folded, start)
        kind = opener.lastgroup if opener else None
        named = any(s < end and start < e for s, e in spans)
        weight = CONTRAST if kind == "contrast" else CONCESSIVE if kind == "concessive" else 1.0
        failure = bool(target.measure and cues.failure.search(folded, start, end))
        content = min((m.start() for s, e in spans if start <= s < end and target.votes
                       if (m := cues.content.search(folded, e, min(e + CONTENT_REACH, end)))),
                      default=end)
        inside = [m for m in mentions if m.start < end and start < m.end]
        # harm is done to a name after a verb of harm ("displace the Swedish population": a
        # victim); a people named with no such verb ("concern for Palestinians in Gaza") is
        # whom things happen to, not the party's opponent as a side
        hurt = {m.key for m in inside if cues.harmed.search(folded, start, m.start)}
        people = {m.key for m in inside if (cues.people and cues.people.match(folded, m.start))
                  or cues.people_before.search(folded, start, m.start)} - hurt
        harmed = hurt | people
        about = _about({m.key for m in inside}, {m.key for m in inside if not cues.not_agent.search(
            folded, start, m.start)} - harmed, target, harmed, people)
        opposed = any(m.key in target.keys and start <= m.start < end
                      and cues.against.search(folded, start, m.start) for m in mentions)
        if target.holder and named and about != NEUTRAL_ACTOR and (
                claim := cues.claim.search(folded, start, end)):
            holder = _holder(inside, claim.start())
            if holder and holder != target.holder:
                about = OPPONENT  # another's right named where the holder's is disputed
        out.append(_Clause(start, end, weight, (named and about != NEUTRAL_ACTOR) or framed
                           or about in (OPPONENT, VICTIM), failure, content, about, opposed,
                           reported, bool(cues.restraint.search(folded, start, end)),
                           bool(cues.relief.search(folded, start, end)),
                           bool(cues.nationals.search(folded, start, end))))
        framed = kind == "frame" and named
    return out


def _negated(cues: StanceCues, folded: str, start: int, clause_start: int) -> bool:
    window = folded[max(clause_start, start - NEGATION_WINDOW):start]
    return bool(cues.negation.search(window))


def _wrote_it(unit: Unit, clauses: list[_Clause], target: Target, cues: StanceCues,
              lang: str) -> bool:
    """The speaker names itself as an author of the text: "the United States and Albania
    proposed the draft", "the United States-Canada amendment"."""
    own = [m for m in place_mentions(unit.text, lang) if m.key == unit.key]
    if not own:
        return False
    spans = target.spans(unit, lang)
    starts = [c.start for c in clauses]
    for m in own:
        clause = clauses[bisect_right(starts, m.start) - 1]
        if clause.attached and cues.authorship.search(unit.folded, clause.start, clause.end):
            return True
        if any(s >= m.end and _AUTHOR_GAP.match(_without_names(unit, m.end, s, lang))
               and not _is_vote(cues, unit.folded, s) for s, _ in spans):
            return True
    return False


def _own_right(unit: Unit, clauses: list[_Clause], target: Target, cues: StanceCues,
               lang: str) -> list[_Clause]:
    """Clauses in which a delegation names itself with a claimed right ("Israel has the right
    to defend itself", or others' "Israel has no right to defend itself" that it reports):
    whatever the words around, it claims that right.  The holder is the name nearest the
    right: in "the representative of Greece said Israel has the right to self-defence" it is
    Israel, and Greece, naming itself as the speaker, claims nothing for itself."""
    if not target.measure or target.keys or target.votes:
        return []
    spans = target.spans(unit, lang)
    mentions = place_mentions(unit.text, lang)
    out = []
    for c in clauses:
        claim = cues.claim.search(unit.folded, c.start, c.end)
        inside = [m for m in mentions if c.start <= m.start < c.end]
        if claim and any(c.start <= s < c.end for s, _ in spans) \
                and _holder(inside, claim.start()) == unit.key:
            out.append(c)
    return out


def _holder(mentions: list, at: int) -> str | None:
    """Whose right a clause names: the name nearest the word "right", the forum and
    impartial bodies aside ("the UN Charter recognizes the right of Palestinians ...")."""
    named = [m for m in mentions if m.key not in neutral_actors()]
    return min(named, key=lambda m: min(abs(m.start - at), abs(m.end - at))).key \
        if named else None


def right_holder(units_by_key: dict[str, list[Unit]], target: Target, lang: str
                 ) -> str:
    """Whose right the debate is about: the State named with the claimed right by at least
    HOLDER_MIN delegations, BLAME_LEAD times as many as any other; "" when none stands out
    (a right claimed in general, or by several States)."""
    cues = stance_cues(lang)
    named: Counter[str] = Counter()
    for units in units_by_key.values():
        found: set[str] = set()
        for unit in units:
            spans = target.spans(unit, lang)
            mentions = place_mentions(unit.text, lang)
            for c in _clauses(unit, cues, target, lang):
                claim = cues.claim.search(unit.folded, c.start, c.end)
                if claim and any(c.start <= s < c.end for s, _ in spans):
                    inside = [m for m in mentions if c.start <= m.start < c.end]
                    found.add(_holder(inside, claim.start()) or "")
        named.update(found - {""})
    ranked = [(k, n) for k, n in named.most_common() if _is_party(k)]
    if ranked and ranked[0][1] >= HOLDER_MIN and (
            len(ranked) == 1 or ranked[0][1] >= BLAME_LEAD * ranked[1][1]):
        return ranked[0][0]
    return ""


def _is_vote(cues: StanceCues, folded: str, start: int) -> bool:
    """"The Russian Federation voted against the draft": a vote, not a text's name."""
    return any(p.match(folded, start) for p in
               (cues.strong_supports, cues.strong_concerned, cues.strong_neutral))


def _without_names(unit: Unit, start: int, end: int, lang: str) -> str:
    gap = unit.folded[start:end]
    for m in place_mentions(unit.text, lang):
        if start <= m.start and m.end <= end:
            gap = gap.replace(unit.folded[m.start:m.end], "", 1)
    return gap


def sentence_scores(unit: Unit, cues: StanceCues, target: Target, lang: str) -> _Score:
    """Weight of each side in one sentence, on the target and around it, and the sides it
    takes explicitly (a vote or authorship, only on a text put to the vote).  Read-only: the
    same sentence is read for the same target two or three times (once per reading of the
    delegation's turns), so the score is cached and shared."""
    return _sentence_scores(unit, cues, target, lang, LOCAL.get())


@lru_cache(maxsize=8192)
def _sentence_scores(unit: Unit, cues: StanceCues, target: Target, lang: str,
                     local: tuple[tuple[str, str], ...]) -> _Score:
    """sentence_scores, keyed also by the release's own names that place_mentions reads."""
    score = _Score()
    clauses = _clauses(unit, cues, target, lang)
    starts = [c.start for c in clauses]
    taken: list[tuple[int, int]] = []
    conditioned: set[int] = set()  # clauses whose condition has been counted
    strong_cues = ((cues.strong_supports, SUPPORTS, STRONG),
                   (cues.strong_concerned, CONCERNED, STRONG),
                   (cues.strong_neutral, NEUTRAL, STRONG)) if target.votes else ()
    # A call on the party by name to withdraw or stop is criticism of what it does.
    named = target.blamed and any(m.key in target.keys
                                  for m in place_mentions(unit.text, lang))
    demands = ((cues.demands, CONCERNED, 1),) if named else ()
    own = _own_right(unit, clauses, target, cues, lang)
    if own:  # the right's holder claims it: explicit, as a party defending what it did
        score.strong.add(SUPPORTS)
        score.attached[SUPPORTS] += CLEAR
    for pattern, side, weight in (
        (cues.disputed, CONCERNED, 1), *strong_cues, (cues.denial, SUPPORTS, 1), *demands,
        (cues.supports, SUPPORTS, 1),
        (cues.concerned, CONCERNED, 1), (cues.conditions, CONCERNED, CONDITION),
        (cues.neutral, NEUTRAL, 1), (cues.restraint, NEUTRAL, 1), (cues.valued, SUPPORTS, VALUED),
        (cues.backing, SUPPORTS, BACKING),
        *(((cues.calls, SUPPORTS, VALUED),) if target.measure and not target.votes else ()),
    ):
        for m in pattern.finditer(unit.folded):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            clause = clauses[bisect_right(starts, m.start()) - 1]
            if m.start() >= clause.content or clause.about == NEUTRAL_ACTOR or clause in own or (
                    clause.reported and pattern is not cues.disputed):
                continue  # what the text says / backing the forum / others' claim: no side
            if side == SUPPORTS and pattern is not cues.denial and target.keys \
                    and not target.votes and (clause.relief or clause.calm):
                continue  # "welcomed the aid deliveries", "welcomed the call for talks"
            if side == CONCERNED and clause.nationals:
                continue  # "concern about the safety of his country’s students in Ukraine"
            if weight == BACKING and clause.about not in (OPPONENT, VICTIM):
                continue  # "sovereignty", "solidarity": a side only when said of a party
            if weight == CONDITION:
                if clause.start in conditioned:
                    continue  # "in line with international law and international humanitarian law"
                conditioned.add(clause.start)
            effective = side
            if side != NEUTRAL and _negated(cues, unit.folded, m.start(), clause.start):
                effective = CONCERNED if side == SUPPORTS else SUPPORTS
            if clause.about == OPPONENT and effective != NEUTRAL:
                effective = CONCERNED if effective == SUPPORTS else SUPPORTS
            elif clause.about == VICTIM and effective != NEUTRAL:
                effective = CONCERNED
            elif clause.opposed and effective == SUPPORTS:
                effective = CONCERNED  # "supported the case against Israel"
            if clause.failure and effective == CONCERNED:
                effective = SUPPORTS  # regretting that the text was blocked, the ceasefire absent
            if weight == STRONG:
                score.strong.add(effective)
                score.attached[effective] += weight
            elif clause.attached:
                score.attached[effective] += weight * clause.weight
            elif weight != VALUED and not target.blamed:
                score.loose[effective] += weight * clause.weight * LOOSE
    if target.votes:
        score.attached[SUPPORTS] += sum(c.attached and c.failure for c in clauses)
        if _wrote_it(unit, clauses, target, cues, lang):
            score.strong.add(SUPPORTS)
            score.attached[SUPPORTS] += STRONG
    return score


def _side(totals: dict[str, float]) -> str:
    if totals[NEUTRAL] > max(totals[SUPPORTS], totals[CONCERNED]):
        return NEUTRAL
    if totals[SUPPORTS] > totals[CONCERNED]:
        return SUPPORTS
    if totals[CONCERNED] > totals[SUPPORTS]:
        return CONCERNED
    return NEUTRAL


def read_stance(units: list[Unit], lang: str, target: Target) -> Reading:
    """The delegation's stance over its sentences on the issue.

    A vote for or against wins over everything else, an abstention over evaluative words (a
    delegation that voted in favour may also say that another should have abstained); then
    the words on the target; only when there are none, the words around it.
    """
    cues = stance_cues(lang)
    attached = dict.fromkeys((SUPPORTS, CONCERNED, NEUTRAL), 0.0)
    loose = dict(attached)
    # The evidence is the sentence that weighs most for the side, one that names the target
    # first: "condemned the invasion" shows the side on the invasion better than "the
    # sovereignty of Ukraine", though both count.
    best: dict[str, tuple[bool, float, float, Unit]] = {}
    strong_sides: set[str] = set()
    for unit in units:
        score = sentence_scores(unit, cues, target, lang)
        strong_sides |= score.strong
        named = bool(target.spans(unit, lang))
        for side in attached:
            attached[side] += score.attached[side]
            loose[side] += score.loose[side]
            key = (named, score.attached[side], score.loose[side])
            if any(key[1:]) and key > best.get(side, (False, 0.0, 0.0, None))[:3]:
                best[side] = (*key, unit)
    decided = strong_sides - {NEUTRAL} or strong_sides
    if len(decided) == 1:
        stance = next(iter(decided))
    else:
        stance = _side({side: attached[side] + loose[side] for side in attached})
    others = [attached[s] for s in (SUPPORTS, CONCERNED) if s != stance]
    clear = stance in strong_sides or (
        stance != NEUTRAL and attached[stance] >= CLEAR and attached[stance] > max(others))
    evidence = best.get(stance, (False, 0, 0, None))[3]
    if stance == NEUTRAL and evidence is None and cues.restraint:  # "called for restraint"
        evidence = next((u for u in units if cues.restraint.search(u.folded)), None)
    return Reading(stance, stance in strong_sides, evidence, clear,
                   attached[SUPPORTS] > 0 and attached[CONCERNED] > 0)


def defending_party(readings: dict[str, Reading], units_by_key: dict[str, list[Unit]],
                    place: str | None, lang: str) -> str | None:
    """The State, organization or armed group whose action the issue is about: the one most
    concerned speakers blame (named in a clause with a word of concern), when most of them do;
    else the one at least ACTOR_MIN of all the speakers blame, BLAME_LEAD times as many as any
    other (in a debate where forty delegations condemn an invasion, a third of them name the
    invader in so many words, the others speak of "the war in Ukraine").  A tie among the
    concerned goes to the one all the speakers blame most (the invader, not its ally whose
    troops two of them mention)."""
    concerned = [k for k, r in readings.items() if r.stance == CONCERNED]
    named = _named_by(concerned, units_by_key, place, lang)
    by_all = _named_by(list(units_by_key), units_by_key, place, lang)
    if len(concerned) >= ACTOR_MIN:
        for party, count in sorted(named.items(), key=lambda kv: (kv[1], by_all[kv[0]]),
                                   reverse=True):
            if count < ACTOR_SHARE * len(concerned):
                break
            if _is_party(party):
                return party
    ranked = [(p, n) for p, n in by_all.most_common() if _is_party(p)]
    if ranked and ranked[0][1] >= ACTOR_MIN and (
            len(ranked) == 1 or ranked[0][1] >= BLAME_LEAD * ranked[1][1]):
        return ranked[0][0]
    return None


def acting_party(units_by_key: dict[str, list[Unit]], place: str | None, lang: str
                 ) -> str | None:
    """The State or organization that acts in the place, when nobody blames it in so many
    words: named in a clause with an action noun ("le déploiement de l'OTSC") by at least
    ACTOR_MIN delegations other than itself, BLAME_LEAD times as many as any other.  Used only
    where the release itself reports that delegations diverge on the place."""
    cues = stance_cues(lang)
    named: Counter[str] = Counter()
    for key, units in units_by_key.items():
        found: set[str] = set()
        for unit in units:
            folded = unit.folded
            cuts = [0] + [m.end() for m in cues.clause_split.finditer(folded)] + [len(folded)]
            mentions = place_mentions(unit.text, lang)
            for start, end in pairwise(cuts):
                if cues.actions.search(folded, start, end):
                    found.update(m.key for m in mentions if start <= m.start < end)
        named.update(found - {key, place})
    ranked = [(p, n) for p, n in named.most_common() if _is_party(p)]
    if ranked and ranked[0][1] >= ACTOR_MIN and (
            len(ranked) == 1 or ranked[0][1] >= BLAME_LEAD * ranked[1][1]):
        return ranked[0][0]
    return None


def framed_actor(lead: list[Unit], place: str | None, lang: str) -> str | None:
    """The organization whose action the release's own report of the divergence names ("over
    the BSSO Support Mission in Norland"): in a clause of a lead sentence that reports it,
    beside an action noun (a mission, a deployment, an intervention).  Delegations often speak
    of that action by the organization's name or head word alone ("the Mission"), without
    naming the place, so the place's own sentences may not show who acts there."""
    cues, action = stance_cues(lang), compile_terms(labels_table()["salient"]["action"][lang])
    for unit in lead:
        folded = unit.folded
        cuts = [0] + [m.end() for m in cues.clause_split.finditer(folded)] + [len(folded)]
        mentions = place_mentions(unit.text, lang)
        for start, end in pairwise(cuts):
            if action.search(folded, start, end):
                found = [m.key for m in mentions if start <= m.start < end
                         and m.key.startswith("org:") and m.key != place and _is_party(m.key)]
                if found:
                    return found[0]
    return None


def _named_by(keys: list[str], units_by_key: dict[str, list[Unit]], place: str | None,
              lang: str) -> Counter[str]:
    """How many of these delegations blame each State or group (not themselves, not the place)."""
    named: Counter[str] = Counter()
    for key in keys:  # in the order each is first blamed: ties go to the one named first
        named.update(k for k in _blamed(units_by_key[key], lang) if k not in (key, place))
    return named


def _is_party(key: str) -> bool:
    """A State, an organization or an armed group, whether it speaks or not; the UN is the
    forum, not a party."""
    return key not in neutral_actors() and (len(key) == 2 or key.startswith(("org:", "group:")))


def _blamed(units: list[Unit], lang: str, accused: bool = True) -> Counter[str]:
    """Who is named as the doer in a clause that carries a word of concern or names an action
    ("Russian forces attacked", "condemned Israel's decision"), clause by clause.  A clause
    that dismisses an allegation names whom others accuse (`accused`: the party at stake),
    not whom the speaker blames."""
    named: Counter[str] = Counter()
    local = LOCAL.get()
    for unit in units:
        named.update(_blamed_in(unit.text, unit.folded, lang, accused, local))
    return named


@lru_cache(maxsize=8192)
def _blamed_in(text: str, folded: str, lang: str, accused: bool,
               local: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """_blamed for one sentence, once per clause that blames: the same sentences are asked
    about for every delegation and issue (five times over on a long debate).  `local`, the
    release's own names that place_mentions reads, is part of the cache key."""
    cues = stance_cues(lang)
    cuts = [0] + [m.end() for m in cues.clause_split.finditer(folded)] + [len(folded)]
    mentions = place_mentions(text, lang)
    named: list[str] = []
    for start, end in pairwise(cuts):
        if not accused and cues.denial.search(folded, start, end):
            continue  # "dismissing the allegation of attacks by X" does not blame X
        if cues.concerned.search(folded, start, end) or cues.actions.search(folded, start, end):
            named += dict.fromkeys(m.key for m in mentions if start <= m.start < end
                                   and not cues.not_agent.search(folded, start, m.start))
    return tuple(named)


def opponents(party: str, units: list[Unit], lang: str, place: str | None = None
              ) -> frozenset[str]:
    """Whom the party itself blames: the State or group it names most in clauses with a word
    of concern, at least OPPONENT_MIN times (the party's own statement on the issue)."""
    named = _blamed(units, lang)
    for key in {party, place, *neutral_actors()}:
        named.pop(key, None)
    return frozenset(k for k, n in named.most_common(1) if n >= OPPONENT_MIN)


def defenders_opponent(party: str, units_by_key: dict[str, list[Unit]], place: str | None,
                       lang: str) -> frozenset[str]:
    """Whom the party's defenders blame, read from the release as a whole: the State or group
    most named with concern by the delegations that do not blame the party, by at least
    OPPONENT_MIN of them (Hamas, when the party is Israel and says little about it)."""
    defenders = [k for k, units in units_by_key.items() if not blames(k, party, units, lang)]
    named = _named_by(defenders, units_by_key, place, lang)
    if party in units_by_key:  # the party itself, blaming it once, is one more voice
        named.update(k for k in _blamed(units_by_key[party], lang) if k != place)
    for key in (party, *neutral_actors()):
        named.pop(key, None)
    return frozenset(k for k, n in named.most_common(1) if n >= OPPONENT_MIN and _is_party(k))


def blames(key: str, party: str, units: list[Unit], lang: str) -> bool:
    """Does this delegation (the party itself included) blame the party in so many words?"""
    return key == party or party in _blamed(units, lang, accused=False)


def shifted_blame(key: str, party: str, units: list[Unit], place: str | None, lang: str,
                  common: frozenset[str] = frozenset()) -> frozenset[str]:
    """Whom a delegation blames instead of the party: the States, organizations or groups it
    names with concern when it never blames the party ("the United States' determination to
    extend the reach of NATO", "the sanctions launched by the West").  Blaming them is taking
    the party's side; one who blames the party and its enablers criticizes it, and blaming
    whom the party's critics blame too (`common`: an armed group all condemn) takes no side."""
    if blames(key, party, units, lang):
        return frozenset()
    named = _blamed(units, lang, accused=False)
    return frozenset(k for k in named if _is_party(k) and k not in {key, party, place, *common})


def critics_blame(party: str, units_by_key: dict[str, list[Unit]], lang: str) -> frozenset[str]:
    """Whom the delegations that blame the party blame besides it."""
    return frozenset(k for key, units in units_by_key.items() if key != party
                     and blames(key, party, units, lang) for k in _blamed(units, lang, False))


def victim(party: str, units_by_key: dict[str, list[Unit]], place: str | None,
           lang: str) -> frozenset[str]:
    """The place where the party acts, as the other side: backing Ukraine ("solidarity with
    the people of Ukraine", "respect for Ukraine's sovereignty") is concern about the invader.
    Not when the place's own delegation speaks without blaming the party (Kazakhstan, which
    called in the CSTO)."""
    if not place or place == party:
        return frozenset()
    if place in units_by_key and not blames(place, party, units_by_key[place], lang):
        return frozenset()
    return frozenset({place})

