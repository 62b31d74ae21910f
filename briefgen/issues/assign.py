"""Which sentences of each statement address which issue.

A sentence addresses an issue when it names it (see `matchers.hits`).  A sentence that names
no issue but continues the previous one ("Elle a enfin indiqué que l'intervention …",
"This, he said, …") stays with the previous sentence's issues, within the same paragraph:
a new paragraph is where releases change subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .matchers import Matcher, SentenceFacts, hits
from .text import Unit
from .vocab import compile_terms, labels_table


@dataclass(frozen=True, slots=True)
class Assignment:
    unit: Unit
    issues: frozenset[str]  # issue ids
    direct: frozenset[str]  # the ones it names itself (the rest are carried over)
    terms: dict[str, tuple[str, ...]]  # issue id -> words that matched


@lru_cache(maxsize=4)
def _cohesion(lang: str) -> re.Pattern[str]:
    return compile_terms(labels_table()["cohesion"][lang])


def assign(units: list[Unit], facts: list[SentenceFacts], matchers: list[Matcher],
           lang: str) -> list[Assignment]:
    cohesion = _cohesion(lang)
    out: list[Assignment] = []
    previous: Assignment | None = None
    for unit, fact in zip(units, facts):
        terms = {m.id: tuple(found) for m in matchers if (found := hits(m, unit, fact))}
        direct = frozenset(terms)
        issues = direct
        if (not direct and previous and previous.issues
                and previous.unit.paragraph == unit.paragraph
                and previous.unit.statement == unit.statement
                and cohesion.search(unit.folded)):
            issues = previous.issues
        previous = Assignment(unit, issues, direct, terms)
        out.append(previous)
    return out
