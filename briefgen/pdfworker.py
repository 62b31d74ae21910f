"""A forked process that gets the PDF ready while the pipeline runs.

A fresh `briefgen make` spends about half a second on WeasyPrint before the first line is laid
out: importing it (cffi reads Pango's C declarations, fontTools loads), loading the fonts, the
first layout's caches; and Jinja compiles the note's template.  None of that depends on the
note, so on a machine with a second core a child process does it while the parent parses,
summarizes and groups; the parent then hands it the Briefing and gets the PDF bytes back.

The worker only ever saves time: if it cannot start (one core, threads that a fork could
deadlock, no `fork`), dies, or fails on a note, the parent lays the PDF out itself, as it
would without a worker, so errors and their messages are the same either way.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

# Longest wait for the worker's PDF before the parent lays it out itself (a worker stuck on a
# lock it inherited, a machine swapping): far above the few seconds a note takes.
RESULT_TIMEOUT = 120.0

_current: PdfWorker | None = None


class PdfWorker:
    """One forked child that warms up, then renders one note's PDF."""

    def __init__(self, warm_up: Callable[[], None], render: Callable[..., bytes]):
        self._render = render
        request_read, self._request = os.pipe()
        self._result, result_write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child never returns from here
            os.close(self._request)
            os.close(self._result)
            _serve(request_read, result_write, warm_up, render)
        os.close(request_read)
        os.close(result_write)
        self._used = False

    def pdf(self, *args) -> bytes:
        """`render(*args)` from the worker, or here when the worker cannot."""
        if not self._used:
            self._used = True
            data = self._exchange(args)
            if data is not None:
                return data
        return self._render(*args)

    def _exchange(self, args: tuple) -> bytes | None:
        try:
            request = pickle.dumps(args, pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - something in the note cannot travel: render here
            return None
        try:
            with os.fdopen(self._request, "wb") as pipe:
                self._request = -1  # closed with the file object
                pipe.write(request)
        except OSError:  # the worker is gone (BrokenPipeError)
            return None
        chunks = []
        while True:
            ready, _, _ = select.select([self._result], [], [], RESULT_TIMEOUT)
            if not ready:
                return None
            chunk = os.read(self._result, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        try:
            ok, payload = pickle.loads(b"".join(chunks))
        except Exception:  # noqa: BLE001 - a worker killed mid-write leaves a torn pickle
            return None
        return payload if ok else None

    def close(self) -> None:
        """Stop the worker (it may still be warming up: nothing it does is needed then)."""
        for fd in (self._request, self._result):
            if fd >= 0:
                os.close(fd)
        self._request = self._result = -1
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def _serve(request_read: int, result_write: int, warm_up: Callable[[], None],
           render: Callable[..., bytes]) -> None:
    """The child: warm up, read one request, answer (ok, PDF bytes) or (False, None)."""
    try:
        try:
            warm_up()
        except Exception:  # noqa: BLE001, S110 - the real note may still lay out; try it
            pass
        with os.fdopen(request_read, "rb") as pipe:
            request = pipe.read()
        if not request:  # the parent made no PDF
            os._exit(0)
        try:
            answer = (True, render(*pickle.loads(request)))
        except Exception:  # noqa: BLE001 - the parent renders again and reports it
            answer = (False, None)
        with os.fdopen(result_write, "wb") as pipe:
            pipe.write(pickle.dumps(answer, pickle.HIGHEST_PROTOCOL))
    finally:
        os._exit(0)  # never the parent's atexit handlers, buffers or click cleanup


def can_fork() -> bool:
    """A second core to run on, and a process a fork cannot deadlock (no other threads)."""
    if not hasattr(os, "fork") or sys.platform != "linux":
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) >= 2 and threading.active_count() == 1


@contextmanager
def prewarmed(enabled: bool, templates: Path | None = None, lang: str = "en") -> Iterator[None]:
    """Within this block, PDFs come from a worker started now (when `enabled` and possible),
    warmed up for the note's template folder and language."""
    global _current
    if not enabled or _current is not None or not can_fork():
        yield
        return
    from .render import briefing_to_pdf_here, warm_up

    _current = PdfWorker(partial(warm_up, templates, lang), briefing_to_pdf_here)
    try:
        yield
    finally:
        worker, _current = _current, None
        worker.close()


def current() -> PdfWorker | None:
    return _current
