"""The default summarizer on a release built here by hand.

FICTIONAL CONTENT: the meeting, the countries (Valdoria, Norland, Ostria) and every sentence
below are invented for the tests; they quote no real release.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.errors import BriefgenError
from briefgen.model import (
    BRIEFING,
    CONCERNED,
    EXTRACTIVE,
    SUPPORTS,
    Bullet,
    Heading,
    Issue,
    IssueAnalysis,
    Meeting,
    Paragraph,
    Passage,
    Position,
    Release,
    Statement,
)
from briefgen.settings import Settings
from briefgen.summarize import (
    BUDGETS,
    SUMMARIZERS,
    get_summarizer,
    key_figures,
    select_key_points,
    summarize_release,
)
from briefgen.summarize.extractive import _lexrank
from briefgen.summarize.faithfulness import check_summaries

TEXTS = {
    "p1": "Security Council: fictional debate on the water crisis in Valdoria",
    "p2": "WATER SECURITY IN VALDORIA",
    "p3": ("ANA ROVIC, Special Envoy for Valdoria, said that the water crisis in Valdoria has "
           "left 2 400 000 people without safe water.  She thanked the Council for the invitation.  "
           "The envoy warned that the dam on the Varna river could fail within 6 months.  "
           "She urged the Council to fund the repair plan, which costs $40 million."),
    "p4": ("The Council must act before the rains, she said.  She expressed concern about "
           "attacks on water engineers in Valdoria, adding that 12 engineers had been killed."),
    "p5": ("PETER HALL (Norland) thanked the Special Envoy for her briefing.  He said that "
           "Norland condemned the attacks on water engineers in Valdoria.  Norland will give "
           "3 800 tonnes of equipment for the dam, he added.  He also welcomed the repair plan."),
    "p6": ("LENA OSTROVA (Ostria) thanked the Special Envoy for her briefing.  She said the "
           "water crisis must not be used to interfere in the internal affairs of Valdoria.  "
           "Sanctions on Valdoria under resolution 9999 (2031) have made the repair of the dam "
           "harder, she stressed.  She called on the Council to lift them."),
    "p7": ("Ostria rejected the accusations made in document S/2031/77 as unfounded, "
           "the representative said."),
}


def fictional_release() -> Release:
    kinds = {"p1": "title", "p2": "heading"}
    paragraphs = tuple(Paragraph(pid, text, kinds.get(pid, "statement"))
                       for pid, text in TEXTS.items())
    statements = (
        Statement(0, (Passage("p3", TEXTS["p3"]), Passage("p4", TEXTS["p4"])),
                  speaker="ANA ROVIC", speaker_display="Ana Rovic",
                  role="Special Envoy for Valdoria", delegation_key="org:UN", kind=BRIEFING),
        Statement(1, (Passage("p5", TEXTS["p5"]),), speaker="PETER HALL",
                  speaker_display="Peter Hall", delegation="Norland", delegation_key="NL"),
        Statement(2, (Passage("p6", TEXTS["p6"]), Passage("p7", TEXTS["p7"])),
                  speaker="LENA OSTROVA", speaker_display="Lena Ostrova", delegation="Ostria",
                  delegation_key="OS"),
    )
    return Release(Meeting("en", title=TEXTS["p1"]), paragraphs,
                   headings=(Heading("p2", TEXTS["p2"], "agenda"),), statements=statements)


@pytest.fixture
def release() -> Release:
    return fictional_release()


def test_each_statement_gets_its_own_sentences(release):
    summaries = summarize_release(release, Settings())
    assert set(summaries) == {0, 1, 2}
    for statement in release.statements:
        bullets = summaries[statement.index]
        assert 1 <= len(bullets) <= BUDGETS["standard"]
        for bullet in bullets:
            assert bullet.origin == EXTRACTIVE and bullet.lang == "en"
            assert bullet.delegation_key == statement.delegation_key
            assert set(bullet.source) <= set(statement.paragraphs)
    assert check_summaries(release, summaries) == []


def test_selection_prefers_positions_over_courtesies(release):
    summaries = summarize_release(release, Settings())
    texts = " ".join(b.text for bullets in summaries.values() for b in bullets)
    assert "thanked" not in texts
    assert any("condemned" in b.text for b in summaries[1])


def test_summaries_are_compressed_and_in_reading_order(release):
    envoy = summarize_release(release, Settings(length="full"))[0]
    assert len(envoy) >= 3
    order = [(b.source[0], TEXTS[b.source[0]].find(b.text[1:20])) for b in envoy]
    assert all(offset >= 0 for _, offset in order) and order == sorted(order)
    assert all(not b.text.startswith(("She said", "He said")) for b in envoy)
    assert all(not b.text.rstrip(".").endswith(("she said", "he added")) for b in envoy)


def test_length_controls_the_number_of_sentences(release):
    short = summarize_release(release, Settings(length="short"))
    full = summarize_release(release, Settings(length="full"))
    assert all(len(b) == 1 for b in short.values())
    assert sum(map(len, full.values())) > sum(map(len, short.values()))


def test_key_points_span_delegations_and_stay_faithful(release):
    settings = Settings()
    summaries = summarize_release(release, settings)
    points = select_key_points(release, summaries, settings, count=4)
    keys = [p.delegation_key for p in points]
    assert len(points) == 4
    assert set(keys) == {"org:UN", "NL", "OS"}  # every delegation before any gets a second
    assert check_summaries(release, summaries, points) == []


def fictional_analysis() -> IssueAnalysis:
    """Two issues of the fictional meeting, one contested, as issues.find_issues would file them."""
    def position(key, text, pid, stance=None):
        bullet = Bullet(text, (pid,), key, "en")
        return Position(key, key, (bullet,), stance, bullet if stance else None)

    sanctions = Issue("sanctions", "Sanctions on Valdoria", (
        position("NL", "Welcomed the repair plan.", "p5", SUPPORTS),
        position("OS", ("Sanctions on Valdoria under resolution 9999 (2031) have made the repair "
                        "of the dam harder."), "p6", CONCERNED),
    ), contested=True)
    engineers = Issue("engineers", "Attacks on water engineers", (
        position("NL", "Norland condemned the attacks on water engineers in Valdoria.", "p5"),
    ))
    return IssueAnalysis((sanctions, engineers))


def test_key_points_cover_the_briefer_and_both_sides_of_a_contested_issue(release):
    settings = Settings()
    summaries = summarize_release(release, settings)
    points = select_key_points(release, summaries, settings, count=4,
                               analysis=fictional_analysis())
    texts = [p.text for p in points]
    assert points[0].delegation_key == "org:UN"  # the main briefer's message first
    assert "Welcomed the repair plan." in texts  # the backer ...
    assert any(t.startswith("Sanctions on Valdoria") for t in texts)  # ... and the critic
    assert len(set(texts)) == len(texts) == 4
    assert check_summaries(release, summaries, points) == []


def test_a_key_point_the_statement_never_said_is_not_taken(release):
    """Issue bullets are candidates only once they pass the faithfulness check."""
    settings = Settings()
    forged = IssueAnalysis((Issue("dam", "Dam", (Position("NL", "NL", (
        Bullet("Norland will pay for the whole dam.", ("p5",), "NL", "en"),)),)),))
    points = select_key_points(release, summarize_release(release, settings), settings,
                               count=4, analysis=forged)
    assert all("pay for the whole dam" not in p.text for p in points)


def test_key_figures_are_verbatim(release):
    figures = key_figures(release.statements[2], "en")
    assert "resolution 9999 (2031)" in figures and "S/2031/77" in figures
    assert all(f in release.statements[2].text for f in figures)


def test_backends_are_named_and_the_default_imports_neither_torch_nor_numpy():
    assert set(SUMMARIZERS) >= {"extractive", "neural"}
    code = ("import sys; sys.path.insert(0, 'tests'); from test_summarize import fictional_release; "
            "from briefgen.settings import Settings; from briefgen.summarize import summarize_release; "
            "summarize_release(fictional_release(), Settings()); "
            "print(sorted(m for m in ('torch', 'transformers', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parent.parent, check=True)
    assert out.stdout.strip() == "[]"


def test_lexrank_is_the_stationary_distribution_of_the_similarity_walk():
    # Sentence 0 shares words with both others, which share none with each other.
    similarity = [[0.0, 0.6, 0.3], [0.6, 0.0, 0.0], [0.3, 0.0, 0.0]]
    rank = _lexrank(similarity)
    assert rank[0] == 1.0 and rank[0] > rank[1] > rank[2] > 0
    # Stationary: as a distribution, one more step of the damped walk gives it back.
    n, damping = 3, 0.85
    p = [r / sum(rank) for r in rank]
    rows = [[w / sum(row) for w in row] for row in similarity]
    step = [(1 - damping) / n + damping * sum(rows[i][j] * p[i] for i in range(n))
            for j in range(n)]
    assert step == pytest.approx(p, rel=1e-3)
    assert _lexrank([[0.0, 0.2], [0.2, 0.0]]) == [1.0, 1.0]


def test_unknown_backend_is_a_user_error():
    with pytest.raises(BriefgenError, match="choose from"):
        get_summarizer(Settings(summarizer="magic"))


def test_summarizing_ninety_statements(release):
    big = Release(release.meeting, release.paragraphs, headings=release.headings,
                  statements=tuple(Statement(i, s.passages, delegation_key=s.delegation_key)
                                   for i, s in enumerate(release.statements * 30)))
    summaries = summarize_release(big, Settings())
    assert len(summaries) == 90


@pytest.mark.parametrize("text, lang", [
    ("Yet this fictional resolution does not name the armed group.", "en"),
    ("Their exclusion gives cover to the fictional militia.", "en"),
    ("A precondition to this is a ceasefire in Valdoria.", "en"),
    ("Echoing this sentiment, he said Norland would abstain.", "en"),
    ("“This decision is illegal,” he said of the fictional dam.", "en"),
    ("“Does the world still believe the fictional dam is safe?”", "en"),
    ("Also speaking today was the Permanent Observer of the Fictional League.", "en"),
    ("Speaking in explanation of vote, the representative of Norland, presenting the text, said it was fair.", "en"),
    ("Elles se sont retirées de la Valdoria fictive.", "fr"),
    ("Ces mesures fictives sont essentielles pour la Valdoria.", "fr"),
    ("Ce dernier a été violé à plusieurs reprises par la Norlande.", "fr"),
    ("« Nous avons agi », M. PAVEL ORLIK (Valdoria) a rappelé devant le Conseil fictif.", "fr"),
    # a sequencing adverb on the opening verb: a second point, read as if the first was given
    ("Also called for restraint around the fictional dam.", "en"),
    ("Went on to describe the fictional dam in Valdoria.", "en"),
    ("She further urged Norland to repair the fictional dam.", "en"),
    ("A ensuite souligné l’importance du barrage fictif de Valdoria.", "fr"),
    ("Il a également salué le barrage fictif de Valdoria.", "fr"),
    # a pronoun or demonstrative for something the sentence never named
    ("It must react swiftly to the fictional flood.", "en"),
    ("Called on it to cease the fictional blockade of Valdoria.", "en"),
    ("“Harm to them can lead to an escalation in Valdoria,” she said.", "en"),
    ("Against that backdrop, Norland will fund the fictional dam.", "en"),
    ("Il est crucial que cette enquête fictive soit conduite sans délai.", "fr"),
    ("La Norlande a beaucoup investi en ce sens en Valdoria fictive.", "fr"),
    ("Des progrès ont été faits dans ce domaine par la Valdoria fictive.", "fr"),
    # no main verb: a fragment, not a position
    ("Une relation fictive qui reste souvent sous-exploitée.", "fr"),
    ("« Trente ans après la signature du traité fictif de Valdoria »…", "fr"),
    # only procedure: what was done, not why
    ("Said she voted in favour of the draft resolution…", "en"),
    ("Explained in his national capacity his delegation’s vote against the resolution.", "en"),
    ("His country will vote in favour of the fictional resolution.", "en"),
    ("The Permanent Observer for the State of Valdoria…", "en"),
    ("Thanked the Special Envoy for her briefing.", "en"),
    ("Took the floor again to thank the co-sponsors of the fictional text.", "en"),
    ("A expliqué le vote de sa délégation sur le projet de résolution.", "fr"),
])
def test_sentences_that_point_outside_themselves_do_not_stand_alone(text, lang):
    from briefgen.summarize.standalone import stands_alone

    assert not stands_alone(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("His country will vote in favour of the fictional resolution because it protects the dam.",
     "en"),
    ("Condemned the attack on the fictional dam.", "en"),
    ("Norland built a fictional dam and will invest more in that dam.", "en"),
    ("It is outrageous that this fictional resolution fails to name the militia.", "en"),
    ("A salué les efforts de la Valdoria fictive; ces efforts sont essentiels.", "fr"),
    ("Cette année, la Valdoria a perdu 12 ingénieurs fictifs, ce qui est grave.", "fr"),
    ("This Council must act on the fictional dam before the rains.", "en"),
    ("It is crucial that the inquiry on Valdoria be transparent.", "en"),
    ("Son pays a suivi avec préoccupation les affrontements en Valdoria.", "fr"),
    ("Cette année, la Valdoria a perdu 12 ingénieurs fictifs.", "fr"),
])
def test_self_contained_sentences_stand_alone(text, lang):
    from briefgen.summarize.standalone import stands_alone

    assert stands_alone(text, lang)


def test_a_clipped_position_line_keeps_the_issue_and_never_ends_on_however():
    from briefgen.compose import _clip

    line = Bullet("Norland supports the fictional water plan for the whole Varna valley, and it "
                  "demands the immediate release of all hostages held by the militia in Valdoria.",
                  ("p5",), "NL", "en")
    assert _clip(line, 80) is not None  # no issue: the first clause will do
    assert _clip(line, 80, ("hostages",)) is None  # filed under hostages: not cut before them
    veto = Bullet("A large majority of the fictional Council voted for the text; however, one "
                  "permanent member vetoed it against the will of all the others.", ("p5",), "NL",
                  "en")
    assert _clip(veto, 80) is None
