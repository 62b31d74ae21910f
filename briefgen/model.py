"""The typed objects that travel between briefgen's stages.

Every stage is a function from one of these to the next (parse -> summarize -> issues ->
compose -> render).  They are frozen so that a stage can never quietly edit what an earlier
stage produced, and every piece of text that reaches the note keeps the ids of the release
paragraphs it came from: that is what makes a bullet traceable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Paragraph kinds.  A paragraph of the release is exactly one of these, so nothing is
# silently dropped: whatever is not a statement, lead or structure is "unattributed".
HEADER = "header"  # meeting number / symbol lines
TITLE = "title"  # title and subtitle
LEAD = "lead"  # the release's own summary, before the statements
HEADING = "heading"  # agenda items in capitals, "Statements", "Déclarations", "Right of Reply"
STATEMENT = "statement"  # belongs to (at least one) statement
STRUCTURE = "structure"  # votes, meeting times, footnotes, footer, "also speaking" lists
UNATTRIBUTED = "unattributed"  # body text no speaker could be found for

PARAGRAPH_KINDS = (HEADER, TITLE, LEAD, HEADING, STATEMENT, STRUCTURE, UNATTRIBUTED)

# Statement kinds.
BRIEFING = "briefing"  # a UN official or invited briefer
NATIONAL = "statement"  # a delegation's ordinary turn
REPLY = "reply"  # right of reply / taking the floor again

# Stances on a contested issue.
SUPPORTS = "supports"
CONCERNED = "concerned"
NEUTRAL = "neutral"
STANCES = (SUPPORTS, CONCERNED, NEUTRAL)

# How a text put to the vote fared (Vote.outcome).
ADOPTED = "adopted"  # by a vote, or without one (Vote.without_vote)
REJECTED = "rejected"  # more votes against than in favour
FAILED = "failed"  # not adopted although not outvoted: short of the votes needed (two thirds)
VETOED = "vetoed"  # not adopted owing to a permanent member's negative vote
WITHDRAWN = "withdrawn"  # not put to the vote after all
VOTED = "voted"  # a tally the release gives without saying how the text fared
OUTCOMES = (ADOPTED, REJECTED, FAILED, VETOED, WITHDRAWN, VOTED)

# The sides of a vote (Vote.voted_for / voted_against / abstaining, VoteDeclaration.side).
IN_FAVOUR, AGAINST, ABSTAINING = "in_favour", "against", "abstaining"
VOTE_COLUMNS = (IN_FAVOUR, AGAINST, ABSTAINING)

# What the sides of a contested issue are about (Issue.sides, Divergence.kind): how delegations
# voted on a text, or whether they defended or criticized a named party's action.
VOTE_SIDES = "vote"
ACTION_SIDES = "action"

# Where the text of a bullet came from.
EXTRACTIVE = "extractive"
NEURAL = "neural"
FALLBACK = "fallback"  # neural output rejected by the faithfulness guard
FACTS = "facts"  # written from the analysis' facts by a per-language template (key points)


@dataclass(frozen=True, slots=True)
class Paragraph:
    pid: str  # stable id, "p1", "p2", ... in reading order
    text: str
    kind: str = UNATTRIBUTED


@dataclass(frozen=True, slots=True)
class Passage:
    """A piece of a statement: a whole paragraph (styles A/B) or some of its sentences (C)."""

    pid: str
    text: str


@dataclass(frozen=True, slots=True)
class Meeting:
    language: str  # language of the release: "en" or "fr"
    title: str = ""
    subtitle: str = ""
    body: str | None = None  # "Security Council", "Conseil de sécurité", "General Assembly"
    number: str | None = None  # "8967"
    session: str | None = None  # "morning" | "afternoon" | "night" (normalized)
    symbol: str | None = None  # "CS/14794", "SC/14808"
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """One speaker turn (A/B) or everything one delegation is reported to have said (C)."""

    index: int  # 0-based order in the release
    passages: tuple[Passage, ...]
    speaker: str | None = None  # as written: "ANTÓNIO GUTERRES", None in style B/C
    speaker_display: str | None = None  # title case: "António Guterres"
    role: str | None = None  # "Secrétaire général de l’ONU", "Minister for Foreign Affairs of Estonia"
    delegation: str | None = None  # as written: "Royaume-Uni", "United States"
    delegation_key: str = "unknown"  # ISO 3166 alpha-2 ("GB") or "org:UN", "org:CSTO", ...
    on_behalf_of: str | None = None  # as written: "Arab Group", "Denmark, Iceland and Norway"
    on_behalf_key: str | None = None  # the one group or State spoken for, when it is one
    on_behalf_keys: tuple[str, ...] = ()  # every delegation spoken for that a table knows
    kind: str = NATIONAL
    repeat_of: int | None = None  # index of this delegation's first turn, for repeat turns

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """Paragraph ids in order, once each."""
        return tuple(dict.fromkeys(p.pid for p in self.passages))

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.passages)


@dataclass(frozen=True, slots=True)
class Heading:
    pid: str
    text: str
    kind: str  # "agenda" | "section" ("Statements", "Briefings") | "reply"


@dataclass(frozen=True, slots=True)
class VoteDeclaration:
    """A delegation saying how it voted ("her delegation abstained"), where the record does
    not name it: the record wins, so a declaration never places a delegation the record
    already places, and never on another side."""

    key: str
    side: str  # IN_FAVOUR | AGAINST | ABSTAINING
    pid: str  # the paragraph that says it


@dataclass(frozen=True, slots=True)
class Vote:
    """One text the body decided on, as the release records it ("adopted resolution 2774
    (2025) by a vote of 10 in favour to 2 against (Norland, Sudland), with 3 abstentions").

    Counts and names come from the record: a count it does not give is None, and a
    delegation is listed only when the record names it on that side (the lists may be
    shorter than the counts).  The one exception is the Council's in-favour list, derived
    from the members of the year when that is certain (`voted_for_derived`).  What
    delegations say of their own votes is kept apart (`declared`).  Every mention of the
    same text (the lead, the action paragraph) is gathered into one item (`sources`).
    """

    pid: str  # paragraph of the fullest record
    text: str  # the sentence(s) of that record, as written
    outcome: str  # one of OUTCOMES
    subject: str = ""  # "resolution" | "amendment" | "decision" | "motion" | "paragraph" | "text"
    document: str | None = None  # as written: "A/ES-10/L.25", "resolution 2774 (2025)", "L.26"
    title: str | None = None  # the text's title as written, when the release quotes it
    without_vote: bool = False  # adopted without a vote / by consensus
    in_favour: int | None = None
    against: int | None = None
    abstentions: int | None = None
    voted_for: tuple[str, ...] = ()  # delegation keys
    voted_against: tuple[str, ...] = ()  # delegation keys (a veto included)
    abstaining: tuple[str, ...] = ()  # delegation keys
    vetoed_by: tuple[str, ...] = ()  # the permanent member(s) whose negative vote was a veto
    voted_for_derived: bool = False  # voted_for is the Council of the year less the others
    sources: tuple[str, ...] = ()  # every paragraph that records this decision, in order
    declared: tuple[VoteDeclaration, ...] = ()
    sponsors: tuple[str, ...] = ()  # who submitted or introduced the text, where said
    amends: int | None = None  # for an amendment: index (in Release.votes) of the text amended
    explained_by: tuple[int, ...] = ()  # statements that explain a vote on this text

    @property
    def procedural(self) -> bool:
        """A motion or a decision with no text (to vote by recorded vote, on credentials):
        business about how the meeting proceeds, not a text delegations take sides on."""
        return self.subject == "motion" or (self.subject == "decision" and not self.document)

    def side_of(self, key: str) -> str | None:
        """Where the record (or the derived list) places a delegation, if anywhere."""
        for side, keys in ((IN_FAVOUR, self.voted_for), (AGAINST, self.voted_against),
                           (ABSTAINING, self.abstaining)):
            if key in keys:
                return side
        return None


@dataclass(frozen=True, slots=True)
class Release:
    meeting: Meeting
    paragraphs: tuple[Paragraph, ...]
    lead: tuple[str, ...] = ()  # paragraph ids
    headings: tuple[Heading, ...] = ()
    statements: tuple[Statement, ...] = ()
    # Sentences (style C) or paragraphs that no delegation could be given, including collective
    # attributions ("Many speakers highlighted ..."): kept, never given to a delegation.
    unattributed: tuple[Passage, ...] = ()
    source_name: str = ""  # input file stem, used when there is no symbol
    votes: tuple[Vote, ...] = ()  # decisions on texts, in reading order (see `briefgen.votes`)

    def paragraph(self, pid: str) -> Paragraph:
        return self._by_id()[pid]

    def _by_id(self) -> dict[str, Paragraph]:
        return {p.pid: p for p in self.paragraphs}

    @property
    def name(self) -> str:
        """File-name stem for outputs: the symbol (CS/14794 -> CS-14794) or the input's name."""
        if self.meeting.symbol:
            return self.meeting.symbol.replace("/", "-").replace(" ", "")
        return self.source_name or "briefing"


@dataclass(frozen=True, slots=True)
class Fact:
    """One value a generated sentence states, with the paragraphs it is read from.

    A sentence written from facts (origin FACTS) is only as faithful as its slots, so each
    slot keeps its own sources and the key-point guard checks every one against them.
    """

    slot: str  # "against", "supports", "count.in_favour", "document", "phrase", "quote", ...
    value: str  # a delegation key, a count, a symbol or phrase as written
    source: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Bullet:
    """A sentence of the note with the paragraph ids it can be traced to."""

    text: str
    source: tuple[str, ...]
    delegation_key: str | None = None
    lang: str = "en"  # language of `text`
    origin: str = EXTRACTIVE
    translated: bool = False
    original: str | None = None  # source-language text when `text` is a translation
    facts: tuple[Fact, ...] = ()  # for origin FACTS: every value the sentence states
    speaker: str | None = None  # the person, for a briefer's point ("António Guterres")


@dataclass(frozen=True, slots=True)
class Position:
    delegation: str  # display name in the note's language
    delegation_key: str
    summary: tuple[Bullet, ...]
    stance: str | None = None  # one of STANCES, only on contested issues
    stance_evidence: Bullet | None = None


@dataclass(frozen=True, slots=True)
class Issue:
    id: str  # stable slug: "kazakhstan", "afghanistan", "un-csto-cooperation"
    label: str  # in the note's language
    positions: tuple[Position, ...] = ()
    contested: bool = False
    terms: tuple[str, ...] = ()  # what was matched, for debugging and --issues files
    sides: str = ""  # VOTE_SIDES | ACTION_SIDES | "" (a claimed right): what the stances mean
    target: str = ""  # the proposition the sides are about: "CSTO deployment in Kazakhstan"
    target_object: str = ""  # the same inside a sentence: "the CSTO's deployment in Kazakhstan"


@dataclass(frozen=True, slots=True)
class Divergence:
    issue_id: str
    label: str  # the target when there is one ("Russian Federation's military action")
    sides: dict[str, tuple[str, ...]]  # stance -> delegation keys
    kind: str = ""  # VOTE_SIDES | ACTION_SIDES | "": which side labels read right


@dataclass(frozen=True, slots=True)
class StatementSummary:
    statement: Statement
    delegation: str  # display name in the note's language
    summary: tuple[Bullet, ...]
    figures: tuple[str, ...] = ()  # quotes and key figures kept verbatim


@dataclass(frozen=True, slots=True)
class Outcome:
    """One row of the note's Outcome block: a vote item in the note's language (composed by
    `briefgen.outcome`); the item itself, with its keys and counts, is `vote`."""

    vote: Vote
    index: int  # of `vote` in Release.votes
    text: str  # "Draft resolution A/ES-11/L.10", the word in the note's language
    decision: str  # "Vetoed by the Russian Federation", "Adopted without a vote"
    tally: str = ""  # "11 in favour, 1 against, 3 abstentions"; "" when the record gives none
    title: str | None = None  # the text's title as the release writes it
    amends: str | None = None  # for an amendment: the `text` of the text it amends
    voted_against: tuple[str, ...] = ()  # display names, from the record
    abstaining: tuple[str, ...] = ()
    # (label, names): the in-favour list where known, what delegations said of their own
    # votes, who tabled the text, who explained a vote on it
    details: tuple[tuple[str, tuple[str, ...]], ...] = ()
    source: tuple[str, ...] = ()  # paragraph ids of every mention of the decision


@dataclass(frozen=True, slots=True)
class Briefing:
    release: Release
    language: str  # the note's language
    key_points: tuple[Bullet, ...]
    issues: tuple[Issue, ...]
    divergences: tuple[Divergence, ...]
    statements: tuple[StatementSummary, ...]
    length: str = "standard"
    outcomes: tuple[Outcome, ...] = ()  # one row per text decided on (the Outcome block)
    notices: tuple[str, ...] = field(default=())  # shown in the note, e.g. untranslated content
    revision: int = 1  # 2, 3...: the release was republished with corrections (watch --feed)


@dataclass(frozen=True, slots=True)
class IssueAnalysis:
    """What `issues.find_issues` hands to `compose`: the issues and where delegations diverge."""

    issues: tuple[Issue, ...] = ()
    divergences: tuple[Divergence, ...] = ()
