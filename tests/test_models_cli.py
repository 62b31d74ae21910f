"""`briefgen models list | download | verify`, against a local hub cache the tests lay out.

The cache is the real huggingface_hub layout (models--org--name/snapshots/<rev>/, refs/main)
filled with the tiny models, so ids resolve exactly as downloaded ones would.  The download
test points the hub at a closed local port: no traffic leaves the machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
REVISION = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture(scope="session")
def tiny(tmp_path_factory):
    pytest.importorskip("torch", reason="needs the extra: pip install 'briefgen[neural]'")
    from tiny_models import build_all

    return build_all(tmp_path_factory.getbasetemp() / "tiny-models", CORPUS)


def cache_model(cache: Path, model_id: str, folder: Path) -> Path:
    """Lay `folder` out in `cache` as huggingface_hub stores a downloaded snapshot."""
    repo = cache / ("models--" + model_id.replace("/", "--"))
    snapshot = repo / "snapshots" / REVISION
    shutil.copytree(folder, snapshot)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(REVISION)
    return snapshot


@pytest.fixture
def hub_cache(tmp_path, monkeypatch):
    from huggingface_hub import constants

    cache = tmp_path / "hub"
    cache.mkdir()
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(cache))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent")
    for name in [n for n in os.environ if n.startswith("BRIEFGEN_")]:
        monkeypatch.delenv(name)
    return cache


def test_list_shows_configured_recommended_and_cached(tiny, hub_cache, monkeypatch):
    snapshot = cache_model(hub_cache, "briefgen-tests/tiny-t5", tiny.summarizer)
    cache_model(hub_cache, "briefgen-tests/tiny-marian", tiny.translator)
    monkeypatch.setenv("BRIEFGEN_SUMMARIZER_MODEL", "briefgen-tests/tiny-t5")
    monkeypatch.setenv("BRIEFGEN_TRANSLATOR_MODEL", str(tiny.translator))
    result = CliRunner().invoke(cli, ["models", "list"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(l.startswith("found") and "summarizer (configured)" in l
               and "briefgen-tests/tiny-t5" in l and str(snapshot) in l for l in lines)
    assert any(l.startswith("found") and "translator (configured)" in l for l in lines)
    assert any(l.startswith("missing") and "Helsinki-NLP/opus-mt-fr-en" in l for l in lines)
    assert any(l.startswith("found") and "in local cache" in l
               and "briefgen-tests/tiny-marian" in l for l in lines)


def test_verify_a_cached_id_and_a_folder(tiny, hub_cache):
    cache_model(hub_cache, "briefgen-tests/tiny-t5", tiny.summarizer)
    for name, kind in (("briefgen-tests/tiny-t5", "T5ForConditionalGeneration"),
                       (str(tiny.translator), "MarianMTModel")):
        result = CliRunner().invoke(cli, ["models", "verify", name, "--device", "cpu"])
        assert result.exit_code == 0, result.output
        assert result.output.startswith(f"OK {name}: {kind}, ")
        assert " parameters, max input 128 tokens, cpu" in result.output


@pytest.mark.parametrize("name, message", [
    ("nobody/nothing", ("model 'nobody/nothing' is not available locally: run `briefgen "
                        "models download nobody/nothing` on a machine with internet")),
    ("./no/such/folder", "model folder ./no/such/folder not found"),
])
def test_verify_missing_is_one_line(hub_cache, name, message):
    result = CliRunner().invoke(cli, ["models", "verify", name])
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"Error: {message}")


def test_verify_folder_that_is_not_a_model(hub_cache, tmp_path):
    result = CliRunner().invoke(cli, ["models", "verify", str(tmp_path)])
    assert result.exit_code == 1 and "has no config.json" in result.stderr


def test_download_refuses_offline(hub_cache, monkeypatch):
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)  # as HF_HUB_OFFLINE=1 at start-up
    result = CliRunner().invoke(cli, ["models", "download", "briefgen-tests/none"])
    assert result.exit_code == 1 and "HF_HUB_OFFLINE is set" in result.stderr


def test_download_fails_fast_when_the_hub_is_unreachable(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "HF_HUB_OFFLINE"}
    env.update(HF_HOME=str(tmp_path / "hf"), HF_ENDPOINT="http://127.0.0.1:9")  # closed port
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "briefgen.cli", "models", "download",
                          "Helsinki-NLP/opus-mt-fr-en"], capture_output=True, text=True,
                         env=env, timeout=60, check=False)
    assert run.returncode == 1
    (line,) = run.stderr.strip().splitlines()
    assert line.startswith("Error: cannot download 'Helsinki-NLP/opus-mt-fr-en'")
    assert time.perf_counter() - started < 15
    assert not (tmp_path / "hf" / "hub" / "models--Helsinki-NLP--opus-mt-fr-en"
                / "snapshots").exists()


def test_verify_a_broken_model_folder_is_one_line(hub_cache, tmp_path):
    pytest.importorskip("torch")
    (tmp_path / "config.json").write_text('{"model_type": "t5"}')  # no weights, no tokenizer
    result = CliRunner().invoke(cli, ["models", "verify", str(tmp_path)])
    assert result.exit_code == 1, result.output
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"Error: cannot load model {str(tmp_path)!r}")
