"""keypoints: the note's opening written from facts, in the note's language, every slot traced.

FICTIONAL CONTENT: the releases below are invented for these tests; only country names are real.
"""

from __future__ import annotations

import dataclasses

import pytest
from fictional import fictional_analysis, fictional_release, fictional_summaries

from briefgen.compose import compose
from briefgen.issues import find_issues
from briefgen.keypoints import division_point, key_points, salience
from briefgen.keypoints.shared import shared_point
from briefgen.model import ACTION_SIDES, FACTS, Bullet, Fact
from briefgen.parse import parse_release
from briefgen.settings import Settings
from briefgen.summarize import summarize_release
from briefgen.summarize.faithfulness import fact_problems

DEBATE_EN = """9990th Meeting (AM)
SC/99990
20 May 2031

Security Council Hears Briefing on Fictional Crisis in Norland

The Security Council today heard a briefing on the fictional crisis in Norland.

Briefing

ALMA VERENSKA, Under-Secretary-General for Fictional Affairs, said that 40,000 people have fled the fighting in Norland since March.  She urged both parties to open the border crossings to aid convoys.

Statements

PETER HALL (Ireland) said his delegation called for safe humanitarian corridors around the city of Vestholm.  Ireland will fund two field hospitals, he added.

MARIA COSTA (Brazil) said that safe humanitarian corridors must be opened before the rainy season.  She also welcomed the work of the fictional mission.

LENA OSTROVA (Norway) said that Norway supported safe humanitarian corridors for every district of Norland.  Norway will give 3,000 tonnes of grain to the fictional mission.

KOFI MENSAH (Ghana) said the parties should agree on safe humanitarian corridors without delay.  Ghana stood ready to help the mediation.

JUAN RUIZ (Mexico) said that the crisis called for restraint from all sides.  Mexico backed the mediation by the regional organization.

YUKI SATO (Japan) said that safe humanitarian corridors were the most urgent need of the civilians.  Japan would host a fictional donors' conference.

OMAR FARAH (Kenya) said that regional mediation must continue.  Kenya urged both parties to return to the table.
"""

DEBATE_FR = """9990e séance – matin
CS/99990
20 mai 2031

Le Conseil de sécurité entend un exposé sur la crise fictive en Norlandie

Le Conseil de sécurité a entendu aujourd’hui un exposé sur la crise fictive en Norlandie.

Exposé

Mme ALMA VERENSKA, Secrétaire générale adjointe aux affaires fictives, a déclaré que 40 000 personnes ont fui les combats en Norlandie depuis mars.  Elle a exhorté les deux parties à ouvrir les points de passage aux convois d’aide.

Déclarations

M. PETER HALL (Irlande) a demandé des couloirs humanitaires sûrs autour de la ville de Vestholm.  L’Irlande financera deux hôpitaux de campagne, a-t-il ajouté.

Mme MARIA COSTA (Brésil) a déclaré que des couloirs humanitaires sûrs doivent être ouverts avant la saison des pluies.  Elle a salué le travail de la mission fictive.

Mme LENA OSTROVA (Norvège) a dit que la Norvège appuie des couloirs humanitaires sûrs pour chaque district de la Norlandie.  La Norvège donnera 3 000 tonnes de céréales à la mission fictive.

M. KOFI MENSAH (Ghana) a estimé que les parties doivent s’entendre sur des couloirs humanitaires sûrs sans tarder.  Le Ghana est prêt à aider la médiation.

M. JUAN RUIZ (Mexique) a déclaré que la crise exige la retenue de toutes les parties.  Le Mexique appuie la médiation de l’organisation régionale.

Mme YUKI SATO (Japon) a déclaré que des couloirs humanitaires sûrs sont le besoin le plus urgent des civils.  Le Japon accueillera une conférence fictive des donateurs.

M. OMAR FARAH (Kenya) a déclaré que la médiation régionale doit se poursuivre.  Le Kenya a exhorté les deux parties à revenir à la table.
"""


def _note(text: str, lang: str):
    release = parse_release(text, "fictional")
    settings = Settings(lang=lang)
    summaries = summarize_release(release, settings)
    return release, compose(release, summaries, find_issues(release, settings), settings)


@pytest.mark.parametrize("text, lang, expected", [
    (DEBATE_EN, "en", "Most speakers (5 of 7) spoke of “safe humanitarian corridors”. "),
    (DEBATE_FR, "fr", "La plupart des orateurs (5 sur 7) ont évoqué «\u00a0couloirs "
                      "humanitaires sûrs\u00a0». "),
])
def test_what_most_speakers_shared_is_counted_and_quoted(text, lang, expected):
    release, note = _note(text, lang)
    shared = [p for p in note.key_points if p.origin == FACTS and "(5 " in p.text]
    assert len(shared) == 1 and shared[0].text.startswith(expected), note.key_points
    point = shared[0]
    speakers = [f.value for f in point.facts if f.slot == "speaker"]
    assert speakers == ["IE", "BR", "NO", "GH", "JP"]  # in speaking order, Mexico and Kenya not
    assert ("total", "7") in {(f.slot, f.value) for f in point.facts}
    assert fact_problems(point, release) == []


@pytest.mark.parametrize("phrase", ["the international community", "voted in favour"])
def test_what_every_debate_says_and_words_of_procedure_are_no_shared_point(phrase):
    text = DEBATE_EN.replace("safe humanitarian corridors", phrase)
    release = parse_release(text, "fictional")
    found = shared_point(release, summarize_release(release, Settings()))
    assert found is None or not set(found.phrase.split()) & set(phrase.split()) - {"the", "in"}


def test_no_shared_point_when_too_few_delegations_share_a_phrase():
    # drop two of the five: three of five delegations is under the floor of four
    text = DEBATE_EN.replace("safe humanitarian corridors must be opened", "aid must flow")
    text = text.replace("agree on safe humanitarian corridors", "agree on a truce")
    release = parse_release(text, "fictional")
    summaries = summarize_release(release, Settings())
    found = shared_point(release, summaries)
    assert found is None or "humanitarian corridors" not in found.phrase


@pytest.mark.parametrize("text, lang, who", [
    (DEBATE_EN, "en", "Alma Verenska, Under-Secretary-General for Fictional Affairs"),
    (DEBATE_EN, "fr", "Alma Verenska (Organisation des Nations Unies)"),
    (DEBATE_FR, "en", "Alma Verenska (United Nations)"),
])
def test_the_briefer_reports_first_under_the_briefers_name(text, lang, who):
    release, note = _note(text, lang)
    first = note.key_points[0]
    assert first.speaker == who and first.delegation_key == "org:UN"
    briefing = release.statements[0]
    assert first.origin != FACTS and set(first.source) <= set(briefing.paragraphs)
    assert first.lang == release.meeting.language  # her own words, in her language


def _divided(lang: str, release_lang: str = "fr"):
    release = fictional_release(release_lang)
    summaries = fictional_summaries(release)
    analysis = fictional_analysis(release, summaries)
    return release, analysis, compose(release, summaries, analysis, Settings(lang=lang))


@pytest.mark.parametrize("lang, expected", [
    # each name with the article running text gives it, the sentence opening with a capital
    ("en", "Delegations were divided over Barrage d’Arcadie: the Russian Federation and China "
           "were among those who backed it; the United Kingdom raised concerns."),
    ("fr", "Barrage d’Arcadie\u00a0: les délégations étaient partagées. La Fédération de Russie "
           "et la Chine étaient parmi ceux qui ont exprimé leur appui\u00a0; le Royaume-Uni a "
           "émis des réserves."),
])
def test_where_the_room_divided_names_each_side_from_its_evidence(lang, expected):
    release, _, note = _divided(lang)
    division = [p for p in note.key_points if p.origin == FACTS]
    assert [p.text for p in division] == [expected]
    facts = {(f.slot, f.value) for f in division[0].facts}
    assert facts == {("supports", "RU"), ("supports", "CN"), ("concerned", "GB")}
    assert division[0].source == ("p5", "p7", "p8")  # each side's evidence, in reading order
    assert fact_problems(division[0], release) == []


def test_a_side_of_an_action_and_long_lists_read_as_a_press_officer_writes_them():
    release, analysis, _ = _divided("en")
    dam = analysis.issues[0]
    many = tuple(dataclasses.replace(p, stance="concerned", stance_evidence=p.summary[0])
                 for p in dam.positions if p.delegation_key == "GB") * 8
    issue = dataclasses.replace(dam, positions=dam.positions + many, sides=ACTION_SIDES)
    divergence = dataclasses.replace(analysis.divergences[0], kind=ACTION_SIDES)
    point = division_point(divergence, dataclasses.replace(analysis, issues=(issue,)), "en",
                           lambda key: key)
    # no count: not every speaker is placed, so the note says who was "among" each side
    assert point.text == ("Delegations were divided over Barrage d’Arcadie: RU and CN were "
                          "among those who defended it; GB, GB, GB, GB and 5 others were among "
                          "its critics.")
    assert not any(ch.isdigit() for ch in point.text.replace("5 others", ""))
    assert fact_problems(point, release) == []
    # a side placed by no sentence of its own is no side: no division is claimed
    unplaced = tuple(dataclasses.replace(p, stance_evidence=None) if p.stance == "concerned"
                     else p for p in dam.positions)
    lonely = dataclasses.replace(analysis, issues=(dataclasses.replace(dam, positions=unplaced),))
    assert division_point(divergence, lonely, "en", lambda key: key) is None


@pytest.mark.parametrize("name, key, lang, shown", [
    ("Russian Federation", "RU", "en", "the Russian Federation"),
    ("Russian Federation's military action in Ukraine", None, "en",
     "the Russian Federation's military action in Ukraine"),
    ("Holy See", "VA", "en", "the Holy See"), ("Netherlands", "NL", "en", "the Netherlands"),
    ("Israel", "IL", "en", "Israel"), ("Solomon Islands", "SB", "en", "Solomon Islands"),
    ("Nigeria", "NG", "en", "Nigeria"), ("Caribbean Community", "group:CARICOM", "en",
                                         "the Caribbean Community"),
    ("Humanitarian situation — Russian Federation's military action", None, "en",
     "Humanitarian situation — Russian Federation's military action"),
    ("Chine", "CN", "fr", "la Chine"), ("Arménie", "AM", "fr", "l’Arménie"),
    ("États-Unis", "US", "fr", "les États-Unis"), ("Mexique", "MX", "fr", "le Mexique"),
    ("Israël", "IL", "fr", "Israël"),
])
def test_a_name_in_running_text_takes_its_article(name, key, lang, shown):
    from briefgen.issues.labels import in_sentence

    assert in_sentence(name, key, lang) == shown


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_one_division_sentence_per_action(lang):
    """A sub-issue over the same action ("Nuclear safety — X's military action") splits the
    same room: the key points say it once."""
    release, analysis, _ = _divided(lang)
    dam = dataclasses.replace(analysis.issues[0], target="RU's military action in Norland",
                              sides=ACTION_SIDES)
    sub = dataclasses.replace(dam, id="sub", target="Safety — RU's military action")
    divergences = (analysis.divergences[0],
                   dataclasses.replace(analysis.divergences[0], issue_id="sub", label="Safety"))
    both = dataclasses.replace(analysis, issues=(dam, sub), divergences=divergences)
    summaries = fictional_summaries(release)
    note = compose(release, summaries, both, Settings(lang=lang))
    written = [p for p in note.key_points if p.origin == FACTS]
    assert len(written) == 1
    other = dataclasses.replace(sub, target="Safety — GB's blockade")
    apart = dataclasses.replace(both, issues=(dam, other))
    note = compose(release, summaries, apart, Settings(lang=lang))
    assert len([p for p in note.key_points if p.origin == FACTS]) == 2


def test_the_guard_drops_a_fact_its_paragraphs_do_not_say():
    release, _, note = _divided("en")
    point = next(p for p in note.key_points if p.origin == FACTS)
    assert fact_problems(point, release) == []
    wrong_state = dataclasses.replace(point, facts=point.facts + (Fact("supports", "FR",
                                                                      ("p7",)),))
    assert any("FR is not named in p7" in p for p in fact_problems(wrong_state, release))
    missing = dataclasses.replace(point, facts=(Fact("count.in_favour", "13", ("p5",)),))
    assert any("13 is not in p5" in p for p in fact_problems(missing, release))
    invented = dataclasses.replace(point, text=point.text.replace("China", "4 others"))
    assert "number 4 is no fact of the sentence" in fact_problems(invented, release)
    assert fact_problems(Bullet("A sentence.", ("p5",), None, "en", FACTS), release)


def test_a_forged_record_gives_no_outcome_point():
    from test_votes import VETO_EN

    release = parse_release(VETO_EN, "fictional")
    settings = Settings()
    summaries = summarize_release(release, settings)
    analysis = find_issues(release, settings)
    points = key_points(release, summaries, analysis, settings, lambda key: key)
    assert points[0].origin == FACTS and "12 in favour" in points[0].text
    forged = dataclasses.replace(release, votes=(dataclasses.replace(release.votes[0],
                                                                     in_favour=13),))
    points = key_points(forged, summaries, analysis, settings, lambda key: key)
    assert not any("13 in favour" in p.text for p in points)
    # what the record writes is still said: "12 in favour", the veto; not the inferred count
    assert points[0].origin == FACTS and "failed to adopt" in points[0].text
    assert "favour" not in points[0].text and "(RU)" in points[0].text
    # a record whose paragraphs are gone (an evaluation without the lead) gives no point
    record = set(release.votes[0].sources)
    gone = dataclasses.replace(release, paragraphs=tuple(
        p for p in release.paragraphs if p.pid not in record))
    assert not any(p.origin == FACTS and "favour" in p.text
                   for p in key_points(gone, summaries, analysis, settings, lambda key: key))


def test_the_vetoing_member_and_the_states_the_meeting_is_about_are_salient():
    from test_votes import VETO_EN

    release = parse_release(VETO_EN, "fictional")
    bonus = salience(release)
    assert bonus["RU"] > bonus.get("MT", 0.0)  # the veto
    release, _ = _note(DEBATE_EN, "en")
    assert salience(release) == {}  # Norland is no State any table knows


@pytest.mark.parametrize("text, lang", [(DEBATE_EN, "en"), (DEBATE_FR, "fr")])
def test_the_whole_opening_passes_the_release_wide_check(text, lang):
    """check_summaries reads a sentence written from facts by its facts, not word for word."""
    from briefgen.summarize.faithfulness import check_summaries

    release = parse_release(text, "fictional")
    settings = Settings(lang=lang)
    summaries = summarize_release(release, settings)
    points = key_points(release, summaries, find_issues(release, settings), settings,
                        lambda key: key)
    assert any(p.origin == FACTS for p in points)
    assert check_summaries(release, summaries, points) == []
