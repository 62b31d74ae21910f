"""One key per delegation, whatever the language or spelling of its name.

A statement is only useful if it is given to the right delegation, and the same delegation
is written "Russian Federation", "Russia's", "la Fédération de Russie" or "le Vice-Ministre
russe".  Names therefore map to a language-independent key: ISO 3166-1 alpha-2 for States
("GB", "PS" for the State of Palestine, "VA" for the Holy See), "org:..." for organizations
and "group:..." for groups of States.  State names come from Babel (CLDR, en and fr) and
pycountry (ISO 3166 names, official names and their French translations); organizations,
groups, demonyms and the few United Nations forms neither library knows are small tables in
`briefgen/data/`.

Matching is exact after normalization (case, accents, leading articles, apostrophes,
hyphens, non-breaking spaces), never fuzzy: a wrong key is worse than no key, because it puts
words in another delegation's mouth.  Abbreviations ("UK", "ONU", "UE") match only as
written in capitals, so that ordinary words ("us", "au") never become delegations.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from briefgen.languages import LANGUAGES
from briefgen.tables import load_table

STATE, OBSERVER, ORGANIZATION, GROUP = "state", "observer", "organization", "group"


@dataclass(frozen=True, slots=True)
class Delegation:
    key: str  # "GB", "PS", "org:UN", "group:ARAB"
    name: str  # as written in the text
    kind: str  # STATE | OBSERVER | ORGANIZATION | GROUP


# --- normalization ------------------------------------------------------------------------

# A token: an elided article or preposition ("l’", "d'"), or a run of anything but spaces,
# hyphens and punctuation that separates names.  Hyphens split because releases write both
# "Royaume-Uni" and "Royaume Uni", "Under-Secretary-General" and "Under Secretary General".
_TOKEN = re.compile(r"(?<!\w)(?:[ldjnsc]|qu)['’ʼ](?=\w)|[^\s\-‐‑–—()\[\],;:/«»“”\"]+", re.I)
_ARTICLES = frozenset({"the", "la", "le", "les", "l'"})
# Prepositions that may precede a name in a phrase ("de la Fédération de Russie").
_PREPOSITIONS = frozenset({"of", "de", "du", "des", "d'"})
# Prepositions that make the next State a place, not the speaker's delegation.
_LOCATIVES = frozenset({"in", "en", "au", "aux", "dans"})
_PAREN = re.compile(r"^(.*?)\s*\((.+)\)\s*$")
_OF_ENDING = re.compile(r"(?:\bof|\bof the|\bde|\bdu|\bdes|\bde la|\bd['’])$", re.I)


def _fold(token: str) -> str:
    """Case-, accent- and apostrophe-insensitive form of one token; dots removed (U.K.)."""
    token = token.replace("’", "'").replace("ʼ", "'").replace(".", "")
    if token.isascii():  # most tokens: nothing to decompose, and casefold is lower()
        return token.casefold()
    decomposed = unicodedata.normalize("NFD", token)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _tokens(text: str) -> list[re.Match[str]]:
    return [m for m in _TOKEN.finditer(text) if _fold(m.group())]


def _without_parenthesis(name: str) -> str:
    """UN and ISO write "Iran (Islamic Republic of)" and "Holy See (Vatican City State)".

    A parenthesis ending in "of"/"de" is the front of the name ("Islamic Republic of Iran");
    any other is a gloss and is dropped ("Holy See").
    """
    match = _PAREN.match(name)
    if not match:
        return name
    outer, inner = match.groups()
    if _OF_ENDING.search(inner):
        return f"{inner} {outer}" if not inner.endswith(("'", "’")) else inner + outer
    return outer


# The parser asks about the same phrases thousands of times per release (every capitalized
# run is a candidate delegation), so lookups are memoized; the tables never change.
@lru_cache(maxsize=65536)
def _normalize(name: str) -> str:
    """The lookup form of a whole name: folded tokens, leading articles dropped."""
    folded = [f for m in _TOKEN.finditer(_without_parenthesis(name)) if (f := _fold(m.group()))]
    while folded and folded[0] in _ARTICLES:
        folded.pop(0)
    return " ".join(folded)


def _compact(name: str) -> str:
    """Abbreviation form: as written, without dots or spaces ("U.K." -> "UK")."""
    return re.sub(r"[.\s\u00a0\u202f]", "", name)


# --- tables -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Tables:
    names: dict[str, str]  # normalized name -> key
    abbreviations: dict[str, str]  # compact capitals -> key
    kinds: dict[str, str]  # key -> kind (states absent: STATE unless observer)
    display: dict[str, dict[str, str]]  # lang -> key -> display name
    demonyms: dict[str, dict[str, str]]  # lang -> normalized adjective -> key
    un_titles: tuple[tuple[str, ...], ...]  # folded token sequences
    longest: int  # tokens in the longest name, bounds the phrase scan
    first_words: frozenset[str]  # the first folded token of every name
    abbreviation_starts: frozenset[str]  # every leading part of every abbreviation


def _inverted(name: str) -> str:
    """ISO's "Korea, Republic of" -> "Republic of Korea" (fr: "Iran, République islamique d'")."""
    if ", " not in name:
        return name
    head, _, tail = name.partition(", ")
    return tail + head if tail.endswith(("'", "’")) else f"{tail} {head}"


def _state_names() -> list[dict[str, str]]:
    """Name layers from the libraries, most authoritative first: ISO (en, fr), then CLDR."""
    import gettext

    import pycountry
    from babel import Locale

    iso_fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"],
                                 fallback=True)
    iso: list[tuple[str, str]] = []
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                iso.append((value, country.alpha_2))
                iso.append((iso_fr.gettext(value), country.alpha_2))
    codes = {c.alpha_2 for c in pycountry.countries}
    cldr = [
        (name, code)
        for lang in LANGUAGES
        for code, name in Locale(lang).territories.items()
        if code in codes
    ]
    return [_layer(iso, invert=True), _layer(cldr, invert=False)]


def _layer(pairs: list[tuple[str, str]], invert: bool) -> dict[str, str]:
    """normalized name -> key; a name that two keys claim is dropped (never guess)."""
    layer: dict[str, str | None] = {}
    for name, key in pairs:
        form = _normalize(_inverted(name) if invert else name)
        if not form:
            continue
        layer[form] = key if layer.get(form, key) == key else None
    return {form: key for form, key in layer.items() if key is not None}


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    aliases = load_table("aliases.toml")
    organizations = load_table("organizations.toml")["organization"]
    demonyms = load_table("demonyms.toml")

    hand: list[tuple[str, str]] = [
        (name, code) for code, names in aliases["names"].items() for name in names
    ]
    hand += [(name, org["key"]) for org in organizations for name in org["names"]]
    layers = [_layer(hand, invert=False), *_state_names()]
    names: dict[str, str] = {}
    for layer in reversed(layers):  # earlier (more authoritative) layers win
        names.update(layer)

    abbreviations = {
        _compact(abbr): code for code, abbrs in aliases["abbreviations"].items() for abbr in abbrs
    }
    abbreviations.update(
        {_compact(abbr): org["key"] for org in organizations for abbr in org["abbreviations"]}
    )
    kinds = {org["key"]: org["kind"] for org in organizations}
    kinds.update({code: OBSERVER for code in aliases["observers"]["codes"]})
    display = {lang: dict(aliases["display"].get(lang, {})) for lang in LANGUAGES}
    for org in organizations:
        for lang, name in org["display"].items():
            display.setdefault(lang, {})[org["key"]] = name
    adjectives = {
        lang: {
            _normalize(form): key
            for key, words in demonyms.get(lang, {}).items()
            for word in words
            for form in _ADJECTIVE_FORMS.get(lang, _same)(word)
        }
        for lang in LANGUAGES
    }
    titles = tuple(
        tuple(_normalize(title).split()) for data in LANGUAGES.values() for title in data.un_titles
    )
    return _Tables(
        names=names,
        abbreviations=abbreviations,
        kinds=kinds,
        display=display,
        demonyms=adjectives,
        un_titles=titles,
        longest=max(len(form.split()) for form in names),
        first_words=frozenset(form.split()[0] for form in names),
        abbreviation_starts=frozenset(abbr[:n] for abbr in abbreviations
                                      for n in range(1, len(abbr) + 1)),
    )


def _same(word: str) -> list[str]:
    return [word]


def _french_forms(word: str) -> list[str]:
    """Masculine singular -> the four forms: "américain" -> "américaine(s)", "russe" -> "russes"."""
    if word.endswith("e"):
        return [word, word + "s"]
    if word.endswith(("s", "x")):
        return [word, word + "e", word + "es"]
    if word.endswith(("en", "on")):
        return [word, word + "ne", word + "s", word + "nes"]
    return [word, word + "e", word + "s", word + "es"]


def _english_forms(word: str) -> list[str]:
    """"Syrian" also appears as a plural noun ("the Syrians"); "-ese", "-ss" do not inflect."""
    return [word] if word.endswith(("ese", "ss", "sh", "ch", "i")) else [word, word + "s"]


_ADJECTIVE_FORMS = {"fr": _french_forms, "en": _english_forms}


# --- public API ---------------------------------------------------------------------------


def _kind(key: str) -> str:
    return _tables().kinds.get(key, STATE)


@lru_cache(maxsize=65536)
def _lookup(name: str) -> str | None:
    tables = _tables()
    return tables.abbreviations.get(_abbreviation_form(name)) or tables.names.get(
        _normalize(name))


def _abbreviation_form(name: str) -> str:
    """The name as an abbreviation is looked up: leading articles and "l’" dropped, then
    compact ("the U.K." -> "UK", "l’ONU" -> "ONU")."""
    words = name.split()
    while words and _fold(words[0]) in _ARTICLES:
        words.pop(0)
    bare = " ".join(words)
    for article in ("l'", "l’"):
        if bare.lower().startswith(article):
            bare = bare[len(article):]
    return _compact(bare)


def may_open_name(text: str) -> bool:
    """Could a name that `resolve` knows open `text`?  False rules out every leading part of
    `text` at once, from its first word: the parser asks about every capitalized run, and
    most of them are no delegation.  A name written with a parenthesis ("Iran (Islamic
    Republic of)") is reordered before the lookup, so such a text is always worth a look."""
    if "(" in text:
        return True
    tables = _tables()
    first = _normalize(text).partition(" ")[0]
    if first and any(word in tables.first_words for word in
                     (first, first.removesuffix("'s"), first.removesuffix("'"))):
        return True
    compact = _abbreviation_form(text)
    for n in range(1, len(compact) + 1):
        if compact[:n] not in tables.abbreviation_starts:
            return False
        if compact[:n] in tables.abbreviations:
            return True
    return False


def resolve(name: str, lang: str | None = None) -> Delegation | None:
    """The delegation a name designates, or None when the name is not known exactly.

    Names are recognized in every language (releases quote names as the delegation writes
    them), so `lang` is accepted for symmetry with `resolve_adjective` only.  A trailing
    genitive is accepted ("Russia's", "the Philippines'").  Adjectives are not names: see
    `resolve_adjective`.
    """
    written = name.strip().strip(",;:").strip()
    if not written:
        return None
    key = _lookup(written)
    if key is None:
        for suffix in ("'s", "’s", "'", "’"):
            if written.endswith(suffix) and (key := _lookup(written[: -len(suffix)])):
                break
    return Delegation(key, written, _kind(key)) if key else None


def _adjective_key(word: str, lang: str | None) -> str | None:
    tables = _tables()
    langs = [lang] if lang in tables.demonyms else list(tables.demonyms)
    form = _normalize(word)
    for code in langs:
        if form in tables.demonyms[code]:
            return tables.demonyms[code][form]
    return None


def resolve_adjective(word: str, lang: str | None = None) -> Delegation | None:
    """The delegation a demonym designates: "russe", "américaine", "Syrian", "onusienne".

    Ambiguous adjectives ("Korean", "congolais") are deliberately absent from the table.
    """
    written = word.strip()
    key = _adjective_key(written, lang) if written else None
    return Delegation(key, written, _kind(key)) if key else None


def find_delegation(text: str, lang: str | None = None) -> Delegation | None:
    """The delegation named inside a short phrase such as a speaker's title.

    "Minister for Foreign Affairs of Estonia" -> EE, "Secrétaire général de l’OTSC" ->
    org:CSTO.  A United Nations title at the head of the phrase ("Under-Secretary-General
    for Humanitarian Affairs", "Special Envoy for Norland") makes the speaker the UN's unless
    another organization is named: a State named after a UN title is the mandate, not the
    speaker's delegation.  Otherwise the first delegation named wins, and the United Nations
    only when nothing else is named ("Permanent Representative of Norway to the United
    Nations" -> NO).  A State that is a place ("Mission in Norland", "Mission en Norlandie")
    or part of a longer proper noun ("the Norland Red Cross") names someone else's body and
    is ignored: no key is better than a wrong one.  `lang` is accepted for symmetry with
    `resolve`; names are recognized in every language.
    """
    matches = _scan(text)
    if _starts_with_un_title(text):
        organization = next((d for d in matches if d.kind == ORGANIZATION), None)
        if organization and organization.key != "org:UN":
            return organization
        return Delegation("org:UN", organization.name if organization else text.strip(),
                          ORGANIZATION)
    named = next((d for d in matches if d.key != "org:UN"), None)
    return named or next(iter(matches), None)


# Lists of delegations: "Belarus, Trinidad and Tobago and Cuba", "du Danemark, de la
# Finlande et de la Norvège", "Arab Group (AG)".
_LIST_ARTICLE = re.compile(r"^(?:(?:de\s+la|de\s+l[’']|du|des|de|d[’'])\s*)?"
                           r"(?:the|la|le|les|l[’'])?\s*")
_LIST_COMMA = {"en": re.compile(r"\s*,\s*(?:and\s+)?"), "fr": re.compile(r"\s*,\s*(?:et\s+)?")}
_LIST_AND = {"en": re.compile(r"\s+and\s+"), "fr": re.compile(r"\s+et\s+")}


def without_list_article(written: str) -> str:
    """A list as written less its leading article ("de la Finlande" -> "Finlande")."""
    return _LIST_ARTICLE.sub("", written.strip())


def leading_list(written: str, lang: str) -> tuple[tuple[str, ...], int]:
    """The keys of the list of delegations `written` opens with, and where that list ends:
    comma-separated parts read up to the first that names no delegation (", said …")."""
    comma = _LIST_COMMA.get(lang, _LIST_COMMA["en"])
    keys: list[str] = []
    end = at = 0
    for part in comma.split(written):
        at = written.index(part, at)
        found = _part_keys(part, lang)
        if not found:
            break
        keys += found
        end = at = at + len(part)
    return tuple(dict.fromkeys(keys)), end


def list_keys(written: str, lang: str) -> tuple[str, ...]:
    """The keys of a list of delegations, every name resolved, or () when any part is no
    delegation: a list is read whole or not at all."""
    keys, end = leading_list(written.strip(), lang)
    return keys if end == len(written.strip()) else ()


def _part_keys(part: str, lang: str) -> list[str]:
    """The keys one comma-separated part names, read as "and"-joined names that all
    resolve, the longest first ("Bosnia and Herzegovina and Saint Lucia", "Estonia and
    Lithuania", "Arab Group (AG)"); [] if no such reading exists."""
    conj = _LIST_AND.get(lang, _LIST_AND["en"])

    def key(name: str) -> str | None:
        name = without_list_article(name)
        named = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", name)
        hit = resolve(name, lang) or (named and (resolve(named[1], lang)
                                                 or resolve(named[2], lang)))
        return hit.key if hit else None

    names = conj.split(part)
    joins = [m.group() for m in conj.finditer(part)]

    def cover(i: int) -> list[str] | None:  # names[i:] as names joined by "and" that resolve
        if i == len(names):
            return []
        for j in range(len(names), i, -1):  # the longest first: "Bosnia and Herzegovina"
            whole = names[i] + "".join(joins[k] + names[k + 1] for k in range(i, j - 1))
            if (first := key(whole)) is not None and (rest := cover(j)) is not None:
                return [first, *rest]
        return None

    return cover(0) or []


def named_keys(text: str) -> tuple[str, ...]:
    """Keys of the delegations `text` names, in order, once each, the United Nations aside
    (it names the house, not a party): who a title or an agenda item is about."""
    return tuple(dict.fromkeys(d.key for d in _scan(text) if d.key != "org:UN"))


def _scan(text: str) -> list[Delegation]:
    """Delegation names in `text`, longest match first at each position, left to right.

    States are skipped where they are a place (after "in", "en", "au") or run straight into
    another capitalized word (the front of a longer proper noun).
    """
    tables = _tables()
    tokens = _tokens(text)
    folded = [_fold(m.group()) for m in tokens]
    found: list[Delegation] = []
    i = 0
    while i < len(tokens):
        step = 1
        for length in range(min(tables.longest, len(tokens) - i), 0, -1):
            key = _phrase_key(text, tokens[i:i + length], folded[i:i + length])
            if key:
                if _kind(key) not in (STATE, OBSERVER) or not _place_or_embedded(
                    text, tokens, folded, i, i + length
                ):
                    start, end = tokens[i].start(), tokens[i + length - 1].end()
                    found.append(Delegation(key, text[start:end], _kind(key)))
                step = length
                break
        i += step
    return found


def _place_or_embedded(text: str, tokens, folded: list[str], start: int, end: int) -> bool:
    """The State name tokens[start:end] is a location or the front of another proper noun."""
    if start > 0 and folded[start - 1] in _LOCATIVES:
        return True
    if end < len(tokens):
        following = tokens[end]
        return not text[tokens[end - 1].end():following.start()].strip() and (
            following.group()[0].isupper()
        )
    return False


def _phrase_key(text: str, tokens: list[re.Match[str]], folded: list[str]) -> str | None:
    """Key for a run of tokens: an abbreviation in capitals, or a capitalized name."""
    tables = _tables()
    if folded[0] in _ARTICLES or folded[0] in _PREPOSITIONS:
        return None
    written = text[tokens[0].start():tokens[-1].end()]
    if len(tokens) <= 2 and (key := tables.abbreviations.get(_compact(written))):
        return key
    last = folded[-1]
    for form in (last, last.removesuffix("'s"), last.removesuffix("'")):
        key = tables.names.get(" ".join([*folded[:-1], form]))
        if key and (written[0].isupper() or _kind(key) == GROUP):
            return key
    return None


def _starts_with_un_title(text: str) -> bool:
    """A UN title within the first words: "Deputy Special Representative", "the Secretary-General"."""
    folded = [_fold(m.group()) for m in _tokens(text)]
    for start in range(min(4, len(folded))):
        for title in _tables().un_titles:
            if tuple(folded[start:start + len(title)]) == title:
                return True
    return False


@lru_cache(maxsize=4096)
def display_name(key: str, lang: str) -> str:
    """The delegation's name in the note's language.

    The United Nations' short names where they differ from the libraries' (a small table),
    then ISO 3166 names (pycountry, en / fr translation) without ISO's inverted forms, then
    CLDR (Babel).  An unknown key shows as what it names ("org:XYZ" -> "XYZ").
    """
    override = _tables().display.get(lang, {}).get(key)
    if override:
        return override
    if ":" in key or not (len(key) == 2 and key.isalpha() and key.isupper()):
        return key.split(":", 1)[-1]
    return _library_name(key, lang) or key


def _library_name(code: str, lang: str) -> str | None:
    import gettext

    import pycountry
    from babel import Locale, UnknownLocaleError

    country = pycountry.countries.get(alpha_2=code)
    if country:
        iso = country.name
        if lang != "en":
            iso = gettext.translation(
                "iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True
            ).gettext(iso)
        if "," not in iso and "(" not in iso:
            return iso
    try:
        return Locale(lang).territories.get(code)
    except (UnknownLocaleError, ValueError):
        return None
