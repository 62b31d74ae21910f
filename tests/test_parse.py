"""The parser on short snippets written for these tests, and on the French sample.

FICTIONAL CONTENT: every meeting, speaker and sentence in the snippets below is invented for
briefgen's tests; only country and organization names are real, so that delegation keys can
be checked.
"""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.errors import BriefgenError
from briefgen.i18n import meeting_facts
from briefgen.model import (BRIEFING, HEADER, HEADING, LEAD, NATIONAL, REPLY, STATEMENT,
                            STRUCTURE, TITLE, UNATTRIBUTED)
from briefgen.parse import display_speaker, parse_release
from briefgen.serialize import release_stats, release_to_dict

NBSP = "\u00a0"

FRENCH = f"""9999e séance – après-midi
CS/99999
3 MARS 2031

Conseil de sécurité: débat fictif sur le partage des eaux du canal de Norlande

Les délégations ont débattu cet après-midi d’un différend fictif sur un canal.  Le Secrétaire général a appelé au dialogue, a estimé la Chine.

COOPÉRATION ENTRE L’ORGANISATION DES NATIONS UNIES ET LES ORGANISATIONS RÉGIONALES

Partage fictif des eaux du canal

Déclarations

M.{NBSP}ALMA VERENSKA, Secrétaire générale adjointe de l’ONU, a indiqué que la mission fictive a constaté 12{NBSP}incidents.

Elle a ajouté que les vannes doivent rouvrir.

M.{NBSP}JAMES NORTHCOTE (Royaume-Uni) a dit sa préoccupation devant le barrage.

Par ailleurs, le représentant a précisé que 3{NBSP}800 hectares sont inondés.

Pour M.{NBSP}PIERRE DE LA TOUR (France), le dialogue reste la seule voie.

«{NBSP}Le canal appartient à tous{NBSP}», M.{NBSP}IVAN PETROV (Fédération de Russie) a rappelé, au nom de l’Union européenne, que rien n’est fictif.

Mme{NBSP}LI WEI (Chine) a appuyé le dialogue.

«{NBSP}En tant que voisine du canal{NBSP}», la Chine a dit sa volonté d’aider.

M.{NBSP}T. S. RAMAN (Inde) a souligné l’urgence.

Le représentant de la Chine, reprenant la parole, a répondu à l’Inde.

À l’intention des organes d’information. Document non officiel.
"""

ENGLISH_A = """Security Council Hears Fictional Briefing on Norland Canal

Speakers today discussed an invented dispute over a canal, with many calling for restraint.

Also speaking were the representatives of Chile and Peru.

The meeting began at 10:05 a.m. and ended at 11:40 a.m.

Briefings

TOM ALDER, Under-Secretary-General for Fictional Affairs, said the canal is closed.

He added that 40 barges are stranded.

Statements

LINDA ROWE (United States) said her country supports the talks.

URMAS TAMM, Minister for Foreign Affairs of Estonia, said the dispute must end.

JUAN DE LA VEGA (Mexico), speaking on behalf of the Caribbean Community, said the canal is vital.

The Council then adopted resolution 9999 (2031) by a vote of 13 in favour to none against, with 2 abstentions.

Ms. ROWE (United States), taking the floor again, said her delegation voted in favour.

The representative of Cuba demanded that the canal reopen.

He went on to say that the blockade is illegal.

China's delegate condemned the closure.

Mauritania's representative, speaking for the Organization of Islamic Cooperation, said the canal must stay open.

The observer for the Holy See urged prayer.

The Syrian delegate said the canal belongs to all.

Several delegations regretted the delay.

For information media. Not an official record.
"""

ENGLISH_C = """Delegates met today to discuss an invented canal dispute.

The canal must reopen at once, stated the representative of the United States.  She added that aid is waiting.  France's delegate stressed that talks must resume.  He, too, called for calm.

Many speakers highlighted the cost of the closure.  Echoing that, Panama's delegate said that the delay is costly.

Shipping has fallen by half, said Lesotho's delegate.  They, along with the representatives of Chile and Peru, were among the many speakers who urged restraint.
"""


@pytest.fixture(scope="module")
def french():
    return parse_release(FRENCH, "fictional-fr")


@pytest.fixture(scope="module")
def english():
    return parse_release(ENGLISH_A, "fictional-en")


def turns(release):
    return [(s.delegation_key, s.kind) for s in release.statements]


def test_french_header_title_lead_and_headings(french):
    meeting = french.meeting
    assert (meeting.language, meeting.body, meeting.number, meeting.session, meeting.symbol) == (
        "fr", "Conseil de sécurité", "9999", "afternoon", "CS/99999")
    assert meeting.date == dt.date(2031, 3, 3)
    assert meeting.title.startswith("Conseil de sécurité: débat fictif")
    kinds = [p.kind for p in french.paragraphs]
    assert kinds[:3] == [HEADER, TITLE, LEAD]
    assert french.lead == ("p3",)  # the lead's attribution ("a estimé la Chine") is no statement
    assert [h.kind for h in french.headings] == ["agenda", "agenda", "section"]
    assert kinds[-1] == STRUCTURE
    assert french.name == "CS-99999"


def test_french_introduction_forms(french):
    got = [(s.speaker, s.delegation, s.delegation_key) for s in french.statements]
    assert got[:6] == [
        ("ALMA VERENSKA", "ONU", "org:UN"),
        ("JAMES NORTHCOTE", "Royaume-Uni", "GB"),
        ("PIERRE DE LA TOUR", "France", "FR"),  # "Pour M. NAME (Pays), …"
        ("IVAN PETROV", "Fédération de Russie", "RU"),  # quote first
        ("LI WEI", "Chine", "CN"),
        ("T. S. RAMAN", "Inde", "IN"),
    ]
    assert french.statements[0].role == "Secrétaire générale adjointe de l’ONU"
    assert french.statements[0].kind == BRIEFING
    assert french.statements[2].speaker_display == "Pierre de la Tour"
    assert french.statements[5].speaker_display == "T. S. Raman"


def test_follow_on_paragraphs_stay_with_the_speaker(french):
    assert [s.paragraphs for s in french.statements[:2]] == [("p7", "p8"), ("p9", "p10")]
    china = french.statements[4]
    assert china.paragraphs == ("p13", "p14")  # "la Chine a dit" continues China's turn


def test_on_behalf_keeps_speaker_and_group(french):
    russia = french.statements[3]
    assert (russia.delegation_key, russia.on_behalf_of, russia.on_behalf_key) == (
        "RU", "Union européenne", "org:EU")


def test_repeat_turn_is_a_reply_linked_to_the_first(french):
    last = french.statements[-1]
    assert (last.delegation_key, last.kind, last.repeat_of) == ("CN", REPLY, 4)
    assert last.speaker is None


def test_english_without_header(english):
    meeting = english.meeting
    assert (meeting.number, meeting.symbol, meeting.date) == (None, None, None)
    assert meeting.body == "Security Council"  # from the title
    assert meeting.title == "Security Council Hears Fictional Briefing on Norland Canal"
    assert english.lead == ("p2",)
    kinds = {p.text[:20]: p.kind for p in english.paragraphs}
    assert kinds["Also speaking were t"] == STRUCTURE
    assert kinds["The meeting began at"] == STRUCTURE
    assert kinds["The Council then ado"] == STRUCTURE
    assert kinds["For information medi"[:20]] == STRUCTURE
    assert kinds["Several delegations "] == UNATTRIBUTED
    assert english.name == "fictional-en"


def test_english_styles_a_and_b(english):
    assert turns(english) == [
        ("org:UN", BRIEFING), ("US", NATIONAL), ("EE", NATIONAL), ("MX", NATIONAL),
        ("US", REPLY), ("CU", NATIONAL), ("CN", NATIONAL), ("MR", NATIONAL), ("VA", NATIONAL),
        ("SY", NATIONAL),
    ]
    alder, rowe, tamm, vega, rowe_again, cuba = english.statements[:6]
    assert alder.role == "Under-Secretary-General for Fictional Affairs"
    assert len(alder.paragraphs) == 2
    assert tamm.role == "Minister for Foreign Affairs of Estonia"
    assert vega.speaker_display == "Juan de la Vega"
    assert (vega.on_behalf_of, vega.on_behalf_key) == ("Caribbean Community", "org:CARICOM")
    assert rowe_again.repeat_of == rowe.index
    assert len(cuba.paragraphs) == 2  # "He went on to say …"
    mauritania = english.statements[7]
    assert mauritania.on_behalf_key == "org:OIC"


def test_style_c_builds_statements_from_sentences():
    release = parse_release(ENGLISH_C, "fictional-c")
    by_key = {s.delegation_key: [p.text for p in s.passages] for s in release.statements}
    assert set(by_key) == {"US", "FR", "PA", "LS"}
    assert by_key["US"] == ["The canal must reopen at once, stated the representative of the "
                            "United States.", "She added that aid is waiting."]
    assert by_key["FR"][-1] == "He, too, called for calm."
    unattributed = [p.text for p in release.unattributed]
    assert "Many speakers highlighted the cost of the closure." in unattributed
    assert any(t.startswith("They, along with") for t in unattributed)
    assert all(p.pid for p in release.unattributed)
    assert release.lead == ("p1",)


def test_capitals_that_are_not_speakers():
    text = ("Fictional release.\n\nUNRWA (United Nations Relief and Works Agency) is cited.\n\n"
            "THE SITUATION IN NORLAND\n\nStatements\n\n"
            "ANA SILVA (Brazil) said the talks matter.\n\n"
            "OCHA estimates that 40 barges are stranded, she added.\n")
    release = parse_release(text)
    assert turns(release) == [("BR", NATIONAL)]
    assert release.statements[0].paragraphs == ("p5", "p6")
    assert [h.kind for h in release.headings] == ["agenda", "section"]


def test_newer_english_form_and_capitals_without_country():
    text = ("The Assembly met today.\n\n"
            "Gilad Rahman, the representative of Israel, said the text is unbalanced.\n\n"
            "Riyad Haddad, Permanent Observer for the State of Palestine, said it is vital.\n\n"
            "Prior to the vote, several delegates expressed frustration.\n\n"
            "He said nothing more.\n")
    release = parse_release(text)
    assert turns(release) == [("IL", NATIONAL), ("PS", NATIONAL)]
    assert release.statements[0].speaker == "Gilad Rahman"
    kinds = [p.kind for p in release.paragraphs]
    assert kinds == [LEAD, STATEMENT, STATEMENT, UNATTRIBUTED, UNATTRIBUTED]


def test_every_paragraph_has_one_kind_and_an_id(english):
    assert [p.pid for p in english.paragraphs] == [f"p{i}" for i in
                                                   range(1, len(english.paragraphs) + 1)]
    in_statements = {pid for s in english.statements for pid in s.paragraphs}
    for p in english.paragraphs:
        assert (p.kind == STATEMENT) == (p.pid in in_statements)
        assert p.kind in (TITLE, LEAD, HEADING, STATEMENT, STRUCTURE, UNATTRIBUTED)


def test_crlf_and_raw_text_give_the_same_parse():
    assert turns(parse_release(ENGLISH_A.replace("\n", "\r\n"))) == turns(
        parse_release(ENGLISH_A))


def test_no_statements_is_one_clear_error():
    with pytest.raises(BriefgenError) as err:
        parse_release("Just a note.\n\nNothing said here.\n", "note")
    message = str(err.value)
    assert "no statements found in note" in message and "\n" not in message


@pytest.mark.parametrize("written, shown", [
    ("ANTÓNIO GUTERRES", "António Guterres"), ("T. S. TIRUMURTI", "T. S. Tirumurti"),
    ("NICOLAS DE RIVIÈRE", "Nicolas de Rivière"),
    ("JUAN RAMÓN DE LA FUENTE RAMÍREZ", "Juan Ramón de la Fuente Ramírez"),
    ("FAISAL BIN FARHAN AL-SAUD", "Faisal bin Farhan al-Saud"),
    ("LINDA THOMAS-GREENFIELD", "Linda Thomas-Greenfield"), ("JAMES O'BRIEN", "James O'Brien"),
    ("Gilad Menashe Erdan", "Gilad Menashe Erdan"),
])
def test_display_names(written, shown):
    assert display_speaker(written) == shown


def test_serialized_shapes(english):
    data = release_to_dict(english)
    assert set(data["meeting"]) >= {"body", "number", "session", "symbol", "date", "language",
                                    "title", "subtitle"}
    assert data["lead"] == ["p2"]
    first = data["statements"][0]
    assert first["delegation_key"] == "org:UN" and first["paragraphs"] == ["p6", "p7"]
    assert first["passages"][0]["source"] == "p6"
    stats = release_stats(english)
    assert stats["statements"] == 10 and stats["delegations"] == 9
    assert stats["paragraphs_by_kind"]["unattributed"] == stats["unattributed_paragraphs"] == 1
    assert stats["unknown_delegation_statements"] == 0


# --- the user's own example (real release, read from ../shared/corpus) -------------------

FRENCH_SAMPLE = ["org:UN", "org:CSTO", "RU", "GB", "FR", "GH", "US", "KE", "IN", "IE", "BR",
                 "CN", "GA", "MX", "AL", "AE", "NO", "AM", "KZ", "KG", "BY", "TJ"]


def test_french_sample_has_the_22_statements(corpus):
    from briefgen.loading import read_source

    text, stem = read_source(corpus("CS-14794.fr.txt"))
    release = parse_release(text, stem)
    assert [s.delegation_key for s in release.statements] == FRENCH_SAMPLE
    first, second, third = release.statements[:3]
    assert (first.speaker_display, first.role) == ("António Guterres",
                                                   "Secrétaire général de l’ONU")
    assert second.speaker_display == "Stanislav Zas" and third.speaker_display == "Sergey Vershinin"
    assert [s.kind for s in release.statements[:3]] == [BRIEFING, BRIEFING, NATIONAL]
    assert release.statements[8].speaker_display == "T. S. Tirumurti"
    assert release.statements[4].speaker_display == "Nicolas de Rivière"
    assert release.meeting.symbol == "CS/14794" and release.meeting.number == "8967"
    assert not release.unattributed


def test_largest_sample_parses(corpus):
    """Its speed is measured by bench/parse_speed.py, not here: timings flake on shared CI."""
    from briefgen.loading import read_source

    text, stem = read_source(corpus("SC-15462.en.txt"))
    assert len(parse_release(text, stem).statements) > 80


# --- a delegation taking over inside a paragraph (fictional snippets) ---------------------

def _one_paragraph(paragraph: str):
    """A small release whose single statements section holds `paragraph` (read as style A/B:
    one paragraph cannot make a section thematic)."""
    return parse_release(f"Fictional meeting on the Norland canal.\n\nStatements\n\n{paragraph}\n",
                         "fictional-takeover")


def owners(release, pid: str = "p3") -> list[tuple[str | None, str]]:
    """(delegation key, or None when unattributed; passage text) for each piece of the
    paragraph, in reading order."""
    pieces = [(s.delegation_key, p.text) for s in release.statements for p in s.passages
              if p.pid == pid]
    pieces += [(None, p.text) for p in release.unattributed if p.pid == pid]
    text = release.paragraph(pid).text
    return sorted(pieces, key=lambda piece: text.index(piece[1]))


TAKEOVERS = [
    ("The representative of France said the canal must reopen. Echoing this sentiment, the "
     "representative of Poland said his country abstained. He said the vote was close. “We "
     "expect calm,” he said.", [("FR", "The representative of France"), ("PL", "Echoing")]),
    ("The representative of Ghana said her country voted in favour. Sweden’s representative, "
     "meanwhile, said the talks must go on. She added that aid is ready.",
     [("GH", "The representative"), ("SE", "Sweden’s")]),
    ("The representative of Chile said the closure is illegal. Agreeing, Jamaica’s delegate "
     "said the canal belongs to all.", [("CL", "The"), ("JM", "Agreeing")]),
    ("The representative of Peru said the canal must reopen. The blockade is illegal, said the "
     "representative of Spain.", [("PE", "The"), ("ES", "The blockade")]),
    ("The representative of Japan said trade has suffered. “We cannot wait,” said Kenya’s "
     "delegate.", [("JP", "The"), ("KE", "“We cannot")]),
    ("The representative of Brazil said the canal matters, while the representative of Chile "
     "said it does not.", [("BR", "The representative of Brazil"), ("CL", "while")]),
    ("ANA SILVA (Brazil) said the canal matters. TOM REED (Canada) said trade has suffered.",
     [("BR", "ANA SILVA"), ("CA", "TOM REED")]),
    ("The representative of Fiji said the canal matters. Lena Park, Minister for Foreign "
     "Affairs of Estonia, said the dispute must end.", [("FJ", "The"), ("EE", "Lena Park")]),
    ("The representative of Fiji said the canal matters. Olga Berg, the representative of "
     "Sweden, said the talks must go on.", [("FJ", "The"), ("SE", "Olga Berg")]),
    ("Le représentant de la Chine a dit que le canal doit rouvrir. Le dialogue est essentiel, "
     "a réagi de son côté le Royaume-Uni. Il a ajouté que l’aide est prête.",
     [("CN", "Le représentant"), ("GB", "Le dialogue")]),
    ("Le représentant du Mexique a souligné l’urgence. C’est la seule voie, a appuyé la "
     "Norvège.", [("MX", "Le"), ("NO", "C’est")]),
    ("Le représentant du Brésil a dit que le canal compte, tandis que la France a demandé que "
     "les vannes rouvrent.", [("BR", "Le représentant"), ("FR", "tandis que")]),
    ("Le représentant du Kenya a plaidé pour le dialogue. Le délégué du Tadjikistan a, lui, "
     "rappelé que la région souffre.", [("KE", "Le représentant"), ("TJ", "Le délégué")]),
    ("Le représentant de l’Ukraine a condamné le blocus. La France a, de son côté, demandé la "
     "levée du blocus.", [("UA", "Le"), ("FR", "La France")]),
]


@pytest.mark.parametrize("paragraph, expected", TAKEOVERS)
def test_another_delegation_takes_over_inside_a_paragraph(paragraph, expected):
    release = _one_paragraph(paragraph)
    got = owners(release)
    assert [(key, text[:len(start)]) for (key, text), (_, start) in zip(got, expected)] == expected
    assert len(got) == len(expected)
    assert [s.delegation_key for s in release.statements] == [key for key, _ in expected]
    assert " ".join(text for _, text in got) == " ".join(paragraph.split())  # nothing lost
    assert release.paragraph("p3").kind == STATEMENT


MENTIONS = [
    "The representative of Norway said he condemned the Russian Federation’s invasion and "
    "welcomed the statement of France.",
    "The representative of Norway said the canal matters. He recalled that the representative "
    "of Iceland said the same in 2030.",
    "The representative of Norway said the canal matters. The representative of Israel said "
    "nothing about the hostages, he noted.",
    "The representative of Norway said the canal matters. “The representative of Cuba said so "
    "last year,” he added.",
    "The representative of Norway said the canal matters. Like the representative of France, "
    "he called for calm.",
    "The representative of Norway said the canal matters. The representative of the Russian "
    "Federation said yesterday that the vote was illegitimate, but that is false.",
    "The representative of Norway said the canal matters. The representative of Cuba had said "
    "the same.",
    "The representative of Norway said the canal matters. Norway’s delegate added that aid is "
    "ready.",
    "The representative of Norway said the canal matters. The Security Council must act now. "
    "Some 2 million people are stranded.",
    "Le représentant de la Norvège a salué, à l’instar des États-Unis, la reprise des "
    "pourparlers.",
    "Le représentant de la Norvège a dit sa préoccupation. Selon lui, la Chine a demandé que le "
    "canal rouvre.",
    "Le représentant de la Norvège a dit sa préoccupation. Il a rappelé que le représentant de "
    "la Chine a dit la même chose en 2030.",
]


@pytest.mark.parametrize("paragraph", MENTIONS)
def test_mentions_of_other_delegations_do_not_switch_speaker(paragraph):
    release = _one_paragraph(paragraph)
    assert [s.delegation_key for s in release.statements] == ["NO"]
    assert release.statements[0].passages[0].text == paragraph
    assert not release.unattributed


SEVERAL_OR_DOUBTFUL = [
    ("The representative of Brazil said the canal matters. China and the Russian Federation "
     "said the text is unbalanced. He said the vote was rushed.", "BR", "China and"),
    ("The representative of India said the talks matter. The representatives of Egypt and "
     "Jordan said the text is weak.", "IN", "The representatives"),
    ("The representative of India said the talks matter. Several delegations, however, "
     "regretted the delay.", "IN", "Several"),
    ("Le représentant du Chili a dit sa préoccupation. La Chine et la Russie ont dit que le "
     "texte est déséquilibré. Il a ajouté que le vote est précipité.", "CL", "La Chine et"),
    ("Le représentant de l’Ukraine a condamné le blocus. La Russie a rejeté toutes les "
     "propositions de paix. Il a ajouté que rien n’est fictif.", "UA", "La Russie"),
]


@pytest.mark.parametrize("paragraph, speaker, rest", SEVERAL_OR_DOUBTFUL)
def test_several_or_doubtful_subjects_leave_the_rest_unattributed(paragraph, speaker, rest):
    """Given to none of them, and what follows ("He said …": who?) is not guessed either."""
    release = _one_paragraph(paragraph)
    assert [s.delegation_key for s in release.statements] == [speaker]
    (first_key, _), *after = owners(release)
    assert first_key == speaker
    assert [key for key, _ in after] == [None]
    assert after[0][1].startswith(rest) and paragraph.endswith(after[0][1])


def after_norway(paragraph: str, lang: str = "en"):
    """A small fictional release: Norway's statement, then `paragraph` (p4)."""
    opening = {"en": "The representative of Norway said the canal matters.",
               "fr": "Le représentant de la Norvège a dit que le canal compte."}[lang]
    heading = {"en": "Statements", "fr": "Déclarations"}[lang]
    return parse_release(f"Fictional meeting on the Norland canal.\n\n{heading}\n\n"
                         f"{opening}\n\n{paragraph}\n", "fictional")


MARKED_TURNS = [
    ("en", "The Russian Federation, for its part, rejected any attempt to impose the canal "
           "treaty. He added that talks must go on.", "RU"),
    ("en", "For its part, Japan said the fictional canal must reopen.", "JP"),
    ("en", "Chile, in turn, stressed that trade has suffered.", "CL"),
    ("fr", "La Fédération de Russie a, pour sa part, rejeté toute tentative d’imposer le traité. "
           "Il a ajouté que les pourparlers doivent continuer.", "RU"),
    ("fr", "Le Japon, de son côté, a estimé que le canal fictif doit rouvrir.", "JP"),
    ("fr", "Pour sa part, le Chili a souligné que le commerce a souffert.", "CL"),
]


@pytest.mark.parametrize("lang, paragraph, key", MARKED_TURNS)
def test_a_country_named_alone_takes_the_floor_when_the_release_marks_its_turn(lang, paragraph,
                                                                               key):
    """The paragraph is the new delegation's, not a follow-on of the speaker before it."""
    release = after_norway(paragraph, lang)
    assert [(s.delegation_key, s.paragraphs) for s in release.statements] == [
        ("NO", ("p3",)), (key, ("p4",))]


@pytest.mark.parametrize("paragraph", [
    # a country named alone without the mark is what the speaker reports
    "Kazakhstan requested the help of the fictional treaty organization, she said.",
    "The Russian Federation has violated the canal treaty many times.",
    "La Russie, selon elle, viole le traité fictif.",
    # a name after an opening clause but not right after its comma is a mention
    "Referring to the remarks of Mr. LI WEI (China), he said the canal is open to all.",
    # a body named with its acronym is no person
    "Collective Security Treaty Organization (CSTO) troops left Almaty, he said.",
    "United Nations Children’s Fund (UNICEF) figures show 2 million children in need.",
])
def test_what_the_speaker_reports_is_no_new_turn(paragraph):
    release = after_norway(paragraph)
    assert [(s.delegation_key, s.paragraphs) for s in release.statements] == [
        ("NO", ("p3", "p4"))]


@pytest.mark.parametrize("lang, paragraph, key, kind", [
    ("en", "Speaking in his national capacity, the President of the Council, Mr. KWAME OSEI "
           "(Ghana), urged restraint.", "GH", NATIONAL),
    ("en", "Taking the floor a second time, Ms. ANA SILVA (Brazil) responded to Norway.", "BR",
           REPLY),
    ("fr", "Reprenant la parole, M. LI WEI (Chine) a répondu à la Norvège.", "CN", REPLY),
    ("fr", "Intervenant au nom de l’Union européenne, Mme ANA SILVA (Portugal) a appelé au "
           "calme.", "PT", NATIONAL),
])
def test_a_named_speaker_after_an_opening_clause_starts_a_turn(lang, paragraph, key, kind):
    release = after_norway(paragraph, lang)
    assert [(s.delegation_key, s.paragraphs) for s in release.statements] == [
        ("NO", ("p3",)), (key, ("p4",))]
    assert release.statements[1].kind == kind
    assert release.statements[1].role in (None, "President of the Council")  # not the clause
    if "Union" in paragraph:
        assert release.statements[1].on_behalf_key == "org:EU"


@pytest.mark.parametrize("lang, paragraph, key, group, role", [
    ("en", "Speaking for the Group of Arab States, the representative of Tunisia said the canal "
           "must reopen.", "TN", "group:ARAB", None),
    ("en", "Secretary-General ANTÓNIO GUTERRES said the world is watching.", "org:UN", None,
           "Secretary-General"),
    ("en", "Council President VASSILY NEBENZIA (Russian Federation), speaking in his national "
           "capacity, said the draft is unbalanced.", "RU", None, "Council President"),
    ("en", "The Secretary-General, António Guterres, said the world is watching.", "org:UN",
           None, "Secretary-General"),
    ("fr", "Au nom du Groupe des États d’Afrique, le représentant du Maroc a demandé la "
           "réouverture du canal.", "MA", "group:AFRICAN", None),
    ("fr", "Le Secrétaire général, M. António Guterres, a déclaré que le monde regarde.",
           "org:UN", None, "Secrétaire général"),
    ("fr", "Pour la déléguée du Mexique, le blocus est illégal.", "MX", None, None),
])
def test_opening_forms_that_start_a_turn(lang, paragraph, key, group, role):
    release = after_norway(paragraph, lang)
    assert [(s.delegation_key, s.paragraphs) for s in release.statements] == [
        ("NO", ("p3",)), (key, ("p4",))]
    second = release.statements[1]
    assert (second.on_behalf_key, second.role) == (group, role)


@pytest.mark.parametrize("text, key", [
    ("JOSÉ ALBERTO (Dominican Republic), speaking on behalf of the Community of Latin American "
     "and Caribbean States (CELAC), said the closure harms small island States.", "org:CELAC"),
    ("M. JOSÉ ALBERTO (République dominicaine), qui s’exprimait au nom de la Communauté des "
     "États d’Amérique latine et des Caraïbes (CELAC), a déclaré que la fermeture nuit aux "
     "petits États insulaires.", "org:CELAC"),
])
def test_a_group_named_with_its_acronym(text, key):
    heading = "Déclarations" if "M. " in text else "Statements"
    (statement,) = parse_release(f"Fictional meeting on the Norland canal.\n\n{heading}\n\n"
                                 f"{text}\n", "fictional-group").statements
    assert statement.on_behalf_key == key and statement.on_behalf_of.endswith("(CELAC)")


def test_after_a_paragraph_that_changed_hands_narration_is_nobody_s():
    """Its last speaker is no given: a topic sentence opening the next paragraph stays
    unattributed, a pronoun goes on with that speaker, and the less common verbs of saying
    ("countered", "pledged") hand the floor over as the usual ones do."""
    release = parse_release(
        "Fictional meeting on the Norland canal.\n\nStatements\n\nThe representative of "
        "France stressed that the blockade is illegal, while China’s delegate urged restraint."
        "\n\nSanctions drew sharp differences. The representative of Peru said they work. "
        "“Sanctions only punish civilians,” countered the Russian Federation’s delegate.\n\n"
        "Turning to aid, she said the canal matters. Echoing that, Japan’s delegate pledged "
        "$10 million in fictional aid.\n", "fictional-shared")
    assert [(s.delegation_key, s.paragraphs) for s in release.statements] == [
        ("FR", ("p3",)), ("CN", ("p3",)), ("PE", ("p4",)), ("RU", ("p4", "p5")), ("JP", ("p5",))]
    assert [p.text for p in release.unattributed] == ["Sanctions drew sharp differences."]
    several = parse_release(
        "Fictional meeting on the Norland canal.\n\nStatements\n\nThe representative of "
        "France stressed that the blockade is illegal, while China’s delegate urged restraint."
        "\n\nThey both said the canal matters.\n", "fictional-shared")
    assert [p.text for p in several.unattributed] == ["They both said the canal matters."]


@pytest.mark.parametrize("paragraph", [
    "Le Conseil doit agir maintenant, a affirmé la représentante de Malte.",
    "Le Conseil de sécurité doit agir, a dit le représentant de Malte.",
    "L’Assemblée générale doit agir, a dit le représentant de Malte.",
])
def test_a_statement_on_what_a_body_must_do_is_no_vote(paragraph):
    release = parse_release("Séance fictive sur le canal de Norlande.\n\nDéclarations\n\n"
                            "Le représentant du Japon a dit que l’aide compte.\n\n"
                            f"{paragraph}\n", "fictional-body")
    assert [(s.delegation_key, s.paragraphs) for s in release.statements] == [
        ("JP", ("p3",)), ("MT", ("p4",))]


@pytest.mark.parametrize("paragraph, key, role, kind", [
    ("DENNIS FRANCIS (Trinidad and Tobago), President of the General Assembly, said the canal "
     "concerns everyone.", "org:UN", "President of the General Assembly", BRIEFING),
    ("The President of the General Assembly, DENNIS FRANCIS (Trinidad and Tobago), said the "
     "canal concerns everyone.", "org:UN", "President of the General Assembly", BRIEFING),
    ("M. DENNIS FRANCIS (Trinité-et-Tobago), Président de l’Assemblée générale, a déclaré que "
     "le canal concerne tout le monde.", "org:UN", "Président de l’Assemblée générale", BRIEFING),
    ("VASSILY NEBENZIA (Russian Federation), Council President for February, explained in his "
     "national capacity his vote against the text.", "RU", "Council President for February",
     NATIONAL),
    ("Pour M. KWAME OSEI (Ghana), la Mission illustre la valeur des solutions régionales.", "GH",
     None, NATIONAL),
])
def test_a_country_and_an_office(paragraph, key, role, kind):
    """Named with a country, a speaker in a UN office speaks for the office, not the country,
    unless in a national capacity; other titles are kept as the role."""
    heading = "Déclarations" if " a " in paragraph or "Pour " in paragraph else "Statements"
    (statement,) = parse_release(f"Fictional meeting on the canal.\n\n{heading}\n\n"
                                 f"{paragraph}\n", "fictional-office").statements
    assert (statement.delegation_key, statement.role, statement.kind) == (key, role, kind)


@pytest.mark.parametrize("lang, paragraph, key, name", [
    ("en", "Ana Silva (Brazil) said the canal matters.", "BR", "Ana Silva"),
    ("en", "Ms. Silva (Brazil), taking the floor again, said the canal matters.", "BR", "Silva"),
    ("en", "T.S. Rao (India) said the canal matters.", "IN", "T.S. Rao"),
    ("en", "Lena Park, representative of Estonia, said the dispute must end.", "EE",
           "Lena Park"),
    ("fr", "Mme Ana Silva (Brésil) a dit que le canal compte.", "BR", "Ana Silva"),
    ("fr", "Pour M. Kwame Osei (Ghana), le canal compte.", "GH", "Kwame Osei"),
    ("fr", "M. Vassily Petrov, représentant de la Fédération de Russie, a dit que le texte est "
           "déséquilibré.", "RU", "Vassily Petrov"),
])
def test_named_speakers_without_capitals(lang, paragraph, key, name):
    release = after_norway(paragraph, lang)
    assert [(s.delegation_key, s.paragraphs) for s in release.statements] == [
        ("NO", ("p3",)), (key, ("p4",))]
    assert release.statements[1].speaker == name


@pytest.mark.parametrize("lang, paragraph, key", [
    ("en", "“We are here to stay,” said Mr. JOHN DOE (Canada), adding that aid matters.", "CA"),
    ("fr", "« Nous resterons », a déclaré M. JOHN DOE (Canada).", "CA"),
    ("en", "The Chargé d’affaires of Ukraine said aid matters.", "UA"),
    ("fr", "Le chargé d’affaires de l’Ukraine a dit que l’aide compte.", "UA"),
])
def test_inverted_speakers_and_charges_d_affaires(lang, paragraph, key):
    release = after_norway(paragraph, lang)
    assert [(s.delegation_key, s.paragraphs) for s in release.statements] == [
        ("NO", ("p3",)), (key, ("p4",))]


@pytest.mark.parametrize("paragraph, key, written", [
    ("The representative of the Netherlands (Kingdom of the) said aid matters.", "NL",
     "Netherlands"),
    ("The representative of the International Committee of the Red Cross (ICRC) said aid "
     "matters.", "org:ICRC", "International Committee of the Red Cross"),
    ("The representative of Iran (Islamic Republic of) said aid matters.", "IR",
     "Iran (Islamic Republic of)"),
])
def test_delegation_as_written_stops_before_a_gloss(paragraph, key, written):
    second = after_norway(paragraph).statements[1]
    assert (second.delegation_key, second.delegation) == (key, written)


@pytest.mark.parametrize("lang, paragraph, written", [
    ("en", "The representative of the Fictional League of Ports said the canal matters.",
     "Fictional League of Ports"),
    ("fr", "Le représentant de la Ligue fictive des ports a dit que le canal compte.",
     "Ligue fictive des ports"),
])
def test_a_delegation_no_table_knows_still_takes_the_floor(lang, paragraph, written):
    """Kept apart under the name as written, never glued to the speaker before."""
    release = after_norway(paragraph, lang)
    assert [(s.delegation_key, s.delegation, s.paragraphs) for s in release.statements][1:] == [
        ("unknown", written, ("p4",))]


def test_french_group_after_au_nom_du():
    release = parse_release(
        "Séance fictive sur le canal de Norlande.\n\nDéclarations\n\nS’exprimant au nom du "
        "Groupe des 77 et de la Chine, le représentant de Cuba a déploré la baisse de l’aide.\n",
        "fictional-group")
    (statement,) = release.statements
    assert (statement.delegation_key, statement.on_behalf_key) == ("CU", "group:G77")
    assert statement.on_behalf_of == "Groupe des 77 et de la Chine"


@pytest.mark.parametrize("header, body, number, session, date", [
    ("Seventy-eighth Session, 15th & 16th Meetings (AM & PM)\nGA/SHC/9999\n12 October 2026",
     None, "15 & 16", "morning and afternoon", "2026-10-12"),
    ("Third Committee\n9999th Meeting (PM)\nGA/SHC/9999\n3 March 2026",
     "Third Committee", "9999", "afternoon", "2026-03-03"),
    # the Assembly's plenary puts "Plenary" before "Meetings"
    ("Eighty-first Session, 15th & 16th Plenary Meetings (AM & PM)\nGA/99999\n"
     "12 October 2026", "General Assembly", "15 & 16", "morning and afternoon", "2026-10-12"),
    ("Troisième Commission\n15e et 16e séances – matin & après-midi\nAG/SHC/9999\n"
     "1er octobre 2026", "Troisième Commission", "15 & 16", "morning and afternoon",
     "2026-10-01"),
])
def test_committee_headers_and_joint_meetings(header, body, number, session, date):
    french = "séance" in header
    rest = ("La Commission fictive débat du canal.\n\nDéclarations\n\nLe représentant du "
            "Japon a dit que l’aide compte.\n") if french else (
            "The fictional Committee debated the canal.\n\nStatements\n\nThe representative "
            "of Japan said aid matters.\n")
    title = "Titre fictif du communiqué" if french else "A fictional title"
    meeting = parse_release(f"{header}\n\n{title}\n\n{rest}", "fictional-header").meeting
    assert (meeting.title, meeting.body, meeting.number, meeting.session, str(meeting.date)) == (
        title, body, number, session, date)
    shown = "15th & 16th meetings" if number == "15 & 16" else "9999th meeting"
    assert shown in meeting_facts(meeting, "en")


def test_the_new_speaker_goes_on_into_the_next_paragraph_and_repeats_are_replies():
    release = parse_release(
        "Fictional meeting.\n\nStatements\n\n"
        "The representative of Poland said the canal matters.\n\n"
        "The representative of France said talks must resume. Echoing this, the representative "
        "of Poland said his country agrees.\n\n"
        "He added that aid is ready.\n\n"
        "The representative of Chile said the closure is illegal.\n", "fictional")
    assert turns(release) == [("PL", NATIONAL), ("FR", NATIONAL), ("PL", REPLY),
                              ("CL", NATIONAL)]
    poland_again = release.statements[2]
    assert poland_again.repeat_of == 0
    assert poland_again.paragraphs == ("p4", "p5")
    assert poland_again.passages[0].text.startswith("Echoing this")


def test_style_c_sentences_follow_the_same_rule():
    release = parse_release(
        "Delegates met today to discuss an invented canal dispute.\n\n"
        "The canal must reopen, stated the representative of the United States. China and the "
        "Russian Federation said the text is unbalanced. France’s delegate stressed that talks "
        "must resume, while Panama’s delegate said the delay is costly.\n\n"
        "Shipping has fallen by half, said Lesotho’s delegate. “The representative of Chile said "
        "so,” she added. He recalled that the representative of Peru said the same.\n",
        "fictional-c")
    by_key = {s.delegation_key: [p.text for p in s.passages] for s in release.statements}
    assert set(by_key) == {"US", "FR", "PA", "LS"}
    assert by_key["FR"] == ["France’s delegate stressed that talks must resume,"]
    assert by_key["PA"] == ["while Panama’s delegate said the delay is costly."]
    assert len(by_key["LS"]) == 3
    assert [p.text for p in release.unattributed] == [
        "China and the Russian Federation said the text is unbalanced."]


def test_french_style_c_whose_view_and_a_pronoun_before_the_verb():
    release = parse_release(
        "Débat fictif sur le canal\n\nDes délégués se sont réunis pour débattre d’un canal "
        "fictif.\n\nDéclarations\n\nPlusieurs délégations ont appelé à la réouverture du canal. Selon le représentant de la "
        "Chine, le blocus viole le droit international. La France a, de son côté, appelé à la "
        "retenue.\n\nPour la déléguée du Mexique, l’aide doit passer. Le représentant du Japon "
        "a annoncé une aide fictive.\n\nLes sanctions ont divisé les membres. Elles sont "
        "« injustes », a estimé le délégué de la Fédération de Russie, alors que le représentant "
        "des États-Unis les a jugées nécessaires.\n", "fictional-c-fr")
    by_key = {s.delegation_key: [p.text for p in s.passages] for s in release.statements}
    assert by_key["CN"] == ["Selon le représentant de la Chine, le blocus viole le droit "
                            "international."]
    assert by_key["MX"] == ["Pour la déléguée du Mexique, l’aide doit passer."]
    assert by_key["US"] == ["alors que le représentant des États-Unis les a jugées nécessaires."]
    assert set(by_key) == {"CN", "FR", "MX", "JP", "RU", "US"}


def test_body_is_read_from_the_opening_text_when_there_is_no_lead():
    text = ("As the ceasefire in Norland frays, the modest gains of the truce are being lost, "
            "Jonas Halvorsen-Vik, Under-Secretary-General for Humanitarian Affairs, told the "
            "Security Council today.\n\n"
            "“Overnight, our fears materialized,” he added.\n\n"
            "The United Kingdom’s representative said the ceasefire must hold.\n")
    release = parse_release(text)
    assert release.lead == ()
    assert release.meeting.body == "Security Council"


# --- votes (fictional sentences, written for these tests) ---------------------------------

def _votes(body: str, lang: str = "en"):
    from briefgen.model import Paragraph
    from briefgen.votes import find_votes

    return find_votes([Paragraph("p9", body)], lang)


def test_vote_in_the_fictional_release_is_recorded(english):
    (vote,) = english.votes
    assert (vote.pid, vote.outcome, vote.subject) == ("p12", "adopted", "resolution")
    assert (vote.document, vote.in_favour, vote.against, vote.abstentions) == \
        ("resolution 9999 (2031)", 13, 0, 2)
    assert release_to_dict(english)["votes"][0]["in_favour"] == 13


def test_vote_with_names_in_parentheses_and_a_majority_not_enough():
    (vote,) = _votes("The Council then rejected the draft by a vote of 2 against (Norway, "
                     "Chile) to 10 in favour, with 3 abstentions (Peru, India and the United "
                     "Arab Emirates).")
    assert vote.outcome == "failed"  # more for than against, yet not adopted: a veto
    assert (vote.in_favour, vote.against, vote.abstentions) == (10, 2, 3)
    assert vote.voted_against == ("NO", "CL") and vote.abstaining == ("PE", "IN", "AE")


def test_veto_and_a_following_sentence_of_abstentions():
    (vote,) = _votes("The fictional text, submitted by Chile, garnered support from 12 members "
                     "but was vetoed by China. Peru and India abstained. The talks went on.")
    assert vote.outcome == "vetoed" and vote.in_favour == 12 and vote.vetoed_by == ("CN",)
    assert vote.voted_against == ("CN",) and vote.abstaining == ("PE", "IN")


def test_recorded_vote_with_title_and_document_and_an_outvoted_text():
    adopted, rejected = _votes(
        "By a recorded vote of 100 in favour to 10 against, with 30 abstentions, the Assembly "
        "adopted the resolution titled “Fictional canal” (document A/99/L.1). The Assembly "
        "rejected the amendment by a recorded vote of 20 in favour to 90 against, with 5 "
        "abstentions.")
    assert (adopted.outcome, adopted.title, adopted.document) == \
        ("adopted", "Fictional canal", "A/99/L.1")
    assert (rejected.outcome, rejected.subject, rejected.against) == ("rejected", "amendment", 90)


def test_adopted_without_a_vote_and_what_is_not_a_record():
    (vote,) = _votes("The Committee then adopted the fictional draft decision without a vote.")
    assert vote.without_vote and vote.outcome == "adopted" and vote.subject == "decision"
    # A delegation's own vote, a list of names that do not all resolve: stances, not records.
    assert _votes("Chile voted in favour of the text, she said.") == ()
    assert _votes("The canal was vetoed by the elders, he said.") == ()


def test_french_votes():
    (vote,) = _votes("Le Conseil a adopté la résolution 9999 (2031) par 12 voix pour, 1 voix "
                     "contre (Chili) et 2 abstentions (Inde, Pérou).", "fr")
    assert (vote.outcome, vote.in_favour, vote.against, vote.abstentions) == ("adopted", 12, 1, 2)
    assert vote.voted_against == ("CL",) and vote.abstaining == ("IN", "PE")
    assert vote.document == "résolution 9999 (2031)"
    (failed,) = _votes("Le projet de résolution n’a pas été adopté, en raison du veto de la "
                       "Chine.", "fr")
    assert failed.outcome == "vetoed" and failed.voted_against == ("CN",)
    (quiet,) = _votes("L’Assemblée a adopté sans vote le projet de décision fictif.", "fr")
    assert quiet.without_vote and quiet.subject == "decision"


def test_french_style_c_country_with_a_verb_that_is_no_speech_is_not_guessed():
    """A French country alone before a verb that is not one of saying ("a pour priorité") in
    a thematic section: nothing vouches for speech, so the sentence is nobody's (it used to
    end the parse with an error)."""
    release = parse_release(
        "Débat fictif sur le canal\n\nDes délégués se sont réunis pour débattre d’un canal "
        "fictif.\n\nDéclarations\n\nSelon le représentant de la Chine, le blocus viole le droit "
        "international. La France a, de son côté, appelé à la retenue. La Norvège, qui préside "
        "le groupe, a pour priorité la réouverture.\n\nPour la déléguée du Mexique, l’aide doit "
        "passer. Le représentant du Japon a annoncé une aide fictive.\n\nLes sanctions ont divisé "
        "les membres. Elles sont « injustes », a estimé le délégué de la Fédération de Russie.\n",
        "fictional-c-fr")
    keys = {s.delegation_key for s in release.statements}
    assert {"CN", "FR", "MX", "JP", "RU"} <= keys and "NO" not in keys
    assert any("La Norvège" in p.text for p in release.unattributed)
