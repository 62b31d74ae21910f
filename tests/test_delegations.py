"""Delegation keys: one key per delegation across languages and spellings, never a guess."""

from __future__ import annotations

import pytest

from briefgen.delegations import (
    GROUP,
    OBSERVER,
    ORGANIZATION,
    STATE,
    Delegation,
    display_name,
    find_delegation,
    may_open_name,
    resolve,
    resolve_adjective,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    "name, key",
    [
        ("Russian Federation", "RU"), ("Russia", "RU"), ("Russia's", "RU"), ("Russia’s", "RU"),
        ("Fédération de Russie", "RU"), ("la Russie", "RU"), ("la Fédération de Russie", "RU"),
        ("United Kingdom", "GB"), ("Royaume-Uni", "GB"), ("UK", "GB"), ("the U.K.", "GB"),
        (f"le{NBSP}Royaume-Uni", "GB"),
        ("Türkiye", "TR"), ("Turkey", "TR"), ("Turquie", "TR"),
        ("State of Palestine", "PS"), ("État de Palestine", "PS"), ("l’État de Palestine", "PS"),
        ("Holy See", "VA"), ("Saint-Siège", "VA"), ("le Saint-Siège", "VA"),
        ("Émirats arabes unis", "AE"), ("les Émirats arabes unis", "AE"),
        ("United Arab Emirates", "AE"),
        ("République kirghize", "KG"), ("Kirghizistan", "KG"), ("Kyrgyzstan", "KG"),
        ("États-Unis", "US"), ("les États-Unis", "US"), ("United States", "US"),
        ("United States of America", "US"), ("the United States", "US"),
        ("Republic of Korea", "KR"), ("République de Corée", "KR"),
        ("Democratic People's Republic of Korea", "KP"),
        ("Democratic People’s Republic of Korea", "KP"),
        ("Iran (Islamic Republic of)", "IR"), ("Islamic Republic of Iran", "IR"),
        ("Iran", "IR"), ("Iran (République islamique d’)", "IR"),
        ("Bolivarian Republic of Venezuela", "VE"), ("Venezuela (Bolivarian Republic of)", "VE"),
        ("Federated States of Micronesia", "FM"), ("Micronesia (Federated States of)", "FM"),
        ("Saint Vincent and the Grenadines", "VC"), ("Saint-Vincent-et-les Grenadines", "VC"),
        ("Antigua and Barbuda", "AG"),
        ("Syrian Arab Republic", "SY"), ("Syria", "SY"), ("République arabe syrienne", "SY"),
        ("Viet Nam", "VN"), ("Viêt Nam", "VN"),
        ("Côte d’Ivoire", "CI"), ("Côte d'Ivoire", "CI"), ("COTE D'IVOIRE", "CI"),
        ("Democratic Republic of the Congo", "CD"), ("Congo", "CG"),
        ("the Netherlands", "NL"), ("Philippines'", "PH"), ("Kazakhstan", "KZ"),
        ("Bosnie-Herzégovine", "BA"), ("Chine", "CN"),
    ],
)
def test_resolve_states(name, key):
    found = resolve(name)
    assert found is not None, name
    assert found.key == key


@pytest.mark.parametrize(
    "name, key, kind",
    [
        ("United Nations", "org:UN", ORGANIZATION), ("ONU", "org:UN", ORGANIZATION),
        ("l’ONU", "org:UN", ORGANIZATION), ("UN", "org:UN", ORGANIZATION),
        ("Organisation des Nations Unies", "org:UN", ORGANIZATION),
        ("OTSC", "org:CSTO", ORGANIZATION), ("CSTO", "org:CSTO", ORGANIZATION),
        ("Collective Security Treaty Organization", "org:CSTO", ORGANIZATION),
        ("l’Organisation du Traité de sécurité collective", "org:CSTO", ORGANIZATION),
        ("European Union", "org:EU", ORGANIZATION), ("Union européenne", "org:EU", ORGANIZATION),
        ("UE", "org:EU", ORGANIZATION), ("African Union", "org:AU", ORGANIZATION),
        ("UA", "org:AU", ORGANIZATION), ("OCI", "org:OIC", ORGANIZATION),
        ("OTAN", "org:NATO", ORGANIZATION), ("NATO", "org:NATO", ORGANIZATION),
        ("OSCE", "org:OSCE", ORGANIZATION), ("ASEAN", "org:ASEAN", ORGANIZATION),
        ("CEI", "org:CIS", ORGANIZATION), ("League of Arab States", "org:LAS", ORGANIZATION),
        ("Ligue des États arabes", "org:LAS", ORGANIZATION), ("CCG", "org:GCC", ORGANIZATION),
        ("CEDEAO", "org:ECOWAS", ORGANIZATION), ("OCS", "org:SCO", ORGANIZATION),
        ("Pacific Islands Forum", "org:PIF", ORGANIZATION),
        ("CARICOM", "org:CARICOM", ORGANIZATION),
        ("Arab Group", "group:ARAB", GROUP), ("Groupe des États arabes", "group:ARAB", GROUP),
        ("Group of 77 and China", "group:G77", GROUP), ("G77", "group:G77", GROUP),
        ("Non-Aligned Movement", "group:NAM", GROUP), ("African Group", "group:AFRICAN", GROUP),
        ("Nordic countries", "group:NORDIC", GROUP),
        ("State of Palestine", "PS", OBSERVER), ("Estonia", "EE", STATE),
    ],
)
def test_resolve_organizations_groups_and_kinds(name, key, kind):
    assert resolve(name) == Delegation(key, name, kind)


@pytest.mark.parametrize(
    "name",
    ["us", "au", "ue", "un", "Norland", "Norlandie", "", "  ", "Korea", "Russi", "Mr. Smith",
     "Russian", "russe"],
)
def test_resolve_never_guesses(name):
    assert resolve(name) is None


def test_resolve_keeps_the_name_as_written():
    assert resolve(" la Fédération de Russie, ").name == "la Fédération de Russie"


@pytest.mark.parametrize(
    "phrase, key",
    [
        ("Minister for Foreign Affairs of Estonia", "EE"),
        ("Secrétaire général de l’ONU", "org:UN"),
        ("Secrétaire général de l’OTSC", "org:CSTO"),
        ("Vice-Ministre des affaires étrangères de la Fédération de Russie", "RU"),
        ("Permanent Observer for the State of Palestine", "PS"),
        ("Observateur permanent de l’État de Palestine", "PS"),
        ("Under-Secretary-General for Humanitarian Affairs", "org:UN"),
        ("Special Envoy of the Secretary-General for Norland", "org:UN"),
        ("Special Coordinator for the Middle East Peace Process", "org:UN"),
        ("Haut-Commissaire des Nations Unies aux droits de l’homme", "org:UN"),
        ("Special Representative of the African Union Commission", "org:AU"),
        ("Secretary-General of the League of Arab States", "org:LAS"),
        ("Permanent Representative of Norway to the United Nations", "NO"),
        ("Chef de la délégation de l’Union européenne", "org:EU"),
        ("Deputy Minister for Foreign Affairs of the Republic of Korea", "KR"),
        ("Minister of State of Côte d’Ivoire", "CI"),
    ],
)
def test_find_delegation(phrase, key):
    found = find_delegation(phrase, "fr" if "é" in phrase or "’" in phrase else "en")
    assert found is not None and found.key == key, phrase


@pytest.mark.parametrize(
    "phrase",
    [
        "Chief Executive of a private foundation",
        "the chad in the garden",  # lower-case words that happen to be names
        "Director of the Norland Research and Evaluation Unit",
        "Executive Director of the Kenya Red Cross Society",  # a State inside another name
        "Director of the Norwegian Refugee Council",  # demonyms are not names
        "le Vice-Ministre russe",  # resolve_adjective's job, not a name
    ],
)
def test_find_delegation_knows_when_to_stop(phrase):
    assert find_delegation(phrase, "en") is None


@pytest.mark.parametrize(
    "phrase, key",
    [
        ("Permanent Observer of the Sovereign Order of Malta to the United Nations", "org:SMOM"),
        ("Head of the United Nations Assistance Mission in Afghanistan", "org:UN"),
        ("Chef de la Mission d’assistance des Nations Unies en Norlandie", "org:UN"),
        ("Minister for Foreign and European Affairs for Luxembourg", "LU"),
        ("Head of the African Union Mission in Somalia", "org:AU"),
        ("Executive Director of UNICEF", "org:UN"),
        ("Director General of the International Atomic Energy Agency", "org:IAEA"),
    ],
)
def test_find_delegation_inside_longer_names(phrase, key):
    assert find_delegation(phrase, "en").key == key


@pytest.mark.parametrize(
    "word, lang, key",
    [
        ("américaine", "fr", "US"), ("kazakhstanaise", "fr", "KZ"), ("russe", "fr", "RU"),
        ("britannique", "fr", "GB"), ("chinoise", "fr", "CN"), ("turque", "fr", "TR"),
        ("onusien", "fr", "org:UN"), ("Syrian", "en", "SY"), ("Russian", "en", "RU"),
        ("Russians", "en", "RU"),
    ],
)
def test_resolve_adjective(word, lang, key):
    assert resolve_adjective(word, lang).key == key


@pytest.mark.parametrize("word, lang", [("Korean", "en"), ("congolais", "fr"), ("un", "fr")])
def test_ambiguous_adjectives_are_unknown(word, lang):
    assert resolve_adjective(word, lang) is None


@pytest.mark.parametrize(
    "key, en, fr",
    [
        ("RU", "Russian Federation", "Fédération de Russie"),
        ("KR", "Republic of Korea", "République de Corée"),
        ("KP", "Democratic People's Republic of Korea", "République populaire démocratique de Corée"),
        ("VN", "Viet Nam", "Viet Nam"),
        ("PS", "State of Palestine", "État de Palestine"),
        ("VA", "Holy See", "Saint-Siège"),
        ("TR", "Türkiye", "Türkiye"),
        ("GB", "United Kingdom", "Royaume-Uni"),
        ("US", "United States", "États-Unis"),
        ("DE", "Germany", "Allemagne"),
        ("KG", "Kyrgyzstan", "Kirghizistan"),
        ("org:UN", "United Nations", "Organisation des Nations Unies"),
        ("org:CSTO", "Collective Security Treaty Organization",
         "Organisation du Traité de sécurité collective"),
        ("group:ARAB", "Arab Group", "Groupe des États arabes"),
        ("org:XYZ", "XYZ", "XYZ"),
    ],
)
def test_display_name(key, en, fr):
    assert display_name(key, "en") == en
    assert display_name(key, "fr") == fr


def test_every_name_resolves_back_to_its_key():
    """What the note shows must resolve to the same delegation (no key drift)."""
    for key in ["RU", "KR", "KP", "IR", "SY", "VE", "BO", "TZ", "MD", "LA", "VN", "PS", "VA",
                "TR", "FM", "CD", "CG", "CI", "GB", "US", "AE", "KG", "org:UN", "org:EU",
                "group:G77"]:
        for lang in ("en", "fr"):
            assert resolve(display_name(key, lang)).key == key, (key, lang)


@pytest.mark.parametrize(
    "phrase, lang",
    [
        ("President of the General Assembly", "en"),
        ("Présidente de l’Assemblée générale", "fr"),
        ("Commissioner-General of UNRWA", "en"),
        ("Deputy Special Coordinator for the Middle East Peace Process, Resident Coordinator "
         "and Humanitarian Coordinator for the Occupied Palestinian Territory", "en"),
    ],
)
def test_un_officials(phrase, lang):
    assert find_delegation(phrase, lang).key == "org:UN"


def test_un_title_naming_another_organization():
    assert find_delegation("Executive Secretary of the Economic Community of West African "
                           "States", "en").key == "org:ECOWAS"
    assert find_delegation("President of the International Committee of the Red Cross",
                           "en").key == "org:ICRC"


@pytest.mark.parametrize("text", [
    "Saint Vincent and the Grenadines said", "the Russian Federation's delegate", "Russia’s",
    "la Fédération de Russie a dit", "l’ONU a", "U.K. delegate", "the UK's", "OTSC",
    "Iran (Islamic Republic of) said", "Royaume-Uni", "Etats-Unis d'Amérique",
])
def test_a_text_a_name_opens_may_open_one(text):
    assert may_open_name(text)


@pytest.mark.parametrize("text", [
    "Speakers also said", "Le représentant a", "the delegate", "Mr. NAME", "Par ailleurs",
    "Zebedee the zebra", "ZZZ Group",
])
def test_a_text_no_name_opens_is_ruled_out_at_once(text):
    """The parser skips the longest-name scan on these; it may only skip what it would miss."""
    assert not may_open_name(text)
    words = text.split()
    assert not any(resolve(" ".join(words[:k])) for k in range(1, len(words) + 1))
