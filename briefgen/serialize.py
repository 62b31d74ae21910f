"""JSON shapes of briefgen's objects, for `briefgen parse` and `briefgen make --format json`.

Plain dicts of str/int/bool/None/lists, so any tool can read them; the briefing's shape is
documented as a JSON Schema in `briefgen/schema/briefing.schema.json` and tests validate real
output against it.
"""

from __future__ import annotations

from .model import Briefing, Bullet, Issue, Meeting, Position, StatementSummary

# --- Briefing (`make --format json`) -------------------------------------------------------


def briefing_to_dict(briefing: Briefing) -> dict:
    """The whole note: what it says, where each sentence comes from, and how it was made."""
    from .compose import delegation_names, is_machine_translated

    names = delegation_names(briefing)
    release = briefing.release
    return {
        "name": release.name,
        "language": briefing.language,
        "length": briefing.length,
        "meeting": _meeting_to_dict(release.meeting),
        "notices": list(briefing.notices),
        "machine_translated": is_machine_translated(briefing),
        "key_points": [_bullet_to_dict(b, names) for b in briefing.key_points],
        "issues": [_issue_to_dict(i) for i in briefing.issues],
        "divergences": [{"issue_id": d.issue_id, "label": d.label,
                         "sides": {stance: list(keys) for stance, keys in d.sides.items()}}
                        for d in briefing.divergences],
        "statements": [_statement_summary_to_dict(s, names) for s in briefing.statements],
    }


def _meeting_to_dict(meeting: Meeting) -> dict:
    return {"body": meeting.body, "number": meeting.number, "session": meeting.session,
            "symbol": meeting.symbol, "date": meeting.date.isoformat() if meeting.date else None,
            "language": meeting.language, "title": meeting.title, "subtitle": meeting.subtitle}


def _bullet_to_dict(bullet: Bullet, names: dict[str, str] | None = None) -> dict:
    data = {"text": bullet.text, "source": list(bullet.source), "lang": bullet.lang,
            "origin": bullet.origin, "translated": bullet.translated,
            "original": bullet.original}
    if names is not None:
        key = bullet.delegation_key
        data.update(delegation=names.get(key, key) if key else None, delegation_key=key)
    return data


def _issue_to_dict(issue: Issue) -> dict:
    return {"id": issue.id, "label": issue.label, "contested": issue.contested,
            "terms": list(issue.terms),
            "positions": [_position_to_dict(p) for p in issue.positions]}


def _position_to_dict(position: Position) -> dict:
    evidence = position.stance_evidence
    return {"delegation": position.delegation, "delegation_key": position.delegation_key,
            "stance": position.stance,
            "stance_evidence": _bullet_to_dict(evidence) if evidence else None,
            "summary": [_bullet_to_dict(b) for b in position.summary]}


def _statement_summary_to_dict(item: StatementSummary, names: dict[str, str]) -> dict:
    st = item.statement
    return {"index": st.index, "speaker": st.speaker_display or st.speaker, "role": st.role,
            "delegation": item.delegation, "delegation_as_written": st.delegation,
            "delegation_key": st.delegation_key,
            "on_behalf_of": names.get(st.on_behalf_key, st.on_behalf_of)
            if st.on_behalf_key else st.on_behalf_of,
            "on_behalf_key": st.on_behalf_key, "kind": st.kind, "repeat_of": st.repeat_of,
            "paragraphs": list(st.paragraphs),
            "summary": [_bullet_to_dict(b) for b in item.summary],
            "figures": list(item.figures)}
