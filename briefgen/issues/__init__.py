"""Group a release by issue: what the meeting was about, who said what on each, who diverges.

    find_issues(release, settings) -> IssueAnalysis

Stages, each a module: `discover` finds the handful of issues (from the release's framing and
what many delegations talk about, or from the user's `--issues` file), `assign` files each
statement's sentences under the issues they address, `stance` reads each delegation's side on
an issue; this module turns that into Positions, contested Issues and Divergences.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from briefgen.delegations import display_name
from briefgen.outcome import text_name
from briefgen.model import (
    ABSTAINING,
    ACTION_SIDES,
    AGAINST,
    CONCERNED,
    IN_FAVOUR,
    NEUTRAL,
    STANCES,
    SUPPORTS,
    VOTE_SIDES,
    Bullet,
    Divergence,
    Issue,
    IssueAnalysis,
    Position,
    Release,
    Statement,
    Vote,
)
from briefgen.sentences import sentence_spans
from briefgen.settings import Settings
from briefgen.votes import SECURITY_COUNCIL
from briefgen.votes.declarations import own_declaration

from .assign import Assignment, assign
from .discover import MAX_ISSUES, discover
from .matchers import COOPERATION, PLACE, USER, Matcher, SentenceFacts, hits, sentence_facts
from .salient import local_names
from .stance import (
    Reading,
    Target,
    acting_party,
    critics_blame,
    defenders_opponent,
    defending_party,
    framed_actor,
    opponents,
    read_stance,
    right_holder,
    shifted_blame,
    victim,
)
from .targets import target_label
from .text import Unit, lead_units, release_units
from .userfile import load_user_issues
from .vocab import compile_terms, labels_table, neutral_actors, place_mentions, stance_cues

__all__ = ["find_issues"]

# Sentences per position: one by default (the one that shows the stance on a contested
# issue, else the one most on the issue), two in the "full" note.
POSITION_SENTENCES = {"full": 2}
MAX_TERMS = 8
ON_TOPIC = 2  # names of the issue in a sentence beyond which a shorter one is preferred
MIN_SIDE = 2  # clear readings on each side that make an issue contested by themselves
MERGED_SHARE = 0.75  # of an issue's sentences under another that fold it into that one


def find_issues(release: Release, settings: Settings) -> IssueAnalysis:
    """Issues with the release's own salient names known as places and bodies (`salient`)."""
    with local_names(release):
        return _find_issues(release, settings)


def _find_issues(release: Release, settings: Settings) -> IssueAnalysis:
    lang = release.meeting.language
    units = release_units(release)
    facts = [sentence_facts(u, lang) for u in units]
    matchers = _matchers(release, units, facts, settings)
    assignments = assign(units, facts, matchers, lang)
    statements = {s.index: s for s in release.statements}
    lead = [(u, sentence_facts(u, lang)) for u in lead_units(release)]
    sentences = POSITION_SENTENCES.get(settings.length, 1)
    record_only = release.meeting.body in SECURITY_COUNCIL
    found = [_issue(m, assignments, statements, lang, settings.lang,
                    _reported_divergence(m, lead, lang), sentences,
                    _vote_sides(m, release.votes, release, lang), record_only, release.votes,
                    [unit for unit, _ in lead])
             for m in matchers]
    issues = [issue for issue, _ in found if issue.positions]
    disputed = {issue.id for issue, spoken in found if spoken}
    issues = _merged(_without_frame(issues, matchers, disputed), matchers, assignments)
    issues = issues[:MAX_ISSUES]
    divergences = [
        Divergence(issue.id, issue.target or issue.label, {
            stance: keys for stance in STANCES
            if (keys := tuple(p.delegation_key for p in issue.positions if p.stance == stance))
        }, issue.sides)
        for issue in issues if issue.contested
    ]
    return IssueAnalysis(tuple(issues), tuple(divergences))


def _without_frame(issues: list[Issue], matchers: list[Matcher], disputed: set[str]
                   ) -> list[Issue]:
    """Discovered issues less the place that only frames the meeting.

    In a debate on Gaza, "Gaza" as a section of its own repeats what "Humanitarian situation
    in Gaza" and "Ceasefire" already say: a place issue that names the place other issues'
    labels are qualified by is the frame, kept only when delegations diverge on it in words
    (the Ukraine crisis in a vote on Ukraine; `disputed`) or when the note has room to spare: a
    frame contested only by nature (a party many blame) leaves its place to a sixth issue.
    """
    kinds = {m.id: m for m in matchers}
    placed = {i.label for i in issues if kinds[i.id].kind != PLACE}
    frame = {i.id for i in issues
             if kinds[i.id].kind == PLACE and i.id not in disputed
             and any(i.label in label and i.label != label for label in placed)}
    if not frame or len(issues) <= MAX_ISSUES - 1:
        return issues
    return [i for i in issues if i.id not in frame]


def _merged(issues: list[Issue], matchers: list[Matcher], assignments: list[Assignment]
            ) -> list[Issue]:
    """Issues less those whose sentences are mostly another's, folded into it.

    "Zaporizhzhia" beside "Nuclear safety" is the same question under the plant's name: a
    section of its own would repeat the other's sentences (and `compose` shows a sentence
    once, so it would be names without words).  An issue with sides of its own, or a text put
    to the vote, or one the user's file names, stays; the delegations only it had join the
    issue it is folded into."""
    sentences: dict[str, set[int]] = {i.id: set() for i in issues}
    for n, a in enumerate(assignments):
        for issue_id in a.direct & sentences.keys():
            sentences[issue_id].add(n)
    votes = {m.id for m in matchers if m.votes}
    kept = votes | {m.id for m in matchers if m.kind == USER}  # what the user asked for stays
    out = list(issues)
    while True:  # the issue most inside another first: of two that overlap, one folds
        # (share, rank): on a tie the less salient issue folds into the more salient one
        pairs = [(len(sentences[a.id] & sentences[b.id]) / len(sentences[a.id]), n, a, b)
                 for n, a in enumerate(out)
                 if not a.contested and a.id not in kept and sentences[a.id]
                 for b in out if b is not a and b.id not in votes]
        share, _, issue, host = max(pairs, key=lambda t: t[:2], default=(0.0, 0, None, None))
        if share < MERGED_SHARE:
            return out
        known = {p.delegation_key for p in host.positions}
        joined = replace(host, positions=host.positions + tuple(
            replace(p, stance=None, stance_evidence=None) for p in issue.positions
            if p.delegation_key not in known))
        out = [joined if i is host else i for i in out if i is not issue]


def _matchers(release: Release, units: list[Unit], facts, settings: Settings) -> list[Matcher]:
    lang = release.meeting.language
    if not settings.issues_file:
        return discover(release, units, facts, settings.lang)
    user = load_user_issues(settings.issues_file, lang, settings.lang)
    if settings.issues_mode != "merge":
        return user
    taken = {m.id for m in user} | {m.labels[settings.lang].casefold() for m in user}
    found = [m for m in discover(release, units, facts, settings.lang)
             if m.id not in taken and m.labels[settings.lang].casefold() not in taken]
    return user + found


def _reported_divergence(matcher: Matcher, lead: list[tuple[Unit, SentenceFacts]],
                         lang: str) -> list[Unit]:
    """The title and lead sentences that report disagreement ("divergences de vues", "by a
    recorded vote of") and name this issue, other than by the issue's own words ("veto")."""
    cues = stance_cues(lang)
    markers = [cues.divergence] + ([cues.vote_split] if matcher.votes else [])
    return [unit for unit, facts in lead
            if (found := hits(matcher, unit, facts))
            and any(m.group() not in " ".join(found).casefold()
                    for pattern in markers for m in pattern.finditer(unit.folded))]


def _issue(matcher: Matcher, assignments: list[Assignment], statements: dict[int, Statement],
           lang: str, note_lang: str, report: list[Unit], sentences: int,
           voted: dict[str, tuple[str, Bullet]], record_only: bool = False,
           votes: tuple[Vote, ...] = (), lead: list[Unit] = ()) -> tuple[Issue, bool]:
    """The issue, and whether delegations diverge on it in words (not only by nature).

    Contested only on a clear proposition: a text put to the vote, a named party's action
    that someone defends and at least MIN_SIDE delegations criticize, or a claimed right
    (`proposition` topics) with MIN_SIDE clear readings on each side.  A place without a
    party, or a state of affairs (genocide allegations, the humanitarian situation, hostages),
    is not split into sides by itself: concern about it is shared, not a side.  What a party
    blamed for that state of affairs did (shelling a nuclear plant) is, once the party speaks
    in its own defence: the sides are then about its action, as on a place.  `report`: the
    lead's sentences that report a divergence on it."""
    reported = bool(report)
    framed = framed_actor(report, matcher.place, lang) if matcher.kind == PLACE else None
    by_key: dict[str, list[Assignment]] = {}
    terms: Counter[str] = Counter()
    for a in assignments:
        if matcher.id in a.issues:
            by_key.setdefault(a.unit.key, []).append(a)
            terms.update(t.casefold() for t in a.terms.get(matcher.id, ()))
    # Addressing an issue takes a sentence that names it; carried-over ones only add to it.
    by_key = {k: v for k, v in by_key.items() if any(matcher.id in a.direct for a in v)}
    units_by_key = {k: [a.unit for a in v] for k, v in by_key.items()}
    plain = _target(matcher, lang)
    readings = _readings(units_by_key, plain, lang)
    party, blamed = None, False
    if matcher.kind == PLACE or matcher.situation:
        readings, party, blamed = _on_party(matcher, readings, units_by_key, lang, reported,
                                            framed=framed, statements=_statements(
                                                units_by_key, assignments)
                                            if matcher.kind == PLACE else None)
    named: dict[str, list[Assignment]] = {}
    wider = readings
    if party and (blamed or party == framed) and matcher.kind == PLACE:
        wider, named = _on_party_elsewhere(matcher, readings, units_by_key, assignments,
                                           party, lang, reported, blamed)
    sides, target, disputed, target_object = "", "", False, ""
    if matcher.votes:
        # The record wins (and members saying how they voted).  Where only the members of a
        # Council vote and the release records the vote, words place no one: a non-member
        # "supports" but does not vote.  Elsewhere a delegation's own vote or authorship
        # places it, and words for or against the text place those the record leaves out
        # outside the Council; "other" is never inferred from words.
        # Words for "the text" say which text only where one was put to the vote (a motion
        # on how to vote on it is not another text).
        texts = sum(v.subject != "amendment" and not v.procedural for v in votes)
        spoken = {} if (record_only and voted) or (texts > 1 and matcher.vote is None) else {
            k: r for k, r in readings.items()
            if r.strong or (r.stance != NEUTRAL and not record_only)}
        readings = spoken | {k: Reading(stance, True, None, True)
                             for k, (stance, _) in voted.items()}
        # Abstaining on a text others voted for is a side of its own ("adopted by 12 votes
        # to none, with 3 abstentions"): the record splits the Council even with no "no".
        split = len({stance for stance, _ in voted.values()}) > 1
        contested = split or _contested(readings, reported or bool(voted))
        sides = VOTE_SIDES
        target = _text_voted(matcher, votes, note_lang)
    elif party and (matcher.kind == PLACE or (matcher.situation and blamed)):
        if blamed:
            readings, wider = _on_action(readings, party), _on_action(wider, party)
        # Whether the sides are drawn is read on the place's own sentences; the party's
        # sentences elsewhere then place each delegation, and file those who spoke only so.
        # The action the lead names is read on every sentence naming its doer (`framed`).
        contested = _action_contested(wider if party == framed else readings, party, reported)
        disputed = contested and any(r.stance == SUPPORTS for k, r in readings.items()
                                     if k != party)
        if contested:
            readings, by_key = wider, by_key | named
            readings = _naming(readings, party, lang, _action_words(matcher, lang),
                               _blaming(assignments, party, lang) if blamed else None)
        sides = ACTION_SIDES
        target, target_object = target_label(party, matcher.place, units_by_key, lang,
                                             note_lang, lead, matcher.act)
        if matcher.kind != PLACE and not matcher.act:  # "Nuclear safety — X's military action"
            target = f"{matcher.labels[note_lang]} — {target}"
    elif matcher.proposition:
        if holder := right_holder(units_by_key, plain, lang):
            readings = _readings(units_by_key, replace(plain, holder=holder), lang)
        contested = _contested(readings, False)
    else:
        contested = False
    disputed = disputed or (contested and sides != ACTION_SIDES)
    positions = [
        _position(key, group, readings.get(key) if contested else None, statements, lang, note_lang,
                  matcher.id, sentences)
        for key, group in by_key.items()
    ]
    if contested and matcher.votes:  # the record is each voter's evidence
        positions = [replace(p, stance_evidence=voted[p.delegation_key][1])
                     if p.delegation_key in voted else p for p in positions]
        # who voted on it and spoke, though not about the text
        positions += [_voter(key, stance, evidence, note_lang)
                      for key, (stance, evidence) in voted.items()
                      if key not in by_key and key in readings]
    return Issue(id=matcher.id, label=matcher.labels[note_lang], positions=tuple(positions),
                 contested=contested, terms=tuple(t for t, _ in terms.most_common(MAX_TERMS)),
                 sides=sides if contested else "", target=target if contested else "",
                 target_object=target_object if contested else ""), disputed


def _statements(units_by_key: dict[str, list[Unit]], assignments: list[Assignment]
                ) -> dict[str, list[Unit]]:
    """Every sentence of the delegations that address the issue."""
    out: dict[str, list[Unit]] = {k: [] for k in units_by_key}
    for a in assignments:
        if a.unit.key in out:
            out[a.unit.key].append(a.unit)
    return out


def _naming(readings: dict[str, Reading], party: str, lang: str, actions: re.Pattern[str],
            blaming: set[str] | None = None) -> dict[str, Reading]:
    """A side on a party's action only from a sentence that names the party (its name, its
    capital, its adjective), the action (the deployment, the invasion: the table's
    `actions`) or the conditions it must meet (human rights, transparency): concern about the
    humanitarian situation, or hope for talks, takes no side on what the party did
    (`actions`: the words that name the action, `_action_words`).  The
    party's own reading stands.  Where the party is blamed, criticism counts only from the
    delegations that say who is to blame (`blaming`): condemning "the attacks on civilian
    infrastructure" without ever naming their author is the careful wording of those who
    take no side."""
    cues = stance_cues(lang)

    def names(k: str, r: Reading) -> bool:  # a side read off the party's opponent has no sentence
        if r.stance == CONCERNED and blaming is not None and k not in blaming:
            return False
        return r.evidence is None or (
            any(p and p.search(r.evidence.folded) for p in (actions, cues.conditions))
            or any(m.key == party for m in place_mentions(r.evidence.text, lang)))

    return {k: r if k == party or r.stance == NEUTRAL or names(k, r) else
            Reading(NEUTRAL, False, None) for k, r in readings.items()}


def _blaming(assignments: list[Assignment], party: str, lang: str) -> set[str]:
    """The delegations whose statement names the party (by name, capital or adjective) or
    its action as a wrong ("the invasion", "the aggressor"), anywhere."""
    accusation = stance_cues(lang).accusation
    return {a.unit.key for a in assignments
            if accusation.search(a.unit.folded)
            or any(m.key == party for m in place_mentions(a.unit.text, lang))}


def _on_action(readings: dict[str, Reading], party: str) -> dict[str, Reading]:
    """Only words said of the party's action count, and a defence is unmixed."""
    return {k: r if k == party or (r.clear and not (r.stance == SUPPORTS and r.mixed))
            else Reading(NEUTRAL, False, r.evidence) for k, r in readings.items()}


def _vote_sides(matcher: Matcher, votes: tuple[Vote, ...], release: Release, lang: str
                ) -> dict[str, tuple[str, Bullet]]:
    """Delegation key -> (stance, evidence) from the vote items: where the record (or the
    Council list derived from it) places a delegation, else where a member said it voted,
    with the sentence that says so.  An amendment issue reads the amendments, a
    draft-resolution issue the other texts.  A delegation on two sides (two texts under one
    issue) is left out: its vote is in the Outcome block, text by text."""
    if not matcher.votes:
        return {}
    out: dict[str, tuple[str, Bullet]] = {}
    clash: set[str] = set()
    stances = {IN_FAVOUR: SUPPORTS, AGAINST: CONCERNED, ABSTAINING: NEUTRAL}
    speakers = {s.delegation_key for s in release.statements}
    for vote in _voted_on(matcher, votes):
        record = Bullet(text=vote.text, source=(vote.pid,), lang=lang)
        # A Council's in-favour list derived from its membership names no one who did not
        # speak: the record's own names and the speakers are the table.
        derived = set(vote.voted_for) - speakers if vote.voted_for_derived else set()
        placed = [(k, vote.side_of(k), record)
                  for k in (*vote.voted_for, *vote.voted_against, *vote.abstaining)
                  if k not in derived]
        placed += [(d.key, d.side, _declaring(release, d, lang)) for d in vote.declared]
        for key, side, evidence in placed:
            stance = stances[side]
            if key in out and out[key][0] != stance:
                clash.add(key)
            out.setdefault(key, (stance, evidence))
    return {k: v for k, v in out.items() if k not in clash}


def _text_voted(matcher: Matcher, votes: tuple[Vote, ...], note_lang: str) -> str:
    """The one text this issue's sides voted on, by its symbol ("Resolution 2623 (2022)"):
    the row then says what was voted, not only the topic; "" where several were, or the
    text has no symbol."""
    texts = _voted_on(matcher, votes)
    return text_name(texts[0], note_lang) if len(texts) == 1 and texts[0].document else ""


def _voted_on(matcher: Matcher, votes: tuple[Vote, ...]) -> list[Vote]:
    """The texts a vote issue is about: the amendments for an amendment issue, the other
    texts for a draft-resolution one; a motion on how to proceed is neither."""
    if matcher.vote is not None:
        return [votes[matcher.vote]]
    amendment = matcher.id.startswith("amendment")
    return [v for v in votes if (v.subject == "amendment") == amendment and not v.procedural]


def _declaring(release: Release, declaration, lang: str) -> Bullet:
    """The sentence in which a delegation says how it voted, else its whole paragraph."""
    text = release.paragraph(declaration.pid).text
    said = next((text[a:b] for a, b in sentence_spans(text, lang)
                 if own_declaration(text[a:b], lang, declaration.key) == declaration.side),
                text)
    return Bullet(text=said, source=(declaration.pid,), lang=lang,
                  delegation_key=declaration.key)


def _voter(key: str, stance: str, evidence: Bullet, note_lang: str) -> Position:
    """A delegation placed by the vote, under the text it voted on: the record (or its own
    sentence saying how it voted) is the position and the evidence."""
    return Position(delegation=display_name(key, note_lang), delegation_key=key,
                    summary=(evidence,), stance=stance, stance_evidence=evidence)


def _action_contested(readings: dict[str, Reading], party: str, reported: bool) -> bool:
    """Someone defends the party's action (the party itself, or a clear supporter) and at
    least MIN_SIDE delegations criticize it in so many words; where the release itself reports
    the divergence on the place, delegations on both sides are enough."""
    defended = any(r.stance == SUPPORTS and (k == party or r.clear) for k, r in readings.items())
    critics = [r for r in readings.values() if r.stance == CONCERNED]
    if reported:
        return defended and bool(critics)
    return defended and sum(r.clear for r in critics) >= MIN_SIDE


def _on_party(matcher: Matcher, readings: dict[str, Reading],
              units_by_key: dict[str, list[Unit]], lang: str, reported: bool = False,
              known: str | None = None, framed: str | None = None, acting: bool = False,
              statements: dict[str, list[Unit]] | None = None
              ) -> tuple[dict[str, Reading], str | None, bool]:
    """Readings on the action of the party most delegations blame, that party, and whether
    it is blamed (rather than only acting).

    A place where a State, an organization of States or an armed group is blamed for what it
    does there (an invasion, strikes, a deployment): its opponents are whom it blames, whom
    its defenders blame (read from the release as a whole) and the place it acts in (unless
    the place's own delegation speaks for it).  Everyone is read again on that party's action
    (blaming it is concern, blaming whom the party blames is taking its side; the UN and
    impartial bodies take none); the party, when it speaks, defends what it did.  On a state
    of affairs (the nuclear plant) the party must speak to be read as one.  Where nobody
    blames a party but the release reports that delegations diverge on the place, the party
    is the one that acts there (the CSTO deployment the host State called in), not blamed:
    the one most delegations name acting there, else the organization whose action the lead
    names in reporting the divergence (`framed`).  `acting`: the `known` party acts, unblamed.
    Where the place's own sentences blame no party enough to tell, the whole `statements` of
    those who address it do: a short account gives each speaker a sentence on the place
    ("condemned the strikes on the WHO in Deir al Balah") and another on who does it ("the
    Palestinian Authority is being undermined by Israeli actions").
    """
    party = known or defending_party(readings, units_by_key, matcher.place, lang) or (
        # with no readings, only whom all of them blame counts
        statements and defending_party({}, statements, matcher.place, lang))
    blamed = bool(party) and not acting
    if not party and reported and matcher.kind == PLACE:
        party = acting_party(units_by_key, matcher.place, lang) or framed
    if not party or (matcher.kind != PLACE and party not in units_by_key):
        return readings, None, False
    own = opponents(party, units_by_key[party], lang, matcher.place) \
        if party in units_by_key else frozenset()
    target = replace(_target(matcher, lang, party),
                     opponents=own | defenders_opponent(party, units_by_key, matcher.place, lang),
                     victims=victim(party, units_by_key, matcher.place, lang) if blamed
                     else frozenset(), blamed=blamed)
    common = critics_blame(party, units_by_key, lang) if blamed else frozenset()
    readings = {k: read_stance(units, lang, replace(target, opponents=target.opponents | (
        shifted_blame(k, party, units, matcher.place, lang, common) if blamed
        else frozenset()))) for k, units in units_by_key.items()}
    for key in readings.keys() & neutral_actors():  # the forum and impartial bodies take no side
        readings[key] = Reading(NEUTRAL, False, readings[key].evidence)
    if party in readings:
        own = readings[party]
        readings[party] = Reading(SUPPORTS, True, own.evidence or units_by_key[party][0], True)
    return readings, party, blamed


def _on_party_elsewhere(matcher: Matcher, readings: dict[str, Reading],
                        units_by_key: dict[str, list[Unit]], assignments: list[Assignment],
                        party: str, lang: str, reported: bool, blamed: bool = True
                        ) -> tuple[dict[str, Reading], dict[str, list[Assignment]]]:
    """Readings that also weigh the sentences naming the blamed party but not the place, and
    the delegations filed under the issue by them alone.

    Criticism of a party's action often names the party and not the place ("the attack by
    Russian forces on the plant shocked everyone", "the Russian Federation breached Article 2"):
    those sentences are about the action the issue's sides are about.  A delegation that
    addresses the issue only in such sentences is filed under it when they clearly criticize.
    An acting party the lead names (`blamed` false: "the Mission") is read the same way on
    both sides: its sentences are about the action the divergence is reported on.
    """
    # The action the lead names is also what "a regional presence", "its deployment" are.
    action = None if blamed else compile_terms(labels_table()["salient"]["action"][lang])
    extra: dict[str, list[Assignment]] = {}
    for a in assignments:
        if matcher.id not in a.issues and a.unit.key != party and a.unit.key and (any(
                m.key == party for m in place_mentions(a.unit.text, lang))
                or (action and action.search(a.unit.folded))):
            extra.setdefault(a.unit.key, []).append(a)
    if not extra:
        return readings, {}
    wider = {k: units_by_key.get(k, []) + [a.unit for a in extra.get(k, [])]
             for k in units_by_key.keys() | extra.keys()}
    again, _, _ = _on_party(matcher, readings, wider, lang, reported, party,
                            acting=not blamed)
    # Only criticism of a blamed party is taken from there: praise of it elsewhere is of
    # something else than the action at stake as often as not ("praised the Russian
    # Federation's athletes").
    taken = (CONCERNED,) if blamed else (CONCERNED, SUPPORTS)
    again = {k: r if r.stance in taken or k not in readings else readings[k]
             for k, r in again.items()}
    named = {k: group for k, group in extra.items() if k not in units_by_key
             and (again[k].clear or not blamed) and again[k].stance in taken}
    return {k: r for k, r in again.items() if k in units_by_key or k in named}, named


def _target(matcher: Matcher, lang: str, party: str | None = None) -> Target:
    """What "supports" means on this issue: the text, the right, the party's action."""
    if matcher.kind == PLACE or party:
        return Target(words=_action_words(matcher, lang),
                      keys=frozenset({party or matcher.place}))
    if matcher.kind == COOPERATION:
        return Target(words=matcher.with_words, keys=matcher.organizations - {"org:UN"})
    return Target(words=matcher.terms, patterns=matcher.patterns, votes=matcher.votes,
                  measure=not matcher.situation)


def _action_words(matcher: Matcher, lang: str) -> re.Pattern[str]:
    """What names a party's action: the table's `actions` ("the invasion", "the deployment"),
    and the words of a topic that is itself an act ("the veto")."""
    actions = stance_cues(lang).actions
    return compile_terms([actions.pattern, matcher.terms.pattern]) if matcher.act else actions


def _readings(units_by_key: dict[str, list[Unit]], target: Target, lang: str
              ) -> dict[str, Reading]:
    return {k: read_stance(units, lang, target) for k, units in units_by_key.items()}


def _contested(readings: dict[str, Reading], reported: bool) -> bool:
    """Delegations on both sides, and either the release itself reports the disagreement (a
    recorded vote that lists names, "divergences de vues"), or the smaller side takes its side
    explicitly (a vote), or at least MIN_SIDE delegations on each side say so in words about
    the issue's target.

    Evaluative words around the issue are not enough: on an issue everyone agrees on (the
    situation in Afghanistan) delegations both "welcome" efforts and "express concern" about
    the situation, which is not a divergence between them."""
    sides = {SUPPORTS: [], CONCERNED: []}
    for reading in readings.values():
        if reading.stance in sides:
            sides[reading.stance].append(reading)
    small = min(sides.values(), key=len)
    large = max(sides.values(), key=len) if small is not sides[CONCERNED] else sides[SUPPORTS]
    if not small:
        return False
    if reported:
        return True
    # One side taken explicitly (a vote, the holder of a right claiming it) against a clear
    # reading on the other is a divergence; else two clear readings a side.
    return any(r.strong for r in small) or (
        any(r.strong for r in large) and any(r.clear for r in small)) or all(
        sum(r.clear for r in side) >= MIN_SIDE for side in sides.values())


def _position(key: str, group: list[Assignment], reading: Reading | None,
              statements: dict[int, Statement], lang: str, note_lang: str,
              issue_id: str, sentences: int) -> Position:
    named = {id(a.unit): a.terms.get(issue_id, ()) for a in group}

    def shown(unit: Unit) -> Bullet:
        return _bullet(unit, statements[unit.statement], lang, named.get(id(unit), ()))

    chosen = _summary_units(group, reading, issue_id, sentences,
                            lambda u: _compressed(u.text, statements[u.statement], lang,
                                                  named[id(u)], whole=False) is not None)
    summary = tuple(shown(u) for u in chosen)
    evidence = _bullet(reading.evidence, statements[reading.evidence.statement], lang) \
        if reading and reading.evidence else None
    # "Other positions" is a side only with a sentence that shows it: a delegation whose
    # words show no side did not take a clear position, and is not placed.
    placed = reading is not None and (reading.stance != NEUTRAL or reading.evidence is not None
                                      or reading.strong or key in neutral_actors())
    return Position(delegation=display_name(key, note_lang), delegation_key=key,
                    summary=summary, stance=reading.stance if placed else None,
                    stance_evidence=evidence if placed else None)


def _summary_units(group: list[Assignment], reading: Reading | None, issue_id: str,
                   sentences: int, keeps: Callable[[Unit], bool]) -> list[Unit]:
    """The sentence that shows the stance (contested issues), then the one most on the issue,
    preferring one that still names the issue once compressed (`keeps`); as many as the
    note's length allows, in text order."""
    # A delegation filed by its sentences on the party alone has none that names the issue.
    direct = [a for a in group if issue_id in a.direct] or group
    # Naming the issue twice is on topic enough; then the shorter sentence reads faster.
    first = max(direct, key=lambda a: (keeps(a.unit), min(len(a.terms.get(issue_id, ())), ON_TOPIC),
                                       -len(a.unit.text), -group.index(a))).unit
    chosen = [reading.evidence] if reading and reading.evidence else []
    if first is not (chosen[0] if chosen else None):
        chosen.append(first)
    order = {id(a.unit): i for i, a in enumerate(group)}
    return sorted(chosen[:sentences], key=lambda u: order.get(id(u), 0))


def _bullet(unit: Unit, statement: Statement, lang: str, terms: tuple[str, ...] = ()
            ) -> Bullet:
    return Bullet(text=_compressed(unit.text, statement, lang, terms), source=(unit.pid,),
                  delegation_key=unit.key, lang=lang)


def _compressed(sentence: str, statement: Statement, lang: str, terms: tuple[str, ...] = (),
                whole: bool = True) -> str | None:
    """Attribution tails and connectives dropped, words never changed (summarize.compress).
    A compression that drops every word by which the sentence names the issue (a position
    under "Ceasefire" must still say "cessation of hostilities") gives the whole sentence, or
    None when not `whole`."""
    from briefgen.summarize.compress import compress, speaker_words

    short = compress(sentence, lang, speaker_words(statement)) or sentence.strip()
    folded = short.casefold()
    if terms and not any(t.casefold() in folded for t in terms):
        return sentence.strip() if whole else None
    return short

