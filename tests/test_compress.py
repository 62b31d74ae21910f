"""Compression deletes, never rewrites.  All sentences here are fictional, written for the tests."""

from __future__ import annotations

import pytest

from briefgen.summarize.compress import compress, find_figures
from briefgen.summarize.faithfulness import is_subsequence

GUTERRES = frozenset(["m", "antónio", "guterres", "secrétaire", "général", "de", "l", "onu"])
VALDORIA = frozenset(["mme", "ana", "pereira", "valdoria"])

CASES_FR = [
    # leading frame whose subject is the speaker, with name, role and apposition
    (("M. ANTÓNIO GUTERRES, Secrétaire général de l’ONU, a indiqué que la coopération "
      "régionale figure au cœur de la Charte."), GUTERRES,
     "La coopération régionale figure au cœur de la Charte."),
    # connective + pronoun frame with adverb + elided conjunction
    (("Par ailleurs, elle a enfin indiqué qu’il est essentiel de renforcer l’Organisation "
      "fictive (OFX)."), VALDORIA, "Il est essentiel de renforcer l’Organisation fictive."),
    # inverted attribution in the middle: stitched out
    ("Cette mission, a-t-il affirmé, a permis de protéger 12 ponts fictifs.", frozenset(),
     "Cette mission a permis de protéger 12 ponts fictifs."),
    # inverted attribution followed by a clause that belongs to it: the sentence ends there
    (("Au cours des 20 dernières années, l’organisation a fait ses preuves, a-t-il affirmé, "
      "avant de souligner sa neutralité."), frozenset(),
     "Au cours des 20 dernières années, l’organisation a fait ses preuves."),
    # attribution tail naming the speaker by a generic noun
    ("L’état de droit doit demeurer une priorité, a dit la déléguée.", frozenset(),
     "L’état de droit doit demeurer une priorité."),
    # verb-first tail naming the speaker's own country
    ("« Nous ignorons encore beaucoup de choses », a réagi de son côté la Valdoria.", VALDORIA,
     "« Nous ignorons encore beaucoup de choses »."),
    # an inverted attribution right after a connective goes with it
    ("À cet égard, a-t-il conclu, la Valdoria est favorable à un accord.", frozenset(),
     "La Valdoria est favorable à un accord."),
    # a relative clause after the attribution belongs to it
    ("La coopération est un bon exemple, a dit la déléguée, pour qui la paix est essentielle.",
     frozenset(), "La coopération est un bon exemple."),
    # NBSP inside a number survives, and a figure first is not "capitalized"
    ("Il a dit que 3\u00a0800 personnels fictifs participent aux opérations.", frozenset(),
     "3\u00a0800 personnels fictifs participent aux opérations."),
]

CASES_EN = [
    ("In addition, he said that the Council must act on resolution 9999 (2031) now.",
     frozenset(), "The Council must act on resolution 9999 (2031) now."),
    ("Such actions, he stressed, violate the Charter of the United Nations (UN).", frozenset(),
     "Such actions violate the Charter of the United Nations."),
    ("The Council must not stay silent, said the representative of Valdoria.",
     frozenset({"valdoria"}), "The Council must not stay silent."),
    ("The world must protect civilians, she said, adding that it was urgent.", frozenset(),
     "The world must protect civilians."),
    ("He said the embargo on Valdoria must end.", frozenset(), "The embargo on Valdoria must end."),
    # any participle after a mid-sentence attribution continues it
    ("Efforts must focus on de-escalation, he said, commending the efforts by Norland.",
     frozenset(), "Efforts must focus on de-escalation."),
]


@pytest.mark.parametrize("sentence, speaker, expected", CASES_FR)
def test_french_compression(sentence, speaker, expected):
    result = compress(sentence, "fr", speaker)
    assert result == expected
    assert is_subsequence(result, sentence)


@pytest.mark.parametrize("sentence, speaker, expected", CASES_EN)
def test_english_compression(sentence, speaker, expected):
    result = compress(sentence, "en", speaker)
    assert result == expected
    assert is_subsequence(result, sentence)


@pytest.mark.parametrize("sentence, lang", [
    # someone else's words quoted by the speaker keep their attribution
    ("« Ensemble, nous réussirons », a rappelé M. Zorvan.", "fr"),
    ("The Secretary-General said that the talks would succeed.", "en"),
    # verbs that change the truth of the proposition keep their frame
    ("He hoped that the talks would succeed.", "en"),
    ("She denied that troops had crossed the border.", "en"),
    # an attribution that introduces a quotation stays with it
    ("Stressing that refugees are a priority, he said: “There is one cry in Valdoria.”", "en"),
    # a frame over two coordinated clauses would leave "et que" hanging
    ("Il a souligné que la mission est légale et que les forces n’ont effectué aucun tir.", "fr"),
    # words inside a quotation are never cut
    ("« Par ailleurs, il a dit que tout va bien », selon le texte fictif.", "fr"),
])
def test_keeps_what_would_change_meaning(sentence, lang):
    assert compress(sentence, lang) == sentence


def test_figures_are_verbatim_and_years_alone_are_not_figures():
    text = ("Il a dit que 3\u00a0800 personnels et 6 800 tonnes, en 2031, 100 millions de "
            "dollars, la résolution 9999 (2031), les documents S/2031/123 et A/ES-99/L.25, "
            "soit 40 pour cent, « cellules fictives ».")
    figures = find_figures(text, "fr")
    assert figures == ("3\u00a0800 personnels", "6 800 tonnes", "100 millions de dollars",
                       "résolution 9999 (2031)", "S/2031/123", "A/ES-99/L.25", "40 pour cent",
                       "« cellules fictives »")
    assert all(f in text for f in figures)
