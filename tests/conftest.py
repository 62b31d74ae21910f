"""Shared fixtures.  The real releases live outside the project (third-party texts)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"


def corpus_file(name: str) -> Path:
    """Path of a real release, or skip the test with the reason when it is not there."""
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"real release {name} not found in {CORPUS} (the shared corpus is absent)")
    return path


@pytest.fixture
def corpus():
    return corpus_file


@pytest.fixture
def examples() -> Path:
    return EXAMPLES
