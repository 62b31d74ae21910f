"""A fictional meeting, built object by object, for tests of compose and render.

FICTIONAL CONTENT written for briefgen's tests: the meeting, the speakers and every sentence
are invented; only the country names are real, so that localized names can be checked.
"""

from __future__ import annotations

import datetime as dt

from briefgen.model import (BRIEFING, CONCERNED, NEUTRAL, SUPPORTS, Briefing, Bullet,
                            Divergence, Issue, IssueAnalysis, Meeting, Paragraph, Passage,
                            Position, Release, Statement, StatementSummary)

# (speaker, delegation as written in French, key, role, two sentences)
SPEAKERS = [
    ("ALMA VERENSKA", "ONU", "org:UN", "Secrétaire générale adjointe aux affaires fictives",
     "La Mission fictive d’observation a constaté 12 incidents le long du canal.",
     "Elle a appelé les parties à rouvrir les vannes « sans condition »."),
    ("JAMES NORTHCOTE", "Royaume-Uni", "GB", None,
     "Le représentant a dit sa préoccupation devant le barrage unilatéral.",
     "Il a demandé une enquête indépendante sur les 3 800 hectares inondés."),
    ("CLAIRE DUVAL", "France", "FR", None,
     "La France a soutenu la médiation régionale.",
     "Elle a annoncé une aide fictive de 20 millions d’euros."),
    ("IVAN PETROV", "Fédération de Russie", "RU", None,
     "Le délégué a salué l’accord de partage des eaux.",
     "Il a rejeté toute ingérence extérieure dans la gestion du canal."),
    ("LI WEI", "Chine", "CN", None,
     "Le représentant a appuyé le dialogue entre riverains.",
     "Il a mis en garde contre la politisation de la question de l’eau."),
    ("AMARA DIALLO", "Ghana", "GH", None,
     "La déléguée a rappelé le rôle des organisations régionales.",
     "Elle a proposé un mécanisme conjoint de surveillance."),
]


def fictional_release(lang: str = "fr") -> Release:
    paragraphs = [Paragraph("p1", "9999e séance – matin", "header"),
                  Paragraph("p2", "Conseil de sécurité : débat fictif sur le canal d’Arcadie",
                            "title"),
                  Paragraph("p3", "Résumé fictif de la séance.", "lead")]
    statements = []
    for i, (speaker, written, key, role, s1, s2) in enumerate(SPEAKERS):
        pid = f"p{4 + i}"
        text = f"M. {speaker} ({written}) a dit que… {s1}  {s2}"
        paragraphs.append(Paragraph(pid, text, "statement"))
        statements.append(Statement(
            index=i, passages=(Passage(pid, text),), speaker=speaker,
            speaker_display=speaker.title(), role=role, delegation=written,
            delegation_key=key, kind=BRIEFING if key.startswith("org:") else "statement"))
    meeting = Meeting(language=lang, title="Conseil de sécurité : débat fictif sur le canal "
                      "d’Arcadie <script>alert(1)</script>", subtitle="Séance fictive d’essai",
                      body="Conseil de sécurité", number="9999", session="morning",
                      symbol="CS/99999", date=dt.date(2022, 2, 16))
    return Release(meeting=meeting, paragraphs=tuple(paragraphs), lead=("p3",),
                   statements=tuple(statements), source_name="fictional")


def fictional_summaries(release: Release) -> dict[int, tuple[Bullet, ...]]:
    lang = release.meeting.language
    return {st.index: tuple(Bullet(text=s, source=(st.passages[0].pid,),
                                   delegation_key=st.delegation_key, lang=lang)
                            for s in SPEAKERS[st.index][4:6])
            for st in release.statements}


def fictional_analysis(release: Release, summaries) -> IssueAnalysis:
    """Two issues; the dam is contested (GB concerned, RU and CN supportive, GH neutral)."""
    by_key = {st.delegation_key: st for st in release.statements}
    stances = {"GB": CONCERNED, "RU": SUPPORTS, "CN": SUPPORTS, "GH": NEUTRAL}

    def position(key: str, stance: str | None = None) -> Position:
        bullets = summaries[by_key[key].index]
        return Position(delegation=by_key[key].delegation, delegation_key=key,
                        summary=bullets[:1], stance=stance,
                        stance_evidence=bullets[0] if stance else None)

    dam = Issue(id="arcadia-dam", label="Barrage d’Arcadie",
                positions=tuple(position(k, s) for k, s in stances.items()), contested=True)
    mediation = Issue(id="regional-mediation", label="Médiation régionale",
                      positions=(position("FR"), position("GH"), position("org:UN")))
    sides: dict[str, tuple[str, ...]] = {}
    for key, stance in stances.items():
        sides[stance] = sides.get(stance, ()) + (key,)
    return IssueAnalysis(issues=(dam, mediation),
                         divergences=(Divergence(dam.id, dam.label, sides),))


def fictional_briefing(lang: str = "en", length: str = "standard") -> Briefing:
    """A Briefing built without compose, for renderer tests that must not depend on it."""
    release = fictional_release()
    summaries = fictional_summaries(release)
    analysis = fictional_analysis(release, summaries)
    statements = tuple(StatementSummary(statement=st, delegation=st.delegation or "",
                                        summary=summaries[st.index][:1])
                       for st in release.statements)
    key_points = tuple(b[0] for b in list(summaries.values())[:5])
    return Briefing(release=release, language=lang, key_points=key_points,
                    issues=analysis.issues, divergences=analysis.divergences,
                    statements=statements, length=length)
