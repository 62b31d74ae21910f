"""Assemble the note: what goes in it, in the reader's language, with nothing invented.

`compose` takes the summaries and the issue analysis and decides, per `--length`, which parts
the note has; it gives every delegation its name in the note's language; and when the note's
language is not the release's it either machine-translates the selected sentences (keeping the
original next to each) or keeps them in the original and says so, in the note and as one
warning for the CLI.  Nothing here reads or rewrites the release's words otherwise.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping

from . import i18n
from .errors import BriefgenError
from .outcome import outcomes
from .model import (
    FACTS,
    STANCES,
    Briefing,
    Bullet,
    Issue,
    IssueAnalysis,
    Position,
    Release,
    Statement,
    StatementSummary,
)
from .settings import Settings

# Bullets of each statement shown in the closing list of speakers, and of each position
# under an issue, by --length (0: the part is left out; None: all).  The short note is the
# key points alone; the standard one keeps one sentence per speaker and per position.
SPEAKER_BULLETS: dict[str, int | None] = {"short": 0, "standard": 1, "full": None}
POSITION_BULLETS: dict[str, int | None] = {"short": 0, "standard": 1, "full": None}
# What keeps the standard note of a twenty-speaker debate on two pages, as a desk editor
# would cut it: under each issue only the POSITION_LINES most distinct positions keep their
# sentence (spread over the sides of a contested issue), the other delegations are listed by
# name; and a position or speaker line longer than LINE_CHARS loses trailing clauses, or is
# not used.  None: no limit (the full note keeps everything).
POSITION_LINES: dict[str, int | None] = {"short": 0, "standard": 3, "full": None}
LINE_CHARS: dict[str, int | None] = {"short": None, "standard": 170, "full": None}
# Key points may run longer than a line, but a 300-character sentence is a paragraph: its
# first clause is kept when it stands alone (see _clip), else the whole sentence.
KEY_POINT_CHARS: dict[str, int | None] = {"short": 240, "standard": 240, "full": None}

# A one-line summary must say something on its own: enough words, and readable with nothing
# before it (see `summarize.standalone`: no "These measures are essential").
MIN_WORDS = 8
# Trailing clauses that may not be dropped: they restrict or reverse what comes before
# ("support, provided that ...", "soutien, pour autant que ...").
RESTRICTIVE = {"en": ("but", "provided", "unless", "except", "although", "though", "while",
                      "whereas", "only", "not", "without", "if", "as long as", "so long as",
                      "however", "yet", "subject to", "rather"),
               "fr": ("mais", "pour autant", "à condition", "sauf", "sans", "bien que",
                      "quoique", "si", "s’il", "tout en", "alors que", "même si", "à moins",
                      "cependant", "toutefois", "néanmoins", "ne", "n’", "sous réserve",
                      "pas", "plutôt")}
# A sentence that opens on a fronted phrase ("In line with the Charter, which ..., X said")
# has its main clause late: no prefix of it stands alone, so it is never shortened.
FRONTED = {"en": (("in", "on", "at", "as", "with", "despite", "after", "given", "for",
                   "regarding", "concerning", "while", "although", "if", "when", "under",
                   "following", "since", "because", "beyond", "amid", "against", "by",
                   "through", "during", "before", "without"), "ing"),
           "fr": (("conformément", "s’agissant", "concernant", "en", "face", "après",
                   "malgré", "compte", "pour", "dans", "sur", "selon", "outre", "lors",
                   "depuis", "devant", "quant", "alors", "si", "bien", "au", "aux", "à",
                   "par", "avec", "avant", "durant", "pendant", "sans"),
                  "ant")}
# A prefix may not end on a word that needs what follows ("He added that, ...", "…; however").
DANGLING = {"en": {"that", "and", "or", "of", "to", "the", "a", "an", "which", "who", "however",
                   "but", "yet", "though", "although", "nevertheless", "moreover", "thus"},
            "fr": {"que", "qu", "et", "ou", "de", "d", "du", "des", "à", "le", "la", "les",
                   "l", "qui", "dont", "où", "mais", "cependant", "toutefois", "néanmoins",
                   "pourtant", "or", "donc", "ainsi"}}
_OPENING, _CLOSING = "«“(", "»”)"
_WORDS = re.compile(r"\w+")


def compose(release: Release, summaries: Mapping[int, tuple[Bullet, ...]],
            analysis: IssueAnalysis, settings: Settings) -> Briefing:
    """The Briefing for `release`, in `settings.lang`, at `settings.length`."""
    from .keypoints import key_points as opening

    if not release.statements:
        what = release.source_name or "the input"
        raise BriefgenError(f"no statements found in {what}: is it a UN meetings-coverage "
                            "press release (press.un.org)?")
    lang, length = settings.lang, settings.length
    if length not in SPEAKER_BULLETS:
        raise BriefgenError(f"unknown length {length!r}; choose from "
                            f"{', '.join(SPEAKER_BULLETS)}")

    name = _namer(lang)
    written = {st.delegation_key: st.delegation for st in release.statements}
    key_points = tuple(point if point.origin == FACTS else
                       _clip(point, KEY_POINT_CHARS[length]) or point
                       for point in opening(release, summaries, analysis, settings,
                                            lambda k: name(k, written.get(k))))
    keep, limit = POSITION_BULLETS[length], LINE_CHARS[length]
    shown = {b.text for b in key_points}
    edited = []
    for issue in analysis.issues if keep != 0 else ():  # no sentence in two sections
        edited.append(_edit_issue(issue, shown, POSITION_LINES[length], limit))
        shown |= {b.text for p in edited[-1].positions for b in p.summary}
    issues = tuple(_localize_issue(issue, lambda k: name(k, written.get(k)), keep, limit)
                   for issue in edited)
    divergences = analysis.divergences if keep != 0 else ()
    keep = SPEAKER_BULLETS[length]
    statements = tuple(
        StatementSummary(statement=st, delegation=name(st.delegation_key, st.delegation),
                         summary=_speaker_summary(summaries.get(st.index, ()), shown, keep,
                                                  limit),
                         figures=_figures(st, release.meeting.language))
        for st in release.statements) if keep != 0 else ()

    rows = outcomes(release, lang, lambda k: name(k, written.get(k)))
    briefing = Briefing(release=release, language=lang, key_points=key_points,
                        issues=issues, divergences=divergences, statements=statements,
                        length=length, outcomes=rows)
    source_lang = release.meeting.language
    if source_lang == lang:
        return briefing
    if settings.translator == "none":
        notice = i18n.label("original_language", lang,
                            language=i18n.language_name(source_lang, lang))
        return dataclasses.replace(briefing, notices=briefing.notices + (notice,))
    return translate_briefing(briefing, _translate_with(settings, source_lang, lang))


def briefing_title(briefing: Briefing) -> str:
    """The note's title: the release's own, else the body and the issues the note found.

    Releases scraped from the web page often lack their headline; a file name is no title for
    a diplomat, and the body plus the issue labels say what the meeting was about without
    inventing anything.  A note in another language than the release's is titled that way
    too, in its own language ("Security Council: CSTO's deployment in Kazakhstan, …"); the
    templates show the release's headline beneath it.
    """
    meeting = briefing.release.meeting
    if meeting.title and (meeting.language == briefing.language or not briefing.issues):
        return meeting.title
    all_labels = [issue.label for issue in briefing.issues]
    # "Gaza" says nothing that "Humanitarian situation in Gaza" does not.
    distinct = [label for label in all_labels
                if not any(label != other and label.casefold() in other.casefold()
                           for other in all_labels)]
    labels = ", ".join(distinct[:3])
    body = i18n.body_name(meeting.body, briefing.language)
    if body and labels:
        return i18n.label("title", briefing.language, body=body, issues=labels)
    return body or labels or i18n.label("note", briefing.language)


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
    wanted |= {k for s in briefing.statements for k in s.statement.on_behalf_keys}
    name = _namer(briefing.language)
    names.update((k, name(k, written.get(k))) for k in wanted - set(names))
    return names


def translate_briefing(briefing: Briefing,
                       translate: Callable[[list[str]], list[str]]) -> Briefing:
    """The same note with every selected sentence translated; each bullet keeps its original.

    Quotes and figures stay verbatim: they are cited, not paraphrased.  One call translates
    every distinct sentence of the note, so a backend can batch them.
    """
    # a sentence written from facts is in the note's language already; an unchanged text
    # is one the backend rejected
    texts = list(dict.fromkeys(b.text for b in _bullets(briefing)
                               if not b.translated and b.origin != FACTS))
    translated = dict(zip(texts, translate(texts))) if texts else {}

    def tr(b: Bullet) -> Bullet:
        if b.origin == FACTS or b.translated or translated.get(b.text, b.text) == b.text:
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


def _speaker_summary(bullets: tuple[Bullet, ...], shown: set[str], keep: int | None,
                     limit: int | None) -> tuple[Bullet, ...]:
    """All bullets in order (full), or the `keep` shortest informative ones within `limit`
    characters, preferring those not already shown elsewhere in the note (so a one-line
    speaker summary adds a fact instead of repeating the speaker's position), then whole
    sentences over shortened ones."""
    if keep is None:
        return bullets
    clipped = [(b, short if short and _informative(short) else None)
               for b, short in ((b, _clip(b, limit)) for b in bullets)]
    # A line that says something beats one not shown elsewhere: "Also speaking today was the
    # Permanent Observer…" is no summary, even if it is the only unused sentence.
    ranked = sorted(clipped, key=lambda pair: (pair[1] is None and not _informative(pair[0]),
                                               _shown(pair[0].text, shown), pair[1] is None,
                                               not _informative(pair[0]),
                                               pair[1] is not pair[0],
                                               len((pair[1] or pair[0]).text)))
    return tuple(short or whole for whole, short in ranked[:keep])


def _edit_issue(issue: Issue, shown: set[str], lines: int | None, limit: int | None
                ) -> Issue:
    """The issue with a sentence for at most `lines` positions, the others by name only; a
    sentence already `shown` (a key point, an earlier issue's) is not shown again.

    Kept first: positions whose sentence is not a key point already and says what the others
    do not (most words no other position of the issue uses); on a contested issue the sides
    take turns, so each side is heard.  A kept sentence must fit `limit` characters once
    shortened (see `_clip`).
    """
    if lines is None:  # every sentence, less those an earlier part of the note shows
        seen, kept = set(shown), []
        for p in issue.positions:
            kept.append(dataclasses.replace(p, summary=tuple(
                b for b in p.summary if not _shown(b.text, seen))))
            seen |= {b.text for b in p.summary}
        return dataclasses.replace(issue, positions=tuple(kept))
    positions = issue.positions
    words = [_content_words(p.summary[0].text) if p.summary else set() for p in positions]

    def rank(i: int) -> tuple[int, int]:
        others = set().union(*(w for j, w in enumerate(words) if j != i))
        return -len(words[i] - others), len(positions[i].summary[0].text)

    usable = [i for i, p in enumerate(positions)
              if p.summary and not _shown(p.summary[0].text, shown)
              and _informative(p.summary[0]) and _clip(p.summary[0], limit, issue.terms)]
    groups = [[i for i in usable if positions[i].stance == stance] for stance in STANCES]
    groups.append([i for i in usable if positions[i].stance not in STANCES])
    queues = [sorted(group, key=rank) for group in groups if group]
    chosen: set[int] = set()
    said: set[str] = set()  # two voters placed by the same record show it once
    while len(chosen) < lines and any(queues):  # the sides take turns
        for queue in queues:
            if queue and len(chosen) < lines:
                i = queue.pop(0)
                if positions[i].summary[0].text not in said:
                    chosen.add(i)
                    said.add(positions[i].summary[0].text)
    return dataclasses.replace(issue, positions=tuple(
        dataclasses.replace(p, summary=p.summary[:1] if i in chosen else ())
        for i, p in enumerate(positions)))


def _shown(text: str, shown: set[str]) -> bool:
    """Already in the note: as a line of its own, inside one (a briefer's key point joins
    two of the briefing's sentences), or clipped ("Member States will vote on …" is the
    sentence it starts)."""
    return text in shown or any(text in line or (line.endswith("…") and text.startswith(
        line[:-1].rstrip())) for line in shown)


def _content_words(text: str) -> set[str]:
    return {w.casefold() for w in _WORDS.findall(text) if len(w) > 3}


def _informative(bullet: Bullet) -> bool:
    from .summarize.standalone import says_something, stands_alone

    return len(_WORDS.findall(bullet.text)) >= MIN_WORDS and (
        bullet.lang not in ("en", "fr") or stands_alone(bullet.text, bullet.lang)
        and says_something(bullet.text, bullet.lang))


def _clip(bullet: Bullet, limit: int | None, terms: Iterable[str] = ()) -> Bullet | None:
    """The bullet within `limit` characters, or None when it cannot be shortened safely.

    Only the first clause is kept, up to the first comma outside quotes and brackets, marked
    "…": the words left are a prefix of the sentence, so they still appear in the statement
    in order.  (A later comma may close an incise: "X, as well as Y, is ..." has no first
    clause that stands alone, and a prefix of at least MIN_WORDS words rules most such
    subjects out.)  What follows is never dropped when it restricts what precedes it, nor
    when the prefix needs it (a prefix ending on "that"/"que"), nor in a sentence whose main
    clause comes after a fronted phrase.  Under an issue (`terms`), a line filed there for
    what it says on the issue keeps that: a prefix that loses every term of the issue the
    sentence mentions is no clip.
    """
    text = bullet.text
    if limit is None or len(text) <= limit:
        return bullet
    lang = bullet.lang
    prepositions, participle = FRONTED.get(lang, ((), "\0"))
    first = text.split()[0].casefold()
    if first in prepositions or first.endswith(participle) or \
            any(first.startswith(p + "’") for p in ("s", "d", "l", "qu")):
        return None
    depth = 0
    for i, char in enumerate(text[:limit]):
        depth += (char in _OPENING) - (char in _CLOSING)
        if char == "," and depth == 0 and text[i + 1:i + 2].isspace():
            break
    else:
        return None
    head, rest = text[:i].rstrip(), text[i + 1:].lstrip().casefold()
    last = _WORDS.findall(head)[-1:] or [""]
    if len(head.split()) < MIN_WORDS or last[0].casefold() in DANGLING.get(lang, ()) \
            or _opens_with(rest, RESTRICTIVE.get(lang, ())) or _loses_issue(text, head, terms):
        return None
    clipped = dataclasses.replace(bullet, text=head + "…")
    # What is left must still stand on its own: "Said she voted in favour of the draft…" is
    # the first clause of a sentence whose reason came after the comma.
    return clipped if not _informative(bullet) or _informative(clipped) else None


def _loses_issue(text: str, head: str, terms: Iterable[str]) -> bool:
    """Does the sentence mention the issue (one of its `terms`) only in what a clip drops?"""
    mentioned = [t.casefold() for t in terms if isinstance(t, str) and t.casefold() in
                 text.casefold()]
    return bool(mentioned) and not any(t in head.casefold() for t in mentioned)


def _opens_with(text: str, openers: Iterable[str]) -> bool:
    """`text` starts with one of `openers` as whole words ("si" opens "si le", not "situation")."""
    return any(text.startswith(o) and (o[-1] in "’'" or not text[len(o):len(o) + 1].isalnum())
               for o in openers)


def _localize_issue(issue: Issue, name: Callable[[str], str], keep: int | None,
                    limit: int | None) -> Issue:
    positions = tuple(dataclasses.replace(p, delegation=name(p.delegation_key) or p.delegation,
                                          summary=tuple(_clip(b, limit, issue.terms) or b
                                                        for b in p.summary[:keep]))
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
