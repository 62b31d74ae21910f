"""The note as an IPTC ninjs 2.1 news item, for newsroom content systems to ingest.

ninjs 2.x (https://www.iptc.org/std/ninjs/) replaced 1.x's `headline`, `body_text`, `subject`
and the renditions map with arrays of objects (`headlines`, `bodies`, `subjects`,
`renditions`), so every property has a fixed name; only `uri` is required.  The item carries:
the meeting title as the main headline, the key points as the summary description, the note
as plain text in the note's language, one subject per issue of the meeting, and the PDF as a
rendition when one was written.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from . import i18n
from .compose import briefing_title
from .model import Briefing

NINJS_VERSION = "2.1"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"


def render_ninjs(briefing: Briefing, pdf_path: Path | None = None) -> bytes:
    """The ninjs item as UTF-8 JSON bytes; `pdf_path` (the PDF written beside it) is linked."""
    return (json.dumps(ninjs_item(briefing, pdf_path), ensure_ascii=False, indent=2)
            + "\n").encode()


def ninjs_item(briefing: Briefing, pdf_path: Path | None = None,
               now: dt.datetime | None = None) -> dict:
    lang = briefing.language
    release = briefing.release
    meeting = release.meeting
    now = now or dt.datetime.now(dt.timezone.utc)
    title = _line(briefing_title(briefing))
    body = note_text(briefing)
    item: dict = {
        "uri": f"urn:briefgen:{release.name}:{lang}",
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "type": "text",
        "representationtype": "full",
        "version": str(briefing.revision),
        "versioncreated": now.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "pubstatus": "usable",
        "language": lang,
        "title": f"{release.name}.{lang}",
        "slugline": release.name,
        "headlines": [{"role": "main", "contenttype": "text/plain", "value": title}],
        "descriptions": [{"role": "summary", "contenttype": "text/plain",
                          "value": "\n".join(_line(b.text) for b in briefing.key_points)}],
        "bodies": [{"role": "main", "contenttype": "text/plain", "value": body,
                    "charcount": len(body), "wordcount": len(body.split())}],
        "subjects": [{"name": issue.label, "literal": issue.id, "rel": "about"}
                     for issue in briefing.issues],
        "by": "briefgen",
        "ednote": " ".join((i18n.label("colophon", lang, source=meeting.symbol or release.name),
                            *briefing.notices)),
    }
    if meeting.subtitle:
        item["headlines"].append({"role": "sub", "contenttype": "text/plain",
                                  "value": _line(meeting.subtitle)})
    if meeting.body:
        item["organisations"] = [{"name": i18n.body_name(meeting.body, lang), "rel": "source"}]
    if pdf_path is not None:
        # No size: the PDF may be written after this item (all formats render before any write).
        pdf = Path(pdf_path).resolve()
        item["renditions"] = [{"name": "pdf", "href": pdf.as_uri(),
                               "contenttype": "application/pdf", "title": pdf.name}]
    return item


def note_text(briefing: Briefing) -> str:
    """The note as plain text: facts, key points, then each issue with who said what."""
    lang = briefing.language
    meeting = briefing.release.meeting
    lines = [", ".join(i18n.meeting_facts(meeting, lang)), ""]
    if briefing.key_points:
        lines += [i18n.label("key_points", lang)]
        lines += [f"- {_line(b.text)}" for b in briefing.key_points] + [""]
    for issue in briefing.issues:
        lines.append(_line(issue.label))
        for position in issue.positions:
            said = " ".join(_line(b.text) for b in position.summary)
            lines.append(f"- {position.delegation}: {said}" if said else f"- {position.delegation}")
        lines.append("")
    return "\n".join(lines).strip() + "\n"


def _line(text: str | None) -> str:
    return " ".join((text or "").split())
