"""The release's own salient names: places and bodies no table knows.

A release about a city Babel does not list, or a regional mission our organization table
lacks, names it in its title or lead and again in many statements.  Such a capitalized name
(or an acronym the release defines, "Boreal Sea Security Organization (BSSO)", merged with
that name) becomes a place or organization for this release only; what the tables know, the
speakers' own names, and generic capitalized words (`data/issue_labels.toml` [salient]) are
left out.  The names are made visible to `vocab.place_mentions` for the duration of one
analysis (`local_names`), so every later stage reads them like any known place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from briefgen.languages import LANGUAGES
from briefgen.model import Release

from .text import fold, framing_texts
from .vocab import LOCAL, labels_table, place_mentions

MIN_STATEMENTS, STATEMENT_SHARE = 3, 0.2
_RUN = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w’'\-]*(?:\s+(?:(?:of|the|de|du|des|la|le|d’|l’)\s+)?"
                  r"[A-ZÀ-ÖØ-Þ][\w’'\-]*)*")
_DEFINED = re.compile(r"(?P<name>[A-ZÀ-ÖØ-Þ][^().]{3,80}?)\s*\((?P<acronym>[A-Z]{2,8})\)")
_ORG_WORDS = re.compile(r"\b(?:organi[sz]ation|mission|force|union|alliance|community|"
                        r"communaute|agency|agence)\b", re.IGNORECASE)


def salient_names(release: Release) -> dict[str, tuple[str, ...]]:
    """Key ("org:~bsso", "~norland") -> the names the release writes it with, its label first."""
    lang = release.meeting.language
    frame = " ".join(framing_texts(release)[w] for w in ("title", "lead"))
    statements = [s.text for s in release.statements]
    need = max(MIN_STATEMENTS, STATEMENT_SHARE * len(statements))
    excluded = _excluded(release, lang)
    known = [(m.start, m.end) for m in place_mentions(frame, lang)]
    groups: dict[str, set[str]] = {}
    for m in _DEFINED.finditer(frame):
        name = _expanded(m.group("name"), m.group("acronym"), lang)
        if name and not any(_known(n, lang) for n in (name, m.group("acronym"))):
            # "the BSSO Support Mission", "la Mission d'appui de l'OSMB": the body the release
            # then calls by its capitalized head word alone ("the Mission").
            near = frame[max(0, m.start() - 40):m.end() + 40]
            heads = {h.group() for h in _ORG_WORDS.finditer(near) if h.group()[0].isupper()}
            groups[name] = {name, m.group("acronym")} | (heads - set(name.split()))
    for run in _RUN.finditer(frame):
        name = _trimmed(run.group(), lang)
        if not name or any(s < run.end() and run.start() < e for s, e in known):
            continue
        if fold(name) in excluded or all(fold(w) in excluded for w in name.split()):
            continue
        if not any(name in g for g in groups.values()):
            groups.setdefault(name, {name})
    title = framing_texts(release)["title"]
    _merge_capital(groups, frame, title, lang)
    out: dict[str, tuple[str, ...]] = {}
    for head, names in groups.items():
        # Mid-sentence only: a capitalized sentence opener ("Noting", "Enfin") is no name.
        pattern = re.compile("|".join(rf"(?<=[\w,’'] ){re.escape(n)}\b" for n in names))
        # The plain substring test first: most statements never name it (a tenth of the time).
        if sum(any(n in s for n in names) and bool(pattern.search(s))
               for s in statements) < need:
            continue
        organization = head.isupper() or any(_ORG_WORDS.search(n) for n in names)
        # A lead names places in passing ("as at Chernobyl"); a place of its own is titled.
        if not organization and not any(n in title for n in names):
            continue
        key = ("org:~" if organization else "~") + fold(head).replace(" ", "-")
        out[key] = (head, *sorted(names - {head}, key=len, reverse=True))
    return out


def _merge_capital(groups: dict[str, set[str]], frame: str, title: str, lang: str) -> None:
    """"the capital, Vestholm": the city is named for the place the title is about, so its
    mentions count for that place (a release about a country names its capital as often)."""
    words = labels_table()["salient"]["capital"][lang]
    alternatives = "|".join(words)
    pattern = re.compile(rf"\b(?:{alternatives}),?\s+(?P<name>[A-ZÀ-ÖØ-Þ][\w\-]+)|"
                         rf"\b(?P<before>[A-ZÀ-ÖØ-Þ][\w\-]+),\s+(?:{alternatives})\b")
    # Title case makes any title word look like a name: the place is one the lead names too.
    titled = [h for h in groups if h in title and not h.isupper()
              and re.search(rf"(?<=[\w,’'] ){re.escape(h)}\b", frame[len(title):])]
    for m in pattern.finditer(frame):
        city = m.group("name") or m.group("before")
        if titled and city in groups and city not in titled:
            groups[titled[0]] |= groups.pop(city)


def _known(name: str, lang: str) -> bool:
    return bool(place_mentions(name, lang))


def _expanded(before: str, acronym: str, lang: str) -> str:
    """The words right before "(BSSO)" whose content words' initials spell it, as both
    languages form acronyms ("Organisation de sécurité de la mer Boréale" -> OSMB)."""
    stop = LANGUAGES[lang].stop_words
    words = re.findall(r"[\w\-]+", before.replace("’", " ").replace("'", " "))
    for n in range(1, min(len(words), 3 * len(acronym)) + 1):
        tail = words[-n:]
        initials = "".join(w[0].upper() for w in tail if fold(w) not in stop)
        if initials == acronym and tail[0][0].isupper():
            start = before.rfind(tail[0])
            return before[start:].strip()
    return ""


def _trimmed(name: str, lang: str) -> str:
    """The name less leading articles and stop words ("The Russian" -> kept whole only if not)."""
    stop = LANGUAGES[lang].stop_words
    words = name.split()
    while words and fold(words[0]) in stop:
        words = words[1:]
    return " ".join(words)


def _excluded(release: Release, lang: str) -> frozenset[str]:
    """Generic capitalized words, months, UN words, and every word of the speakers' names."""
    table = labels_table()["salient"]
    words = {fold(w) for w in table["generic"][lang]} | LANGUAGES[lang].stop_words
    for s in release.statements:
        for part in (s.speaker, s.speaker_display, s.role, s.delegation):
            words.update(fold(w) for w in (part or "").split())
    return frozenset(words)


@contextmanager
def local_names(release: Release) -> Iterator[dict[str, tuple[str, ...]]]:
    """Make the release's salient names known to `place_mentions` while analysing it."""
    names = salient_names(release)
    token = LOCAL.set(tuple((n, k) for k, ns in names.items() for n in ns))
    try:
        yield names
    finally:
        LOCAL.reset(token)
