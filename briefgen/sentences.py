"""Sentence splitting that respects how UN releases are written.

pysbd does the general work (decimals, most abbreviations, lists); a few merge rules fed by
the language table then undo the breaks that would cut a speaker's name or a quotation in
two: after an honorific or title ("M.", "MM.", "S. E.", "Mr.", "H.E."), after an initial
("T. S. TIRUMURTI"), between the digit groups of "3 800", and anywhere inside a « … » or
“…” quotation that closes in the same paragraph, so a quoted passage stays one sentence with
its attribution.  Sentences are always exact substrings of the input: callers keep offsets
to trace bullets back to the release.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen.errors import BriefgenError
from briefgen.languages import LANGUAGES, QUOTE_PAIRS, LanguageData

# Paragraphs are separated by a blank line (possibly holding spaces or NBSPs).
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
# A possible sentence end inside a paragraph; without one a paragraph is one sentence and
# pysbd need not run (it is the costly part of splitting).
_CANDIDATE_END = re.compile(r"[.!?…][\"'»”’)\]\s\u00a0\u202f]*\s\S")
# An initial: one capital letter and a period, alone as a word ("J." in "Jane J. Chigiyal").
_INITIAL = re.compile(r"(?:^|[\s(\-–])[^\W\d_]\.$")
# A short abbreviated part of a name written in capitals ("MANSOUR AYYAD SH. A. ALOTAIBI").
_CAPS_NAME_END = re.compile(r"(?:^|\s)[^\W\d_]{2,}\s+[^\W\d_]{1,3}\.$")
# A sentence never starts with these: the text goes on (", a dit M. X", "» a-t-il dit").
_CONTINUATION_START = tuple(",;:)]»”…")
# A quotation that ends a sentence, followed by a new one: `… réseau. » Le Secrétaire…`,
# `… has rules.” At this hour…`.  pysbd does not break there, so these are added as
# candidates (and then pass the same checks as pysbd's own).
_QUOTE_END = re.compile(r"[.!?…]\s*[»”\"]\s+(?=[«“\"]?\s*[^\W\d_])")
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})


def split_sentences(text: str, lang: str) -> list[str]:
    """The sentences of `text`, in order, each an exact substring of it."""
    return [text[start:end] for start, end in sentence_spans(text, lang)]


def sentence_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence of `text`, outer whitespace excluded.

    Blank lines always end a sentence: paragraphs are split one by one, which also lets the
    per-paragraph cache serve the parser, the summarizer and issue grouping alike.
    """
    data = _language(lang)
    spans: list[tuple[int, int]] = []
    for start, end in _paragraphs(text):
        spans.extend((start + s, start + e) for s, e in _paragraph_spans(text[start:end], data.code))
    return spans


def _language(lang: str) -> LanguageData:
    try:
        return LANGUAGES[lang]
    except KeyError:
        supported = ", ".join(sorted(LANGUAGES))
        raise BriefgenError(f"unsupported language {lang!r}: use one of {supported}") from None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-blank blocks of `text`, without their outer whitespace."""
    blocks, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        blocks.append((start, match.start()))
        start = match.end()
    blocks.append((start, len(text)))
    out = []
    for s, e in blocks:
        chunk = text[s:e]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            out.append((s + lead, s + lead + len(stripped)))
    return out


@lru_cache(maxsize=8)
def _segmenter(lang: str):
    import pysbd  # imported on first use: `briefgen --help` never pays for it

    segmenter = pysbd.Segmenter(language=lang, clean=False, char_span=False)
    segmenter.language_module = _quick_abbreviations(segmenter.language_module)
    return segmenter


def _quick_abbreviations(language: type) -> type:
    """pysbd's `language`, except that an abbreviation made of letters only ("mr", "st",
    "no") is looked for only in a text where it is followed by a period.

    pysbd rewrites nothing but that period (into its ∯ placeholder), yet it ran two regexes
    for every abbreviation whose letters occur anywhere in the text, which short ones do in
    almost every paragraph: 60 % of English splitting, 30 % of French.  Skipping the ones
    that cannot apply changes no result (checked on every paragraph of the corpus in both
    languages, and in tests/test_sentences.py).  Case folding covers the letters that
    pysbd's case-insensitive search also matches ("ſ" for "s").
    """
    from pysbd.abbreviation_replacer import AbbreviationReplacer

    base = getattr(language, "AbbreviationReplacer", AbbreviationReplacer)

    class Replacer(base):
        def search_for_abbreviations_in_string(self, text):
            folded = text.casefold()
            full = self.lang
            kept = [a for a in full.Abbreviation.ABBREVIATIONS
                    if not a.strip().isalpha() or f"{a.strip().casefold()}." in folded]
            self.lang = type(full.__name__, (full,), {
                "Abbreviation": type("Abbreviation", (full.Abbreviation,),
                                     {"ABBREVIATIONS": kept})})
            try:
                return super().search_for_abbreviations_in_string(text)
            finally:
                self.lang = full

    return type(language.__name__, (language,), {"AbbreviationReplacer": Replacer})


@lru_cache(maxsize=8192)
def _paragraph_spans(paragraph: str, lang: str) -> tuple[tuple[int, int], ...]:
    """Sentence offsets inside one stripped paragraph (cached: paragraphs recur across stages)."""
    if not _CANDIDATE_END.search(paragraph):
        return ((0, len(paragraph)),)
    data = LANGUAGES[lang]
    quotes = _quoted_spans(paragraph)
    candidates = {*_pysbd_starts(paragraph, lang)}
    candidates.update(m.end() for m in _QUOTE_END.finditer(paragraph))
    starts = [pos for pos in sorted(candidates) if _is_real_boundary(paragraph, pos, data, quotes)]
    bounds = [0, *starts, len(paragraph)]
    spans = []
    for s, e in zip(bounds, bounds[1:]):
        piece = paragraph[s:e]
        stripped = piece.rstrip()
        if stripped:
            spans.append((s, s + len(stripped)))
    return tuple(spans)


def _pysbd_starts(paragraph: str, lang: str) -> list[int]:
    """Where pysbd starts a new sentence, as offsets into `paragraph`.

    pysbd's own char spans re-search every sentence with a fresh regex, which dominates its
    run time; locating each piece with str.find from a moving cursor is exact and cheap.  A
    piece pysbd altered cannot be found: its boundary is dropped (merging is the safe error).
    """
    starts, cursor = [], 0
    for piece in _pysbd_pieces(paragraph, lang):
        needle = piece.strip()
        if not needle:
            continue
        found = paragraph.find(needle, cursor)
        if found < 0:
            continue
        if found > 0:
            starts.append(found)
        cursor = found + len(needle)
    return starts


def _pysbd_pieces(paragraph: str, lang: str) -> list[str]:
    """What `Segmenter.segment` returns (clean=False), without its per-sentence regex.

    segment() finds each sentence in the text with a freshly compiled `escape(sentence)\\s*`
    (one compile per sentence, most of the cold cost of splitting); str.find over the same
    non-overlapping occurrences, whitespace run included, gives the same pieces.
    """
    segmenter = _segmenter(lang)
    sentences = segmenter.processor(paragraph).process()
    if not all(sentences):  # an empty match has regex-only semantics: let pysbd do it
        return segmenter.segment(paragraph)
    pieces, prior_end = [], 0
    for sentence in sentences:
        found = paragraph.find(sentence)
        while found >= 0:
            end = found + len(sentence)
            while end < len(paragraph) and paragraph[end].isspace():
                end += 1
            if end > prior_end:  # pysbd keeps the first occurrence ending past the last piece
                pieces.append(paragraph[found:end])
                prior_end = end
                break
            found = paragraph.find(sentence, end)
    return pieces


def _quoted_spans(paragraph: str) -> list[tuple[int, int]]:
    """(open, close) offsets of the quotations that close inside the paragraph.

    A quotation left open continues in the next paragraph (press-release convention), so it
    protects nothing here: otherwise the rest of the paragraph would become one sentence.
    """
    openers = {o: c for o, c in QUOTE_PAIRS}
    closers = {c for _, c in QUOTE_PAIRS}
    stack: list[tuple[str, int]] = []
    spans = []
    straight_open: int | None = None
    for i, ch in enumerate(paragraph):
        if ch in openers:
            stack.append((openers[ch], i))
        elif ch in closers:
            while stack and stack[-1][0] != ch:
                stack.pop()  # an unclosed inner quote ends with its outer one
            if stack:
                spans.append((stack.pop()[1], i))
        elif ch == '"':
            if straight_open is None:
                straight_open = i
            else:
                spans.append((straight_open, i))
                straight_open = None
    return spans


def _is_real_boundary(
    paragraph: str, pos: int, data: LanguageData, quotes: list[tuple[int, int]]
) -> bool:
    """False where pysbd broke a name, a number or a quotation that must stay whole."""
    left = paragraph[:pos].rstrip().translate(_SPACES)
    right = paragraph[pos:]
    if not left or not right:
        return False
    first = right[0]
    if first.islower() or right.startswith(_CONTINUATION_START):
        return False
    if left[-1].isdigit() and first.isdigit():
        return False
    if any(open_ < pos <= close for open_, close in quotes):
        return False
    if _INITIAL.search(left) and left[-2].isupper():
        return False
    caps = _CAPS_NAME_END.search(left)
    if caps and caps.group().isupper() and right.split(maxsplit=1)[0].isupper():
        return False
    return not any(_ends_with_word(left, abbr) for abbr in data.non_final_abbreviations)


def _ends_with_word(text: str, word: str) -> bool:
    """`text` ends with `word`, which starts a word of its own (not "Hamm." for "M.")."""
    if not text.endswith(word):
        return False
    before = len(text) - len(word) - 1
    return before < 0 or not text[before].isalnum()
