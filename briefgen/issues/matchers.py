"""What makes a sentence address an issue, for each kind of issue.

An issue is a `Matcher`: a place (named as the topic of the sentence, not as one entry of a
list of places), a topic from the vocabulary table or a user's file (its words), or the
cooperation between the UN and another organization (a cooperation word together with that
organization or with regional bodies in general; a sentence that names a third organization
without the UN is about another pair: "the CSTO asked NATO to cooperate").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import Unit
from .vocab import PlaceMention, place_mentions

PLACE, TOPIC, COOPERATION, USER = "place", "topic", "cooperation", "user"

# Between two names in a list: separators, articles and "and"; nothing that carries meaning.
_LIST_GAP = re.compile(r"^[\s,;()]*(?:(?:and|or|et|ou|the|le|la|les|l'|de|du|des|as well as)"
                       r"[\s,;()]+)*(?:l')?$", re.IGNORECASE)
_LIST_MIN = 3


@dataclass(frozen=True, slots=True)
class Matcher:
    id: str
    kind: str
    labels: dict[str, str] = field(default_factory=dict)  # lang -> label
    place: str | None = None  # PLACE: the key it is about
    terms: re.Pattern[str] | None = None  # TOPIC / USER: on folded text
    patterns: re.Pattern[str] | None = None  # USER: regexes on the text as written
    with_words: re.Pattern[str] | None = None  # COOPERATION: cooperation words (folded)
    organizations: frozenset[str] = frozenset()  # COOPERATION: keys of the partners
    regional: re.Pattern[str] | None = None  # COOPERATION: regional bodies in general
    votes: bool = False  # a text put to the vote: how delegations voted is their stance
    # One of several texts put to the vote, by its index in Release.votes: its own issue,
    # named by its symbol, its sides the record of that vote (`discover.one_per_text`).
    vote: int | None = None
    # A state of affairs everyone worries about (the humanitarian situation): concern about it
    # is no side, so it is contested only on the action of a party blamed for it that speaks
    # in its own defence.
    situation: bool = False
    # A claimed right or a measure delegations can be for or against (self-defence,
    # sanctions): contested when MIN_SIDE delegations take each side in words.
    proposition: bool = False
    # A topic that is itself a party's act (a veto): the words that name it name the party's
    # action, and the row is named after the party ("act", "act_object": lang -> template).
    act: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What one sentence names, computed once and shared by every matcher."""

    mentions: tuple[PlaceMention, ...]
    listed: frozenset[int]  # indexes of mentions that are entries of a list


def sentence_facts(unit: Unit, lang: str) -> SentenceFacts:
    mentions = tuple(place_mentions(unit.text, lang))
    return SentenceFacts(mentions, listed_mentions(unit.folded, mentions))


def listed_mentions(folded: str, mentions: tuple[PlaceMention, ...]) -> frozenset[int]:
    """Mentions that belong to a run of three or more names separated only by commas/"and".

    "le sommet a réuni le Kazakhstan, le Kirghizistan, le Tadjikistan…" names Kazakhstan in
    passing; a sentence that is about Kazakhstan names it as its topic.
    """
    listed: set[int] = set()
    run = [0] if mentions else []
    for i in range(1, len(mentions) + 1):
        if i < len(mentions) and _LIST_GAP.match(folded[mentions[i - 1].end:mentions[i].start]):
            run.append(i)
            continue
        if len(run) >= _LIST_MIN:
            listed.update(run)
        run = [i]
    return frozenset(listed)


def hits(matcher: Matcher, unit: Unit, facts: SentenceFacts) -> list[str]:
    """The words by which the sentence addresses the issue (empty: it does not)."""
    if matcher.kind == PLACE:
        return [unit.text[m.start:m.end] for i, m in enumerate(facts.mentions)
                if m.key == matcher.place and i not in facts.listed]
    if matcher.kind == COOPERATION:
        if not matcher.with_words or not matcher.with_words.search(unit.folded):
            return []
        keys = {m.key for m in facts.mentions}
        if any(k.startswith("org:") and k not in matcher.organizations for k in keys - {"org:UN"}) \
                and "org:UN" not in keys:
            return []  # "the CSTO asked NATO to cooperate": another pair of organizations
        found = [unit.text[m.start:m.end] for m in facts.mentions
                 if m.key in matcher.organizations and m.key != "org:UN"]
        if matcher.regional:
            found += [unit.text[m.start():m.end()] for m in matcher.regional.finditer(unit.folded)]
        return found
    spans = [m.span() for m in matcher.terms.finditer(unit.folded)] if matcher.terms else []
    if matcher.patterns:
        spans += [m.span() for m in matcher.patterns.finditer(unit.text)]
    # A word that is one entry of a list of places is a passing mention here too.
    listed = [facts.mentions[i] for i in facts.listed]
    return [unit.text[s:e] for s, e in spans if unit.text[s:e].strip()
            and not any(m.start < e and s < m.end for m in listed)]
