"""The ROUGE harness, and floors that make a drop in summary quality fail the tests.

The floors sit a notch below the averages measured on the corpus (bench/README.md,
"Summaries"): briefgen alone, ROUGE-1/2 only, so the check stays fast (ROUGE-L and the sumy
baselines are the slow part; `briefgen eval summaries` runs them).
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_summarize import fictional_release

from briefgen.evaluation.summaries import (
    UnicodeTokenizer,
    outputs,
    score_release,
    sumy_summary,
    without_lead,
)
from briefgen.model import LEAD, Paragraph
from briefgen.pipeline import parse_source
from briefgen.settings import Settings

RELEASES = ["CS-14794.fr.txt", "GA-12406.en.txt", "GA-12548.en.txt", "GA-12553.en.txt",
            "SC-14808.en.txt", "SC-14819.en.txt", "SC-15462.en.txt", "SC-15570.en.txt",
            "SC-16023.en.txt"]

# Measured averages (F1 x 100): key points 30.1 / 13.4, summaries 44.5 / 21.4 (2026-12-04;
# briefgen's own figures do not depend on the baselines' budget).  Earlier: key points
# 30.4 / 14.3, summaries 44.1 / 21.1 (keeping participle clauses whole cost the summaries a
# point; bench/README.md, "Summaries").
# Before that round: key points 29.6 / 12.1, summaries 45.1 / 22.1.  The key-point
# ROUGE-1 floor was 30.0 when intro frames ("NAME (Country) said that") stayed in the bullets;
# dropping them shortened every system's word budget (the baselines lost 1-3 points as well,
# see bench/README.md), so that floor sits a notch below the new figure.
FLOORS = {("key_points", "rouge1"): 28.5, ("key_points", "rouge2"): 11.0,
          ("summaries", "rouge1"): 44.0, ("summaries", "rouge2"): 21.0}


def test_french_tokenizer_keeps_accented_words_whole():
    tokens = UnicodeTokenizer("fr").tokenize("La sécurité de l’État, 3 800 personnels.")
    assert "sécur" in tokens[1] or tokens[1].startswith("sécur")
    assert "l" not in tokens and "3" in tokens and "800" in tokens
    assert not any(t in {"s", "curit"} for t in tokens)


def test_every_system_reads_only_statements():
    """Summaries, key points and the issue analysis behind them never see the lead."""
    release = fictional_release()
    lead_text = "FICTIONAL LEAD: the Council heard about Valdoria's water and Zebedee the zebra."
    release = replace(release, paragraphs=release.paragraphs + (Paragraph("p9", lead_text, LEAD),),
                      lead=("p9",))
    blind = without_lead(release)
    assert blind.lead == () and all(p.kind != LEAD for p in blind.paragraphs)
    produced = outputs(release, Settings())
    assert {system for _, system in produced} == {"briefgen", "lead", "lexrank", "textrank"}
    for sentences in produced.values():
        assert sentences and not any("Zebedee" in s for s in sentences)
    scores = score_release(release)
    assert all(0.0 <= v <= 1.0 for metrics in scores.scores.values() for v in metrics.values())


def test_baselines_pick_the_given_sentences_at_the_given_budget():
    sentences = ["Valdoria needs water.", "The dam could fail soon in Valdoria.",
                 "Engineers were attacked near the dam.", "Norland will send equipment."]
    for system in ("lexrank", "textrank"):
        picked = sumy_summary(system, sentences, 2, "en")
        assert len(picked) == 2 and all(s in sentences for s in picked)
        assert picked == [s for s in sentences if s in picked]  # reading order


def test_baselines_get_as_many_words_as_briefgen():
    """Held to briefgen's number of sentences, a baseline that picks short sentences came out
    shorter than briefgen's compressed ones, which F1 rewards: it takes its next sentences."""
    from briefgen.evaluation.summaries import _budgeted

    sentences = ["Valdoria needs water.", "The dam could fail.",
                 "Engineers were attacked near the dam last week.", "Norland will help."]
    def first(found, n):  # Lead-k
        return list(found[:n])

    ours = ["Engineers near the dam were attacked last week."]  # one sentence, eight words
    assert _budgeted(first, sentences, ours) == [
        "Valdoria needs water.", "The dam could fail.", "Engineers"]
    assert _budgeted(first, sentences, ["Water."]) == ["Valdoria"]
    assert _budgeted(first, sentences, []) == []
    produced = outputs(fictional_release(), Settings())
    words = {system: sum(len(t.split()) for t in found)
             for (target, system), found in produced.items() if target == "summaries"}
    assert set(words.values()) == {words["briefgen"]}


def test_rouge_floors_on_the_corpus(corpus):
    releases = [parse_source(corpus(name)) for name in RELEASES]
    scored = [score_release(r, systems=("briefgen",), metrics=("rouge1", "rouge2"))
              for r in releases if r.lead]
    assert len(scored) >= 6, "the parser found too few leads to measure against"
    for (target, metric), floor in FLOORS.items():
        average = 100 * sum(s.scores[(target, "briefgen")][metric] for s in scored) / len(scored)
        assert average >= floor, f"{target} {metric} fell to {average:.1f} (floor {floor})"


@pytest.mark.parametrize("name", ["CS-14794.fr.txt"])
def test_our_summaries_beat_lead_k_on_bigrams(corpus, name):
    scores = score_release(parse_source(corpus(name)), systems=("briefgen", "lead"),
                           metrics=("rouge2",)).scores
    assert scores[("summaries", "briefgen")]["rouge2"] > scores[("summaries", "lead")]["rouge2"]
