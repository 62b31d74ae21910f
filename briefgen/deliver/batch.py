"""Many releases in one run: expand the inputs, fan out to worker processes, report each.

A batch must survive a bad release: each one ends as an `Outcome` (paths written, notices,
or one error line) instead of an exception, so the caller can print it, count it and go on.
Workers are processes, not threads, because the pipeline is CPU-bound Python.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BriefgenError
from ..settings import Settings

if TYPE_CHECKING:  # one release without --email-to needs neither mail nor worker processes
    from concurrent.futures import Future

    from .email import EmailJob

# What a folder given to `make` (or the watch folder) is expected to contain.
RELEASE_SUFFIXES = (".txt", ".html", ".htm")


@dataclass(frozen=True, slots=True)
class Outcome:
    source: str
    paths: tuple[Path, ...] = ()
    notices: tuple[str, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def is_release_name(name: str) -> bool:
    """A visible file with a release suffix; editors' and downloaders' temp names are not."""
    return (not name.startswith((".", "~")) and name.lower().endswith(RELEASE_SUFFIXES))


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Folders become their release files, globs their matches, addresses stay as they are;
    order kept, duplicates dropped.

    A path that does not exist and matches nothing is kept, so that it is reported as an error
    for that input rather than silently skipped.
    """
    from ..fetch import looks_like_url

    out: list[str] = []
    for item in inputs:
        path = Path(item)
        if looks_like_url(item):  # its "?" is a query, not a glob
            out.append(item)
        elif item != "-" and path.is_dir():
            out += sorted(str(p) for p in path.iterdir() if p.is_file() and is_release_name(p.name))
        elif item != "-" and not path.exists() and any(c in item for c in "*?["):
            out += sorted(glob.glob(item, recursive=True)) or [item]
        else:
            out.append(item)
    return list(dict.fromkeys(out))


def make_notes(source: str, settings: Settings, email: EmailJob | None = None, *,
               revision: int = 1) -> Outcome:
    """One release through the pipeline into its output files (and the mail).

    `revision` above 1 marks a release republished with corrections (see Briefing.revision).

    User-fixable problems end up in `Outcome.error`; when the mail fails the notes written so
    far are still listed, because they are on disk.
    """
    from ..pipeline import make_briefing
    from ..render import write_outputs

    if email is not None and "pdf" not in settings.formats:
        settings = replace(settings, formats=(*settings.formats, "pdf"))
    paths: tuple[Path, ...] = ()
    notices: tuple[str, ...] = ()
    try:
        briefing = make_briefing(source, settings)
        if revision > 1:
            briefing = replace(briefing, revision=revision)
        notices = tuple(dict.fromkeys(briefing.notices))
        paths = tuple(write_outputs(briefing, settings))
        if email is not None:
            from .email import deliver_pdf

            pdf = next(p for p in paths if p.suffix == ".pdf")
            eml = deliver_pdf(briefing, pdf, email)
            paths += (eml,) if eml else ()
    except BriefgenError as exc:
        return Outcome(source, paths, notices, error=_one_line(exc))
    return Outcome(source, paths, notices)


def make_notes_guarded(source: str, settings: Settings, email: EmailJob | None, *,
                       revision: int = 1) -> Outcome:
    """make_notes for batches and the watch folder: even a bug in one release must not end
    the run (or, in the watch folder, come back after every restart)."""
    try:
        return make_notes(source, settings, email, revision=revision)
    except Exception as exc:  # noqa: BLE001 - reported per release, with its type
        return Outcome(source, error=f"unexpected {type(exc).__name__}: {exc} "
                                     "(a bug in briefgen; please report it)")


def run_batch(sources: Sequence[str], settings: Settings, *, jobs: int | None = None,
              email: EmailJob | None = None, progress: bool = False,
              on_outcome: Callable[[Outcome], None] = lambda _o: None) -> list[Outcome]:
    """Process every source, calling `on_outcome` as each finishes (completion order).

    `jobs` worker processes (default: the CPU count, or one when a neural backend is on, since
    every worker would load its own copy of the model); with one job, or one source,
    everything runs in this process, which keeps tracebacks and debuggers simple.
    """
    neural = settings.summarizer != "extractive" or settings.translator != "none"
    default_jobs = 1 if neural else os.cpu_count() or 1
    jobs = max(1, min(jobs or default_jobs, len(sources)))
    outcomes: list[Outcome] = []
    with _progress(progress, len(sources)) as advance:
        def done(outcome: Outcome) -> None:
            outcomes.append(outcome)
            on_outcome(outcome)
            advance()

        if jobs == 1:
            for source in sources:
                done(make_notes_guarded(source, settings, email))
        else:
            from concurrent.futures import ProcessPoolExecutor, as_completed

            with ProcessPoolExecutor(max_workers=jobs) as pool:
                futures: dict[Future, str] = {
                    pool.submit(make_notes_guarded, s, settings, email): s for s in sources}
                for future in as_completed(futures):
                    done(_result(future, futures[future]))
    return outcomes


def _result(future: Future, source: str) -> Outcome:
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - a worker died (killed, out of memory...)
        return Outcome(source, error=f"worker failed: {type(exc).__name__}: {exc}")


@contextmanager
def _progress(enabled: bool, total: int) -> Iterator[Callable[[], None]]:
    """A rich progress bar on stderr when asked (a terminal), a no-op otherwise."""
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("briefing notes", total=total)
        yield lambda: bar.advance(task)


def summary_line(outcomes: Sequence[Outcome]) -> str:
    failed = sum(not o.ok for o in outcomes)
    return f"{len(outcomes) - failed} done, {failed} failed"


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
