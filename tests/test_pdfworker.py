"""The forked PDF worker of `briefgen make`: the same PDF as without it, whatever happens to it."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading
from functools import partial
from pathlib import Path

import pytest
from fictional import fictional_analysis, fictional_release, fictional_summaries

from briefgen import pdfworker
from briefgen.errors import BriefgenError
from briefgen.compose import compose
from briefgen.model import Briefing
from briefgen.render import briefing_to_pdf_here, warm_up
from briefgen.settings import Settings

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the worker needs fork")
pypdf = pytest.importorskip("pypdf")


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    release = fictional_release()
    summaries = fictional_summaries(release)
    return compose(release, summaries, fictional_analysis(release, summaries),
                   Settings(lang="en"))


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def _gone(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_the_worker_lays_out_the_same_pdf(briefing):
    worker = pdfworker.PdfWorker(warm_up, briefing_to_pdf_here)
    try:
        pdf = worker.pdf(briefing, None)
    finally:
        worker.close()
    assert pdf.startswith(b"%PDF") and _text(pdf) == _text(briefing_to_pdf_here(briefing))
    assert _gone(worker.pid)  # reaped: no zombie left behind


def test_a_worker_that_died_is_replaced_by_this_process(briefing):
    worker = pdfworker.PdfWorker(warm_up, briefing_to_pdf_here)
    os.kill(worker.pid, signal.SIGKILL)
    os.waitpid(worker.pid, 0)
    try:
        pdf = worker.pdf(briefing, None)
    finally:
        worker.close()
    assert _text(pdf) == _text(briefing_to_pdf_here(briefing))


def test_a_note_the_worker_cannot_lay_out_fails_here_with_the_usual_error(briefing, tmp_path):
    (tmp_path / "briefing.html").write_text("{{ no_such_name }}", encoding="utf-8")
    calls = []

    def render(*args):
        calls.append(os.getpid())
        return briefing_to_pdf_here(*args)

    worker = pdfworker.PdfWorker(lambda: None, render)
    try:
        with pytest.raises(BriefgenError, match="template error.*no_such_name"):
            worker.pdf(briefing, tmp_path)
    finally:
        worker.close()
    assert calls == [os.getpid()]  # the worker failed in its own process, then this one did


def test_a_note_that_cannot_be_sent_to_the_worker_is_laid_out_here(briefing):
    calls = []

    def render(note, _templates, _unsendable):
        calls.append(os.getpid())
        return briefing_to_pdf_here(note)

    worker = pdfworker.PdfWorker(lambda: None, render)
    try:
        pdf = worker.pdf(briefing, None, lambda: None)  # a lambda does not pickle
    finally:
        worker.close()
    assert pdf.startswith(b"%PDF") and calls == [os.getpid()]


def test_the_worker_warms_up_the_users_templates_and_lays_out_with_them(briefing, tmp_path):
    (tmp_path / "briefing.html").write_text(
        '{% extends "default:briefing.html" %}'
        '{% block colophon %}<p>Desk copy {{ symbol }}</p>{% endblock %}', encoding="utf-8")
    worker = pdfworker.PdfWorker(partial(warm_up, tmp_path, "fr"), briefing_to_pdf_here)
    try:
        pdf = worker.pdf(briefing, tmp_path)
    finally:
        worker.close()
    assert "Desk copy" in _text(pdf)
    assert _text(pdf) == _text(briefing_to_pdf_here(briefing, tmp_path))


def test_no_worker_without_a_second_core_or_with_threads(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0})
    assert not pdfworker.can_fork()
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1})
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not pdfworker.can_fork()  # a fork could inherit a lock held by that thread
    finally:
        stop.set()
        thread.join()


def test_make_in_a_fresh_process_writes_the_pdf_and_leaves_no_worker(tmp_path):
    release = tmp_path / "release.txt"
    release.write_text(_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    script = ("import os, sys, threading\n"
              "from briefgen import pdfworker\n"
              "from briefgen.cli import cli\n"
              "assert pdfworker.can_fork() == (len(os.sched_getaffinity(0)) > 1)\n"
              "seen = []\n"
              "init = pdfworker.PdfWorker.__init__\n"
              "def spy(self, *a):\n"
              "    init(self, *a); seen.append(self.pid)\n"
              "pdfworker.PdfWorker.__init__ = spy\n"
              "try:\n"
              "    cli(sys.argv[1:])\n"
              "except SystemExit as exit:\n"
              "    print('parent imported', sorted(m for m in ('jinja2', 'weasyprint')\n"
              "                                    if m in sys.modules))\n"
              "    for pid in seen:\n"
              "        try:\n"
              "            os.waitpid(pid, os.WNOHANG); print('worker left', pid)\n"
              "        except ChildProcessError:\n"
              "            print('worker reaped')\n"
              "    raise\n")
    done = subprocess.run([sys.executable, "-c", script, "make", str(release), "--lang", "en",
                           "-o", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    [pdf] = (tmp_path / "out").glob("*.pdf")
    assert str(pdf) in done.stdout and pdf.read_bytes().startswith(b"%PDF")
    assert "worker left" not in done.stdout
    if len(os.sched_getaffinity(0)) > 1:
        assert "worker reaped" in done.stdout
        assert "parent imported []" in done.stdout  # templating and layout: the worker's
    assert not list((tmp_path / "out").glob(".*"))


_EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample-release.en.txt"
