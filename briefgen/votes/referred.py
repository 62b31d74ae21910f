"""Decisions told without counts or symbols, on texts named by who tabled them.

Releases often give the fate of amendments in one sentence of their own voice: "While
rejecting Moscow’s proposal, the Assembly adopted European-led amendments."  The texts were
named earlier with their symbols and sponsors ("France, on behalf of European States,
proposed amendments to it, “L.13”, “L.14” and “L.15”", "the Russian Federation … tabling an
amendment, “L.12”").  Such a sentence decides the earlier texts whose sponsor it names: a
State or its capital in the possessive or after "by"/"de", or an adjective of the sponsor or
of the group it spoke for.  A singular ("the proposal") must find exactly one text, a plural
("amendments") at least one; a kind of text ("amendments") must be the kind introduced.
Anything less certain decides nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..delegations import named_keys, resolve, resolve_adjective
from ..languages import LANGUAGES, normalize_apostrophes
from ..model import ADOPTED, REJECTED, Paragraph, Vote
from ..sentences import sentence_spans
from ..tables import load_table
from .items import DOCUMENT_SYMBOL
from .records import subject_of

_PATTERNS = {
    "en": {
        # "France, on behalf of European States, proposed amendments …", "For its part, the
        # Russian Federation sought to insert … by tabling an amendment, “L.12”"
        "tabled": r"^(?:[^,.;]{0,40},\s+)?(?:[Tt]he\s+)?(?P<who>[A-Z][^,.;]{1,60}?)"
                  r"(?:,\s+(?P<group>(?:also\s+)?(?:on\s+behalf\s+of|speaking\s+for|for)\s+"
                  r"[^,.;]{2,80}),)?\s+[^.;]{0,160}?\b(?:by\s+)?(?:tabling|proposing|submitting|"
                  r"introducing|presenting|proposed|tabled|submitted|introduced|presented|"
                  r"put\s+forward)\b",
        # the body deciding: "While rejecting X, the Assembly adopted Y"
        "acting": r"^(?:While\s+|After\s+|Before\s+)?(?P<verb>rejecting|adopting)\s+"
                  r"(?P<object>[^,.;]{3,120}),\s+the\s+(?:General\s+)?(?:Assembly|Council|"
                  r"Committee)\b",
        "acted": r"\b[Tt]he\s+(?:General\s+)?(?:Assembly|Council|Committee)\s+(?:also\s+|then\s+|"
                 r"further\s+)?(?P<verb>adopted|rejected)\s+(?P<object>[^,.;]{3,120})",
        "kinds": r"\b(?P<kind>amendments?|proposals?|drafts?|texts?)\b",
        "by": r"\s+(?:(?:proposed|tabled|submitted|presented|put\s+forward)\s+)?by\s+"
              r"(?P<owner>[^,.;]+)",
        "adopt": r"^adopt",
    },
    "fr": {
        "tabled": r"^(?:[^,.;]{0,40},\s+)?(?:[Ll](?:a|e|es)\s+|[Ll][’'])?(?P<who>[A-ZÀ-Þ]"
                  r"[^,.;]{1,60}?)(?:,\s+(?P<group>(?:au\s+nom\s+d(?:u|e\s+la|e\s+l[’']|es)|"
                  r"pour)\s*[^,.;]{2,80}),)?\s+[^.;]{0,160}?\b(?:en\s+)?(?:déposant|proposant|"
                  r"présentant|soumettant|a\s+(?:déposé|proposé|présenté|soumis))\b",
        "acting": r"^(?:Tout\s+en\s+|Après\s+avoir\s+)?(?P<verb>rejetant|adoptant|rejeté|adopté)\s+"
                  r"(?P<object>[^,.;]{3,120}),\s+l[’']Assemblée|^(?:Tout\s+en\s+)?"
                  r"(?P<verb2>rejetant|adoptant)\s+(?P<object2>[^,.;]{3,120}),\s+le\s+Conseil",
        "acted": r"\b(?:l[’']Assemblée(?:\s+générale)?|le\s+Conseil(?:\s+de\s+sécurité)?)\s+a\s+"
                 r"(?:ensuite\s+|aussi\s+|également\s+)?(?P<verb>adopté|rejeté)\s+"
                 r"(?P<object>[^,.;]{3,120})",
        "kinds": r"\b(?P<kind>amendements?|propositions?|projets?|textes?)\b",
        "by": r"\s+(?:(?:présentée?s?|proposée?s?|déposée?s?|soumise?s?)\s+par|de|du|des|"
              r"d[’'])\s*(?P<owner>[^,.;]+)",
        "adopt": r"^adopt",
    },
}
_AMENDMENT = re.compile(r"^amend", re.IGNORECASE)
_PLURAL = re.compile(r"s$")
# An owner in the object: "Moscow’s", "the Russian Federation’s", "European-led",
# "de Moscou", "par la France", or an adjective ("russe", "European").
_OWNER_TAIL = re.compile(r"[-‑](?:led|backed|sponsored|drafted)$")
_OWNER_TAIL_ANY = re.compile(r"[-‑](?:led|backed|sponsored|drafted)\b")
_WORD = re.compile(r"[^\W\d_][\w’'\-‑]*")


@dataclass(frozen=True, slots=True)
class _Introduced:
    document: str
    subject: str
    sponsors: tuple[str, ...]
    words: frozenset[str]  # folded words of the sponsor and the group it spoke for
    pid: str


@lru_cache(maxsize=4)
def _res(lang: str) -> dict[str, re.Pattern[str]]:
    return {k: re.compile(v) for k, v in _PATTERNS.get(lang, _PATTERNS["en"]).items()}


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Capital as written -> State ("Moscow" -> RU), every language."""
    return {name: key for key, names in load_table("issue_parties.toml")["capital"].items()
            for written in names.values() for name in written}


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.casefold())
                   if not unicodedata.combining(c))


def referred_records(paragraphs: list[Paragraph] | tuple[Paragraph, ...], lang: str,
                     spoken: dict[str, list[str]]) -> list[Vote]:
    """One record per text a sentence of the release's voice decides by naming its sponsor
    (see the module), in reading order."""
    introduced = _introductions(paragraphs, lang)
    if not introduced:
        return []
    res = _res(lang)
    out: list[Vote] = []
    for paragraph in paragraphs:
        for start, end in sentence_spans(paragraph.text, lang):
            sentence = normalize_apostrophes(paragraph.text[start:end])
            if any(sentence in normalize_apostrophes(p) for p in spoken.get(paragraph.pid, ())):
                continue  # a speaker's account of the vote, not the record
            for verb, obj in _decisions(sentence, res):
                outcome = ADOPTED if res["adopt"].match(verb) else REJECTED
                for text in _decided(obj, introduced, lang):
                    out.append(Vote(pid=paragraph.pid, text=paragraph.text[start:end],
                                    sources=tuple(dict.fromkeys((text.pid, paragraph.pid))),
                                    outcome=outcome, subject=text.subject,
                                    document=text.document, sponsors=text.sponsors))
    return out


def _decisions(sentence: str, res: dict[str, re.Pattern[str]]):
    for name in ("acting", "acted"):
        for m in res[name].finditer(sentence):
            groups = m.groupdict()
            verb = groups.get("verb") or groups.get("verb2")
            obj = groups.get("object") or groups.get("object2")
            if verb and obj:
                yield verb.casefold(), obj


def _introductions(paragraphs, lang: str) -> list[_Introduced]:
    """Texts the release names by symbol with who tabled them, the subject of the sentence."""
    res = _res(lang)
    out: list[_Introduced] = []
    for paragraph in paragraphs:
        if not DOCUMENT_SYMBOL.search(paragraph.text):
            continue
        for start, end in sentence_spans(paragraph.text, lang):
            sentence = normalize_apostrophes(paragraph.text[start:end])
            documents = list(dict.fromkeys(DOCUMENT_SYMBOL.findall(sentence)))
            m = res["tabled"].match(sentence) if documents else None
            who = _name_at(sentence, m.start("who"), lang) if m else None
            if who is None:
                continue
            written = f"{who.name} {m.group('group') or ''}"
            words = _words(written, lang)
            subject = subject_of(sentence, lang)
            out.extend(_Introduced(d, subject, (who.key,), words | {who.key}, paragraph.pid)
                       for d in documents)
    return out


def _name_at(sentence: str, start: int, lang: str):
    """The longest delegation name opening `sentence[start:]` ("Russian Federation sought
    …" -> RU), up to six words."""
    words = list(_WORD.finditer(sentence, start))[:6]
    for n in range(len(words), 0, -1):
        hit = resolve(sentence[start:words[n - 1].end()], lang)
        if hit is not None:
            return hit
    return None


def _decided(obj: str, introduced: list[_Introduced], lang: str) -> list[_Introduced]:
    """The introduced texts an object names by kind and sponsor, when that is certain."""
    kind = _res(lang)["kinds"].search(obj)
    if kind is None:
        return []
    word = kind.group("kind").casefold()
    after = _res(lang)["by"].match(obj, kind.end())
    owners = _owners(obj[:kind.start()] + " " + (after.group("owner") if after else ""), lang)
    if not owners:
        return []
    matched = [t for t in introduced
               if (not _AMENDMENT.match(word) or _AMENDMENT.match(t.subject or ""))
               and (owners & set(t.sponsors) or owners & t.words)]
    plural = bool(_PLURAL.search(word))
    return matched if (plural and matched) or len(matched) == 1 else []


def _owners(phrase: str, lang: str) -> set[str]:
    """Keys and words the phrase names its sponsor by: States and groups by name, capitals,
    adjectives ("russe", "European"), and the distinctive words of an "X-led" or a group's
    name, to meet the group a sponsor spoke for ("Andean-led" and "Andean States")."""
    found: set[str] = set(named_keys(phrase)) | _words(_OWNER_TAIL_ANY.sub("", phrase), lang)
    for m in _WORD.finditer(phrase):
        word = re.sub(r"[’']s?$", "", _OWNER_TAIL.sub("", m.group()))
        if capital := _capitals().get(word):
            found.add(capital)
        if adjective := resolve_adjective(word, lang):
            found.add(adjective.key)
    return found


# Words of a group's name that say nothing of which group it is.
_GENERIC = frozenset({"states", "state", "countries", "country", "group", "member", "members",
                      "delegations", "nations", "etats", "etat", "pays", "groupe", "membres",
                      "delegations", "behalf", "nom"})


def _words(text: str, lang: str) -> frozenset[str]:
    stop = LANGUAGES[lang].stop_words
    return frozenset(f for w in _WORD.findall(text)
                     if (f := _fold(re.sub(r"[’']s?$", "", w))) not in _GENERIC
                     and w.casefold() not in stop and len(f) > 2)
