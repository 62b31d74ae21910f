"""compose: what the note contains, per --length and --lang, and how languages are marked."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from fictional import fictional_analysis, fictional_release, fictional_summaries

from briefgen import i18n
from briefgen.compose import compose, delegation_names, is_machine_translated, translate_briefing
from briefgen.errors import BriefgenError
from briefgen.model import IssueAnalysis, Meeting
from briefgen.settings import Settings


def make(lang: str = "en", length: str = "standard", release_lang: str = "fr"):
    release = fictional_release(release_lang)
    summaries = fictional_summaries(release)
    return compose(release, summaries, fictional_analysis(release, summaries),
                   Settings(lang=lang, length=length))


def test_standard_note_has_every_part_and_one_line_per_speaker():
    note = make()
    assert 4 <= len(note.key_points) <= 8
    assert all(b.source and b.delegation_key for b in note.key_points)
    assert [i.id for i in note.issues] == ["arcadia-dam", "regional-mediation"]
    assert note.divergences and note.divergences[0].sides["concerned"] == ("GB",)
    assert len(note.statements) == len(note.release.statements)
    assert all(len(s.summary) == 1 for s in note.statements)


def test_speaker_lines_prefer_a_sentence_not_already_in_the_note():
    note = make()
    shown = {b.text for b in note.key_points}
    shown |= {b.text for i in note.issues for p in i.positions for b in p.summary}
    summaries = fictional_summaries(note.release)
    fresh = 0
    for item in note.statements:
        if any(b.text not in shown for b in summaries[item.statement.index]):
            assert item.summary[0].text not in shown, item.delegation
            fresh += 1
    assert fresh >= 3


def test_short_is_key_points_only_and_full_keeps_every_sentence():
    short = make(length="short")
    assert short.key_points and not short.issues and not short.divergences
    assert not short.statements
    full = make(length="full")
    assert [len(s.summary) for s in full.statements] == [2] * len(full.statements)


@pytest.mark.parametrize("lang, gb, un", [("en", "United Kingdom", "United Nations"),
                                          ("fr", "Royaume-Uni", "Organisation des Nations Unies")])
def test_delegation_names_follow_the_note_language(lang, gb, un):
    note = make(lang=lang)
    names = delegation_names(note)
    assert names["GB"] == gb
    assert {p.delegation for i in note.issues for p in i.positions if p.delegation_key == "GB"} \
        == {gb}
    speaker = next(s for s in note.statements if s.statement.delegation_key == "org:UN")
    assert speaker.delegation == un


def test_other_language_without_translator_keeps_original_and_says_so_once():
    note = make(lang="en", release_lang="fr")
    assert note.notices == (i18n.label("original_language", "en", language="French"),)
    assert "no translator" in note.notices[0]
    assert all(b.lang == "fr" and not b.translated for b in note.key_points)
    assert not is_machine_translated(note)
    assert make(lang="fr", release_lang="fr").notices == ()


def test_translation_keeps_originals_and_leaves_rejected_sentences_unmarked():
    note = make(lang="en")
    calls = []

    def translate(texts):
        calls.append(list(texts))
        # A deterministic stand-in for a Translator: "translates" all but one sentence;
        # returning a text unchanged is how a Translator reports a rejected translation.
        return [t if "canal" in t else f"[en] {t}" for t in texts]

    translated = translate_briefing(note, translate)
    assert len(calls) == 1 and len(calls[0]) == len(set(calls[0]))  # one batch, no repeats
    assert is_machine_translated(translated)
    for before, after in zip(note.key_points, translated.key_points):
        if "canal" in before.text:
            assert after == before
        else:
            assert after.text == f"[en] {before.text}" and after.original == before.text
            assert after.translated and after.lang == "en" and after.source == before.source
    evidence = [p.stance_evidence for i in translated.issues for p in i.positions
                if p.stance_evidence]
    assert evidence and all(e.translated for e in evidence)
    assert [s.figures for s in translated.statements] == [s.figures for s in note.statements]


def test_release_without_statements_is_a_user_error():
    release = dataclasses.replace(fictional_release(), statements=())
    with pytest.raises(BriefgenError, match="no statements"):
        compose(release, {}, IssueAnalysis(), Settings())


@pytest.mark.parametrize("lang, expected", [
    ("en", ("Security Council", "9999th meeting", "morning", "16 February 2022")),
    ("fr", ("Conseil de sécurité", "9999e séance", "matin", "16 février 2022")),
])
def test_meeting_facts_are_localized(lang, expected):
    assert i18n.meeting_facts(fictional_release().meeting, lang) == expected


def test_ordinals_and_unknown_facts():
    assert [i18n.ordinal(n, "en") for n in (8961, 8962, 8963, 8911, 8967)] == \
        ["8961st", "8962nd", "8963rd", "8911th", "8967th"]
    assert [i18n.ordinal(n, "fr") for n in (1, 2)] == ["1re", "2e"]
    meeting = Meeting(language="en", body="Open-ended Working Group", date=dt.date(2023, 1, 5))
    assert i18n.meeting_facts(meeting, "fr") == ("Open-ended Working Group", "5 janvier 2023")


def test_every_label_exists_in_every_language():
    for key, texts in i18n.LABELS.items():
        assert set(texts) == set(i18n.LOCALES), key
