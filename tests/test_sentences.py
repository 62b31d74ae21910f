"""Sentence splitting.  Unit sentences are our own, fictional; the corpus test only reads."""

from __future__ import annotations

import re

import pytest

from briefgen.errors import BriefgenError
from briefgen.sentences import sentence_spans, split_sentences

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        (
            f"M.{NBSP}T. S. TIRUMURTI (Norlandie) a indiqué que 3{NBSP}800 soldats sont partis. "
            f"Il a ajouté que 6{NNBSP}800 tonnes ont été livrées.",
            "fr",
            [
                f"M.{NBSP}T. S. TIRUMURTI (Norlandie) a indiqué que 3{NBSP}800 soldats sont partis.",
                f"Il a ajouté que 6{NNBSP}800 tonnes ont été livrées.",
            ],
        ),
        (
            "Pour S. E. M. Dupont, la mission est utile. MM. Durand et Martin ont parlé. "
            "Selon l’art. 5, rien ne change. Mme Leblanc a conclu.",
            "fr",
            [
                "Pour S. E. M. Dupont, la mission est utile.",
                "MM. Durand et Martin ont parlé.",
                "Selon l’art. 5, rien ne change.",
                "Mme Leblanc a conclu.",
            ],
        ),
        (
            "Le délégué a salué M. Durand. Il a ensuite parlé de Mme Petit.",
            "fr",
            ["Le délégué a salué M. Durand.", "Il a ensuite parlé de Mme Petit."],
        ),
        (
            f"«{NBSP}Nous sommes inquiets. La situation empire.{NBSP}», a dit M. Durand. "
            "Ensuite la séance a été levée.",
            "fr",
            [
                f"«{NBSP}Nous sommes inquiets. La situation empire.{NBSP}», a dit M. Durand.",
                "Ensuite la séance a été levée.",
            ],
        ),
        (
            f"«{NBSP}La mission doit partir. Elle est prête.{NBSP}» {NBSP}Le représentant a "
            "ensuite parlé du budget.",
            "fr",
            [
                f"«{NBSP}La mission doit partir. Elle est prête.{NBSP}»",
                "Le représentant a ensuite parlé du budget.",
            ],
        ),
        (
            "Mr. NORDBY (Norland) said that Jane J. Chigiyal agreed. H.E. Mr. Smith spoke "
            "at 10 a.m. on Monday. Ms. Jones and Mrs. Brown left.",
            "en",
            [
                "Mr. NORDBY (Norland) said that Jane J. Chigiyal agreed.",
                "H.E. Mr. Smith spoke at 10 a.m. on Monday.",
                "Ms. Jones and Mrs. Brown left.",
            ],
        ),
        (
            "SALEM AYYAD SH. A. NORDI (Norland) said it. Then he left.",
            "en",
            ["SALEM AYYAD SH. A. NORDI (Norland) said it.", "Then he left."],
        ),
        (
            "“We are worried. Things are worse,” said Ms. Jones. Then Dr. Brown spoke.",
            "en",
            ["“We are worried. Things are worse,” said Ms. Jones.", "Then Dr. Brown spoke."],
        ),
        (
            "She cited No. 5 of the report. “Even a mission has rules.” At noon, he left.",
            "en",
            [
                "She cited No. 5 of the report.",
                "“Even a mission has rules.”",
                "At noon, he left.",
            ],
        ),
    ],
)
def test_split(text, lang, expected):
    assert split_sentences(text, lang) == expected


def test_spans_index_the_input_and_keep_typography():
    text = f"  M.{NBSP}DURAND (Norlandie) a dit qu’il part.  Il revient.\n\nAutre paragraphe. Fin. "
    spans = sentence_spans(text, "fr")
    sentences = [text[s:e] for s, e in spans]
    assert sentences == [
        f"M.{NBSP}DURAND (Norlandie) a dit qu’il part.",
        "Il revient.",
        "Autre paragraphe.",
        "Fin.",
    ]
    assert all(s < e for s, e in spans) and spans == sorted(spans)


def test_blank_lines_always_end_a_sentence():
    assert split_sentences("Title line\n\nFirst sentence here", "en") == [
        "Title line",
        "First sentence here",
    ]


def test_quote_left_open_does_not_swallow_the_paragraph():
    # A quotation continued in the next paragraph leaves this one unbalanced on purpose.
    text = "“We stand ready. The mission must go on. We will not give up."
    assert len(split_sentences(text, "en")) == 3


# FICTIONAL paragraphs, written for this test: abbreviations with and without their period,
# at a sentence end, before a number, a capital or a lower-case word, dotted ones.
ABBREVIATION_PARAGRAPHS = [
    "Mr. Smith of St. Lucia spoke at 10 a.m. on item No. 5. The U.S. delegation, e.g. its "
    "Ph.D. advisers, left. Mr Jones stayed; no one asked him. Dr. Lee cited vol. 3, p. 12. "
    "Ms. Park met Gen. Ortiz, Sen. Vale and Prof. Ito in the St Louis office etc. Then all left.",
    "M. Dupont, c.-à-d. le représentant, a parlé de l’art. 5 et des p. 7 à 9. MM. Durand et "
    "Martin ont cité le vol. 2, chap. 4. Mme Leblanc a conclu vers 9 h. env. La séance a été "
    "levée. S. E. M. Kali, Ambassadeur, cf. le doc. A/80/1, a répondu. Etc. Fin.",
    "ST. LUCIA AND NO. 10 WERE NAMED. ſt. Marc is a spelling test. Inc. and Ltd. companies "
    "(i.e. firms) paid U.S.$ 5 million.",
]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("paragraph", ABBREVIATION_PARAGRAPHS)
def test_the_quick_abbreviation_check_splits_exactly_as_pysbd(paragraph, lang):
    import pysbd

    from briefgen.sentences import _segmenter

    stock = pysbd.Segmenter(language=lang, clean=False, char_span=False)
    assert _segmenter(lang).processor(paragraph).process() == \
        stock.processor(paragraph).process()


def test_empty_text_and_unknown_language():
    assert split_sentences("", "en") == []
    assert split_sentences(" \n\n ", "fr") == []
    with pytest.raises(BriefgenError, match="unsupported language"):
        split_sentences("Hallo.", "de")


_BAD_END = re.compile(
    r"(?:^|\s)(?:M\.|Mme|MM\.|Mr\.|Ms\.|Mrs\.|Dr\.|[A-Z]\.)$|[A-Z]{2,} [A-Z]{1,3}\.$"
)
CORPUS = [
    "CS-14794.fr.txt", "GA-12406.en.txt", "GA-12548.en.txt", "GA-12553.en.txt",
    "SC-14808.en.txt", "SC-14819.en.txt", "SC-15462.en.txt", "SC-15570.en.txt",
    "SC-16023.en.txt",
]


@pytest.mark.parametrize("name", CORPUS)
def test_corpus_never_cuts_names_or_quotes(corpus, name):
    text = corpus(name).read_text(encoding="utf-8")
    lang = name.split(".")[-2]
    for paragraph in filter(str.strip, re.split(r"\n\s*\n", text)):
        balanced = all(paragraph.count(o) == paragraph.count(c) for o, c in ("«»", "“”"))
        for sentence in split_sentences(paragraph, lang):
            assert sentence in paragraph
            assert not _BAD_END.search(sentence), sentence[-80:]
            if balanced:
                for o, c in ("«»", "“”"):
                    assert sentence.count(o) == sentence.count(c), sentence[:120]


def test_largest_release_splits(corpus):
    """Its speed is measured by bench/parse_speed.py (parse includes the split), not here."""
    text = corpus("SC-15462.en.txt").read_text(encoding="utf-8")
    assert len(sentence_spans(text, "en")) > 500


# --- language tables (briefgen.languages) --------------------------------------------------


def test_every_language_fills_every_table():
    from dataclasses import fields

    from briefgen.languages import LANGUAGES

    assert set(LANGUAGES) == {"en", "fr"}
    for code, data in LANGUAGES.items():
        assert data.code == code
        for f in fields(data):
            assert getattr(data, f.name), (code, f.name)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Le représentant de la Norlandie a déclaré que la mission est utile pour le pays.", "fr"),
        ("The representative of Norland said that the mission was useful for the country.", "en"),
        ("M. DURAND (Norlandie) a indiqué qu’il est inquiet.", "fr"),
        ("", "en"),
    ],
)
def test_detect_language(text, lang):
    from briefgen.languages import detect_language

    assert detect_language(text) == lang


def test_detect_language_on_the_examples(examples):
    from briefgen.languages import detect_language

    for lang in ("en", "fr"):
        text = (examples / f"sample-release.{lang}.txt").read_text(encoding="utf-8")
        assert detect_language(text) == lang
