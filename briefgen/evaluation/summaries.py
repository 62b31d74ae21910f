"""ROUGE of briefgen's summaries against each release's own human summary, with baselines.

Every meetings-coverage release opens with lead paragraphs written by UN press officers from
the same statements: a free reference in both languages.  For each release this compares,
with ROUGE-1/2/L F1 (`rouge-score`):

* `key_points`: the note's key points, as `compose` writes them in the release's language
  (the sentences written from facts included) and the note shows them (a speaker's point
  after the speaker's name), against the lead;
* `summaries`: all statement summaries, concatenated, against the lead;

for briefgen and for baselines run in the same harness on the *same sentences* (the
statements' sentences as briefgen splits them) at the same length: briefgen's number of
words, per statement for the summaries and in all for the key points (each baseline takes its
own best sentences until it reaches that many words, then is cut there; see `outputs`):

* `lead`: the first sentence(s) of each statement (Lead-k; for key points, the first sentence
  of the first k statements);
* `lexrank`, `textrank`: sumy's summarizers, per statement (key points: over all sentences).

The lead paragraphs are never given to any system: they are only the reference (systems
get `without_lead(release)`).  Key points are chosen with the issue analysis, as in the note.

Tokenization: English uses rouge-score's own tokenizer with its Porter stemmer.  That
tokenizer drops every non-ASCII letter (`sécurité` -> `s`, `curit`), so French uses ours:
lower-cased Unicode words (`[^\\W\\d_]+` plus digit runs), accents kept, one-letter elided
words (`l’`, `d’`, `s’`) dropped, then NLTK's Snowball French stemmer (which keeps accents).  rouge-score, sumy and
NLTK come with the `eval` extra and are imported only here.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import BriefgenError
from ..model import LEAD, Bullet, Release
from ..settings import Settings

log = logging.getLogger(__name__)

SYSTEMS = ("briefgen", "lead", "lexrank", "textrank")
TARGETS = ("key_points", "summaries")
METRICS = ("rouge1", "rouge2", "rougeL")
SUMY_LANGUAGES = {"en": "english", "fr": "french"}


@dataclass(frozen=True)
class ReleaseScores:
    name: str
    lang: str
    sentences: dict[str, int]  # target -> how many sentences every system was given
    scores: dict[tuple[str, str], dict[str, float]]  # (target, system) -> metric -> F1


class UnicodeTokenizer:
    """rouge-score tokenizer for languages its ASCII-only default would mangle."""

    _WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)

    def __init__(self, lang: str):
        from functools import lru_cache

        from nltk.stem.snowball import SnowballStemmer

        self._stem = lru_cache(maxsize=None)(SnowballStemmer(SUMY_LANGUAGES[lang]).stem)

    def tokenize(self, text: str) -> list[str]:
        return [self._stem(w) for w in self._WORD.findall(text.lower())
                if len(w) > 1 or w.isdigit()]


class _SumyTokenizer:
    """The word splitter sumy's Sentence objects call; no NLTK data download needed."""

    _WORD = re.compile(r"[^\W_]+", re.UNICODE)

    def to_words(self, text: str) -> list[str]:
        return self._WORD.findall(text)


def scorer(lang: str, metrics: Sequence[str] = METRICS):
    try:
        from rouge_score import rouge_scorer
    except ImportError:  # pragma: no cover - depends on the installation
        raise BriefgenError("ROUGE evaluation needs the eval extra: pip install 'briefgen[eval]'"
                            ) from None
    tokenizer = None if lang == "en" else UnicodeTokenizer(lang)
    return rouge_scorer.RougeScorer(list(metrics), use_stemmer=True, tokenizer=tokenizer)


def outputs(release: Release, settings: Settings, systems: Sequence[str] = SYSTEMS
            ) -> dict[tuple[str, str], list[str]]:
    """(target, system) -> the sentences that system gives, all from the statements only.

    Budget: briefgen's word count (per statement for the summaries, in all for the key
    points).  Every baseline starts from as many sentences as briefgen chose, takes its own
    next-ranked ones while it is short of the budget, and is cut to the budget (DUC-style),
    so all systems are compared at the same length: briefgen's compressed sentences are
    shorter, and a baseline held to briefgen's number of sentences came out 4-7 % shorter,
    which F1 rewards when the outputs are longer than the lead.
    """
    from ..compose import compose, delegation_names
    from ..issues import find_issues
    from ..summarize import summarize_release
    from ..summarize.extractive import corpus_model

    release = without_lead(release)
    units = corpus_model(release).units
    statements = [s for s in release.statements if units.get(s.index)]
    lang = release.meeting.language
    settings = dataclasses.replace(settings, lang=lang)  # the note in the release's language
    summaries = summarize_release(release, settings)
    analysis = find_issues(release, settings)
    briefing = compose(release, summaries, analysis, settings)
    names = delegation_names(briefing)
    points = [_as_shown(b, names) for b in briefing.key_points]
    ours = [[b.text for b in summaries.get(s.index, ())] for s in statements]
    texts = [[u.text for u in units[s.index]] for s in statements]
    pooled = [t for ts in texts for t in ts]
    picks = {"lead": lambda sentences, n: list(sentences[:n])}
    picks.update({name: (lambda sentences, n, name=name: sumy_summary(name, sentences, n, lang))
                  for name in ("lexrank", "textrank")})
    result = {("summaries", "briefgen"): [t for ts in ours for t in ts],
              ("key_points", "briefgen"): points}
    for system in (s for s in systems if s in picks):
        pick = picks[system]
        result[("summaries", system)] = [
            t for ts, mine in zip(texts, ours) for t in _budgeted(pick, ts, mine)]
        firsts = [ts[0] for ts in texts] if system == "lead" else pooled
        result[("key_points", system)] = _budgeted(pick, firsts, points)
    return result


def _as_shown(point: Bullet, names: dict[str, str]) -> str:
    """A key point as the note shows it: a speaker's words after the speaker's name (the
    templates write "**Norway** — Her delegation voted …"), so that a compressed sentence,
    which leaves the name to the template, is scored on what the reader sees."""
    who = point.speaker or (names.get(point.delegation_key) if point.delegation_key else None)
    return f"{who} — {point.text}" if who else point.text


def _budgeted(pick, sentences: Sequence[str], budget: Sequence[str]) -> list[str]:
    """`pick`'s first len(budget) sentences, and its next-ranked ones while they hold fewer
    words than `budget`, cut to as many words as `budget` has."""
    wanted = sum(len(t.split()) for t in budget)
    count = len(budget)
    chosen = pick(sentences, count)
    while count < len(sentences) and sum(len(t.split()) for t in chosen) < wanted:
        count += 1
        chosen = pick(sentences, count)
    return _within(chosen, budget)


def without_lead(release: Release) -> Release:
    """The release as every system sees it: no lead paragraphs at all, so nothing (issue
    discovery included, which otherwise reads the lead for reported divergences) can copy
    from the reference."""
    return dataclasses.replace(release, lead=(), paragraphs=tuple(
        p for p in release.paragraphs if p.kind != LEAD))


def _within(sentences: Sequence[str], budget: Sequence[str]) -> list[str]:
    """`sentences` cut to as many words as `budget` has (DUC-style truncation)."""
    left = sum(len(t.split()) for t in budget)
    out = []
    for sentence in sentences:
        if left <= 0:
            break
        tokens = sentence.split()
        out.append(" ".join(tokens[:left]))
        left -= len(tokens)
    return out


def sumy_summary(system: str, sentences: Sequence[str], count: int, lang: str) -> list[str]:
    """sumy's pick of `count` of these exact sentences, in their order."""
    if count <= 0 or not sentences:
        return []
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    tokenizer = _SumyTokenizer()
    objects = [Sentence(text, tokenizer) for text in sentences]
    document = ObjectDocumentModel([Paragraph(objects)])
    language = SUMY_LANGUAGES[lang]
    cls = LexRankSummarizer if system == "lexrank" else TextRankSummarizer
    summarizer = cls(Stemmer(language))
    summarizer.stop_words = get_stop_words(language)
    picked = {id(s) for s in summarizer(document, count)}
    return [text for text, obj in zip(sentences, objects) if id(obj) in picked]


def score_release(release: Release, settings: Settings | None = None, *,
                  systems: Sequence[str] = SYSTEMS, metrics: Sequence[str] = METRICS
                  ) -> ReleaseScores:
    """ROUGE F1 of each system on both targets.  Fewer systems or metrics make it faster
    (ROUGE-L's pure-Python LCS table is the slow part), which the regression test uses."""
    settings = settings or Settings()
    reference = "\n".join(release.paragraph(pid).text for pid in release.lead)
    if not reference.strip():
        raise BriefgenError(f"{release.name}: no lead paragraphs to compare with")
    rouge = scorer(release.meeting.language, metrics)
    produced = {key: value for key, value in outputs(release, settings, systems).items()
                if key[1] in systems}
    scores = {}
    for (target, system), sentences in produced.items():
        result = rouge.score(reference, "\n".join(sentences))
        scores[(target, system)] = {m: result[m].fmeasure for m in metrics}
    sentences = {t: len(produced[(t, "briefgen")]) for t in TARGETS}
    return ReleaseScores(release.name, release.meeting.language, sentences, scores)


def evaluate(paths: Iterable[str | Path], settings: Settings | None = None) -> list[ReleaseScores]:
    """Scores of every release that has a lead to compare with; the others are named on the
    log and skipped, so one odd file does not stop a corpus run."""
    from ..pipeline import parse_source

    results = []
    for path in paths:
        release = parse_source(path)
        if release.lead:
            results.append(score_release(release, settings))
        else:
            log.warning("%s: no lead paragraphs found, not evaluated", path)
    return results


def average(results: Sequence[ReleaseScores]) -> dict[tuple[str, str], dict[str, float]]:
    keys = results[0].scores if results else {}
    return {key: {m: sum(r.scores[key][m] for r in results) / len(results) for m in METRICS}
            for key in keys}


def markdown(results: Sequence[ReleaseScores]) -> str:
    """One table per target: rows are releases and the average, columns system × metric."""
    blocks = []
    for target in TARGETS:
        head = ["release", "n"] + [f"{s} R1/R2/RL" for s in SYSTEMS]
        rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for r in results:
            rows.append(_row(f"{r.name} ({r.lang})", str(r.sentences[target]), r.scores, target))
        if results:
            rows.append(_row("**average**", "", average(results), target))
        blocks.append(f"**{target.replace('_', ' ')}** (ROUGE F1 × 100)\n\n" + "\n".join(rows))
    return "\n\n".join(blocks)


def _row(label: str, count: str, scores, target: str) -> str:
    cells = ["/".join(f"{100 * scores[(target, system)][m]:.1f}" for m in METRICS)
             for system in SYSTEMS]
    return "| " + " | ".join([label, count] + cells) + " |"
