"""Vocabulary tables for issue grouping, loaded once: topics, places, labels, stance cues.

All of it is data in `briefgen/data/issue_*.toml` so that a newsroom can extend a topic or a
language without touching the code; this module only compiles it.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from briefgen.delegations import resolve, resolve_adjective
from briefgen.tables import load_table

from .text import cased_fold, fold

FLAGS = re.IGNORECASE


def compile_terms(patterns: list[str]) -> re.Pattern[str] | None:
    """One alternation for a list of regexes, matched on folded text."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), FLAGS) if patterns else None


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    labels: dict[str, str]
    place_labels: dict[str, str]
    terms: re.Pattern[str]
    generic: bool
    needs_framing: bool
    votes: bool
    situation: bool
    proposition: bool
    act: dict[str, dict[str, str]]  # "label" / "object" -> lang -> template


@lru_cache(maxsize=4)
def topics(lang: str) -> tuple[Topic, ...]:
    return tuple(
        Topic(id=t["id"], labels=t["label"], place_labels=t.get("label_place", {}),
              terms=compile_terms(t["terms"][lang]), generic=t.get("generic", False),
              needs_framing=t.get("needs_framing", False), votes=t.get("votes", False),
              situation=t.get("situation", False), proposition=t.get("proposition", False),
              act={k: t[k] for k in ("act", "act_object") if k in t})
        for t in load_table("issue_topics.toml")["topic"]
        if t["terms"].get(lang)
    )


@dataclass(frozen=True, slots=True)
class StanceCues:
    supports: re.Pattern[str]
    concerned: re.Pattern[str]
    conditions: re.Pattern[str]  # "must respect human rights": a concern, a weaker one
    neutral: re.Pattern[str]
    strong_supports: re.Pattern[str]
    strong_concerned: re.Pattern[str]
    strong_neutral: re.Pattern[str]
    negation: re.Pattern[str]
    divergence: re.Pattern[str]
    vote_split: re.Pattern[str]
    actions: re.Pattern[str]  # nouns naming the action at stake on a place issue
    accusation: re.Pattern[str]  # "the invasion", "the aggressor": the party's action as a wrong
    not_agent: re.Pattern[str]  # before a name that undergoes the action ("the invasion of")
    harmed: re.Pattern[str]  # a verb of harm right before the name it is done to ("displace the")
    against: re.Pattern[str]  # right before a name that is opposed ("struggle against Israel")
    people: re.Pattern[str] | None  # a name that is a people ("Palestinians", "Ukrainian children")
    people_before: re.Pattern[str]  # before such a name ("the people of", "peuple")
    restraint: re.Pattern[str]  # dialogue, restraint, all parties: a neutral stance
    failure: re.Pattern[str]  # a text blocked or vetoed
    authorship: re.Pattern[str]  # a delegation wrote the text
    valued: re.Pattern[str]  # "important", "essential": support only when said of the target
    content: re.Pattern[str]  # "calls upon", "demands": what a text says follows
    backing: re.Pattern[str]  # "solidarity", "sovereignty": backing a party named with it
    calls: re.Pattern[str]  # "called for": support for a measure
    denial: re.Pattern[str]  # "dismissing the allegation of ...": defence of whom it names
    reported: re.Pattern[str]  # "according to", "so-called": others' words follow
    relief: re.Pattern[str]  # aid, supplies, worshippers: welcoming them is no side
    nationals: re.Pattern[str]  # "his country's students": concern for them is no side
    demands: re.Pattern[str]  # "withdraw", "cease": what a call on the party asks it to do
    claim: re.Pattern[str]  # "right": a delegation naming itself with it claims its own right
    disputed: re.Pattern[str]  # "so-called right", "prétendu droit": the right is disputed
    clause_start: re.Pattern[str]  # contrast / concessive / frame word opening a clause
    clause_split: re.Pattern[str]  # where a sentence's clauses meet


@lru_cache(maxsize=4)
def stance_cues(lang: str) -> StanceCues:
    """The table's evaluative words plus the language table's position verbs."""
    from briefgen.languages import LANGUAGES

    table = load_table("issue_stance.toml")[lang]
    data = LANGUAGES[lang]

    def verbs(phrases: tuple[str, ...]) -> list[str]:
        return [r"\b" + re.escape(fold(p)) for p in phrases]

    negation = "|".join(re.escape(w) for w in table["negation"])
    sayings = "|".join(re.escape(fold(v)) for v in sorted(data.reporting_verbs, key=len,
                                                            reverse=True))
    coordination = "|".join(re.escape(w) for w in table["coordination"])
    openers = "|".join(rf"(?P<{kind}>{'|'.join(re.escape(w) for w in table[kind])})"
                       for kind in ("contrast", "concessive", "frame"))
    return StanceCues(
        supports=compile_terms(table["supports"] + verbs(data.support_verbs)),
        concerned=compile_terms(table["concerned"] + verbs(data.concern_verbs)),
        conditions=compile_terms(table["conditions"]),
        neutral=compile_terms(table["neutral"]),
        strong_supports=compile_terms(table["strong_supports"]),
        strong_concerned=compile_terms(table["strong_concerned"]),
        strong_neutral=compile_terms(table["strong_neutral"]),
        negation=re.compile(rf"(?:^|[\s(]|(?<=\w'))(?:{negation})(?=[\s,]|$)", FLAGS),
        divergence=compile_terms(table["divergence"]),
        vote_split=compile_terms(table["vote_split"]),
        actions=compile_terms(table["actions"]),
        accusation=compile_terms(table["accusation"]),
        not_agent=compile_terms(table["not_agent"]),
        harmed=compile_terms(table["harmed"]),
        against=compile_terms(table["against"]),
        people=compile_terms(table["people"]),
        people_before=compile_terms(table["people_before"]),
        restraint=compile_terms(table["restraint"]),
        failure=compile_terms(table["failure"]),
        authorship=compile_terms(table["authorship"]),
        valued=compile_terms(table["valued"]),
        content=compile_terms(table["content"]),
        backing=compile_terms(table["backing"]),
        calls=compile_terms(table["calls"]),
        denial=compile_terms(table["denial"]),
        reported=compile_terms(table["reported"]),
        relief=compile_terms(table["relief"]),
        nationals=compile_terms(table["nationals"]),
        demands=compile_terms(table["demands"]),
        claim=compile_terms(table["claim"]),
        disputed=compile_terms(table["disputed"]),
        clause_start=re.compile(rf"^\W*(?:{openers})\b", FLAGS),
        clause_split=re.compile(
            r"[;:()]|,\s|\s[-\u2013\u2014]\s|\u2014|\s(?=(?:"
            + "|".join(re.escape(w) for w in table["contrast"] + table["concessive"]) + r")\b)"
            + rf"|\s(?=(?:{coordination})\s+(?:{sayings})\b)", FLAGS),
    )


@lru_cache(maxsize=1)
def neutral_actors() -> frozenset[str]:
    """The forum and impartial bodies: never a party, backing them is no side."""
    return frozenset(load_table("issue_stance.toml")["neutral_actors"])


@lru_cache(maxsize=1)
def labels_table() -> dict:
    return load_table("issue_labels.toml")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    key: str  # "KZ", "org:CSTO", or a place slug from issue_places.toml ("gaza")


@lru_cache(maxsize=1)
def extra_places() -> dict[str, dict]:
    return load_table("issue_places.toml")["place"]


@lru_cache(maxsize=1)
def _parties() -> dict:
    return load_table("issue_parties.toml")


# After a capital, what makes it the name of something else ("Minsk agreements", "Paris
# Agreement", "Washington Post"): a capitalized word, or a word naming an agreement or process.
_NOT_GOVERNMENT = (r"(?!\s+(?:(?-i:[A-Z])|(?:agreements?|accords?|protocols?|process|format|"
                   r"declaration|convention|group|summit|talks|principles|memorandum|"
                   r"consensus|plan|peace)\b))")


@lru_cache(maxsize=4)
def _extra_places_re(lang: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One alternation over every place, armed group and capital name, longest first; group i
    names keys[i] (a place slug, "group:<slug>", or the capital's State)."""
    parties = _parties()
    names = [(re.escape(fold(n)), key) for key, place in extra_places().items()
             for n in place.get(lang, [])]
    names += [(re.escape(fold(n)), f"group:{key}") for key, group in parties["group"].items()
              for n in group.get(lang, [])]
    # Capitals are matched on the text as written (the case of the next word matters).
    names += [(f"(?-i:{re.escape(cased_fold(n))}){_NOT_GOVERNMENT}", key)
              for key, capital in parties["capital"].items() for n in capital.get(lang, [])]
    names.sort(key=lambda n: -len(n[0]))
    # One \b before the alternation rather than one in each name, and the names grouped by
    # their first letter behind a check of that letter: at each word the engine tries only
    # the names that can start there, in the same longest-first order (same matches; the
    # first-letter grouping made place matching 4x faster, the single \b 7x before that).
    by_first: dict[str, list[str]] = {}
    for i, (name, _) in enumerate(names):
        by_first.setdefault(_first_letter(name).lower(), []).append(f"(?P<g{i}>{name})")
    groups = "|".join(f"(?={re.escape(first)})(?:{'|'.join(alternatives)})"
                      for first, alternatives in by_first.items())
    return re.compile(f"\\b(?:{groups})\\b", FLAGS), tuple(key for _, key in names)


def _first_letter(pattern: str) -> str:
    """The first character an escaped name (possibly inside a (?-i:...) group) can match."""
    body = pattern.removeprefix("(?-i:")
    return body[1] if body.startswith("\\") else body[0]


# A name: a capitalized word, then more words that names are made of ("Fédération de Russie",
# "Émirats arabes unis", "United Republic of Tanzania"); a possessive ends it.
_NAME = re.compile(
    r"\b[A-ZÀ-ÖØ-Þ][\w'’.\-]*(?:\s+(?:(?:of|the|and|de|du|des|la|le|et|d[’'])\s*)?"
    r"[A-ZÀ-ÖØ-Þa-zß-öø-ÿ][\w'’\-]*){0,5}"
)
# A word; French elided articles ("l’OTSC", "d’Afghanistan") are words of their own.
_WORD = re.compile(r"\b(?:[ldjnsmtcLDJNSMTC]|[Qq]u)['’](?=[^\W\d_])|[^\W\d_][\w\-]*(?:['’]s\b)?")


_LONGEST = 5  # words in the longest name tried ("République démocratique populaire lao")
# Names end with a capitalized word, except State names opening with one of these words
# ("Émirats arabes unis", "République arabe syrienne"): only those are tried with a lower-case
# end, which keeps the number of lookups per sentence small.
_HEADS = frozenset({"republique", "emirats", "etat", "etats", "federation", "royaume"})


@lru_cache(maxsize=65536)
def _resolve(phrase: str, lang: str) -> str | None:
    found = resolve(phrase, lang)
    return found.key if found else None


@lru_cache(maxsize=65536)
def _adjective(word: str, lang: str) -> str | None:
    found = resolve_adjective(word, lang)
    return found.key if found else None


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])]


# The release's own salient names, (name as written, key), set by `salient.local_names` for
# the duration of one analysis: places and bodies no table knows ("~norland", "org:~bsso").
LOCAL: ContextVar[tuple[tuple[str, str], ...]] = ContextVar("local_names", default=())


def place_mentions(text: str, lang: str) -> tuple[PlaceMention, ...]:
    """Known names (`_known_mentions`) plus the release's own salient ones."""
    return _mentions(text, lang, LOCAL.get())


@lru_cache(maxsize=8192)
def _mentions(text: str, lang: str, local: tuple[tuple[str, str], ...]
              ) -> tuple[PlaceMention, ...]:
    found = list(_known_mentions(text, lang))
    for name, key in local:
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if not any(p.start < m.end() and m.start() < p.end for p in found):
                found.append(PlaceMention(m.start(), m.end(), key))
    return tuple(sorted(found, key=lambda p: p.start))


@lru_cache(maxsize=8192)
def _known_mentions(text: str, lang: str) -> tuple[PlaceMention, ...]:
    """States, organizations and other places named in a sentence, by name or adjective.

    Names are looked up through `briefgen.delegations` (exact, never fuzzy), longest first
    inside each capitalized run; lower-case words are tried as adjectives ("kazakhstanaise",
    "afghane") and places that are not delegations come from issue_places.toml.
    """
    found: list[PlaceMention] = []
    taken = bytearray(len(text))  # 1 where a mention already stands

    def free(start: int, end: int) -> bool:
        return taken.find(1, start, end) < 0

    def take(start: int, end: int) -> None:
        taken[start:end] = b"\x01" * (end - start)

    extra, slugs = _extra_places_re(lang)
    for m in extra.finditer(cased_fold(text)):
        found.append(PlaceMention(m.start(), m.end(), slugs[int(m.lastgroup[1:])]))
        take(m.start(), m.end())
    for run in _NAME.finditer(text):
        words = _words(text, run.start(), run.end())
        i = 0
        while i < len(words):
            step = 1
            if not text[words[i][0]].isupper():
                i += 1
                continue
            for j in range(min(len(words), i + _LONGEST), i, -1):
                start, end = words[i][0], words[j - 1][1]
                last = text[words[j - 1][0]:end]
                if not (last[0].isupper() or (j - i > 1 and fold(text[start:words[i][1]]) in _HEADS)):
                    continue
                if not free(start, end):
                    continue
                key = _resolve(text[start:end], lang)
                if key:
                    found.append(PlaceMention(start, end, key))
                    take(start, end)
                    step = j - i
                    break
            i += step
    for m in _WORD.finditer(text):
        if m.group()[0].islower() or lang == "en":
            if not free(m.start(), m.end()):
                continue
            key = _adjective(m.group(), lang)
            if key:
                found.append(PlaceMention(m.start(), m.end(), key))
    return tuple(sorted(found, key=lambda p: p.start))


def place_label(key: str, lang: str) -> str:
    from briefgen.delegations import display_name

    extra = extra_places().get(key)
    if extra:
        return extra["label"][lang]
    local = next((n for n, k in LOCAL.get() if k == key), None)  # longest name first
    return local or display_name(key, lang)
