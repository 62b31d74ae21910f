"""Release text -> Release: header, title, lead, headings, statements, structure.

Attribution is the one thing this tool must not get wrong, so the parser is conservative:
a paragraph or sentence goes to a delegation only when the text names that delegation as the
subject of what is said (a name in capitals with its country, "the representative of Cuba
said", "…, stated France's delegate"), or when it plainly goes on with the speaker already
named (a pronoun, "the representative", no new subject).  Collective subjects ("Many
speakers …") and narration about the body ("The Council then …") break the chain: what
follows them is kept as unattributed rather than guessed.

Three layouts exist (see the corpus README): A, a named speaker opening each turn; B, turns
opened by "the representative of X"; C, thematic paragraphs with attributions inside
sentences.  A and B are read paragraph by paragraph; a section whose attributions mostly sit
inside or at the end of sentences is read sentence by sentence (C), and each delegation's
sentences become one statement.  The choice is made per section from the text itself.  In
every style, a delegation that becomes the subject inside a paragraph ("… Echoing this, the
representative of Poland said …") takes the text over from that sentence or clause on: it is
given its own turn, whose passage is that exact piece of the paragraph (see `_takeovers`).

Vocabulary (honorifics, reporting verbs, headings, collective subjects, titles) comes from
`briefgen.languages`; this module only holds the patterns that put those words together.

The package follows the release from top to bottom: `layout` finds what is not speech
(header, title, headings, lead, structure, meeting facts), `speakers` recognizes who speaks
(named introductions, and the delegate phrases of `phrases`, with the verbs of saying of
`verbs`), `takeovers` finds where another subject takes a paragraph over, and `body` walks
the statement sections into turns and statements.
"""

from __future__ import annotations

import re

from ..errors import BriefgenError
from ..languages import LANGUAGES, detect_language
from ..model import (
    BRIEFING,
    HEADER,
    HEADING,
    LEAD,
    STRUCTURE,
    TITLE,
    UNATTRIBUTED,
    Heading,
    Paragraph,
    Release,
)
from ..votes import find_votes
from .body import _read_body, _section_kind, _statements, display_speaker
from .layout import _count_header, _heading_kind, _is_structure, _lead_end, _meeting, _title_like

__all__ = ["display_speaker", "parse_release", "split_paragraphs"]

def parse_release(text: str, source_name: str = "") -> Release:
    """Parse a release (normalized by `loading`, or raw corpus text) into a Release."""
    texts = split_paragraphs(text)
    lang = detect_language(text)
    data = LANGUAGES[lang]
    pids = [f"p{i}" for i in range(1, len(texts) + 1)]
    kinds: list[str | None] = [None] * len(texts)

    n_header = _count_header(texts, lang)
    for i in range(n_header):
        kinds[i] = HEADER
    title_idx = [i for i in range(n_header, min(n_header + 2, len(texts)))
                 if _title_like(texts[i]) and not _heading_kind(texts[i], lang, body=False)]
    title_idx = title_idx[:1] + [j for j in title_idx[1:] if j == title_idx[0] + 1]
    for i in title_idx:
        kinds[i] = TITLE
    start = max([n_header - 1] + title_idx) + 1

    headings: list[Heading] = []
    previous_agenda = False
    for i in range(start, len(texts)):
        kind = _heading_kind(texts[i], lang)
        if kind is None and previous_agenda and _title_like(texts[i]):
            kind = "agenda"  # the sub-item line under an agenda heading
        previous_agenda = kind == "agenda"
        if kind:
            kinds[i] = HEADING
            headings.append(Heading(pids[i], texts[i], kind))
        elif _is_structure(texts[i], lang):
            kinds[i] = STRUCTURE

    lead_end = _lead_end(texts, kinds, start, lang, data)
    for i in range(start, lead_end):
        if kinds[i] is None:
            kinds[i] = LEAD

    turns, unattributed = _read_body(texts, pids, kinds, lead_end, lang, data)
    briefing_section = any(_section_kind(h.text, lang) == BRIEFING for h in headings)
    statements = _statements(turns, briefing_section)
    if not statements:
        where = source_name or "the input"
        raise BriefgenError(f"no statements found in {where}: is this a UN meetings-coverage "
                            "release?")

    paragraphs = tuple(Paragraph(pid, t, k or UNATTRIBUTED) for pid, t, k in zip(pids, texts, kinds))
    meeting = _meeting(texts, kinds, title_idx, lead_end, lang)
    return Release(
        meeting=meeting,
        paragraphs=paragraphs,
        lead=tuple(pids[i] for i in range(len(texts)) if kinds[i] == LEAD),
        headings=tuple(headings),
        statements=statements,
        unattributed=tuple(unattributed),
        source_name=source_name,
        votes=find_votes(paragraphs, lang, statements, meeting),
    )


def split_paragraphs(text: str) -> list[str]:
    """Blank-line-separated blocks, stripped, in reading order (CRLF tolerated)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return [b.strip() for b in re.split(r"\n[^\S\n]*\n", text) if b.strip()]


