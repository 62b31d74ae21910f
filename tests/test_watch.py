"""The watch folder, run as a user runs it: real `briefgen watch` processes on a real folder,
including one killed with SIGKILL in the middle of a batch and restarted."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from deliver_fixtures import NOT_A_RELEASE, symbol_name, write_release

from briefgen.deliver.watch import Watcher
from briefgen.settings import Settings

BRIEFGEN = [sys.executable, "-m", "briefgen.cli"]
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX file locking and signals")


def watch_args(inbox: Path, out: Path, *extra: str) -> list[str]:
    return [*BRIEFGEN, "watch", str(inbox), "--out", str(out), "--settle", "0.2", *extra]


def run_once(inbox: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(watch_args(inbox, out, "--once", *extra), capture_output=True,
                          text=True, timeout=120, check=False)


def visible(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) \
        if folder.is_dir() else []


def test_once_turns_releases_into_notes_and_files_them(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "notes"
    inbox.mkdir()
    write_release(inbox / "a.txt", 1)
    write_release(inbox / "b.html", 2, html=True)
    (inbox / "shopping.txt").write_text(NOT_A_RELEASE, encoding="utf-8")
    for ignored in (".c.txt", "d.txt.part", "e.tmp", "~f.txt", "g.pdf"):
        (inbox / ignored).write_text("not for us", encoding="utf-8")

    result = run_once(inbox, out, "--lang", "en,fr", "--format", "md,json")
    assert result.returncode == 0, result.stderr
    notes = {f"{symbol_name(n)}.{lang}.{ext}" for n in (1, 2) for lang in ("en", "fr")
             for ext in ("md", "json")}
    assert visible(out) == sorted(notes)
    assert sorted(Path(p).name for p in result.stdout.split()) == sorted(notes)
    assert visible(inbox / "done") == ["a.txt", "b.html"]
    assert visible(inbox / "failed") == ["shopping.txt", "shopping.txt.error.txt"]
    error = (inbox / "failed" / "shopping.txt.error.txt").read_text(encoding="utf-8")
    assert "no statements" in error
    assert "error: shopping.txt: " in result.stderr and "failed: shopping.txt" in result.stderr
    assert visible(inbox) == ["d.txt.part", "done", "e.tmp", "failed", "g.pdf", "~f.txt"]
    assert (inbox / ".c.txt").exists()
    assert not list((inbox / ".processing").iterdir()) and not list((inbox / ".journal").iterdir())


def test_a_file_still_growing_is_not_read_early(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    watcher = Watcher(inbox, [Settings()], settle=1.0)
    path = inbox / "incoming.txt"
    path.write_text("9999e séance", encoding="utf-8")
    assert watcher.scan(now=0.0) == ([path], [])
    with path.open("a", encoding="utf-8") as handle:  # the copy goes on
        handle.write(" – matin\n")
    assert watcher.scan(now=0.9) == ([path], [])
    assert watcher.scan(now=1.5) == ([path], [])  # changed at 0.9: the clock restarted
    assert watcher.scan(now=2.0) == ([path], [path])


def test_resume_skips_what_the_journal_records(tmp_path):
    """A crash after the English note was journalled: the restart makes only the French one."""
    inbox, out = tmp_path / "inbox", tmp_path / "notes"
    for folder in (inbox / ".processing", inbox / ".journal"):
        folder.mkdir(parents=True)
    write_release(inbox / ".processing" / "a.txt", 1)
    (inbox / ".journal" / "a.txt.json").write_text(json.dumps(
        {"langs": {"en": {"paths": ["notes/already.en.md"], "error": None}}}))
    (inbox / ".journal" / "gone.txt.json").write_text("{}")  # its input reached done/ already

    result = run_once(inbox, out, "--lang", "en,fr", "--format", "md")
    assert result.returncode == 0, result.stderr
    assert visible(out) == [f"{symbol_name(1)}.fr.md"]
    assert visible(inbox / "done") == ["a.txt"]
    assert not list((inbox / ".journal").iterdir())


def test_restart_removes_what_a_kill_mid_write_left(tmp_path):
    """A kill inside write_atomic leaves `.NAME.XXXX.tmp`: the journal's and failed/'s go at
    start (the lock says they are dead), a note's once that note is written again; a temp file
    of another note, or one written after the watcher started, is not the watcher's to remove."""
    inbox, out = tmp_path / "inbox", tmp_path / "notes"
    for folder in (inbox / ".processing", inbox / ".journal", inbox / "failed", out):
        folder.mkdir(parents=True)
    write_release(inbox / ".processing" / "a.txt", 1)
    note = f"{symbol_name(1)}.en.md"
    dead = [inbox / ".journal" / ".a.txt.json.k1.tmp", inbox / "failed" / ".b.txt.error.txt.k2.tmp",
            out / f".{note}.k3.tmp"]
    alive = [out / ".other.en.md.k4.tmp"]
    for path in dead + alive:
        path.write_text("half", encoding="utf-8")
        os.utime(path, (time.time() - 60, time.time() - 60))
    newer = out / f".{note}.k5.tmp"  # touched after the start below: maybe a live writer's
    newer.write_text("half", encoding="utf-8")
    os.utime(newer, (time.time() + 3600, time.time() + 3600))

    result = run_once(inbox, out, "--format", "md")
    assert result.returncode == 0, result.stderr
    assert visible(out) == [note] and visible(inbox / "done") == ["a.txt"]
    assert [p for p in dead if p.exists()] == []
    assert all(p.exists() for p in alive + [newer])


def held(lock: Path) -> bool:
    """Whether another process holds the watcher's lock on `lock`."""
    import fcntl

    if not lock.exists():
        return False
    with lock.open("a+b") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return False


def test_a_second_watcher_on_the_same_inbox_is_refused(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "notes"
    inbox.mkdir()
    first = subprocess.Popen(watch_args(inbox, out), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        lock = inbox / ".briefgen-watch.lock"
        deadline = time.monotonic() + 30
        while not held(lock) and time.monotonic() < deadline:
            time.sleep(0.05)
        second = run_once(inbox, out)
        assert second.returncode == 1
        assert "another briefgen watch is already running" in second.stderr
    finally:
        first.kill()
        first.wait(timeout=10)


def test_sigkill_mid_batch_then_restart_processes_each_input_exactly_once(tmp_path):
    """Kill the watcher (SIGKILL) at moments spread over a batch, restart, repeat; at the end
    every input has exactly one set of notes and sits in done/ exactly once."""
    inbox, out = tmp_path / "inbox", tmp_path / "notes"
    inbox.mkdir()
    count = 12
    formats = ("md", "json")  # fast, so kills land between every step of the life of an input
    for n in range(1, count + 1):
        write_release(inbox / f"r{n}.txt", n)
    rng = random.Random(7)
    kills = 0
    log = tmp_path / "watch.log"
    deadline = time.monotonic() + 120
    while len(visible(inbox / "done")) < count and kills < 4 and time.monotonic() < deadline:
        before = len(visible(inbox / "done"))
        with log.open("a") as sink:
            proc = subprocess.Popen(watch_args(inbox, out, "--lang", "en,fr", "--format",
                                               ",".join(formats)), stdout=sink, stderr=sink)
            try:
                while len(visible(inbox / "done")) == before and time.monotonic() < deadline:
                    time.sleep(0.02)  # wait until this run has filed at least one input
                time.sleep(rng.uniform(0.0, 0.05))  # then kill it somewhere in the next ones
            finally:
                proc.kill()  # SIGKILL: no cleanup of any kind
                proc.wait(timeout=10)
        kills += 1
    assert kills >= 2, "the watcher finished before it could be killed twice"

    result = run_once(inbox, out, "--lang", "en,fr", "--format", ",".join(formats))
    assert result.returncode == 0, result.stderr + log.read_text()
    names = [f"r{n}.txt" for n in range(1, count + 1)]
    assert visible(inbox / "done") == sorted(names)  # each once: no r1.2.txt twin
    assert visible(inbox / "failed") == [] and visible(inbox) == ["done", "failed"]
    assert not list((inbox / ".processing").iterdir())
    assert not list((inbox / ".journal").iterdir())
    assert visible(out) == sorted(f"{symbol_name(n)}.{lang}.{ext}" for n in range(1, count + 1)
                                  for lang in ("en", "fr") for ext in formats)
    for note in out.glob("*.json"):
        json.loads(note.read_text(encoding="utf-8"))  # complete, never half-written
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no half-written temp


def test_crash_between_error_file_and_move_leaves_one_failed_copy(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "notes"
    for folder in (inbox / ".processing", inbox / ".journal", inbox / "failed"):
        folder.mkdir(parents=True)
    (inbox / ".processing" / "bad.txt").write_text(NOT_A_RELEASE, encoding="utf-8")
    (inbox / ".journal" / "bad.txt.json").write_text(json.dumps(
        {"langs": {"en": {"paths": [], "error": "no statements found"}}}))
    (inbox / "failed" / "bad.txt.error.txt").write_text("no statements found\n")

    result = run_once(inbox, out)
    assert result.returncode == 0, result.stderr
    assert visible(inbox / "failed") == ["bad.txt", "bad.txt.error.txt"]
    assert visible(out) == []
