"""briefgen: faithful briefing notes from UN meetings-coverage press releases.

    >>> from briefgen import make_briefing, render
    >>> note = make_briefing("release.txt", Settings(lang="en"))  # doctest: +SKIP
    >>> pdf_bytes = render(note, "pdf")                             # doctest: +SKIP
"""

import logging

from .errors import BriefgenError
from .model import Briefing, Bullet, Issue, Meeting, Paragraph, Position, Release, Statement
from .pipeline import make_briefing, parse_source
# Imported eagerly on purpose: the package-level `render` function must win over the
# `briefgen.render` submodule attribute, which a lazy import would set on first use.
from .render import render
from .settings import Settings


__all__ = ["BriefgenError", "Briefing", "Bullet", "Issue", "Meeting", "Paragraph", "Position",
           "Release", "Settings", "Statement", "make_briefing", "parse_source", "render"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
