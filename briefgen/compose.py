"""Assemble the note: what goes in it, in the reader's language, with nothing invented.

`compose` takes the summaries and the issue analysis and decides, per `--length`, which parts
the note has; it gives every delegation its name in the note's language; and when the note's
language is not the release's it either machine-translates the selected sentences (keeping the
original next to each) or keeps them in the original and says so, in the note and as one
warning for the CLI.  Nothing here reads or rewrites the release's words otherwise.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping

from . import i18n
from .errors import BriefgenError
from .model import (Briefing, Bullet, Issue, IssueAnalysis, Position, Release,
                    Statement, StatementSummary)
from .settings import Settings

# Bullets of each statement shown in the closing list of speakers, and of each position
# under an issue, by --length (0: the part is left out; None: all).  The short note is the
# key points alone; the standard one keeps one sentence per speaker and per position.
SPEAKER_BULLETS: dict[str, int | None] = {"short": 0, "standard": 1, "full": None}
POSITION_BULLETS: dict[str, int | None] = {"short": 0, "standard": 1, "full": None}


def compose(release: Release, summaries: Mapping[int, tuple[Bullet, ...]],
            analysis: IssueAnalysis, settings: Settings) -> Briefing:
    """The Briefing for `release`, in `settings.lang`, at `settings.length`."""
    from .summarize import select_key_points

    if not release.statements:
        what = release.source_name or "the input"
        raise BriefgenError(f"no statements found in {what}: is it a UN meetings-coverage "
                            "press release (press.un.org)?")
    lang, length = settings.lang, settings.length
    if length not in SPEAKER_BULLETS:
        raise BriefgenError(f"unknown length {length!r}; choose from "
                            f"{', '.join(SPEAKER_BULLETS)}")

    name = _namer(lang)
    key_points = select_key_points(release, summaries, settings)
    written = {st.delegation_key: st.delegation for st in release.statements}
    keep = POSITION_BULLETS[length]
    issues = tuple(_localize_issue(issue, lambda k: name(k, written.get(k)), keep)
                   for issue in analysis.issues) if keep != 0 else ()
    divergences = analysis.divergences if keep != 0 else ()
    shown = {b.text for b in key_points} | {b.text for i in issues for p in i.positions
                                             for b in p.summary}
    keep = SPEAKER_BULLETS[length]
    statements = tuple(
        StatementSummary(statement=st, delegation=name(st.delegation_key, st.delegation),
                         summary=_speaker_summary(summaries.get(st.index, ()), shown, keep),
                         figures=_figures(st, release.meeting.language))
        for st in release.statements) if keep != 0 else ()

    briefing = Briefing(release=release, language=lang, key_points=key_points, issues=issues,
                        divergences=divergences, statements=statements, length=length)
    source_lang = release.meeting.language
    if source_lang == lang:
        return briefing
    if settings.translator == "none":
        notice = i18n.label("original_language", lang,
                            language=i18n.language_name(source_lang, lang))
        return dataclasses.replace(briefing, notices=briefing.notices + (notice,))
    return translate_briefing(briefing, _translate_with(settings, source_lang, lang))


def delegation_names(briefing: Briefing) -> dict[str, str]:
    """Delegation key -> display name in the note's language, for every key the note uses.

    Bullets carry keys only; renderers and serializers look the names up here so that a key
    point and a speaker line can never disagree on a delegation's name.
    """
    names: dict[str, str] = {}
    for issue in briefing.issues:
        names.update((p.delegation_key, p.delegation) for p in issue.positions)
    names.update((s.statement.delegation_key, s.delegation) for s in briefing.statements)
    statements = briefing.release.statements
    written = {st.delegation_key: st.delegation for st in statements}
    written.update((st.on_behalf_key, st.on_behalf_of) for st in statements if st.on_behalf_key)
    wanted = {b.delegation_key for b in briefing.key_points if b.delegation_key}
    wanted |= {k for d in briefing.divergences for keys in d.sides.values() for k in keys}
    wanted |= {s.statement.on_behalf_key for s in briefing.statements
               if s.statement.on_behalf_key}
    name = _namer(briefing.language)
    names.update((k, name(k, written.get(k))) for k in wanted - set(names))
    return names


def translate_briefing(briefing: Briefing,
                       translate: Callable[[list[str]], list[str]]) -> Briefing:
    """The same note with every selected sentence translated; each bullet keeps its original.

    Quotes and figures stay verbatim: they are cited, not paraphrased.  One call translates
    every distinct sentence of the note, so a backend can batch them.
    """
    texts = list(dict.fromkeys(b.text for b in _bullets(briefing) if not b.translated))
    translated = dict(zip(texts, translate(texts))) if texts else {}

    def tr(b: Bullet) -> Bullet:
        if b.translated or translated.get(b.text, b.text) == b.text:  # unchanged: rejected
            return b
        return dataclasses.replace(b, text=translated[b.text], original=b.text,
                                   lang=briefing.language, translated=True)

    def tr_position(p: Position) -> Position:
        evidence = tr(p.stance_evidence) if p.stance_evidence else None
        return dataclasses.replace(p, summary=tuple(map(tr, p.summary)),
                                   stance_evidence=evidence)

    return dataclasses.replace(
        briefing,
        key_points=tuple(map(tr, briefing.key_points)),
        issues=tuple(dataclasses.replace(i, positions=tuple(map(tr_position, i.positions)))
                     for i in briefing.issues),
        statements=tuple(dataclasses.replace(s, summary=tuple(map(tr, s.summary)))
                         for s in briefing.statements))


def is_machine_translated(briefing: Briefing) -> bool:
    return any(b.translated for b in _bullets(briefing))


def _bullets(briefing: Briefing) -> Iterable[Bullet]:
    yield from briefing.key_points
    for issue in briefing.issues:
        for p in issue.positions:
            yield from p.summary
            if p.stance_evidence:
                yield p.stance_evidence
    for s in briefing.statements:
        yield from s.summary


def _namer(lang: str) -> Callable[[str, str | None], str]:
    """A function (key, name as written) -> name in `lang`; the written name when the key is
    not one the delegation table knows (display_name then echoes the key)."""
    from .delegations import display_name

    def name(key: str, written: str | None) -> str:
        shown = display_name(key, lang)
        return written if written and shown == key else shown

    return name


def _speaker_summary(bullets: tuple[Bullet, ...], shown: set[str], keep: int | None
                     ) -> tuple[Bullet, ...]:
    """All bullets in order (full), or the first `keep` preferring those not already shown
    elsewhere in the note, so a one-line speaker summary adds a fact instead of repeating
    the speaker's position."""
    if keep is None:
        return bullets
    return tuple(sorted(bullets, key=lambda b: b.text in shown))[:keep]


def _localize_issue(issue: Issue, name: Callable[[str], str], keep: int | None) -> Issue:
    positions = tuple(dataclasses.replace(p, delegation=name(p.delegation_key) or p.delegation,
                                          summary=p.summary[:keep])
                      for p in issue.positions)
    return dataclasses.replace(issue, positions=positions)


def _figures(statement: Statement, lang: str) -> tuple[str, ...]:
    from . import summarize

    finder = getattr(summarize, "key_figures", None)
    return tuple(finder(statement, lang)) if finder else ()


def _translate_with(settings: Settings, source: str, target: str
                    ) -> Callable[[list[str]], list[str]]:
    from .translate import get_translator

    translator = get_translator(settings)
    if translator is None:
        raise BriefgenError(f"translator {settings.translator!r} is not available; "
                            "use --translator none or install it (see briefgen models list)")
    return lambda texts: translator.translate(texts, source, target)
