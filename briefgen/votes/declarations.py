"""What the release says about a vote besides the record: who said how they voted, who
explained a vote, who tabled a text.

- A declaration is a delegation's own vote in its own statement ("his delegation voted in
  favour", "she abstained", "explained his delegation's vote against the resolution"), or the
  release saying how a delegation voted ("Chile abstained on the text tabled by
  Peru").  Future and conditional forms ("will vote in favour", "cannot vote in favour")
  are intentions, not votes.
- A statement explains a vote when it declares one or says it is explaining one.
- A sponsor is who "submitted", "tabled", "presented", "proposed" or "introduced" the text.

Which text is meant, where a meeting decided on several: the document the sentence names,
"both" texts, the text a sponsor tabled ("the text tabled by Peru", "the draft tabled by
his country"), or the only text there is; otherwise none (no guess).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..delegations import list_keys, resolve
from ..languages import normalize_apostrophes
from ..model import (
    ABSTAINING,
    AGAINST,
    IN_FAVOUR,
    STATEMENT,
    Paragraph,
    Statement,
    Vote,
    VoteDeclaration,
)
from ..sentences import sentence_spans
from .items import document_key
from .records import _res, listed_voters, main_clause, subject_of

# Observer States take the floor in the General Assembly and the Council but cast no vote.
OBSERVER_STATES = frozenset({"PS", "VA"})

_TABLES: dict[str, dict[str, str]] = {
    "en": {
        # The speaker as the subject of their own vote.
        "self": r"(?:\b(?:he|she|it|I|we)|\b(?:his|her|its|my|our|the)\s+(?:delegation|country|"
                r"Government))",
        # Past or announced at the meeting ("will vote in favour"); never "cannot vote".
        # "… is committed to free passage and will vote in favour": one subject, two verbs.
        "vote": r"(?:\s+(?:is|are|has|stands|remains)\b[^.;:,“”\"]{1,160}?\s+and)?"
                r"(?:\s+(?:had\s+to|has\s+to|have\s+to|had|has|have|also|therefore|thus|then|"
                r"consequently|both|all|will|would))*\s+"
                r"(?P<how>voted\s+(?:in\s+favou?r|for|against|yes|no)|vote\s+(?:in\s+favou?r|for|"
                r"against)|abstained|abstain|(?:decided|chose|chosen)\s+to\s+(?:abstain|vote\s+(?:in\s+"
                r"favou?r|for|against))|cast\s+(?:a|an|its|his|her)\s+(?P<cast>negative|affirmative|"
                r"positive))\b",
        "possessive_vote": r"\b(?:his|her|its|my|our|the)\s+(?:delegation|country|Government)[’']s"
                           r"\s+(?P<how>vote\s+(?:in\s+favou?r|against)|abstention)\b|\b(?:announced|"
                           r"explained)\s+(?:his|her|its|their)\s+(?P<how2>abstention)\b",
        "explains": r"\b(?:explain(?:ed|ing|s)?\s+(?:his|her|its|the|their)\s+(?:delegation[’']s"
                    r"\s+|country[’']s\s+|Government[’']s\s+)?(?:vote|position|abstention)|(?:speaking|"
                    r"taking\s+the\s+floor)\s+(?:before|after|following)\s+the\s+vote|in\s+"
                    r"explanation\s+of\s+(?:vote|position)|explanations?\s+of\s+vote)\b",
        "sponsor": r"\b(?:submitted|tabled|presented|proposed|introduced|drafted|penned|"
                   r"sponsored|put\s+forward)\s+by\s+(?P<names>[^;:.()“”\"]+?)(?=[,;.:()“”\"]|\s+"
                   r"(?:titled|entitled|which|that|and\s+(?:L\.|the\s+United\s+States[’']))|$)",
        "own_text": r"\b(?:tabled|submitted|presented|proposed|drafted|put\s+forward)\s+by\s+"
                    r"(?:his|her|its|my|our)\s+(?:country|delegation|Government)\b|\b(?:his|her|its|"
                    r"my|our)\s+(?:country|delegation)[’']s\s+(?:draft|text|resolution)\b",
        "introduces": r"^(?:[^.]{0,160}?,\s+)?(?:Introducing|Presenting|Tabling)\s+(?:(?:the|a|an|"
                      r"his|her|its|their|that|this)\b|[“\"]?L\.\d)",
        "both": r"\b(?:both|all\s+(?:the\s+)?(?:texts|drafts|resolutions|three|two))\b",
        "and": r"\s*,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+",
        "article": r"^(?:the)\s+",
        # The release names a group by its vote ("explanations of vote from delegates that
        # abstained"), then gives members of it as examples.
        "group_vote": r"\b(?:delegates|delegations|representatives|speakers|countries|States|"
                      r"members|those)\s+(?:that|who|which)\s+(?:had\s+)?(?P<how>abstained|"
                      r"voted\s+(?:in\s+favou?r|for|against))\b",
        "example": r"^(?:For\s+(?:example|instance)|Among\s+them|One\s+of\s+them)\b",
    },
    "fr": {
        "self": r"(?:\b(?:il|elle|je|nous)|\b(?:sa|la|notre|ma)\s+délégation|\b(?:son|le|notre|"
                r"mon)\s+(?:pays|Gouvernement))",
        "vote": r"(?:\s+(?:a|ont|avait|va|votera))?(?:\s+(?:donc|également|aussi|ainsi))*\s+"
                r"(?P<how>voté\s+(?:pour|en\s+faveur|contre)|voter\s+(?:pour|en\s+faveur|contre)|"
                r"(?:s[’']est|se\s+sont|s[’']était|s[’']étaient|s[’']être)\s+abstenue?s?|"
                r"(?:choisi\s+de\s+|décidé\s+de\s+)?s[’']abstenir)\b",
        "possessive_vote": r"\b(?:son|le)\s+vote\s+(?P<how>pour|contre|en\s+faveur)\b|\bson\s+"
                           r"(?P<how2>abstention)\b",
        "explains": r"\b(?:expliqu\w+\s+(?:son|le)\s+vote|(?:avant|après)\s+le\s+vote|"
                    r"explications?\s+de\s+vote)\b",
        "sponsor": r"\b(?:présentée?s?|déposée?s?|proposée?s?|soumise?s?|rédigée?s?)\s+par\s+"
                   r"(?P<names>[^;:.()«»“”\"]+?)(?=[,;.:()«»“”\"]|\s+(?:intitulé|qui|et\s+L\.)|$)",
        "own_text": r"\b(?:présentée?|déposée?|proposée?|soumise?)\s+par\s+(?:son|sa|notre|mon)\s+"
                    r"(?:pays|délégation|Gouvernement)\b",
        "introduces": r"^(?:[^.]{0,160}?,\s+)?(?:Présentant|Introduisant)\s+(?:le|la|les|l[’']|"
                      r"un|une|son|sa|ses|ce|cet|cette|[«“\"]?\s*L\.\d)",
        "both": r"\b(?:les\s+deux|tous\s+les\s+textes)\b",
        "and": r"\s*,\s*(?:et\s+)?|\s+et\s+|\s+ainsi\s+que\s+",
        "article": r"^(?:le|la|les|l[’'])\s*",
        "group_vote": r"\b(?:délégations|délégués|représentants|intervenants|pays|États|membres|"
                      r"ceux|celles)\s+qui\s+(?:avaient\s+|ont\s+)?(?P<how>se\s+sont\s+"
                      r"abstenue?s|voté\s+(?:pour|contre|en\s+faveur))\b",
        "example": r"^(?:Par\s+exemple|Ainsi|Parmi\s+(?:eux|elles|ces\s+délégations)|"
                   r"C[’']est\s+le\s+cas\s+d)\b",
    },
}
# The last word of a vote phrase -> its side; anything else ("abstained", "abstention",
# "abstenue") abstains.
_SIDES = {"favour": IN_FAVOUR, "favor": IN_FAVOUR, "for": IN_FAVOUR, "yes": IN_FAVOUR,
          "affirmative": IN_FAVOUR, "positive": IN_FAVOUR, "pour": IN_FAVOUR,
          "faveur": IN_FAVOUR, "against": AGAINST, "no": AGAINST, "negative": AGAINST,
          "contre": AGAINST}


@lru_cache(maxsize=4)
def _patterns(lang: str) -> dict[str, re.Pattern[str]]:
    table = _TABLES.get(lang, _TABLES["en"])
    out = {k: re.compile(v, re.IGNORECASE) for k, v in table.items() if k not in ("self", "vote")}
    out["own_vote"] = re.compile(table["self"] + table["vote"], re.IGNORECASE)
    out["named_vote"] = re.compile(r"(?P<names>\b[A-ZÀ-Ý][\w’'\-]*(?:\s+[A-ZÀ-Ý][\w’'\-]*){0,3})"
                                   + table["vote"])
    return out


def _side(how: str) -> str:
    return _SIDES.get(how.split()[-1].casefold(), ABSTAINING)


def sponsors_in(sentence: str, lang: str) -> list[tuple[str | None, tuple[str, ...]]]:
    """(document key or None, sponsor keys) for each "submitted by …" of the sentence; the
    document is the one named last before the phrase."""
    out = []
    for m in _patterns(lang)["sponsor"].finditer(sentence):
        keys = _resolved(m.group("names"), lang)
        if keys:
            docs = _documents(sentence[:m.start()], lang)
            out.append((docs[-1] if docs else None, keys))
    return out


def _resolved(written: str, lang: str) -> tuple[str, ...]:
    """The keys of the names of a list that are delegations ("Chile and other countries"
    -> CL): each key is right, the list may be short."""
    whole = list_keys(written, lang)  # "Trinidad and Tobago and Peru", read whole
    if whole:
        return whole
    p = _patterns(lang)
    keys = []
    for part in p["and"].split(written.strip()):
        name = p["article"].sub("", part.strip())
        hit = resolve(name, lang) if name else None
        if hit is not None:
            keys.append(hit.key)
    return tuple(dict.fromkeys(keys))


def _documents(text: str, lang: str) -> list[str]:
    return [key for m in _res(lang)["document"].finditer(text)
            if (key := document_key(next(g for g in m.groups() if g)))]


def referenced(sentence: str, items: list[Vote], lang: str, speaker: str | None = None
               ) -> list[int]:
    """The items a sentence is about (see the module): indices into `items`."""
    texts = [i for i, v in enumerate(items) if v.subject != "amendment"]
    named = {document_key(v.document): i for i, v in enumerate(items) if v.document}
    docs = [named[d] for d in _documents(sentence, lang) if d in named]
    if docs:
        return list(dict.fromkeys(docs))
    p = _patterns(lang)
    if p["both"].search(sentence):
        return texts
    tabled = [keys for _, keys in sponsors_in(sentence, lang)]
    if speaker and p["own_text"].search(sentence):
        tabled.append((speaker,))
    by_sponsor = [i for i in texts if any(set(keys) & set(items[i].sponsors) for keys in tabled)]
    if tabled:
        return by_sponsor[:1] if len(by_sponsor) == 1 else []
    if len(texts) > 1:  # "the draft resolution" where the other text was a decision
        subject = subject_of(sentence, lang)
        texts = [i for i in texts if items[i].subject == subject] if subject in (
            "resolution", "decision") else texts
    return texts if len(texts) == 1 else []


def own_declaration(sentence: str, lang: str, key: str | None = None) -> str | None:
    """The side of the speaker's own vote that the sentence reports, if it reports one: with
    a pronoun or "his delegation" as its subject, or the speaker's own country (`key`)."""
    p = _patterns(lang)
    norm = normalize_apostrophes(sentence)
    m = p["own_vote"].search(norm) or p["possessive_vote"].search(norm)
    if not m and key:
        m = next((v for v in p["named_vote"].finditer(norm)
                  if _resolved(v.group("names"), lang) == (key,)), None)
    if not m:
        return None
    how = m.group("how") or (m.groupdict().get("how2") or "")
    cast = m.groupdict().get("cast")
    return _side(cast or how)


def attach(items: list[Vote], paragraphs: list[Paragraph], statements: tuple[Statement, ...],
           lang: str) -> list[Vote]:
    """Items with their sponsors, then declarations and explanations (see the module): who
    tabled a text is known before "the text tabled by Peru" is looked up."""
    items = _with_sponsors(items, paragraphs, statements, lang)
    return _with_declarations(items, paragraphs, statements, lang)


def _sentences(paragraphs: list[Paragraph], lang: str):
    for paragraph in paragraphs:
        for start, end in sentence_spans(paragraph.text, lang):
            yield paragraph.pid, paragraph.text[start:end]


def _states(statements: tuple[Statement, ...], voting: bool = False):
    """Statements of States; `voting`: less the observer States, who speak but do not vote."""
    return [s for s in statements if len(s.delegation_key) == 2 and s.delegation_key.isupper()
            and not (voting and s.delegation_key in OBSERVER_STATES)]


def _with_sponsors(items: list[Vote], paragraphs: list[Paragraph],
                   statements: tuple[Statement, ...], lang: str) -> list[Vote]:
    by_document = {document_key(v.document): i for i, v in enumerate(items) if v.document}
    sponsors: dict[int, list[str]] = {}
    for _, sentence in _sentences(paragraphs, lang):
        for doc, keys in sponsors_in(main_clause(sentence), lang):
            target = by_document.get(doc) if doc else (0 if len(items) == 1 else None)
            if target is not None:
                sponsors.setdefault(target, []).extend(keys)
    p = _patterns(lang)
    for statement in _states(statements):  # "Introducing “L.4”, the Minister of X said"
        first = statement.passages[0].text if statement.passages else ""
        if p["introduces"].search(first):
            for i in referenced(first, items, lang):
                sponsors.setdefault(i, []).append(statement.delegation_key)
    return [replace(v, sponsors=tuple(dict.fromkeys(v.sponsors + tuple(sponsors.get(i, ())))))
            for i, v in enumerate(items)]


def _with_declarations(items: list[Vote], paragraphs: list[Paragraph],
                       statements: tuple[Statement, ...], lang: str) -> list[Vote]:
    declared: dict[int, list[VoteDeclaration]] = {}
    explained: dict[int, list[int]] = {}
    for pid, sentence in _sentences(paragraphs, lang):  # "Chile abstained on …"
        for field, keys in listed_voters(sentence, lang).items():
            side = {"voted_for": IN_FAVOUR, "voted_against": AGAINST}.get(field, ABSTAINING)
            for i in referenced(sentence, items, lang):
                declared.setdefault(i, []).extend(VoteDeclaration(k, side, pid) for k in keys)
    for i, declaration in _examples_of_a_group(items, paragraphs, statements, lang):
        declared.setdefault(i, []).append(declaration)
    p = _patterns(lang)
    for statement in _states(statements, voting=True):
        key = statement.delegation_key
        explains: set[int] = set()
        for passage in statement.passages:
            for start, end in sentence_spans(passage.text, lang):
                sentence = passage.text[start:end]
                side = own_declaration(sentence, lang, key)
                targets = referenced(sentence, items, lang, speaker=key)
                if side:
                    for i in targets:
                        declared.setdefault(i, []).append(VoteDeclaration(key, side, passage.pid))
                if side or p["explains"].search(sentence):
                    explains.update(targets)
        for i in explains:
            explained.setdefault(i, []).append(statement.index)
    return [replace(v, declared=_kept(v, declared.get(i, [])),
                    explained_by=tuple(dict.fromkeys(explained.get(i, ()))))
            for i, v in enumerate(items)]


def _examples_of_a_group(items: list[Vote], paragraphs: list[Paragraph],
                         statements: tuple[Statement, ...], lang: str):
    """(item, declaration) for each State the release gives as an example of a group it
    names by its vote, in its own voice ("The Assembly also heard explanations of vote from
    delegates that abstained …" then "For example, South Africa’s representative said …"):
    the statements that open the paragraphs right after it with "For example" belong to it."""
    p = _patterns(lang)
    opening = {s.passages[0].pid: s for s in _states(statements, voting=True) if s.passages}
    group: tuple[str, list[int]] | None = None
    for paragraph in paragraphs:
        statement = opening.get(paragraph.pid)
        if group and statement and p["example"].search(statement.passages[0].text):
            yield from ((i, VoteDeclaration(statement.delegation_key, group[0], paragraph.pid))
                        for i in group[1])
            continue
        group = None
        if paragraph.kind == STATEMENT:  # the release's voice only
            continue
        for _, sentence in _sentences([paragraph], lang):
            if (m := p["group_vote"].search(normalize_apostrophes(sentence))) and (
                    targets := referenced(sentence, items, lang)):
                group = (_side(m.group("how")), targets)


def _one(indices: list[int]) -> int | None:
    return indices[0] if len(indices) == 1 else None


def _kept(vote: Vote, declarations: list[VoteDeclaration]) -> tuple[VoteDeclaration, ...]:
    """Declarations the record does not contradict or already hold, the first per delegation,
    and none for a delegation that declares two sides."""
    sides: dict[str, set[str]] = {}
    for d in declarations:
        sides.setdefault(d.key, set()).add(d.side)
    out: dict[str, VoteDeclaration] = {}
    for d in declarations:
        if vote.side_of(d.key) is None and len(sides[d.key]) == 1 and not vote.without_vote:
            out.setdefault(d.key, d)
    return tuple(out.values())
