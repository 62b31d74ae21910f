"""What the parser's stages share: who a piece of text is attributed to (`Speaker`), and the
per-language patterns that more than one stage puts together (delegation articles, "of",
the subjects that make a sentence narration about the body).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import BODIES

UNKNOWN = "unknown"
UN_KEY = "org:UN"

# ---------------------------------------------------------------------------------------
# Per-language patterns for the parts of a release that are not speech.  They are regular
# expressions rather than word lists because each describes a whole line's shape.


# Bodies whose name alone may stand on a header line (the ones the note can name in either
# language), and the subjects that make a sentence narration about the meeting rather than
# speech.
_BODIES = {lang: tuple(names[lang] for names in BODIES) for lang in ("en", "fr")}
_BODY_SUBJECT = {
    "en": r"(?:the|The)\s+(?:\d+-member\s+)?(?:General Assembly|Assembly|Security Council|Council|"
          r"Committee|Commission|body|organ|Economic and Social Council)\b",
    "fr": r"(?:le|Le)\s+Conseil\b|(?:l|L)[’']Assemblée\b|(?:la|La)\s+Commission\b|(?:le|Le)\s+"
          r"Comité\b",
}


def _spellings(*nouns: str) -> tuple[str, ...]:
    """Each noun as releases write it: capital or small initial, straight or typographic
    apostrophe ("Chargé d'affaires", "chargé d’affaires")."""
    return tuple(dict.fromkeys(
        f(n).replace("'", quote) for n in nouns for f in (str.capitalize, str.lower)
        for quote in ("'", "’")))


_OF = {"en": r"(?:of|for|from)\s+", "fr": r"(?:de\s+la\s+|de\s+l[’']|du\s+|des\s+|de\s+|d[’'])"}
# An article before a delegation name: "the Russian Federation", "la Russie", "l'Inde".
_NAME_ARTICLE = {"en": r"(?:the|The)\s+", "fr": r"(?:le|la|les|Le|La|Les)\s+|[Ll]'"}
# A French country named as the subject of a reporting verb: "la Chine a dit".
_ARTICLE_COUNTRY = {"fr": r"(?:(?<=\s)|^)(?:le|la|les|Le|La|Les)\s+|(?:(?<=\s)|^)[Ll][’']"}

_FILLERS = {"en": r"also|today|further|then|again|too|\w+ly",
            "fr": r"de (?:son|leur) côté|pour (?:sa|leur) part|quant à (?:lui|elle|eux|elles)|"
                  r"à (?:son|leur) tour|lui|elle|eux|aussi|"
                  r"également|encore|ensuite|toutefois|cependant|néanmoins|pourtant|en outre|"
                  r"par ailleurs|enfin|d'abord|donc|ainsi|\w+ment"}
_PLURAL_PRONOUNS = {"en": r"They", "fr": r"Ils|Elles"}


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a paragraph or sentence is attributed to."""

    key: str
    delegation: str | None = None
    speaker: str | None = None
    role: str | None = None
    on_behalf_of: str | None = None
    on_behalf_key: str | None = None
    on_behalf_keys: tuple[str, ...] = ()
    reply: bool = False
    national_capacity: bool = False

    def is_same(self, other: Speaker) -> bool:
        """The same speaker: one delegation, and not two people named apart (two UN
        officials in a row are two briefings)."""
        if self.key != other.key:
            return False
        mine, theirs = (s.speaker.split()[-1].casefold() if s.speaker else None
                        for s in (self, other))
        return mine is None or theirs is None or mine == theirs


# Markers for a sentence that is not one delegation's speech.
COLLECTIVE = "collective"


def _is_state(key: str) -> bool:
    return key != UNKNOWN and not key.startswith(("org:", "group:"))


