"""Sides of contested questions (issue 14): who is placed on which side, and on what.

Every release, sentence and vote here is FICTIONAL CONTENT, written for these tests.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefgen.issues import find_issues
from briefgen.issues.stance import Target, read_stance, right_holder
from briefgen.issues.vocab import compile_terms, stance_cues
from briefgen.model import ADOPTED, CONCERNED, NEUTRAL, SUPPORTS, Meeting, Vote
from briefgen.settings import Settings

from test_issues import _issue, _release, _units


def _stances(issue) -> dict[str, str | None]:
    return {p.delegation_key: p.stance for p in issue.positions}


def test_a_motion_on_how_to_vote_is_not_a_second_text():
    # Two procedural votes (a recorded-vote motion, a decision with no text) and a draft not
    # yet acted on: what delegations say of "the draft" is about the one draft there is.
    title = "General Assembly Debates Draft Resolution on Norland"
    lead = "The Assembly approved a motion and decided on its programme of work."
    speeches = [
        ("MX", ["Mexico will vote in favour of the draft resolution on Norland."]),
        ("CL", ["Chile will vote in favour of the draft, which it co-sponsored."]),
        ("BY", ["Belarus will vote against the draft resolution, which is one-sided."]),
        ("CU", ["Cuba will vote against the text on Norland."]),
    ]
    votes = (Vote(pid="p2", text=lead, outcome=ADOPTED, subject="motion", in_favour=90,
                  against=10, abstentions=30),
             Vote(pid="p2", text=lead, outcome=ADOPTED, subject="decision", without_vote=True))
    release = replace(_release(title, lead, speeches, "en"), votes=votes)
    assert all(v.procedural for v in votes)
    draft = _issue(find_issues(release, Settings(lang="en")), "draft-resolution")
    assert draft.contested
    assert _stances(draft) == {"MX": SUPPORTS, "CL": SUPPORTS, "BY": CONCERNED,
                               "CU": CONCERNED}


@pytest.mark.parametrize("lang, title, text, expected", [
    ("en", "Security Council Adopts Resolution 2999 (2031) on Norland",
     "The Council adopted resolution 2999 (2031) by 13 votes in favour to none against, with 2 "
     "abstentions (Norland, Sweden).", "Resolution 2999 (2031)"),
    ("fr", "Le Conseil de sécurité adopte la résolution 2999 (2031) sur la Norlande",
     "Le Conseil a adopté la résolution 2999 (2031) par 13 voix pour, zéro contre et 2 "
     "abstentions (Norvège, Suède).", "Résolution 2999 (2031)"),
])
def test_abstaining_on_a_text_others_voted_for_is_a_side_and_the_row_names_the_text(
        lang, title, text, expected):
    words = {"en": ("{} voted in favour of the resolution.", "{} abstained on the resolution."),
             "fr": ("{} a voté pour la résolution.", "{} s’est abstenu sur la résolution.")}
    speeches = [("FR", [words[lang][0].format("France")]), ("GH", [words[lang][0].format("Ghana")]),
                ("SE", [words[lang][1].format("Sweden")])]
    members = ("FR", "GH", "JP", "KE", "MX", "BR", "CH", "AE", "AL", "GB", "US", "CN", "GA")
    vote = Vote(pid="p2", text=text, outcome=ADOPTED, subject="resolution",
                document="resolution 2999 (2031)", in_favour=13, against=0, abstentions=2,
                voted_for=members, abstaining=("NO", "SE"))
    release = _release(title, text, speeches, lang)
    body = {"en": "Security Council", "fr": "Conseil de sécurité"}[lang]
    release = replace(release, votes=(vote,),
                      meeting=Meeting(language=lang, title=title, body=body))
    draft = _issue(find_issues(release, Settings(lang=lang)), "draft-resolution")
    assert draft.contested and draft.target == expected
    stances = _stances(draft)
    assert stances["FR"] == stances["GH"] == SUPPORTS and stances["SE"] == NEUTRAL
    # Unanimity is no divergence.
    unanimous = replace(vote, in_favour=15, abstentions=0, voted_for=members + ("NO", "SE"),
                        abstaining=())
    draft = _issue(find_issues(replace(release, votes=(unanimous,)), Settings(lang=lang)),
                   "draft-resolution")
    assert not draft.contested


RIGHT = {"en": Target(words=compile_terms([r"\bself-defen[cs]e\b", r"\bdefend itself\b"]),
                      measure=True),
         "fr": Target(words=compile_terms([r"\blegitime defense\b"]), measure=True)}


@pytest.mark.parametrize("lang, backers, rival, denial", [
    ("en", ["{} affirmed Norway's right to self-defence.", "{} said Norway has the right to "
            "defend itself.", "{} recognized Norway's right to self-defence."],
     "He reaffirmed support for the Swedish people and their inalienable rights to "
     "self-defence.",
     "There is no provision for an occupying Power to invoke the right to self-defence, he "
     "said."),
    ("fr", ["{} a réaffirmé le droit de la Norvège à la légitime défense.", "{} a reconnu le "
            "droit de la Norvège à la légitime défense.", "{} a soutenu le droit de la Norvège "
            "à la légitime défense."],
     "Il a réaffirmé son soutien au peuple suédois et à ses droits inaliénables à la légitime "
     "défense.",
     "Une puissance occupante ne peut invoquer le droit à la légitime défense, a-t-il dit."),
])
def test_affirming_a_rivals_right_disputes_the_holders(lang, backers, rival, denial):
    # Norway's claimed right is the question; three delegations affirm it, one affirms
    # Sweden's right in its place, one denies an occupier any such right.
    units = {k: _units(k, s.format(k)) for k, s in zip(("DK", "FI", "IS"), backers)}
    units["IR"] = _units("IR", rival)
    units["SY"] = _units("SY", denial)
    holder = right_holder(units, RIGHT[lang], lang)
    assert holder == "NO"
    target = replace(RIGHT[lang], holder=holder)
    readings = {k: read_stance(v, lang, target) for k, v in units.items()}
    assert {k for k, r in readings.items() if r.stance == SUPPORTS} == {"DK", "FI", "IS"}
    assert readings["IR"].stance == readings["SY"].stance == CONCERNED
    # Without a holder the rival's right reads as backing the right in general.
    assert read_stance(units["IR"], lang, RIGHT[lang]).stance == SUPPORTS
    # One mention is no holder: a right claimed in general.
    assert right_holder({"DK": units["DK"], "SY": units["SY"]}, RIGHT[lang], lang) == ""


def _finland_on_norways_offensive(lang: str, sentence: str) -> str:
    """Finland's stance, from one sentence, on Norway's offensive; Sweden is whom Norway
    blames."""
    target = Target(words=stance_cues(lang).actions, keys=frozenset({"NO"}),
                    opponents=frozenset({"SE"}), blamed=True)
    return read_stance(_units("FI", sentence), lang, target).stance


@pytest.mark.parametrize("lang, sentence", [
    ("en", "She called for the lifting of the siege and an end to the bombardment."),
    ("en", "He demanded an end to the blockade and to the forced displacement of civilians."),
    ("en", "This collective punishment of a whole people is a war crime, he said."),
    ("fr", "Elle a demandé la levée du blocus imposé à la population."),
    ("fr", "Il a dénoncé une punition collective infligée à tout un peuple."),
])
def test_the_siege_and_the_blockade_are_the_partys_action(lang, sentence):
    # Norway's offensive: calling to lift its siege, or decrying its collective punishment,
    # names what Norway does even where Norway is not named.
    assert _finland_on_norways_offensive(lang, sentence) == CONCERNED


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Norway alone decided to bring war back, carrying out deliberate strikes against "
           "the civilian population."),
    ("en", "She recalled the crimes committed by Norway's troops in Malmö."),
    ("en", "He urged Norway to leave the territories it illegally occupies."),
    ("en", "The aggressor wants to impose a deal on the victim, he said."),
    ("en", "Norway's forces are using sexual violence as a weapon of war."),
    ("fr", "La Norvège a mené des frappes délibérées contre la population civile."),
    ("fr", "Il a rappelé les crimes commis par les troupes norvégiennes à Malmö."),
    ("fr", "L’agresseur ne peut imposer un accord à la victime, a-t-elle déclaré."),
])
def test_accusing_the_party_of_a_wrong_is_criticism(lang, sentence):
    # No verb of judgement ("condemn", "deplore"): saying that the party commits atrocities,
    # or calling it the aggressor, is taking a side against its action.
    assert _finland_on_norways_offensive(lang, sentence) == CONCERNED


@pytest.mark.parametrize("lang, sentence", [
    ("en", "She voiced deep concern for Swedish civilians, who lack everything."),
    ("en", "He was alarmed that the people of Sweden lack food and water."),
    ("fr", "Elle s’est dite très préoccupée par le sort du peuple suédois."),
])
def test_concern_for_a_people_is_no_side(lang, sentence):
    # Sweden is Norway's opponent; concern for Swedes is neither criticism of Sweden (which
    # would put the speaker on Norway's side) nor, with no doer named, of Norway.
    assert _finland_on_norways_offensive(lang, sentence) == NEUTRAL
    # ... while blaming what Sweden's own forces do is still Norway's side
    blame = {"en": "Swedish forces have committed crimes against Norwegians, he said.",
             "fr": "Elle a condamné les crimes commis par les forces suédoises."}[lang]
    assert _finland_on_norways_offensive(lang, blame) == SUPPORTS


@pytest.mark.parametrize("lang, sentence", [
    ("en", "He was gravely concerned at the offensive into Rafah."),
    ("fr", "Elle s’est dite préoccupée par l’offensive à Khan Younès."),
])
def test_a_town_of_a_place_names_the_place(lang, sentence):
    from briefgen.issues.vocab import place_mentions

    assert "gaza" in {m.key for m in place_mentions(sentence, lang)}


def test_each_text_voted_is_its_own_issue_with_its_record():
    # Two drafts, L.7 and L.8: Sweden votes for L.7 and against L.8; Denmark, which does
    # not speak, is named against L.8 by the record.  One table for both could not place
    # Sweden; here each text has its own row, named by its symbol.
    title = "General Assembly Adopts Two Texts on Norland"
    lead = "The Assembly adopted draft resolutions L.7 and L.8 by recorded votes."
    speeches = [
        ("SE", ["Sweden voted in favour of L.7 and against L.8, which ignores the victims."]),
        ("NO", ["Norway voted in favour of both texts, L.7 and L.8."]),
        ("FI", ["Finland abstained on L.8."]),
    ]
    votes = (Vote(pid="p2", text="Draft resolution L.7 was adopted by 90 votes to 2 (Iceland, "
                                 "Latvia), with 40 abstentions.", outcome=ADOPTED,
                  subject="resolution", document="L.7", voted_against=("IS", "LV")),
             Vote(pid="p2", text="Draft resolution L.8 was adopted by 80 votes to 3 (Sweden, "
                                 "Denmark, Estonia), with 50 abstentions (Finland).",
                  outcome=ADOPTED, subject="resolution", document="L.8",
                  voted_against=("SE", "DK", "EE"), abstaining=("FI",)))
    release = replace(_release(title, lead, speeches, "en"), votes=votes)
    analysis = find_issues(release, Settings(lang="en"))
    first = _issue(analysis, "draft-resolution-l-7")
    second = _issue(analysis, "draft-resolution-l-8")
    assert (first.label, second.label) == ("Draft resolution L.7", "Draft resolution L.8")
    assert first.contested and second.contested
    assert _stances(first) == {"SE": SUPPORTS, "NO": SUPPORTS, "IS": CONCERNED, "LV": CONCERNED}
    assert _stances(second) == {"SE": CONCERNED, "NO": SUPPORTS, "FI": NEUTRAL,
                                "DK": CONCERNED, "EE": CONCERNED}
    # the record is the evidence of those it names
    denmark = next(p for p in second.positions if p.delegation_key == "DK")
    assert denmark.stance_evidence.source == ("p2",)
    assert not any(i.id == "draft-resolution" for i in analysis.issues)


# FICTIONAL: Norway's operation in Sweden, defended by Norway, criticized by three.
SWEDEN_EN = [
    ("NO", ["Norway's operation in Sweden is self-defence, he said.",
            "Norway will pursue its operation until its security is ensured."]),
    ("DK", ["Denmark condemned Norway's invasion of Sweden."]),
    ("FI", ["Finland said Norway's attack on Sweden is illegal."]),
    ("IS", ["Iceland condemned the invasion of Sweden, a violation of the Charter."]),
    # The careful wording: the attacks are condemned, their author never named.
    ("BR", ["Brazil condemned the attacks on civilian infrastructure in Sweden.",
            "Brazil called for dialogue on Sweden."]),
]


@pytest.mark.parametrize("lang, speeches, careful", [
    ("en", SWEDEN_EN, "BR"),
    ("fr", [
        ("NO", ["La Norvège a défendu son opération en Suède, qui est légitime.",
                "La Norvège poursuivra son opération en Suède."]),
        ("DK", ["Le Danemark a condamné l’invasion menée par la Norvège contre la Suède."]),
        ("FI", ["La Finlande a dénoncé l’offensive lancée par la Norvège contre la Suède."]),
        ("IS", ["L’Islande a condamné l’agression contre la Suède."]),
        ("BR", ["Le Brésil a condamné les attaques contre les infrastructures civiles en Suède.",
                "Le Brésil a appelé au dialogue sur la Suède."]),
    ], "BR"),
])
def test_criticism_counts_from_those_who_say_who_is_to_blame(lang, speeches, careful):
    title = {"en": "Security Council Debates Crisis in Sweden",
             "fr": "Le Conseil de sécurité débat de la crise en Suède"}[lang]
    lead = {"en": "Delegations debated the situation in Sweden.",
            "fr": "Les délégations ont débattu de la situation en Suède."}[lang]
    sweden = _issue(find_issues(_release(title, lead, speeches, lang), Settings(lang=lang)),
                    "sweden")
    assert sweden.contested
    stances = _stances(sweden)
    assert stances["NO"] == SUPPORTS
    # "the invasion" names the party's action as a wrong: Iceland blames, though it names
    # no one; Brazil condemns attacks and names no author: no side.
    assert stances["DK"] == stances["FI"] == stances["IS"] == CONCERNED
    assert stances[careful] != CONCERNED


def test_the_evidence_is_a_sentence_that_names_the_target():
    target = Target(words=stance_cues("en").actions, keys=frozenset({"NO"}), blamed=True,
                    victims=frozenset({"SE"}))
    units = _units("ES", "The resolution is about the sovereignty of Sweden.",
                   "He condemned the invasion by Norway.")
    reading = read_stance(units, "en", target)
    assert reading.stance == CONCERNED
    assert reading.evidence.text == "He condemned the invasion by Norway."


def test_a_tie_between_parties_goes_to_the_one_all_blame_most():
    from briefgen.issues.stance import Reading, defending_party

    # Three critics: two name both Norway and its ally Latvia, one only Norway; Norway is
    # also blamed by a delegation whose reading has no side.
    units = {
        "DK": _units("DK", "Latvia's troops fight alongside Norway's forces, which attacked "
                           "Sweden, and he condemned both."),
        "FI": _units("FI", "He condemned the deployment of Latvian troops and Norway's attack."),
        "IS": _units("IS", "She condemned Norway's attack on Sweden."),
        "EE": _units("EE", "Norway's strikes were condemned by many, she noted."),
    }
    critic = Reading(CONCERNED, False, None, True)
    readings = {"DK": critic, "FI": critic, "IS": Reading(NEUTRAL, False, None),
                "EE": Reading(NEUTRAL, False, None)}
    assert defending_party(readings, units, "SE", "en") == "NO"


@pytest.mark.parametrize("sentence", [
    "She recognized the right of Norway to protect its citizens and its territory.",
    "He voiced support for Norway in its right to defend itself.",
    "His country recognizes Norway's legitimate right to security and defence.",
])
def test_the_right_to_self_defence_in_its_other_words(sentence):
    from briefgen.issues.vocab import topics

    right = next(t for t in topics("en") if t.id == "self-defence")
    assert right.terms.search(fold_text(sentence))
    target = Target(words=right.terms, measure=True)
    assert read_stance(_units("FI", sentence), "en", target).stance == SUPPORTS


def fold_text(text: str) -> str:
    from briefgen.issues.text import fold

    return fold(text)


@pytest.mark.parametrize("lang, words, label, sentence, heading", [
    ("en", "The Russian Federation's deployment in Sweden is unacceptable.",
     "Russian Federation's deployment in Sweden",
     "the Russian Federation's deployment in Sweden",
     "Criticized the Russian Federation's deployment in Sweden"),
    ("fr", "Le déploiement de la Fédération de Russie en Suède est inacceptable.",
     "Déploiement de la Fédération de Russie en Suède",
     "le déploiement de la Fédération de Russie en Suède",
     "Ont critiqué le déploiement de la Fédération de Russie en Suède"),
])
def test_the_side_headings_name_the_action(lang, words, label, sentence, heading):
    from briefgen.issues.targets import target_label
    from briefgen.model import ACTION_SIDES, VOTE_SIDES, Issue
    from briefgen.render import side_heading

    units = {"DK": _units("DK", words)}
    assert target_label("RU", "SE", units, lang, lang) == (label, sentence)
    issue = Issue(id="sweden", label="Sweden", contested=True, sides=ACTION_SIDES,
                  target=label, target_object=sentence)
    assert side_heading(issue, CONCERNED, lang) == heading
    # The other positions, and the sides of a vote, keep their own words.
    assert side_heading(issue, NEUTRAL, lang) in ("Other positions", "Autres positions")
    vote = replace(issue, sides=VOTE_SIDES, target_object="")
    assert side_heading(vote, SUPPORTS, lang) in ("For the text", "Pour le texte")


def test_the_json_gives_each_placement_its_evidence():
    from briefgen.serialize import _position_to_dict

    release = _release("Security Council Debates Crisis in Sweden",
                       "Delegations debated the situation in Sweden.", SWEDEN_EN, "en")
    sweden = _issue(find_issues(release, Settings(lang="en")), "sweden")
    placed = [p for p in sweden.positions if p.stance]
    assert sweden.contested and len(placed) >= 4
    for position in placed:
        data = _position_to_dict(position)
        assert "stance_evidence" not in data
        assert data["evidence"]["text"] == position.stance_evidence.text
        assert data["evidence"]["source"] == list(position.stance_evidence.source)


def test_a_section_whose_sentences_are_mostly_anothers_is_folded_into_it():
    from briefgen.issues import _merged
    from briefgen.issues.assign import Assignment
    from briefgen.issues.matchers import PLACE, TOPIC, Matcher
    from briefgen.model import Bullet, Issue, Position

    # FICTIONAL: "Vestholm" is the plant "Nuclear safety" is about; three of its four
    # sentences are filed under both.  Hostages share one sentence of four: they stay.
    units = _units("DK", "The Vestholm plant is unsafe.", "Nuclear safety at Vestholm matters.",
                   "Vestholm needs inspectors for its nuclear safety.",
                   "The hostages held at Vestholm must be freed.", "Nuclear safety is key.",
                   "Hostages must be released.", "Hostages' families wait.",
                   "More hostages were taken.")
    filed = [{"vestholm", "nuclear"}, {"vestholm", "nuclear"}, {"vestholm", "nuclear"},
             {"vestholm", "hostages"}, {"nuclear"}, {"hostages"}, {"hostages"}, {"hostages"}]
    assignments = [Assignment(u, frozenset(f), frozenset(f), {}) for u, f in zip(units, filed)]

    def issue(issue_id: str, *keys: str) -> Issue:
        return Issue(id=issue_id, label=issue_id, positions=tuple(
            Position(k, k, (Bullet("…", ("p1",), k, "en"),)) for k in keys))

    matchers = [Matcher("nuclear", TOPIC), Matcher("vestholm", PLACE, place="~vestholm"),
                Matcher("hostages", TOPIC)]
    issues = [issue("nuclear", "DK"), issue("vestholm", "DK", "FI"), issue("hostages", "DK")]
    merged = _merged(issues, matchers, assignments)
    assert [i.id for i in merged] == ["nuclear", "hostages"]
    assert [p.delegation_key for p in merged[0].positions] == ["DK", "FI"]  # Finland joins
    # An issue with sides of its own is never folded: the other one folds into it.
    sided = [issues[0], replace(issues[1], contested=True), issues[2]]
    assert [i.id for i in _merged(sided, matchers, assignments)] == ["vestholm", "hostages"]


# FICTIONAL: each critic condemns the strikes in Sweden without naming who carries them out,
# and names Norway in another sentence that does not name Sweden.
DOER_ELSEWHERE = {
    "en": ("Security Council Debates Situation in Sweden",
           "The Security Council met today on the situation in Sweden.", [
               ("NO", ["Norway said its operation in Sweden is lawful and targets only armed "
                       "groups."]),
               ("DK", ["Denmark condemned the bombing of hospitals in Sweden.",
                       "Denmark condemned Norway for that bombing."]),
               ("FI", ["Finland deplored the strikes on schools in Sweden.",
                       "Finland deplored that Norway carried them out."]),
               ("IS", ["Iceland voiced concern about the humanitarian situation in Sweden.",
                       "Iceland deplored the attacks by Norway on aid convoys."]),
               ("EE", ["Estonia said the people of Sweden need aid.",
                       "Estonia denounced Norway's shelling of residential areas."]),
           ]),
    "fr": ("Le Conseil de sécurité débat de la situation en Suède",
           "Le Conseil de sécurité s’est réuni aujourd’hui sur la situation en Suède.", [
               ("NO", ["La Norvège a déclaré que son opération en Suède est licite et ne vise "
                       "que des groupes armés."]),
               ("DK", ["Le Danemark a condamné les bombardements d’hôpitaux en Suède.",
                       "Le Danemark a condamné la Norvège pour ces bombardements."]),
               ("FI", ["La Finlande a déploré les frappes contre des écoles en Suède.",
                       "La Finlande a déploré que la Norvège les ait menées."]),
               ("IS", ["L’Islande s’est dite préoccupée par la situation humanitaire en Suède.",
                       "L’Islande a déploré les attaques de la Norvège contre des convois "
                       "d’aide."]),
               ("EE", ["L’Estonie a déclaré que le peuple de Suède a besoin d’aide.",
                       "L’Estonie a dénoncé le pilonnage de quartiers résidentiels par la "
                       "Norvège."]),
           ]),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_party_is_found_in_the_statements_when_the_places_sentences_name_none(lang):
    title, lead, speeches = DOER_ELSEWHERE[lang]
    sweden = _issue(find_issues(_release(title, lead, speeches, lang), Settings(lang=lang)),
                    "sweden")
    assert sweden.contested
    assert _stances(sweden) == {"NO": SUPPORTS, "DK": CONCERNED, "FI": CONCERNED,
                                "IS": CONCERNED, "EE": CONCERNED}


@pytest.mark.parametrize("lang, lead, said, label", [
    ("en", "The meeting followed Norway's annexation of three Swedish provinces.",
     "Norway's war in Sweden must end.", "Norway's annexation referenda in Sweden"),
    ("fr", "La séance faisait suite à l’annexion de trois provinces suédoises par la Norvège.",
     "La guerre de la Norvège en Suède doit cesser.",
     "Référendums d’annexion de la Norvège en Suède"),
])
def test_the_action_the_lead_names_labels_the_row(lang, lead, said, label):
    from briefgen.issues.targets import target_label

    units = {"DK": _units("DK", said), "FI": _units("FI", said)}
    military = target_label("NO", "SE", units, lang, lang)[0]
    assert military != label  # what the speakers alone name: the war
    assert target_label("NO", "SE", units, lang, lang, _units("", lead))[0] == label


# FICTIONAL: Norway vetoed a draft on Sweden and defends its veto; three members condemn it,
# one speaks of reforming the veto in general.
VETO = {
    "en": ("Security Council Fails to Adopt Draft Resolution on Sweden, Owing to Veto by Norway",
           "The Council heard statements after Norway vetoed the draft.", [
               ("NO", ["Norway said it used its veto because the draft was one-sided, and it "
                       "would do so again."]),
               ("DK", ["Denmark deplored Norway's veto, which blocks the Council once more."]),
               ("FI", ["Finland condemned the veto cast by Norway."]),
               ("IS", ["Iceland denounced the veto used by Norway today, a shameful abuse."]),
               ("EE", ["Estonia said the Council must one day reform the veto."]),
           ]),
    "fr": ("Le Conseil de sécurité ne parvient pas à adopter un projet de résolution sur la "
           "Suède, en raison du veto de la Norvège",
           "Le Conseil a entendu des déclarations après le veto de la Norvège.", [
               ("NO", ["La Norvège a déclaré avoir fait usage de son veto parce que le projet "
                       "était partial, et qu’elle le referait."]),
               ("DK", ["Le Danemark a déploré le veto de la Norvège, qui bloque une fois de "
                       "plus le Conseil."]),
               ("FI", ["La Finlande a condamné le veto opposé par la Norvège."]),
               ("IS", ["L’Islande a dénoncé le veto de la Norvège, un abus honteux."]),
               ("EE", ["L’Estonie a déclaré que le Conseil devra un jour réformer le veto."]),
           ]),
}


@pytest.mark.parametrize("lang, target", [("en", "Norway's veto"), ("fr", "Veto de la Norvège")])
def test_a_veto_is_the_act_of_whom_cast_it(lang, target):
    title, lead, speeches = VETO[lang]
    veto = _issue(find_issues(_release(title, lead, speeches, lang), Settings(lang=lang)),
                  "veto")
    assert veto.contested and veto.target == target
    assert _stances(veto) == {"NO": SUPPORTS, "DK": CONCERNED, "FI": CONCERNED,
                              "IS": CONCERNED, "EE": None}
