"""Per-language tables that the parser, splitter, summarizer and issue grouping read.

Everything language-specific lives here as data so that the code stays one code path: a
rule such as "never end a sentence after an honorific" is written once and fed the table of
the release's language.  Adding a language means adding one `LanguageData`, not `if`
branches elsewhere.  Strings are written as they appear in releases (typographic apostrophes
are normalized by the readers, which compare with `normalize_apostrophes`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def normalize_apostrophes(text: str) -> str:
    """Typographic and straight apostrophes compare equal in every table lookup."""
    return text.replace("’", "'").replace("ʼ", "'")


@dataclass(frozen=True, slots=True)
class LanguageData:
    code: str
    # Abbreviations and titles after which a sentence never ends (the next word belongs to
    # the same sentence): honorifics, "No.", "art.", "e.g.".  Written with their periods.
    non_final_abbreviations: tuple[str, ...]
    # Honorifics that may open a speaker name: "M. ANTÓNIO GUTERRES", "Mr. NEBENZIA".
    honorifics: tuple[str, ...]
    # Verbs that report speech; a sentence with one of them is a statement's content.
    reporting_verbs: tuple[str, ...]
    # Verbs that mark a delegation's position on an issue, split by direction.
    support_verbs: tuple[str, ...]
    concern_verbs: tuple[str, ...]
    # Sentence openers that carry no content and are dropped from bullets.
    connectives: tuple[str, ...]
    # Subjects naming several unnamed delegations: never attributed to one delegation.
    collective_subjects: tuple[str, ...]
    # Pronoun / noun subjects that continue the current speaker's statement.
    follow_on_subjects: tuple[str, ...]
    # Nouns naming a delegation's speaker ("the representative of Cuba").
    delegate_nouns: tuple[str, ...]
    # Phrases introducing a group spoken for ("on behalf of the Arab Group").
    on_behalf_markers: tuple[str, ...]
    # Phrases marking a repeat turn ("taking the floor again").
    reply_markers: tuple[str, ...]
    # How a release hands the floor to a delegation named alone ("The Russian Federation, for
    # its part, rejected …"): regular expressions, matched case-insensitively.
    turn_marks: tuple[str, ...]
    # Section headings (compared case-insensitively, whole paragraph).
    section_headings: tuple[str, ...]
    # Section headings that open the right-of-reply part.
    reply_headings: tuple[str, ...]
    # Words that open a section heading the table does not list ("Statements before Vote",
    # "Déclarations après le vote"), compared case-insensitively.
    heading_words: tuple[str, ...]
    # How the language's releases write headings: "title" case ("Rules of Procedure",
    # "Israeli Practices Affecting Palestinian Rights"), where title case alone marks one, or
    # "sentence" case ("Déclarations après le vote").
    heading_case: str
    # Leading articles stripped before matching a delegation name.
    articles: tuple[str, ...]
    # Titles only the United Nations gives; the speaker belongs to org:UN unless another
    # organization is named.  Generic titles ("Executive Director") are left out: they
    # count only with a UN entity named ("Executive Director of UNICEF").
    un_titles: tuple[str, ...]
    stop_words: frozenset[str]


# Quote pairs are the same in both languages (French uses « » and, nested, “ ”).
QUOTE_PAIRS: tuple[tuple[str, str], ...] = (("«", "»"), ("“", "”"))

_EN_STOP = """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves
said says say its it's upon among within without whether however therefore thus also
""".split()

_FR_STOP = """
à au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur
leurs lui ma mais me même mes moi mon ne nos notre nous on ou où par pas pour qu que qui
sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y été étée
étées étés étant suis es est sommes êtes sont serai sera serons seront serait seraient
étais était étions étiez étaient fus fut furent sois soit soient ai as avons avez ont aurai
aura aurons auront aurait auraient avais avait avions aviez avaient eut eurent ayant eu
ceci cela celui celle ceux celles dont entre lors ainsi aussi comme donc leur tout tous toute
toutes très sans sous selon alors après avant depuis pendant contre vers chez afin
""".split()

LANGUAGES: dict[str, LanguageData] = {
    "en": LanguageData(
        code="en",
        non_final_abbreviations=(
            "Mr.", "Ms.", "Mrs.", "Messrs.", "Dr.", "Prof.", "H.E.", "No.", "Nos.", "St.",
            "U.S.", "e.g.", "i.e.", "a.m.", "p.m.", "Gen.", "Lt.", "Col.", "Sr.", "Jr.",
            "Amb.", "Rev.", "Art.", "para.", "vs.", "cf.",
        ),
        honorifics=("Mr.", "Ms.", "Mrs.", "Dr.", "H.E.", "Sir", "Dame", "Prof."),
        reporting_verbs=(
            "said", "stressed", "urged", "condemned", "added", "noted", "warned", "emphasized",
            "underlined", "underscored", "highlighted", "recalled", "pointed out", "observed",
            "called", "called for", "called on", "expressed", "welcomed", "affirmed",
            "reaffirmed", "declared", "stated", "asserted", "argued", "insisted", "maintained",
            "explained", "reported", "told", "cautioned", "appealed", "demanded", "asked",
            "questioned", "rejected", "deplored", "regretted", "commended", "praised",
            "encouraged", "acknowledged", "recognized", "announced", "concluded", "continued",
            "went on", "agreed", "echoed", "lamented", "denounced", "reiterated", "briefed",
            "countered", "responded", "replied", "retorted", "contended", "suggested",
            "proposed", "pledged", "vowed", "promised", "voiced", "outlined", "described",
            "wondered", "complained", "charged", "accused", "criticized", "decried",
            "remarked", "commented", "indicated", "mentioned", "reminded", "requested",
            "clarified", "confirmed", "assured", "drew attention",
        ),
        support_verbs=(
            "welcomed", "supported", "commended", "praised", "endorsed", "backed",
            "applauded", "hailed", "appreciated", "lauded", "expressed support",
            "expressed appreciation", "was pleased", "voiced support",
        ),
        concern_verbs=(
            "expressed concern", "regretted", "condemned", "deplored", "criticized",
            "denounced", "rejected", "opposed", "objected", "lamented", "was concerned",
            "voiced concern", "expressed alarm", "expressed regret", "questioned", "warned",
        ),
        connectives=(
            "In addition", "Additionally", "Furthermore", "Moreover", "Also", "Further",
            "Finally", "Lastly", "However", "Meanwhile", "In that regard", "In this regard",
            "To that end", "Turning to", "For its part", "For his part", "For her part",
        ),
        collective_subjects=(
            "Many speakers", "Several speakers", "Some speakers", "Other speakers",
            "Numerous speakers", "Many delegations", "Several delegations",
            "Some delegations", "Other delegations", "Many delegates", "Several delegates",
            "Some delegates", "Other delegates", "Council members", "Several Council members",
            "Many Member States", "Several Member States", "Some Member States",
            "Numerous delegates", "Numerous delegations", "Most speakers", "Most delegations",
            "Most delegates", "A number of speakers", "A number of delegations",
            "Many representatives", "Several representatives", "Some representatives",
            "Representatives of several", "Representatives of many", "Speakers",
            "Delegates", "Delegations", "Others", "Many", "Several", "Some",
        ),
        follow_on_subjects=(
            "He", "She", "They", "The speaker", "The representative", "The delegate",
            "The Minister", "The Ambassador", "His delegation", "Her delegation",
            "His country", "Her country",
        ),
        delegate_nouns=("representative", "delegate", "delegation", "speaker", "Ambassador"),
        on_behalf_markers=("on behalf of", "speaking for", "speaking on behalf of",
                           "speaking also for", "speaking also on behalf of"),
        turn_marks=(r"for (?:its|their) (?:own )?part", r"on (?:its|their) part",
                    r"in (?:its |their )?turn"),
        reply_markers=("taking the floor again", "took the floor again", "in right of reply",
                       "right of reply", "a second time", "for a second time", "speaking again"),
        section_headings=(
            "Statements", "Briefings", "Briefing", "Action", "Action on Draft",
            "Action on Draft Resolution", "Right of Reply", "Rights of Reply",
            "Explanations of Vote", "Explanation of Vote", "Introduction", "Opening Remarks",
            "Closing Remarks", "Debate", "Statement", "Remarks",
        ),
        reply_headings=("Right of Reply", "Rights of Reply"),
        heading_words=("statement", "statements", "briefing", "briefings", "action",
                       "explanation", "explanations", "right", "rights", "introduction",
                       "opening", "closing", "debate", "remarks", "adoption", "vote", "voting",
                       "presentation", "consideration", "decision", "decisions", "election",
                       "elections", "appointment", "appointments", "report", "reports",
                       "other"),
        heading_case="title",
        articles=("the",),
        un_titles=(
            "Secretary-General", "Deputy Secretary-General", "Under-Secretary-General",
            "Assistant Secretary-General", "Special Coordinator", "Special Envoy",
            "Special Representative", "Special Adviser", "High Commissioner",
            "Emergency Relief Coordinator", "Resident Coordinator",
            "Humanitarian Coordinator", "Special Rapporteur",
            "President of the General Assembly", "Assembly President",
            "General Assembly President", "President of the Economic and Social Council",
            "President of the International Court of Justice", "President of the Human Rights "
            "Council", "Chair of the Committee", "Chairperson of the Committee",
            "Chair of the Special Committee", "Chairman of the Committee", "Permanent Forum",
            # heads and officials of UN offices, funds and agencies, however their title runs
            "Office for the Coordination of Humanitarian Affairs", "United Nations Children",
            "UNICEF", "United Nations Relief and Works Agency", "UNRWA", "World Food Programme",
            "World Health Organization", "United Nations Development Programme",
            "High Commissioner for Refugees", "Department of Political and Peacebuilding Affairs",
            "Department of Peace Operations", "United Nations Population Fund",
        ),
        stop_words=frozenset(_EN_STOP),
    ),
    "fr": LanguageData(
        code="fr",
        non_final_abbreviations=(
            "M.", "Mme", "Mmes", "MM.", "Mlle", "Mlles", "S. E.", "S.E.", "Dr", "Me",
            "Mgr", "Pr", "art.", "no", "nos", "p. ex.", "p.ex.", "c.-à-d.", "cf.", "env.",
            "St", "Ste", "av.", "vol.", "chap.",
        ),
        honorifics=("M.", "Mme", "MM.", "Mmes", "Mlle", "S. E.", "Dr", "Me", "Mgr", "Pr"),
        reporting_verbs=(
            "a indiqué", "a souligné", "a exhorté", "s'est inquiété", "s'est inquiétée",
            "a ajouté", "a déclaré", "a rappelé", "a estimé", "a dit", "a affirmé",
            "a réaffirmé", "a expliqué", "a précisé", "a noté", "a relevé", "a insisté",
            "a averti", "a mis en garde", "a demandé", "a appelé", "a plaidé", "a jugé",
            "a considéré", "a observé", "a constaté", "a fait observer", "a fait remarquer",
            "a fait valoir", "a assuré", "a annoncé", "a conclu", "a poursuivi", "a salué",
            "a appuyé", "a condamné", "a déploré", "a regretté", "a dénoncé", "a rejeté",
            "a encouragé", "a exprimé", "a réitéré", "a martelé", "a argué", "a lancé",
            "a réagi", "a prévenu", "a signalé", "a soutenu", "a espéré", "a tenu à",
            "a voulu", "a exigé", "a réclamé", "a pointé", "a mentionné", "a évoqué",
            "s'est dit", "s'est dite", "s'est félicité", "s'est félicitée",
            "s'est réjoui", "s'est réjouie", "a-t-il dit", "a-t-elle dit", "a-t-il ajouté",
            "a-t-elle ajouté", "a-t-il indiqué", "a-t-elle indiqué",
            "a rétorqué", "a répliqué", "a répondu", "a promis", "a proposé", "a suggéré",
            "a accusé", "a critiqué", "a fustigé", "a décrit", "a détaillé", "a souhaité",
            "a invité", "a prié", "a défendu", "a confirmé", "a contesté", "a mis l'accent",
            "a attiré l'attention", "a fait part", "s'est prononcé", "s'est prononcée",
            "s'est opposé", "s'est opposée", "a reproché", "a abondé", "a tranché",
            "a ironisé", "a renchéri", "a objecté", "a nuancé", "a reconnu", "a admis",
            "a concédé", "a fait savoir", "a mis en avant", "a qualifié", "a alerté",
            "a pris la parole", "a repris la parole",
        ),
        support_verbs=(
            "a salué", "a appuyé", "s'est félicité", "s'est félicitée", "s'est réjoui",
            "s'est réjouie", "a soutenu", "a approuvé", "a loué", "a applaudi",
            "a apporté son soutien", "a apporté son appui", "a exprimé son soutien",
            "a exprimé son appui", "a rendu hommage", "a encouragé", "s'est dit satisfait",
            "s'est dite satisfaite",
        ),
        concern_verbs=(
            "s'est inquiété", "s'est inquiétée", "a regretté", "a condamné", "a déploré",
            "a dénoncé", "a critiqué", "a rejeté", "s'est opposé", "s'est opposée",
            "s'est dit préoccupé", "s'est dite préoccupée", "s'est alarmé", "s'est alarmée",
            "a exprimé sa préoccupation", "a exprimé son inquiétude", "a fustigé",
            "a mis en garde", "a averti", "a contesté",
        ),
        connectives=(
            "Par ailleurs", "En outre", "Enfin", "De plus", "Ensuite", "Également",
            "De même", "Dans ce contexte", "À cet égard", "Pour sa part", "De son côté",
            "Cependant", "Toutefois", "Néanmoins", "Aussi", "Ainsi", "D'autre part",
            "Pour finir", "En conclusion",
        ),
        collective_subjects=(
            "Plusieurs délégations", "De nombreuses délégations", "Certaines délégations",
            "La plupart des délégations", "La plupart des orateurs", "Nombre de délégations",
            "D'autres délégations", "Les délégations", "De nombreux orateurs",
            "Plusieurs orateurs", "Certains orateurs", "D'autres orateurs", "Les orateurs",
            "Plusieurs intervenants", "De nombreux intervenants", "Certains intervenants",
            "Plusieurs membres du Conseil", "Les membres du Conseil",
            "Plusieurs États Membres", "De nombreux États Membres", "Certains États Membres",
            "Plusieurs pays", "Certains", "Plusieurs", "D'autres", "Beaucoup",
        ),
        follow_on_subjects=(
            "Il", "Elle", "Le représentant", "La représentante", "Le délégué",
            "La déléguée", "La délégation", "Le Ministre", "La Ministre", "L'orateur",
            "L'oratrice", "Sa délégation", "Son pays", "Le Vice-Ministre", "La Vice-Ministre",
        ),
        delegate_nouns=("représentant", "représentante", "délégué", "déléguée", "délégation",
                        "orateur", "oratrice", "Ambassadeur", "Ambassadrice"),
        on_behalf_markers=("au nom de", "au nom du", "au nom des"),
        turn_marks=(r"pour (?:sa|leur) part", r"de (?:son|leur) côté",
                    r"quant à (?:lui|elle|eux|elles)", r"à (?:son|leur) tour",
                    r"quant (?:au|aux|à la|à l')"),
        reply_markers=("reprenant la parole", "a repris la parole", "droit de réponse",
                       "une seconde fois", "une deuxième fois"),
        section_headings=(
            "Déclarations", "Déclaration", "Exposés", "Exposé", "Droit de réponse",
            "Droits de réponse", "Explications de vote", "Explication de vote",
            "Décision", "Adoption", "Débat", "Introduction",
        ),
        reply_headings=("Droit de réponse", "Droits de réponse"),
        heading_words=("déclaration", "déclarations", "exposé", "exposés", "explication",
                       "explications", "droit", "droits", "adoption", "décision", "décisions",
                       "débat", "présentation", "introduction", "examen", "vote", "suite",
                       "élection", "élections", "nomination", "nominations", "rapport",
                       "rapports", "intervention", "interventions"),
        heading_case="sentence",
        articles=("le", "la", "les", "l'", "l’"),
        un_titles=(
            "Secrétaire général", "Secrétaire générale", "Vice-Secrétaire général",
            "Vice-Secrétaire générale", "Secrétaire général adjoint",
            "Secrétaire générale adjointe", "Sous-Secrétaire général",
            "Sous-Secrétaire générale", "Coordonnateur spécial", "Coordonnatrice spéciale",
            "Envoyé spécial", "Envoyée spéciale", "Représentant spécial",
            "Représentante spéciale", "Conseiller spécial", "Conseillère spéciale",
            "Haut-Commissaire", "Haute-Commissaire", "Coordonnateur des secours d'urgence",
            "Coordonnateur résident", "Coordonnatrice résidente", "Rapporteur spécial",
            "Rapporteuse spéciale", "Président de l'Assemblée générale",
            "Présidente de l'Assemblée générale", "Président du Conseil économique et social",
            "Présidente du Conseil économique et social",
            "Président de la Cour internationale de Justice",
            "Présidente de la Cour internationale de Justice", "Président du Comité",
            "Présidente du Comité", "Instance permanente",
        ),
        stop_words=frozenset(_FR_STOP),
    ),
}

_WORD = re.compile(r"[^\W\d_]+")


def _distinctive_stop_words() -> dict[str, frozenset[str]]:
    """Stop words of one language that are not also stop words of another."""
    out = {}
    for code, data in LANGUAGES.items():
        others = set().union(*(d.stop_words for c, d in LANGUAGES.items() if c != code))
        out[code] = frozenset(w for w in data.stop_words if w not in others and len(w) > 1)
    return out


_DISTINCTIVE = _distinctive_stop_words()


def detect_language(text: str) -> str:
    """The release's language, from counts of its language's commonest words.

    Press releases are long, plain prose, so the first few thousand characters' stop words
    settle it; this avoids a language-identification model for a two-way choice.  Ties go to
    English.
    """
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    counts = {code: sum(w in stops for w in words) for code, stops in _DISTINCTIVE.items()}
    best = max(counts, key=lambda code: (counts[code], code == "en"))
    return best
