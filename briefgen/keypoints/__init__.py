"""The note's key points, in the order a press officer writes a lead.

1. what was decided (`outcome.outcome_point`: the text, the vote, who voted against and who
   abstained, from the vote record);
2. what each briefer reported, in the briefer's own (compressed) sentence;
3. where the room divided, for each contested issue whose sides rest on the delegations'
   own sentences ("Delegations were divided over …: A and B were among those who defended
   it; C, D and E among its critics");
4. what most speakers shared (`shared`: a phrase many delegations used, counted);
5. then a few notable statements, chosen for salience: the vetoing member, those who voted
   against, the penholders, the States the meeting is about.

Points 1, 3 and 4 are written from facts (origin FACTS) by the templates of the label table
in the note's language, every slot a `Fact` with its paragraphs, and each is kept only when
`summarize.faithfulness.fact_problems` finds every fact in those paragraphs.  Points 2 and 5
are the speakers' own words: the summarizer's first sentences of each briefing, and the
statements `summarize.select_key_points` ranks highest with each delegation's salience
added, all checked like every summary.  A kind with nothing certain to say gives no point:
fewer points beat weak ones.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping

from .. import i18n
from ..delegations import named_keys
from ..model import (
    ACTION_SIDES,
    BRIEFING,
    CONCERNED,
    FACTS,
    Divergence,
    SUPPORTS,
    VOTE_SIDES,
    Bullet,
    Fact,
    IssueAnalysis,
    Release,
    Vote,
)
from ..issues.labels import in_sentence
from ..outcome import outcome_point
from ..settings import Settings
from ..summarize import select_key_points
from ..summarize.faithfulness import fact_problems
from .shared import MOST, shared_point

# How many points of each kind, at most (a meeting with four texts decided lists them all in
# the Outcome block; its key points name the first two).
OUTCOMES, DIVISIONS = 2, 2
# Sentences of each briefer, in speaking order: the main briefing sets out the facts the lead
# reports, so it gets two; the next briefer one; later ones none (their statements are in the
# note's list of speakers).
BRIEFER_POINTS = (2, 1)
NOTABLE: dict[str, int] = {"short": 2, "standard": 3, "full": 3}
# Names listed in a division sentence before "and N others".
NAMES_SHOWN = 4
# What makes a delegation's statement notable, added to its sentences' value.
SALIENCE = {"vetoed": 0.4, "against": 0.2, "sponsor": 0.2, "concerned": 0.2}

Namer = Callable[[str], str]


def key_points(release: Release, summaries: Mapping[int, tuple[Bullet, ...]],
               analysis: IssueAnalysis, settings: Settings, name: Namer) -> tuple[Bullet, ...]:
    """The key points of the note in `settings.lang`; `name(key)` is a delegation's name."""
    lang = settings.lang
    notable = NOTABLE.get(settings.length, 3)
    # one statement per delegation: a side held by one delegation gets a second sentence of
    # it in the ranking, which the division sentence already says
    shared = shared_point(release, summaries)
    bonus = salience(release)

    def notable_quotes(count: int) -> list[Bullet]:  # in the order said
        chosen = select_key_points(release, summaries, settings, count, analysis,
                                   salience=bonus, delegations_only=True)
        return [q for i, q in enumerate(chosen)
                if q.delegation_key not in {c.delegation_key for c in chosen[:i]}]

    quotes = notable_quotes(notable)
    if shared and shared.quote.text in {q.text for q in quotes}:
        # the shared point quotes it already: the next-ranked statement in its place
        first = {q.text for q in quotes}
        more = [q for q in notable_quotes(notable + 1) if q.text != shared.quote.text]
        added = [q for q in more if q.text not in first][:1]
        quotes = [q for q in more if q.text in first or q in added]
    said_by_briefer = [
        _briefer(summaries[s.index][:n], s, lang, name)
        for s, n in zip([s for s in release.statements if s.kind == BRIEFING], BRIEFER_POINTS)
        if summaries.get(s.index)]
    generated = [p for p in (_checked_outcome(vote, release, lang, name)
                             for vote in _decided(release)) if p][:OUTCOMES]
    divisions = [p for p in (division_point(d, analysis, lang, name)
                             for d in _one_per_target(analysis)) if p][:DIVISIONS]
    points = (generated + said_by_briefer + divisions
              + ([shared_sentence(shared, lang, name)] if shared else []) + list(quotes))
    kept: list[Bullet] = []
    for point in points:  # a sentence once: a repeated briefing, the shared point's quote
        if not any(point.text.rstrip(" .") in k.text for k in kept) and (
                point.origin != FACTS or not fact_problems(point, release)):
            kept.append(point)
    return tuple(kept)


def _one_per_target(analysis: IssueAnalysis) -> list[Divergence]:
    """The divergences, less those over an action an earlier one is about: a sub-issue
    ("Humanitarian situation in Ukraine — Russian Federation's military action") splits
    the room over the action the place's issue names ("… military action in Ukraine"),
    and a second sentence would name the same sides."""
    # the action is the target's last part, the place it is in aside
    actions = {i.id: i.target.rsplit(" — ", 1)[-1].casefold()
               for i in analysis.issues if i.target}
    seen: list[str] = []
    kept = []
    for divergence in analysis.divergences:
        action = actions.get(divergence.issue_id)
        if not action or not any(a.startswith(action) or action.startswith(a) for a in seen):
            kept.append(divergence)
        if action:
            seen.append(action)
    return kept


def salience(release: Release) -> dict[str, float]:
    """Delegation key -> how much its statement matters to a reader of the lead."""
    bonus: dict[str, float] = {}

    def add(keys, what: str) -> None:
        for key in keys:
            bonus[key] = max(bonus.get(key, 0.0), SALIENCE[what])

    for vote in release.votes:
        add(vote.vetoed_by, "vetoed")
        add(vote.voted_against, "against")
        add(vote.sponsors, "sponsor")
    meeting = release.meeting
    add(named_keys(" ".join([meeting.title, meeting.subtitle] + [
        h.text for h in release.headings if h.kind == "agenda"])), "concerned")
    return bonus


def _decided(release: Release) -> list[Vote]:
    """The texts decided on, amendments aside, as the paragraphs still present record them
    (an evaluation without the lead keeps only the body's records): resolutions and other
    texts first, then procedural business (motions, decisions with no text), each in the
    release's order."""
    present = {p.pid for p in release.paragraphs}
    found = []
    for vote in release.votes:
        sources = tuple(pid for pid in (vote.sources or (vote.pid,)) if pid in present)
        if vote.subject != "amendment" and sources:
            found.append(dataclasses.replace(vote, sources=sources))
    return sorted(found, key=lambda v: v.procedural)


# Which field of the vote a fact of the outcome sentence comes from.
_VOTE_FIELDS = {"count.in_favour": "in_favour", "count.against": "against",
                "count.abstaining": "abstentions", "in_favour": "voted_for",
                "against": "voted_against", "abstaining": "abstaining", "vetoed_by": "vetoed_by"}


def _checked_outcome(vote: Vote, release: Release, lang: str, name: Namer) -> Bullet | None:
    """The outcome sentence, less any count or name its paragraphs do not write out (a tally
    the parse inferred from "garnered support from 13 members, … another abstaining"): what
    the record does say is still the meeting's first news."""
    point = outcome_point(vote, release.meeting.body, lang, name)
    bad = [f for f in point.facts
           if fact_problems(dataclasses.replace(point, text="", facts=(f,)), release)]
    if not bad:
        return point
    changes: dict[str, object] = {}
    for fact in bad:
        field = _VOTE_FIELDS.get(fact.slot)
        if field is None:  # the document or title: "a draft resolution" instead
            changes[fact.slot] = None
        elif fact.slot.startswith("count."):
            changes[field] = None
        else:
            changes[field] = tuple(k for k in changes.get(field, getattr(vote, field))
                                   if k != fact.value)
    point = outcome_point(dataclasses.replace(vote, **changes), release.meeting.body, lang, name)
    return None if fact_problems(point, release) else point


def _briefer(sentences: tuple[Bullet, ...], statement, lang: str, name: Namer) -> Bullet:
    """The briefer's first summary sentence(s), in the order said, as one point under the
    briefer's name: "António Guterres, Secretary-General of the United Nations", or, where
    the role as written is in another language than the note's, "António Guterres (United
    Nations)"."""
    who = statement.speaker_display
    first = sentences[0]
    if who and statement.role and lang == first.lang:
        who = f"{who}, {statement.role}"
    elif who:
        who = f"{who} ({name(statement.delegation_key)})"
    return dataclasses.replace(
        first, text=" ".join(b.text for b in sentences),
        source=tuple(dict.fromkeys(pid for b in sentences for pid in b.source)), speaker=who)


def division_point(divergence, analysis: IssueAnalysis, lang: str, name: Namer
                   ) -> Bullet | None:
    """"Delegations were divided over the CSTO's deployment in Kazakhstan: Armenia, Belarus,
    China and Kazakhstan were among those who defended it; France, Norway and the United
    States among its critics." — for a contested issue (not a vote: the outcome says that)
    where each side has a delegation whose own sentence places it (its stance evidence), and,
    when the target names a party, that sentence names it or the place.  No count: the
    analysis does not place every speaker, so "4 criticized it" would undercount the room;
    "among" says what is known."""
    if divergence.kind == VOTE_SIDES:
        return None
    issue = next((i for i in analysis.issues if i.id == divergence.issue_id), None)
    if issue is None:
        return None
    named = set(named_keys(issue.target)) if issue.target else set()
    kind = "action" if divergence.kind == ACTION_SIDES else "any"
    facts, parts = [], []
    for stance in (SUPPORTS, CONCERNED):
        placed = [(p.delegation_key, p.stance_evidence.source) for p in issue.positions
                  if p.stance == stance and p.stance_evidence and (
                      not named or named & set(named_keys(p.stance_evidence.text))
                      or p.delegation_key in named)]
        if not placed:
            return None
        facts += [Fact(stance, key, source) for key, source in placed]
        if len(placed) > NAMES_SHOWN + 1:
            facts.append(Fact("others", str(len(placed) - NAMES_SHOWN), ()))
        parts.append(i18n.count_label(f"point.division.{kind}.{stance}", len(placed), lang,
                                      names=_names([k for k, _ in placed], lang, name)))
    label = in_sentence(divergence.label, None, lang) if lang == "en" else divergence.label
    text = _sentence_case(i18n.label("point.division", lang, label=label,
                                     sides=i18n.label("point.division.sep", lang).join(parts)))
    return Bullet(text, _in_order(facts), None, lang, FACTS, facts=tuple(facts))


def shared_sentence(shared, lang: str, name: Namer) -> Bullet:
    """"Most speakers (14 of 22) spoke of “humanitarian access”. Brazil, for one: …"."""
    most = len(shared.used_by) / shared.total > MOST
    quote = shared.quote.text.rstrip(" .")
    text = i18n.label("point.shared.most" if most else "point.shared.many", lang,
                      n=len(shared.used_by), total=shared.total, phrase=shared.phrase,
                      quote=quote, name=_sentence_case(
                          _in_sentence(shared.quote.delegation_key or "", lang, name)))
    return Bullet(text, _in_order(shared.facts), None, lang, FACTS, facts=shared.facts)


def _names(keys: list[str], lang: str, name: Namer) -> str:
    shown = [_in_sentence(k, lang, name) for k in keys]
    if len(keys) <= NAMES_SHOWN + 1:  # "and 1 other" says less than the name
        return i18n.join_names(shown, lang)
    return ", ".join(shown[:NAMES_SHOWN]) + i18n.count_label(
        "point.others", len(keys) - NAMES_SHOWN, lang)


def _in_sentence(key: str, lang: str, name: Namer) -> str:
    return in_sentence(name(key), key, lang)


def _sentence_case(text: str) -> str:
    """A generated sentence's sentences each opening with a capital: a name the template
    puts first takes its article ("… partagées. La Chine, le Gabon …")."""
    return re.sub(r"(^|[.!?]\s+)(\w)", lambda m: m.group(1) + m.group(2).upper(), text)


def _in_order(facts) -> tuple[str, ...]:
    """Every paragraph the facts come from, once, in reading order ("p3" before "p12")."""
    pids = {pid for f in facts for pid in f.source}
    return tuple(sorted(pids, key=lambda pid: int(pid[1:]) if pid[1:].isdigit() else 0))
