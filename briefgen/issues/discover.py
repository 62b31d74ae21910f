"""Which issues a meeting was about: candidates, evidence, the handful that are kept.

Evidence is of two kinds.  The release's own framing (title, agenda headings, lead) says what
the meeting was convened for; document frequency says what many delegations actually spoke
about.  A candidate needs both, or overwhelming frequency: a place named by one delegation in
passing, or a theme present in every debate (terrorism, human rights) but absent from the
framing, is not an issue.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from briefgen.delegations import resolve
from briefgen.languages import LANGUAGES
from briefgen.model import Release, Vote
from briefgen.outcome import symbol, text_name

from .labels import fill, short_name, slug
from .matchers import COOPERATION, PLACE, TOPIC, Matcher, SentenceFacts, hits
from .text import Unit, fold, framing_texts
from .vocab import compile_terms, labels_table, place_label, place_mentions, topics

MAX_ISSUES = 6
# A place: named (not in a list, not by the delegation itself) by this share of delegations,
# and where things happen ("in Gaza", "au Kazakhstan") rather than only who acts ("Israel
# said"), in at least this share of its mentions -- unless the title or agenda names it.
PLACE_SHARE, PLACE_SHARE_UNFRAMED, LOCATIVE_SHARE = 0.15, 0.5, 0.2
# A topic: addressed by this share of delegations when the framing names it, or (at least
# MIN_UNFRAMED delegations) when many statements share it although the lead does not.
TOPIC_SHARE, TOPIC_SHARE_UNFRAMED = 0.2, 0.2
# A theatre of hostilities: a place named together with acts of war by this share of the
# delegations (at least MIN_UNFRAMED) counts as framed, as if the lead named it.
THEATRE_SHARE = 0.2
MIN_DELEGATIONS, MIN_UNFRAMED = 2, 3
# Framing weights: the title and agenda say what the meeting is for, the lead what came up.
FRAMING_WEIGHT = {"title": 1.0, "headings": 1.0, "lead": 0.5}

_LOCATIVE = {
    "en": re.compile(r"\b(?:in|into|inside|across|throughout|within|to|on the situation in)"
                     r"\s+(?:the\s+)?$"),
    "fr": re.compile(r"(?:\ben|\bau|\baux|\ba|\bdans|\bvers)\s+(?:la\s+|le\s+|les\s+|l')?$"),
}


@dataclass(frozen=True, slots=True)
class Candidate:
    matcher: Matcher
    delegations: frozenset[str]
    framing: float  # sum of FRAMING_WEIGHT over where the framing names it
    share: float  # delegations addressing it / delegations in the meeting

    @property
    def score(self) -> float:
        return self.share + self.framing


def discover(release: Release, units: list[Unit], facts: list[SentenceFacts],
             note_lang: str) -> list[Matcher]:
    """Candidate issues, most salient first, labels in the note's language.

    Not capped: `find_issues` keeps the first MAX_ISSUES once it knows which place issues are
    only the meeting's frame."""
    lang = release.meeting.language
    speakers = {u.key for u in units}
    framing = {where: (text, fold(text)) for where, text in framing_texts(release).items()}
    candidates = [
        *_place_candidates(units, facts, framing, speakers, lang),
        *_topic_candidates(units, facts, framing, speakers, lang, _record(release)),
        *_cooperation_candidates(release, units, facts, speakers, lang),
    ]
    kept = sorted((c for c in candidates if c.delegations), key=lambda c: -c.score)
    if not kept:  # a debate the tables know nothing of: its agenda items, if taken up
        kept = _agenda_candidates(release, units, facts, speakers, lang)
    main_place = _main_place(kept, framing, lang)
    return one_per_text([_localized(c.matcher, framing["title"], main_place, lang, note_lang)
                         for c in kept], release.votes)


def one_per_text(matchers: list[Matcher], votes: tuple[Vote, ...]) -> list[Matcher]:
    """A draft-resolution issue split into one issue per text voted, where several were.

    One table for L.10 and L.11 cannot place a delegation that voted for one and against
    the other, and "the draft" in a sentence says which text only where there is one: each
    text gets its own issue, labelled with its symbol, addressed by the sentences that name
    that symbol, its sides those of its own vote."""
    texts = [(i, v) for i, v in enumerate(votes)
             if v.subject != "amendment" and not v.procedural and symbol(v)]
    if len(texts) < 2:
        return matchers
    out = []
    for m in matchers:
        if not m.votes or m.id.startswith("amendment") or m.vote is not None:
            out.append(m)
            continue
        out += [replace(m, id=f"{m.id}-{slug(symbol(v))}", vote=i,
                        labels={lang: text_name(v, lang) for lang in m.labels if "@" not in lang},
                        terms=re.compile(r"(?<![\w.])" + re.escape(fold(symbol(v))) + r"(?!\w|\.\d)"))
                for i, v in texts]
    return out


def _main_place(kept: list[Candidate], framing: dict, lang: str) -> str | None:
    """The place that qualifies topic labels ("Draft resolution on Ukraine"): the first place
    issue, else the place the title names, else the place the lead names most where things
    happen ("in Gaza")."""
    place = next((c.matcher.place for c in kept if c.matcher.kind == PLACE), None)
    if place:
        return place
    title = [m.key for m in place_mentions(framing["title"][0], lang) if ":" not in m.key]
    if title:
        return title[0]
    text, folded = framing["lead"]
    located = Counter(m.key for m in place_mentions(text, lang)
                      if ":" not in m.key and _LOCATIVE[lang].search(folded[:m.start]))
    return located.most_common(1)[0][0] if located else None


def _addressing(matcher: Matcher, units: list[Unit], facts: list[SentenceFacts],
                self_excluded: bool = False) -> frozenset[str]:
    return frozenset(
        u.key for u, f in zip(units, facts)
        if (not self_excluded or u.key != matcher.place) and hits(matcher, u, f)
    )


def _framing_weight(found) -> float:
    return sum(FRAMING_WEIGHT[where] for where in FRAMING_WEIGHT if found(where))


def _place_candidates(units, facts, framing, speakers, lang) -> list[Candidate]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # key -> [locative, all]
    for unit, fact in zip(units, facts):
        for i, m in enumerate(fact.mentions):
            if i not in fact.listed and m.key != unit.key:
                counts[m.key][1] += 1
                counts[m.key][0] += bool(_LOCATIVE[lang].search(unit.folded[:m.start]))
    framed = {where: {m.key for m in place_mentions(text, lang)}
              for where, (text, _) in framing.items()}
    theatres = _theatres(units, facts, lang)
    out = []
    for key, (locative, total) in counts.items():
        # A crisis the title names ("Ending Ukraine Crisis") is the subject wherever it is placed.
        titled = _qualifier(key, framing["title"], lang) is not None
        if ":" in key or (locative < LOCATIVE_SHARE * total and not titled):
            continue
        matcher = Matcher(id=slug(place_label(key, "en")), kind=PLACE, place=key)
        delegations = _addressing(matcher, units, facts, self_excluded=True)
        share = len(delegations) / max(len(speakers), 1)
        weight = _framing_weight({where: key in keys for where, keys in framed.items()}.get)
        theatre = len(theatres.get(key, ())) >= max(MIN_UNFRAMED, THEATRE_SHARE * len(speakers))
        if not weight and theatre:
            matcher = replace(matcher, labels={"theatre": "1"})
            weight = FRAMING_WEIGHT["lead"]
        if len(delegations) >= MIN_DELEGATIONS and share >= PLACE_SHARE and (
                weight or share >= PLACE_SHARE_UNFRAMED):
            out.append(Candidate(matcher, _addressing(matcher, units, facts), weight, share))
    return out


@lru_cache(maxsize=4)
def _hostilities(lang: str) -> re.Pattern[str]:
    return compile_terms(labels_table()["hostilities"]["words"][lang])


def _theatres(units: list[Unit], facts: list[SentenceFacts], lang: str) -> dict[str, set[str]]:
    """Place -> delegations that name it (not in a list, not their own) in a sentence that
    names acts of war: "Israel resumes airstrikes over Gaza" makes Gaza a theatre."""
    words = _hostilities(lang)
    out: dict[str, set[str]] = defaultdict(set)
    for unit, fact in zip(units, facts):
        if words.search(unit.folded):
            for i, m in enumerate(fact.mentions):
                if i not in fact.listed and m.key != unit.key:
                    out[m.key].add(unit.key)
    return out


def _record(release: Release) -> str:
    """The sentences that record the meeting's decisions on texts, folded: a text put to the
    vote frames the topics of voting (a draft resolution is an issue when the meeting votes on
    one), wherever the release tells the vote, lead or narration."""
    return fold(" ".join(v.text for v in release.votes if v.subject != "decision"))


def _topic_candidates(units, facts, framing, speakers, lang, record: str = ""
                      ) -> list[Candidate]:
    out = []
    for topic in topics(lang):
        matcher = Matcher(id=topic.id, kind=TOPIC, labels=topic.labels, terms=topic.terms,
                          votes=topic.votes, situation=topic.situation,
                          proposition=topic.proposition, act=topic.act)
        delegations = _addressing(matcher, units, facts)
        share = len(delegations) / max(len(speakers), 1)
        in_frame = {where: bool(topic.terms.search(folded)) for where, (_, folded) in framing.items()}
        if topic.votes and not in_frame["lead"]:  # the record frames it as the lead would
            in_frame["lead"] = bool(record and topic.terms.search(record))
        weight = _framing_weight(in_frame.get)
        if topic.generic:
            ok = in_frame["title"] or in_frame["headings"]
        elif topic.needs_framing:
            ok = weight > 0
        elif weight:
            ok = share >= TOPIC_SHARE and len(delegations) >= MIN_DELEGATIONS
        else:
            ok = share >= TOPIC_SHARE_UNFRAMED and len(delegations) >= MIN_UNFRAMED
        if ok and len(delegations) >= MIN_DELEGATIONS:
            out.append(Candidate(_with_place_labels(matcher, topic), delegations, weight, share))
    return out


def _with_place_labels(matcher: Matcher, topic) -> Matcher:
    return replace(matcher, labels={**topic.labels,
                                    **{f"{k}@place": v for k, v in topic.place_labels.items()}})


def _cooperation_candidates(release, units, facts, speakers, lang) -> list[Candidate]:
    """"Cooperation between the UN and the CSTO": from the agenda headings or the title."""
    table = labels_table()["cooperation"]
    between = re.compile(table["between"][lang], re.IGNORECASE)
    sources = [h.text for h in release.headings] + [release.meeting.title]
    best: tuple[str, ...] = ()
    for text in sources:
        m = between.search(fold(text).strip(" ."))
        if not m:
            continue
        parts = (text[m.start("a"):m.end("a")], text[m.start("b"):m.end("b")])
        keys = tuple(d.key for d in (resolve(p, lang) for p in parts) if d)
        if len(keys) > len(best):
            best = keys
    if not best:
        return []
    partners = frozenset(best)
    matcher = Matcher(id="-".join(k.split(":")[-1].lower() for k in best) + "-cooperation",
                      kind=COOPERATION, organizations=partners,
                      with_words=compile_terms(table["words"][lang]),
                      regional=compile_terms(table["regional"][lang]),
                      labels={"keys": "|".join(best)})
    delegations = _addressing(matcher, units, facts)
    share = len(delegations) / max(len(speakers), 1)
    return [Candidate(matcher, delegations, FRAMING_WEIGHT["headings"], share)]


_AGENDA_WORD = re.compile(r"[^\W\d_][\w'-]{3,}")


def _agenda_candidates(release, units, facts, speakers, lang) -> list[Candidate]:
    """An agenda heading ("ADVANCEMENT OF WOMEN", "PROMOTION DE LA FEMME") as an issue, for a
    debate no place, topic or cooperation of the tables describes (a Main Committee on social
    development, say).  It is addressed by a sentence that uses one of its own words (plural
    or not) other than stop words and the generic words of meetings; it is kept when as many
    delegations take it up as a topic needs, and labelled with the heading as written."""
    table = LANGUAGES[lang]
    generic = {fold(w) for w in labels_table()["salient"]["generic"][lang]}
    out = []
    for heading in (h for h in release.headings if h.kind == "agenda"):
        words = {w for w in _AGENDA_WORD.findall(fold(heading.text))
                 if w not in table.stop_words and w not in generic and not w.endswith("'")}
        if not words:
            continue
        stems = {w[:-1] if w[-1] in "sx" and not w.endswith("ss") else w for w in words}
        alternation = "|".join(re.escape(w) for w in sorted(stems))
        matcher = Matcher(id=slug(heading.text), kind=TOPIC,
                          labels={lang: heading.text.strip().capitalize()},
                          terms=re.compile(rf"\b(?:{alternation})(?:s|x|es)?\b"))
        delegations = _addressing(matcher, units, facts)
        share = len(delegations) / max(len(speakers), 1)
        if share >= TOPIC_SHARE and len(delegations) >= MIN_UNFRAMED:
            out.append(Candidate(matcher, delegations, FRAMING_WEIGHT["headings"], share))
    return sorted(out, key=lambda c: -c.score)


def _localized(matcher: Matcher, title: tuple[str, str], main_place: str | None, lang: str,
               note_lang: str) -> Matcher:
    """The matcher with its one label in the note's language."""
    if matcher.kind == PLACE:
        label = _place_label(matcher.place, title, lang, note_lang, "theatre" in matcher.labels)
    elif matcher.kind == COOPERATION:
        label = _cooperation_label(matcher.labels["keys"].split("|"), note_lang)
    elif note_lang not in matcher.labels:  # an agenda heading: only the release's words
        label = matcher.labels[lang]
    else:
        placed = matcher.labels.get(f"{note_lang}@place")
        label = fill(placed, main_place, note_lang) if placed and main_place else \
            matcher.labels[note_lang]
    return replace(matcher, labels={note_lang: label})


def _cooperation_label(keys: list[str], note_lang: str) -> str:
    """"UN–CSTO cooperation"; "UN–regional cooperation" when no other body is named."""
    table = labels_table()["cooperation"]
    others = [k for k in keys if k != "org:UN"]
    if not others:
        return table["label_regional"][note_lang]
    return table["label"][note_lang].format(a=short_name("org:UN", note_lang),
                                            b=short_name(others[0], note_lang))


@lru_cache(maxsize=4)
def _qualifier_res(lang: str) -> tuple[tuple[dict, re.Pattern[str], re.Pattern[str]], ...]:
    out = []
    for qualifier in labels_table()["qualifier"]:
        words = "|".join(re.escape(fold(w)) for w in qualifier["words"][lang])
        out.append((qualifier, re.compile(rf"\b(?:{words})\s+(?:\w+\s+){{0,2}}$"),
                    re.compile(rf"(?:'s)?\s+(?:{words})\b")))
    return tuple(out)


def _qualifier(key: str, title: tuple[str, str], lang: str) -> dict | None:
    """The qualifier the title puts right next to the place: "Ukraine Crisis", "crise au Kazakhstan"."""
    text, folded = title
    for m in (m for m in place_mentions(text, lang) if m.key == key):
        for qualifier, before, after in _qualifier_res(lang):
            if before.search(folded[:m.start]) or after.match(folded[m.end:]):
                return qualifier
    return None


def _place_label(key: str, title: tuple[str, str], lang: str, note_lang: str,
                 theatre: bool = False) -> str:
    """"Kazakhstan crisis" when the title puts a qualifier next to the place, "Hostilities in
    Gaza" for a theatre of hostilities the framing does not name, else its name."""
    qualifier = _qualifier(key, title, lang)
    if qualifier:
        return fill(qualifier["label"][note_lang], key, note_lang)
    if theatre:
        return fill(labels_table()["hostilities"]["label"][note_lang], key, note_lang)
    return place_label(key, note_lang)
