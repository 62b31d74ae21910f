"""The statement sections read into turns, and turns numbered into statements.

Styles A and B are read paragraph by paragraph, style C sentence by sentence; the choice is
made per section from the text itself (`_thematic`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..languages import LANGUAGES, LanguageData, normalize_apostrophes
from ..model import (
    BRIEFING,
    HEADING,
    NATIONAL,
    REPLY,
    STATEMENT,
    STRUCTURE,
    UNATTRIBUTED,
    Passage,
    Statement,
)
from ..sentences import sentence_spans
from ..votes.records import is_record, mentions_vote
from .layout import _vote_re
from .patterns import COLLECTIVE, UN_KEY, UNKNOWN, Speaker, _is_state
from .phrases import _longest_name_after
from .speakers import (
    _attributions,
    _collective_opening,
    _intro,
    _opening_speaker,
    _with_context,
)
from .takeovers import _Takeover, _takeovers
from .verbs import _OWN_VOICE_EXTRA, _own_voice_re, _singular_subjects, _speech_verb

_BRIEFING_HEADINGS = {"en": ("Briefings", "Briefing"), "fr": ("Exposés", "Exposé")}
# The share of a section's attributed paragraphs whose attribution sits inside or at the end
# of a sentence (not opening the paragraph) above which the section is read sentence by
# sentence (style C).
THEMATIC_SHARE = 0.25


@dataclass
class _Turn:
    speaker: Speaker
    passages: list[Passage]
    section_kind: str | None


def _read_body(texts, pids, kinds, lead_end, lang, data):
    """Walk the body section by section; return turns and unattributed passages."""
    turns: list[_Turn] = []
    unattributed: list[Passage] = []
    section_kind: str | None = None
    i = lead_end
    while i < len(texts):
        if kinds[i] == HEADING:
            section_kind = _section_kind(texts[i], lang)
            i += 1
            continue
        j = i
        while j < len(texts) and kinds[j] != HEADING:
            j += 1
        section = [k for k in range(i, j) if kinds[k] is None]
        for k in section:
            if not _intro(texts[k], lang, data) and (_vote_re(lang).match(texts[k]) or (
                    mentions_vote(texts[k], lang)
                    and is_record(texts[k][slice(*sentence_spans(texts[k], lang)[0])], lang)
                    and not _handed_on(texts[k], lang, data))):
                kinds[k] = STRUCTURE  # the record of a decision: the release's own voice
        section = [k for k in section if kinds[k] is None]
        if _thematic(texts, section, lang, data):
            _read_sentences(texts, pids, kinds, section, lang, data, turns, unattributed,
                            section_kind)
        else:
            _read_paragraphs(texts, pids, kinds, section, lang, data, turns, unattributed,
                             section_kind)
        i = j
    return turns, unattributed


def _section_kind(heading: str, lang: str) -> str | None:
    low = normalize_apostrophes(heading.strip().rstrip(":")).lower()
    if low in {normalize_apostrophes(h).lower() for h in LANGUAGES[lang].reply_headings}:
        return REPLY
    if low in {h.lower() for h in _BRIEFING_HEADINGS[lang]}:
        return BRIEFING
    return None


def _thematic(texts, section, lang, data) -> bool:
    """Style C: many attributions sit inside or at the end of sentences, not at the opening
    of paragraphs, and no paragraph opens with a named speaker."""
    attributed = thematic = 0
    for k in section:
        if _intro(texts[k], lang, data):
            return False
        found = [f for s, e in sentence_spans(texts[k], lang)
                 for f in _attributions(texts[k][s:e], lang, data)]
        if not found:
            continue
        attributed += 1
        first = found[0]
        keys = {f.who.key for f in found if isinstance(f.who, Speaker)}
        if not first.opening or len(keys) > 1 or any(f.who == COLLECTIVE for f in found[1:]):
            thematic += 1
    return attributed > 0 and thematic >= max(2, THEMATIC_SHARE * attributed)


def _read_paragraphs(texts, pids, kinds, section, lang, data, turns, unattributed, section_kind):
    """Styles A and B: a paragraph opening with a speaker starts a turn; the paragraphs
    after it go on with that turn until a new speaker, a collective subject or narration.
    Inside a paragraph, another delegation taking over as subject starts a turn of its own
    from that sentence on (see `_takeovers`), so one paragraph may feed several turns."""
    current: _Turn | None = None
    shared = False  # the paragraph before changed hands: its last speaker is no given
    for k in section:
        text = texts[k]
        speaker = _intro(text, lang, data)
        if speaker is not None and speaker.key == UNKNOWN and speaker.delegation is None:
            speaker = _known_speaker(speaker, turns)
        if speaker is None:
            speaker = _named_again(text, lang, data, turns)
        if speaker is None:
            opening = _opening_speaker(text, lang, data)
            if opening == COLLECTIVE or (opening is None and shared
                                         and not _follow_on_re(lang).match(text)):
                current = None  # "Sanctions drew sharp differences." after a shared paragraph
            elif opening is None and current and _about_another_state(text, current.speaker,
                                                                         lang, data):
                current = None  # "Norland’s rival text met resistance …": the release's voice
            elif isinstance(opening, Speaker) and not (
                    current and current.speaker.is_same(opening)):
                speaker = _with_context(opening, text, lang, data)
        if speaker is not None:
            current = _Turn(speaker, [], section_kind)
            turns.append(current)
        opened = current if speaker is not None else None
        cuts = _paragraph_cuts(text, current, lang, data, turns, section_kind,
                               opened=speaker is not None)
        current = cuts[-1][1]
        shared = len(cuts) > 1
        attributed = False
        for (start, turn), (end, _) in zip(cuts, [*cuts[1:], (len(text), None)]):
            passage = Passage(pids[k], text[start:end].strip())
            if not passage.text:
                continue  # a cut at the same place as the next one
            if turn is None:
                unattributed.append(passage)
            else:
                turn.passages.append(passage)
                attributed = True
        if opened is not None and not opened.passages:
            turns.remove(opened)  # the sentence that opened it went to someone else
        kinds[k] = STATEMENT if attributed else UNATTRIBUTED


# Where a paragraph opening on a State's doing names it: "The United States’ <noun>",
# "La proposition des États-Unis", "L’initiative de la France".
_STATE_DOING = {"en": re.compile(r"(?:The\s+)?(?=[A-Z])"),
                "fr": re.compile(r"(?:L[ae]s?\s+|L[’'])\s*[a-zà-ÿ]+\s+(?:de\s+la\s+|de\s+l[’']|"
                                 r"du\s+|des\s+|d[’'])\s*(?=[A-ZÀ-Þ])")}


def _about_another_state(text: str, current: Speaker, lang: str, data: LanguageData) -> bool:
    """A paragraph that opens on another State's doing ("Norland’s draft met resistance …",
    "La proposition des États-Unis …") and never gives anyone's voice (no
    "she said", no "He …", no attribution in any sentence) is the release telling what
    happened, not the current speaker going on."""
    norm = normalize_apostrophes(text)
    m = _STATE_DOING[lang].match(norm) if lang in _STATE_DOING else None
    found = m and _longest_name_after(norm[m.end():], lang)
    if not found or _follow_on_re(lang).match(text) or _own_voice_re(lang).search(text):
        return False
    written, key = found
    rest = norm[m.end() + len(written):]
    if lang == "en" and not (re.search(r"[’']s?$", written) or re.match(r"[’']s?\s", rest)):
        return False  # "The United States said": an attribution, read elsewhere
    if not _is_state(key) or key == current.key:
        return False
    return not any(_attributions(text[s:e], lang, data) for s, e in sentence_spans(text, lang))


def _handed_on(text: str, lang: str, data: LanguageData) -> bool:
    """A record followed, in its paragraph, by a speaker taking the floor ("… adopted the text.
    It was introduced by the representative of X, who …")."""
    spans = sentence_spans(text, lang)[1:]
    return any(isinstance(f.who, Speaker) for s, e in spans
               for f in _attributions(text[s:e], lang, data))


@lru_cache(maxsize=None)
def _follow_on_re(lang: str) -> re.Pattern:
    """A paragraph that goes on in the current speaker's voice: "He …", "La représentante …"."""
    return re.compile(rf"[«“\"]?(?:[^.;,]{{0,120}},\s+)?(?:{_singular_subjects(lang)})\b"
                      rf"|[^.]{{0,200}}(?:{_OWN_VOICE_EXTRA[lang]})")


# Cheap test for a speaker named again inside a paragraph ("… In response, the
# Under-Secretary-General said", "… Mme Marstrand a répondu"): a sentence end, then a title
# or an honorific.
_AGAIN_HINT = re.compile(r"[.!?»”]\s+[^.]{0,80}?\b(?:Mr\.|Ms\.|Mrs\.|M\.|Mme|[Tt]he\s+[A-Z]|"
                         r"[Ll][ae]\s+[A-ZÀ-Þ]|[Ll][’'][A-ZÀ-Þ])")


def _paragraph_cuts(text, current, lang, data, turns, section_kind,
                    opened: bool = False) -> list[tuple[int, _Turn | None]]:
    """Where the paragraph changes hands: (offset, turn or None for unattributed), starting
    with the turn that opens it.  New turns are appended to `turns` in reading order.  A
    record is the release's voice, unless it is the sentence that opened the turn (`opened`):
    "Ms. X (Norland), speaking after the vote, said the text was not adopted …"."""
    cuts: list[tuple[int, _Turn | None]] = [(0, current)]
    votes = mentions_vote(text, lang)
    again = any(t.speaker.speaker or t.speaker.role for t in turns) and bool(_AGAIN_HINT.search(
        text))
    if not (votes or again or _may_change_hands(text, lang, data)):
        return cuts
    for i, (s, e) in enumerate(sentence_spans(text, lang)):
        if votes and cuts[-1][1] is not None and (i > 0 or not opened) and is_record(
                text[s:e], lang):
            # "The Assembly then rejected the appeal by a vote of …"
            cuts[-1:] = [(0, None)] if i == 0 else [cuts[-1], (s, None)]
            continue
        back = _named_again(text[s:e], lang, data, turns) if again and i > 0 else None
        last = cuts[-1][1]
        if back is not None and not (last and last.speaker.is_same(back)):
            # "… In response, the Under-Secretary-General said …": a briefer again
            turn = _Turn(back, [], section_kind)
            cuts.append((s, turn))
            turns.append(turn)
            continue
        for takeover in _takeovers(text[s:e], lang, data, opening=i == 0):
            last = cuts[-1][1]
            speaker = _taken_by(takeover, last.speaker if last else None,
                                text[s + takeover.offset:e], lang, data)
            turn = last if last and speaker is last.speaker else (
                speaker and _Turn(speaker, [], section_kind))
            if turn is not last:
                cuts.append((s + takeover.offset, turn))
                if turn is not None:
                    turns.append(turn)
    return cuts


# Every place a sentence may end, and the ends that may be abbreviations or initials.
_ROUGH_SENTENCE_END = re.compile(r"(?<=[.!?…])[»”\"’)\]]*\s+")
_ABBREVIATION_END = re.compile(r"(?:^|[\s(])(?:[^\W\d_]\.)+$|\b[A-Z][a-z]{0,2}\.$")


def _may_change_hands(text: str, lang: str, data: LanguageData) -> bool:
    """Cheap test before the sentence splitter (the costly part) runs on a paragraph: a
    takeover in rough sentences, cut twice, once at every sentence-like end and once at those
    that are no abbreviation ("Mr.", "U.S.").  A true sentence is cut by one or the other
    only where an abbreviation sits, and what one cut hides the other shows; the true
    sentences then decide."""
    ends = list(_ROUGH_SENTENCE_END.finditer(text))
    sure = [m for m in ends if not _ABBREVIATION_END.search(text[max(0, m.start() - 12):m.start()])]
    return any(_rough_takeover(text, cut, lang, data) for cut in (ends, sure))


def _rough_takeover(text: str, ends: list[re.Match], lang: str, data: LanguageData) -> bool:
    starts = [0, *(m.end() for m in ends)]
    stops = [*(m.start() for m in ends), len(text)]
    return any(_takeovers(text[s:e], lang, data, opening=i == 0)
               for i, (s, e) in enumerate(zip(starts, stops)))


def _taken_by(takeover: _Takeover, current: Speaker | None, clause: str, lang: str,
              data: LanguageData) -> Speaker | None:
    """Who the text goes on with after a takeover: the current speaker when the subject is
    that speaker (or the group it speaks for, unless the member now speaks in its national
    capacity), None for a collective or doubtful subject."""
    who = takeover.who
    if who == COLLECTIVE:
        return None
    speaker = _with_context(who, clause, lang, data)
    if current is not None and (current.is_same(who) or (
            who.key == current.on_behalf_key or who.key in current.on_behalf_keys)
            and not speaker.national_capacity):
        return current  # a member of the group spoken for, unless "à titre national"
    return None if takeover.doubtful else speaker


_ANSWERED = {"en": r"(?:replied|responded|answered)\b", "fr": r"a\s+répondu\b"}


def _named_again(text: str, lang: str, data: LanguageData, turns: list[_Turn]
                 ) -> Speaker | None:
    """A speaker who spoke before, named again by surname or by title, as a paragraph
    opens ("Ms. Marstrand replied that …", "Taking the floor again, the Under-Secretary-
    General said …", "Reprenant la parole, la Secrétaire générale adjointe a précisé …"):
    that speaker's turn again, and only when an earlier turn is theirs."""
    verb = rf"\s+(?:{_speech_verb(lang)}|{_ANSWERED[lang]})"
    lead = r"^(?:[^,.;:«»“”]{0,80},\s+)?"
    honorific = "|".join(map(re.escape, data.honorifics))
    m = re.match(rf"{lead}(?:{honorific})\s+(?P<name>[A-ZÀ-Þ][\w’'\-]+){verb}", text)
    if m:
        named = [t for t in turns if _surname(t.speaker.speaker) == m.group("name").casefold()]
        return _with_context(replace(named[-1].speaker, reply=False), text, lang, data) \
            if named else None
    titles = "|".join(map(re.escape, sorted(data.un_titles, key=len, reverse=True)))
    m = re.match(rf"{lead}(?:the|la|le|l[’'])\s*(?P<title>{titles}){verb}", text)
    if m:
        title = m.group("title").casefold()
        named = [t for t in turns if (t.speaker.role or "").casefold().startswith(title)]
        return _with_context(replace(named[-1].speaker, reply=False), text, lang, data) \
            if named else None
    return None


def _known_speaker(speaker: Speaker, turns: list[_Turn]) -> Speaker:
    """`Ms. DICARLO, responding …`: the earlier turn of a speaker with that surname."""
    for turn in turns:
        if _surname(turn.speaker.speaker) == _surname(speaker.speaker):
            return replace(turn.speaker, speaker=speaker.speaker, reply=speaker.reply,
                           on_behalf_of=speaker.on_behalf_of or turn.speaker.on_behalf_of,
                           on_behalf_keys=speaker.on_behalf_keys or turn.speaker.on_behalf_keys)
    return speaker


def _read_sentences(texts, pids, kinds, section, lang, data, turns, unattributed, section_kind):
    """Style C: each sentence goes to the delegation it names, or to the one before it when it
    names none ("He, too, …"); collective sentences and those before any speaker stay
    unattributed.  A clause with a subject of its own ("…, while X's delegate said …") goes
    to that subject, as in styles A and B.  All of a delegation's sentences make one turn."""
    by_key: dict[tuple[str, str], _Turn] = {}
    current: Speaker | None = None
    for k in section:
        text = texts[k]
        attributed = False
        for start, end in sentence_spans(text, lang):
            sentence = text[start:end]
            takeovers = _takeovers(sentence, lang, data, loose=True)
            if (not takeovers or takeovers[0].offset > 0) and _collective_opening(sentence,
                                                                                   lang):
                current = None
            cuts = [(0, current)]
            for takeover in takeovers:
                current = _taken_by(takeover, current, sentence[takeover.offset:], lang, data)
                cuts.append((takeover.offset, current))
            for (s, who), (e, _) in zip(cuts, [*cuts[1:], (len(sentence), None)]):
                passage = Passage(pids[k], sentence[s:e].strip())
                if not passage.text:
                    continue
                if who is None:
                    unattributed.append(passage)
                    continue
                attributed = True
                key = _person(who)
                turn = by_key.get(key)
                if turn is None:
                    turn = by_key[key] = _Turn(who, [], section_kind)
                    turns.append(turn)
                turn.passages.append(passage)
        kinds[k] = STATEMENT if attributed else UNATTRIBUTED


def _person(who: Speaker) -> tuple[str, str]:
    """One turn per delegation, and per named official for the UN and other bodies: two UN
    officials who brief are two statements."""
    named = who.speaker and not _is_state(who.key)
    return who.key, who.speaker.split()[-1].casefold() if named else ""


# ---------------------------------------------------------------------------------------
# Statements


def _statements(turns: list[_Turn], briefing_section: bool) -> tuple[Statement, ...]:
    """Number the turns, link repeat turns to the delegation's first one and give each its
    kind.  Without a "Briefings" section, the organizations' officials who speak before any
    State are the meeting's briefers."""
    out: list[Statement] = []
    first_turn: dict[str, int] = {}
    opening = not briefing_section
    for turn in turns:
        if not turn.passages:
            continue
        sp = turn.speaker
        index = len(out)
        identity = sp.key if _is_state(sp.key) else f"{sp.key}:{_surname(sp.speaker)}"
        repeat_of = first_turn.get(identity) if _is_state(sp.key) or sp.speaker else None
        first_turn.setdefault(identity, index)
        opening = opening and not _is_state(sp.key)
        out.append(Statement(
            index=index,
            passages=tuple(turn.passages),
            speaker=sp.speaker,
            speaker_display=display_speaker(sp.speaker) if sp.speaker else None,
            role=sp.role,
            delegation=sp.delegation,
            delegation_key=sp.key,
            on_behalf_of=sp.on_behalf_of,
            on_behalf_key=sp.on_behalf_key,
            on_behalf_keys=sp.on_behalf_keys,
            kind=_turn_kind(turn, repeat_of, opening),
            repeat_of=repeat_of,
        ))
    return tuple(out)


def _surname(name: str | None) -> str:
    return name.split()[-1].casefold() if name else ""


def _turn_kind(turn: _Turn, repeat_of: int | None, opening: bool) -> str:
    sp = turn.speaker
    if turn.section_kind == REPLY or sp.reply or repeat_of is not None:
        return REPLY
    if sp.national_capacity:
        return NATIONAL
    if turn.section_kind == BRIEFING or sp.key == UN_KEY or (opening and sp.key.startswith("org:")):
        return BRIEFING
    return NATIONAL


# Initials ("T.", "T.S.", "A.F.") and roman numerals ("III") keep their capitals.
_KEEP_UPPER = re.compile(r"^(?:[IVX]{2,}|(?:[^\W\d_]\.)+)$")
# Particles written in lower case inside a name (never as its first word).
_NAME_PARTICLES = {"de", "da", "del", "della", "di", "do", "dos", "das", "du", "des", "van",
                   "von", "der", "den", "ter", "bin", "ibn", "y"}
_ARTICLE_PREFIXES = ("al-", "el-")  # AL-SAUD -> al-Saud


def display_speaker(name: str) -> str:
    """Title case for a name written in capitals: `NICOLAS DE RIVIÈRE` -> `Nicolas de
    Rivière`, `T. S. TIRUMURTI` -> `T. S. Tirumurti`, `AL-SAUD` -> `al-Saud`.  Names already
    in mixed case are kept as written."""
    if any(c.islower() for c in name):
        return name
    words = name.split()
    out: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        inner = 0 < i < len(words) - 1
        if inner and (low in _NAME_PARTICLES or (low in {"la", "le"} and out[-1] == "de")):
            out.append(low)
        elif _KEEP_UPPER.match(word):
            out.append(word)
        else:
            out.append(_title_word(low, first=i == 0))
    return " ".join(out)


def _title_word(low: str, first: bool) -> str:
    prefix = ""
    if not first and low.startswith(_ARTICLE_PREFIXES) and len(low) > 3:
        prefix, low = low[:3], low[3:]
    out = ""
    for piece in re.split(r"([\-’'])", low):
        after_apostrophe = out.endswith(("’", "'")) and len(re.split(r"[\-\s]", out)[-1]) > 2
        out += piece if after_apostrophe or not piece else piece[0].upper() + piece[1:]
    return prefix + re.sub(r"^Mc([a-z])", lambda m: "Mc" + m.group(1).upper(), out)


