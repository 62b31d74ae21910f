"""Who said what, paragraph by paragraph, against our own gold (`tests/gold/attribution/`).

The parser's output is read back to sentences: every sentence of every paragraph gets the
speakers whose statements hold it (a passage is an exact piece of its paragraph), and the
gold gives each sentence its speakers or a kind of non-speech (lead, vote, collective ...).
A paragraph is *correct* when each of its sentences has exactly its gold speakers, *wrong*
when any sentence is given to someone who does not say it (or non-speech is given to anyone),
and *missed* otherwise (some of the speech was left unattributed).  Two UN officials are two
speakers: where the gold names a non-State speaker, a named statement must carry that name.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..languages import detect_language
from ..model import BRIEFING, REPLY, Release, Statement
from ..sentences import sentence_spans, split_sentences

CORRECT, MISSED, WRONG = "correct", "missed", "wrong"
# The project's own gold, when briefgen runs from a checkout.
DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "tests" / "gold" / "attribution"


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


# --------------------------------------------------------------------------------- scoring


@dataclass
class ReleaseAttribution:
    """The scorer's counts for one release, and the paragraphs behind them."""

    name: str
    paragraphs: Counter = field(default_factory=Counter)  # CORRECT/MISSED/WRONG, every ¶
    speech: Counter = field(default_factory=Counter)  # the same, ¶ whose gold has turns
    handover: Counter = field(default_factory=Counter)  # sentences of ¶ that change hands
    briefers: Counter = field(default_factory=Counter)  # "kind" right / "total"
    groups: Counter = field(default_factory=Counter)  # full on-behalf list / "total"
    repeats: Counter = field(default_factory=Counter)  # "spurious" / "missed" / "right"
    details: list[str] = field(default_factory=list)


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c)).casefold()


def _is_state(key: str) -> bool:
    return len(key) == 2 and key.isupper()


def _gold_sentences(entry: dict, count: int) -> list[tuple[str | tuple[str, ...], dict | None]]:
    """Each sentence's gold: a speechless kind, or (the turn's keys, the turn)."""
    if "kind" in entry:
        return [(entry["kind"], None)] * count
    out: list = []
    turns = entry["turns"]
    for i, turn in enumerate(turns):
        start = turn.get("from", 1)
        end = turns[i + 1]["from"] if i + 1 < len(turns) else count + 1
        key = turn["key"]
        who = key if key in SPEECHLESS else tuple(key if isinstance(key, list) else [key])
        out.extend([(who, turn)] * (end - start))
    return out


def _system_sentences(release: Release, lang: str) -> dict[str, list[list[Statement]]]:
    """For each paragraph id, each sentence's statements (the passages that cover most of
    it)."""
    by_pid = {p.pid: p.text for p in release.paragraphs}
    spans = {pid: sentence_spans(text, lang) for pid, text in by_pid.items()}
    out = {pid: [[] for _ in spans[pid]] for pid in by_pid}
    for statement in release.statements:
        searched: dict[str, int] = {}
        for passage in statement.passages:
            text = by_pid[passage.pid]
            start = text.find(passage.text, searched.get(passage.pid, 0))
            if start < 0:
                start = text.find(passage.text)
            end = start + len(passage.text)
            searched[passage.pid] = end
            for i, (a, b) in enumerate(spans[passage.pid]):
                holders = out[passage.pid][i]
                if min(b, end) - max(a, start) > (b - a) / 2 and statement not in holders:
                    holders.append(statement)
    return out


def _matches(gold_keys: tuple[str, ...], turn: dict, statement: Statement) -> bool:
    key = statement.delegation_key
    if turn.get("key") == OTHER:
        if _is_state(key):
            return False
    elif key not in gold_keys:
        return False
    name = turn.get("name")
    if not name or _is_state(key) or not statement.speaker:
        return True
    return _fold(name) in _fold(statement.speaker) or _fold(statement.speaker) in _fold(name)


def _sentence_verdict(gold, turn, statements: list[Statement]) -> str:
    if isinstance(gold, str):  # nobody's speech
        return WRONG if statements else CORRECT
    if not statements:
        return MISSED
    if not all(_matches(gold, turn, s) for s in statements):
        return WRONG
    if turn["key"] == OTHER or {s.delegation_key for s in statements} >= set(gold):
        return CORRECT
    return MISSED  # a sentence of several delegations given to only some of them


def _behalf(statement: Statement) -> list[str]:
    """Everyone the statement says its speaker also speaks for: keys, and names as written."""
    return [x for x in (statement.on_behalf_key, *statement.on_behalf_keys,
                        statement.on_behalf_of) if x]


def _covers(gold_items: list[str], system: list[str]) -> bool:
    folded = [_fold(s) for s in system]
    return all(any(_fold(item) == s or (not _is_state(item) and _fold(item) in s)
                   for s in folded) for item in gold_items)


def score_release(release: Release, gold: dict) -> ReleaseAttribution:
    """Paragraph and sentence verdicts of one parsed release against its gold."""
    lang = release.meeting.language
    result = ReleaseAttribution(release.name)
    system = _system_sentences(release, lang)
    previous = None  # the gold speaker of the sentence before: a turn starts where it changes
    for entry, paragraph in zip(gold["paragraphs"], release.paragraphs):
        sentences = system[paragraph.pid]
        golds = _gold_sentences(entry, len(sentences))
        verdicts = [_sentence_verdict(g, t, s) for (g, t), s in zip(golds, sentences)]
        verdict = WRONG if WRONG in verdicts else MISSED if MISSED in verdicts else CORRECT
        result.paragraphs[verdict] += 1
        if "turns" in entry:
            result.speech[verdict] += 1
            if len(entry["turns"]) > 1:
                result.handover.update(verdicts)
        if verdict != CORRECT:
            result.details.append(_detail(paragraph.pid, verdict, entry, sentences))
        for turn in entry.get("turns", ()):
            identity = (str(turn["key"]), turn.get("name"))
            if turn["key"] not in SPEECHLESS and identity != previous:
                _score_turn(result, turn, paragraph.pid, sentences[turn.get("from", 1) - 1])
            previous = identity
        if "kind" in entry:
            previous = None
    return result


def _score_turn(result: ReleaseAttribution, turn: dict, pid: str,
                first: list[Statement]) -> None:
    """Briefer kind, group list and repeat mark of the statements that hold the first sentence
    of a gold turn."""
    keys = tuple(turn["key"] if isinstance(turn["key"], list) else [turn["key"]])
    own = [s for s in first if _matches(keys, turn, s)]
    if turn.get("kind") == BRIEFING:
        result.briefers["total"] += 1
        result.briefers["right"] += any(s.kind == BRIEFING for s in own)
    if turn.get("on_behalf"):
        result.groups["total"] += 1
        result.groups["right"] += any(_covers(turn["on_behalf"], _behalf(s)) for s in own)
    again = bool(turn.get("again"))
    for s in own:
        repeat = s.kind == REPLY or s.repeat_of is not None
        if repeat and not again:
            result.repeats["spurious"] += 1
            result.details.append(f"{pid}: spurious repeat {_who(s)}")
        elif again and not repeat:
            result.repeats["missed"] += 1
        elif again:
            result.repeats["right"] += 1


def _who(statement: Statement) -> str:
    name = f" {statement.speaker}" if statement.speaker and not _is_state(
        statement.delegation_key) else ""
    return f"{statement.delegation_key}{name}#{statement.index}"


def _detail(pid: str, verdict: str, entry: dict, sentences: list[list[Statement]]) -> str:
    gold = entry.get("kind") or " | ".join(
        f"[{t.get('from', 1)}] {t['key']}{' ' + t['name'] if t.get('name') else ''}"
        for t in entry["turns"])
    got = " ".join(f"[{i}] {','.join(_who(s) for s in ss) or '-'}"
                   for i, ss in enumerate(sentences, 1))
    return f"{pid}: {verdict}: gold {gold}; system {got}"


def load_gold(folder: str | Path) -> dict[str, dict]:
    """Gold files by release file name (`SC-16006.en.txt`)."""
    out = {}
    for path in sorted(Path(folder).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        out[gold.get("release") or path.stem + ".txt"] = gold
    return out


def evaluate(paths, gold_folder: str | Path) -> list[ReleaseAttribution]:
    """Score every release among `paths` that has a gold file (the others are skipped)."""
    from ..pipeline import parse_source

    golds = load_gold(gold_folder)
    results = []
    for path in map(Path, paths):
        gold = golds.get(path.name)
        if gold is None:
            continue
        results.append(score_release(parse_source(path), gold))
    return results


def _share(counter: Counter, key: str = CORRECT) -> str:
    total = sum(counter[k] for k in (CORRECT, MISSED, WRONG))
    return f"{counter[key] / total:.1%}" if total else "-"


def report(results: list[ReleaseAttribution], details: bool = False) -> str:
    """A Markdown table, one row per release and the whole."""
    rows = ["| release | ¶ correct / missed / wrong | speech ¶ correct | sentences where ¶ "
            "change hands (c/m/w) | briefers | groups | spurious repeats |",
            "|---|---|---|---|---|---|---|"]
    total = ReleaseAttribution("**all**")
    for r in results:
        for name in ("paragraphs", "speech", "handover", "briefers", "groups", "repeats"):
            getattr(total, name).update(getattr(r, name))
    for r in [*results, total]:
        p, h = r.paragraphs, r.handover
        rows.append(
            f"| {r.name} | {p[CORRECT]} / {p[MISSED]} / {p[WRONG]} | "
            f"{r.speech[CORRECT]}/{sum(r.speech.values())} ({_share(r.speech)}) | "
            f"{h[CORRECT]}/{h[MISSED]}/{h[WRONG]} | "
            f"{r.briefers['right']}/{r.briefers['total']} | "
            f"{r.groups['right']}/{r.groups['total']} | {r.repeats['spurious']} |")
    if details:
        for r in results:
            if r.details:
                rows.append(f"\n### {r.name}\n")
                rows.extend(f"- {d}" for d in r.details)
    return "\n".join(rows)


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
