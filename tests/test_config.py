"""Settings layering: defaults < config file < environment < flags the user typed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefgen.cli import make, settings_from_options
from briefgen.config import load_config_file, resolve_settings
from briefgen.errors import BriefgenError
from briefgen.settings import SUMMARIZER_CHOICES, TRANSLATOR_CHOICES, Settings

CONFIG = """
[briefgen]
lang = "fr"
formats = ["pdf", "json"]
summarizer = "neural"
summarizer_model = "~/models/bart"
device = "cpu"
verbose = true

[smtp]
host = "smtp.example.org"
port = 2525
"""


@pytest.fixture
def config_file(tmp_path) -> Path:
    path = tmp_path / "briefgen.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


def settings_for(args: list[str], monkeypatch, env: dict[str, str] | None = None) -> Settings:
    """Settings as the real `make` command builds them from `args` (without running it)."""
    for name in [n for n in os.environ if n.startswith("BRIEFGEN_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent")
    for name, value in (env or {}).items():
        monkeypatch.setenv(name, value)
    ctx = make.make_context("make", ["release.txt", *args])
    with ctx:
        return settings_from_options(ctx.params)


def test_defaults_without_file_or_environment(monkeypatch):
    assert settings_for([], monkeypatch) == Settings()


def test_config_file_beats_defaults(config_file, monkeypatch):
    settings = settings_for(["--config", str(config_file)], monkeypatch)
    assert settings.lang == "fr" and settings.formats == ("pdf", "json")
    assert settings.summarizer == "neural" and settings.device == "cpu" and settings.verbose
    assert settings.summarizer_model == "~/models/bart"
    assert settings.length == "standard"  # not in the file: the default


def test_environment_beats_file_and_flags_beat_environment(config_file, monkeypatch):
    env = {"BRIEFGEN_CONFIG": str(config_file), "BRIEFGEN_LANG": "en",
           "BRIEFGEN_DEVICE": "cuda", "BRIEFGEN_FORMATS": "md,html"}
    settings = settings_for(["--device", "auto"], monkeypatch, env)
    assert settings.lang == "en"  # env over file
    assert settings.device == "auto"  # flag over env
    assert settings.formats == ("md", "html")
    assert settings.summarizer == "neural"  # file, found through $BRIEFGEN_CONFIG


def test_flag_left_at_default_does_not_mask_the_file(config_file, monkeypatch):
    assert settings_for(["--config", str(config_file)], monkeypatch).lang == "fr"
    assert settings_for(["--config", str(config_file), "--lang", "en"], monkeypatch).lang == "en"


def test_user_config_file_is_found(tmp_path, monkeypatch):
    (tmp_path / "briefgen").mkdir()
    (tmp_path / "briefgen" / "config.toml").write_text('[briefgen]\nlength = "short"\n')
    for name in [n for n in os.environ if n.startswith("BRIEFGEN_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert resolve_settings().length == "short"


def test_other_tables_are_for_other_parts(config_file):
    assert load_config_file(config_file)["smtp"] == {"host": "smtp.example.org", "port": 2525}
    assert load_config_file(None, environ={"XDG_CONFIG_HOME": "/nonexistent"}) == {}


@pytest.mark.parametrize("content, message", [
    ('[briefgen]\nsumarizer = "neural"\n', "unknown setting 'sumarizer'"),
    ('[briefgen]\ndevice = "tpu"\n', "device = 'tpu' is not one of auto, cpu, cuda"),
    ('[briefgen]\nformats = "pdf,docx"\n', "formats = 'docx' is not one of"),
    ('[briefgen]\nverbose = "maybe"\n', "verbose must be true or false"),
    ('[briefgen\nlang = "fr"\n', "is not valid TOML"),
])
def test_bad_config_is_one_line_naming_the_file(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BriefgenError, match=message) as caught:
        resolve_settings(config=path, environ={})
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_bad_environment_value_names_the_variable():
    with pytest.raises(BriefgenError, match="BRIEFGEN_SUMMARIZER: summarizer = 'gpt'"):
        resolve_settings(environ={"BRIEFGEN_SUMMARIZER": "gpt"})


def test_missing_config_file_is_an_error(tmp_path):
    with pytest.raises(BriefgenError, match="config file .* not found"):
        resolve_settings(config=tmp_path / "nope.toml", environ={})


def test_choices_match_the_registries():
    from briefgen.summarize import SUMMARIZERS
    from briefgen.translate import TRANSLATORS

    assert SUMMARIZER_CHOICES == tuple(SUMMARIZERS)
    assert TRANSLATOR_CHOICES == ("none", *TRANSLATORS)
