"""How long reading and parsing each corpus release takes (best of N runs), as a table.

    python bench/parse_speed.py                       # read, read+parse on ../shared/corpus
    python bench/parse_speed.py --make                # also `briefgen make` end to end (CLI)
    python bench/parse_speed.py --repeat 10 FILE ...  # chosen files

Each measured step is one entry of STEPS: a name and a function of the release path.  A step
whose module does not exist yet is reported as "n/a" rather than stopping the table.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def read(path: Path) -> None:
    from briefgen.loading import read_source

    read_source(path)


def read_and_parse(path: Path) -> None:
    from briefgen.loading import read_source
    from briefgen.parse import parse_release

    text, stem = read_source(path)
    parse_release(text, source_name=stem)


def make_cli(path: Path) -> None:
    """The user's figure: a fresh `briefgen make` process, start-up and PDF included."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-m", "briefgen.cli", "make", str(path), "--lang", "en",
                        "-o", out], check=True, capture_output=True)


STEPS: dict[str, Callable[[Path], None]] = {"read": read, "read+parse": read_and_parse}
OPTIONAL_STEPS: dict[str, Callable[[Path], None]] = {"make (CLI)": make_cli}


def best_of(step: Callable[[Path], None], path: Path, repeat: int) -> float | str:
    """Fastest of `repeat` runs in seconds, after one warm-up (imports, caches)."""
    try:
        step(path)
    except ImportError as exc:
        return f"n/a ({exc.name} missing)"
    except subprocess.CalledProcessError as exc:
        return f"failed ({exc.stderr.decode(errors='replace').strip()[-60:]})"
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step(path)
        times.append(time.perf_counter() - start)
    return min(times)


def table(paths: list[Path], steps: dict[str, Callable[[Path], None]], repeat: int) -> str:
    header = ["release", "chars"] + list(steps)
    rows = [header]
    for path in paths:
        row = [path.name, f"{len(path.read_text(encoding='utf-8', errors='replace')):,}"]
        for step in steps.values():
            result = best_of(step, path, repeat)
            row.append(f"{result * 1000:.1f} ms" if isinstance(result, float) else result)
        rows.append(row)
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="releases (default: the corpus)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per step; the best counts")
    parser.add_argument("--make", action="store_true", help="also time `briefgen make`")
    args = parser.parse_args(argv)
    paths = args.files or sorted(CORPUS.glob("*.txt"))
    if not paths:
        print(f"no releases given and none in {CORPUS}", file=sys.stderr)
        return 1
    steps = {**STEPS, **(OPTIONAL_STEPS if args.make else {})}
    print(f"best of {args.repeat} runs, Python {sys.version.split()[0]}")
    print(table(paths, steps, args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
