"""The faithfulness guard must catch what would put words in a delegation's mouth.

FICTIONAL CONTENT: the release comes from tests/test_summarize.py (invented countries and text).
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_summarize import fictional_release

from briefgen.model import FALLBACK, NEURAL, Bullet
from briefgen.settings import Settings
from briefgen.summarize import summarize_release
from briefgen.summarize.faithfulness import check_bullet, check_summaries, is_subsequence


@pytest.fixture
def release():
    return fictional_release()


def bullet(text, source, key, origin="extractive"):
    return Bullet(text, source, key, "en", origin)


def test_a_true_compressed_sentence_passes(release):
    norland = release.statements[1]
    ok = bullet("Norland condemned the attacks on water engineers in Valdoria.", ("p5",), "NL")
    assert check_bullet(ok, norland, release) == []
    # the first word may be capitalized after a cut
    cut = bullet("Norland will give 3 800 tonnes of equipment for the dam.", ("p5",), "NL")
    assert check_bullet(cut, norland, release) == []


def test_catches_an_invented_number(release):
    norland = release.statements[1]
    wrong = bullet("Norland will give 8 300 tonnes of equipment for the dam.", ("p5",), "NL")
    problems = check_bullet(wrong, norland, release)
    assert any("number '8 300'" in p for p in problems)
    # the same invented number in an abstractive sentence is caught by the entity check alone
    neural = replace(wrong, text="Norland pledged 8 300 tonnes of gear.", origin=NEURAL)
    assert any("8 300" in p for p in check_bullet(neural, norland, release))


def test_catches_a_sentence_from_another_speaker(release):
    norland, ostria = release.statements[1], release.statements[2]
    theirs = "Sanctions on Valdoria under resolution 9999 (2031) have made the repair of the dam harder."
    # honestly sourced but given to the wrong delegation
    assert check_bullet(bullet(theirs, ("p6",), "NL"), norland, release)
    # or traced to the speaker's own paragraph although the words are not there
    problems = check_bullet(bullet(theirs, ("p5",), "NL"), norland, release)
    assert any("not found" in p for p in problems)
    assert any("resolution 9999 (2031)" in p for p in problems)
    # the same sentence is fine under the delegation that said it
    assert check_bullet(bullet(theirs, ("p6",), "OS"), ostria, release) == []


def test_catches_reordered_and_changed_words(release):
    envoy = release.statements[0]
    swapped = bullet("The dam on the Varna river could fail within 6 months, the envoy warned.",
                     ("p3",), "org:UN")
    assert check_bullet(swapped, envoy, release)
    assert not is_subsequence("The dam could collapse", "the dam could fail")
    assert is_subsequence("Dam could fail", "the dam could fail")  # first word: any case


def test_catches_invented_names_and_symbols(release):
    ostria = release.statements[2]
    neural = bullet("Ostria rejected the claims of Borduria in document S/2031/78.", ("p7",),
                    "OS", NEURAL)
    problems = check_bullet(neural, ostria, release)
    assert any("Borduria" in p for p in problems)
    assert any("S/2031/78" in p for p in problems)


def test_fallback_bullets_get_the_word_check_too(release):
    ostria = release.statements[2]
    wrong = bullet("Ostria accepted the accusations.", ("p7",), "OS", FALLBACK)
    assert any("not found" in p for p in check_bullet(wrong, ostria, release))


def test_a_translated_bullet_is_checked_through_its_original(release):
    norland = release.statements[1]
    original = "Norland condemned the attacks on water engineers in Valdoria."
    translated = Bullet("La Norlande a condamné les attaques.", ("p5",), "NL", "fr",
                        translated=True, original=original)
    assert check_bullet(translated, norland, release) == []


def test_release_summaries_and_key_points_are_checked_together(release):
    summaries = summarize_release(release, Settings())
    assert check_summaries(release, summaries) == []
    stolen = {1: (bullet("She called on the Council to lift them.", ("p6",), "NL"),)}
    assert check_summaries(release, stolen)
    fake_point = bullet("Norland called on the Council to lift them.", ("p5",), "NL")
    assert check_summaries(release, {}, (fake_point,))


CORPUS = ["CS-14794.fr.txt", "GA-12406.en.txt", "GA-12548.en.txt", "GA-12553.en.txt",
          "SC-14808.en.txt", "SC-14819.en.txt", "SC-15462.en.txt", "SC-15570.en.txt",
          "SC-16023.en.txt"]


@pytest.mark.parametrize("name", CORPUS)
def test_every_compressed_sentence_of_a_real_release_is_faithful(corpus, name):
    """Not only the chosen bullets: every sentence of every statement, compressed, must pass
    (so no selection change can ever surface an unfaithful compression), and the summarizer
    must not have had to drop anything."""
    from briefgen.pipeline import parse_source
    from briefgen.summarize import select_key_points
    from briefgen.summarize.compress import compress, speaker_words
    from briefgen.summarize.extractive import ExtractiveSummarizer, corpus_model

    release = parse_source(corpus(name))
    lang = release.meeting.language
    units = corpus_model(release).units
    failures = []
    for statement in release.statements:
        for unit in units[statement.index]:
            text = compress(unit.text, lang, speaker_words(statement))
            candidate = Bullet(text, (unit.pid,), statement.delegation_key, lang)
            failures += [f"{statement.index}: {p}"
                         for p in check_bullet(candidate, statement, release)]
    assert failures == []
    raw = ExtractiveSummarizer().summarize(release.statements, release, 3)
    assert all(bullets for statement, bullets in zip(release.statements, raw)
               if units[statement.index])
    summaries = {s.index: b for s, b in zip(release.statements, raw)}
    points = select_key_points(release, summaries, Settings())
    assert 4 <= len(points) <= 8 or len(points) == len(release.statements)
    assert check_summaries(release, summaries, points) == []


def test_catches_a_document_symbol_cut_short(release):
    """`resolution 9999 (2031)` without its parenthesis names another text, or none."""
    ostria = release.statements[2]
    cut = bullet("Sanctions on Valdoria under resolution 9999 have made the repair of the dam "
                 "harder.", ("p6",), "OS")
    assert any("9999" in p for p in check_bullet(cut, ostria, release))


def test_a_meeting_key_point_is_checked_against_its_paragraph(release):
    """A key point no delegation says (a vote's outcome) must still be its paragraph's words."""
    from briefgen.model import Paragraph

    vote = Paragraph("p8", "The Council adopted fictional resolution 9999 (2031) by 12 votes.",
                     "structure")
    release = replace(release, paragraphs=release.paragraphs + (vote,))
    good = Bullet(vote.text, ("p8",), None, "en")
    assert check_summaries(release, {}, (good,)) == []
    forged = Bullet("The Council adopted fictional resolution 9999 (2031) by 14 votes.", ("p8",),
                    None, "en")
    assert check_summaries(release, {}, (forged,))
