"""compose: what the note contains, per --length and --lang, and how languages are marked."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from fictional import fictional_analysis, fictional_release, fictional_summaries

from briefgen import i18n
from briefgen.compose import compose, delegation_names, is_machine_translated, translate_briefing
from briefgen.errors import BriefgenError
from briefgen.model import FACTS, IssueAnalysis, Meeting
from briefgen.settings import Settings


def make(lang: str = "en", length: str = "standard", release_lang: str = "fr"):
    release = fictional_release(release_lang)
    summaries = fictional_summaries(release)
    return compose(release, summaries, fictional_analysis(release, summaries),
                   Settings(lang=lang, length=length))


def test_standard_note_has_every_part_and_one_line_per_speaker():
    note = make()
    assert 4 <= len(note.key_points) <= 8
    # a delegation's own sentence, or a sentence written from facts that lists them
    assert all(b.source and (b.delegation_key or b.origin == FACTS and b.facts)
               for b in note.key_points)
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
    # the speakers' sentences stay in French; what the note writes from facts is in English
    quoted = [b for b in note.key_points if b.origin != FACTS]
    written = [b for b in note.key_points if b.origin == FACTS]
    assert quoted and all(b.lang == "fr" and not b.translated for b in quoted)
    assert written and all(b.lang == "en" and not b.translated for b in written)
    assert written[0].text.startswith("Delegations were divided over")
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
        if "canal" in before.text or before.origin == FACTS:  # rejected, or English already
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


# Shortening lines for the standard note.  FICTIONAL sentences, written for these tests.
LONG_EN = ("The delegate welcomed the regional mediation effort launched in the fictional "
           "capital last spring, noting the 12 meetings held so far and the goodwill shown by "
           "both riverside communities along the canal.")


def bullet(text: str, lang: str = "en"):
    from briefgen.model import Bullet

    return Bullet(text=text, source=("p4",), delegation_key="GB", lang=lang)


def test_a_long_line_keeps_its_first_clause_word_for_word_and_is_marked():
    from briefgen.compose import _clip
    from briefgen.summarize.faithfulness import is_subsequence

    short = _clip(bullet(LONG_EN), 120)
    assert short.text == ("The delegate welcomed the regional mediation effort launched in the "
                          "fictional capital last spring…")
    assert is_subsequence(short.text, LONG_EN) and short.source == ("p4",)
    assert _clip(bullet(LONG_EN), None).text == LONG_EN  # the full note never shortens
    assert _clip(bullet("A short fictional sentence."), 120).text == "A short fictional sentence."


@pytest.mark.parametrize("text, lang", [
    # the dropped clause would reverse or restrict the first one
    (("The delegate supported the fictional regional partnerships for the canal, provided that "
     "every partner respects the principles of the Charter and the rights of riverside people."),
     "en"),
    (("Il a apporté son soutien aux partenariats régionaux fictifs pour le canal, pour autant "
     "que les partenaires respectent les principes de la Charte et les droits des riverains."),
     "fr"),
    # the first clause needs what follows, or the main clause comes after a fronted phrase
    (("Il a ajouté que, malgré les mesures prises par le gouvernement fictif pour répondre aux "
     "revendications, les manifestations se sont transformées en émeutes le long du canal."),
     "fr"),
    (("Turning to the fictional dam on the canal of Arcadia and its reservoir, the delegate said "
     "that the 3,800 hectares flooded last winter called for an independent inquiry soon."),
     "en"),
    # a vote: the outcome comes after the fronted count
    (("By a recorded vote of 99 in favour to 9 against, with 9 abstentions, the fictional "
      "Assembly adopted the resolution on the reservoir of Arcadia and the canal."), "en"),
    (("Par 99 voix pour, 9 voix contre et 9 abstentions, l’Assemblée fictive a adopté la "
      "résolution sur le réservoir d’Arcadie et le canal qui le relie à la mer."), "fr"),
    # no comma outside the quotation
    (("« Nous ne laisserons pas le canal fictif d’Arcadie devenir, une fois de plus, l’otage des "
     "rivalités entre riverains, ni aujourd’hui ni demain, quoi qu’il en coûte aux parties »"),
     "fr"),
])
def test_a_line_is_not_shortened_when_no_safe_cut_exists(text, lang):
    from briefgen.compose import _clip

    assert len(text) > 140 and _clip(bullet(text, lang), 140) is None


def test_standard_issue_gives_each_side_a_voice_and_names_the_others():
    from briefgen.compose import _edit_issue

    release = fictional_release("fr")
    summaries = fictional_summaries(release)
    dam = fictional_analysis(release, summaries).issues[0]
    edited = _edit_issue(dam, shown=set(), lines=2, limit=170)
    assert [p.delegation_key for p in edited.positions] == \
        [p.delegation_key for p in dam.positions]  # nobody dropped
    said = [p for p in edited.positions if p.summary]
    assert len(said) == 2 and len({p.stance for p in said}) == 2
    shown = {said[0].summary[0].text}
    again = _edit_issue(dam, shown=shown, lines=4, limit=170)
    assert all(p.summary[0].text not in shown for p in again.positions if p.summary)
    assert _edit_issue(dam, shown=set(), lines=None, limit=None) == dam  # full: untouched


def test_real_release_standard_note_lines_stay_faithful(corpus):
    from briefgen.pipeline import make_briefing
    from briefgen.summarize.faithfulness import check_bullet

    note = make_briefing(corpus("CS-14794.fr.txt"), Settings(lang="en"))
    by_key = {}
    for st in note.release.statements:
        by_key.setdefault(st.delegation_key, []).append(st)
    lines = [(b, [item.statement]) for item in note.statements for b in item.summary]
    lines += [(b, by_key[p.delegation_key]) for i in note.issues for p in i.positions
              for b in p.summary]
    assert len(note.statements) == 22 and 4 <= len(note.key_points) <= 8
    for b, statements in lines:
        assert any(not check_bullet(b, st, note.release) for st in statements), b.text
        assert len(b.text) <= 170 or not b.text.endswith("…")
    assert sum(1 for i in note.issues for p in i.positions if p.summary) \
        <= 4 * len(note.issues)


def test_a_release_without_headline_is_titled_by_body_and_issues():
    from briefgen.compose import briefing_title

    note = make(lang="fr")
    untitled = dataclasses.replace(
        note, release=dataclasses.replace(
            note.release, meeting=dataclasses.replace(note.release.meeting, title="",
                                                      body="Security Council")))
    title = briefing_title(untitled)
    assert title.startswith("Conseil de sécurité\u00a0: ")
    assert all(issue.label in title for issue in untitled.issues[:3])
    assert briefing_title(note) == note.release.meeting.title


def test_a_constructed_title_skips_labels_another_label_contains():
    from briefgen.compose import briefing_title
    from briefgen.model import Issue

    note = make(lang="en")
    untitled = dataclasses.replace(
        note, issues=(Issue("gaza", "Gaza"), Issue("aid", "Humanitarian situation in Gaza"),
                      Issue("hostages", "Hostages")),
        release=dataclasses.replace(
            note.release, meeting=dataclasses.replace(note.release.meeting, title="",
                                                      body="General Assembly")))
    assert briefing_title(untitled) == "General Assembly: Humanitarian situation in Gaza, Hostages"


@pytest.mark.parametrize("name, key, lang, expected", [
    ("Caribbean Community", "org:CARICOM", "en", "on behalf of the Caribbean Community"),
    ("Union européenne", "org:EU", "fr", "au nom de l’Union européenne"),
    ("Groupe des États arabes", "group:ARAB", "fr", "au nom du Groupe des États arabes"),
    ("Communauté des Caraïbes", "org:CARICOM", "fr", "au nom de la Communauté des Caraïbes"),
    ("États baltes", "group:BALTIC", "fr", "au nom des États baltes"),
])
def test_on_behalf_of_takes_the_article_of_the_group(name, key, lang, expected):
    assert i18n.on_behalf_of(name, key, lang) == expected


def test_a_speaker_line_that_says_something_beats_an_unused_empty_one():
    from briefgen.compose import _speaker_summary
    from briefgen.model import Bullet

    shown = Bullet("The delegate condemned the closure of the fictional Arcadia canal to ships.",
                   ("p9",), "GB", "en")
    empty = Bullet("Also speaking today was the Permanent Observer of the fictional League.",
                   ("p9",), "GB", "en")
    assert _speaker_summary((empty, shown), {shown.text}, 1, 170) == (shown,)


@pytest.mark.parametrize("length", ["standard", "full"])
def test_no_sentence_is_shown_in_two_sections(length):
    """Ghana's one sentence is a position on the dam and on mediation: it is shown once."""
    note = make(length=length)
    seen = [b.text for i in note.issues for p in i.positions for b in p.summary]
    assert len(seen) == len(set(seen))
    assert not set(seen) & {b.text for b in note.key_points}
    ghana = [p for i in note.issues for p in i.positions if p.delegation_key == "GH"]
    assert len(ghana) == 2  # still listed under both, by name where its sentence is shown


def test_a_sentence_inside_a_key_point_is_not_shown_again():
    """The briefer's key point joins two of her sentences; neither is a position line too."""
    note = make()
    first = note.key_points[0]
    assert first.speaker and " " in first.text
    lines = [b.text for i in note.issues for p in i.positions for b in p.summary]
    assert lines and not any(line in first.text for line in lines)


def test_a_clipped_key_point_and_a_shared_vote_record_are_shown_once():
    from briefgen.compose import _edit_issue, _shown
    from briefgen.model import Bullet, Issue, Position

    # FICTIONAL.  A key point clipped to its first clause still shows the sentence it starts.
    sentence = "Member States will vote on a text on the fictional canal, she said, and soon."
    assert _shown(sentence, {"Member States will vote on a text on the fictional canal…"})
    assert not _shown("Member States will vote on another text.",
                      {"Member States will vote on a text on the fictional canal…"})
    # Two voters placed by the same record: the record is one line, the other voter a name.
    record = Bullet("The amendment on the fictional canal was defeated by 5 votes to 1 "
                    "against (Norway), with 9 abstentions.", ("p4",), None, "en")
    issue = Issue(id="amendment", label="Amendment", contested=True, positions=(
        Position("Norway", "NO", (record,), "concerned", record),
        Position("Sweden", "SE", (record,), "neutral", record)))
    edited = _edit_issue(issue, set(), 4, 200)
    assert [len(p.summary) for p in edited.positions] == [1, 0]
