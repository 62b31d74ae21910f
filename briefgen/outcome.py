"""The note's Outcome block: every text decided on, in the note's language.

The vote items (`briefgen.votes`) hold keys, counts and paragraph ids; here each becomes one
row a reader takes in at a glance — the text, what was decided, the tally, who voted against
and who abstained — with the in-favour names only where the record gives them or they are
derived with certainty, and what delegations said of their own votes kept apart from the
record, under its own label ("Said they voted in favour").  Wording comes from the label
table (`i18n`), names from the delegation table, so an English note of a French release
reads in English throughout; the release's own words (a symbol, a title) stay as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from . import i18n
from .model import (
    ABSTAINING,
    FACTS,
    ADOPTED,
    AGAINST,
    IN_FAVOUR,
    VETOED,
    VOTE_COLUMNS,
    Bullet,
    Fact,
    Outcome,
    Release,
    Vote,
)

# "resolution 2623 (2022)" as written: the word is the note's, the number the release's.
_LEADING_WORD = re.compile(r"^(?:draft\s+)?(?:r[ée]solution|d[ée]cision|amendement|amendment|"
                           r"projet\s+de\s+r[ée]solution)\s+", re.IGNORECASE)
_RESOLUTION = re.compile(r"(?:r[ée]solution\s+|S/RES/)\d", re.IGNORECASE)


def outcomes(release: Release, lang: str, name: Callable[[str], str]) -> tuple[Outcome, ...]:
    """One row per vote item, in the release's order; `name(key)` is the display name."""
    texts = [text_name(vote, lang) for vote in release.votes]
    speakers = {st.index: st.delegation_key for st in release.statements}
    return tuple(_row(vote, i, texts, lang, name, speakers)
                 for i, vote in enumerate(release.votes))


def _row(vote: Vote, index: int, texts: list[str], lang: str, name: Callable[[str], str],
         speakers: dict[int, str]) -> Outcome:
    def names(keys, ordered: bool = False) -> tuple[str, ...]:
        shown = [name(k) for k in dict.fromkeys(keys)]
        return tuple(sorted(shown, key=_collation) if ordered else shown)

    said = {side: names(d.key for d in vote.declared if d.side == side) for side in VOTE_COLUMNS}
    details = []
    if vote.voted_for:
        details.append((i18n.label("outcome.in_favour", lang),
                        names(vote.voted_for, ordered=vote.voted_for_derived)))
    details += [(i18n.label(f"outcome.said.{side}", lang), said[side])
                for side in VOTE_COLUMNS if said[side]]
    if vote.sponsors:
        details.append((i18n.label("outcome.sponsors", lang), names(vote.sponsors)))
    explained = [speakers[i] for i in vote.explained_by if i in speakers]
    if explained:
        details.append((i18n.label("outcome.explained", lang), names(explained)))
    # "amends draft resolution L.1": the amended text's name runs on in the sentence
    amended = texts[vote.amends] if vote.amends is not None else None
    amended = amended[:1].lower() + amended[1:] if amended else None
    return Outcome(vote=vote, index=index, text=texts[index], title=vote.title, amends=amended,
                   decision=_decision(vote, lang, names), tally=_tally(vote, lang),
                   voted_against=names(vote.voted_against), abstaining=names(vote.abstaining),
                   details=tuple(details), source=vote.sources or (vote.pid,))


def _collation(name: str) -> str:
    """Alphabetical as a reader expects it: "États-Unis" among the E's."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


def text_name(vote: Vote, lang: str) -> str:
    """"Draft resolution A/ES-11/L.10", "Resolution 2623 (2022)", "Amendment L.12"."""
    subject, document = _subject(vote)
    subject = i18n.label(f"outcome.subject.{subject}", lang)
    return f"{subject} {document}" if document else subject


def symbol(vote: Vote) -> str:
    """The text's symbol as the release writes it, less its leading word: "L.10", "2623
    (2022)"; "" where the release gives none."""
    return _subject(vote)[1]


def _subject(vote: Vote) -> tuple[str, str]:
    """What the text is (a resolution only once adopted and numbered as one, a draft
    before) and its symbol as the release writes it, less the word the note supplies."""
    subject = vote.subject or "text"
    if subject == "resolution" and not (vote.document and _RESOLUTION.match(vote.document)):
        subject = "draft_resolution"
    return subject, _LEADING_WORD.sub("", vote.document or "").strip()


def _decision(vote: Vote, lang: str, names: Callable) -> str:
    if vote.outcome == VETOED and vote.vetoed_by:
        return i18n.label("outcome.vetoed_by", lang,
                          names=i18n.join_names(names(vote.vetoed_by), lang))
    if vote.outcome == ADOPTED and vote.without_vote:
        return i18n.label("outcome.without_vote", lang)
    return i18n.label(f"outcome.{vote.outcome}", lang)


def _tally(vote: Vote, lang: str) -> str:
    """"11 in favour, 1 against, 3 abstentions" from the counts the record gives, else ""."""
    parts = [i18n.count_label(f"outcome.count.{side}", count, lang)
             for side, count in ((IN_FAVOUR, vote.in_favour), (AGAINST, vote.against),
                                 (ABSTAINING, vote.abstentions)) if count is not None]
    return ", ".join(parts)


def outcome_point(vote: Vote, body: str | None, lang: str, name: Callable[[str], str]
                  ) -> Bullet:
    """The decision as a press officer opens with it, in the note's language.

    "The Security Council adopted resolution 2623 (2022) by a vote of 11 in favour to 1
    against (Russian Federation), with 3 abstentions (China, India, United Arab Emirates)."
    The words around the values come from the label table; every value (the symbol, each
    count, each name) is a `Fact` read from the record's paragraphs, which the key-point
    guard checks, so nothing is stated that the record does not say.
    """
    sources = vote.sources or (vote.pid,)
    facts: list[Fact] = []
    subject, document = _subject(vote)
    if document:
        facts.append(Fact("document", document, sources))
        text = i18n.label(f"point.text.{subject}", lang, document=document)
    else:
        text = i18n.label(f"point.text.{subject}.none", lang)
    if vote.title:  # what the text is about, in the release's words
        facts.append(Fact("title", vote.title, sources))
        text += i18n.label("point.text.title", lang, title=vote.title)
    counted = ((IN_FAVOUR, vote.in_favour, ()), (AGAINST, vote.against, vote.voted_against),
               (ABSTAINING, vote.abstentions, vote.abstaining))
    parts = []
    for side, count, keys in counted:
        if count is None:
            continue
        facts.append(Fact(f"count.{side}", str(count), sources))
        facts += [Fact(side, key, sources) for key in keys]
        named = f" ({', '.join(name(k) for k in keys)})" if keys else ""
        joiner = i18n.label(f"point.tally.join.{side}", lang) if parts else ""
        parts.append(joiner + i18n.count_label(f"point.tally.{side}", count, lang) + named)
    tally = i18n.label("point.tally", lang, parts="".join(parts)) if parts else ""
    decision = "without_vote" if vote.outcome == ADOPTED and vote.without_vote else vote.outcome
    vetoers = ", ".join(name(k) for k in vote.vetoed_by)
    facts += [Fact("vetoed_by", key, sources) for key in vote.vetoed_by]
    if decision == VETOED and not vetoers:
        decision = "failed"
    sentence = i18n.label(f"point.outcome.{decision}", lang, body=i18n.body_subject(body, lang),
                          text=text, tally=tally, names=vetoers)
    return Bullet(text=sentence[:1].upper() + sentence[1:], source=sources, lang=lang,
                  origin=FACTS, facts=tuple(facts))
