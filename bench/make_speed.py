"""How long `briefgen make` takes on one release, end to end and stage by stage.

    python bench/make_speed.py                                   # the bundled French example
    python bench/make_speed.py ../shared/corpus/CS-14794.fr.txt --lang en --runs 5

End to end runs the real CLI in a fresh process (start-up and imports included), best of
--runs.  Stages run in pipeline order, each timed once cold (the process's first release:
imports, tables and compiled patterns included) and once warm: in a second process that has
first made the note of another release, as `briefgen watch`, `serve` or a batch worker does.
(Timing the same release twice would mostly time briefgen's per-sentence caches.)
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "examples" / "sample-release.fr.txt"


def best_of(runs: int, command: list[str]) -> tuple[float, float]:
    """Best wall-clock and best CPU (user + system) seconds of the command over `runs` runs.

    CPU time is reported too because on a shared 2-core machine wall time also measures
    whatever else is running."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(walls), min(cpus)


# The CLI with the forked PDF worker turned off (briefgen.pdfworker), to show what it saves.
NO_WORKER = ("import sys; from briefgen import pdfworker; pdfworker.can_fork = lambda: False; "
             "from briefgen.cli import cli; cli(sys.argv[1:])")


def end_to_end(source: Path, lang: str, fmt: str, runs: int) -> dict[str, tuple[float, float]]:
    """Each make is timed alternately with and without the PDF worker, so that both meet the
    same neighbours on a shared machine."""
    python = [sys.executable, "-m", "briefgen.cli"]
    with tempfile.TemporaryDirectory() as out:
        make = ["make", str(source), "--lang", lang, "--format", fmt, "-o", out]
        times = {
            "python start-up (python -c pass)": best_of(runs, [sys.executable, "-c", "pass"]),
            "briefgen --help": best_of(runs, [*python, "--help"]),
        }
        pairs = [(best_of(1, [*python, *make]), best_of(1, [sys.executable, "-c", NO_WORKER,
                                                             *make])) for _ in range(runs)]
        times[f"briefgen make --lang {lang} --format {fmt}"] = \
            (min(w for (w, _), _ in pairs), min(c for (_, c), _ in pairs))
        times["  the same without the PDF worker"] = \
            (min(w for _, (w, _) in pairs), min(c for _, (_, c) in pairs))
        return times


def stages(source: Path, lang: str, after: Path | None = None
           ) -> tuple[list[tuple[str, float]], dict]:
    """(stage, seconds) for each stage of `source`, timed once, after the whole pipeline has
    run on `after` (when given) in this process; and what the stages produced."""
    from briefgen.settings import Settings

    settings = Settings(lang=lang)
    state: dict = {}

    def parse(path):
        from briefgen.pipeline import parse_source
        state["release"] = parse_source(str(path))

    def summarize():
        from briefgen.summarize import summarize_release
        state["summaries"] = summarize_release(state["release"], settings)

    def issues():
        from briefgen.issues import find_issues
        state["analysis"] = find_issues(state["release"], settings)

    def compose():
        from briefgen.compose import compose as run
        state["briefing"] = run(state["release"], state["summaries"], state["analysis"],
                                settings)

    def render(fmt):
        def run():
            from briefgen.render import render as run_render
            state[fmt] = run_render(state["briefing"], fmt)
        return run

    steps = [("read + parse", lambda: parse(source)), ("summarize", summarize),
             ("issues", issues), ("compose", compose), ("render html", render("html")),
             ("render md", render("md")), ("render json", render("json")),
             ("render pdf (WeasyPrint)", render("pdf"))]
    if after is not None:
        parse(after)
        for _, step in steps[1:]:
            step()
    table = []
    for name, step in steps:
        start = time.perf_counter()
        step()
        table.append((name, time.perf_counter() - start))
    state["pages"] = _pages(state["pdf"])
    return table, state


def warm_stages(source: Path, lang: str) -> list[tuple[str, float]]:
    """stages() in a fresh process that first makes the note of another bundled release."""
    other = DEFAULT if source.resolve() != DEFAULT.resolve() else DEFAULT.with_name(
        "sample-release.en.txt")
    done = subprocess.run([sys.executable, __file__, str(source), "--lang", lang,
                           "--stages-after", str(other)],
                          check=True, capture_output=True, text=True)
    return [tuple(row) for row in json.loads(done.stdout)]


def _pages(pdf: bytes) -> int | None:
    try:
        import io

        import pypdf
    except ImportError:
        return None
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--format", default="pdf")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stages-after", type=Path, help=argparse.SUPPRESS)  # warm_stages
    args = parser.parse_args()
    if args.stages_after:
        print(json.dumps(stages(args.source, args.lang, args.stages_after)[0]))
        return

    print(f"release: {args.source}")
    print(f"\nend to end (fresh process, best of {args.runs})           wall       cpu")
    for name, (wall, cpu) in end_to_end(args.source, args.lang, args.format, args.runs).items():
        print(f"  {name:<45} {wall:6.3f} s  {cpu:6.3f} s")
    cold, state = stages(args.source, args.lang)
    warm = dict(warm_stages(args.source, args.lang))
    print("\nstages (in process)                            cold      warm")
    for name, seconds in cold:
        print(f"  {name:<45} {seconds:6.3f} s  {warm[name]:6.3f} s")
    release = state["release"]
    print(f"\n{len(release.statements)} statements, {len(state['analysis'].issues)} issues, "
          f"PDF {len(state['pdf']) // 1024} kB, {state['pages']} pages")


if __name__ == "__main__":
    main()
