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


@pytest.fixture(scope="session", autouse=True)
def no_proxies():
    """Tests speak to loopback servers only: a proxy from the environment would send those
    requests (and the briefgen processes the tests start) elsewhere."""
    import os

    names = [n for n in os.environ if n.lower() in ("http_proxy", "https_proxy", "all_proxy")]
    saved = {n: os.environ.pop(n) for n in names}
    yield
    os.environ.update(saved)
