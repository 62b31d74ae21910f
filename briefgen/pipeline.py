"""The whole path, release text in, Briefing out, as one function newsroom scripts can call.

Stages are imported here and nowhere else in sequence, so reading this file is reading the
design: load -> parse -> summarize -> issues -> compose.  Rendering is separate
(`briefgen.render`) because one Briefing is usually written in several formats.
"""

from __future__ import annotations

from pathlib import Path

from .model import Briefing, Release
from .settings import Settings


def parse_source(source: str | Path | bytes, *, name: str = "") -> Release:
    """Read a file path, '-' (stdin) or raw bytes/str and parse it into a Release."""
    from .loading import read_source
    from .parse import parse_release

    text, stem = read_source(source)
    return parse_release(text, source_name=name or stem)


def make_briefing(source: str | Path | bytes | Release, settings: Settings | None = None,
                  *, name: str = "") -> Briefing:
    """Build the briefing note for one release.

    `source` is a path, '-', the release's bytes/text, or an already parsed Release.
    """
    from .compose import compose
    from .issues import find_issues
    from .summarize import summarize_release

    settings = settings or Settings()
    release = source if isinstance(source, Release) else parse_source(source, name=name)
    summaries = summarize_release(release, settings)
    analysis = find_issues(release, settings)
    return compose(release, summaries, analysis, settings)
