"""Every word of the note that is not taken from the release, in each note language.

The note's language is chosen by the reader (`--lang`), not by the release, so labels, dates,
ordinals and the names of UN bodies are looked up here, in tables keyed by language code.
To add a language, add a column to each table (and a Babel locale), never an `if` branch.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.lists import format_list

# Babel locale per note language.  en_GB because UN documents write "16 February 2022".
LOCALES = {"en": "en_GB", "fr": "fr_FR"}

LABELS: dict[str, dict[str, str]] = {
    "note": {"en": "Briefing note", "fr": "Note d’information"},
    "title": {"en": "{body}: {issues}", "fr": "{body}\u00a0: {issues}"},
    "revision": {"en": "Revised release, version {n}", "fr": "Communiqué révisé, version {n}"},
    "key_points": {"en": "Key points", "fr": "Points clés"},
    "issues": {"en": "Issues and positions", "fr": "Questions et positions"},
    "divergences": {"en": "Where delegations diverge", "fr": "Divergences"},
    "speakers": {"en": "Speakers", "fr": "Orateurs"},
    "statements": {"en": "Statements", "fr": "Déclarations"},
    "issue": {"en": "Issue", "fr": "Question"},
    "delegation": {"en": "Delegation", "fr": "Délégation"},
    "speaker": {"en": "Speaker", "fr": "Orateur"},
    "summary": {"en": "Summary", "fr": "Résumé"},
    "figures": {"en": "Figures and quotes", "fr": "Chiffres et citations"},
    "delegations_count": {"en": "{n} delegations", "fr": "{n} délégations"},
    "delegation_count": {"en": "1 delegation", "fr": "1 délégation"},
    "stance.supports": {"en": "Backed", "fr": "Appui"},
    "stance.concerned": {"en": "Raised concerns", "fr": "Réserves"},
    "stance.neutral": {"en": "Other positions", "fr": "Autres positions"},
    "stance.none": {"en": "Not classified", "fr": "Non classées"},
    # The sides of a text put to the vote, and of a named party's action (Issue.sides).
    # "For the text", not "In favour": the side also holds speakers who cannot vote
    # (observers, non-members) and the release rarely names every voter; the recorded vote
    # itself is the first key point.
    "side.vote.supports": {"en": "For the text", "fr": "Pour le texte"},
    "side.vote.concerned": {"en": "Against the text", "fr": "Contre le texte"},
    "side.vote.neutral": {"en": "Abstained / other", "fr": "Abstention / autres"},
    "side.action.supports": {"en": "Defended", "fr": "Défendu"},
    "side.action.concerned": {"en": "Criticized", "fr": "Critiqué"},
    "side.action.neutral": {"en": "Other positions", "fr": "Autres positions"},
    # an issue section's side heading, naming the action: "Criticized the CSTO's deployment"
    "side.action.supports.on": {"en": "Defended {target}", "fr": "Ont défendu {target}"},
    "side.action.concerned.on": {"en": "Criticized {target}", "fr": "Ont critiqué {target}"},
    "also": {"en": "Also:", "fr": "Également\u00a0:"},
    "session.morning": {"en": "morning", "fr": "matin"},
    "session.afternoon": {"en": "afternoon", "fr": "après-midi"},
    "session.night": {"en": "night", "fr": "nuit"},
    "session.morning and afternoon": {"en": "morning and afternoon", "fr": "matin et après-midi"},
    "meeting": {"en": "{ordinal} meeting", "fr": "{ordinal} séance"},
    "meetings": {"en": "{ordinal} meetings", "fr": "{ordinal} séances"},
    "on_behalf_of": {"en": "on behalf of {name}", "fr": "au nom {name}"},
    "on_behalf_of_list": {"en": "on behalf of {names}",
                          "fr": "au nom des délégations suivantes\u00a0: {names}"},
    "reply": {"en": "right of reply", "fr": "droit de réponse"},
    "again": {"en": "took the floor again", "fr": "a repris la parole"},
    # The Outcome block (briefgen.outcome): one row per text decided on.  French decisions
    # are nouns, so that no past participle has to agree with "résolution" or "texte".
    "outcome": {"en": "Outcome", "fr": "Décisions"},
    "outcome.col.text": {"en": "Text", "fr": "Texte"},
    "outcome.col.decision": {"en": "Decision", "fr": "Décision"},
    "outcome.col.tally": {"en": "Vote", "fr": "Vote"},
    "outcome.col.against": {"en": "Against", "fr": "Contre"},
    "outcome.col.abstaining": {"en": "Abstaining", "fr": "Abstentions"},
    "outcome.subject.resolution": {"en": "Resolution", "fr": "Résolution"},
    "outcome.subject.draft_resolution": {"en": "Draft resolution", "fr": "Projet de résolution"},
    "outcome.subject.amendment": {"en": "Amendment", "fr": "Amendement"},
    "outcome.subject.decision": {"en": "Decision", "fr": "Décision"},
    "outcome.subject.motion": {"en": "Motion", "fr": "Motion"},
    "outcome.subject.paragraph": {"en": "Paragraph", "fr": "Paragraphe"},
    "outcome.subject.text": {"en": "Text put to the vote", "fr": "Texte mis aux voix"},
    "outcome.adopted": {"en": "Adopted", "fr": "Adoption"},
    "outcome.without_vote": {"en": "Adopted without a vote", "fr": "Adoption sans vote"},
    "outcome.rejected": {"en": "Rejected", "fr": "Rejet"},
    "outcome.failed": {"en": "Not adopted", "fr": "Non-adoption"},
    "outcome.vetoed": {"en": "Not adopted (veto)", "fr": "Non-adoption (veto)"},
    "outcome.vetoed_by": {"en": "Not adopted: veto ({names})",
                          "fr": "Non-adoption\u00a0: veto ({names})"},
    "outcome.withdrawn": {"en": "Withdrawn", "fr": "Retrait"},
    "outcome.voted": {"en": "Put to the vote", "fr": "Mise aux voix"},
    # The key point that says what was decided, from the Outcome row's facts.
    "outcome.count.in_favour.one": {"en": "{n} in favour", "fr": "{n} pour"},
    "outcome.count.in_favour.other": {"en": "{n} in favour", "fr": "{n} pour"},
    "outcome.count.against.one": {"en": "{n} against", "fr": "{n} contre"},
    "outcome.count.against.other": {"en": "{n} against", "fr": "{n} contre"},
    "outcome.count.abstaining.one": {"en": "{n} abstention", "fr": "{n} abstention"},
    "outcome.count.abstaining.other": {"en": "{n} abstentions", "fr": "{n} abstentions"},
    "outcome.amends": {"en": "amends {text}", "fr": "modifie {text}"},
    "outcome.in_favour": {"en": "In favour", "fr": "Pour"},
    "outcome.said.in_favour": {"en": "Said they voted in favour",
                               "fr": "Ont dit avoir voté pour"},
    "outcome.said.against": {"en": "Said they voted against", "fr": "Ont dit avoir voté contre"},
    "outcome.said.abstaining": {"en": "Said they abstained", "fr": "Ont dit s’être abstenus"},
    "outcome.sponsors": {"en": "Tabled by", "fr": "Présenté par"},
    "outcome.explained": {"en": "Explained their vote", "fr": "Ont expliqué leur vote"},
    # The key points written from facts (briefgen.keypoints): one template per kind and
    # language; slots are filled only with values the analysis found.  French sentences are
    # built so that no participle has to agree with a name the slot brings, and take the
    # definite article, which reads right after a negation too ("n’a pas adopté le projet").
    "point.text.resolution": {"en": "resolution {document}", "fr": "la résolution {document}"},
    "point.text.resolution.none": {"en": "a resolution", "fr": "la résolution"},
    "point.text.draft_resolution": {"en": "draft resolution {document}",
                                    "fr": "le projet de résolution {document}"},
    "point.text.draft_resolution.none": {"en": "a draft resolution",
                                         "fr": "le projet de résolution"},
    "point.text.amendment": {"en": "amendment {document}", "fr": "l’amendement {document}"},
    "point.text.amendment.none": {"en": "an amendment", "fr": "l’amendement"},
    "point.text.decision": {"en": "decision {document}", "fr": "la décision {document}"},
    "point.text.decision.none": {"en": "a decision", "fr": "la décision"},
    "point.text.motion": {"en": "motion {document}", "fr": "la motion {document}"},
    "point.text.motion.none": {"en": "a motion", "fr": "la motion"},
    "point.text.paragraph": {"en": "paragraph {document}", "fr": "le paragraphe {document}"},
    "point.text.paragraph.none": {"en": "a paragraph", "fr": "le paragraphe"},
    "point.text.text": {"en": "text {document}", "fr": "le texte {document}"},
    "point.text.text.none": {"en": "the text put to the vote", "fr": "le texte mis aux voix"},
    "point.text.title": {"en": " (“{title}”)", "fr": " («\u00a0{title}\u00a0»)"},
    "point.tally": {"en": " by a vote of {parts}", "fr": " par {parts}"},
    "point.tally.join.against": {"en": " to ", "fr": ", "},
    "point.tally.join.abstaining": {"en": ", with ", "fr": " et "},
    # one form where the count does not change the words (count_label falls back to .other)
    "point.tally.in_favour.other": {"en": "{n} in favour", "fr": "{n} voix pour"},
    "point.tally.against.other": {"en": "{n} against", "fr": "{n} voix contre"},
    "point.tally.abstaining.one": {"en": "{n} abstention", "fr": "{n} abstention"},
    "point.tally.abstaining.other": {"en": "{n} abstentions", "fr": "{n} abstentions"},
    "point.outcome.adopted": {"en": "{body} adopted {text}{tally}.",
                              "fr": "{body} a adopté {text}{tally}."},
    "point.outcome.without_vote": {"en": "{body} adopted {text} without a vote.",
                                   "fr": "{body} a adopté sans vote {text}."},
    "point.outcome.vetoed": {
        "en": "{body} failed to adopt {text}{tally}, owing to a permanent member’s veto ({names}).",
        "fr": "{body} n’a pas adopté {text}{tally}, en raison du veto d’un membre permanent "
              "({names})."},
    "point.outcome.failed": {"en": "{body} failed to adopt {text}{tally}.",
                             "fr": "{body} n’a pas adopté {text}{tally}."},
    "point.outcome.rejected": {"en": "{body} rejected {text}{tally}.",
                               "fr": "{body} a rejeté {text}{tally}."},
    "point.outcome.withdrawn": {"en": "{text} was withdrawn.",
                                "fr": "Retrait du texte suivant\u00a0: {text}."},
    "point.outcome.voted": {"en": "{text} was put to the vote{tally}.",
                            "fr": "Mise aux voix du texte suivant\u00a0: {text}{tally}."},
    "point.division": {"en": "Delegations were divided over {label}: {sides}.",
                       "fr": "{label}\u00a0: les délégations étaient partagées. {sides}."},
    "point.division.sep": {"en": "; ", "fr": "\u00a0; "},
    # Who took each side, never how many: not every speaker is placed (see keypoints).
    "point.division.action.supports.one": {"en": "{names} defended it",
                                           "fr": "{names} en a pris la défense"},
    "point.division.action.supports.other": {"en": "{names} were among those who defended it",
                                             "fr": "{names} étaient parmi ceux qui en ont pris "
                                                   "la défense"},
    "point.division.action.concerned.one": {"en": "{names} criticized it",
                                            "fr": "{names} a exprimé des critiques"},
    "point.division.action.concerned.other": {"en": "{names} were among its critics",
                                              "fr": "{names} étaient parmi ceux qui ont "
                                                    "exprimé des critiques"},
    "point.division.any.supports.one": {"en": "{names} backed it",
                                        "fr": "{names} a exprimé son appui"},
    "point.division.any.supports.other": {"en": "{names} were among those who backed it",
                                          "fr": "{names} étaient parmi ceux qui ont exprimé "
                                                "leur appui"},
    "point.division.any.concerned.one": {"en": "{names} raised concerns",
                                         "fr": "{names} a émis des réserves"},
    "point.division.any.concerned.other": {"en": "{names} were among those who raised concerns",
                                           "fr": "{names} étaient parmi ceux qui ont émis des "
                                                 "réserves"},
    "point.others.one": {"en": " and {n} other", "fr": " et {n} autre"},
    "point.others.other": {"en": " and {n} others", "fr": " et {n} autres"},
    # The example is the release's own sentence about that speaker (reported speech, not the
    # speaker's words), so it is not put in quotation marks.
    "point.shared.most": {
        "en": "Most speakers ({n} of {total}) spoke of “{phrase}”. {name}, for one: {quote}.",
        "fr": "La plupart des orateurs ({n} sur {total}) ont évoqué «\u00a0{phrase}\u00a0». "
              "{name}, par exemple\u00a0: {quote}."},
    "point.shared.many": {
        "en": "{n} of {total} speakers spoke of “{phrase}”. {name}, for one: {quote}.",
        "fr": "{n} orateurs sur {total} ont évoqué «\u00a0{phrase}\u00a0». {name}, par "
              "exemple\u00a0: {quote}."},
    "point.body.none": {"en": "the meeting", "fr": "la séance"},
    "page_prefix": {"en": "Page ", "fr": "Page "},
    "page_of": {"en": " of ", "fr": " sur "},
    "original_language": {
        "en": "Summaries are quoted in the original {language}; no translator was configured "
              "(--translator marian).",
        "fr": "Les résumés sont cités dans la langue d’origine ({language}) ; aucun traducteur "
              "n’a été configuré (--translator marian).",
    },
    "machine_translated": {
        "en": "Key points, positions and summaries were machine-translated from {language}; "
              "quotes and figures are left in the original.",
        "fr": "Les points clés, positions et résumés ont été traduits automatiquement "
              "(langue d’origine : {language}) ; citations et chiffres restent dans l’original.",
    },
    "sources": {
        "en": "¶ numbers point to the paragraphs of the press release each point is taken from.",
        "fr": "Les numéros ¶ renvoient aux paragraphes du communiqué dont chaque point est tiré.",
    },
    # The Sources appendix and the ¶ references (briefgen.sources).  "paragraph_sign" is what
    # a screen reader says for ¶ (the PDF's /E expansion, the HTML's <abbr title>).
    "sources_heading": {"en": "Sources", "fr": "Sources"},
    "sources_intro": {
        "en": "The paragraphs of press release {source} that this note cites, word for word, "
              "with their ¶ numbers.",
        "fr": "Les paragraphes du communiqué {source} que cite la note, mot pour mot, avec "
              "leur numéro ¶.",
    },
    "paragraph_sign": {"en": "paragraph", "fr": "paragraphe"},
    "paragraph_link": {"en": "Paragraph {n} of the release", "fr": "Paragraphe {n} du communiqué"},
    "evidence_link": {"en": "{name}: the words that place it, under the issue",
                      "fr": "{name} : les propos qui la placent, sous la question"},
    "cited_in": {"en": "Cited in", "fr": "Cité dans"},
    "back_to": {"en": "Back to {section}", "fr": "Retour à la section {section}"},
    "colophon": {
        "en": "Prepared automatically by briefgen from press release {source}. "
              "Not an official record.",
        "fr": "Établi automatiquement par briefgen à partir du communiqué {source}. "
              "Document non officiel.",
    },
}

# UN bodies as the releases name them, so a French release gets "Security Council" in an
# English note.  Unknown bodies are shown as written.
BODIES: tuple[dict[str, str], ...] = (
    {"en": "Security Council", "fr": "Conseil de sécurité"},
    {"en": "General Assembly", "fr": "Assemblée générale"},
    {"en": "Economic and Social Council", "fr": "Conseil économique et social"},
    {"en": "Human Rights Council", "fr": "Conseil des droits de l’homme"},
    {"en": "Trusteeship Council", "fr": "Conseil de tutelle"},
    {"en": "First Committee", "fr": "Première Commission"},
    {"en": "Second Committee", "fr": "Deuxième Commission"},
    {"en": "Third Committee", "fr": "Troisième Commission"},
    {"en": "Fourth Committee", "fr": "Quatrième Commission"},
    {"en": "Fifth Committee", "fr": "Cinquième Commission"},
    {"en": "Sixth Committee", "fr": "Sixième Commission"},
    {"en": "Commission on the Status of Women", "fr": "Commission de la condition de la femme"},
    {"en": "Peacebuilding Commission", "fr": "Commission de consolidation de la paix"},
)

# Ordinal suffix per CLDR ordinal plural category ("8967th", "1re"/"8967e").
ORDINAL_SUFFIXES = {
    "en": {"one": "st", "two": "nd", "few": "rd", "other": "th"},
    "fr": {"one": "re", "other": "e"},
}


def label(key: str, lang: str, **values: object) -> str:
    """The note's wording for `key` in `lang`, with `{placeholders}` filled in."""
    text = LABELS[key][lang]
    return text.format(**values) if values else text


def count_label(key: str, count: int, lang: str, **values: object) -> str:
    """`key` with the plural form CLDR gives `count` in `lang` ("1 abstention", "3
    abstentions"; French counts 0 and 1 as singular)."""
    form = f"{key}.{_locale(lang).plural_form(count)}"
    return label(form if form in LABELS else f"{key}.other", lang, n=count, **values)


def join_names(names: tuple[str, ...] | list[str], lang: str) -> str:
    """"China, India and the UAE" / "la Chine, l’Inde et les EAU": CLDR list patterns."""
    return format_list(list(names), locale=LOCALES[lang]) if names else ""


def format_date(date: dt.date, lang: str) -> str:
    """Long date as the note's language writes it: 16 February 2022 / 16 février 2022."""
    return _babel_format_date(date, format="long", locale=LOCALES[lang])


def ordinal(number: str | int, lang: str) -> str:
    """8967 -> "8967th" / "8967e", using CLDR's ordinal categories (so 8961st, 1re)."""
    text = str(number)
    try:
        category = _locale(lang).ordinal_form(int(text))
    except ValueError:
        return text
    suffixes = ORDINAL_SUFFIXES[lang]
    return text + suffixes.get(category, suffixes["other"])


def language_name(code: str, lang: str) -> str:
    """Language `code`'s name in `lang`: ("fr", "en") -> "French", ("en", "fr") -> "anglais"."""
    return _locale(lang).languages.get(code, code)


# The article an organization or group takes after "on behalf of" / "au nom": English
# names of organizations and groups all take "the"; French ones take the article of their
# head noun ("de l’Union", "du Groupe", "de la Communauté", "des États").
_FEMININE_FR = ("union", "organisation", "communauté", "ligue", "association", "agence",
                "alliance", "autorité", "banque", "commission", "cour", "coopération",
                "conférence", "zone", "force")
_PLURAL_FR = ("états", "pays", "nations")


def on_behalf_of(name: str, key: str | None, lang: str) -> str:
    """"on behalf of the Caribbean Community" / "au nom de la Communauté des Caraïbes"."""
    collective = bool(key) and key.startswith(("org:", "group:"))
    if lang == "fr":
        first = name.split()[0].casefold() if name.split() else ""
        if first in _PLURAL_FR:
            article = "des "
        elif first[:1] in "aeiouyhéèêâîôû":
            article = "de l’"
        elif not collective:
            article = "de "
        else:
            article = "de la " if first in _FEMININE_FR else "du "
        return label("on_behalf_of", lang, name=article + name)
    return label("on_behalf_of", lang, name=f"the {name}" if collective else name)


def speaks_for(statement, names: dict[str, str], lang: str) -> str:
    """Whom a statement's speaker also speaks for, in the note's language: one group or
    State ("on behalf of the Arab Group"), a list ("on behalf of Denmark, Iceland and
    Norway"), or a group no table knows, as the release wrote it; "" for none."""
    keys = statement.on_behalf_keys
    if len(keys) > 1:
        return label("on_behalf_of_list", lang,
                     names=join_names([names.get(k, k) for k in keys], lang))
    if statement.on_behalf_key:
        key = statement.on_behalf_key
        return on_behalf_of(names.get(key, statement.on_behalf_of or key), key, lang)
    return label("on_behalf_of", lang, name=statement.on_behalf_of) \
        if statement.on_behalf_of else ""


def body_name(body: str | None, lang: str) -> str | None:
    """The UN body's name in the note's language when it is a known one, else as written."""
    if not body:
        return body
    wanted = _fold(body)
    for names in BODIES:
        if wanted in {_fold(n) for n in names.values()}:
            return names[lang]
    return body


def body_subject(body: str | None, lang: str) -> str:
    """The body as the subject of a sentence: "the Security Council", "l’Assemblée
    générale", "le Conseil de sécurité" (French takes the article of the head noun)."""
    name = body_name(body, lang)
    if not name:
        return label("point.body.none", lang)
    if lang != "fr":
        return f"the {name}"
    head = _fold(name).split()[0]
    if head[:1] in "aeiouyhéèêâîôû":
        return f"l’{name}"
    return ("le " if head in _MASCULINE_BODIES_FR else "la ") + name


_MASCULINE_BODIES_FR = ("conseil", "comité", "groupe", "tribunal", "sommet", "forum")


def session_name(session: str | None, lang: str) -> str | None:
    key = f"session.{session}"
    return label(key, lang) if session and key in LABELS else session


def meeting_name(number: str, lang: str) -> str:
    """"8967" -> "8967th meeting"; a joint sitting "15 & 16" -> "15th & 16th meetings"."""
    numbers = number.split(" & ")
    ordinals = " & ".join(ordinal(n, lang) for n in numbers)
    return label("meetings" if len(numbers) > 1 else "meeting", lang, ordinal=ordinals)


def meeting_facts(meeting, lang: str) -> tuple[str, ...]:
    """The meeting's facts as short phrases, in reading order, skipping what is unknown.

    ("Security Council", "8967th meeting", "morning", "16 February 2022")
    """
    facts = [
        body_name(meeting.body, lang),
        meeting_name(meeting.number, lang) if meeting.number else None,
        session_name(meeting.session, lang),
        format_date(meeting.date, lang) if meeting.date else None,
    ]
    return tuple(f for f in facts if f)


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES.get(lang, lang))


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("'", "’")).strip().casefold()
