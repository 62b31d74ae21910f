"""Issue grouping: discovery, assignment, stances, divergences, user issues, the gold harness.

The small releases built here are fictional (written for these tests, not taken from any
press release); the corpus tests read the real ones through the `corpus` fixture.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.errors import BriefgenError
from briefgen.issues import find_issues
from briefgen.issues.evaluate import evaluate, match_issues, overall, score_release
from briefgen.issues.labels import place_phrases, short_name
from briefgen.model import (
    CONCERNED,
    LEAD,
    NEUTRAL,
    STATEMENT,
    SUPPORTS,
    TITLE,
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

GOLD = Path(__file__).parent / "gold"
# SC-14819 and SC-16023 were held out in earlier rounds and are development releases now
# (their misses shaped the party-relative stances and the theatre rule); GA-12406 (first 35
# statements) was annotated before the discovery rules of this round ran on it.
DEVELOPMENT = ("SC-14819.en.txt", "SC-16023.en.txt", "GA-12406.en.txt")
HELD_OUT = "GA-12553.en.txt"
# Sides of every contested question, annotated in the attribution round (tests/gold/README.md).
SIDES = ("GA-12407.en.txt", "GA-12456.en.txt", "GA-12588.en.txt", "GA-12675.en.txt",
         "GA-SPD-797.en.txt", "SC-14809.en.txt", "SC-14854.en.txt", "SC-15046.en.txt",
         "SC-15109.en.txt", "SC-15310.en.txt", "SC-15462.en.txt", "SC-15496.en.txt",
         "SC-15519.en.txt", "SC-15701.en.txt", "SC-16006.en.txt", "SC-16126.en.txt",
         "SC-16140.en.txt")

# --- a fictional French release --------------------------------------------------------------
# FICTIONAL CONTENT, written for these tests.

TITLE_FR = "Conseil de sécurité : la crise au Kazakhstan au cœur d’un débat sur la coopération régionale"
LEAD_FR = ("Les délégations ont affiché des divergences de vues sur l’intervention au Kazakhstan.  "
           "La situation en Afghanistan a aussi été évoquée.")
SPEECHES_FR = [
    ("RU", [("La Fédération de Russie a salué l’opération légitime et efficace de l’OTSC au Kazakhstan.  "
            "Elle a permis d’éviter une catastrophe, a-t-il dit.")]),
    ("CN", [("La Chine a appuyé les mesures prises au Kazakhstan pour restaurer l’ordre.  "
            "Pour ce qui est de l’Afghanistan, la priorité est d’éviter une crise humanitaire.")]),
    ("AM", ["L’Arménie s’est félicitée de l’intervention au Kazakhstan, qui a permis de stabiliser la situation."]),
    ("US", [("Les États-Unis se sont inquiétés du déploiement de l’OTSC au Kazakhstan.  "
            "Elle a enfin indiqué que l’intervention avait suscité sa préoccupation, faute "
            "de transparence.")]),
    ("GB", ["Le Royaume-Uni a regretté le manque de transparence de l’opération de l’OTSC au Kazakhstan."]),
    ("FR", [("La France a condamné les violences au Kazakhstan et demandé une enquête.  "
            "En Afghanistan, la situation humanitaire s’aggrave, a-t-il ajouté.")]),
    ("IN", [("L’Inde a rappelé que son sommet avait réuni le Kazakhstan, le Kirghizistan, le "
            "Tadjikistan, le Turkménistan et l’Ouzbékistan.  La situation en Afghanistan "
            "préoccupe la région.")]),
    ("NO", ["La Norvège a évoqué la situation en Afghanistan et le sort des femmes afghanes."]),
]


def _release(title: str, lead: str, speeches, lang: str, headings=()) -> Release:
    paragraphs = [Paragraph("p1", title, TITLE), Paragraph("p2", lead, LEAD)]
    statements = []
    for n, (key, texts) in enumerate(speeches):
        passages = []
        for text in texts:
            pid = f"p{len(paragraphs) + 1}"
            paragraphs.append(Paragraph(pid, text, STATEMENT))
            passages.append(Passage(pid, text))
        statements.append(Statement(index=n, passages=tuple(passages), delegation=key,
                                    delegation_key=key))
    return Release(meeting=Meeting(language=lang, title=title), paragraphs=tuple(paragraphs),
                   lead=("p2",), headings=tuple(headings), statements=tuple(statements))


@pytest.fixture(scope="module")
def release_fr() -> Release:
    return _release(TITLE_FR, LEAD_FR, SPEECHES_FR, "fr")


def _issue(analysis: IssueAnalysis, issue_id: str) -> Issue:
    return next(i for i in analysis.issues if i.id == issue_id)


def test_discovers_the_framed_places_with_localized_labels(release_fr):
    fr = find_issues(release_fr, Settings(lang="fr"))
    en = find_issues(release_fr, Settings(lang="en"))
    assert {i.id for i in fr.issues} >= {"kazakhstan", "afghanistan"}
    assert _issue(fr, "kazakhstan").label == "Crise au Kazakhstan"
    assert _issue(en, "kazakhstan").label == "Kazakhstan crisis"
    assert _issue(en, "afghanistan").label == "Afghanistan"
    # Named only inside a list of summit participants: not an issue.
    assert "kyrgyzstan" not in {i.id for i in fr.issues}


def test_a_debate_no_table_knows_gets_its_agenda_item():
    """A fictional committee debate with no place, topic or cooperation of the tables: the
    agenda heading is the issue, for those who use its words, labelled as the release wrote it."""
    speeches = [
        ("CU", ["Cuba deplored the cuts to programmes for rural women."]),
        ("JP", ["Japan announced a fictional fund for women entrepreneurs."]),
        ("NO", ["Norway said girls must go to school, and women must be heard."]),
        ("MX", ["Mexico presented its fictional plan for the advancement of women."]),
        ("FJ", ["Fiji spoke of the fictional ocean treaty."]),
    ]
    release = _release("Fictional Committee Debates Advancement of Women",
                       "The fictional Committee continued its debate today.", speeches, "en",
                       headings=[Heading("p0", "ADVANCEMENT OF WOMEN", "agenda")])
    for lang in ("en", "fr"):
        (issue,) = find_issues(release, Settings(lang=lang)).issues
        assert issue.label == "Advancement of women"
        assert [p.delegation_key for p in issue.positions] == ["CU", "JP", "NO", "MX"]
    unframed = _release("Fictional Committee Debates", "The fictional Committee met today.",
                        speeches, "en")
    assert find_issues(unframed, Settings()).issues == ()


def test_an_agenda_item_is_found_in_its_words_singular_or_plural():
    speeches = [(key, [text]) for key, text in (
        ("CU", "Cuba said the fictional process needs funds."),
        ("JP", "Japan supports all fictional processes under way."),
        ("NO", "Norway said the process must include women."),
        ("FJ", "Fiji spoke of the fictional ocean treaty."))]
    release = _release("Fictional Committee Debates", "The fictional Committee met today.",
                       speeches, "en", headings=[Heading("p0", "REVIEW PROCESS", "agenda")])
    (issue,) = find_issues(release, Settings()).issues
    assert [p.delegation_key for p in issue.positions] == ["CU", "JP", "NO"]


def test_a_place_in_a_list_is_not_a_position(release_fr):
    kazakhstan = _issue(find_issues(release_fr, Settings(lang="fr")), "kazakhstan")
    keys = {p.delegation_key for p in kazakhstan.positions}
    assert keys == {"RU", "CN", "AM", "US", "GB", "FR"}
    assert "IN" in {p.delegation_key for p in _issue(
        find_issues(release_fr, Settings(lang="fr")), "afghanistan").positions}


def test_continuation_sentence_stays_with_its_issue_and_shows_the_stance(release_fr):
    kazakhstan = _issue(find_issues(release_fr, Settings(lang="fr")), "kazakhstan")
    us = next(p for p in kazakhstan.positions if p.delegation_key == "US")
    assert us.stance == CONCERNED
    texts = " ".join(b.text for b in us.summary)
    assert "transparence" in texts  # from "Elle a enfin indiqué que l’intervention …"
    assert all(b.source and b.lang == "fr" for b in us.summary)


def test_contested_issue_gets_stances_and_divergence(release_fr):
    analysis = find_issues(release_fr, Settings(lang="en"))
    kazakhstan = _issue(analysis, "kazakhstan")
    assert kazakhstan.contested
    stance = {p.delegation_key: p.stance for p in kazakhstan.positions}
    assert stance["RU"] == stance["CN"] == stance["AM"] == SUPPORTS
    assert stance["US"] == stance["GB"] == stance["FR"] == CONCERNED
    evidence = next(p for p in kazakhstan.positions if p.delegation_key == "GB").stance_evidence
    assert evidence is not None and "transparence" in evidence.text
    divergence = next(d for d in analysis.divergences if d.issue_id == "kazakhstan")
    assert set(divergence.sides[SUPPORTS]) == {"RU", "CN", "AM"}
    assert set(divergence.sides[CONCERNED]) == {"US", "GB", "FR"}
    # Everyone worries about Afghanistan: that is not a divergence.
    afghanistan = _issue(analysis, "afghanistan")
    assert not afghanistan.contested
    assert all(p.stance is None for p in afghanistan.positions)


def test_negation_turns_a_cue_around():
    speeches = [
        ("RU", ["La Fédération de Russie a salué la mission de l’OTSC au Kazakhstan."]),
        ("CN", ["La Chine a soutenu la mission de l’OTSC au Kazakhstan."]),
        ("US", ["Les États-Unis n’ont pas soutenu la mission de l’OTSC au Kazakhstan."]),
        ("GB", ["Le Royaume-Uni ne salue pas la mission de l’OTSC au Kazakhstan."]),
    ]
    release = _release(TITLE_FR, LEAD_FR, speeches, "fr")
    stance = {p.delegation_key: p.stance
              for p in _issue(find_issues(release, Settings(lang="fr")), "kazakhstan").positions}
    assert stance == {"RU": SUPPORTS, "CN": SUPPORTS, "US": CONCERNED, "GB": CONCERNED}


def test_vote_on_a_draft_decides_the_stance():
    # FICTIONAL CONTENT, written for this test.
    title = "Security Council Fails to Adopt Draft Resolution on Ukraine"
    lead = "The draft was vetoed; two members abstained."
    speeches = [
        ("US", [("The United States voted in favour of the draft resolution on Ukraine, "
                "though it regretted the delay.")]),
        ("AL", ["Albania voted in favour of the text on Ukraine."]),
        ("RU", ["The Russian Federation voted against the draft, which it welcomed no part of."]),
        ("CN", ["China abstained in the vote because the text on Ukraine lacked balance."]),
    ]
    release = _release(title, lead, speeches, "en")
    analysis = find_issues(release, Settings(lang="en"))
    draft = _issue(analysis, "draft-resolution")
    assert draft.label == "Draft resolution on Ukraine"
    assert draft.contested
    assert {p.delegation_key: p.stance for p in draft.positions} == {
        "US": SUPPORTS, "AL": SUPPORTS, "RU": CONCERNED, "CN": "neutral"}


def test_stance_is_read_on_the_target_not_on_the_words_around_it():
    # FICTIONAL CONTENT, written for this test.  The party at stake is the Russian
    # Federation: support for the victim is no support for the party's action.
    title = "Security Council debates the war in Ukraine"
    lead = "Speakers addressed the situation in Ukraine."
    speeches = [
        ("US", [("The United States condemned the Russian Federation’s unprovoked war in Ukraine, "
                "supporting Ukraine’s sovereignty.")]),
        ("GB", [("The United Kingdom supports the people of Ukraine and denounced the Russian "
                "Federation’s aggression.")]),
        ("FR", ["France deplored the Russian Federation’s invasion of Ukraine."]),
        ("AL", ["Albania rejected the Russian Federation’s attack on Ukraine."]),
        ("RU", ["The Russian Federation said its operation in Ukraine protects civilians."]),
        ("BR", [("Regarding Ukraine, Brazil welcomed dialogue and called on all parties to show "
                "restraint.")]),
    ]
    release = _release(title, lead, speeches, "en")
    ukraine = _issue(find_issues(release, Settings(lang="en")), "ukraine")
    assert ukraine.contested
    stance = {p.delegation_key: p.stance for p in ukraine.positions}
    assert stance["US"] == stance["GB"] == stance["FR"] == stance["AL"] == CONCERNED
    assert stance["RU"] == SUPPORTS  # the party defends what it did
    assert stance["BR"] == "neutral"  # welcoming dialogue is no side


def test_contrast_and_content_of_a_text():
    # FICTIONAL CONTENT, written for this test.
    title = "General Assembly adopts resolution on the humanitarian truce in Gaza"
    lead = "The resolution was adopted by a recorded vote of 120 in favour to 14 against."
    speeches = [
        ("JO", [("Jordan said the resolution calls upon all parties to end the aggression and "
                "condemns attacks on civilians.")]),
        ("AR", [("Argentina recognizes the right to self-defence, but regretted that the text "
                "is unbalanced.")]),
        ("CA", ["The Canadian amendment was rejected, which Canada deplored."]),
        ("IE", ["Ireland welcomed the resolution."]),
    ]
    release = _release(title, lead, speeches, "en")
    draft = _issue(find_issues(release, Settings(lang="en")), "draft-resolution")
    stance = {p.delegation_key: p.stance for p in draft.positions}
    # What the text says ("condemns attacks") is not Jordan's judgement of it.
    assert stance["JO"] != CONCERNED
    assert stance["AR"] == CONCERNED  # the clause after "but" weighs more
    assert stance["IE"] == SUPPORTS


def test_a_situation_is_not_contested_by_words():
    # FICTIONAL CONTENT, written for this test: everyone worries about the humanitarian
    # situation, some welcome aid; that is not a divergence.
    title = "Security Council hears briefing on the humanitarian situation in Gaza"
    lead = "Speakers addressed humanitarian aid."
    speeches = [(key, [text]) for key, text in [
        ("FR", "France welcomed the humanitarian aid convoys into Gaza."),
        ("IE", "Ireland praised the humanitarian workers in Gaza."),
        ("CL", "Chile expressed concern about the humanitarian situation in Gaza."),
        ("BR", "Brazil deplored the humanitarian catastrophe in Gaza."),
    ]]
    analysis = find_issues(_release(title, lead, speeches, "en"), Settings(lang="en"))
    humanitarian = _issue(analysis, "humanitarian")
    assert not humanitarian.contested
    assert all(p.stance is None for p in humanitarian.positions)


NUCLEAR_SPEECHES = [
    ("FR", "France condemned the Brazilian forces that attacked the nuclear plant."),
    ("IE", "Ireland deplored Brazil's reckless shelling of the nuclear power station."),
    ("NO", "Norway said Brazilian troops must leave the nuclear plant, which is alarming."),
    ("GH", "Ghana supports the IAEA in its work on nuclear safety."),
    ("org:UN", "The Secretary-General welcomed the IAEA's actions at the nuclear plant."),
    ("BR", ("Brazil said the nuclear plant is safe and condemned Chile's provocations.  "
            "Chile's saboteurs are a danger to nuclear safety, he said, rejecting Chile's "
            "claims.")),
    ("MX", "Mexico condemned Chile's attacks on the nuclear plant, which are unacceptable."),
]


def _nuclear(speeches) -> IssueAnalysis:
    title = "Security Council meets on nuclear safety at a power plant"
    lead = "Speakers addressed the nuclear plant."
    return find_issues(_release(title, lead, [(k, [t]) for k, t in speeches], "en"),
                       Settings(lang="en"))


def test_a_situation_is_split_on_the_action_of_the_party_blamed_for_it():
    # FICTIONAL CONTENT, written for this test: the damage at a nuclear plant is blamed on
    # Brazil's forces; Brazil speaks, defends itself and blames Chile.  Concern about nuclear
    # safety is shared, but what Brazil's forces did there is disputed: the sides are about
    # that action (the row is labelled with it, never "Backed: nuclear safety").
    analysis = _nuclear(NUCLEAR_SPEECHES)
    nuclear = _issue(analysis, "nuclear-safety")
    assert nuclear.contested and nuclear.sides == "action"
    assert nuclear.target == f"{nuclear.label} — Brazil's military action"
    stances = {p.delegation_key: p.stance for p in nuclear.positions}
    assert stances["BR"] == SUPPORTS
    assert {k for k, s in stances.items() if s == CONCERNED} >= {"FR", "IE"}
    # Whom Brazil blames, blamed in turn, is Brazil's side; the UN is the forum.
    assert stances["MX"] == SUPPORTS and stances["org:UN"] == "neutral"
    assert [d.issue_id for d in analysis.divergences] == ["nuclear-safety"]


def test_a_situation_is_not_split_when_the_blamed_party_does_not_defend_itself():
    # FICTIONAL CONTENT: the same debate without Brazil's statement.  Blame with nobody on the
    # other side is shared concern, not a divergence between delegations.
    analysis = _nuclear([(k, t) for k, t in NUCLEAR_SPEECHES if k != "BR"])
    nuclear = _issue(analysis, "nuclear-safety")
    assert not nuclear.contested and not analysis.divergences
    assert {p.delegation_key for p in nuclear.positions} >= {"FR", "IE", "NO", "MX"}
    assert all(p.stance is None for p in nuclear.positions)


def test_positions_are_one_sentence_unless_the_note_is_full(release_fr):
    standard = _issue(find_issues(release_fr, Settings(lang="fr")), "kazakhstan")
    full = _issue(find_issues(release_fr, Settings(lang="fr", length="full")), "kazakhstan")
    assert all(len(p.summary) == 1 for p in standard.positions)
    assert max(len(p.summary) for p in full.positions) == 2
    us = next(p for p in standard.positions if p.delegation_key == "US")
    # The one sentence shown on a contested issue is the one that shows the stance.
    assert us.summary[0].source == us.stance_evidence.source


def test_the_place_that_only_frames_the_meeting_gives_way_when_the_note_is_full():
    from briefgen.issues import _without_frame
    from briefgen.issues.matchers import PLACE, TOPIC, Matcher

    labels = ["Gaza", "Humanitarian situation in Gaza", "Ceasefire", "Hostages",
              "Two-State solution", "Right to self-defence", "Genocide allegations"]
    ids = ["gaza", "humanitarian", "ceasefire", "hostages", "two-state", "self-defence", "genocide"]
    matchers = [Matcher(id=i, kind=PLACE if i == "gaza" else TOPIC) for i in ids]
    issues = [Issue(i, label) for i, label in zip(ids, labels, strict=True)]
    assert [i.id for i in _without_frame(issues, matchers, set())] == ids[1:]
    # Disputed in words, or with room to spare, the place keeps its section; contested only
    # by nature (a party many blame), it still gives way to a sixth issue.
    contested = [Issue("gaza", "Gaza", contested=True), *issues[1:]]
    assert _without_frame(contested, matchers, {"gaza"})[0].id == "gaza"
    assert _without_frame(contested, matchers, set())[0].id == "humanitarian"
    assert [i.id for i in _without_frame(issues[:4], matchers, set())] == ids[:4]


# --- user-defined issues -------------------------------------------------------------------

USER_TOML = """
[[issue]]
id = "kz-deployment"
label = { en = "CSTO deployment", fr = "Déploiement de l'OTSC" }
terms = { en = ["Kazakh"], fr = ["intervention", "déploiement"] }
patterns = { en = [], fr = ['\\bop[ée]ration\\b'] }
"""


def test_user_issues_replace_or_merge(tmp_path, release_fr):
    path = tmp_path / "issues.toml"
    path.write_text(USER_TOML, encoding="utf-8")
    replaced = find_issues(release_fr, Settings(lang="en", issues_file=path))
    assert [i.id for i in replaced.issues] == ["kz-deployment"]
    issue = replaced.issues[0]
    assert issue.label == "CSTO deployment"
    assert {p.delegation_key for p in issue.positions} >= {"RU", "US", "AM", "GB"}
    merged = find_issues(release_fr, Settings(lang="en", issues_file=path, issues_mode="merge"))
    assert merged.issues[0].id == "kz-deployment"
    assert {"kazakhstan", "afghanistan"} <= {i.id for i in merged.issues}


@pytest.mark.parametrize("text, message", [
    ("[[issue]\nid = 1", "not valid TOML"),
    (('[[issue]]\nid = "x"\nlabel = { en = "X" }\nterms = { en = ["x"] }\n'
     'patterns = { fr = ["(unclosed"] }'), "bad regular expression"),
    ('[[issue]]\nid = "x"\nterms = { fr = ["x"] }', "`label` is missing"),
    ('title = "no issues"', "no [[issue]] tables"),
])
def test_bad_issues_file_is_one_clear_line(tmp_path, release_fr, text, message):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefgenError) as error:
        find_issues(release_fr, Settings(lang="fr", issues_file=path))
    assert message in str(error.value) and str(path) in str(error.value)
    assert "\n" not in str(error.value)


# --- labels --------------------------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("Kazakhstan", "au Kazakhstan"), ("Ukraine", "en Ukraine"), ("Afghanistan", "en Afghanistan"),
    ("Gaza", "à Gaza"), ("États-Unis", "aux États-Unis"), ("Mexique", "au Mexique"),
])
def test_french_place_prepositions(name, expected):
    assert place_phrases(name, "fr")["in_place"] == expected


def test_organization_short_names():
    assert short_name("org:CSTO", "en") == "CSTO"
    assert short_name("org:CSTO", "fr") == "OTSC"
    assert short_name("org:UN", "fr") == "ONU"


# --- the harness itself --------------------------------------------------------------------

def test_harness_counts_pairs_and_stances():
    gold = {"release": "x", "issues": [
        {"id": "kazakhstan", "terms": ["Kazakhstan"], "delegations": ["RU", "US", "GB"],
         "contested": True, "stances": {"RU": "supports", "US": "concerned", "GB": ["neutral"]}},
        {"id": "veto", "terms": ["veto"], "delegations": ["FR"]},
        {"id": "terrorism", "optional": True, "terms": ["terrorism"]},
    ]}
    positions = (Position("Russia", "RU", (), SUPPORTS), Position("US", "US", (), SUPPORTS),
                 Position("China", "CN", (), SUPPORTS))
    analysis = IssueAnalysis(issues=(
        Issue("kz", "Kazakhstan crisis", positions, True, ("kazakhstan",)),
        Issue("terrorism", "Terrorism", positions[:1], False, ("terrorism",)),
        Issue("sanctions", "Sanctions", positions[:1], False, ("sanctions",)),
    ))
    release = Release(meeting=Meeting(language="en"), paragraphs=())
    assert match_issues(analysis, gold) == [(0, 0), (1, 2)]
    score = score_release(release, analysis, gold)
    # kazakhstan: RU, US right, CN wrong, GB missed; veto: FR missed; sanctions: RU wrong.
    assert (score.tp, score.fp, score.fn) == (2, 2, 2)
    assert (score.stance_ok, score.stance_total) == (1, 2)


def test_harness_scores_a_contested_table_on_the_question_its_target_names():
    gold = {"release": "x", "issues": [
        {"id": "norland", "optional": True, "terms": ["Norland", "Norland canal"]},
        {"id": "canal-seizure", "contested": True, "terms": ["seizure"],
         "target": "Ruritania's seizure of the Norland canal", "delegations": ["FR", "RU"],
         "stances": {"FR": "concerned", "RU": "supports"}},
        {"id": "canal-tolls", "contested": True, "terms": ["tolls"],
         "target": "Ruritania's plan to raise the canal tolls", "delegations": ["FR"],
         "stances": {"FR": "supports"}},
    ]}
    positions = (Position("France", "FR", (), CONCERNED), Position("Russia", "RU", (), NEUTRAL))
    table = Issue("norland", "Norland", positions, True, ("norland",),
                  target="Ruritania's seizure of the Norland canal")
    release = Release(meeting=Meeting(language="en"), paragraphs=())
    assert match_issues(IssueAnalysis(issues=(table,)), gold) == [(0, 1)]
    score = score_release(release, IssueAnalysis(issues=(table,)), gold)
    assert (score.shown_ok, score.shown_total) == (1, 2)  # Russia's neutral is a miss …
    assert (score.sided_ok, score.sided_total) == (1, 1)  # … not a wrong side
    # the same label without a target is matched by its terms, to the optional bucket
    bucket = replace(table, target="")
    assert match_issues(IssueAnalysis(issues=(bucket,)), gold) == [(0, 0)]


# --- the real releases ---------------------------------------------------------------------

def _parse(corpus, name: str) -> Release:
    from briefgen.parse import parse_release

    path = corpus(name)
    return parse_release(path.read_text(encoding="utf-8"), path.stem)


def test_french_sample_has_the_three_issues_and_the_kazakhstan_divergence(corpus):
    release = _parse(corpus, "CS-14794.fr.txt")
    analysis = find_issues(release, Settings(lang="en"))
    labels = {i.id: i.label for i in analysis.issues}
    assert labels == {"kazakhstan": "Kazakhstan crisis", "afghanistan": "Afghanistan",
                      "un-csto-cooperation": "UN–CSTO cooperation"}
    fr = {i.id: i.label for i in find_issues(release, Settings(lang="fr")).issues}
    assert fr["kazakhstan"] == "Crise au Kazakhstan"
    assert fr["un-csto-cooperation"] == "Coopération ONU–OTSC"
    kazakhstan = _issue(analysis, "kazakhstan")
    assert "IN" not in {p.delegation_key for p in kazakhstan.positions}
    sides = next(d for d in analysis.divergences if d.issue_id == "kazakhstan").sides
    assert {"org:CSTO", "RU", "KZ", "CN", "AM", "BY"} <= set(sides[SUPPORTS])
    assert {"US", "GB", "FR", "NO", "AL"} <= set(sides[CONCERNED])
    # Every bullet is traceable: its paragraph exists and holds its words (compression may
    # capitalize the first one).
    for issue in analysis.issues:
        for position in issue.positions:
            assert len(position.summary) == 1  # one sentence by default
            for bullet in position.summary:
                paragraph = release.paragraph(bullet.source[0]).text.lower()
                assert bullet.lang == "fr"
                assert all(w in paragraph for w in bullet.text.lower().rstrip(".").split())


def test_english_vote_release_gets_draft_veto_and_ukraine(corpus):
    analysis = find_issues(_parse(corpus, "SC-14808.en.txt"), Settings(lang="en"))
    labels = {i.label for i in analysis.issues}
    assert {"Draft resolution on Ukraine", "Veto", "Ukraine crisis"} <= labels
    draft = _issue(analysis, "draft-resolution")
    stance = {p.delegation_key: p.stance for p in draft.positions}
    assert stance["RU"] == CONCERNED and stance["IE"] == SUPPORTS and stance["IN"] == "neutral"


def test_gold_harness_floors(corpus):
    corpus("CS-14794.fr.txt")  # skips without the corpus
    results = evaluate(GOLD, corpus("CS-14794.fr.txt").parent)
    assert set(results) == {"CS-14794.fr.txt", "SC-14808.en.txt", "SC-15570.en.txt",
                            "GA-12548.en.txt", *DEVELOPMENT, HELD_OUT, *SIDES}
    # The sides set: 0.88 (114/130) of shown stances right when its gold was first scored,
    # 0.93 (99/106) once sides need their own sentence (issue 14).  Then the harness matched a
    # contested table by its target too ("Israel's military action in Gaza" is scored on the
    # gold's "Israel's military campaign and siege of Gaza", no longer on the optional "Gaza"
    # bucket): 201 stances scored instead of 106, 0.90 (180/201) right; of the placements on
    # a side, 0.95 (146/154) — the rest are "did not take a clear position" where the gold
    # has a side, a miss rather than a wrong side.
    # Side recall (issue 14: every gold stance of a contested question, shown right): 0.34
    # (318/928) before the sides round, 0.48 (443/928) after it, side precision 0.99.
    everything = overall(results)
    assert everything.side_recall >= 0.47 and everything.side_precision >= 0.98
    sides = overall({k: results[k] for k in SIDES})
    assert sides.stance_precision >= 0.89 and sides.side_precision >= 0.94
    assert sides.shown_total >= 200  # the tables the target matching scores stay scored
    results = {k: v for k, v in results.items() if k not in SIDES}
    french = results["CS-14794.fr.txt"]
    assert french.f1 >= 0.95 and french.stance_accuracy >= 0.95
    # A notch below the figures measured when this was written (bench/README.md).
    tuned = overall({k: v for k, v in results.items() if k not in (*DEVELOPMENT, HELD_OUT)})
    assert tuned.f1 >= 0.92 and tuned.precision >= 0.97
    # 0.99 (72/73) in the party-sentences round; 0.96 (70/73) once a vote's sides are the
    # vote (issue 13): Ukraine, no Council member, is not placed on a Council draft, and
    # Jordan's "other" on an amendment is no longer guessed from its words; 0.93 (68/73)
    # once a side on a party's action needs a sentence naming the party, the action or its
    # conditions (issue 14, precision first: 68 of the 69 stances shown are right).
    assert tuned.stance_accuracy >= 0.93 and tuned.stance_precision >= 0.98
    first, second, third = (results[k] for k in DEVELOPMENT)
    # SC-14819: 0.44 while nuclear safety (gold: contested, 17 stances) was never split into
    # sides; 0.94 (30/32) once the Russian Federation's action at the plant is (it speaks in
    # its own defence).  Precision 0.94 (30/32), against 0.93 (14/15) before it.
    # Issue 14 (precision first) traded stances for right ones: 30/32 shown, 2 wrong, became
    # 26/32 shown, none wrong.
    assert first.f1 >= 0.95 and first.stance_accuracy >= 0.80  # raised from 0.43
    assert first.stance_precision >= 0.98
    assert second.f1 >= 0.72 and second.precision >= 0.92 and second.stance_accuracy >= 0.30
    assert third.f1 >= 0.83 and third.precision >= 0.97 and third.stance_accuracy >= 0.75
    assert third.stance_precision >= 0.90  # Cuba defends, Samoa no longer; Antigua filed
    # Annotated before this round's rules ran on it; no rule was tuned on it.  Its first run
    # found no contested issue (stance 0/7): only grouping has a floor.
    held_out = results[HELD_OUT]
    assert held_out.f1 >= 0.70 and held_out.precision >= 0.97
    seen = overall({k: v for k, v in results.items() if k != HELD_OUT})
    assert seen.f1 >= 0.89 and seen.precision >= 0.97 and seen.stance_accuracy >= 0.80
    assert seen.stance_precision >= 0.97  # 138/141 (issue 14)
    total = overall(results)
    assert total.f1 >= 0.88 and total.precision >= 0.97
    # 0.59, 0.75, 0.77, then 0.86 (situation round); 0.78 once sides need their own
    # sentence (issue 14: a side not shown is no side shown wrong)
    assert total.stance_accuracy >= 0.77
    # What the note shows: stances on the wrong side, divergence tables on no divergence.
    assert french.stance_precision >= 0.95 and french.table_precision >= 0.95
    assert tuned.stance_precision >= 0.98
    assert total.stance_precision >= 0.93 and total.table_precision >= 0.95


def _units(key: str, *sentences: str) -> list:
    from briefgen.issues.text import Unit, fold

    return [Unit(i, key, f"p{i}", i, t, fold(t)) for i, t in enumerate(sentences)]


def test_a_state_many_blame_makes_its_theatre_contested_even_when_it_does_not_speak():
    from briefgen.issues import _on_party
    from briefgen.issues.matchers import PLACE, Matcher
    from briefgen.issues.stance import Target, read_stance
    from briefgen.issues.vocab import stance_cues

    # FICTIONAL statements on a fictional invasion of Ukraine by the Russian Federation, which
    # does not speak; Cuba blames NATO, Guyana only calls for dialogue.
    units = {
        "GY": _units("GY", "The Russian Federation's invasion is a violation of the Charter."),
        "JM": _units("JM", "He condemned the aggression by the Russian Federation against Ukraine."),
        "MT": _units("MT", "She expressed solidarity with the people of Ukraine.",
                     "The Russian Federation's attack is unacceptable."),
        "BZ": _units("BZ", "He condemned the Russian Federation's war in Ukraine."),
        "ZA": _units("ZA", "She called on all parties in Ukraine to pursue dialogue."),
    }
    matcher = Matcher(id="ukraine", kind=PLACE, place="UA")
    target = Target(words=stance_cues("en").actions, keys=frozenset({"UA"}))
    readings = {k: read_stance(v, "en", target) for k, v in units.items()}
    readings, party, blamed = _on_party(matcher, readings, units, "en")
    assert blamed and party == "RU"
    assert {k for k, r in readings.items() if r.stance == CONCERNED} == {"GY", "JM", "MT", "BZ"}
    assert readings["ZA"].stance == "neutral"


def test_an_action_needs_a_defender_and_two_critics():
    from briefgen.issues import _action_contested
    from briefgen.issues.stance import Reading

    critic = Reading(CONCERNED, False, None, True)
    # An armed group blamed by all with no defender: no divergence among delegations.
    assert not _action_contested({"GY": critic, "JM": critic}, "group:hamas", False)
    # The party defends itself: contested once two delegations criticize it in words.
    party = Reading(SUPPORTS, True, None, True)
    assert _action_contested({"RU": party, "GY": critic, "JM": critic}, "RU", False)
    assert not _action_contested({"RU": party, "GY": critic}, "RU", False)
    # Loose words are no criticism.
    loose = Reading(CONCERNED, False, None, False)
    assert not _action_contested({"RU": party, "GY": critic, "JM": loose}, "RU", False)


def test_backing_the_victim_is_concern_about_the_party_and_praise_elsewhere_is_no_support():
    from briefgen.issues.stance import Target, read_stance
    from briefgen.issues.vocab import stance_cues

    target = Target(words=stance_cues("en").actions, keys=frozenset({"RU"}),
                    victims=frozenset({"UA"}), blamed=True)
    # FICTIONAL sentences.
    solidarity = _units("XX", "He reaffirmed respect for the sovereignty and territorial "
                              "integrity of Ukraine.")
    assert read_stance(solidarity, "en", target).stance == CONCERNED
    praise = _units("XX", "He welcomed the draft resolution and thanked the President.")
    assert read_stance(praise, "en", target).stance != SUPPORTS
    # Without a victim the same words about Ukraine are no side.
    plain = Target(words=stance_cues("en").actions, keys=frozenset({"RU"}))
    assert read_stance(solidarity, "en", plain).stance != CONCERNED


def test_folding_keeps_every_offset_and_cased_folding_keeps_capitals():
    from briefgen.issues.text import cased_fold, fold

    text = "L’Égypte\u00a0a salué l‘accord — «\u202fÇa suffit\u202f», dit M. Øster-Dahl."
    # Accents go, apostrophes, spaces and dashes become one kind; Ø has no decomposition.
    assert fold(text) == "l'egypte a salue l'accord - « ca suffit », dit m. øster-dahl."
    assert cased_fold(text) == "L'Egypte a salue l'accord - « Ca suffit », dit M. Øster-Dahl."
    assert len(fold(text)) == len(cased_fold(text)) == len(text)
    assert fold("İstanbul ǅ ß") == "istanbul ǆ ß" and cased_fold("İSTANBUL") == "ISTANBUL"


def test_capitals_stand_for_governments_and_armed_groups_are_parties():
    from briefgen.issues.vocab import place_mentions

    # FICTIONAL sentences, written for this test.
    def keys(text, lang):
        return [(text[m.start:m.end], m.key) for m in place_mentions(text, lang)]

    assert keys("Moscow refused talks while Hamas fired rockets.", "en") == [
        ("Moscow", "RU"), ("Hamas", "group:hamas")]
    assert keys("Moscou et Pékin ont critiqué les houthistes.", "fr") == [
        ("Moscou", "RU"), ("Pékin", "CN"), ("houthistes", "group:houthis")]
    # The name of an agreement or a newspaper is not the Government.
    assert keys("He cited the Minsk agreements and the Washington Post.", "en") == []


def test_a_theatre_of_hostilities_is_an_issue_without_framing():
    # FICTIONAL CONTENT, written for this test: no title, no lead naming the place.
    speeches = [
        ("US", ["The United States condemned the airstrikes on Nordavia."]),
        ("FR", ["France deplored the shelling of civilians in Nordavia."]),
        ("GB", ["The United Kingdom said the offensive in Nordavia must stop."]),
        ("CN", ["China called for dialogue on trade."]),
        ("BR", ["Brazil spoke of climate finance."]),
        ("IN", ["India welcomed the report."]),
        ("MX", ["Mexico welcomed the report."]),
    ]
    release = _release("", "", speeches, "en")
    fictional = {"en": ["Nordavia"], "label": {"en": "Nordavia", "fr": "Nordavie"}}
    from briefgen.issues import vocab

    places = {**vocab.extra_places(), "nordavia": fictional}
    vocab._extra_places_re.cache_clear()
    vocab._mentions.cache_clear(); vocab._known_mentions.cache_clear()
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(vocab, "extra_places", lambda: places)
            analysis = find_issues(release, Settings(lang="en"))
    finally:
        vocab._extra_places_re.cache_clear()
        vocab._mentions.cache_clear(); vocab._known_mentions.cache_clear()
    issue = next(i for i in analysis.issues if i.id == "nordavia")
    assert issue.label == "Hostilities in Nordavia"
    assert {p.delegation_key for p in issue.positions} == {"US", "FR", "GB"}


def _on_russia(**extra):
    """What a stance on the Russian Federation's (blamed) military action in Ukraine reads."""
    from briefgen.issues.stance import Target
    from briefgen.issues.vocab import stance_cues

    return Target(words=stance_cues("en").actions, keys=frozenset({"RU"}), blamed=True,
                  victims=frozenset({"UA"}), **extra)


def test_minority_column_shapes_read_from_what_the_sentence_says():
    from dataclasses import replace

    from briefgen.issues.stance import read_stance, shifted_blame
    from briefgen.issues.vocab import stance_cues

    # FICTIONAL sentences, one per shape an independent review found on the wrong side.
    def stance(key, sentence, target=None):
        return read_stance(_units(key, sentence), "en", target or _on_russia()).stance

    # Welcoming a call for talks takes no side, even in a clause naming the party.
    assert stance("WS", "He welcomed the Russian Federation's call for talks with Ukraine.") \
        != SUPPORTS
    # A call on the party (or its capital) to withdraw or stop criticizes what it does.
    assert stance("NO", "She called on Moscow to immediately withdraw its forces.") == CONCERNED
    assert stance("MW", "He called on the Russian Federation to cease its fire.") == CONCERNED
    # So is an act the party is said to have committed; being committed to something is not.
    assert stance("UA", "Moscow committed an act of nuclear terrorism while shelling the "
                        "nuclear plant.") == CONCERNED
    assert stance("FI", "The Russian Federation committed war crimes in Bucha.") == CONCERNED
    assert stance("KZ", "The Russian Federation is committed to the talks.") != CONCERNED
    on_russia_fr = replace(_on_russia(), words=stance_cues("fr").actions)
    assert read_stance(_units("UA", "Moscou a commis un acte de terrorisme nucléaire en "
                                    "bombardant la centrale."), "fr", on_russia_fr).stance \
        == CONCERNED
    # A breach by the party is criticism.
    assert stance("GH", "The Russian Federation breached Article 2 of the Charter.") == CONCERNED
    # Pledging or welcoming aid to the victim takes no side.
    assert stance("GB", "The United Kingdom has pledged $10 million of support for Ukraine.") \
        == NEUTRAL
    # Blame shifted to a third party the critics do not blame is defence of the party.
    cuba = _units("CU", "He expressed concern over NATO’s expansion to the east.")
    critics = {"JM": _units("JM", "He condemned the Russian Federation's aggression.")}
    shifted = shifted_blame("CU", "RU", cuba, "UA", "en")
    assert shifted == {"org:NATO"}
    assert read_stance(cuba, "en", _on_russia(opponents=shifted)).stance == SUPPORTS
    assert shifted_blame("JM", "RU", critics["JM"], "UA", "en") == frozenset()
    # ... but not when the critics blame that third party too.
    assert shifted_blame("CU", "RU", cuba, "UA", "en", frozenset({"org:NATO"})) == frozenset()


def test_denials_others_claims_and_own_rights():
    from briefgen.issues.stance import Target, read_stance, shifted_blame
    from briefgen.issues.vocab import compile_terms, stance_cues

    on_israel = Target(words=stance_cues("en").actions, keys=frozenset({"IL"}), blamed=True,
                       opponents=frozenset({"group:hamas"}))
    # FICTIONAL: dismissing an allegation against the party defends it; blaming its
    # opponent alone defends it too.
    us = _units("US", "She dismissed the allegation of indiscriminate attacks by Israel.",
                "The blame lies solely with Hamas.")
    assert read_stance(us[:1], "en", on_israel).stance == SUPPORTS
    assert read_stance(us, "en", on_israel).stance == SUPPORTS
    assert shifted_blame("US", "IL", us, "gaza", "en") == {"group:hamas"}  # not blaming Israel
    # The party's attacks and its enablers: others' "right to self-defence" is not backing.
    sy = _units("SY", "Israel's attacks would not have happened had some countries not given it "
                      "carte blanche, which they call the right to self-defence.")
    assert read_stance(sy, "en", on_israel).stance != SUPPORTS
    # A right's holder reporting others' denial of its right claims it, explicitly.
    right = Target(words=compile_terms([r"\bdefend itself\b", r"\bself-defen[cs]e\b"]),
                   measure=True)
    il = _units("IL", "According to a majority of the so-called community, Israel has no right "
                      "to defend itself.")
    reading = read_stance(il, "en", right)
    assert reading.stance == SUPPORTS and reading.strong
    # Someone else saying the same denies the right.
    assert read_stance(_units("IR", "Israel has no right to defend itself."), "en",
                       right).stance == CONCERNED
    # The right's holder is the name nearest the right, not the speaker named as such.
    gr = _units("GR", "The representative of Greece condemned the attack by the armed group "
                      "and said Israel has the right to self-defence.")
    reading = read_stance(gr, "en", right)
    assert reading.stance == SUPPORTS and not reading.strong
    # ... and "condemned the attack" before "and said" is not said of the right (it was one
    # clause with it, a tie: neutral).
    assert reading.clear
    # A right called "supposed" or "so-called" is disputed, though others' words follow.
    ru = _units("RU", "He decried the pronouncements of Israel's supposed right to self-defence.")
    assert read_stance(ru, "en", right).stance == CONCERNED
    fr = Target(words=compile_terms([r"\blegitime defense\b"]), measure=True)
    assert read_stance(_units("RU", "Il a dénoncé le prétendu droit d’Israël à la légitime "
                                    "défense."), "fr", fr).stance == CONCERNED
    # "supposed to" is no such word: what follows still counts.
    assert read_stance(_units("NO", "The Council is supposed to act, and she welcomed the "
                                    "right to self-defence."), "en", right).stance == SUPPORTS


def test_an_explicit_side_against_one_clear_reading_is_contested():
    from briefgen.issues import _contested
    from briefgen.issues.stance import Reading

    holder = Reading(SUPPORTS, True, None, True)
    clear = Reading(CONCERNED, False, None, True)
    backer = Reading(SUPPORTS, False, None, True)
    assert _contested({"IL": holder, "US": backer, "PS": clear}, False)
    assert not _contested({"IL": backer, "US": backer, "PS": clear}, False)
    assert not _contested({"IL": holder, "US": backer,
                           "PS": Reading(CONCERNED, False, None, False)}, False)


def test_criticism_that_names_the_party_but_not_the_place_counts_on_its_action():
    # FICTIONAL CONTENT, written for this test.  Ghana and Ireland criticize the Russian
    # Federation in sentences that never name Ukraine; Kenya names it only to praise its
    # athletes.  On the party's action, the critics are filed under the issue with their side.
    title = "Security Council debates the war in Ukraine"
    lead = "Speakers addressed the situation in Ukraine."
    speeches = [
        ("US", ["The United States condemned the Russian Federation’s invasion of Ukraine."]),
        ("FR", ["France deplored the Russian Federation’s attack on Ukraine."]),
        ("AL", ["Albania rejected the Russian Federation’s aggression against Ukraine."]),
        ("RU", ["The Russian Federation said its operation in Ukraine protects civilians."]),
        ("IE", ["Ireland said Ukraine deserves peace.",
                "The attack by Russian Federation forces on the power plant shocked everyone."]),
        ("GH", ["The Russian Federation breached the Charter, Ghana said, and must withdraw."]),
        ("KE", ["Kenya praised the Russian Federation’s athletes."]),
    ]
    ukraine = _issue(find_issues(_release(title, lead, speeches, "en"), Settings(lang="en")),
                     "ukraine")
    assert ukraine.contested
    stance = {p.delegation_key: p for p in ukraine.positions}
    assert stance["IE"].stance == stance["GH"].stance == CONCERNED
    assert "shocked" in stance["IE"].stance_evidence.text
    assert "KE" not in stance  # no word on the party's action: not filed


def test_a_party_sentence_alone_does_not_make_a_place_contested():
    # FICTIONAL CONTENT, written for this test.  On Gaza, only one delegation criticizes
    # Israel there; two more criticize it elsewhere.  Whether the sides are drawn is read on
    # the place's own sentences, so no table appears.
    title = "Security Council debates the situation in Gaza"
    lead = "Speakers addressed the situation in Gaza."
    speeches = [
        ("TN", ["Tunisia condemned Israel’s strikes on Gaza."]),
        ("IL", ["Israel said its operation in Gaza targets armed groups."]),
        ("IQ", ["Iraq condemned Israel’s violations of international law."]),
        ("OM", ["Oman deplored the crimes committed by Israel."]),
    ]
    analysis = find_issues(_release(title, lead, speeches, "en"), Settings(lang="en"))
    assert not analysis.divergences
    gaza = _issue(analysis, "gaza")
    assert {p.delegation_key for p in gaza.positions} == {"TN", "IL"}


def test_a_position_keeps_the_words_that_name_its_issue():
    # FICTIONAL CONTENT, written for this test: compressing Chile's sentence would drop the
    # participle clause that names the ceasefire, and Chile says nothing else about it.
    title = "Security Council debates a ceasefire in Gaza"
    lead = "Speakers called for a ceasefire."
    speeches = [
        ("CL", [("Chile, emphasizing that a ceasefire is essential, said his delegation "
                 "attaches the highest importance to the safety of civilians.")]),
        ("PE", ["Peru called for a ceasefire in Gaza."]),
        ("AR", ["Argentina said a ceasefire must be agreed now."]),
    ]
    analysis = find_issues(_release(title, lead, speeches, "en"), Settings(lang="en"))
    ceasefire = _issue(analysis, "ceasefire")
    for position in ceasefire.positions:
        assert "ceasefire" in position.summary[0].text.casefold()


def test_blame_on_the_party_opponent_as_doer_is_defence_and_an_older_resolution_is_no_vote():
    from briefgen.issues.stance import Target, read_stance
    from briefgen.issues.vocab import stance_cues

    # FICTIONAL: Norway's offensive; Sweden is whom Norway blames.  "Attacks by
    # Sweden against Norway" names Norway only as whom things happen to: no criticism of it.
    target = Target(words=stance_cues("en").actions, keys=frozenset({"NO"}),
                    opponents=frozenset({"SE"}), blamed=True)
    defence = _units("FI", "He condemned the attacks by Sweden against Norway.",
                     "Norway has the right to protect itself.")
    assert read_stance(defence, "en", target).stance == SUPPORTS
    critic = _units("FI", "He condemned the attacks by Norway against Sweden.")
    assert read_stance(critic, "en", target).stance == CONCERNED
    # Welcoming efforts to keep the war from spreading takes no side.
    calm = _units("FI", "Efforts to prevent the Sweden-Norway war from spiralling are welcome.")
    assert read_stance(calm, "en", target).stance != CONCERNED
    # A vote on a numbered, earlier resolution is no vote on the draft at issue.
    draft = Target(words=stance_cues("en").actions, votes=True, measure=True)
    older = _units("FI", "He noted that his delegation had voted in favour of resolution 1234 (2001).")
    assert read_stance(older, "en", draft).stance == "neutral"
    voted = _units("FI", "He noted that his delegation had voted in favour of the draft.")
    assert read_stance(voted, "en", draft).stance == SUPPORTS


# Fictional release written for this test: "Ostravia" is no real place.
SALIENT_RELEASE = """\
9999th Meeting (AM)
SC/99998

Fictional Test – Council Discusses Ostravia

This fictional release tests salient names.  Council members discussed the situation in Ostravia on 4 May, where fighting has displaced thousands.

Statements

ANNA KOVALSKA-RIIS (Ghana) said the people of Ostravia need aid.

PETER ALDRIDGE (United Kingdom) said the crisis in Ostravia must end.  Mr. Kovalska-Riis was right, he said in May.

JANE WHITFIELD (United States) urged calm in Ostravia.

For information media. Not an official record.
"""


def test_salient_place_is_known_for_its_release(tmp_path):
    from briefgen.issues.salient import salient_names
    from briefgen.parse import parse_release

    release = parse_release(SALIENT_RELEASE, "salient-test")
    names = salient_names(release)
    assert names.get("~ostravia", ("",))[0] == "Ostravia"
    assert not any("kovalska" in k or "may" in k for k in names)


@pytest.mark.parametrize("lang, title, lead, speeches, unplaced", [
    ("en", "Security Council debates the war in Ukraine", "Speakers addressed Ukraine.", [
        ("US", ["The United States condemned the Russian Federation’s invasion of Ukraine."]),
        ("FR", ["France deplored the Russian Federation’s aggression against Ukraine."]),
        ("AL", ["Albania rejected the Russian Federation’s attack on Ukraine."]),
        ("RU", ["The Russian Federation said its operation in Ukraine protects civilians."]),
        ("IN", ["India expressed deep concern over the deteriorating humanitarian situation in "
                "Ukraine."]),
    ], "IN"),
])
def test_concern_about_the_situation_takes_no_side_on_the_partys_action(
        lang, title, lead, speeches, unplaced):
    # FICTIONAL CONTENT, written for this test.  India's words are about the humanitarian
    # situation, not about what the Russian Federation did: it is not placed (issue 14).
    ukraine = _issue(find_issues(_release(title, lead, speeches, lang), Settings(lang=lang)),
                     "ukraine")
    assert ukraine.contested
    stance = {p.delegation_key: p.stance for p in ukraine.positions}
    assert stance["US"] == stance["FR"] == CONCERNED and stance["RU"] == SUPPORTS
    assert stance.get(unplaced) is None
    # every placement carries the sentence that decides it
    assert all(p.stance_evidence is not None for p in ukraine.positions if p.stance)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Opposing any attempts to forcibly displace the Swedish population, he said the "
           "offensive must stop."),
    ("fr", "Il a condamné toute tentative de déplacer de force la population suédoise, et "
           "demandé l’arrêt de l’offensive."),
])
def test_opposing_harm_done_to_the_partys_opponent_is_concern_about_the_party(lang, sentence):
    from briefgen.issues.stance import Target, read_stance
    from briefgen.issues.vocab import stance_cues

    # FICTIONAL: Norway's offensive; Sweden is whom Norway blames.  Sweden named as whom the
    # harm is done to is a victim: opposing that harm criticizes Norway, it does not defend it.
    target = Target(words=stance_cues(lang).actions, keys=frozenset({"NO"}),
                    opponents=frozenset({"SE"}), blamed=True)
    assert read_stance(_units("FI", sentence), lang, target).stance == CONCERNED
    # ... while condemning what the opponent itself does is still the party's side
    blame = {"en": "He condemned the attacks by Sweden that seek to destroy Norway.",
             "fr": "Il a condamné les attaques menées par la Suède pour détruire la Norvège."}
    assert read_stance(_units("FI", blame[lang]), lang, target).stance == SUPPORTS


@pytest.mark.parametrize("lang, sentence", [
    ("en", "He voiced concern about the safety of his country’s students and citizens in "
           "Norway."),
    ("fr", "Il s’est inquiété de la sécurité de ses ressortissants et de ses étudiants en "
           "Norvège."),
])
def test_concern_for_the_speakers_own_nationals_takes_no_side(lang, sentence):
    from briefgen.issues.stance import Target, read_stance
    from briefgen.issues.vocab import stance_cues

    # FICTIONAL: Norway's offensive.  Fearing for one's own students there says nothing of
    # what Norway did (issue 14).
    target = Target(words=stance_cues(lang).actions, keys=frozenset({"NO"}),
                    opponents=frozenset({"SE"}), blamed=True)
    assert read_stance(_units("FI", sentence), lang, target).stance != CONCERNED


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Condemning Sweden’s acts of terror that seek to destroy Norway, he noted that Sweden "
           "never cared about the needs of the people it claims to represent."),
    ("fr", "Condamnant les actes de terreur de la Suède qui cherchent à détruire la Norvège, il a "
           "noté que la Suède ne s’est jamais souciée de la population."),
])
def test_a_party_named_only_as_whom_harm_is_done_to_is_not_criticized(lang, sentence):
    from briefgen.issues.stance import Target, read_stance
    from briefgen.issues.vocab import stance_cues

    # FICTIONAL: Norway named only as whom Sweden's acts would harm, no doer named in that
    # clause: condemning that harm is no criticism of Norway's action.
    target = Target(words=stance_cues(lang).actions, keys=frozenset({"NO"}),
                    opponents=frozenset({"SE"}), blamed=True)
    assert read_stance(_units("FI", sentence), lang, target).stance != CONCERNED
