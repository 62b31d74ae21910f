"""A watch folder: every release dropped into INBOX becomes notes, exactly once, even across crashes.

The life of an input, and why each step is safe to be killed at:

1. ``INBOX/name`` is left alone until its size and mtime have not changed for `settle`
   seconds, so a file still being copied is not read early.  Dotfiles and temp names
   (``*.part``, ``*.tmp``, ``~*``...) are never touched.
2. It is claimed by an atomic rename into ``INBOX/.processing/``.  Killed before: it is still
   in INBOX.  Killed after: the next start finds it in ``.processing/`` and resumes it.
3. Notes are written per language (atomic renames, deterministic names, so doing a language
   again replaces its files instead of adding new ones), and after each language a journal
   entry ``INBOX/.journal/name.json`` records it as done.  A restart skips journalled
   languages, which is what keeps an email from going out twice.
4. The input is renamed into ``done/`` (or ``failed/``, after its ``.error.txt``), then its
   journal entry is removed; a journal entry without a claimed file is a leftover and is
   deleted at start, and so are the temporary files of a write that a kill cut short (in
   the journal and failed/ at start, beside a note once that note is written again).

With feeds (`briefgen.deliver.feeds`), each new item's page is dropped into INBOX and takes
the same path; ``NAME.revN.html`` is revision N of a release republished with corrections,
made into notes marked and named as such and emailed only with `send_revisions`.

Only one watcher may own an INBOX (an OS file lock, released by the kernel if the process
dies), so two watchers cannot claim the same file.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import BriefgenError
from ..render import atomic_leftovers, write_atomic
from ..settings import Settings
from .batch import Outcome, is_release_name, make_notes_guarded
from .email import EmailJob

log = logging.getLogger(__name__)

TEMP_SUFFIXES = (".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", ".swp")
IDLE_RESCAN = 5.0  # seconds: a rescan even without events, in case the OS dropped one
# NAME.rev2.html is revision 2 of the release NAME.html: its notes are marked and named so.
REVISION = re.compile(r"\.rev([2-9]|[1-9]\d+)\.[^.]+$")


def is_candidate(path: Path) -> bool:
    name = path.name
    return (path.is_file() and is_release_name(name)
            and not name.lower().endswith(TEMP_SUFFIXES))


@dataclass(frozen=True)
class Inbox:
    root: Path

    @property
    def processing(self) -> Path:
        return self.root / ".processing"

    @property
    def journal(self) -> Path:
        return self.root / ".journal"

    @property
    def done(self) -> Path:
        return self.root / "done"

    @property
    def failed(self) -> Path:
        return self.root / "failed"

    def holds(self, name: str) -> bool:
        """Whether a release of that name is here, at any step of its life."""
        return any((folder / name).exists() for folder in (
            self.root, self.processing, self.done, self.failed))

    def prepare(self) -> None:
        if not self.root.is_dir():
            raise BriefgenError(f"watch folder {self.root} does not exist: create it or pass "
                                "another folder")
        for folder in (self.processing, self.journal, self.done, self.failed):
            folder.mkdir(exist_ok=True)


class Watcher:
    """Turns the releases of one INBOX into notes, for one or more note languages."""

    def __init__(self, inbox: Path, settings: Sequence[Settings], *,
                 email: EmailJob | None = None, settle: float = 1.0, interval: float = 0.5,
                 on_outcome: Callable[[Outcome], None] = lambda _o: None,
                 feeds: Sequence[str] = (), feed_interval: float | None = None,
                 send_revisions: bool = False) -> None:
        if not settings:
            raise BriefgenError("no note language given: pass --lang en (or en,fr)")
        self.inbox = Inbox(Path(inbox))
        self.settings = tuple(settings)
        self.email = email
        self.settle = settle
        self.interval = interval
        self.on_outcome = on_outcome
        self.send_revisions = send_revisions
        self.feeds = None
        if feeds:
            from .feeds import DEFAULT_INTERVAL, FeedPoller

            self.feeds = FeedPoller(feeds, self.inbox, interval=feed_interval or DEFAULT_INTERVAL,
                                    on_failure=on_outcome)
        self._seen: dict[str, tuple[tuple[int, int], float]] = {}  # name -> (size, mtime), since
        self._started = time.time()  # set again when run() takes the lock
        self.wake = threading.Event()

    # --- the loop ----------------------------------------------------------------------------

    def run(self, *, once: bool = False, poll: bool = False,
            stop: threading.Event | None = None) -> int:
        """Process until stopped (or, with once, until INBOX is empty); return how many inputs."""
        self.inbox.prepare()
        stop = stop or threading.Event()
        count = 0
        with _lock(self.inbox.root / ".briefgen-watch.lock"):
            self._started = time.time()
            self._forget_leftovers()
            for claimed in sorted(self.inbox.processing.iterdir()):
                if claimed.is_file():
                    count += self._finish(claimed)
            next_poll = math.inf
            if self.feeds is not None:
                self.feeds.start()
                next_poll = 0.0
            with self._observer(enabled=not once, poll=poll):
                while not stop.is_set():
                    if time.monotonic() >= next_poll:
                        self.feeds.poll()
                        next_poll = math.inf if once else time.monotonic() + \
                            self.feeds.next_delay()
                    pending, ready = self.scan()
                    for path in ready:
                        claimed = self._claim(path)
                        if claimed is not None:
                            count += self._finish(claimed)
                    if once and not pending:
                        break
                    if not ready:
                        wait = self.interval if pending else IDLE_RESCAN
                        self.wake.wait(min(wait, max(0.0, next_poll - time.monotonic())))
                        self.wake.clear()
        return count

    def scan(self, now: float | None = None) -> tuple[list[Path], list[Path]]:
        """(candidates still settling or ready, those whose size and mtime have settled)."""
        now = time.monotonic() if now is None else now
        pending, ready, seen = [], [], {}
        for path in sorted(self.inbox.root.iterdir()):
            try:
                if not is_candidate(path):
                    continue
                st = path.stat()
            except OSError:  # vanished between listing and stat
                continue
            sig = (st.st_size, st.st_mtime_ns)
            old_sig, since = self._seen.get(path.name, (None, now))
            since = since if old_sig == sig else now
            seen[path.name] = (sig, since)
            pending.append(path)
            if now - since >= self.settle:
                ready.append(path)
        self._seen = seen
        return pending, ready

    @contextmanager
    def _observer(self, *, enabled: bool, poll: bool):
        """Wake the loop on file events (inotify & co, or watchdog's polling observer)."""
        if not enabled:
            yield
            return
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver

        wake = self.wake

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                wake.set()

        observer = PollingObserver(timeout=self.interval) if poll else Observer()
        observer.schedule(Handler(), str(self.inbox.root), recursive=False)
        try:
            observer.start()
        except OSError as exc:  # e.g. the inotify watch limit is reached
            log.warning("file events unavailable (%s); polling %s instead", exc, self.inbox.root)
            observer = PollingObserver(timeout=self.interval)
            observer.schedule(Handler(), str(self.inbox.root), recursive=False)
            observer.start()
        try:
            yield
        finally:
            observer.stop()
            observer.join(timeout=5)

    # --- one input ---------------------------------------------------------------------------

    def _claim(self, path: Path) -> Path | None:
        target = self.inbox.processing / path.name
        try:
            os.rename(path, target)
        except FileNotFoundError:  # removed by its owner meanwhile
            return None
        self._seen.pop(path.name, None)
        return target

    def _finish(self, claimed: Path) -> int:
        """Make the notes of a claimed input (resuming from its journal), then file it away."""
        entry = self.inbox.journal / f"{claimed.name}.json"
        state = read_json(entry)
        outcomes = [Outcome(claimed.name, tuple(Path(p) for p in rec["paths"]), (), rec["error"])
                    for rec in state.get("langs", {}).values()]
        match = REVISION.search(claimed.name)
        revision = int(match[1]) if match else 1
        email = self.email if revision == 1 or self.send_revisions else None
        for settings in self.settings:
            if settings.lang in state.get("langs", {}):
                continue
            outcome = make_notes_guarded(str(claimed), settings, email, revision=revision)
            for note in outcome.paths:  # a kill mid-write of this note, before this run
                for leftover in atomic_leftovers(note.parent, note.name, before=self._started):
                    leftover.unlink(missing_ok=True)
            outcomes.append(outcome)
            state.setdefault("langs", {})[settings.lang] = {
                "paths": [str(p) for p in outcome.paths], "error": outcome.error}
            write_atomic(entry, json.dumps(state, ensure_ascii=False).encode())
        errors = [f"{lang}: {d['error']}" if len(self.settings) > 1 else d["error"]
                  for lang, d in state["langs"].items() if d["error"]]
        self.on_outcome(Outcome(
            claimed.name, tuple(p for o in outcomes for p in o.paths),
            tuple(dict.fromkeys(n for o in outcomes for n in o.notices)),
            "; ".join(errors) or None))
        if errors:
            dest = _free_name(self.inbox.failed / claimed.name)
            write_atomic(dest.with_name(dest.name + ".error.txt"),
                         ("\n".join(errors) + "\n").encode())
        else:
            dest = _free_name(self.inbox.done / claimed.name)
        os.rename(claimed, dest)
        entry.unlink(missing_ok=True)
        return 1

    def _forget_leftovers(self) -> None:
        """Journal entries whose input already reached done/ or failed/ (the crash hit just
        before the delete), and half-written files: the lock says no other writer is here."""
        for entry in self.inbox.journal.glob("*.json"):
            if not (self.inbox.processing / entry.name.removesuffix(".json")).exists():
                entry.unlink(missing_ok=True)
        for folder in (self.inbox.journal, self.inbox.failed):
            for leftover in atomic_leftovers(folder):
                leftover.unlink(missing_ok=True)


def _free_name(path: Path) -> Path:
    """`path`, or `stem.2.txt`, `stem.3.txt`... when a release of that name was filed before.

    Only the release itself counts: an `.error.txt` without its release is what a crash just
    before the move leaves, and the retry overwrites it.
    """
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.{n}{path.suffix}")
        n += 1
    return candidate


def read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except ValueError:  # cannot happen with atomic writes; start over rather than stop
        log.warning("ignoring unreadable journal entry %s", path)
        return {}


@contextmanager
def _lock(path: Path):
    """Hold an exclusive lock on `path` for as long as the watcher runs (POSIX flock)."""
    import fcntl

    with open(path, "a+b") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BriefgenError(f"another briefgen watch is already running on {path.parent}; "
                                "stop it first") from None
        yield


def watch(inbox: Path, settings: Sequence[Settings], *, email: EmailJob | None = None,
          once: bool = False, poll: bool = False, settle: float = 1.0, interval: float = 0.5,
          on_outcome: Callable[[Outcome], None] = lambda _o: None,
          stop: threading.Event | None = None, feeds: Sequence[str] = (),
          feed_interval: float | None = None, send_revisions: bool = False) -> int:
    """Run a Watcher; see the module docstring for the guarantees."""
    watcher = Watcher(inbox, settings, email=email, settle=settle, interval=interval,
                      on_outcome=on_outcome, feeds=feeds, feed_interval=feed_interval,
                      send_revisions=send_revisions)
    return watcher.run(once=once, poll=poll, stop=stop)
