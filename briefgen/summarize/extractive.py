"""The default summarizer: each statement's own sentences, chosen for what carries its position.

A meetings-coverage statement opens with courtesies, restates what everyone says, and somewhere
makes its ask or its warning.  A sentence is scored on:

* centrality within the statement (continuous LexRank over TF-IDF cosine similarity): what
  the statement keeps coming back to;
* position: releases put the gist of a turn first, so earlier sentences get a small bonus;
* relevance to the meeting: the title, subtitle and agenda headings, and the terms many
  delegations use (the shared subject of the debate);
* distinctiveness: words few other delegations used (IDF across statements), so the
  boilerplate everybody says ("thanked the briefers") loses to what sets this speaker apart;
* a reporting verb that marks a position (`urged`, `condemned`, `a exhorté`, `s'est inquiété`,
  from the language table);

then picked greedily with maximal marginal relevance so two picks do not say the same thing,
and returned in reading order, compressed (`compress.py`) and faithfulness-checked.  Everything
is computed from the statements alone: the lead (the release's own summary) is never read.
"""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from ..languages import LANGUAGES
from ..model import BRIEFING, CONCERNED, REPLY, SUPPORTS, Bullet, IssueAnalysis, Release, Statement
from ..settings import Settings
from .compress import FIGURE, YEAR, compress, quote_spans, speaker_words
from .faithfulness import check_bullet, is_subsequence
from .standalone import stands_alone

WORD = re.compile(r"[^\W_]+", re.UNICODE)
STEM = 6  # prefix stemming: cheap, language-agnostic, good enough for similarity

# Feature weights of a sentence's score, and the MMR trade-off (1 = no redundancy penalty).
# Tuned coarsely (steps of ~0.2) for ROUGE against the leads of the sample releases; quotes and
# figures weigh because press officers lift them into their own summaries.
WEIGHTS = {"centrality": 0.5, "position": 0.6, "relevance": 0.8, "distinct": 0.5,
           "position_verb": 0.3, "length": 0.6, "quote": 0.8, "figure": 0.4, "dangling": -0.4}
MMR_LAMBDA = 0.7
# The same for a key point among all summary bullets of the meeting (see key_points).
KEY_WEIGHTS = {"centroid": 1.0, "topic": 0.5, "briefer": 0.2, "early": 0.2, "first": 0.2,
               "repeat": -0.3, "dangling": -1.0, "issue": 0.3, "quoted": -0.3,
               "secondary": -0.2}
# Adverbs by which a release orders a speaker's points ("He also stressed …", "Il a ensuite
# souligné …"): the sentence is not the speaker's main message, even once compression has
# dropped the adverb.  Looked for in the first SECONDARY_WINDOW words of the source sentence.
SEQUENCING: dict[str, frozenset[str]] = {
    "en": frozenset({"also", "further", "then", "additionally", "subsequently", "furthermore"}),
    "fr": frozenset({"ensuite", "également", "aussi", "outre", "ailleurs", "puis"}),
}
SECONDARY_WINDOW = 8
# A standard summary (budget 3) gets one sentence per 70 words of statement; the quota shrinks
# as the budget grows, so `full` (6) gives one per 35 words.
WORDS_PER_BUDGET = 210
# A bullet past this many words no longer fits the note's line (compose clips speaker and
# position lines near 170 characters), so longer sentences lose score in proportion.
LINE_WORDS = 27
MIN_WORDS = 6  # shorter sentences are fragments ("He agreed.") and never chosen when others exist


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence of a statement with what the scoring needs."""

    pid: str
    text: str
    order: int  # position in the statement
    terms: Counter


class ExtractiveSummarizer:
    """Summarizer backend that needs no model weights."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()

    def summarize(self, statements: Sequence[Statement], release: Release, budget: int
                  ) -> list[tuple[Bullet, ...]]:
        model = corpus_model(release)
        return [summarize_statement(statement, release, model, budget) for statement in statements]


@dataclass(frozen=True)
class CorpusModel:
    """Release-wide statistics: sentence units per statement, IDF, the meeting's topic."""

    lang: str
    units: Mapping[int, tuple[Unit, ...]]  # statement index -> its sentences
    idf: Mapping[str, float]  # over sentences
    rarity: Mapping[str, float]  # over statements, 0..1 (1 = one statement only)
    topic: Mapping[str, float]  # unit-normalized meeting vector
    centroid: Mapping[str, float]  # unit-normalized sum of every sentence's TF-IDF vector


@lru_cache(maxsize=4)
def corpus_model(release: Release) -> CorpusModel:
    from ..sentences import sentence_spans

    lang = release.meeting.language
    stops = LANGUAGES[lang].stop_words
    units: dict[int, tuple[Unit, ...]] = {}
    for statement in release.statements:
        found = []
        for passage in statement.passages:
            for start, end in sentence_spans(passage.text, lang):
                text = passage.text[start:end]
                found.append(Unit(passage.pid, text, len(found), Counter(terms(text, stops))))
        units[statement.index] = tuple(found)
    all_units = [u for us in units.values() for u in us]
    df = Counter(t for u in all_units for t in u.terms)
    n = max(len(all_units), 1)
    idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
    sdf = Counter(t for us in units.values() for t in {t for u in us for t in u.terms})
    speakers = max(len(units), 1)
    rarity = {t: 1.0 - (c - 1) / speakers for t, c in sdf.items()}
    topic: Counter = Counter()
    for t, c in sdf.items():  # terms shared by several delegations are the debate's subject
        if c >= 2:
            topic[t] += (c / speakers) * idf[t]
    framing = " ".join([release.meeting.title, release.meeting.subtitle]
                       + [h.text for h in release.headings if h.kind == "agenda"])
    for t in set(terms(framing, stops)):
        topic[t] += 2.0 * idf.get(t, 1.0)
    centroid: Counter = Counter()
    for unit in all_units:
        for t, c in unit.terms.items():
            centroid[t] += c * idf[t]
    return CorpusModel(lang, units, idf, rarity, _normalize(topic), _normalize(centroid))


def terms(text: str, stops: frozenset[str]) -> list[str]:
    """Content-word stems: lower-cased, stop words and one-letter tokens dropped."""
    return [w[:STEM] for w in (m.lower() for m in WORD.findall(text))
            if len(w) > 1 and w not in stops and not w.isdigit()]


def summarize_statement(statement: Statement, release: Release, model: CorpusModel,
                        budget: int) -> tuple[Bullet, ...]:
    units = model.units.get(statement.index, ())
    if not units:
        return ()
    count = sentence_count(statement, budget)
    chosen = select(units, model, count)
    return tuple(bullet for bullet in (make_bullet(units[i], statement, release, model.lang)
                                       for i in sorted(chosen)) if bullet)


def sentence_count(statement: Statement, budget: int) -> int:
    """1..budget sentences by the statement's length: a two-line reply gets one."""
    words = len(WORD.findall(statement.text))
    return max(1, min(budget, math.ceil(words * budget / WORDS_PER_BUDGET)))


def select(units: Sequence[Unit], model: CorpusModel, count: int) -> list[int]:
    """Indices of the `count` sentences to keep, picked by MMR over the sentence scores."""
    vectors = [_normalize({t: c * model.idf[t] for t, c in u.terms.items()}) for u in units]
    similarity = _similarity_matrix(vectors)
    scores = score(units, vectors, similarity, model)
    chosen: list[int] = []
    candidates = set(range(len(units)))
    while candidates and len(chosen) < count:
        best = max(candidates, key=lambda i: MMR_LAMBDA * scores[i] - (1 - MMR_LAMBDA) * max(
            (similarity[i][j] for j in chosen), default=0.0))
        chosen.append(best)
        candidates.discard(best)
    return chosen


def score(units: Sequence[Unit], vectors: Sequence[Mapping[str, float]],
          similarity: list[list[float]], model: CorpusModel) -> list[float]:
    centrality = _lexrank(similarity)
    verbs = _position_verbs(model.lang)
    out = []
    for unit, vector, central in zip(units, vectors, centrality):
        n_words = len(WORD.findall(unit.text))
        features = {
            "centrality": central,
            "position": 1.0 / math.sqrt(1 + unit.order),
            "relevance": _dot(vector, model.topic),
            "distinct": (sum(model.rarity[t] for t in unit.terms) / max(len(unit.terms), 1)),
            "position_verb": 1.0 if verbs.search(unit.text) else 0.0,
            "length": -1.0 if n_words < MIN_WORDS else -max(0.0, (n_words - LINE_WORDS) / LINE_WORDS),
            "quote": 1.0 if any(len(WORD.findall(unit.text[a:b])) >= 4
                                for a, b in quote_spans(unit.text)) else 0.0,
            "figure": 1.0 if any(not YEAR.fullmatch(m.group().strip())
                                 for m in FIGURE.finditer(unit.text)) else 0.0,
            "dangling": 0.0 if stands_alone(unit.text, model.lang) else 1.0,
        }
        out.append(sum(WEIGHTS[k] * v for k, v in features.items()))
    return out


def make_bullet(unit: Unit, statement: Statement, release: Release, lang: str) -> Bullet | None:
    """The compressed sentence, or the sentence itself when compression fails the check."""
    for text in (compress(unit.text, lang, speaker_words(statement)), unit.text.strip()):
        bullet = Bullet(text, (unit.pid,), statement.delegation_key, lang)
        if not check_bullet(bullet, statement, release):
            return bullet
    return None


@dataclass(frozen=True, eq=False)
class Candidate:
    """A sentence that could be a key point: a summary or issue bullet with its value."""

    bullet: Bullet
    statement: int  # index of the statement it comes from
    turn: int  # speaking order of that statement among those summarized
    order: int  # position of its sentence in the statement
    vector: Mapping[str, float]
    value: float
    alone: bool = True  # readable with nothing before it (see standalone.py)


def key_points(release: Release, summaries: Mapping[int, tuple[Bullet, ...]], count: int,
               analysis: IssueAnalysis | None = None, *,
               salience: Mapping[str, float] | None = None,
               delegations_only: bool = False) -> tuple[Bullet, ...]:
    """The meeting's most telling sentences, in `count` speakers' own words.

    Slots first: the main briefer's message (the first briefing); then one point per
    issue of the analysis, in its order, and for a contested issue one point from each side
    (a backer and a critic, their stance evidence preferred); then the remaining points by
    maximal marginal relevance over everything else, each delegation's `salience` (a party
    concerned, a penholder, a vetoing member) added to its sentences' value.  Every pick
    prefers a delegation that has no point yet (a side held by one delegation only still
    gets its point), and a sentence too close to one already chosen is never taken, so no
    two points say the same.  Candidates are the statements' summary bullets (as
    `summarize_release` returns them, checked) and the issues' position bullets (checked
    here), all compressed.  The points come back in the order they were said.
    `delegations_only` leaves the briefings out (the note gives them points of their own).
    """
    salience = salience or {}
    pool, by_issue = _candidates(release, summaries, analysis)
    if delegations_only:
        briefings = {s.index for s in release.statements if s.kind == BRIEFING}
        pool = [c for c in pool if c.statement not in briefings]
        by_issue = {k: [e for e in v if e[0].statement not in briefings]
                    for k, v in by_issue.items()}
    chosen: list[Candidate] = []

    def worth(c: Candidate) -> float:
        return c.value + salience.get(c.bullet.delegation_key or "", 0.0)

    def take(options: list[tuple[Candidate, float]]) -> None:
        options = [(c, bonus) for c, bonus in options if not _repeats(c, chosen)]
        options = [(c, b) for c, b in options if c.alone]  # a slot is never filled by a fragment
        used = {c.bullet.delegation_key for c in chosen}
        fresh = [(c, b) for c, b in options if c.bullet.delegation_key not in used] or options
        if fresh and len(chosen) < count:
            chosen.append(max(fresh, key=lambda pair: worth(pair[0]) + pair[1])[0])

    briefer = next((s for s in release.statements if s.kind == BRIEFING), None)
    if briefer and not delegations_only:
        take([(c, 0.0) for c in pool if c.statement == briefer.index])
    for issue in analysis.issues if analysis else ():
        sides = (SUPPORTS, CONCERNED) if issue.contested else (None,)
        for side in sides:
            options = [(c, EVIDENCE_BONUS if evidence else 0.0)
                       for c, stance, evidence in by_issue[issue.id]
                       if side is None or stance == side]
            if not any(c in chosen for c, _ in options):
                take(options)
    while len(chosen) < count:
        rest = [c for c in pool if c not in chosen and not _repeats(c, chosen)]
        rest = [c for c in rest if c.alone] or rest
        if not rest:
            break
        used = {c.bullet.delegation_key for c in chosen}
        fresh = [c for c in rest if c.bullet.delegation_key not in used] or rest
        chosen.append(max(fresh, key=lambda c: MMR_LAMBDA * worth(c) - (1 - MMR_LAMBDA) * max(
            (_dot(c.vector, o.vector) for o in chosen), default=0.0)))
    return tuple(c.bullet for c in sorted(chosen, key=lambda c: (c.turn, c.order)))


# A candidate whose words overlap this much (cosine) with a chosen point says the same thing.
REPEAT_SIMILARITY = 0.5
# How much the sentence that shows a delegation's stance on a contested issue is preferred
# over its other sentences on that issue when a side is picked.
EVIDENCE_BONUS = 0.2


def _repeats(candidate: Candidate, chosen: Sequence[Candidate]) -> bool:
    return any(candidate.bullet.text == c.bullet.text
               or _dot(candidate.vector, c.vector) > REPEAT_SIMILARITY for c in chosen)


def _candidates(release: Release, summaries: Mapping[int, tuple[Bullet, ...]],
                analysis: IssueAnalysis | None
                ) -> tuple[list[Candidate], dict[str, list[tuple[Candidate, str | None, bool]]]]:
    """Every possible key point once, valued, and per issue the (candidate, stance, is the
    stance evidence) triples of its positions.

    The value: closeness to all statements together and to the meeting's topic; who speaks
    (briefers set out the facts, early speakers open the debate, repeat turns and replies
    rarely carry the meeting); and where the sentence stands in its statement (releases put
    the gist of a turn first).
    """
    model = corpus_model(release)
    stops = LANGUAGES[model.lang].stop_words
    statements = {s.index: s for s in release.statements}
    turns = {index: turn for turn, index in enumerate(sorted(summaries))}
    found: dict[str, Candidate] = {}

    def candidate(bullet: Bullet, statement: Statement, checked: bool) -> Candidate | None:
        if bullet.text in found:
            return found[bullet.text]
        if statement.index not in turns or not checked and check_bullet(bullet, statement,
                                                                          release):
            return None
        vector = _normalize({t: c * model.idf.get(t, 1.0)
                             for t, c in Counter(terms(bullet.text, stops)).items()})
        unit = _source_unit(bullet, model.units.get(statement.index, ()))
        order = unit.order if unit else len(model.units.get(statement.index, ()))
        features = {
            "centroid": _dot(vector, model.centroid),
            "topic": _dot(vector, model.topic),
            "briefer": 1.0 if statement.kind == BRIEFING else 0.0,
            "early": 1.0 / math.sqrt(1 + turns[statement.index]),
            "first": 1.0 / math.sqrt(1 + order),
            "repeat": 1.0 if statement.kind == REPLY or statement.repeat_of is not None else 0.0,
            "dangling": 0.0 if stands_alone(bullet.text, model.lang) else 1.0,
            "issue": _issue_weight(bullet.text, analysis),
            "secondary": 1.0 if unit and _secondary(unit.text, model.lang) else 0.0,
            # a sentence that is only a quotation says what, not who stands where
            "quoted": 1.0 if any(a == 0 and b >= len(bullet.text.rstrip(". ")) for a, b in
                                 quote_spans(bullet.text.strip())) else 0.0,
        }
        value = sum(KEY_WEIGHTS[k] * v for k, v in features.items())
        found[bullet.text] = Candidate(bullet, statement.index, turns[statement.index], order,
                                       vector, value, not features["dangling"])
        return found[bullet.text]

    for index, bullets in sorted(summaries.items()):
        if index not in statements:
            continue
        for bullet in bullets:  # summary bullets passed the check in summarize_release
            candidate(bullet, statements[index], checked=True)

    by_issue: dict[str, list[tuple[Candidate, str | None, bool]]] = {}
    for issue in analysis.issues if analysis else ():
        entries = by_issue.setdefault(issue.id, [])
        for position in issue.positions:
            bullets = [(b, False) for b in position.summary]
            if position.stance_evidence:
                bullets.append((position.stance_evidence, True))
            for bullet, evidence in bullets:
                statement = _statement_of(bullet, release)
                made = candidate(bullet, statement, checked=False) if statement else None
                if made:
                    entries.append((made, position.stance, evidence))
    return list(found.values()), by_issue


def _issue_weight(text: str, analysis: IssueAnalysis | None) -> float:
    """1 for a sentence on a contested issue, 0.5 on another issue, else 0: the meeting's
    points are where it divided, then what it discussed, before what everyone says."""
    folded = text.casefold()
    weights = [1.0 if issue.contested else 0.5 for issue in (analysis.issues if analysis else ())
               if any(term.casefold() in folded for term in issue.terms if isinstance(term, str))]
    return max(weights, default=0.0)


def _statement_of(bullet: Bullet, release: Release) -> Statement | None:
    """The first statement of the bullet's delegation holding all its source paragraphs."""
    return next((s for s in release.statements if s.delegation_key == bullet.delegation_key
                 and set(bullet.source) <= set(s.paragraphs)), None)


def _source_unit(bullet: Bullet, units: Sequence[Unit]) -> Unit | None:
    """The sentence of its statement a bullet was compressed from."""
    return next((u for u in units if u.pid in bullet.source
                 and is_subsequence(bullet.text, u.text)), None)


def _secondary(sentence: str, lang: str) -> bool:
    """Does the sentence open on a sequencing adverb (see SEQUENCING)?"""
    return any(w.lower() in SEQUENCING[lang]
               for w in WORD.findall(sentence)[:SECONDARY_WINDOW])


@cache
def _position_verbs(lang: str) -> re.Pattern[str]:
    """Verbs by which a release marks a position (support or concern, urging, condemning)."""
    table = LANGUAGES[lang]
    phrases = sorted(set(table.support_verbs + table.concern_verbs + _URGING[lang]),
                     key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.sub("[’']", "[’']", re.escape(p)) for p in phrases)
                      + r")\b", re.IGNORECASE)


# Calls to action are positions too, though neither support nor concern.
_URGING: dict[str, tuple[str, ...]] = {
    "en": ("urged", "called on", "called for", "demanded", "appealed", "insisted",
           "must", "should"),
    "fr": ("a exhorté", "a appelé", "a demandé", "a plaidé", "a exigé", "a réclamé",
           "a insisté", "doit", "doivent", "faut"),
}


def _normalize(vector: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else {}


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _similarity_matrix(vectors: Sequence[Mapping[str, float]]) -> list[list[float]]:
    n = len(vectors)
    matrix = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            matrix[i][j] = matrix[j][i] = _dot(vectors[i], vectors[j])
    return matrix


def _lexrank(similarity: list[list[float]], damping: float = 0.85,
             steps: int = 50) -> list[float]:
    """Continuous LexRank (stationary distribution of the similarity random walk), scaled
    so the most central sentence scores 1.

    Plain lists, not numpy: a statement has a few dozen sentences at most, and importing
    numpy alone took longer than every statement's ranking together."""
    n = len(similarity)
    if n <= 2:
        return [1.0] * n
    # Row i of the walk: sentence i's similarities (and a tiny self-loop, so that a sentence
    # sharing no word with the others still has somewhere to go), normalized to sum to 1.
    rows = []
    for i, row in enumerate(similarity):
        weights = [w + 1e-9 if i == j else w for j, w in enumerate(row)]
        total = sum(weights)
        rows.append([w / total for w in weights])
    into = list(zip(*rows))  # into[j]: the chance of stepping to j from each sentence
    rank = [1.0 / n] * n
    for _ in range(steps):
        updated = [(1 - damping) / n + damping * sum(map(operator.mul, column, rank))
                   for column in into]
        converged = sum(abs(u - r) for u, r in zip(updated, rank)) < 1e-8
        rank = updated
        if converged:
            break
    top = max(rank)
    return [r / top for r in rank]
