"""Who said what, paragraph by paragraph, against our own gold (`tests/gold/attribution/`)."""

from __future__ import annotations

from pathlib import Path

from ..languages import detect_language
from ..sentences import split_sentences


def numbered_paragraphs(path: str | Path) -> tuple[str, list[tuple[int, list[str]]]]:
    """The release's language and its paragraphs as (number, sentences), numbered from 1 the
    way the parser numbers them (p1, p2, ...) and the gold refers to them."""
    from ..loading import read_source
    from ..parse import split_paragraphs

    text, _ = read_source(path)
    lang = detect_language(text)
    return lang, [(i, split_sentences(p, lang)) for i, p in enumerate(split_paragraphs(text), 1)]


# ------------------------------------------------------------------------------------ gold

SPEECHLESS = ("header", "title", "lead", "heading", "vote", "narration", "collective",
              "structure")
UN_SYSTEM, OTHER = "org:UN", "other"


def check_gold(gold: dict, paragraphs: list[tuple[int, list[str]]]) -> list[str]:
    """What is wrong with a gold file's shape against the release it annotates: every
    paragraph once and in order, kinds and keys well formed, turns starting at a sentence the
    paragraph has, in increasing order."""
    problems = []
    entries = gold.get("paragraphs", [])
    numbers = [e.get("p") for e in entries]
    if numbers != [n for n, _ in paragraphs]:
        problems.append(f"paragraph numbers should be 1..{len(paragraphs)} in order, once each")
    sentences = {n: len(s) for n, s in paragraphs}
    for entry in entries:
        p = entry.get("p")
        if ("kind" in entry) == ("turns" in entry):
            problems.append(f"¶{p}: give either a kind or turns")
            continue
        if "kind" in entry:
            if entry["kind"] not in SPEECHLESS:
                problems.append(f"¶{p}: unknown kind {entry['kind']!r}")
            continue
        previous = 0
        for i, turn in enumerate(entry["turns"]):
            start = turn.get("from", 1 if i == 0 else None)
            if not isinstance(start, int) or start <= previous or start > sentences.get(p, 0):
                problems.append(f"¶{p}: turn {i + 1} starts at sentence {start!r}")
            previous = start if isinstance(start, int) else previous
            keys = turn.get("key")
            keys = keys if isinstance(keys, list) else [keys]
            for key in keys:
                if not isinstance(key, str) or not (
                        key in SPEECHLESS or key == OTHER or key.startswith(("org:", "group:"))
                        or (len(key) == 2 and key.isupper())):
                    problems.append(f"¶{p}: bad key {key!r}")
            if turn.get("key") in (UN_SYSTEM, OTHER) and not turn.get("name"):
                problems.append(f"¶{p}: a {turn['key']} speaker needs a name")
            extra = set(turn) - {"key", "from", "name", "kind", "on_behalf", "again"}
            if extra:
                problems.append(f"¶{p}: unknown turn fields {sorted(extra)}")
    return problems


def _main(argv: list[str] | None = None) -> int:
    """`python -m briefgen.evaluation.attribution --check GOLD RELEASE`: shape check only."""
    import argparse
    import json

    parser = argparse.ArgumentParser(prog="python -m briefgen.evaluation.attribution")
    parser.add_argument("--check", nargs=2, metavar=("GOLD", "RELEASE"), required=True)
    args = parser.parse_args(argv)
    gold_path, release = args.check
    _, paragraphs = numbered_paragraphs(release)
    problems = check_gold(json.loads(Path(gold_path).read_text(encoding="utf-8")), paragraphs)
    for problem in problems:
        print(problem)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(_main())
