"""Votes from the record to the note: one item per text, the Council's members by year, vetoes,
amendments, what delegations say of their votes, and the Outcome block in both languages.

Every release here is FICTIONAL CONTENT written for these tests (a canal in an invented
Norland); only the Council's membership is real, since the year table is what is tested.
"""

from __future__ import annotations

import json

import pytest

from briefgen.compose import compose
from briefgen.issues import find_issues
from briefgen.model import ABSTAINING, AGAINST, IN_FAVOUR, VETOED, Paragraph
from briefgen.parse import parse_release
from briefgen.render import render
from briefgen.serialize import briefing_to_dict
from briefgen.settings import Settings
from briefgen.summarize import summarize_release
from briefgen.votes import find_votes
from briefgen.votes.council import candidate_years, members

# The Council of 2023: the five permanent members and the ten elected for 2022-23 / 2023-24.
COUNCIL_2023 = {"CN", "FR", "RU", "GB", "US", "AL", "BR", "GA", "GH", "AE",
                "EC", "JP", "MT", "MZ", "CH"}

VETO_EN = """9999th Meeting (AM)
SC/99998
15 March 2023

Security Council Fails to Adopt Draft Resolution on Norland Canal, as Russian Federation Casts Veto

The Security Council today failed to adopt a draft resolution on reopening the Norland canal, owing to the negative vote of a permanent member.

The draft resolution received 12 votes in favour to 1 against (Russian Federation), with 2 abstentions (China, Gabon).

Statements

ANNA VESTER (Malta), explaining her vote, said her delegation voted in favour because the canal must reopen to shipping without delay.

PAVEL ORLOV (Russian Federation) said the draft resolution on the Norland canal ignored the concerns of the riparian States.

LI WEN (China) said his delegation abstained, as the text on the canal was unbalanced.

KARL BRANDT (Germany) said his country supports the draft resolution on the canal and would have voted in favour.
"""

VETO_FR = """9999e séance – matin
CS/99998
15 mars 2023

Le Conseil de sécurité rejette un projet de résolution sur le canal de Norland en raison du veto de la Fédération de Russie

Le Conseil de sécurité n’a pas adopté aujourd’hui un projet de résolution sur la réouverture du canal de Norland, en raison du vote négatif d’un membre permanent.

Le projet de résolution a recueilli 12 voix pour, 1 voix contre (Fédération de Russie) et 2 abstentions (Chine, Gabon).

Déclarations

Mme ANNA VESTER (Malte), expliquant son vote, a déclaré que sa délégation avait voté pour parce que le canal doit rouvrir sans délai.

M. PAVEL ORLOV (Fédération de Russie) a déclaré que le projet de résolution sur le canal de Norland ignorait les préoccupations des États riverains.

M. KARL BRANDT (Allemagne) a déclaré que son pays appuie le projet de résolution sur le canal.
"""

TWO_TEXTS_EN = """99th Plenary Meeting (AM)
GA/99999

General Assembly Adopts Resolution on Norland Canal, Rejects Amendment

The General Assembly today first rejected an amendment (document A/99/L.2) to the draft resolution on the Norland canal by a recorded vote of 20 in favour to 90 against, with 5 abstentions.

It then adopted the resolution titled “Freedom of navigation in the Norland canal” (document A/99/L.1) by a recorded vote of 100 in favour to 10 against (Belarus, Cuba, Eritrea, Mali, Nicaragua, Niger, Russian Federation, Syria, Burkina Faso, Democratic People’s Republic of Korea), with 6 abstentions (Brazil, China, India, South Africa, Kuwait, Egypt).

Statements

ELSA MORENO (Chile), introducing the draft resolution, said navigation in the canal is a right of all States.

TAREK HADDAD (Egypt) said his delegation abstained on the text on the canal, which goes too far.
"""

TWO_TEXTS_FR = """99e séance plénière – matin
AG/99999

L’Assemblée générale adopte une résolution sur le canal de Norland et rejette un amendement

L’Assemblée générale a d’abord rejeté un amendement (document A/99/L.2) au projet de résolution sur le canal de Norland par 20 voix pour, 90 voix contre et 5 abstentions.

Elle a ensuite adopté la résolution intitulée « Liberté de navigation dans le canal de Norland » (document A/99/L.1) par 100 voix pour, 10 voix contre (Bélarus, Cuba, Érythrée, Mali, Nicaragua, Niger, Fédération de Russie, Syrie, Burkina Faso, République populaire démocratique de Corée) et 6 abstentions (Brésil, Chine, Inde, Afrique du Sud, Koweït, Égypte).

Elle a adopté sans mise aux voix le projet de décision A/99/L.3.

Déclarations

Mme ELSA MORENO (Chili), présentant le projet de résolution, a déclaré que la navigation dans le canal est un droit de tous les États.
"""


def _briefing(text: str, lang: str):
    release = parse_release(text, "fictional")
    settings = Settings(lang=lang)
    return release, compose(release, summarize_release(release, settings),
                            find_issues(release, settings), settings)


def test_council_members_by_year_and_the_year_from_cited_documents():
    assert members(2023) == COUNCIL_2023
    assert members(1899) is None
    # No date: a release citing S/2023/… can be from 2023 on; a State placed on a side
    # rules out the years it did not sit (Malta sat 2023-24).
    years = candidate_years(None, ["See document S/2023/101."], {"MT"})
    assert years and min(years) == 2023 and all("MT" in members(y) for y in years)


@pytest.mark.parametrize("text,lang", [(VETO_EN, "en"), (VETO_FR, "fr")])
def test_a_veto_with_the_in_favour_list_derived_from_the_council_of_the_year(text, lang):
    release = parse_release(text, "fictional")
    (vote,) = release.votes
    assert (vote.outcome, vote.vetoed_by) == (VETOED, ("RU",))
    assert (vote.in_favour, vote.against, vote.abstentions) == (12, 1, 2)
    assert vote.voted_against == ("RU",) and set(vote.abstaining) == {"CN", "GA"}
    assert vote.voted_for_derived and set(vote.voted_for) == COUNCIL_2023 - {"RU", "CN", "GA"}
    # Germany sits on no Council of 2023: it supports the text, it does not vote on it.
    assert "DE" not in {k for side in (IN_FAVOUR, AGAINST, ABSTAINING)
                        for k in vote.voted_for + vote.voted_against + vote.abstaining}
    assert "DE" not in {d.key for d in vote.declared}


def test_the_outcome_block_opens_the_note_in_its_language_for_a_release_in_the_other():
    _, en = _briefing(VETO_FR, "en")
    (row,) = en.outcomes
    assert row.text == "Draft resolution"
    assert row.decision == "Not adopted: veto (Russian Federation)"
    assert row.tally == "12 in favour, 1 against, 2 abstentions"
    assert row.voted_against == ("Russian Federation",) and set(row.abstaining) == {
        "China", "Gabon"}
    details = dict(row.details)
    assert details["In favour"][0] == "Albania" and len(details["In favour"]) == 12
    assert "Explained their vote" in details and "Malta" in details["Explained their vote"]
    markdown = render(en, "md").decode()
    assert markdown.index("## Outcome") < markdown.index("## Key points")
    _, fr = _briefing(VETO_EN, "fr")
    (row,) = fr.outcomes
    assert row.text == "Projet de résolution"
    assert row.decision == "Non-adoption\u00a0: veto (Fédération de Russie)"
    assert row.tally == "12 pour, 1 contre, 2 abstentions"
    assert dict(row.details)["Pour"][:2] == ("Albanie", "Brésil")


@pytest.mark.parametrize("text,lang", [(VETO_EN, "en"), (VETO_FR, "fr")])
def test_a_non_member_that_supports_the_text_is_in_no_vote_column(text, lang):
    release, briefing = _briefing(text, lang)
    sides = {k for d in briefing.divergences for keys in d.sides.values() for k in keys}
    assert "DE" not in sides
    assert "Germany" not in str(briefing.outcomes) and "Allemagne" not in str(briefing.outcomes)
    # what it said is kept: its statement is in the note
    assert any(s.statement.delegation_key == "DE" for s in briefing.statements)
    # the record places the others: Russia against, China and Gabon on the third side
    (draft,) = [d for d in briefing.divergences if d.kind == "vote"]
    assert draft.sides["concerned"] == ("RU",)


@pytest.mark.parametrize("text,lang", [(TWO_TEXTS_EN, "en"), (TWO_TEXTS_FR, "fr")])
def test_two_texts_and_an_amendment_attached_to_the_text_it_amends(text, lang):
    release = parse_release(text, "fictional")
    amendment, resolution = release.votes[:2]
    assert (amendment.subject, amendment.outcome, amendment.amends) == ("amendment", "rejected", 1)
    assert (amendment.in_favour, amendment.against, amendment.abstentions) == (20, 90, 5)
    assert (resolution.outcome, resolution.document) == ("adopted", "A/99/L.1")
    assert (resolution.in_favour, resolution.against, resolution.abstentions) == (100, 10, 6)
    assert len(resolution.voted_against) == 10 and "KP" in resolution.voted_against
    assert set(resolution.abstaining) == {"BR", "CN", "IN", "ZA", "KW", "EG"}
    assert resolution.sponsors == ("CL",)
    assert not resolution.voted_for_derived and resolution.voted_for == ()  # no Council


def test_french_adopted_without_a_vote_is_a_third_text():
    release = parse_release(TWO_TEXTS_FR, "fictional")
    assert len(release.votes) == 3
    decision = release.votes[2]
    assert (decision.subject, decision.without_vote, decision.document) == (
        "decision", True, "A/99/L.3")


def test_the_outcome_rows_and_their_json_for_two_texts():
    release, briefing = _briefing(TWO_TEXTS_EN, "en")
    amendment, resolution = briefing.outcomes
    assert (amendment.text, amendment.decision, amendment.amends) == (
        "Amendment A/99/L.2", "Rejected", "draft resolution A/99/L.1")
    assert resolution.title == "Freedom of navigation in the Norland canal"
    assert resolution.voted_against[-1] == "Democratic People's Republic of Korea" or \
        "Democratic People’s Republic of Korea" in resolution.voted_against
    assert dict(resolution.details)["Tabled by"] == ("Chile",)
    data = briefing_to_dict(briefing)
    json.dumps(data)
    assert [row["vote"] for row in data["outcome"]] == [0, 1]
    assert data["votes"][1]["voted_against"] == list(release.votes[1].voted_against)
    assert data["outcome"][1]["tally"] == "100 in favour, 10 against, 6 abstentions"
    # Egypt said it abstained, and the record already names it there: said once, by the record
    assert "EG" not in {d["key"] for d in data["votes"][1]["declared"]}
    # the key point says what the text is about, in the release's words, as a checked fact
    point = briefing.key_points[0]
    assert point.text.startswith("The General Assembly adopted draft resolution A/99/L.1 "
                                 "(“Freedom of navigation in the Norland canal”) by a vote of "
                                 "100 in favour to 10 against")
    assert ("title", "Freedom of navigation in the Norland canal") in {
        (f.slot, f.value) for f in point.facts}


def test_the_first_key_point_says_what_was_decided_in_the_notes_language():
    _, en = _briefing(VETO_FR, "en")
    point = en.key_points[0]
    assert point.text == ("The Security Council failed to adopt a draft resolution by a vote of "
                          "12 in favour to 1 against (Russian Federation), with 2 abstentions "
                          "(China, Gabon), owing to a permanent member’s veto (Russian "
                          "Federation).")
    assert point.lang == "en" and point.origin == "facts" and set(point.source) >= {"p4"}
    assert {(f.slot, f.value) for f in point.facts} >= {
        ("count.in_favour", "12"), ("count.against", "1"), ("count.abstaining", "2"),
        ("against", "RU"), ("abstaining", "CN"), ("abstaining", "GA"), ("vetoed_by", "RU")}
    _, fr = _briefing(VETO_EN, "fr")
    assert fr.key_points[0].text == (
        "Le Conseil de sécurité n’a pas adopté le projet de résolution par 12 voix pour, 1 voix "
        "contre (Fédération de Russie) et 2 abstentions (Chine, Gabon), en raison du veto d’un "
        "membre permanent (Fédération de Russie).")


RIVAL_TEXTS_EN = """98th Plenary Meeting (PM)
GA/99997

Assembly Adopts Two Texts on Norland Canal

The General Assembly today had before it two competing draft resolutions — L.4, submitted by Chile and other countries, titled “Free passage through the Norland canal”, and L.5, proposed by Peru, titled “A canal for all”.

At the outset, the Assembly decided by consensus that its Bureau should serve for the resumed session.  It also decided to hold the debate on the canal over two days.

The Assembly adopted draft resolution “L.4” by a recorded vote of 80 in favour to 12 against, with 50 abstentions.  Later, it adopted “L.5” by a recorded vote of 70 in favour to 20 against, with 60 abstentions.

Statements

Introducing “L.4”, the Minister for Foreign Affairs of Chile said passage must stay free.

The representative of Uruguay said her delegation is committed to free passage and will vote in favour of the text tabled by Chile.

The representative of Kuwait said his delegation had to abstain on the text proposed by Peru.

Egypt abstained from the text tabled by Chile.
"""

RIVAL_TEXTS_FR = """98e séance plénière – après-midi
AG/99997

L’Assemblée adopte deux textes sur le canal de Norland

L’Assemblée générale était saisie de deux projets de résolution concurrents — L.4, présenté par le Chili, intitulé « Libre passage dans le canal de Norland », et L.5, proposé par le Pérou, intitulé « Un canal pour tous ».

D’emblée, l’Assemblée a décidé par consensus que son Bureau siégerait pour la session reprise.  Elle a également décidé de tenir le débat sur le canal sur deux jours.

L’Assemblée a adopté le projet de résolution « L.4 » par 80 voix pour, 12 voix contre et 50 abstentions.  Elle a ensuite adopté « L.5 » par 70 voix pour, 20 voix contre et 60 abstentions.

Déclarations

Présentant « L.4 », le Ministre des affaires étrangères du Chili a déclaré que le passage doit rester libre.

Le représentant du Koweït a déclaré que sa délégation s’est abstenue sur le texte proposé par le Pérou.
"""


@pytest.mark.parametrize("text,lang", [(RIVAL_TEXTS_EN, "en"), (RIVAL_TEXTS_FR, "fr")])
def test_rival_texts_named_by_bare_symbol_with_their_sponsors_and_the_votes_told(text, lang):
    """A bare "L.4, submitted by X" names the text and its sponsor; a record naming only
    the symbol takes the subject the list gave it; "it also decided to …" after a decision
    by consensus is one more, taken the same way; "the text tabled by Chile" is that text."""
    release = parse_release(text, "fictional")
    bureau, debate, first, second = release.votes
    assert bureau.without_vote and debate.without_vote and debate.subject == "decision"
    assert (first.document, second.document) == ("L.4", "L.5")
    assert first.subject == second.subject == "resolution"
    assert first.sponsors[:1] == ("CL",) and second.sponsors == ("PE",)
    declared = {(d.key, d.side) for d in second.declared}
    assert ("KW", ABSTAINING) in declared and not {d.key for d in first.declared} & {"KW"}
    if lang == "en":
        assert {("UY", IN_FAVOUR), ("EG", ABSTAINING)} <= {(d.key, d.side)
                                                          for d in first.declared}


GROUP_EXAMPLES = {
    "en": """97th Plenary Meeting (AM)
GA/99996

Assembly Adopts Resolution on Norland Canal

The General Assembly today adopted the draft resolution on the Norland canal (document A/99/L.7) by a recorded vote of 120 in favour to 6 against, with 30 abstentions.

Statements

The representative of Chile said the canal must reopen.

The Assembly also heard explanations of vote from delegates that abstained, many of them regretting the haste of the negotiations.

For example, Kenya’s representative said the text would not help mediation.

The representative of Peru said the canal matters to the whole region.
""",
    "fr": """97e séance plénière – matin
AG/99996

L’Assemblée adopte une résolution sur le canal de Norland

L’Assemblée générale a adopté aujourd’hui le projet de résolution sur le canal de Norland (document A/99/L.7) par 120 voix pour, 6 voix contre et 30 abstentions.

Déclarations

Le représentant du Chili a déclaré que le canal doit rouvrir.

L’Assemblée a ensuite entendu les explications de vote des délégations qui se sont abstenues, dont beaucoup ont regretté la hâte des négociations.

Par exemple, le représentant du Kenya a estimé que le texte n’aiderait pas la médiation.

Le représentant du Pérou a déclaré que le canal compte pour toute la région.
""",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_state_given_as_an_example_of_those_who_abstained_abstained(lang):
    """The release names a group by its vote in its own voice, then a member of it "for
    example": that member abstained; the speaker after it, who is no example, is not placed."""
    (vote,) = parse_release(GROUP_EXAMPLES[lang], "fictional").votes
    assert {(d.key, d.side) for d in vote.declared} == {("KE", ABSTAINING)}


REFERRED = {
    "en": """96th Plenary Meeting (PM)
GA/99995

Assembly Adopts Amended Text on Norland Canal

The General Assembly today adopted a draft resolution on the Norland canal, tabled by Peru, after deciding on three amendments.

Statements

The representative of Peru said the draft (document A/99/L.20) keeps the canal open to all.

Chile, on behalf of the Andean States, proposed amendments to it, “L.21” and “L.22”, which added a reference to the riparian States.

For its part, the Russian Federation sought to delete the reference to freedom of navigation by tabling an amendment, “L.23”.

While rejecting Moscow’s proposal, the Assembly adopted the Andean-led amendments. As amended, the Assembly adopted “L.20” by a recorded vote of 90 in favour to 10 against, with 40 abstentions.
""",
    "fr": """96e séance plénière – après-midi
AG/99995

L’Assemblée adopte un texte amendé sur le canal de Norland

L’Assemblée générale a adopté aujourd’hui un projet de résolution sur le canal de Norland, présenté par le Pérou, après s’être prononcée sur trois amendements.

Déclarations

Le représentant du Pérou a déclaré que le projet (document A/99/L.20) garde le canal ouvert à tous.

Le Chili, au nom des États andins, a proposé des amendements, « L.21 » et « L.22 », qui ajoutent une référence aux États riverains.

La Fédération de Russie, de son côté, a voulu supprimer la référence à la liberté de navigation en déposant un amendement, « L.23 ».

Tout en rejetant la proposition de Moscou, l’Assemblée a adopté les amendements présentés par les États andins. Tel qu’amendé, le projet « L.20 » a été adopté par 90 voix pour, 10 voix contre et 40 abstentions.
""",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_amendments_decided_by_naming_who_tabled_them(lang):
    """No counts, no symbols: "rejecting Moscow’s proposal" is the amendment the Russian
    Federation tabled, "the Andean-led amendments" those Chile proposed for the Andean
    States; each is its own item, attached to the text it amends."""
    votes = {v.document: v for v in parse_release(REFERRED[lang], "fictional").votes}
    assert set(votes) == {"L.20", "L.21", "L.22", "L.23"}
    assert (votes["L.23"].outcome, votes["L.23"].subject, votes["L.23"].sponsors) == \
        ("rejected", "amendment", ("RU",))
    assert all(votes[d].outcome == "adopted" and votes[d].sponsors == ("CL",)
               for d in ("L.21", "L.22"))
    main = list(parse_release(REFERRED[lang], "fictional").votes).index(votes["L.20"])
    assert {votes[d].amends for d in ("L.21", "L.22", "L.23")} == {main}
    assert votes["L.20"].in_favour == 90


def test_a_decision_whose_sponsor_is_not_certain_decides_nothing():
    text = REFERRED["en"].replace("While rejecting Moscow’s proposal, the Assembly adopted the "
                                  "Andean-led amendments.",
                                  "The Assembly adopted the amendment on the Russian Federation’s "
                                  "concerns. It rejected one proposal.")
    votes = parse_release(text, "fictional").votes
    assert [v.document for v in votes] == ["L.20"]


@pytest.mark.parametrize("sentence, lang", [
    ("The Assembly adopted the draft resolution (document A/99/L.9) by a recorded vote of 120 in "
     "favour to 3 against (Belarus, Trinidad and Tobago and Nicaragua), with 9 abstentions "
     "(Bosnia and Herzegovina, India).", "en"),
    ("L’Assemblée a adopté le projet de résolution (document A/99/L.9) par 120 voix pour, "
     "3 voix contre (Bélarus, Trinité-et-Tobago et Nicaragua) et 9 abstentions "
     "(Bosnie-Herzégovine, Inde).", "fr"),
])
def test_a_recorded_list_with_names_that_hold_and_is_read_whole(sentence, lang):
    """"Trinidad and Tobago" is one State in a list joined by "and"; before, one such name
    dropped the whole list."""
    (vote,) = find_votes([Paragraph("p9", sentence)], lang)
    assert vote.voted_against == ("BY", "TT", "NI") and vote.abstaining == ("BA", "IN")


def _found(*paragraphs: str, lang: str = "en"):
    return find_votes([Paragraph(f"p{i}", t) for i, t in enumerate(paragraphs, 1)], lang)


def test_two_council_documents_of_one_year_are_two_texts():
    """"S/2023/792" and "S/2023/795": the year in the symbol is no document number."""
    first, second = _found(
        "A draft resolution (document S/2023/792) received 10 votes in favour to 3 against, "
        "with 2 abstentions.",
        "Another draft resolution (document S/2023/795) received 4 votes in favour to 2 "
        "against, with 9 abstentions.")
    assert (first.document, first.in_favour, second.document, second.in_favour) == (
        "S/2023/792", 10, "S/2023/795", 4)


@pytest.mark.parametrize("sentence, lang", [
    ("Last year, the Assembly adopted resolution 77/1 by 141 votes in favour to 5 against, with "
     "35 abstentions.", "en"),
    ("In March, the Assembly adopted resolution 77/1 by 141 votes in favour to 5 against, with "
     "35 abstentions.", "en"),
    ("The Council heard a briefing on the canal, six months after it adopted resolution 2680 "
     "(2023) by a vote of 13 in favour to none against, with 2 abstentions.", "en"),
    ("The representative of Norway recalled that resolution ES-11/1 was adopted by 141 votes in "
     "favour to 5 against.", "en"),
    ("L’an dernier, l’Assemblée a adopté la résolution 77/1 par 141 voix pour, 5 voix contre et "
     "35 abstentions.", "fr"),
    ("Le Conseil s’est réuni six mois après avoir adopté la résolution 2680 (2023) par 13 voix "
     "pour et 2 abstentions.", "fr"),
])
def test_a_decision_of_another_time_is_no_item(sentence, lang):
    assert _found(sentence, lang=lang) == ()


@pytest.mark.parametrize("sentence, lang, document, in_favour", [
    ("The Security Council today unanimously adopted resolution 2711 (2023), extending the "
     "mandate of the canal mission.", "en", "resolution 2711 (2023)", None),
    ("The Security Council today extended the mandate of the canal mission, adopting resolution "
     "2704 (2023) by a vote of 14 in favour to none against, with 1 abstention (Russian "
     "Federation).", "en", "resolution 2704 (2023)", 14),
    ("Le Conseil a adopté la résolution 2709 (2023) par 12 voix pour, zéro contre et 3 "
     "abstentions.", "fr", "résolution 2709 (2023)", 12),
])
def test_an_adoption_told_with_words_between_or_a_participle_is_found(sentence, lang, document,
                                                                      in_favour):
    (vote,) = _found(sentence, lang=lang)
    assert (vote.outcome, vote.document, vote.in_favour) == ("adopted", document, in_favour)
    if lang == "fr":
        assert vote.against == 0


def test_a_withdrawal_told_alone_is_an_item():
    (vote,) = _found("A draft resolution on tolls in the Norland canal (document A/78/L.14) was "
                     "withdrawn by its sponsors before the vote.")
    assert (vote.outcome, vote.document) == ("withdrawn", "A/78/L.14")


def test_an_amendment_in_the_texts_own_sentence_is_not_the_text():
    """"Rejecting an amendment proposed by X, the Assembly adopted the resolution …": the
    counts are the resolution's, and X did not table it."""
    (vote,) = _found("Rejecting an amendment proposed by the Russian Federation, the Assembly "
                     "adopted the resolution (document A/78/L.57) by a recorded vote of 100 in "
                     "favour to 5 against, with 30 abstentions.")
    assert (vote.subject, vote.document, vote.in_favour, vote.sponsors) == (
        "resolution", "A/78/L.57", 100, ())


@pytest.mark.parametrize("paragraphs, lang", [
    (("The General Assembly today adopted a resolution on the Norland canal (document A/78/L.9) "
      "by a recorded vote of 110 in favour to 9 against, with 40 abstentions.",
      "Before the vote on the text as a whole, the Assembly retained operative paragraph 5 by a "
      "recorded vote of 100 in favour to 12 against, with 38 abstentions."), "en"),
    (("L’Assemblée générale a adopté une résolution sur le canal de Norland (document "
      "A/78/L.9) par 110 voix pour, 9 voix contre et 40 abstentions.",
      "Auparavant, elle a maintenu le paragraphe 5 du dispositif par 100 voix pour, 12 voix "
      "contre et 38 abstentions."), "fr"),
])
def test_a_paragraph_voted_on_separately_is_its_own_item(paragraphs, lang):
    text, paragraph = _found(*paragraphs, lang=lang)
    assert (text.subject, text.in_favour) == ("resolution", 110)
    assert (paragraph.subject, paragraph.outcome, paragraph.in_favour) == (
        "paragraph", "adopted", 100)


def test_the_leads_summary_of_a_decision_without_a_vote_is_that_decision():
    from briefgen.model import LEAD

    votes = find_votes([
        Paragraph("p1", "The General Assembly today adopted without a vote a resolution on "
                        "canal safety.", LEAD),
        Paragraph("p2", "The Assembly adopted without a vote draft resolution A/78/L.55, titled "
                        "“Canal safety”.")], "en")
    (vote,) = votes
    assert (vote.document, vote.without_vote, vote.sources) == ("A/78/L.55", True, ("p1", "p2"))


@pytest.mark.parametrize("sentence, lang", [
    ("The Assembly rejected two amendments, contained in documents A/78/L.16 and A/78/L.17, by "
     "recorded votes of 25 in favour to 80 against, with 40 abstentions, and 30 in favour to 78 "
     "against, with 38 abstentions, respectively.", "en"),
    ("L’Assemblée a rejeté deux amendements, publiés sous les cotes A/78/L.16 et A/78/L.17, par "
     "25 voix pour, 80 voix contre et 40 abstentions, et 30 voix pour, 78 voix contre et 38 "
     "abstentions, respectivement.", "fr"),
])
def test_tallies_told_respectively_go_to_their_texts(sentence, lang):
    first, second = _found(sentence, lang=lang)
    assert (first.document, first.in_favour, first.against, first.abstentions) == (
        "A/78/L.16", 25, 80, 40)
    assert (second.document, second.in_favour, second.against, second.abstentions) == (
        "A/78/L.17", 30, 78, 38)
    assert first.outcome == second.outcome == "rejected" and first.subject == "amendment"


def test_the_council_is_known_from_its_press_release_series():
    """"SC/99990" with no "Security Council" written anywhere: a Council meeting, so the
    negative vote of a permanent member on a draft with nine in favour is a veto."""
    release = parse_release(
        "9401st Meeting (AM)\nSC/99990\n14 September 2023\n\nDraft on Norland Canal Fails\n\n"
        "Members today failed to adopt a draft resolution on the canal by a vote of 13 in favour "
        "to 1 against (United States), with 1 abstention (Russian Federation).\n\nStatements\n\n"
        "The representative of Malta said the canal must reopen.\n", "fictional")
    assert release.meeting.body == "Security Council"
    (vote,) = release.votes
    assert vote.outcome == VETOED and vote.vetoed_by == ("US",)


def test_a_vote_declared_in_the_pluperfect_and_a_recalled_vote_of_another_month():
    release = parse_release(
        "9402e séance – matin\nCS/99989\n15 septembre 2023\n\nLe Conseil adopte un texte sur le "
        "canal de Norland\n\nLe Conseil de sécurité a adopté aujourd’hui la résolution 2708 "
        "(2023) par 12 voix pour, zéro contre et 3 abstentions.\n\nDéclarations\n\n"
        "M. LI WEN (Chine) a expliqué que sa délégation s’était abstenue, le texte étant "
        "déséquilibré.\n", "fictional")
    (vote,) = release.votes
    assert ("CN", ABSTAINING) in {(d.key, d.side) for d in vote.declared}
    assert _found("The representative of Norway said that, at the emergency special session "
                  "in March, resolution ES-11/1 was adopted by 141 votes in favour to 5 "
                  "against.") == ()
