"""The neural summarizer, with tiny models built by the tests (no downloads, network off).

Random weights write nonsense, so every neural sentence must be caught by the guard and
replaced by the extractive one; the guard's acceptance of a faithful paraphrase is shown on
hand-written text.  The release texts here are FICTIONAL, written for these tests.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import cli
from briefgen.model import FALLBACK, NEURAL, Bullet, Meeting, Paragraph, Passage, Release, Statement
from briefgen.models import batch_by_tokens, fit
from briefgen.summarize import neural
from briefgen.summarize.neural import Chunk, degenerate, pack, pick, trace, unsupported

pytest.importorskip("torch", reason="the neural tests need the extra: pip install 'briefgen[neural]'")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

# FICTIONAL release (invented meeting and speakers) in the real English layout.
LONG = " ".join(
    f"She said the {place} crossing had been closed for {n} days and that {n * 10} trucks "
    f"were waiting." for place, n in (("northern", 3), ("eastern", 4), ("western", 5),
                                      ("southern", 6), ("river", 7), ("mountain", 8)))
RELEASE = f"""Security Council
9999th Meeting (AM)
SC/99999
1 April 2031

Security Council Hears Fictional Briefing on the Arcadia Canal Dispute

FICTIONAL RELEASE written for briefgen's tests: the meeting and the speakers are invented.

The Security Council today heard a briefing on the dispute over the Arcadia canal, as members urged the riparian States to return to talks.

THE SITUATION IN ARCADIA

Briefing

ALMA VERENSKA, Under-Secretary-General for Fictional Affairs, said the mission had observed 12 incidents along the canal since January. She urged the parties to reopen the sluice gates without conditions.

{LONG}

Statements

JAMES NORTHCOTE (United Kingdom) said his delegation was concerned by the unilateral dam. He called for an independent inquiry into the flooding of 3,800 hectares.

CLAIRE DUVAL (France) said France supported regional mediation. She announced fictional aid of 20 million euros for the displaced families.

IVAN PETROV (Russian Federation) welcomed the water-sharing agreement. He rejected any outside interference in the management of the canal.

LI WEI (China) said dialogue between the riparian States was the only way forward.

The meeting began at 10:03 a.m. and ended at 11:15 a.m.

For information media. Not an official record.
"""


@pytest.fixture(scope="session")
def tiny(tmp_path_factory):
    from tiny_models import build_all

    return build_all(tmp_path_factory.getbasetemp() / "tiny-models", CORPUS)


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.delenv("BRIEFGEN_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent")  # no user config file in tests


@pytest.fixture
def release_file(tmp_path) -> Path:
    path = tmp_path / "arcadia.en.txt"
    path.write_text(RELEASE, encoding="utf-8")
    return path


# --- pure parts ------------------------------------------------------------------------------

def test_pack_keeps_order_and_limit():
    assert pack([5, 5, 5, 20, 3, 3], 10) == [[0, 1], [2], [3], [4, 5]]
    assert pack([], 10) == []


def test_batches_are_bounded_by_padded_tokens():
    assert batch_by_tokens([10, 10, 10, 30, 30, 60], 60) == [[0, 1, 2], [3, 4], [5]]
    assert batch_by_tokens([100], 60) == [[0]]  # one input always gets a batch


def test_fit_cuts_between_words_and_loses_nothing():
    sentence = " ".join(f"word{i}" for i in range(40))
    parts = fit(sentence, lambda s: len(s.split()), 12)
    assert all(len(p.split()) <= 12 for p in parts) and len(parts) >= 4
    assert " ".join(parts) == sentence


def test_trace_finds_the_paragraphs_a_sentence_draws_on():
    chunk = Chunk(0, (("p4", "The mission observed 12 incidents."),
                      ("p5", "Trucks waited at the crossing."), ("p5", "It was closed.")))
    assert trace("Trucks waited at the closed crossing", chunk) == ("p5",)
    assert trace("The mission observed trucks", chunk) == ("p4", "p5")
    assert trace("Nothing in common", chunk) == ("p4", "p5")


def test_pick_takes_from_every_chunk_in_reading_order():
    outputs = [["a1", "a2", "a3"], ["b1"], ["c1", "c2"]]
    assert pick(outputs, 3) == [(0, "a1"), (1, "b1"), (2, "c1")]
    assert pick(outputs, 5) == [(0, "a1"), (0, "a2"), (1, "b1"), (2, "c1"), (2, "c2")]
    assert pick([[], []], 2) == []


def test_degenerate_and_unsupported_catch_model_nonsense():
    assert degenerate("collective collective collective security")
    assert degenerate("Too short.")
    assert not degenerate("The delegate welcomed the water-sharing agreement.")
    source = "He welcomed the water-sharing agreement and rejected any outside interference."
    assert not unsupported("He welcomes the agreement and rejects interference.", source)
    assert unsupported("He condemned the military invasion of neighbouring territories.", source)


# --- the guard, on hand-written generated text -----------------------------------------------

def _statement_release() -> tuple[Statement, Release]:
    text = ("JAMES NORTHCOTE (United Kingdom) said his delegation was concerned by the "
            "unilateral dam. He called for an independent inquiry into the flooding of 3,800 "
            "hectares.")
    statement = Statement(0, (Passage("p5", text),), speaker="JAMES NORTHCOTE",
                          delegation="United Kingdom", delegation_key="GB")
    release = Release(Meeting("en"), (Paragraph("p5", text, "statement"),),
                      statements=(statement,))
    return statement, release


@pytest.mark.parametrize("generated, origin", [
    ("The United Kingdom called for an independent inquiry into the flooding of the dam.",
     NEURAL),
    ("The United Kingdom called for an inquiry into the flooding of 5,000 hectares.", FALLBACK),
    ("The United Kingdom and France called for an independent inquiry into the dam.", FALLBACK),
])
def test_guard_keeps_faithful_sentences_and_replaces_the_others(generated, origin):
    statement, release = _statement_release()
    extractive = (Bullet("He called for an independent inquiry into the flooding of 3,800 "
                         "hectares.", ("p5",), "GB", "en"),)
    chunk = Chunk(0, tuple((p.pid, p.text) for p in statement.passages))
    (bullet,) = neural.guard(0, statement, release, 3, [chunk], [generated], extractive)
    assert bullet.origin == origin
    assert bullet.source == ("p5",) and bullet.delegation_key == "GB"
    assert bullet.text == (generated if origin == NEURAL else extractive[0].text)


# --- the real CLI with a tiny random T5 ------------------------------------------------------

def _batches(log: str, model: str) -> list[tuple[int, int, int]]:
    """(inputs, shortest, longest) of each logged generate() batch of `model`."""
    return [(int(n), int(a), int(b)) for n, a, b in re.findall(
        re.escape(model) + r": batch \d+/\d+, (\d+) inputs of (\d+)-(\d+) tokens", log)]


def test_make_with_the_neural_summarizer(tiny, release_file, tmp_path, monkeypatch):
    from briefgen import models

    monkeypatch.setitem(models.BATCH_TOKENS, "cpu", 256)  # several batches from a short release
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, [
        "make", str(release_file), "--summarizer", "neural", "--summarizer-model",
        str(tiny.summarizer), "--device", "cpu", "--format", "json", "-o", str(out), "-v"])
    assert result.exit_code == 0, result.output + result.stderr
    log = result.stderr
    # one load, every chunk of the release in batches sorted by length
    assert log.count(f"loaded {tiny.summarizer}") <= 1
    batches = _batches(log, str(tiny.summarizer))
    assert len(batches) >= 2 and all(n * longest <= 256 for n, _, longest in batches)
    assert all(prev[2] <= nxt[1] for prev, nxt in pairwise(batches))
    # the long briefing is chunked, and the whole input is read
    coverage = re.search(r"(\d+) statements -> (\d+) chunks \((\d+) statements split to fit "
                         r"128 tokens\); input covered: (\d+) of (\d+) tokens \(100\.0%\)", log)
    assert coverage, log
    statements, chunks, split, covered, total = map(int, coverage.groups())
    assert statements == 5 and split >= 1 and chunks > statements and covered == total
    # random weights: every neural sentence is rejected, the extractive one takes its place
    note = json.loads((out / "SC-99999.en.json").read_text(encoding="utf-8"))
    bullets = [b for s in note["statements"] for b in s["summary"]]
    assert bullets and {b["origin"] for b in bullets} == {FALLBACK}
    assert "replaced by the extractive sentence" in log


def test_long_statement_is_covered_whole(tiny):
    from briefgen import models

    loaded = models.load(str(tiny.summarizer), "cpu")
    statement = Statement(0, (Passage("p1", LONG),), delegation_key="org:UN")
    special = loaded.token_lengths([""])[0]
    chunks = neural.chunk_statement(0, statement, "en",
                                    lambda t: loaded.token_lengths([t])[0] - special, 40)
    assert len(chunks) >= 3
    assert " ".join(c.text for c in chunks) == LONG  # split on sentences, nothing dropped
    assert all(loaded.token_lengths([c.text])[0] <= loaded.max_input for c in chunks)


def test_model_is_loaded_once_per_run(tiny):
    from briefgen import models

    first = models.load(str(tiny.summarizer), "cpu")
    assert models.load(str(tiny.summarizer), "cpu") is first


def test_missing_model_fails_fast_on_one_line(release_file, tmp_path):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf")}
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "briefgen.cli", "make", str(release_file), "--summarizer",
         "neural", "--summarizer-model", "Helsinki-NLP/opus-mt-fr-en", "-o", str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=60, check=False)
    elapsed = time.perf_counter() - started
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert "'Helsinki-NLP/opus-mt-fr-en' is not available locally" in lines[0]
    assert "briefgen models download Helsinki-NLP/opus-mt-fr-en" in lines[0]
    assert elapsed < 5, elapsed  # interpreter start included; no torch import, no network
    assert not list(tmp_path.glob("*.json")) and not list(tmp_path.glob("*.pdf"))


def test_missing_torch_is_one_clear_line(monkeypatch):
    import importlib.util

    from briefgen import models
    from briefgen.errors import BriefgenError

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "torch" else real(name, *a))
    with pytest.raises(BriefgenError, match=r"need torch: pip install 'briefgen\[neural\]'"):
        models.require_torch()


def test_default_path_imports_no_torch(release_file, tmp_path):
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from briefgen.cli import cli\n"
        f"r = CliRunner().invoke(cli, ['make', {str(release_file)!r}, '--format', 'md,json', "
        f"'-o', {str(tmp_path)!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, env={**os.environ, "XDG_CONFIG_HOME": "/nonexistent"},
                         check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "[]"
