"""Is every bullet the attributed speaker's own words?  Always on, for every backend.

Two layers, because they guard against different failures:

* extractive text (and the extractive fallback) must be a word subsequence of the attributed
  statement's passages: compression may delete words, never add, change or reorder them, and
  only the first word may change case (capitalized after a cut);
* for every origin, abstractive included, the names (capitalized words), numbers and document
  symbols of the bullet must appear in its source paragraph(s) of that statement.

A translated bullet is checked through its source-language `original`.  The check reads only
the statement's passages, never whole paragraphs, so that in style C (several speakers in one
paragraph) a sentence of another speaker in the same paragraph does not count as a source.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

from ..model import EXTRACTIVE, FACTS, FALLBACK, Bullet, Release, Statement
from .compress import NUMBER, SYMBOL, WORD

_NUMBER = re.compile(r"(?<![\w/])(?:" + NUMBER + r")(?!\w)", re.UNICODE)
_CAPITALIZED = re.compile(r"\b[^\W\d_][\w’'-]*", re.UNICODE)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;«“\"(]\s*|\s[–—-]\s*)$")
# A document number and the parenthesis that completes its symbol: `resolution 3314 (XXIX)`,
# `2712 (2023)`.  Without it the number names another text, or none.
_NUMBERED_SYMBOL = re.compile(r"(?<![\w/])(\d+)\s*\((?:\d{4}|[IVXLC]+)\)")


def check_bullet(bullet: Bullet, statement: Statement, release: Release, *,
                 abstractive: bool | None = None) -> list[str]:
    """What is wrong with attributing `bullet` to `statement`; empty when it is faithful.

    `abstractive` (default: from the bullet's origin) skips the word-order check, which only
    extractive text can pass; names, numbers and symbols are checked either way.
    """
    if abstractive is None:
        abstractive = bullet.origin not in (EXTRACTIVE, FALLBACK)
    problems: list[str] = []
    own = set(statement.paragraphs)
    if not bullet.source:
        problems.append("bullet has no source paragraph")
    kinds = {p.pid: p.kind for p in release.paragraphs}
    foreign = [f"{pid} ({kinds.get(pid, 'unknown paragraph')})"
               for pid in bullet.source if pid not in own]
    if foreign:
        problems.append(f"source {', '.join(foreign)} is not part of statement {statement.index}")
    if bullet.delegation_key is not None and bullet.delegation_key != statement.delegation_key:
        problems.append(f"bullet is attributed to {bullet.delegation_key}, "
                        f"the statement to {statement.delegation_key}")
    sources = [p.text for p in statement.passages if p.pid in bullet.source] or \
        [p.text for p in statement.passages]
    source = "\n\n".join(sources)
    text = bullet.original if bullet.translated and bullet.original else bullet.text
    if not abstractive and not is_subsequence(text, source):
        problems.append(f"words not found in this order in statement {statement.index}: "
                        f"{_first_missing(text, source)!r}")
    problems.extend(entity_problems(text, source))
    return problems


def entity_problems(text: str, source: str) -> list[str]:
    """Names, numbers and document symbols of `text` that `source` does not contain."""
    problems = []
    facts = _source_facts(source)
    for number in _NUMBER.findall(text):
        if _digits(number) not in facts.numbers:
            problems.append(f"number {number!r} is not in the source")
    for symbol in SYMBOL.findall(text):
        if _squeeze(symbol) not in facts.squeezed:
            problems.append(f"document symbol {symbol!r} is not in the source")
    for number in facts.symbol_numbers:
        bare = re.compile(r"(?<![\w/])" + number + r"(?!\w)(?!\s*\()")
        if bare.search(text) and not bare.search(source):
            problems.append(f"document symbol {number!r} lost its parenthesis")
    for match in _CAPITALIZED.finditer(text):
        name = match.group()
        if not name[0].isupper() or _SENTENCE_START.search(text[:match.start()]):
            continue
        missing = [w for w in WORD.findall(name) if w.lower() not in facts.words]
        if missing:
            problems.append(f"name {name!r} is not in the source")
    return problems


def is_subsequence(text: str, source: str) -> bool:
    """All words of `text` occur in `source` in the same order (first word in any case)."""
    return _first_missing(text, source) is None


def _first_missing(text: str, source: str) -> str | None:
    wanted = WORD.findall(text)
    available = iter(_source_facts(source).sequence)
    for i, word in enumerate(wanted):
        same = (lambda w, target=word: w.lower() == target.lower()) if i == 0 else \
            (lambda w, target=word: w == target)
        if not any(same(w) for w in available):
            return word
    return None


def check_summaries(release: Release, summaries: Mapping[int, tuple[Bullet, ...]],
                    key_points: tuple[Bullet, ...] = ()) -> list[str]:
    """Every problem in a release's statement summaries and key points, each naming where.

    A key point names its delegation and source paragraphs but not its statement, so it is
    faithful when some statement of that delegation holding those paragraphs accepts it.
    """
    by_index = {s.index: s for s in release.statements}
    problems = []
    for index, bullets in summaries.items():
        statement = by_index.get(index)
        if statement is None:
            problems.append(f"summary for unknown statement {index}")
            continue
        for bullet in bullets:
            problems.extend(f"statement {index}: {p}" for p in
                            check_bullet(bullet, statement, release))
    for number, bullet in enumerate(key_points, 1):
        if bullet.origin == FACTS:  # written from facts: each fact against its paragraphs
            problems.extend(f"key point {number}: {p}" for p in fact_problems(bullet, release))
            continue
        if bullet.delegation_key is None:  # the release's own words, no delegation's
            problems.extend(f"key point {number}: {p}" for p in meeting_problems(bullet, release))
            continue
        candidates = [s for s in release.statements
                      if s.delegation_key == bullet.delegation_key
                      and set(bullet.source) <= set(s.paragraphs)]
        if not any(not check_bullet(bullet, s, release) for s in candidates):
            problems.append(f"key point {number} is not faithful to any statement of "
                            f"{bullet.delegation_key} in {', '.join(bullet.source) or 'no paragraph'}")
    return problems


def meeting_problems(bullet: Bullet, release: Release) -> list[str]:
    """What is wrong with a bullet that no delegation says (a vote's outcome): its words, in
    order, and its names, numbers and symbols must come from its source paragraphs."""
    by_id = {p.pid: p.text for p in release.paragraphs}
    missing = [pid for pid in bullet.source if pid not in by_id]
    if not bullet.source or missing:
        return [f"source {', '.join(missing) or 'missing'} is not a paragraph of the release"]
    source = "\n\n".join(by_id[pid] for pid in bullet.source)
    text = bullet.original if bullet.translated and bullet.original else bullet.text
    problems = [] if is_subsequence(text, source) else [
        (f"words not found in this order in {', '.join(bullet.source)}: "
         f"{_first_missing(text, source)!r}")]
    return problems + entity_problems(text, source)


class _SourceFacts(NamedTuple):
    sequence: tuple[str, ...]  # its words, in order
    words: frozenset[str]  # the same, lower-cased
    numbers: frozenset[str]  # its figures, digits only
    squeezed: str  # the text without whitespace, for document symbols
    symbol_numbers: tuple[str, ...]  # numbers written as a symbol, "2712" of "2712 (2023)"


@lru_cache(maxsize=1024)
def _source_facts(source: str) -> _SourceFacts:
    """What the checks need of a source, worked out once: every bullet and every candidate of
    a statement is checked against the same passages."""
    sequence = tuple(WORD.findall(source))
    return _SourceFacts(
        sequence=sequence,
        words=frozenset(w.lower() for w in sequence),
        numbers=frozenset(_digits(n) for n in _NUMBER.findall(source)),
        squeezed=_squeeze(source),
        symbol_numbers=tuple(sorted({m.group(1) for m in _NUMBERED_SYMBOL.finditer(source)})),
    )


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# Slots whose value is a delegation key; the rest are counts, or text as the release writes it.
_DELEGATION_SLOTS = frozenset({"in_favour", "against", "abstaining", "vetoed_by", "supports",
                               "concerned", "neutral", "speaker"})
_VERBATIM_SLOTS = frozenset({"document", "title", "phrase", "quote"})
# Counts the analysis computed ("14 of 22 speakers", "and 3 others"): no paragraph says them.
_COMPUTED_SLOTS = frozenset({"total", "others"})
# How a record writes a count in words ("12 in favour to none against", "une abstention").
_NUMBER_WORDS = {
    "en": ("zero|none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
           "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen"),
    "fr": ("zéro|aucune?", "une?", "deux", "trois", "quatre", "cinq", "six", "sept", "huit",
           "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze"),
}


def fact_problems(bullet: Bullet, release: Release) -> list[str]:
    """What is wrong with a sentence written from facts (origin FACTS); empty when faithful.

    Every fact must be read in its own paragraphs: a delegation by a name of it there or as
    the speaker of that paragraph, a count as its figure (or the word for it), a symbol,
    phrase or quote word for word.  And the sentence may state no number that is not a fact:
    each is a recorded count, the size of a group of facts it lists (computed, never
    copied), the `total` it was counted against, or part of a verbatim value.
    """
    from ..delegations import named_keys

    if not bullet.facts:
        return ["a sentence written from facts has no facts"]
    by_id = {p.pid: p.text for p in release.paragraphs}
    speakers = {(pid, s.delegation_key) for s in release.statements for pid in s.paragraphs}
    problems = []
    for fact in bullet.facts:
        missing = [pid for pid in fact.source if pid not in by_id]
        if fact.slot in _COMPUTED_SLOTS:
            if not fact.value.isdigit():
                problems.append(f"{fact.slot} {fact.value!r} is not a count")
            continue
        if missing or not fact.source:
            problems.append(f"{fact.slot} {fact.value!r}: source "
                            f"{', '.join(missing) or 'missing'} is not a paragraph of the release")
            continue
        text = "\n\n".join(by_id[pid] for pid in fact.source)
        if fact.slot in _DELEGATION_SLOTS:
            if fact.value not in named_keys(text) and not any(
                    (pid, fact.value) in speakers for pid in fact.source):
                problems.append(f"{fact.slot} {fact.value} is not named in "
                                f"{', '.join(fact.source)}")
        elif fact.slot.startswith("count."):
            words = _NUMBER_WORDS.get(release.meeting.language, ())
            word = words[int(fact.value)] if fact.value.isdigit() and int(fact.value) < len(
                words) else None
            if not re.search(rf"(?<![\d.,]){fact.value}(?![\d])", text) and not (
                    word and re.search(rf"\b(?:{word})\b", text, re.IGNORECASE)):
                problems.append(f"{fact.slot} {fact.value} is not in {', '.join(fact.source)}")
        elif fact.slot == "quote":
            if not is_subsequence(fact.value, text):
                problems.append(f"quote not found in this order in {', '.join(fact.source)}")
        elif fact.slot in _VERBATIM_SLOTS:
            if _spaced(fact.value).casefold() not in _spaced(text).casefold():
                problems.append(f"{fact.slot} {fact.value!r} is not in {', '.join(fact.source)}")
    return problems + _unexplained_numbers(bullet)


def _unexplained_numbers(bullet: Bullet) -> list[str]:
    allowed = {f.value for f in bullet.facts
               if f.slot.startswith("count.") or f.slot in _COMPUTED_SLOTS}
    groups: dict[str, int] = {}
    for fact in bullet.facts:
        if fact.slot in _DELEGATION_SLOTS:
            groups[fact.slot] = groups.get(fact.slot, 0) + 1
    allowed |= {str(n) for n in groups.values()}
    text = bullet.text
    for fact in bullet.facts:
        if fact.slot in _VERBATIM_SLOTS:
            text = text.replace(fact.value, " ")
    return [f"number {n} is no fact of the sentence" for n in re.findall(r"\d+", text)
            if n not in allowed]


def _spaced(text: str) -> str:
    return re.sub(r"\s+", " ", text)
