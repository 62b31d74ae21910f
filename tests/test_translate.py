"""The Marian translator with a tiny random model built by the tests (no downloads).

FICTIONAL sentences only (tests/fictional.py and below).
"""

from __future__ import annotations

import json
import logging
import re
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.errors import BriefgenError
from briefgen.settings import Settings
from briefgen.translate import TRANSLATORS, get_translator, keeps_numbers, numbers

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def tiny(tmp_path_factory):
    pytest.importorskip("torch", reason="needs the extra: pip install 'briefgen[neural]'")
    from tiny_models import build_all

    return build_all(tmp_path_factory.getbasetemp() / "tiny-models", CORPUS)


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.delenv("BRIEFGEN_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent")


def marian(tiny) -> object:
    return get_translator(Settings(translator="marian", translator_model=str(tiny.translator),
                                   device="cpu"))


def test_numbers_are_compared_whatever_the_separators():
    assert numbers("3 800 hectares, 2,5 % et la résolution 2712 (2023)") == \
        ["3800", "25", "2712", "2023"]
    assert keeps_numbers("les 3 800 hectares", "the 3,800 hectares")
    assert keeps_numbers("2,5 %", "2.5 per cent")
    assert not keeps_numbers("les 3 800 hectares", "the 38 hectares")
    assert not keeps_numbers("douze incidents", "12 incidents")  # a number appeared


def test_registry_and_none():
    assert get_translator(Settings()) is None
    assert set(TRANSLATORS) == {"marian"}
    with pytest.raises(BriefgenError, match="unknown translator 'deepl'"):
        get_translator(Settings(translator="deepl"))


def test_missing_default_model_names_it_and_the_fix(tmp_path, monkeypatch):
    pytest.importorskip("torch")
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path))  # an empty cache
    translator = get_translator(Settings(translator="marian"))
    with pytest.raises(BriefgenError) as caught:
        translator.translate(["Bonjour à tous."], "fr", "en")
    message = str(caught.value)
    assert "'Helsinki-NLP/opus-mt-fr-en' is not available locally" in message
    assert "briefgen models download Helsinki-NLP/opus-mt-fr-en" in message
    assert "--translator-model" in message and "\n" not in message


def test_translates_in_sorted_batches_and_keeps_numbers(tiny, caplog, monkeypatch):
    from briefgen import models

    monkeypatch.setitem(models.BATCH_TOKENS, "cpu", 128)
    texts = ["La France a soutenu la médiation régionale.",
             "Le délégué a salué l’accord de partage des eaux. Il a rejeté toute ingérence.",
             "Il a demandé une enquête sur les 3 800 hectares inondés."] + \
        [f"Le représentant numéro {i} a pris la parole au nom de son pays." for i in range(10)]
    with caplog.at_level(logging.INFO, logger="briefgen"):
        out = marian(tiny).translate(texts, "fr", "en")
    assert len(out) == len(texts)
    assert out[0] != texts[0] and out[1] != texts[1]  # random weights: nonsense, but translated
    assert out[2] == texts[2]  # the model never writes 3800: kept in the original
    batches = [tuple(map(int, m)) for r in caplog.records
               for m in re.findall(r"batch \d+/\d+, (\d+) inputs of (\d+)-(\d+) tokens",
                                   r.getMessage())]
    assert len(batches) >= 2 and sum(n for n, _, _ in batches) == 14  # one text has two
    assert all(prev[2] <= nxt[1] for prev, nxt in pairwise(batches))
    assert marian(tiny).translate(texts[:1], "fr", "fr") == texts[:1]  # same language


def test_french_note_in_english_marks_translated_bullets(tiny):
    from fictional import fictional_analysis, fictional_release, fictional_summaries

    from briefgen.compose import compose

    release = fictional_release("fr")
    summaries = fictional_summaries(release)
    briefing = compose(release, summaries, fictional_analysis(release, summaries),
                       Settings(lang="en", translator="marian",
                                translator_model=str(tiny.translator), device="cpu"))
    bullets = list(briefing.key_points) + [b for s in briefing.statements for b in s.summary]
    translated = [b for b in bullets if b.translated]
    written = [b for b in bullets if b.origin == "facts"]  # in English already, not translated
    kept = [b for b in bullets if not b.translated and b.origin != "facts"]
    assert written and all(b.lang == "en" and b.original is None for b in written)
    assert translated and kept  # sentences with figures (3 800, 12, 20 millions) are kept
    for b in translated:
        assert b.original and b.text != b.original and b.lang == "en"
    assert all(numbers(b.text) for b in kept)


def test_cli_french_release_to_english_note(tiny, corpus, tmp_path):
    from briefgen.cli import cli

    source = corpus("CS-14794.fr.txt")
    result = CliRunner().invoke(cli, [
        "make", str(source), "--lang", "en", "--translator", "marian", "--translator-model",
        str(tiny.translator), "--device", "cpu", "--format", "json", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output + result.stderr
    note = json.loads((tmp_path / "CS-14794.en.json").read_text(encoding="utf-8"))
    assert note["machine_translated"] is True
    bullets = [b for s in note["statements"] for b in s["summary"]]
    assert any(b["translated"] and b["original"] for b in bullets)
