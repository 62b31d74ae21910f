"""JSON shapes of briefgen's objects, for `briefgen parse` and `briefgen make --format json`.

Plain dicts of str/int/bool/None/lists, so any tool can read them; the briefing's shape is
documented as a JSON Schema in `briefgen/schema/briefing.schema.json` and tests validate real
output against it.
"""

from __future__ import annotations

from collections import Counter

from . import i18n
from .model import (
    PARAGRAPH_KINDS,
    UNATTRIBUTED,
    Briefing,
    Bullet,
    Issue,
    Meeting,
    Outcome,
    Passage,
    Position,
    Release,
    Statement,
    StatementSummary,
    Vote,
)

# --- Release (`briefgen parse`) ------------------------------------------------------------


def release_to_dict(release: Release) -> dict:
    """The parsed release: every paragraph with its kind, and each statement with the ids of
    the paragraphs (and, in thematic releases, the sentences) it was built from."""
    return {
        "name": release.name,
        "meeting": _meeting_to_dict(release.meeting),
        "lead": list(release.lead),
        "headings": [{"id": h.pid, "text": h.text, "kind": h.kind} for h in release.headings],
        "paragraphs": [{"id": p.pid, "text": p.text, "kind": p.kind}
                       for p in release.paragraphs],
        "statements": [_statement_to_dict(s) for s in release.statements],
        "unattributed": [_passage_to_dict(p) for p in release.unattributed],
        "votes": [_vote_to_dict(v) for v in release.votes],
    }


def _vote_to_dict(vote: Vote) -> dict:
    return {"source": vote.pid, "sources": list(vote.sources), "text": vote.text,
            "outcome": vote.outcome, "subject": vote.subject, "document": vote.document,
            "title": vote.title, "without_vote": vote.without_vote,
            "in_favour": vote.in_favour, "against": vote.against,
            "abstentions": vote.abstentions, "voted_for": list(vote.voted_for),
            "voted_for_derived": vote.voted_for_derived,
            "voted_against": list(vote.voted_against), "abstaining": list(vote.abstaining),
            "vetoed_by": list(vote.vetoed_by),
            "declared": [{"delegation_key": d.key, "side": d.side, "source": d.pid}
                         for d in vote.declared],
            "sponsors": list(vote.sponsors), "amends": vote.amends,
            "explained_by": list(vote.explained_by)}


def _statement_to_dict(st: Statement) -> dict:
    return {"index": st.index, "speaker": st.speaker, "speaker_display": st.speaker_display,
            "role": st.role, "delegation": st.delegation, "delegation_key": st.delegation_key,
            "on_behalf_of": st.on_behalf_of, "on_behalf_key": st.on_behalf_key,
            "on_behalf_keys": list(st.on_behalf_keys), "kind": st.kind,
            "repeat_of": st.repeat_of, "paragraphs": list(st.paragraphs),
            "passages": [_passage_to_dict(p) for p in st.passages]}


def _passage_to_dict(passage: Passage) -> dict:
    return {"source": passage.pid, "text": passage.text}


def release_stats(release: Release) -> dict:
    """Counts that show at a glance how much of a release was attributed."""
    by_kind = Counter(p.kind for p in release.paragraphs)
    whole = {p.pid for p in release.paragraphs if p.kind == UNATTRIBUTED}
    return {
        "name": release.name,
        "language": release.meeting.language,
        "statements": len(release.statements),
        "delegations": len({s.delegation_key for s in release.statements} - {"unknown"}),
        "paragraphs": len(release.paragraphs),
        "paragraphs_by_kind": {kind: by_kind.get(kind, 0) for kind in PARAGRAPH_KINDS},
        "unattributed_paragraphs": len(whole),
        # Sentences left unattributed inside paragraphs that are otherwise attributed.
        "unattributed_sentences": sum(p.pid not in whole for p in release.unattributed),
        "unknown_delegation_statements": sum(s.delegation_key == "unknown"
                                             for s in release.statements),
    }


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
        "revision": briefing.revision,
        "meeting": _meeting_to_dict(release.meeting),
        "notices": list(briefing.notices),
        "machine_translated": is_machine_translated(briefing),
        "key_points": [_bullet_to_dict(b, names) for b in briefing.key_points],
        "votes": [_vote_to_dict(v) for v in release.votes],
        "outcome": [_outcome_to_dict(o) for o in briefing.outcomes],
        "issues": [_issue_to_dict(i) for i in briefing.issues],
        "divergences": [{"issue_id": d.issue_id, "label": d.label, "kind": d.kind or None,
                         "sides": {stance: list(keys) for stance, keys in d.sides.items()}}
                        for d in briefing.divergences],
        "statements": [_statement_summary_to_dict(s, names, briefing.language)
                       for s in briefing.statements],
    }


def _outcome_to_dict(outcome: Outcome) -> dict:
    """A row of the Outcome block as shown; `vote` is its item's index in `votes`, which
    holds the keys and counts."""
    return {"vote": outcome.index, "text": outcome.text, "title": outcome.title,
            "amends": outcome.amends, "decision": outcome.decision, "tally": outcome.tally,
            "voted_against": list(outcome.voted_against),
            "abstaining": list(outcome.abstaining),
            "details": [{"label": label, "names": list(names)}
                        for label, names in outcome.details],
            "source": list(outcome.source)}


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
        data.update(delegation=names.get(key, key) if key else None, delegation_key=key,
                    speaker=bullet.speaker,
                    facts=[{"slot": f.slot, "value": f.value, "source": list(f.source)}
                           for f in bullet.facts])
    return data


def _issue_to_dict(issue: Issue) -> dict:
    return {"id": issue.id, "label": issue.label, "contested": issue.contested,
            "sides": issue.sides or None, "target": issue.target or None,
            "terms": list(issue.terms),
            "positions": [_position_to_dict(p) for p in issue.positions]}


def _position_to_dict(position: Position) -> dict:
    evidence = position.stance_evidence
    return {"delegation": position.delegation, "delegation_key": position.delegation_key,
            "stance": position.stance,
            "evidence": _bullet_to_dict(evidence) if evidence else None,
            "summary": [_bullet_to_dict(b) for b in position.summary]}


def _statement_summary_to_dict(item: StatementSummary, names: dict[str, str],
                               lang: str) -> dict:
    st = item.statement
    return {"index": st.index, "speaker": st.speaker_display or st.speaker, "role": st.role,
            "delegation": item.delegation, "delegation_as_written": st.delegation,
            "delegation_key": st.delegation_key,
            "on_behalf_of": names.get(st.on_behalf_key, st.on_behalf_of)
            if st.on_behalf_key else st.on_behalf_of,
            "on_behalf_key": st.on_behalf_key, "on_behalf_keys": list(st.on_behalf_keys),
            "speaks_for": i18n.speaks_for(st, names, lang) or None,
            "kind": st.kind, "repeat_of": st.repeat_of,
            "paragraphs": list(st.paragraphs),
            "summary": [_bullet_to_dict(b) for b in item.summary],
            "figures": list(item.figures)}
