"""Votes recorded in a release: which text, how it fared, the counts, who voted how.

    find_votes(paragraphs, lang) -> tuple[Vote, ...]

Releases record a decision in one sentence of a few fixed shapes ("adopted resolution 2774
(2025) by a vote of 10 in favour to 2 against (Norland, Sudland), with 3 abstentions",
"par 120 voix pour, 14 voix contre et 45 abstentions", "adopted ... without a vote", "was
vetoed by Norland"), in the lead, a structure paragraph or inside a statement's paragraph.
A sentence is a record only when it has that shape (counts with a verb of decision, a vote
without a vote, a veto by a named delegation): a delegation saying it "voted in favour" is a
stance, read by issue grouping, not a record.  A sentence that only says who abstained or
voted against ("Norland and Sudland abstained") completes the record just before it in the
same paragraph.  Names are kept only when every name of a list resolves to a delegation:
no key is better than a wrong one.

Patterns are per-language tables; to add a language, add its entries.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .delegations import resolve
from .model import ADOPTED, FAILED, REJECTED, Paragraph, Vote
from .sentences import sentence_spans

_NUMBER = r"(\d{1,3})"
_NAMES = r"(?:\s*\((?P<names>[^()]{2,400})\))?"

_PATTERNS: dict[str, dict[str, str]] = {
    "en": {
        "in_favour": rf"\b{_NUMBER}\s+(?:votes?\s+)?in\s+favou?r\b{_NAMES}"
                     rf"|\bsupport\s+(?:from|of)\s+{_NUMBER}\s+members\b",
        "against": rf"\b{_NUMBER}\s+(?:votes?\s+)?against\b{_NAMES}|\b(?P<none>none)\s+against\b",
        "abstentions": rf"\b{_NUMBER}\s+abstentions?\b{_NAMES}|\b(?P<none>no)\s+abstentions\b",
        "adopted": r"\b(?:adopted|approved)\b",
        "rejected": r"\brejected\b",
        "failed": r"\bfail(?:ed|ing)\b|\bnot\s+(?:been\s+)?adopted\b|\bvetoe?d?\b|\btwo[- ]thirds\b",
        "without_vote": r"\bwithout\s+a\s+vote\b|\bby\s+consensus\b",
        "vetoed_by": r"\bvetoed\s+by\s+(?P<names>.+?)(?=[,;.]|\s+(?:and|but|while|which)\b|$)",
        # "<names> (all) abstained / voted against / voted in favour": the list opens the sentence.
        "list_vote": r"^(?P<names>[A-Z][^.;:]{1,300}?)\s+(?:all\s+|both\s+|also\s+)?"
                     r"(?P<how>abstained|voted\s+against|voted\s+in\s+favou?r|vetoed)\b",
        "document": r"\(document\s+(?P<doc>[^()]+)\)|\b(?P<doc2>resolution\s+\d{1,4}\s*\(\d{4}\))"
                    r"|[“\"](?P<doc3>[A-Z]{1,3}\.\d+(?:/Rev\.\d+)?)[”\"]",
        "title": r"\b(?:titled|entitled)\s+[“\"](?P<title>[^”\"]{3,300})[”\"]",
        "and": r"\s*,\s*(?:and\s+)?|\s+and\s+",
        "article": r"^(?:the)\s+",
    },
    "fr": {
        "in_favour": rf"\b{_NUMBER}\s+voix\s+pour\b{_NAMES}",
        "against": rf"\b{_NUMBER}\s+(?:voix\s+)?contre\b{_NAMES}",
        "abstentions": rf"\b{_NUMBER}\s+abstentions?\b{_NAMES}",
        "adopted": r"\badopt[ée]e?s?\b|\ba\s+adopté\b",
        "rejected": r"\brejet[ée]e?s?\b|\ba\s+rejeté\b",
        "failed": r"\bn[’']a\s+pas\s+(?:pu\s+)?(?:été\s+)?adopt|\bveto\b|\bdeux\s+tiers\b|\béchou",
        "without_vote": r"\bsans\s+(?:le\s+mettre\s+aux\s+voix|vote)\b|\bpar\s+consensus\b",
        "vetoed_by": r"\bveto\s+(?:de|du|de\s+la|de\s+l[’'])\s*(?P<names>.+?)(?=[,;.]|\s+(?:et|mais|qui)\b|$)",
        "list_vote": r"^(?P<names>[A-ZÀ-Ý][^.;:]{1,300}?)\s+(?:se\s+sont|s[’']est)\s+"
                     r"(?P<how>abstenue?s?)\b|^(?P<names2>[A-ZÀ-Ý][^.;:]{1,300}?)\s+(?:ont|a)\s+"
                     r"(?P<how2>voté\s+contre|voté\s+pour)\b",
        "document": r"\((?:document\s+)?(?P<doc>[A-Z]{1,3}/[^()\s]+)\)"
                    r"|\b(?P<doc2>résolution\s+\d{1,4}\s*\(\d{4}\))"
                    r"|[«“\"]\s*(?P<doc3>[A-Z]{1,3}\.\d+(?:/Rev\.\d+)?)\s*[»”\"]",
        "title": r"\bintitulée?\s+[«“\"]\s*(?P<title>[^»”\"]{3,300}?)\s*[»”\"]",
        "and": r"\s*,\s*(?:et\s+)?|\s+et\s+",
        "article": r"^(?:le|la|les|l[’'])\s*",
    },
}
# What was put to the vote, most specific first.
_SUBJECTS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("amendment", r"\bamendments?\b"), ("resolution", r"\b(?:draft\s+)?resolutions?\b"),
           ("decision", r"\b(?:draft\s+)?decisions?\b"), ("text", r"\b(?:the\s+)?(?:draft|text)\b")),
    "fr": (("amendment", r"\bamendements?\b"), ("resolution", r"\brésolutions?\b"),
           ("decision", r"\bdécisions?\b"), ("text", r"\b(?:projet|texte)\b")),
}
_HOW = {"abstained": "abstaining", "abstenu": "abstaining", "against": "voted_against",
        "contre": "voted_against", "vetoed": "voted_against", "favour": "voted_for",
        "favor": "voted_for", "pour": "voted_for"}


@lru_cache(maxsize=4)
def _res(lang: str) -> dict[str, re.Pattern[str]]:
    table = _PATTERNS.get(lang, _PATTERNS["en"])
    flags = {"list_vote": 0}  # a capital opens the list: case matters there
    return {name: re.compile(p, flags.get(name, re.IGNORECASE)) for name, p in table.items()}


def find_votes(paragraphs: tuple[Paragraph, ...] | list[Paragraph], lang: str
               ) -> tuple[Vote, ...]:
    res = _res(lang)
    votes: list[Vote] = []
    for paragraph in paragraphs:
        if not any(res[k].search(paragraph.text) for k in
                   ("in_favour", "against", "abstentions", "without_vote", "failed", "list_vote")):
            continue  # most paragraphs: no sentence split needed
        last: Vote | None = None
        for start, end in sentence_spans(paragraph.text, lang):
            sentence = paragraph.text[start:end]
            vote = _record(sentence, paragraph.pid, lang)
            if vote:
                votes.append(vote)
                last = vote
            elif last and (names := _listed_voters(sentence, lang)):
                votes[-1] = last = _with_names(last, sentence, names)
    return tuple(votes)


def _record(sentence: str, pid: str, lang: str) -> Vote | None:
    res = _res(lang)
    counts, names = {}, {}
    for field in ("in_favour", "against", "abstentions"):
        m = res[field].search(sentence)
        if m:
            groups = m.groupdict()
            counts[field] = 0 if groups.get("none") else \
                int(next(g for g in m.groups() if g and g.isdigit()))
            listed = groups.get("names")
            names[_field_keys(field)] = _keys(listed, lang) if listed else ()
    veto = res["vetoed_by"].search(sentence)
    if veto and (keys := _keys(veto.group("names"), lang)):
        names["voted_against"] = tuple(dict.fromkeys(names.get("voted_against", ()) + keys))
    else:
        veto = None
    without = bool(res["without_vote"].search(sentence))
    adopted = bool(res["adopted"].search(sentence))
    decided = adopted or res["rejected"].search(sentence) or res["failed"].search(sentence)
    if not ((counts and decided) or (without and adopted) or veto):
        return None
    listed = _listed_voters(sentence, lang)
    for field, keys in listed.items():
        names[field] = tuple(dict.fromkeys(names.get(field, ()) + keys))
    return Vote(pid=pid, text=sentence, outcome=_outcome(sentence, counts, bool(veto), lang),
                subject=_subject(sentence, lang), document=_document(sentence, lang),
                title=_title(sentence, lang), without_vote=without and not counts,
                in_favour=counts.get("in_favour"), against=counts.get("against"),
                abstentions=counts.get("abstentions"), **{k: v for k, v in names.items() if v})


def _field_keys(count_field: str) -> str:
    return {"in_favour": "voted_for", "against": "voted_against",
            "abstentions": "abstaining"}[count_field]


def _outcome(sentence: str, counts: dict[str, int], veto: bool, lang: str) -> str:
    """Failed when the release says so (a veto, a two-thirds majority not reached) or when a
    text with more votes for than against was not adopted; rejected when outvoted."""
    res = _res(lang)
    more_for = counts.get("in_favour", 0) > counts.get("against", 0)
    if veto or res["failed"].search(sentence):
        return FAILED
    if res["rejected"].search(sentence):
        return FAILED if more_for else REJECTED
    return ADOPTED


def _listed_voters(sentence: str, lang: str) -> dict[str, tuple[str, ...]]:
    """"Norland and Sudland abstained" -> {"abstaining": ("NL", "SL")}, every name resolved."""
    m = _res(lang)["list_vote"].match(sentence)
    if not m:
        return {}
    groups = m.groupdict()
    written, how = (groups["names"], groups["how"]) if groups.get("names") else \
        (groups.get("names2"), groups.get("how2"))
    keys = _keys(written, lang) if written else ()
    if not keys:
        return {}
    field = next(v for k, v in _HOW.items() if k in how.casefold())
    return {field: keys}


def _keys(written: str, lang: str) -> tuple[str, ...]:
    """Delegation keys of a list of names, or () when any of them is not a delegation."""
    res = _res(lang)
    keys = []
    for part in res["and"].split(written.strip()):
        name = res["article"].sub("", part.strip())
        delegation = resolve(name, lang) if name else None
        if delegation is None:
            return ()
        keys.append(delegation.key)
    return tuple(dict.fromkeys(keys))


def _with_names(vote: Vote, sentence: str, names: dict[str, tuple[str, ...]]) -> Vote:
    merged = {k: tuple(dict.fromkeys(getattr(vote, k) + v)) for k, v in names.items()}
    return replace(vote, text=f"{vote.text} {sentence}", **merged)


def _subject(sentence: str, lang: str) -> str:
    for subject, pattern in _SUBJECTS.get(lang, _SUBJECTS["en"]):
        if re.search(pattern, sentence, re.IGNORECASE):
            return subject
    return ""


def _document(sentence: str, lang: str) -> str | None:
    m = _res(lang)["document"].search(sentence)
    return next((g for g in m.groups() if g), None) if m else None


def _title(sentence: str, lang: str) -> str | None:
    m = _res(lang)["title"].search(sentence)
    return m.group("title") if m else None
