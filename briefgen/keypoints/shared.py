"""What most speakers shared: a phrase many delegations used, found by counting, not guessed.

A press officer writes "Many speakers called for humanitarian access" when the statements
show it.  Here a point is shared when one phrase of two to four words, as the speakers wrote
it, is in the statements of at least SHARE of the delegations that spoke (and MIN_SPEAKERS of
them).  Phrases that only restate the meeting's title or agenda ("the situation in X"), name
a body or a person (capitalized words), or carry the release's own narration (reporting
verbs, "representative") say nothing shared and are never counted.  The phrase and every
speaker who used it are `Fact`s with the paragraph each used it in; the representative quote
is the speaker's own sentence, checked like every summary.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..issues.vocab import labels_table
from ..languages import LANGUAGES
from ..model import BRIEFING, REPLY, Bullet, Fact, Release, Statement

MIN_SPEAKERS, SHARE, MIN_DELEGATIONS = 4, 0.4, 6
# A longer phrase holding a shorter one wins when this share of the shorter one's speakers
# used it too: "international humanitarian law" (7) over "international humanitarian" (8).
LONGER = 0.75
MOST = 0.5  # above this share the sentence says "most speakers"
LENGTHS = (4, 3, 2)
_QUOTE_MARKS = set("“”«»\"")
_TOKEN = re.compile(r"[^\W\d_][\w’'-]*", re.UNICODE)


@dataclass(frozen=True)
class Shared:
    """A phrase and the delegations that used it, with where each did."""

    phrase: str  # as most speakers wrote it
    used_by: tuple[tuple[str, str], ...]  # (delegation key, paragraph id), in speaking order
    total: int  # delegations that spoke
    quote: Bullet  # one speaker's sentence with the phrase

    @property
    def facts(self) -> tuple[Fact, ...]:
        return ((Fact("phrase", self.phrase, tuple(dict.fromkeys(p for _, p in self.used_by))),)
                + tuple(Fact("speaker", key, (pid,)) for key, pid in self.used_by)
                + (Fact("total", str(self.total), ()),
                   Fact("quote", self.quote.text.rstrip(" ."), self.quote.source)))


def shared_point(release: Release, quotes: dict[int, tuple[Bullet, ...]]) -> Shared | None:
    """The phrase used by the most delegations, when enough did; else None.

    `quotes` holds each statement's checked summary bullets: the quote is the one of them
    that holds the phrase, from the delegation whose sentence is most central (its first
    summary bullet that has it), so the quote passes the same guard as any summary.
    """
    from ..summarize.extractive import corpus_model

    lang = release.meeting.language
    data = LANGUAGES[lang]
    speakers = _speakers(release)
    if len(speakers) < MIN_DELEGATIONS:
        return None
    units = corpus_model(release).units
    frame = {w.casefold() for w in _TOKEN.findall(" ".join(
        [release.meeting.title, release.meeting.subtitle]
        + [h.text for h in release.headings if h.kind == "agenda"]))}
    generic = labels_table()["shared"]
    banned = {w.casefold() for v in data.reporting_verbs for w in v.split()[-1:]}
    banned |= {w.casefold() for w in data.delegate_nouns + tuple(generic["words"][lang])}
    stale = {tuple(p.casefold().split()) for p in generic["phrases"][lang]}
    found: dict[tuple[str, ...], dict[str, str]] = defaultdict(dict)  # gram -> key -> pid
    written: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for statement in speakers:
        for unit in units.get(statement.index, ()):
            for gram, surface in _grams(unit.text, data.stop_words, banned, frame):
                if any(_holds(gram, p) for p in stale):
                    continue
                found[gram].setdefault(statement.delegation_key, unit.pid)
                written[gram][surface] += 1
    need = max(MIN_SPEAKERS, SHARE * len(speakers))
    # the longest phrase at the highest count ("international humanitarian law", not "humanitarian
    # law")
    best = max((g for g in found if len(found[g]) >= need),
               key=lambda g: (len(found[g]), len(g)), default=None)
    if best is None:
        return None
    longer = [g for g in found if len(g) > len(best) and _holds(g, best)
              and len(found[g]) >= max(need, LONGER * len(found[best]))]
    best = max(longer, key=lambda g: (len(found[g]), len(g)), default=best)
    phrase = written[best].most_common(1)[0][0]
    order = {s.delegation_key: i for i, s in enumerate(speakers)}
    used = tuple(sorted(found[best].items(), key=lambda kv: order[kv[0]]))
    holding = [b for s in speakers for b in quotes.get(s.index, ())
               if s.delegation_key in found[best] and phrase.casefold() in b.text.casefold()]
    # a sentence that is itself a quotation would be a quote in a quote
    quote = next((b for b in holding if not _QUOTE_MARKS & set(b.text)), None)
    if quote is None:
        return None
    return Shared(phrase, used, len(speakers), quote)


def _holds(gram: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """`part` is a run of `gram`'s words."""
    return any(gram[i:i + len(part)] == part for i in range(len(gram) - len(part) + 1))


def _speakers(release: Release) -> list[Statement]:
    """The first turn of each delegation that spoke for itself (briefers report, they do
    not take positions; replies and repeat turns are the same delegation again)."""
    seen: dict[str, Statement] = {}
    for s in release.statements:
        if s.kind not in (BRIEFING, REPLY) and s.repeat_of is None \
                and s.delegation_key != "unknown":
            seen.setdefault(s.delegation_key, s)
    return list(seen.values())


def _grams(text: str, stops: frozenset[str], banned: set[str], frame: set[str]):
    """(folded words, surface) of every phrase of LENGTHS words in `text` that could be a
    shared point: no capitalized word after the first of the sentence, content words at
    both ends, not only the meeting's framing words, no narration."""
    tokens = list(_TOKEN.finditer(text))
    for n in LENGTHS:
        for i in range(len(tokens) - n + 1):
            window = tokens[i:i + n]
            words = [m.group() for m in window]
            folded = tuple(w.casefold() for w in words)
            if folded[0] in stops or folded[-1] in stops or banned & set(folded):
                continue
            if any(w[:1].isupper() for w in words if not (i == 0 and w is words[0])):
                continue
            content = [w for w in folded if w not in stops]
            if all(w in frame for w in content) or len(set(content)) < 2:
                continue
            yield folded, text[window[0].start():window[-1].end()]
