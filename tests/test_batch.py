"""`briefgen make` on many inputs: expansion, worker processes, per-release errors, summary."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from deliver_fixtures import NOT_A_RELEASE, symbol_name, write_release

from briefgen.deliver.batch import expand_inputs, run_batch, summary_line
from briefgen.settings import Settings

BRIEFGEN = [sys.executable, "-m", "briefgen.cli"]


def briefgen(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*BRIEFGEN, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, check=False)


@pytest.fixture
def releases(tmp_path: Path) -> Path:
    """releases/: two good ones and a non-release; more/: a third; a dotfile and a .pdf."""
    folder = tmp_path / "releases"
    folder.mkdir()
    write_release(folder / "one.txt", 1)
    write_release(folder / "two.html", 2, html=True)
    (folder / "notes.txt").write_text(NOT_A_RELEASE, encoding="utf-8")
    (folder / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (folder / "old.pdf").write_bytes(b"%PDF-1.4 ignored")
    (tmp_path / "more").mkdir()
    write_release(tmp_path / "more" / "three.txt", 3)
    return tmp_path


def test_expand_folders_globs_duplicates(releases, monkeypatch):
    monkeypatch.chdir(releases)
    assert expand_inputs(["releases", "more/*.txt", "more/three.txt", "-", "absent/*.txt"]) == [
        "releases/notes.txt", "releases/one.txt", "releases/two.html", "more/three.txt", "-",
        "absent/*.txt"]


def test_batch_with_workers_reports_and_skips_bad_releases(releases):
    result = briefgen("make", "releases", "more/*.txt", "missing.txt", "--format", "md,json",
                      "-o", "notes", "--jobs", "2", cwd=releases)
    assert result.returncode == 1
    written = sorted(result.stdout.split())
    expected = sorted(f"notes/{symbol_name(n)}.en.{ext}" for n in (1, 2, 3)
                      for ext in ("md", "json"))
    assert written == expected
    assert all((releases / p).is_file() for p in written)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any(line.startswith("error: releases/notes.txt: no statements") for line in errors)
    assert any(line.startswith("error: missing.txt: ") for line in errors)
    assert result.stderr.splitlines()[-1] == "3 done, 2 failed"
    assert "Traceback" not in result.stderr and "\x1b[" not in result.stderr  # no bar in a pipe


def test_all_good_batch_exits_0(releases):
    result = briefgen("make", "releases/one.txt", "more/three.txt", "--format", "md",
                      "-o", "notes", "--jobs", "1", cwd=releases)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == "2 done, 0 failed"


def test_run_batch_calls_back_for_each_release(releases):
    seen = []
    outcomes = run_batch([str(releases / "releases/one.txt"), str(releases / "releases/notes.txt")],
                         Settings(formats=("md",), out_dir=releases / "notes"), jobs=1,
                         progress=True, on_outcome=seen.append)
    assert seen == outcomes and summary_line(outcomes) == "1 done, 1 failed"
    assert outcomes[0].paths == (releases / "notes" / f"{symbol_name(1)}.en.md",)


def test_single_input_keeps_the_plain_behaviour(releases):
    good = briefgen("make", "releases/one.txt", "--format", "md", "-o", "notes", cwd=releases)
    assert good.returncode == 0
    assert good.stdout.split() == [f"notes/{symbol_name(1)}.en.md"]
    assert "done" not in good.stderr  # no summary line for one input
    bad = briefgen("make", "releases/notes.txt", "--format", "md", "-o", "notes", cwd=releases)
    assert bad.returncode == 1 and bad.stdout == ""
    assert len(bad.stderr.strip().splitlines()) == 1 and "no statements" in bad.stderr


def test_progress_bar_only_on_a_terminal(releases):
    """stderr on a pseudo-terminal gets rich's bar; the pipe runs above showed none."""
    import os
    import pty

    main, secondary = pty.openpty()
    try:
        proc = subprocess.Popen([*BRIEFGEN, "make", "releases/one.txt", "more/three.txt",
                                 "--format", "md", "-o", "notes", "--jobs", "1"],
                                cwd=releases, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=secondary)
        os.close(secondary)
        stdout, _ = proc.communicate(timeout=120)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # EIO: the terminal's other side is closed and drained
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(main)
    terminal = b"".join(chunks).decode(errors="replace")
    assert proc.returncode == 0 and len(stdout.split()) == 2
    assert "briefing notes" in terminal and "\x1b[" in terminal
    assert "2 done, 0 failed" in terminal
