"""Summaries of each statement, and the meeting's key points, behind one small Protocol.

A backend turns statements into bullets; this package picks the backend by name, sets the
length budget from `Settings.length`, and chooses key points across statements.  Backends are
named in `SUMMARIZERS` as import strings so that the default (extractive) path never imports
the neural one, and with it transformers and torch.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Mapping, Sequence
from typing import Protocol

from ..errors import BriefgenError
from ..model import Bullet, IssueAnalysis, Release, Statement
from ..settings import Settings

log = logging.getLogger(__name__)

class Summarizer(Protocol):
    """Anything that summarizes statements.

    `budget` is the most sentences (bullets) one statement may get; a backend may give fewer
    to a short statement.  Every bullet carries the ids of the paragraphs it came from and the
    statement's delegation key, and never mixes two speakers.
    """

    def summarize(self, statements: Sequence[Statement], release: Release, budget: int
                  ) -> list[tuple[Bullet, ...]]:
        """One tuple of bullets per statement, in the same order as `statements`."""
        ...


# Name -> "module:Class".  Classes are built with the run's Settings: `Class(settings)`.
SUMMARIZERS: dict[str, str] = {
    "extractive": "briefgen.summarize.extractive:ExtractiveSummarizer",
    "neural": "briefgen.summarize.neural:NeuralSummarizer",
}

# Most sentences per statement for each --length (standard gives 1-3 by statement length).
BUDGETS: dict[str, int] = {"short": 1, "standard": 3, "full": 6}

# How many key points the note gets for the whole meeting, by --length.
KEY_POINTS: dict[str, int] = {"short": 6, "standard": 6, "full": 8}
MIN_KEY_POINTS, MAX_KEY_POINTS = 4, 8


def get_summarizer(settings: Settings) -> Summarizer:
    """The backend named by `settings.summarizer`, imported only now."""
    target = SUMMARIZERS.get(settings.summarizer)
    if target is None:
        raise BriefgenError(f"unknown summarizer {settings.summarizer!r}; "
                            f"choose from {', '.join(SUMMARIZERS)}")
    module_name, _, class_name = target.partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    return cls(settings)


def budget_for(settings: Settings) -> int:
    """The per-statement sentence budget for `settings.length`."""
    try:
        return BUDGETS[settings.length]
    except KeyError:
        raise BriefgenError(f"unknown length {settings.length!r}; "
                            f"choose from {', '.join(BUDGETS)}") from None


def summarize_release(release: Release, settings: Settings) -> dict[int, tuple[Bullet, ...]]:
    """Statement index -> its summary bullets, with the configured backend.

    Whatever the backend, every bullet passes the faithfulness check here, the one door all
    summaries go through; a bullet that fails is a bug, so it is logged and left out rather
    than put in a delegation's mouth.
    """
    from .faithfulness import check_bullet

    summarizer = get_summarizer(settings)
    results = summarizer.summarize(release.statements, release, budget_for(settings))
    summaries = {}
    for statement, bullets in zip(release.statements, results):
        kept = []
        for bullet in bullets:
            problems = check_bullet(bullet, statement, release)
            if problems:
                log.warning("statement %d: summary sentence left out (%s): %r",
                            statement.index, "; ".join(problems), bullet.text)
            else:
                kept.append(bullet)
        summaries[statement.index] = tuple(kept)
    return summaries


def select_key_points(release: Release, summaries: Mapping[int, tuple[Bullet, ...]],
                      settings: Settings, count: int | None = None,
                      analysis: IssueAnalysis | None = None, *,
                      salience: Mapping[str, float] | None = None,
                      delegations_only: bool = False) -> tuple[Bullet, ...]:
    """The meeting's most telling sentences in the speakers' own words, diverse across
    delegations and issues (see `extractive.key_points`): `count` of them, else 4-8 by
    `settings.length`.  `briefgen.keypoints` builds the note's key points from them and
    from the analysis' facts.

    With the issue analysis, every main issue gets a point and a contested one a point from
    each side; without it, points are chosen from the summaries alone."""
    from .extractive import key_points

    wanted = count if count is not None else max(
        MIN_KEY_POINTS, min(MAX_KEY_POINTS, KEY_POINTS.get(settings.length, 6)))
    return key_points(release, summaries, wanted, analysis, salience=salience,
                      delegations_only=delegations_only)


def key_figures(statement: Statement, lang: str) -> tuple[str, ...]:
    """The statement's quotations and key figures (numbers with their unit, document
    symbols), verbatim, in order, once each: what a desk editor lists per delegation."""
    from .compress import find_figures

    return find_figures(statement.text, lang)


__all__ = ["BUDGETS", "SUMMARIZERS", "Summarizer", "budget_for", "get_summarizer",
           "key_figures", "select_key_points", "summarize_release"]
