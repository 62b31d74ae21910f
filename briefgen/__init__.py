"""briefgen: faithful briefing notes from UN meetings-coverage press releases.

    >>> from briefgen import make_briefing, render
    >>> note = make_briefing("release.txt", Settings(lang="en"))  # doctest: +SKIP
    >>> pdf_bytes = render(note, "pdf")                             # doctest: +SKIP
"""

import logging

from .errors import BriefgenError
from .model import Briefing, Bullet, Issue, Meeting, Paragraph, Position, Release, Statement
from .pipeline import make_briefing, parse_source
from .settings import Settings


def render(briefing: Briefing, fmt: str = "pdf", templates=None) -> bytes:
    """Render a Briefing as pdf, html, md, json or ninjs bytes."""
    from .render import render as _render

    return _render(briefing, fmt, templates)


__all__ = ["BriefgenError", "Briefing", "Bullet", "Issue", "Meeting", "Paragraph", "Position",
           "Release", "Settings", "Statement", "make_briefing", "parse_source", "render"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
