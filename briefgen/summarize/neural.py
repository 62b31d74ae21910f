"""Abstractive summaries from a local seq2seq model, guarded by the faithfulness check.

A model may write fluent sentences that put a number, a name or a claim in a delegation's
mouth that it never said.  So every generated sentence goes through the same check as the
extractive summaries (names, numbers and symbols must appear in the statement, its words must
come from it), and a sentence that fails is replaced by the extractive sentence in its place,
marked `fallback`.  The note can therefore only be as unfaithful as the extractive path.

Efficiency: the model is loaded once per run (`models.load` caches it), every chunk of every
statement of the release goes through `generate()` in batches sorted by length, and long
statements are cut on sentence boundaries into chunks that fit the model's input, so no
sentence is ever silently dropped.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .. import models
from ..errors import BriefgenError
from ..model import FALLBACK, NEURAL, Bullet, Release, Statement
from ..settings import Settings

log = logging.getLogger(__name__)

TOKENS_PER_SENTENCE = 48  # output budget per summary sentence asked of a chunk
CONTENT_LETTERS, STEM, MAX_NEW_WORDS = 4, 5, 1 / 3  # see unsupported()
MIN_WORDS = 4  # a shorter "sentence" is a fragment, not a summary
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Chunk:
    """Consecutive sentences of one statement that fit the model's input together."""

    statement: int  # position in the list given to summarize()
    pieces: tuple[tuple[str, str], ...]  # (paragraph id, sentence)

    @property
    def text(self) -> str:
        return " ".join(sentence for _, sentence in self.pieces)


def pack(lengths: Sequence[int], limit: int) -> list[list[int]]:
    """Greedy packing of consecutive items (by token length) into groups within `limit`.

    Order is kept so that a chunk reads as the statement did; an item longer than the limit
    gets a group of its own (the caller splits it before).
    """
    groups: list[list[int]] = []
    used = 0
    for i, length in enumerate(lengths):
        if groups and used + length <= limit:
            groups[-1].append(i)
            used += length
        else:
            groups.append([i])
            used = length
    return groups


def chunk_statement(position: int, statement: Statement, lang: str,
                    length: Callable[[str], int], limit: int) -> list[Chunk]:
    """The statement's sentences, with their paragraph ids, packed into chunks of `limit`."""
    from ..sentences import split_sentences

    pieces = [(passage.pid, part) for passage in statement.passages
              for sentence in split_sentences(passage.text, lang)
              for part in models.fit(sentence, length, limit)]
    groups = pack([length(sentence) for _, sentence in pieces], limit)
    return [Chunk(position, tuple(pieces[i] for i in group)) for group in groups]


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def trace(sentence: str, chunk: Chunk) -> tuple[str, ...]:
    """The paragraphs of the chunk a generated sentence draws on: a greedy cover of its words
    by the chunk's paragraphs, in reading order (the whole chunk when nothing overlaps)."""
    wanted = _words(sentence)
    by_pid: dict[str, set[str]] = {}
    for pid, text in chunk.pieces:
        by_pid.setdefault(pid, set()).update(_words(text))
    chosen: list[str] = []
    while wanted:
        pid, gain = max(((p, len(wanted & w)) for p, w in by_pid.items() if p not in chosen),
                        key=lambda item: item[1], default=(None, 0))
        if pid is None or gain == 0:
            break
        chosen.append(pid)
        wanted -= by_pid[pid]
    order = list(by_pid)
    return tuple(sorted(chosen, key=order.index)) or tuple(order)


def degenerate(text: str) -> list[str]:
    """Problems no faithfulness rule catches but no reader accepts: loops, fragments."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return ["too short to be a summary sentence"]
    return ["repeats itself"] if models.looping(text) else []


def unsupported(text: str, source: str) -> list[str]:
    """Content words of a generated sentence that the statement never uses.

    check_bullet(abstractive=True) guards names, numbers and symbols; this guards the rest of
    the claim.  Words match on their first STEM letters so that inflection (`urged`/`urges`,
    `préoccupé`/`préoccupation`) is allowed, and up to a third of them may be new (connectives
    a paraphrase needs); beyond that the sentence says something the statement did not.
    """
    stems = {w[:STEM] for w in _WORD.findall(source.lower()) if len(w) >= CONTENT_LETTERS}
    content = [w for w in _WORD.findall(text.lower())
               if len(w) >= CONTENT_LETTERS and not w.isdigit()]
    missing = [w for w in content if w[:STEM] not in stems]
    if content and len(missing) > len(content) * MAX_NEW_WORDS:
        return [f"words not in the statement: {', '.join(dict.fromkeys(missing))}"]
    return []


def pick(outputs: Sequence[Sequence[str]], count: int) -> list[tuple[int, str]]:
    """Up to `count` sentences from the chunks' outputs, taken in turn from each chunk so that
    a long statement's later parts are represented, returned in reading order."""
    chosen: list[tuple[int, int, str]] = []
    depth = 0
    while len(chosen) < count and any(depth < len(o) for o in outputs):
        for c, sentences in enumerate(outputs):
            if depth < len(sentences) and len(chosen) < count:
                chosen.append((c, depth, sentences[depth]))
        depth += 1
    return [(c, s) for c, _, s in sorted(chosen)]


class NeuralSummarizer:
    """Summarizer backend over a local seq2seq model (BART, T5, mT5, ...)."""

    def __init__(self, settings: Settings):
        if not settings.summarizer_model:
            raise BriefgenError("--summarizer neural needs a model: pass --summarizer-model "
                                "PATH_OR_ID (see `briefgen models list`)")
        # Fail now, in a fraction of a second, not after the release is parsed and summarized.
        models.resolve(settings.summarizer_model, "--summarizer-model")
        models.require_torch()
        self.settings = settings

    def summarize(self, statements: Sequence[Statement], release: Release, budget: int
                  ) -> list[tuple[Bullet, ...]]:
        from .extractive import ExtractiveSummarizer

        extractive = ExtractiveSummarizer(self.settings).summarize(statements, release, budget)
        if not statements:
            return extractive
        loaded = models.load(self.settings.summarizer_model, self.settings.device)
        lang = release.meeting.language
        prefix = _task_prefix(loaded.model.config)
        special = loaded.token_lengths([""])[0]  # eos (T5, Marian) or bos+eos (BART)
        limit = max(8, int((loaded.max_input - loaded.token_lengths([prefix])[0]) * 0.95))

        def length(text: str) -> int:  # the 5% above: joined sentences re-tokenize a little
            return loaded.token_lengths([text])[0] - special

        chunks = [chunk for position, statement in enumerate(statements)
                  for chunk in chunk_statement(position, statement, lang, length, limit)]
        texts = [prefix + chunk.text for chunk in chunks]
        _report_coverage(loaded, statements, chunks, texts)
        generated = models.generate(loaded, texts, lambda _: min(
            loaded.max_input, TOKENS_PER_SENTENCE * budget))
        results = [guard(i, statement, release, budget, chunks, generated, extractive[i])
                   for i, statement in enumerate(statements)]
        origins = [b.origin for bullets in results for b in bullets]
        log.info("neural summarizer: %d sentences kept, %d replaced by the extractive sentence "
                 "(faithfulness guard)", origins.count(NEURAL), origins.count(FALLBACK))
        return results


def guard(position: int, statement: Statement, release: Release, budget: int,
          chunks: Sequence[Chunk], generated: Sequence[str],
          fallback: tuple[Bullet, ...]) -> tuple[Bullet, ...]:
    """The statement's neural sentences, each replaced by the extractive sentence in its
    place when the faithfulness guard rejects it."""
    from ..sentences import split_sentences
    from .faithfulness import check_bullet

    lang = release.meeting.language
    mine = [(chunk, text) for chunk, text in zip(chunks, generated)
            if chunk.statement == position]
    outputs = [split_sentences(text, lang) if text else [] for _, text in mine]
    count = len(fallback) or budget
    bullets: list[Bullet] = []
    for slot, (c, sentence) in enumerate(pick(outputs, count)):
        bullet = Bullet(sentence.strip(), trace(sentence, mine[c][0]),
                        statement.delegation_key, lang, NEURAL)
        problems = (degenerate(bullet.text) or unsupported(bullet.text, statement.text)
                    or check_bullet(bullet, statement, release, abstractive=True))
        if not problems:
            bullets.append(bullet)
        elif slot < len(fallback):
            log.debug("statement %d: neural sentence rejected (%s): %r", statement.index,
                      "; ".join(problems), bullet.text)
            bullets.append(_as_fallback(fallback[slot]))
    return tuple(bullets) if bullets else tuple(_as_fallback(b) for b in fallback)


def _as_fallback(bullet: Bullet) -> Bullet:
    from dataclasses import replace

    return replace(bullet, origin=FALLBACK)


def _task_prefix(config) -> str:
    """T5-style models expect `summarize: ` before the input; their config says so."""
    params = getattr(config, "task_specific_params", None) or {}
    return (params.get("summarization") or {}).get("prefix", "")


def _report_coverage(loaded: models.LoadedModel, statements: Sequence[Statement],
                     chunks: Sequence[Chunk], texts: Sequence[str]) -> None:
    """How much of the input the model actually reads, for --verbose: long statements are
    chunked, so this should be 100%; anything less is said, never hidden."""
    lengths = loaded.token_lengths(texts)
    total = sum(lengths)
    covered = sum(min(n, loaded.max_input) for n in lengths)
    per_statement: dict[int, int] = {}
    for chunk in chunks:
        per_statement[chunk.statement] = per_statement.get(chunk.statement, 0) + 1
    split = sum(1 for n in per_statement.values() if n > 1)
    log.info("neural summarizer: %d statements -> %d chunks (%d statements split to fit %d "
             "tokens); input covered: %d of %d tokens (%.1f%%)", len(statements), len(chunks),
             split, loaded.max_input, covered, total, 100.0 * covered / max(total, 1))
