"""Issue grouping against our gold annotations: pair P/R/F1, stance accuracy and precision.

    python bench/issues_eval.py [--gold tests/gold] [--corpus ../shared/corpus]

Prints one line per annotated release and the micro-average; see briefgen/issues/evaluate.py
for how discovered issues are matched to gold ones and what is counted (stance precision:
shown stances that are right; contested-table precision: shown tables contested in the gold).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 1
    from briefgen.issues.evaluate import evaluate, report

    start = time.perf_counter()
    results = evaluate(args.gold, args.corpus)
    print(report(results))
    print(f"({len(results)} releases in {time.perf_counter() - start:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
