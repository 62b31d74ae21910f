"""The sentences that record a decision on a text, one mention at a time.

Releases record a decision in a sentence of a few fixed shapes ("adopted resolution 2774
(2025) by a vote of 10 in favour to 2 against (Norland, Sudland), with 3 abstentions",
"par 13 voix pour, une voix contre (Norlande) et une abstention", "adopted … without a
vote", "was vetoed by Norland", "failed to be adopted owing to the negative vote of a
permanent member"), in the lead, an action paragraph or inside a statement's paragraph.  A
sentence is a record only when it has that shape (counts with a verb of decision, a decision
without a vote, a veto): a delegation saying it "voted in favour" is a declaration, read by
`declarations`, not a record.  A sentence that only says who abstained or voted against
("Norland and Sudland abstained") completes the record just before it in the same paragraph.
Names are kept only when every name of a list resolves to a delegation: no key is better than
a wrong one.  A mention of a decision taken at another time ("two years ago, a similar text
garnered 141 votes", "the Council on 30 September failed to adopt …") is no record of this
meeting.

Patterns are per-language tables; to add a language, add its entries.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..delegations import list_keys
from ..model import ADOPTED, FAILED, REJECTED, VETOED, VOTED, WITHDRAWN, Paragraph, Vote
from ..sentences import sentence_spans

# Counts are digits or, for the small ones, words ("one against", "une abstention").
_WORD_NUMBERS = {
    "en": {"no": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "thirteen": 13, "fourteen": 14, "fifteen": 15},
    "fr": {"aucune": 0, "aucun": 0, "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3,
           "quatre": 4,
           "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11,
           "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15},
}
_NAMES = r"(?:\s*\((?P<names>[^()]{2,800})\))?"


def _number(lang: str, group: str = "n") -> str:
    words = "|".join(sorted(_WORD_NUMBERS[lang], key=len, reverse=True))
    return rf"(?P<{group}>\d{{1,3}}|{words})"


_PATTERNS: dict[str, dict[str, str]] = {
    "en": {
        "in_favour": r"\b{n}\s+(?:votes?\s+)?in\s+favou?r\b{names}"
                     r"|\b(?:support|votes?)\s+(?:from|of)\s+{n2}\s+(?:Council\s+)?(?:members|"
                     r"delegations|Member\s+States)\b",
        "against": r"\b{n}\s+(?:votes?\s+)?against\b{names}",
        "abstentions": r"\b{n}\s+(?:abstentions?|in\s+abstention)\b{names}",
        # "with another permanent member (United Kingdom) abstaining": names, no count.
        "abstaining": r"\bwith\s+[^()]{0,80}?\((?P<names>[^()]{2,300})\)\s+abstaining\b",
        # "…, adopting resolution 2704 (2023) by a vote of …" (not "Prior to adopting …": the
        # text decided after this one)
        "adopted": r"\b(?:adopted|approved|passed)\b|(?<![Tt]o\s)(?<![Bb]efore\s)(?<![Aa]fter\s)"
                   r"\badopting\b|\b(?:retained|(?:voted|decided)\s+to\s+retain)\b",
        "rejected": r"\b(?:rejected|defeated)\b|\bvoted\s+down\b",
        # A tally told without the decision ("the draft received 12 votes in favour").
        "tally": r"\b(?:received|garnered|obtained|secured|won|drew)\b",
        # The body deciding, in the release's voice ("The Assembly also adopted a text
        # (document A/99/L.7)", "it appointed Norland … as members of the Board").
        "decision": r"(?:\b(?:the|The)\s+(?:General\s+Assembly|Assembly|Security\s+Council|Council|"
                    r"Committee|Commission)|^(?:Further,\s+|Also,\s+)?[Ii]t)\s+(?:(?:also|then|"
                    r"further|later|today|unanimously|this\s+(?:morning|afternoon|evening))\s+){0,2}"
                    r"(?P<verb>adopted|approved|decided|declared|proclaimed|"
                    r"appointed|elected|extended|endorsed)\b",
        "failed": r"\bfail(?:ed|ing)\s+(?:to\s+(?:be\s+)?(?:adopt|pass)|of\s+adoption)"
                  r"|\bnot\s+(?:been\s+)?adopted\b|\btwo[- ]thirds\b",
        "veto": r"\bvetoe?d\b|\bveto\b|\b(?:negative\s+vote\s+of|blocked\s+by)\s+(?:a|one)\s+"
                r"permanent\s+member\b",
        "withdrawn": r"\b(?:was|were|been|being)\s+withdrawn\b|\bwithdrew\s+(?:the|its|their|"
                     r"his|her)\s+(?:draft|text|amendments?|proposal|motion)\b",
        "without_vote": r"\bwithout\s+a\s+vote\b|\bby\s+consensus\b|\bby\s+acclamation\b",
        "vetoed_by": r"\b(?:vetoed\s+by|negative\s+vote\s+(?:cast\s+)?(?:of|by)|veto\s+(?:cast\s+)?"
                     r"by)\s+(?P<names>(?!a\s|one\s)[^,;.()]+?)(?=[,;.()]|\s+(?:and|but|while|"
                     r"which|owing|as)\b|$)",
        # "<names> (all) abstained / voted against / voted in favour": the list opens the sentence.
        "list_vote": r"^(?:(?:Notably|However|Meanwhile|In addition|Also|Similarly),\s+)?"
                     r"(?:(?:Some|Several|Many|Other|A few)\s+(?:delegations|members|States|"
                     r"countries),\s+(?:including|among them)\s+)?"
                     r"(?P<names>(?:the\s+)?[A-Z][^.;:]{1,300}?)\s+"
                     r"(?:all\s+|both\s+|also\s+)?(?P<how>abstained|voted\s+against|voted\s+in\s+"
                     r"favou?r|voted\s+for|vetoed)\b(?:\s+\w+)?(?:,?\s+(?:alongside|along\s+with|"
                     r"together\s+with)\s+(?P<with>[^,;.]+))?",
        "document": r"\(documents?\s+(?P<doc>[A-Z][^()\s,]+)\)"
                    r"|\b(?P<doc2>resolution\s+\d{1,4}\s*\(\d{4}\))"
                    r"|[“\"](?P<doc3>[A-Z]{1,3}\.\d+(?:/Rev\.\d+)?)[”\"]"
                    r"|\b(?P<doc4>(?:[A-Z]{1,3}/)+(?:[A-Z0-9.\-]+/)*L\.\d+(?:/Rev\.\d+)?)"
                    # a bare "L.4, submitted by …": the symbol's tail is a document's alone
                    r"|\b(?P<doc5>L\.\d+(?:/Rev\.\d+)?)\b",
        "title": r"\b(?:titled|entitled)\s+[“\"](?P<title>[^”\"]{3,300})[”\"]",
        # Another time than this meeting: "two years ago", "in 2023", "on 30 September",
        # "last week", "had vetoed", "a similar resolution".
        "earlier": r"\b(?:ago|[Ll]ast\s+(?:week|month|year|time)|[Pp]reviously|[Ee]arlier\s+"
                   r"(?:this|that)\s+(?:week|month|year)|[Ii]n\s+(?:19|20)\d\d|on\s+\d{1,2}\s+"
                   r"[A-Z][a-z]+|\b[Ii]n\s+(?:January|February|March|April|May|June|July|August|"
                   r"September|October|November|December)\b|(?:after|since)\s+it\s+(?:had\s+)?"
                   r"(?:adopted|established|created)|recall(?:ed|ing|s)?\s+that|"
                   r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                   r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[’']s|"
                   r"had\s+(?:been\s+)?(?:adopted|vetoed|rejected|failed|approved)|similar\s+"
                   r"(?:resolution|text|draft))\b",
    },
    "fr": {
        "in_favour": r"\b{n}\s+voix\s+pour\b{names}",
        "against": r"\b{n}\s+(?:voix\s+)?contre\b{names}",
        "abstentions": r"\b{n}\s+abstentions?\b{names}",
        "abstaining": r"\bavec\s+[^()]{0,80}?\((?P<names>[^()]{2,300})\)\s+qui\s+s[’']est\s+"
                      r"abstenue?\b",
        "adopted": r"\badopt[ée]e?s?\b|\ba\s+adopté\b|\bapprouv[ée]e?s?\b|\bmaintenue?s?\b|"
                   r"\bdécidé\s+de\s+maintenir\b",
        "rejected": r"\brejet[ée]e?s?\b|\ba\s+rejeté\b",
        "tally": r"\b(?:recueilli|obtenu|réuni|recueille|obtient)\b",
        "decision": r"(?:\b(?:l[’']|L[’'])Assemblée(?:\s+générale)?|\b(?:le|Le)\s+Conseil"
                    r"(?:\s+de\s+sécurité)?|\b(?:la|La)\s+Commission|^(?:En\s+outre,\s+)?(?:Elle|Il))\s+a\s+"
                    r"(?:aussi\s+|également\s+|ensuite\s+)?(?P<verb>adopté|approuvé|décidé|déclaré|"
                    r"proclamé|nommé|élu|prorogé|entériné)\b",
        "failed": r"\bn[’']a\s+pas\s+(?:pu\s+)?(?:été\s+)?adopt|\bdeux\s+tiers\b|\béchou",
        "veto": r"\bveto\b|\bvote\s+négatif\s+d[’']un\s+membre\s+permanent\b",
        "withdrawn": r"\b(?:a|ont)\s+été\s+retirée?s?\b|\b(?:a|ont)\s+retiré\s+(?:son|leur|le|"
                     r"l[’']|les)\s*(?:projet|texte|amendements?|proposition|motion)\b",
        "without_vote": r"\bsans\s+(?:le\s+mettre\s+aux\s+voix|mise\s+aux\s+voix|vote)\b"
                        r"|\bpar\s+consensus\b|\bpar\s+acclamation\b",
        "vetoed_by": r"\b(?:veto|vote\s+négatif)\s+(?:opposé\s+par\s+|de\s+la\s+|de\s+l[’']|du\s+|"
                     r"des\s+|de\s+|d[’'])(?P<names>(?!un\s)[^,;.()]+?)(?=[,;.()]|\s+(?:et|mais|qui)"
                     r"\b|$)",
        "list_vote": r"^(?P<names>[A-ZÀ-Ý][^.;:]{1,300}?)\s+(?:se\s+sont|s[’']est)\s+"
                     r"(?P<how>abstenue?s?)\b|^(?P<names2>[A-ZÀ-Ý][^.;:]{1,300}?)\s+(?:ont|a)\s+"
                     r"(?P<how2>voté\s+contre|voté\s+pour)\b",
        "document": r"\((?:documents?\s+)?(?P<doc>[A-Z]{1,3}/[^()\s,]+)\)"
                    r"|\b(?P<doc2>résolution\s+\d{1,4}\s*\(\d{4}\))"
                    r"|[«“\"]\s*(?P<doc3>[A-Z]{1,3}\.\d+(?:/Rev\.\d+)?)\s*[»”\"]"
                    r"|\b(?P<doc4>(?:[A-Z]{1,3}/)+(?:[A-Z0-9.\-]+/)*L\.\d+(?:/Rev\.\d+)?)"
                    r"|\b(?P<doc5>L\.\d+(?:/Rev\.\d+)?)\b",
        "title": r"\bintitulée?\s+[«“\"]\s*(?P<title>[^»”\"]{3,300}?)\s*[»”\"]",
        "earlier": r"\b(?:[Ii]l\s+y\s+a\s+\w+\s+(?:ans?|mois|semaines?|jours?)|[Ll][’']an\s+"
                   r"dernier|[Ll]a\s+semaine\s+dernière|[Ee]n\s+(?:19|20)\d\d|^En\s+(?:janvier|"
                   r"février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
                   r"décembre)\b|après\s+avoir\s+(?:adopté|créé|établi)|depuis\s+qu[’']il\s+a\s+"
                   r"adopté|rappel\w*\s+que|le\s+\d{1,2}(?:er)?\s+[a-zéû]+|"
                   r"avait\s+(?:été\s+)?(?:adopté|rejeté|opposé)|précédemment|résolution\s+"
                   r"similaire)\b",
    },
}
# What was put to the vote, most specific first.
_SUBJECTS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("amendment", r"\bamendments?\b"),
           ("motion", r"\b(?:motion|appeal\s+against|reconsideration)\b"),
           ("paragraph", r"\b(?:operative|preambular)\s+paragraph\b"),
           ("resolution", r"\b(?:draft\s+)?resolutions?\b"),
           ("decision", r"\b(?:draft\s+)?decisions?\b"),
           ("text", r"\b(?:the\s+)?(?:draft|text)\b")),
    "fr": (("amendment", r"\bamendements?\b"),
           ("motion", r"\b(?:motion|contestation|réexamen)\b"),
           ("paragraph", r"\bparagraphe\s+(?:\d+\s+)?(?:du\s+dispositif|du\s+préambule)\b"),
           ("resolution", r"\brésolutions?\b"),
           ("decision", r"\bdécisions?\b"), ("text", r"\b(?:projet|texte)\b")),
}
_HOW = {"abstained": "abstaining", "abstenu": "abstaining", "against": "voted_against",
        "contre": "voted_against", "vetoed": "voted_against", "favour": "voted_for",
        "favor": "voted_for", "for": "voted_for", "pour": "voted_for"}
# What holds dates that are no time of the decision: symbols ("resolution 2623 (2022)",
# "A/RES/77/1") and asides in parentheses or brackets ("(…, at its meeting on 25 February)").
_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\b(?:[A-Z]{1,5}/)+[\w.\-/]+")


def _without_asides(sentence: str) -> str:
    previous = None
    while previous != sentence:
        previous, sentence = sentence, _ASIDE.sub(" ", sentence)
    return re.sub(r"\([^)]*$", " ", sentence)  # an aside the release never closes


@lru_cache(maxsize=4)
def _res(lang: str) -> dict[str, re.Pattern[str]]:
    table = _PATTERNS.get(lang, _PATTERNS["en"])
    fill = {"{n}": _number(lang), "{n2}": _number(lang, "n2"), "{names}": _NAMES}
    flags = {"list_vote": 0, "document": 0, "earlier": 0}  # capitals matter there
    out = {}
    for name, pattern in table.items():
        for slot, value in fill.items():
            pattern = pattern.replace(slot, value)
        out[name] = re.compile(pattern, flags.get(name, re.IGNORECASE))
    return out


def read_records(paragraphs: tuple[Paragraph, ...] | list[Paragraph], lang: str,
                 spoken: dict[str, list[str]] | None = None) -> list[Vote]:
    """Every mention of a decision taken at this meeting, in reading order, each as a Vote
    of its own (`items` gathers the mentions of one text).  `spoken`: the statements'
    passages by paragraph id, for what is a speaker's talk rather than the release's voice
    (see `_record`)."""
    spoken = spoken or {}
    votes: list[Vote] = []
    for paragraph in paragraphs:
        if not mentions_vote(paragraph.text, lang):
            continue  # most paragraphs: no sentence split needed
        last: Vote | None = None
        for start, end in sentence_spans(paragraph.text, lang):
            sentence = paragraph.text[start:end]
            talk = any(sentence in passage for passage in spoken.get(paragraph.pid, ()))
            each = _respectively(sentence, paragraph.pid, lang, talk)
            vote = None if each else _record(sentence, paragraph.pid, lang, talk, follows=last)
            if each or vote:
                votes.extend(each or [vote])
                last = votes[-1]
            elif last and (names := listed_voters(sentence, lang)):
                votes[-1] = last = _with_names(last, sentence, names)
    return votes


_RESPECTIVELY = re.compile(r"\b(?:respectively|respectivement)\b", re.IGNORECASE)


def _respectively(sentence: str, pid: str, lang: str, talk: bool) -> list[Vote]:
    """One record per text where one sentence tells several tallies in the order of its
    symbols ("two amendments, contained in documents L.16 and L.17, by recorded votes of 25
    in favour to 80 against …, and 30 in favour to 78 against …, respectively"); [] unless
    the symbols and the tallies pair up one to one.  Each record keeps the whole sentence."""
    if not _RESPECTIVELY.search(sentence):
        return []
    res = _res(lang)
    documents = list(dict.fromkeys(m.group() for m in re.finditer(
        r"\b(?:[A-Z]{1,3}/)+(?:[A-Z0-9.\-]+/)*L\.\d+(?:/Rev\.\d+)?|\bL\.\d+(?:/Rev\.\d+)?",
        sentence)))
    tallies = [m.start() for m in res["in_favour"].finditer(sentence)]
    if len(documents) < 2 or len(tallies) != len(documents):
        return []
    head = re.sub(r"\s*,?\s*(?:contained|issued|published)?\s*in\s+documents?\s+[^,]*,?", " ",
                  sentence[:tallies[0]])
    out = []
    for document, start, stop in zip(documents, tallies, [*tallies[1:], len(sentence)]):
        part = _RESPECTIVELY.sub("", sentence[start:stop]).rstrip(" ,.;")
        part = re.sub(r"[,;]?\s*(?:and|et)$", "", part)
        vote = _record(f"{head} (document {document}) {part}.", pid, lang, talk)
        if vote is None:
            return []
        out.append(replace(vote, text=sentence, document=document))
    return out


def mentions_vote(text: str, lang: str) -> bool:
    """Cheap test before sentences are split: could the text hold a record?"""
    res = _res(lang)
    return any(res[k].search(text) for k in ("in_favour", "against", "abstentions",
                                             "without_vote", "failed", "veto", "list_vote",
                                             "decision", "withdrawn"))


def is_record(sentence: str, lang: str) -> bool:
    """Whether the sentence records a decision (the release's narration, nobody's speech)."""
    return _record(sentence, "", lang) is not None


def _count(match: re.Match, lang: str) -> int:
    n = (match.group("n") or match.groupdict().get("n2")).casefold()
    return int(n) if n.isdigit() else _WORD_NUMBERS[lang][n]


def _record(sentence: str, pid: str, lang: str, in_statement: bool = False,
            follows: Vote | None = None) -> Vote | None:
    """The decision a sentence records, if it records one.  Without counts, only the
    release's own voice records: a veto, a withdrawal, the body adopting a text it names or
    deciding other business ("it appointed …", where it `follows` another record of the
    paragraph, and then "it also decided" in the manner of that record); inside a
    statement that is the speaker's talk ("the veto cast by Norland paralysed the
    Council")."""
    res = _res(lang)
    counts, names = {}, {}
    for field in ("in_favour", "against", "abstentions"):
        m = res[field].search(sentence)
        if m:
            counts[field] = _count(m, lang)
            listed = m.groupdict().get("names")
            if listed and (keys := list_keys(listed, lang)):
                names[_field_keys(field)] = keys
    if (m := res["abstaining"].search(sentence)) and (keys := list_keys(m.group("names"), lang)):
        names["abstaining"] = keys
    vetoed_by = ()
    if (veto := res["vetoed_by"].search(sentence)) and (keys := list_keys(veto.group("names"),
                                                                          lang)):
        vetoed_by = keys
        names["voted_against"] = tuple(dict.fromkeys(names.get("voted_against", ()) + keys))
    vetoed = bool(vetoed_by) or bool(res["veto"].search(sentence) and counts)
    without = bool(res["without_vote"].search(sentence))
    adopted = bool(res["adopted"].search(sentence))
    withdrawn = bool(res["withdrawn"].search(sentence)) and not counts
    decided = adopted or res["rejected"].search(sentence) or res["failed"].search(sentence)
    told = bool(counts and res["tally"].search(sentence))
    # "failed to adopt …, owing to the negative vote of a permanent member": a veto untallied
    blocked = bool(res["failed"].search(sentence) and res["veto"].search(sentence))
    body = _body_decision(sentence, lang, without, follows is not None)
    # "decided by consensus that …  It also decided to …": the same manner, unless told
    without = without or bool(body and not counts and follows and follows.without_vote
                              and re.match(r"(?:It|Elle|Il)\s", sentence))
    if not ((counts and (decided or vetoed or told)) or (without and (adopted or body))
            or ((vetoed_by or withdrawn or body or blocked) and not in_statement)):
        return None
    if _earlier(sentence, lang):
        return None
    for field, keys in listed_voters(sentence, lang).items():
        names[field] = tuple(dict.fromkeys(names.get(field, ()) + keys))
    document = _document(sentence, lang)
    # a body's decision is other business, unless it names the text it acted on; what it
    # "decided to" do is the decision, whatever resolution the sentence cites; a motion's
    # symbol is the text the motion is about, not the motion
    subject = "decision" if body and _DECIDED_TO.search(sentence) and not _ADOPT_AFTER.search(
        sentence) else subject_of(main_clause(sentence), lang) or subject_of(sentence, lang) or (
        "decision" if body and not document else "")
    return Vote(pid=pid, text=sentence, sources=(pid,),
                outcome=_outcome(sentence, counts, vetoed or blocked, withdrawn, lang)
                if decided or vetoed or blocked or withdrawn or without or body else VOTED,
                subject=subject, document=None if subject == "motion" else document,
                title=_title(sentence, lang), without_vote=without and not counts,
                in_favour=counts.get("in_favour"), against=counts.get("against"),
                abstentions=counts.get("abstentions"), vetoed_by=vetoed_by,
                **{k: v for k, v in names.items() if v})


# Verbs by which the body acts on a text ("adopted a text (document A/99/L.7)", "declared
# 15 November a day"): a decision only with the text's symbol or "without a vote"; any other
# verb of the table decides other business by itself ("appointed", "extended the term").
_TEXT_VERBS = ("adopted", "declared", "decided", "proclaimed", "adopté", "déclaré", "décidé",
               "proclamé")


# "It also decided to hold …", after another record: business decided, no text needed.
_DECIDED_TO = re.compile(r"\b(?:decided|décidé)\s+(?:to|that|de|d[’']|que)\b")
_ADOPT_AFTER = re.compile(r"\b(?:decided\s+to\s+adopt|décidé\s+d[’']adopter)\b")


def _body_decision(sentence: str, lang: str, without: bool, follows: bool) -> bool:
    """The body deciding without counts, in the release's voice; "it" is the body only after
    another record of the same paragraph."""
    m = _res(lang)["decision"].search(sentence)
    pronoun = m is not None and not re.search(r"Assembl|Council|Conseil|Committee|Comité|"
                                              r"Commission", m.group())
    if not m or (pronoun and not follows):
        return False
    if m.group("verb") in _TEXT_VERBS and not (pronoun and _DECIDED_TO.search(sentence)):
        return without or bool(_document(sentence, lang))
    return True


def _earlier(sentence: str, lang: str) -> bool:
    """A decision of another time: a time reference before the decision is told or just after
    its verb ("two years ago, … garnered 141 votes", "the Council on 30 September failed to
    adopt", "adopted on 2 March"), asides left out; a date further on is the decision's
    content ("for a term beginning on 21 March 2024")."""
    res = _res(lang)
    plain = _without_asides(sentence)
    told = [m.end() for k in ("adopted", "rejected", "failed", "veto", "decision", "in_favour",
                              "against", "abstentions", "without_vote")
            if (m := res[k].search(plain))]
    return bool(res["earlier"].search(plain[:min(told, default=len(plain)) + 30]))


def _field_keys(count_field: str) -> str:
    return {"in_favour": "voted_for", "against": "voted_against",
            "abstentions": "abstaining"}[count_field]


def _outcome(sentence: str, counts: dict[str, int], vetoed: bool, withdrawn: bool,
             lang: str) -> str:
    """Vetoed when the release says so; failed when it says the text was not adopted (a
    two-thirds majority not reached) or when a text with more votes for than against was
    not adopted; rejected when outvoted."""
    res = _res(lang)
    if withdrawn:
        return WITHDRAWN
    if vetoed:
        return VETOED
    more_for = counts.get("in_favour", 0) > counts.get("against", 0)
    if res["failed"].search(sentence):
        return FAILED
    if res["rejected"].search(sentence) and not (res["adopted"].search(sentence) and more_for):
        return FAILED if more_for else REJECTED
    return ADOPTED


def listed_voters(sentence: str, lang: str) -> dict[str, tuple[str, ...]]:
    """"Norland and Sudland abstained" -> {"abstaining": ("NL", "SL")}, every name resolved."""
    m = _res(lang)["list_vote"].match(sentence)
    if not m:
        return {}
    groups = m.groupdict()
    written, how = (groups["names"], groups["how"]) if groups.get("names") else \
        (groups.get("names2"), groups.get("how2"))
    # "Brazil, Syria and Kuwait — speaking for the Gulf Cooperation Council — abstained"
    written = re.sub(r"\s*[—–]\s[^—–]*[—–]\s*", " ", written or "").strip()
    keys = list_keys(written, lang) if written else ()
    if not keys:
        return {}
    if groups.get("with"):
        keys += list_keys(groups["with"], lang)
    field = next(v for k, v in _HOW.items() if k in how.casefold().split()[-1])
    return {field: tuple(dict.fromkeys(keys))}


def _with_names(vote: Vote, sentence: str, names: dict[str, tuple[str, ...]]) -> Vote:
    merged = {k: tuple(dict.fromkeys(getattr(vote, k) + v)) for k, v in names.items()}
    return replace(vote, text=f"{vote.text} {sentence}", **merged)


# The plural of a subject, before a list of symbols ("two drafts — L.4 by Chile and L.5 by Peru").
_PLURALS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("amendment", r"\bamendments\b"), ("resolution", r"\bresolutions\b"),
           ("decision", r"\bdecisions\b"), ("text", r"\b(?:drafts|texts)\b")),
    "fr": (("amendment", r"\bamendements\b"),
           ("resolution", r"\b(?:projets\s+de\s+résolution|résolutions)\b"),
           ("decision", r"\b(?:projets\s+de\s+décision|décisions)\b"),
           ("text", r"\b(?:projets|textes)\b")),
}


def plural_subject_of(text: str, lang: str) -> str:
    return next((subject for subject, pattern in _PLURALS.get(lang, _PLURALS["en"])
                 if re.search(pattern, text, re.IGNORECASE)), "")


# What a record says of another text than the one it counts: an opening participle ("Rejecting
# an amendment proposed by X, the Assembly adopted the resolution …") or a relative clause
# ("…, which incorporates an amendment proposed by Mexico, …").
_ASIDE_CLAUSES = re.compile(r"^(?:(?:While|After|Before|Tout\s+en|Après)\s+)?[A-ZÀ-Þ]\w+"
                            r"(?:ing|ant)\b[^,]*,\s*|,\s*(?:which|qui)\s[^,]*(?:,|$)")


def main_clause(sentence: str) -> str:
    """The sentence less its asides about an amendment, which is another text."""
    return _ASIDE_CLAUSES.sub(lambda m: " " if re.search(r"\bamend", m.group(), re.I)
                              else m.group(), sentence)


def subject_of(sentence: str, lang: str) -> str:
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
