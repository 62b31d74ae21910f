"""Who said what, class by class (issue 12): each form a release uses to hand the floor to a
speaker, in English and French, and what must never be taken for one.

Every paragraph here is FICTIONAL CONTENT written for these tests (a canal in an invented
Norland); only the States and UN offices are real, since resolving them is what is tested.
The scorer against our reading of the real releases is `briefgen eval attribution`
(tests/test_corpus_attribution.py).
"""

from __future__ import annotations

import pytest

from briefgen.parse import parse_release


def after_norway(*paragraphs: str, lang: str = "en"):
    """Norway's statement (p3), then `paragraphs` (p4, p5 …)."""
    opening = {"en": "The representative of Norway said the canal matters.",
               "fr": "Le représentant de la Norvège a dit que le canal compte."}[lang]
    heading = {"en": "Statements", "fr": "Déclarations"}[lang]
    body = "\n\n".join(paragraphs)
    return parse_release(f"Fictional meeting on the Norland canal.\n\n{heading}\n\n"
                         f"{opening}\n\n{body}\n", "fictional")


def who(release):
    return [(s.delegation_key, s.paragraphs) for s in release.statements]


@pytest.mark.parametrize("lang, paragraph, key", [
    # any past tense after the quote, in every description form
    ("en", "“The canal must reopen,” echoed Ana Silva, Minister for Foreign Affairs of Portugal, "
           "also speaking for Spain and Italy.", "PT"),
    ("en", "Trade through the canal has halved since March, concurred his counterpart from "
           "Chile.", "CL"),
    ("en", "“No deal can be imposed on the canal’s users,” underscored Jan de Vries, the "
           "representative of the Netherlands.", "NL"),
    ("fr", "« Le canal doit rouvrir », a renchéri Mme Ana Silva, Ministre des affaires "
           "étrangères du Portugal.", "PT"),
    ("fr", "Le commerce a chuté de moitié, a répliqué son homologue du Chili.", "CL"),
    # a name written as style A writes it, but in mixed case, after the quote
    ("en", "“Dialogue is the only path,” said Ana Silva (Chile).", "CL"),
    ("fr", "« Le dialogue est la seule voie », a déclaré Mme Ana Silva (Chili).", "CL"),
    # the title first, then the name or none
    ("en", "“The canal belongs to all,” said the Minister for Foreign Affairs of India, Raj "
           "Kumar.", "IN"),
    ("en", "“The canal belongs to all,” said the Minister for Foreign Affairs of India.", "IN"),
    ("fr", "« Le canal appartient à tous », a déclaré le Ministre des affaires étrangères de "
           "l’Inde, M. Raj Kumar.", "IN"),
    ("fr", "« Le canal appartient à tous », a lancé le Ministre des affaires étrangères de "
           "l’Inde.", "IN"),
])
def test_a_speaker_named_after_the_quote_takes_the_floor(lang, paragraph, key):
    release = after_norway(paragraph, lang=lang)
    assert who(release) == [("NO", ("p3",)), (key, ("p4",))]


def test_the_whole_list_spoken_for_after_an_inverted_name():
    release = after_norway("“The canal must reopen,” echoed Ana Silva, Minister for Foreign "
                           "Affairs of Portugal, also speaking for Spain and Italy.")
    assert release.statements[1].on_behalf_of is not None


def test_an_envoy_of_a_states_minister_speaks_for_that_state():
    release = after_norway("“The canal is everyone’s,” said Jan de Vries, Special Envoy for the "
                           "Canal of the Foreign Minister of the Netherlands.")
    assert who(release)[1] == ("NL", ("p4",))


@pytest.mark.parametrize("text", [
    "Fictional briefing on the Norland canal.\n\nBriefings\n\n"
    "“The canal is closed,” said Tom Alder, Under-Secretary-General for Political and "
    "Peacebuilding Affairs.\n\n"
    "He added that talks continue.\n\n"
    "“Food stocks will last a week,” said Rita Moss, Director of the Canal Division, "
    "Head of the Office for the Coordination of Humanitarian Affairs.\n\n"
    "She called for access.\n",
    # French puts the honorific before the name; both paragraphs are inversions, which makes
    # the section look thematic (read sentence by sentence): the speakers must be found there
    "Exposé fictif sur le canal de Norlande.\n\nExposés\n\n"
    "« Le canal est fermé », a déclaré M. Tom Alder, Secrétaire général adjoint aux affaires "
    "politiques et à la consolidation de la paix.\n\n"
    "Il a ajouté que les pourparlers se poursuivent.\n\n"
    "« Les stocks de nourriture dureront une semaine », a prévenu Mme Rita Moss, Directrice "
    "de la Division du canal au Bureau de la coordination des affaires humanitaires.\n\n"
    "Elle a demandé un accès sans entrave.\n",
])
def test_two_un_officials_in_a_row_are_two_briefings(text):
    release = parse_release(text, "fictional")
    assert [(s.delegation_key, s.speaker, s.paragraphs, s.kind) for s in release.statements] == [
        ("org:UN", "Tom Alder", ("p3", "p4"), "briefing"),
        ("org:UN", "Rita Moss", ("p5", "p6"), "briefing")]


@pytest.mark.parametrize("text", [
    "As the ceasefire in Norland frays, the modest gains of the truce are being lost, Jonas "
    "Halvorsen-Vik, Under-Secretary-General for Humanitarian Affairs, told the Security Council "
    "today.\n\n“Overnight, our fears materialized,” he added.\n\n"
    "The United Kingdom’s representative said the ceasefire must hold.\n",
    # French names when and to whom between the verb and the speaker
    "Alors que le cessez-le-feu en Norlande s’effrite, les modestes acquis de la trêve se "
    "perdent, a déclaré aujourd’hui au Conseil de sécurité M. Jonas Halvorsen-Vik, Secrétaire "
    "général adjoint aux affaires humanitaires.\n\n"
    "« Cette nuit, nos craintes se sont concrétisées », a-t-il ajouté.\n\n"
    "Le représentant du Royaume-Uni a dit que le cessez-le-feu doit tenir.\n",
    # … and may name the briefer by title first
    "« Le cessez-le-feu s’effrite », a déclaré ce matin au Conseil de sécurité l’Envoyée "
    "spéciale du Secrétaire général pour la Norlande, Mme Lena Holm.\n\n"
    "Elle a appelé à un cessez-le-feu le long des écluses.\n\n"
    "Le représentant du Royaume-Uni a dit que le cessez-le-feu doit tenir.\n",
])
def test_a_release_that_opens_with_a_briefer_gives_the_briefer_the_opening(text):
    release = parse_release(text, "fictional")
    assert release.lead == ()
    assert [(s.delegation_key, s.paragraphs, s.kind) for s in release.statements] == [
        ("org:UN", ("p1", "p2"), "briefing"), ("GB", ("p3",), "statement")]


@pytest.mark.parametrize("lang, text", [
    ("en", "Fictional Meeting on the Norland Canal\n\n"
           "The Assembly debated the canal today. The representative of France said it must "
           "reopen. Echoing this, the representative of Poland said his country abstained.\n\n"
           "Statements\n\n"
           "The representative of Chile said the closure is illegal.\n\n"
           "The representative of Poland said the vote was fair.\n"),
    ("fr", "Réunion fictive sur le canal de Norlande\n\n"
           "L’Assemblée a débattu du canal aujourd’hui. Le représentant de la France a dit qu’il "
           "doit rouvrir. Faisant écho à ces propos, le représentant de la Pologne a dit que son "
           "pays s’est abstenu.\n\n"
           "Déclarations\n\n"
           "Le représentant du Chili a dit que la fermeture est illégale.\n\n"
           "Le représentant de la Pologne a dit que le vote était juste.\n"),
])
def test_the_lead_gives_no_turn_and_makes_no_repeat(lang, text):
    release = parse_release(text, "fictional")
    assert release.lead == ("p2",) and not release.unattributed
    assert release.paragraph("p2").kind == "lead"
    assert [(s.delegation_key, s.kind, s.repeat_of) for s in release.statements] == [
        ("CL", "statement", None), ("PL", "statement", None)]


@pytest.mark.parametrize("lang, paragraph", [
    ("en", "The representative of Norway said the canal matters. “The canal must reopen,” "
           "echoed Ana Silva, Minister for Foreign Affairs of Portugal."),
    ("fr", "Le représentant de la Norvège a dit que le canal compte. « Le canal doit "
           "rouvrir », a renchéri Mme Ana Silva, Ministre des affaires étrangères du Portugal."),
])
def test_a_sentence_naming_another_speaker_as_the_one_speaking_leaves_the_statement(
        lang, paragraph):
    """The guard of class 7: inside a paragraph too, not only at its opening."""
    heading = {"en": "Statements", "fr": "Déclarations"}[lang]
    release = parse_release(f"Fictional meeting.\n\n{heading}\n\n{paragraph}\n", "fictional")
    norway, portugal = release.statements
    assert (norway.delegation_key, portugal.delegation_key) == ("NO", "PT")
    assert "Ana Silva" not in norway.text and portugal.speaker == "Ana Silva"


def test_the_chair_of_a_un_committee_speaks_for_the_un():
    release = parse_release(
        "Fictional debate on the Norland canal.\n\nStatements\n\n"
        "ANA SILVA (Chile) said the canal matters.\n\n"
        "MAMADOU FALL (Senegal), Chair of the Committee on the Norland Canal, said the "
        "Committee will report.\n", "fictional")
    assert [s.delegation_key for s in release.statements] == ["CL", "org:UN"]


@pytest.mark.parametrize("lang, paragraph, key", [
    ("en", "Speaking before the vote, Ana Silva (Chile) noted that the text has 40 sponsors.",
     "CL"),
    ("en", "Also speaking before the vote was Ana Silva (Chile), who said the text is fair.",
     "CL"),
    ("fr", "S’exprimant avant le vote, Mme Ana Silva (Chili) a noté que le texte compte 40 "
           "coauteurs.", "CL"),
])
def test_a_named_speaker_after_when_they_spoke(lang, paragraph, key):
    assert who(after_norway(paragraph, lang=lang))[1] == (key, ("p4",))


@pytest.mark.parametrize("lang, paragraph", [
    ("en", "JANE ROE, a representative of the Fictional Institute for Canals, said the canal "
           "is a common good."),
    ("fr", "Mme JANE ROE, représentante de l’Institut fictif des canaux, a déclaré que le canal "
           "est un bien commun."),
])
def test_a_speaker_of_a_body_no_table_knows_is_no_follow_on(lang, paragraph):
    release = after_norway(paragraph, lang=lang)
    assert len(release.statements) == 2
    assert release.statements[1].speaker and "ROE" in release.statements[1].speaker


@pytest.mark.parametrize("lang, paragraph, key", [
    ("en", "Introducing the draft, Ana Silva (Chile) said it reflected the views of all riparian "
           "States.", "CL"),
    ("fr", "Présentant le projet de résolution, Mme Ana Silva (Chili) a dit qu’il reflète les "
           "vues de tous les États riverains.", "CL"),
    ("en", "The text (document A/99/L.7) was adopted without a vote. It was introduced by the "
           "representative of Peru, who said the canal unites the region.", "PE"),
    ("fr", "Le texte (document A/99/L.7) a été adopté sans vote. Il a été présenté par le "
           "représentant du Pérou, qui a dit que le canal unit la région.", "PE"),
])
def test_a_text_introduced_by_a_delegate_hands_the_floor_to_it(lang, paragraph, key):
    follow = {"en": "The date reminds us of our commitment, he stated.",
              "fr": "La date nous rappelle notre engagement, a-t-il déclaré."}[lang]
    release = after_norway(paragraph, follow, lang=lang)
    assert who(release) == [("NO", ("p3",)), (key, ("p4", "p5"))]
    # the record itself is the release's voice, in nobody's statement
    assert not any("adopt" in p.text for p in release.statements[1].passages)


@pytest.mark.parametrize("paragraph, key", [
    ("Peru abstained on the text tabled by Chile, saying it came too late.", "PE"),
    ("France, on behalf of several European States, proposed amendments to the text.", "FR"),
    ("Similarly, Peru’s announced its abstention on the draft.", "PE"),
])
def test_a_state_acting_on_a_text_is_its_own_turn(paragraph, key):
    assert who(after_norway(paragraph))[1] == (key, ("p4",))


@pytest.mark.parametrize("lang, paragraph", [
    ("en", "Some States have reopened their ports to canal traffic, he noted."),
    ("en", "Chile deplored the closure and blocked every text, he said."),
    ("en", "Chile proposed a ceasefire last year, he recalled."),
    ("fr", "La Chine a proposé un cessez-le-feu l’an dernier, a-t-il rappelé."),
    ("fr", "Selon lui, la Chine a demandé un délai supplémentaire."),
    ("fr", "D’après elle, le Mexique a annoncé un financement pour les écluses."),
    ("fr", "À l’en croire, la Chine a demandé un délai supplémentaire."),
    ("fr", "Il a affirmé que, selon lui, la Chine a demandé un délai supplémentaire."),
])
def test_what_the_speaker_reports_stays_in_the_speakers_turn(lang, paragraph):
    assert who(after_norway(paragraph, lang=lang)) == [("NO", ("p3", "p4"))]


@pytest.mark.parametrize("lang, paragraph, key", [
    ("en", "The representative of Chile called for talks — “we know this because we are in "
           "the room”, she stated.", "CL"),
    ("fr", "Le délégué de l’Indonésie a quant à lui exhorté les parties à négocier.", "ID"),
    ("fr", "La représentante du Pérou a toutefois souligné que les péages financent "
           "l’entretien.", "PE"),
    ("fr", "Le blocus est illégal, a estimé à son tour le représentant du Brésil.", "BR"),
])
def test_an_adverb_or_the_reporters_tail_does_not_hide_who_speaks(lang, paragraph, key):
    """The speaker's voice at the end of a delegate's sentence is that delegate's; an adverb
    between the French auxiliary and its participle ("a toutefois souligné") is still a
    verb of saying."""
    assert who(after_norway(paragraph, lang=lang))[1] == (key, ("p4",))


def test_a_record_that_opens_a_speakers_own_sentence_stays_theirs():
    release = after_norway("Ms. ANA SILVA (Chile), speaking after the vote, said the text was "
                           "not adopted because of a single veto by a permanent member.")
    assert who(release)[1] == ("CL", ("p4",))
    assert "veto" in release.statements[1].passages[0].text


@pytest.mark.parametrize("lang, paragraph, written, keys", [
    ("en", "The representative of Sweden, speaking on behalf of Denmark, Finland, Iceland and "
           "Norway, said the canal must reopen.", "Denmark, Finland, Iceland and Norway",
     ("DK", "FI", "IS", "NO")),
    ("en", "Ana Berzina (Latvia), also on behalf of Estonia and Lithuania, said shipping must "
           "resume.", "Estonia and Lithuania", ("EE", "LT")),
    ("en", "The representative of Trinidad and Tobago, speaking on behalf of Bosnia and "
           "Herzegovina and Saint Lucia, said the canal matters.",
     "Bosnia and Herzegovina and Saint Lucia", ("BA", "LC")),
    ("fr", "Le représentant de la Suède, au nom du Danemark, de la Finlande et de la Norvège, a "
           "dit que le canal doit rouvrir.", "Danemark, de la Finlande et de la Norvège",
     ("DK", "FI", "NO")),
    ("en", "The representative of Canada, speaking also for Australia and New Zealand, said the "
           "fees are unfair.", "Australia and New Zealand", ("AU", "NZ")),
    # after an inversion, the list follows the speaker
    ("en", "“The canal must reopen,” said the representative of Belgium, also speaking for "
           "Luxembourg and the Netherlands.", "Luxembourg and the Netherlands", ("LU", "NL")),
    ("fr", "« Le canal doit rouvrir », a déclaré la représentante de la Belgique, qui "
           "s’exprimait aussi au nom du Luxembourg et des Pays-Bas.",
     "Luxembourg et des Pays-Bas", ("LU", "NL")),
    # names the United Nations writes its own way ("Saint-Kitts-et-Nevis")
    ("fr", "Le représentant d’Antigua-et-Barbuda, au nom de Saint-Kitts-et-Nevis, de la "
           "Trinité-et-Tobago et de Saint-Vincent-et-les Grenadines, a dit que les petits États "
           "dépendent du canal.", "Saint-Kitts-et-Nevis, de la Trinité-et-Tobago et de "
           "Saint-Vincent-et-les Grenadines", ("KN", "TT", "VC")),
])
def test_the_whole_list_spoken_for_is_kept(lang, paragraph, written, keys):
    statement = after_norway(paragraph, lang=lang).statements[1]
    assert (statement.on_behalf_of, statement.on_behalf_keys) == (written, keys)
    assert statement.on_behalf_key is None  # several: no one key stands for them


def test_a_group_no_table_knows_is_kept_and_shown_in_the_note():
    from briefgen.compose import compose
    from briefgen.issues import find_issues
    from briefgen.render import render
    from briefgen.settings import Settings
    from briefgen.summarize import summarize_release

    release = after_norway("The representative of Peru, speaking on behalf of the Group of "
                           "Friends of the Norland Canal, said the canal must reopen to all.")
    statement = release.statements[1]
    assert statement.on_behalf_of == "the Group of Friends of the Norland Canal"
    assert statement.on_behalf_keys == () and statement.on_behalf_key is None
    settings = Settings(lang="en")
    briefing = compose(release, summarize_release(release, settings),
                       find_issues(release, settings), settings)
    assert "Peru**, on behalf of the Group of Friends of the Norland Canal" in render(
        briefing, "md").decode()


@pytest.mark.parametrize("lang, paragraph", [
    ("en", "The United States’ draft on the canal met resistance for leaving out the blockade "
           "of the northern locks."),
    ("en", "Chile's rival proposal, which named no one, drew wide support in the hall."),
    ("fr", "La proposition des États-Unis sur le canal s’est heurtée à des résistances, faute "
           "de mentionner le blocus des écluses."),
])
def test_a_paragraph_on_another_states_doing_in_the_releases_voice_is_nobodys(lang, paragraph):
    release = after_norway(paragraph, lang=lang)
    assert who(release) == [("NO", ("p3",))]
    assert [p.pid for p in release.unattributed] == ["p4"]


@pytest.mark.parametrize("lang, paragraph", [
    ("en", "The United States’ draft ignores the blockade, she said."),  # her voice
    ("en", "Norway’s own draft would reopen the locks within a month."),  # her own State
    ("en", "Chile’s proposal deserves support. It names no one, he added."),
    ("fr", "La proposition des États-Unis ignore le blocus, a-t-elle estimé."),
])
def test_a_speaker_reporting_another_states_doing_keeps_the_paragraph(lang, paragraph):
    release = after_norway(paragraph, lang=lang)
    assert who(release) == [("NO", ("p3", "p4"))]


@pytest.mark.parametrize("lang, paragraph", [
    ("en", "Ana Silva (Chile) said the closure is illegal. Also speaking, Kenji Sato (Japan) said "
           "the locks must be repaired."),
    ("fr", "Mme Ana Silva (Chili) a dit que la fermeture est illégale. M. Kenji Sato (Japon) a "
           "ajouté que les écluses doivent être réparées."),
])
def test_a_named_speaker_inside_a_paragraph_takes_it_over(lang, paragraph):
    release = after_norway(paragraph, lang=lang)
    assert [s.delegation_key for s in release.statements] == ["NO", "CL", "JP"]
    assert release.statements[2].speaker == "Kenji Sato"
    assert "Kenji Sato" not in release.statements[1].text


def test_an_office_written_before_the_name_is_the_offices():
    """"Assembly President NAME (Country) said": the President of the General Assembly
    speaks for the United Nations, not for the country, also inside a paragraph."""
    release = parse_release(
        "Fictional meeting.\n\nStatements\n\nThe Assembly also observed a fictional day. "
        "Assembly President Lena Holm (Norway) said the canal unites all.\n", "fictional")
    (president,) = release.statements
    assert (president.delegation_key, president.speaker) == ("org:UN", "Lena Holm")


BRIEFINGS = {"en": "Fictional briefing on the Norland canal.\n\nBriefings\n\n"
                   "“The canal is closed,” said Tom Alder, Under-Secretary-General for Political "
                   "and Peacebuilding Affairs.\n\n",
             "fr": "Exposé fictif sur le canal de Norlande.\n\nExposés\n\n"
                   "« Le canal est fermé », a déclaré M. Tom Alder, Secrétaire général adjoint "
                   "aux affaires politiques.\n\n"}


@pytest.mark.parametrize("lang, paragraph, key, speaker", [
    ("en", "Also briefing was Catherine Russell, Executive Director of the United Nations "
           "Children’s Fund (UNICEF), who said 2 million children live along the canal.",
     "org:UN", "Catherine Russell"),
    ("fr", "A également présenté un exposé Mme Catherine Russell, Directrice générale du Fonds "
           "des Nations Unies pour l’enfance (UNICEF), qui a indiqué que 2 millions d’enfants "
           "vivent le long du canal.", "org:UN", "Catherine Russell"),
    ("en", "“Food stocks will last a week,” warned the Under-Secretary-General for Humanitarian "
           "Affairs, Tom Fletcher.", "org:UN", "Tom Fletcher"),
    ("fr", "« Les stocks dureront une semaine », a prévenu le Secrétaire général adjoint aux "
           "affaires humanitaires, M. Tom Fletcher.", "org:UN", "Tom Fletcher"),
    ("en", "Also briefing the Council was Mira Dahl of Norland Canal Watch, who said fishermen "
           "have lost their livelihoods.", "unknown", "Mira Dahl"),
    # a civil-society briefer of a body no table knows: a speaker of their own, never the
    # first briefer going on
    ("en", "Mira Dahl, Director of Norland Canal Watch, a civil society organization, said "
           "fishermen have lost their livelihoods.", "unknown", "Mira Dahl"),
    ("en", "Mira Dahl, Founder of Norland Canal Watch, shared her experience as a fisher.",
     "unknown", "Mira Dahl"),
    ("fr", "Mme Mira Dahl, directrice de l’organisation de la société civile Norland Canal "
           "Watch, a témoigné que les pêcheurs ont perdu leurs moyens de subsistance.",
     "unknown", "Mira Dahl"),
    ("fr", "Intervenant au nom de la société civile, Mme Mira Dahl, de Norland Canal Watch, a dit "
           "que les pêcheurs ont tout perdu.", "unknown", "Mira Dahl"),
])
def test_a_second_briefer_is_a_briefing_of_their_own(lang, paragraph, key, speaker):
    release = parse_release(BRIEFINGS[lang] + paragraph + "\n", "fictional")
    first, second = release.statements
    assert (first.speaker, first.paragraphs) == ("Tom Alder", ("p3",))
    assert (second.delegation_key, second.speaker, second.paragraphs, second.kind) == (
        key, speaker, ("p4",), "briefing")


def test_a_collective_subject_with_an_example_is_no_named_speaker():
    release = after_norway("Many States, including the representative of Chile, stressed that "
                           "no settlement can last without the riparian States.")
    assert who(release) == [("NO", ("p3",))]


def test_a_state_contrasted_with_the_speaker_leaves_their_statement():
    """"…, while France urged restraint": France's words are not Chile's; which of France's
    delegates spoke is not said, so the clause is nobody's rather than guessed."""
    release = after_norway("The representative of Chile said the closure is illegal, while "
                           "France urged restraint.")
    chile = release.statements[1]
    assert chile.delegation_key == "CL" and "France" not in chile.text
    assert [p.text for p in release.unattributed] == ["while France urged restraint."]


def test_a_state_and_its_delegates_name_take_the_paragraph_over():
    release = after_norway("Ana Silva (Chile) said the closure is illegal. Japan’s Kenji Sato "
                           "said the locks must be repaired.")
    assert [(s.delegation_key, s.speaker) for s in release.statements][1:] == [
        ("CL", "Ana Silva"), ("JP", "Kenji Sato")]


def test_a_head_of_state_quoted_by_the_speaker_is_no_speaker():
    release = after_norway("The representative of Chile said the closure is illegal. Ukraine’s "
                           "President Olena Marchenko said so last week.")
    assert [s.delegation_key for s in release.statements] == ["NO", "CL"]


@pytest.mark.parametrize("lang, paragraph", [
    ("fr", "La Chine, a-t-il dit, a toujours défendu la réouverture du canal."),
    ("fr", "« Le délégué de l’Azerbaïdjan ment à ce Conseil », a-t-il lancé."),
    ("fr", "Le délégué de l’Azerbaïdjan ment à ce Conseil, a-t-il dit."),
    ("en", "The delegate of Azerbaijan is lying to this Council, he said."),
    ("en", "“The delegate of Azerbaijan is lying to this Council,” he said."),
])
def test_a_delegation_the_speaker_speaks_of_is_not_given_the_words(lang, paragraph):
    """Named inside a quotation, or as the subject of a verb that is no verb of saying under
    the speaker's own "he said", or set off by "a-t-il dit": what the speaker says of it."""
    assert who(after_norway(paragraph, lang=lang)) == [("NO", ("p3", "p4"))]


@pytest.mark.parametrize("lang, paragraph, key", [
    ("en", "She was echoed by the representative of Peru, who said transit fees must be frozen.",
     "PE"),
    ("en", "That view was shared by Austria’s representative, who offered to send 50 monitors.",
     "AT"),
    ("fr", "Son appel a été relayé par le représentant du Pérou, qui a exigé la levée des "
           "mesures.", "PE"),
    ("fr", "Un avis partagé par le représentant de l’Autriche, qui a proposé d’envoyer 50 "
           "observateurs.", "AT"),
])
def test_a_speaker_who_takes_up_the_point_of_the_previous_one_speaks(lang, paragraph, key):
    assert who(after_norway(paragraph, lang=lang))[1] == (key, ("p4",))


@pytest.mark.parametrize("lang, paragraph, first, second", [
    ("en", "While France’s delegate backed the canal commission, Japan’s representative asked "
           "for more time.", "France", "Japan"),
    ("fr", "Alors que la France a appuyé la commission du canal, le représentant du Japon a "
           "demandé un délai de réflexion.", "France", "Japon"),
])
def test_a_clause_with_a_subject_of_its_own_is_not_the_next_speakers(lang, paragraph, first,
                                                                     second):
    release = after_norway(paragraph, lang=lang)
    japan = next(s for s in release.statements if s.delegation_key == "JP")
    assert second in japan.text and first not in japan.text
    assert not any(first in s.text for s in release.statements if s.delegation_key == "NO")


@pytest.mark.parametrize("lang, sentence, key", [
    ("en", "“Norland needs engineers, not resolutions,” said the delegate of the Netherlands "
           "this afternoon.", "NL"),
    ("en", "The transit fees are illegal, said the representative of Egypt on behalf of the Arab "
           "Group.", "EG"),
    ("fr", "« La Norlande a besoin d’ingénieurs », a dit le représentant des Pays-Bas avant le "
           "vote.", "NL"),
    ("fr", "« Le canal n’est pas à vendre », a déclaré le représentant de l’Égypte au nom du "
           "Groupe des États arabes.", "EG"),
])
def test_an_inverted_speaker_followed_by_when_or_for_whom_takes_the_sentence(lang, sentence,
                                                                            key):
    """Inside a paragraph read sentence by sentence (style C), after another speaker's."""
    opening = {"en": "“The canal is the artery of the north,” said the representative of "
                     "Ireland. Norland’s neighbours must be consulted, stressed Kenya’s delegate.",
               "fr": "« Le canal est l’artère du Nord », a déclaré la représentante de "
                     "l’Irlande. Les voisins de la Norlande doivent être consultés, a insisté le "
                     "délégué du Kenya."}[lang]
    heading = {"en": "Statements", "fr": "Déclarations"}[lang]
    release = parse_release(f"Fictional meeting.\n\n{heading}\n\n{opening} {sentence}\n",
                            "fictional")
    owner = [s.delegation_key for s in release.statements
             if any(sentence[:20] in p.text for p in s.passages)]
    assert owner == [key]


@pytest.mark.parametrize("lang, text", [
    ("en", "Fictional meeting.\n\nBriefings\n\nHELGA MARSTRAND, Under-Secretary-General for "
           "Political and Peacebuilding Affairs, said dredging had stopped in May.\n\n"
           "Statements\n\nThe representative of Mexico asked whether the Secretariat had a "
           "demining plan.\n\nMs. Marstrand replied that a plan would be ready by May.\n"),
    ("en", "Fictional meeting.\n\nBriefings\n\nHELGA MARSTRAND, Under-Secretary-General for "
           "Political and Peacebuilding Affairs, said dredging had stopped in May.\n\n"
           "Statements\n\nANA SILVA (Chile) said the canal must reopen before winter.\n\n"
           "Taking the floor again, the Under-Secretary-General said a demining plan would be "
           "ready in May.\n"),
    ("fr", "Réunion fictive.\n\nExposés\n\nMme HELGA MARSTRAND, Secrétaire générale adjointe aux "
           "affaires politiques et à la consolidation de la paix, a indiqué que le dragage est à "
           "l’arrêt.\n\nDéclarations\n\nLe représentant du Mexique a demandé si le Secrétariat "
           "dispose d’un plan de déminage.\n\nMme Marstrand a répondu qu’un plan serait prêt en "
           "mai.\n"),
    ("fr", "Réunion fictive.\n\nExposés\n\nMme HELGA MARSTRAND, Secrétaire générale adjointe aux "
           "affaires politiques et à la consolidation de la paix, a indiqué que le dragage est à "
           "l’arrêt.\n\nDéclarations\n\nMme ANA SILVA (Chili) a dit que le canal doit rouvrir."
           "\n\nReprenant la parole, la Secrétaire générale adjointe a précisé qu’un plan de "
           "déminage serait prêt en mai.\n"),
])
def test_a_briefer_named_again_by_surname_or_title_speaks_again(lang, text):
    release = parse_release(text, "fictional")
    last = release.statements[-1]
    assert (last.delegation_key, last.speaker, last.paragraphs) == (
        "org:UN", "HELGA MARSTRAND", ("p6",))
    assert last.repeat_of == 0


@pytest.mark.parametrize("lang, paragraph, key, speaker", [
    ("en", "Ambassador Kenji Sato of Japan said Tokyo would finance the radar tower.", "JP",
     "Kenji Sato"),
    ("en", "Foreign Minister Ana Silva of Chile said Santiago would ratify the treaty.", "CL",
     "Ana Silva"),
    ("en", "Japan’s Ambassador, Kenji Sato, said Tokyo would pay for the radar tower.", "JP",
     "Kenji Sato"),
    ("en", "Chile’s Foreign Minister Ana Silva said her Government would ratify the treaty.",
     "CL", "Ana Silva"),
    ("fr", "L’Ambassadeur Kenji Sato, du Japon, a annoncé que Tokyo financerait la tour radar.",
     "JP", "Kenji Sato"),
])
def test_a_delegate_named_with_title_and_country_takes_the_floor(lang, paragraph, key,
                                                                  speaker):
    release = after_norway(paragraph, lang=lang)
    assert [(s.delegation_key, s.speaker, s.paragraphs) for s in release.statements][1:] == [
        (key, speaker, ("p4",))]


@pytest.mark.parametrize("lang, text", [
    ("en", "Fictional meeting.\n\nBriefings\n\nHELGA MARSTRAND, Under-Secretary-General for "
           "Political and Peacebuilding Affairs, said dredging had stopped in May.\n\n"
           "Statements\n\nThe representative of Mexico asked whether the Secretariat had a "
           "demining plan.  In response, the Under-Secretary-General said a plan would be ready "
           "by May.\n"),
    ("fr", "Réunion fictive.\n\nExposés\n\nMme HELGA MARSTRAND, Secrétaire générale adjointe aux "
           "affaires politiques et à la consolidation de la paix, a indiqué que le dragage est à "
           "l’arrêt.\n\nDéclarations\n\nLe représentant du Mexique a demandé si le Secrétariat "
           "dispose d’un plan de déminage.  En réponse, Mme Marstrand a répondu qu’un plan serait "
           "prêt en mai.\n"),
])
def test_a_briefer_named_again_inside_a_paragraph_takes_it_back(lang, text):
    release = parse_release(text, "fictional")
    mexico, answer = release.statements[1:]
    assert mexico.delegation_key == "MX" and "plan serait" not in mexico.text
    assert "plan would be" not in mexico.text
    assert (answer.delegation_key, answer.speaker, answer.repeat_of) == (
        "org:UN", "HELGA MARSTRAND", 0)


@pytest.mark.parametrize("lang, paragraph, key", [
    # a State alone as the subject, its auxiliary split from the participle or a vote act
    ("fr", "La Chine s’est, elle aussi, abstenue, estimant que le texte manque d’équilibre.",
     "CN"),
    ("fr", "La Chine s’est abstenue.", "CN"),
    ("fr", "L’Union européenne a, par la voix de son représentant, indiqué que le canal doit "
           "rouvrir.", "org:EU"),
    ("fr", "Les États-Unis ont annoncé qu’ils voteraient contre le texte.", "US"),
    ("fr", "Le Japon a quant à lui annoncé qu’il soutiendrait le texte.", "JP"),
    ("fr", "Pour le Pakistan, la fermeture du canal est illégale.", "PK"),
    ("en", "The European Union, through its representative, stated that the canal must "
           "reopen.", "org:EU"),
    # a State opening the paragraph with a verb of saying, no voice of the speaker after it
    ("en", "The Russian Federation called the closure illegal.", "RU"),
    # the delegation named just before a relative that holds its delegate
    ("fr", "Même son de cloche du côté des États-Unis, dont la représentante a dit que le canal "
           "doit rouvrir.", "US"),
    ("en", "A similar view came from Chile, whose delegate said the canal must reopen.", "CL"),
    # "so did" and its relative
    ("en", "So did the delegate of Australia, who said the canal must reopen.", "AU"),
    ("fr", "Tout comme le représentant de l’Australie, qui a dit que le canal doit rouvrir.",
     "AU"),
    # the speaker's voice inside a relative is the new speaker's own
    ("en", "The representative of Belarus introduced the amendment, which he said would "
           "protect the canal.", "BY"),
    ("fr", "Le représentant du Bélarus a présenté l’amendement, qui vise selon lui à protéger le "
           "canal.", "BY"),
])
def test_a_new_speaker_in_the_less_common_forms_takes_the_floor(lang, paragraph, key):
    assert who(after_norway(paragraph, lang=lang)) == [("NO", ("p3",)), (key, ("p4",))]


@pytest.mark.parametrize("paragraph", [
    # …, and what the State did is still the speaker's report when the speaker's voice follows
    "The Russian Federation called the closure illegal, she said.",
    "The Russian Federation called the closure illegal, he recalled.",
])
def test_a_state_opening_the_paragraph_under_the_speakers_voice_is_reported(paragraph):
    assert who(after_norway(paragraph)) == [("NO", ("p3", "p4"))]


@pytest.mark.parametrize("lang, paragraph, written", [
    ("en", "Speaking for the A3+ — Algeria, Guyana, Mozambique and Sierra Leone — the "
           "representative of Sierra Leone said the canal must reopen.",
     "the A3+ — Algeria, Guyana, Mozambique and Sierra Leone"),
    ("en", "Speaking for the A3+ (Algeria, Guyana, Mozambique and Sierra Leone), the "
           "representative of Sierra Leone said the canal must reopen.",
     "the A3+ (Algeria, Guyana, Mozambique and Sierra Leone)"),
    ("fr", "Au nom des A3+ (Algérie, Guyana, Mozambique et Sierra Leone), le représentant de la "
           "Sierra Leone a dit que le canal doit rouvrir.",
     "A3+ (Algérie, Guyana, Mozambique et Sierra Leone)"),
])
def test_a_group_no_table_knows_keeps_its_members(lang, paragraph, written):
    release = after_norway(paragraph, lang=lang)
    assert who(release) == [("NO", ("p3",)), ("SL", ("p4",))]
    sierra_leone = release.statements[1]
    assert sierra_leone.on_behalf_of == written
    assert sierra_leone.on_behalf_keys == ("DZ", "GY", "MZ", "SL")


def test_the_french_meeting_times_are_no_ones_words():
    release = after_norway("La séance a débuté à 10 h 05 et pris fin à 13 h 10.", lang="fr")
    assert who(release) == [("NO", ("p3",))]
    assert release.paragraph("p4").kind == "structure"


@pytest.mark.parametrize("lang, paragraph, key", [
    # the plural marks of a turn, and a relative between the State and its verb
    ("fr", "Les États-Unis, pour leur part, ont dénoncé les entraves à l’acheminement de l’aide.",
     "US"),
    ("fr", "Le Mexique, qui a voté pour, a toutefois regretté que le texte soit si bref.", "MX"),
    ("fr", "L’Union européenne, dont les États membres ont voté pour, a salué l’esprit de "
           "compromis.", "org:EU"),
    # a speaker named, then "of" the delegation
    ("fr", "Mme KATRIN VÄLJAOTS, de l’Union européenne, a annoncé une contribution de 30 "
           "millions d’euros.", "org:EU"),
    ("en", "KATRIN VALJAOTS, of the European Union, announced a contribution of €30 million.",
     "org:EU"),
])
def test_a_delegation_with_its_aside_takes_the_floor(lang, paragraph, key):
    assert who(after_norway(paragraph, lang=lang)) == [("NO", ("p3",)), (key, ("p4",))]


@pytest.mark.parametrize("lang, paragraph, body", [
    ("en", "The Council also heard from Dr. Idris Malouk, President of the Norland Doctors "
           "Association, who said the canal hospitals are full.", "Norland Doctors Association"),
    ("fr", "Le Conseil a également entendu le docteur Idris Malouk, Président de l’Association "
           "des médecins de Norlande, qui s’est exprimé par visioconférence.",
     "Association des médecins de Norlande"),
])
def test_a_briefer_the_body_heard_speaks_for_their_own_body(lang, paragraph, body):
    release = after_norway(paragraph, lang=lang)
    briefer = release.statements[1]
    assert (briefer.delegation, briefer.speaker, briefer.paragraphs) == (
        body, "Idris Malouk", ("p4",))


def test_a_list_between_dashes_is_spoken_for_in_a_thematic_section():
    release = parse_release(
        "Fictional meeting on the Norland canal.\n\nStatements\n\n"
        "The canal must reopen, said the representative of Chile, while Peru’s delegate urged "
        "talks.\n\nShipping has halved, said Japan’s representative. Tolls must fall, added the "
        "delegate of Brazil.\n\nSeveral speakers called for calm, and the representative of "
        "Mexico said aid must pass.\n\nSpeaking on behalf of the A3 — Algeria, Guyana and Sierra "
        "Leone — the representative of Sierra Leone said the canal must reopen.\n", "fictional")
    assert who(release)[-1] == ("SL", ("p6",))
    assert release.statements[-1].on_behalf_keys == ("DZ", "GY", "SL")


def test_a_member_of_the_group_spoken_for_in_its_national_capacity_is_a_new_speaker():
    release = parse_release(
        "Séance fictive sur le canal.\n\nDéclarations\n\n"
        "« Le canal doit rouvrir », a déclaré le représentant du Chili, tandis que le délégué "
        "du Pérou a appelé au dialogue.\n\n"
        "Le trafic a chuté, a dit le représentant du Japon. Les péages doivent baisser, a "
        "ajouté le délégué du Brésil.\n\n"
        "Au nom des A3 — Algérie, Guyana et Sierra Leone —, le représentant de la Sierra Leone "
        "a dit que le canal doit rouvrir.\n\n"
        "S’exprimant ensuite à titre national, l’Algérie a fait valoir que le canal est vital "
        "pour la région.\n", "fictional")
    assert who(release)[-2:] == [("SL", ("p5",)), ("DZ", ("p6",))]


@pytest.mark.parametrize("lang, paragraph, key", [
    # a speaker named in capitals after a leading clause, inside the paragraph
    ("en", "The representative of Norway said the canal matters. Echoing that concern, ANA "
           "SILVA (Chile) said talks must resume.", "CL"),
    ("en", "The representative of Norway said the canal matters. Mr. Ozols (Latvia), speaking "
           "also on behalf of Estonia and Lithuania, drew attention to attacks on the locks.",
     "LV"),
    # whoever answers, a State named after "shared by" / "du côté de" with its relative
    ("fr", "Le représentant de la Norvège a dit que le canal compte. Ce à quoi le délégué "
           "danois a répondu que les écluses sont sûres.", "DK"),
    ("fr", "Le représentant de la Norvège a dit que le canal compte. Même son de cloche du côté "
           "de la Colombie, qui a proposé une médiation.", "CO"),
    ("fr", "Le représentant de la Norvège a dit que le canal compte. Une position partagée par la "
           "Chine, qui a appelé à la retenue.", "CN"),
    ("en", "The representative of Norway said the canal matters. That position was shared by the "
           "representative of Malawi, speaking for the least developed countries, who said fuel "
           "costs had doubled.", "MW"),
    # "Quant au Panama, il …", a State through its delegate, or with a turn mark
    ("fr", "Le représentant de la Norvège a dit que le canal compte. Quant au Panama, il a "
           "insisté sur la traçabilité des cargaisons.", "PA"),
    ("fr", "Le représentant de la Norvège a dit que le canal compte. Le Bangladesh, par la voix "
           "de M. TANVIR RAHMAN, a quant à lui mis en garde contre la salinisation.", "BD"),
])
def test_a_sentence_of_another_speaker_inside_the_paragraph_is_theirs(lang, paragraph, key):
    """Class 7 at sentence level: the second sentence is never left to Norway."""
    heading = {"en": "Statements", "fr": "Déclarations"}[lang]
    release = parse_release(f"Fictional meeting.\n\n{heading}\n\n{paragraph}\n", "fictional")
    assert [s.delegation_key for s in release.statements] == ["NO", key]
    assert release.statements[0].text.count(".") == 1


@pytest.mark.parametrize("paragraph", [
    # a mention after a leading clause is no speaker
    "The representative of Norway said the canal matters. Referring to ANA SILVA (Chile), he "
    "said she was right.",
])
def test_a_named_speaker_the_speaker_refers_to_takes_nothing(paragraph):
    release = parse_release(f"Fictional meeting.\n\nStatements\n\n{paragraph}\n", "fictional")
    assert [s.delegation_key for s in release.statements] == ["NO"]


def test_a_french_state_without_evidence_of_speech_is_left_to_nobody():
    """"La Norvège, elle, a voté pour" inside the Japanese delegate's paragraph: a vote the
    release reports, or Norway's turn; never Japan's words."""
    release = parse_release(
        "Séance fictive.\n\nDéclarations\n\nLe Japon s’est abstenu, a indiqué son délégué. La "
        "Norvège, elle, a voté pour, tout en appelant à mobiliser l’OMI.\n", "fictional")
    assert "Norvège" not in release.statements[0].text


@pytest.mark.parametrize("lang, paragraph, speaker", [
    # a long title first, then the name, opening the paragraph
    ("en", "The Under-Secretary-General for Humanitarian Affairs and Emergency Relief "
           "Coordinator, Ingrid Solberg-Achebe, said the locks were struck overnight.",
     "Ingrid Solberg-Achebe"),
    ("fr", "La Sous-Secrétaire générale aux affaires humanitaires et Coordonnatrice adjointe des "
           "secours d’urgence, Mme Wanjiru Castellanos, a indiqué que les écluses sont fermées.",
     "Wanjiru Castellanos"),
    ("fr", "La Représentante spéciale du Secrétaire général pour la Norlande et Cheffe de la "
           "Mission d’assistance des Nations Unies en Norlande (MANUN), Mme Lina Benali, a "
           "indiqué que la situation empire.", "Lina Benali"),
    # … after "Also briefing was", or after a clause with a parenthesis
    ("en", "Also briefing was the Director of Emergency Programmes of the United Nations "
           "Children’s Fund (UNICEF), Karim Haddad-Lowe, who said that children suffer most.",
     "Karim Haddad-Lowe"),
    ("en", "Introducing the report (document A/80/999), the Under-Secretary-General for Legal "
           "Affairs and United Nations Legal Counsel, Hedda Marstrand, said the canal is closed.",
     "Hedda Marstrand"),
])
def test_a_briefer_named_after_a_long_title_opens_a_briefing(lang, paragraph, speaker):
    release = after_norway(paragraph, lang=lang)
    briefer = release.statements[1]
    assert (briefer.delegation_key, briefer.speaker, briefer.kind, briefer.paragraphs) == (
        "org:UN", speaker, "briefing", ("p4",))


@pytest.mark.parametrize("lang, paragraph, body", [
    ("en", "“Engineers are the first responders nobody sees,” said Mariam Al-Tayeb, co-founder "
           "of Civic Infrastructure Watch, a network of utility workers.",
     "Civic Infrastructure Watch"),
    ("fr", "« Les ingénieurs sont les premiers secours », a déclaré Mme Mariam Al-Tayeb, "
           "cofondatrice de l’Observatoire des infrastructures civiles.",
     "Observatoire des infrastructures civiles"),
])
def test_a_civil_society_briefer_named_after_the_quote_is_no_follow_on(lang, paragraph, body):
    release = after_norway(paragraph, lang=lang)
    briefer = release.statements[1]
    assert (briefer.delegation, briefer.speaker, briefer.paragraphs) == (
        body, "Mariam Al-Tayeb", ("p4",))


@pytest.mark.parametrize("sentence, key", [
    ("La Chine s’est abstenue, a expliqué son représentant, parce que le texte est flou.", "CN"),
    ("Le Royaume-Uni s’est lui aussi félicité de l’adoption du texte.", "GB"),
])
def test_a_french_state_with_evidence_of_speech_takes_a_thematic_sentence(sentence, key):
    """In a section read sentence by sentence, a State alone needs evidence that its verb
    reports speech: its own delegate named after it, or "lui aussi"."""
    release = parse_release(
        "Séance fictive sur le canal.\n\nDéclarations\n\n"
        "« Le canal doit rouvrir », a déclaré le représentant du Chili, tandis que le délégué "
        "du Pérou a appelé au dialogue.\n\n"
        "Le trafic a chuté, a dit le représentant du Japon. Les péages doivent baisser, a "
        f"ajouté le délégué du Brésil.\n\n{sentence}\n", "fictional")
    assert who(release)[-1] == (key, ("p5",))


@pytest.mark.parametrize("lang, paragraph, key", [
    # straight quotes, as pasted text has them
    ("en", "The representative of Norway said the canal matters. \"Mandates must be realistic,\" "
           "the Chinese delegate cautioned, adding that his delegation abstained.", "CN"),
    # taking the floor again, in French
    ("fr", "La déléguée de la Norvège a rejeté cette idée. Le représentant de la Fédération de "
           "Russie a repris la parole pour préciser qu’il ne visait aucun État.", "RU"),
])
def test_another_speaker_after_a_straight_quote_or_taking_the_floor_again(lang, paragraph,
                                                                          key):
    heading = {"en": "Statements", "fr": "Déclarations"}[lang]
    release = parse_release(f"Fictional meeting.\n\n{heading}\n\n{paragraph}\n", "fictional")
    assert [s.delegation_key for s in release.statements] == ["NO", key]


def test_a_secretariat_official_speaks_for_the_un():
    release = after_norway("A representative of the Secretariat said the registry would "
                           "require additional resources.")
    assert who(release)[1] == ("org:UN", ("p4",))


def test_a_collective_calling_on_an_office_gives_the_office_no_words():
    release = after_norway("A number of speakers, among them the African Group, called on the "
                           "Secretariat to provide more detailed information.")
    assert "org:UN" not in [s.delegation_key for s in release.statements]


def test_a_segment_continuing_later_is_no_ones_words():
    release = after_norway("The humanitarian affairs segment will continue at 10 a.m. on "
                           "Thursday, 19 June.")
    assert who(release) == [("NO", ("p3",))]
    assert release.paragraph("p4").kind == "structure"


def test_a_country_in_a_list_is_no_persons_name():
    """"…(Algeria, Sierra Leone, Somalia and Guyana), the representative of Sierra Leone": the
    list once broke at a comma and "Sierra Leone, Somalia …" read as a name and a title."""
    release = after_norway("Speaking on behalf of the A3+ (Algeria, Sierra Leone, Somalia and "
                           "Guyana), the representative of Sierra Leone welcomed the proposal.")
    assert "SO" not in [s.delegation_key for s in release.statements]
