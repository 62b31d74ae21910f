"""The maintained data tables shipped in `briefgen/data/` (TOML): names, vocabularies and the
Council's members by year, read from the installed package wherever it lives."""

from __future__ import annotations

from importlib import resources

import tomllib


def load_table(name: str) -> dict:
    """The parsed TOML file `briefgen/data/<name>`; callers cache what they build from it."""
    return tomllib.loads(resources.files("briefgen").joinpath("data", name).read_text("utf-8"))
