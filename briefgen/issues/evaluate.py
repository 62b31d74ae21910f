"""Score issue grouping against gold annotations (tests/gold/*.json, rules in its README).

Discovered issues are matched one-to-one to gold issues: a contested one by its target (what
the table says is contested) against the gold's contested targets, then by term overlap (the
gold lists alternative surface terms; the system gives its id, label and matched terms).
Then:

- pairs: (delegation, issue) precision / recall / F1.  A discovered issue matched to a core
  gold issue scores its delegations against the gold ones (optional delegations neither
  required nor false); one matched to an optional gold issue is left out; an unmatched one
  counts all its delegations as false positives; an unmatched core gold issue counts all its
  delegations as misses.
- scope: when the gold names the delegations that were annotated (a long release read in
  part), system pairs of other delegations are left out.
- stance accuracy: over the gold stances of contested gold issues whose delegation the system
  also put under the matched issue; a pair without a stance (the system did not see the
  issue as contested) counts as wrong.
- stance precision: of the stances the note shows (positions with a stance) on issues matched
  to a contested gold issue, for delegations the gold gives a stance, how many are right; a
  missing table costs nothing here, a wrong side does.
- side precision: the same over placements on a side (supports / concerned); "did not take a
  clear position" is no side, and where the gold has one it is a miss, not a wrong side.
- side recall: of every stance the gold gives on its contested questions (matched or not,
  shown or not), how many the note shows right — the measure a table nobody sees fails.
- contested-table precision: of the issues the note shows as contested (a divergence table),
  how many are matched to a gold issue that is contested; an unmatched one counts as wrong.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.model import CONCERNED, SUPPORTS, IssueAnalysis, Release

from .text import fold


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    stance_ok: int = 0
    stance_total: int = 0
    shown_ok: int = 0  # shown stances that match the gold
    shown_total: int = 0  # shown stances on gold-contested issues, delegations with a gold stance
    sided_ok: int = 0  # of those, placements on a side (supports / concerned) that are right
    sided_total: int = 0  # placements on a side; "did not take a clear position" is none
    tables_ok: int = 0  # contested issues shown that are contested in the gold
    tables_total: int = 0  # contested issues shown
    gold_stances: int = 0  # stances of the gold's contested questions, shown or not
    matches: list[tuple[str, str]] = field(default_factory=list)  # (system id, gold id)
    unmatched: list[str] = field(default_factory=list)  # system issue labels

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.stance_ok += other.stance_ok
        self.stance_total += other.stance_total
        self.shown_ok += other.shown_ok
        self.shown_total += other.shown_total
        self.sided_ok += other.sided_ok
        self.sided_total += other.sided_total
        self.tables_ok += other.tables_ok
        self.tables_total += other.tables_total
        self.gold_stances += other.gold_stances

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def stance_accuracy(self) -> float:
        return self.stance_ok / self.stance_total if self.stance_total else 0.0

    @property
    def stance_precision(self) -> float:
        """1.0 when no stance is shown on a contested issue: nothing shown is nothing wrong."""
        return self.shown_ok / self.shown_total if self.shown_total else 1.0

    @property
    def side_precision(self) -> float:
        return self.sided_ok / self.sided_total if self.sided_total else 1.0

    @property
    def side_recall(self) -> float:
        return self.shown_ok / self.gold_stances if self.gold_stances else 1.0

    @property
    def table_precision(self) -> float:
        return self.tables_ok / self.tables_total if self.tables_total else 1.0


def load_gold(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _overlap(issue_words: set[str], gold_terms: list[str]) -> int:
    folded = [fold(t) for t in gold_terms]
    return sum(1 for t in folded if any(t in w or w in t for w in issue_words if len(w) > 2))


_FUNCTION_WORDS = frozenset({"the", "of", "in", "on", "and", "a", "an", "to", "for", "by", "its",
                             "after", "with", "against", "from", "into", "over", "de", "la",
                             "le", "les", "du", "des", "en", "et"})


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w{3,}", fold(text)) if w not in _FUNCTION_WORDS}


def match_issues(analysis: IssueAnalysis, gold: dict) -> list[tuple[int, int]]:
    """(system index, gold index) pairs, one-to-one, greedy: first a contested issue whose
    target ("Russian Federation's military action in Ukraine") shares two content words or
    more, half the shorter target's at least, with a contested gold target — the table says
    what is contested, and is scored on that question —, then by term overlap."""
    scored = []
    for i, issue in enumerate(analysis.issues):
        words = {fold(issue.id), fold(issue.id.replace("-", " ")), fold(issue.label),
                 *(fold(t) for t in issue.terms)}
        target = _content_words(issue.target) if issue.contested else set()
        for j, g in enumerate(gold["issues"]):
            theirs = _content_words(g.get("target") or "") if g.get("contested") else set()
            shared = len(target & theirs)
            score = _overlap(words, g["terms"] + [g["id"], g["id"].replace("-", " ")])
            if shared >= 2 and shared >= min(len(target), len(theirs)) / 2:
                scored.append((1000 + shared, score, -i, -j, i, j))
            elif score:
                scored.append((score, 0, -i, -j, i, j))
    used_s, used_g, pairs = set(), set(), []
    for *_, i, j in sorted(scored, reverse=True):
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _speaker_key_map(release: Release) -> dict[str, str]:
    """A gold key written for the group spoken for ("org:OIC") -> the speaker's key ("MR")."""
    return {k: s.delegation_key for s in release.statements
            for k in (s.on_behalf_key, *s.on_behalf_keys) if k}


def score_release(release: Release, analysis: IssueAnalysis, gold: dict) -> Score:
    score = Score()
    alias = _speaker_key_map(release)

    def keys(items) -> set[str]:
        return {alias.get(k, k) for k in items}

    pairs = dict(match_issues(analysis, gold))
    matched_gold = set(pairs.values())
    # A partly annotated release: only the delegations that were read are scored.
    scope = keys(gold["scope"]) if "scope" in gold else None
    for i, issue in enumerate(analysis.issues):
        system = {p.delegation_key for p in issue.positions}
        if scope is not None:
            system &= scope
        score.tables_total += issue.contested
        if i not in pairs:
            score.fp += len(system)
            score.unmatched.append(issue.label)
            continue
        g = gold["issues"][pairs[i]]
        score.matches.append((issue.id, g["id"]))
        score.tables_ok += bool(issue.contested and g.get("contested"))
        if g.get("optional"):
            continue
        wanted, optional = keys(g["delegations"]), keys(g.get("optional_delegations", ()))
        score.tp += len(system & wanted)
        score.fp += len(system - wanted - optional)
        score.fn += len(wanted - system)
        if g.get("contested"):
            stances = {p.delegation_key: p.stance for p in issue.positions}
            for key, accepted in g.get("stances", {}).items():
                key = alias.get(key, key)
                if key in stances:
                    accepted = [accepted] if isinstance(accepted, str) else accepted
                    score.stance_total += 1
                    score.stance_ok += stances[key] in accepted
                    if stances[key] is not None:
                        score.shown_total += 1
                        score.shown_ok += stances[key] in accepted
                    if stances[key] in (SUPPORTS, CONCERNED):
                        score.sided_total += 1
                        score.sided_ok += stances[key] in accepted
    for j, g in enumerate(gold["issues"]):
        if j not in matched_gold and not g.get("optional"):
            score.fn += len(keys(g["delegations"]))
        if g.get("contested") and not g.get("optional"):
            score.gold_stances += len(g.get("stances", {}))
    return score


def evaluate(gold_dir: Path, corpus_dir: Path) -> dict[str, Score]:
    """Parse, group and score every release that has a gold file; name -> Score."""
    from briefgen.parse import parse_release
    from briefgen.settings import Settings

    from . import find_issues

    results: dict[str, Score] = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        gold = load_gold(path)
        source = Path(corpus_dir) / gold["release"]
        if not source.is_file():
            continue
        release = parse_release(source.read_text(encoding="utf-8"), source.stem)
        analysis = find_issues(release, Settings(lang=release.meeting.language))
        results[gold["release"]] = score_release(release, analysis, gold)
    return results


def report(results: dict[str, Score]) -> str:
    total = overall(results)
    lines = [(f"{'release':<18} {'P':>5} {'R':>5} {'F1':>5} {'stance acc':>15} "
              f"{'stance prec':>15} {'side prec':>15} {'side recall':>15} {'tables prec':>13}  "
              "unmatched issues")]
    for name, s in [*results.items(), ("overall (micro)", total)]:
        lines.append(f"{name:<18} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f} "
                     f"{s.stance_accuracy:5.2f} {f'({s.stance_ok}/{s.stance_total})':>9} "
                     f"{s.stance_precision:5.2f} {f'({s.shown_ok}/{s.shown_total})':>9} "
                     f"{s.side_precision:5.2f} {f'({s.sided_ok}/{s.sided_total})':>9} "
                     f"{s.side_recall:5.2f} {f'({s.shown_ok}/{s.gold_stances})':>9} "
                     f"{s.table_precision:5.2f} {f'({s.tables_ok}/{s.tables_total})':>7}  "
                     f"{', '.join(s.unmatched) if name in results and s.unmatched else '-'}")
    return "\n".join(lines)


def overall(results: dict[str, Score]) -> Score:
    total = Score()
    for s in results.values():
        total.add(s)
    return total
