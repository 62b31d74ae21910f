"""The note's Sources appendix: every release paragraph the note cites, word for word.

A ¶ number is only checkable by a reader who has the release at hand; the appendix puts the
cited paragraphs in the note itself, each reference links to its paragraph and each paragraph
links back to where it is cited.  What is cited is recorded while the template renders
(`Citations`), so the appendix holds exactly the paragraphs the rendered note refers to, a
user template's own sections included, and nothing that a template left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Release

# Whether a note length gets the appendix when the user did not say (--sources/--no-sources):
# the full note is the one read as a record; the others stay short unless asked.
DEFAULT_BY_LENGTH = {"short": False, "standard": False, "full": True}


def wanted(sources: bool | None, length: str) -> bool:
    """The user's choice, else the default for the note's length."""
    return DEFAULT_BY_LENGTH.get(length, False) if sources is None else sources


def number(pid: str) -> str:
    """The paragraph number a reader sees: "p12" -> "12"."""
    return re.sub(r"^p(?=\d)", "", pid)


def target(pid: str) -> str:
    """The appendix anchor of a paragraph, in the HTML and as the PDF's named destination."""
    return f"source-{pid}"


@dataclass(frozen=True, slots=True)
class Ref:
    """One ¶ number in the note: where it points, and its own anchor when it is the first
    citation of that paragraph in its section (the appendix links back to those)."""

    pid: str
    number: str
    target: str
    id: str | None


@dataclass(frozen=True, slots=True)
class BackLink:
    section: str
    id: str


@dataclass(frozen=True, slots=True)
class CitedParagraph:
    pid: str
    number: str
    text: str  # Paragraph.text, untouched
    speakers: tuple[str, ...]  # "United Kingdom (Barbara Woodward)", in speaking order
    back_links: tuple[BackLink, ...]


@dataclass(slots=True)
class Citations:
    """The ¶ references of one rendering, in the order the template writes them.

    Mutable on purpose and short-lived: one is made per rendering (render.context) and the
    template calls it as it goes, so the appendix, rendered last, sees every citation.
    """

    release: Release
    cited: dict[str, list[BackLink]] = field(default_factory=dict)

    def __call__(self, pid: str, section: str = "") -> Ref:
        links = self.cited.setdefault(pid, [])
        first = bool(section) and all(link.section != section for link in links)
        own = f"cite-{section}-{pid}" if first else None
        if own:
            links.append(BackLink(section, own))
        return Ref(pid, number(pid), target(pid), own)

    def paragraphs(self, names: dict[str, str]) -> list[CitedParagraph]:
        """Every cited paragraph of the release, in reading order, with who spoke it."""
        known = {p.pid: p for p in self.release.paragraphs}
        order = {pid: i for i, pid in enumerate(known)}
        speakers = _speakers(self.release, names)
        return [CitedParagraph(pid, number(pid), known[pid].text, speakers.get(pid, ()),
                               tuple(self.cited[pid]))
                for pid in sorted((p for p in self.cited if p in known), key=order.get)]


def _speakers(release: Release, names: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Paragraph id -> the delegations (with the speaker's name) whose statements hold it.

    A paragraph is usually one speaker's; in releases that summarize several delegations in
    one paragraph (style C) it can be more than one.
    """
    found: dict[str, dict[str, None]] = {}
    for statement in release.statements:
        who = names.get(statement.delegation_key) or statement.delegation or ""
        if statement.speaker_display:
            who = f"{who} ({statement.speaker_display})" if who else statement.speaker_display
        if not who:
            continue
        for pid in statement.paragraphs:
            found.setdefault(pid, {})[who] = None
    return {pid: tuple(whos) for pid, whos in found.items()}
