"""The parser against lists we wrote by reading each real release (tests/expected/*.json).

The expected lists are our annotation, never the parser's output: every speaker turn in order
with its delegation key and kind (styles A and B), or the delegations given at least one
sentence (style C).  A failure prints a side-by-side diff of the turns.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

from briefgen.loading import read_source
from briefgen.model import PARAGRAPH_KINDS, STATEMENT

EXPECTED = Path(__file__).resolve().parent / "expected"
RELEASES = sorted(path.stem for path in EXPECTED.glob("*.json"))  # "CS-14794.fr", ...

parse_module = pytest.importorskip("briefgen.parse", reason="briefgen.parse is not written yet")


def expected(name: str) -> dict:
    return json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))


_PARSED: dict[str, object] = {}


def parsed(corpus, name: str):
    """Each release is parsed once for the whole module."""
    if name not in _PARSED:
        text, stem = read_source(corpus(f"{name}.txt"))
        _PARSED[name] = parse_module.parse_release(text, source_name=stem)
    return _PARSED[name]


def turn_diff(want: list[str], got: list[str]) -> str:
    lines = difflib.unified_diff(want, got, "expected (read by us)", "parsed", lineterm="", n=2)
    return "\n".join(lines)


def test_every_release_has_an_expected_list():
    assert len(RELEASES) == 9
    for name in RELEASES:
        data = expected(name)
        assert data["style"] in ("A", "B", "C")
        assert data.get("statements") or data.get("delegations")


@pytest.mark.parametrize("name", RELEASES)
def test_speaker_turns_match_our_reading(corpus, name):
    want = expected(name)
    release = parsed(corpus, name)
    if want["style"] == "C":
        found = {s.delegation_key for s in release.statements}
        required, optional = set(want["delegations"]), set(want.get("optional_delegations", []))
        assert required <= found <= required | optional, (
            f"missing: {sorted(required - found)}; unexpected: {sorted(found - required - optional)}")
        return
    wanted = [f"{t['delegation_key']} {t['kind']}" for t in want["statements"]]
    got = [f"{s.delegation_key} {s.kind}" for s in release.statements]
    assert got == wanted, f"{len(got)} turns parsed, {len(wanted)} expected\n" + turn_diff(
        wanted, got)


@pytest.mark.parametrize("name", RELEASES)
def test_delegations_match_ignoring_kind(corpus, name):
    """The attribution alone, so a kind mistake does not hide a wrong delegation (or vice versa)."""
    want = expected(name)
    if want["style"] == "C":
        pytest.skip("style C is checked as a set above")
    wanted = [t["delegation_key"] for t in want["statements"]]
    got = [s.delegation_key for s in parsed(corpus, name).statements]
    assert got == wanted, turn_diff(wanted, got)


@pytest.mark.parametrize("name", RELEASES)
def test_speaker_names(corpus, name):
    """Where we noted the name as written, the parsed speaker carries it (titles aside)."""
    want = expected(name)
    release = parsed(corpus, name)
    pairs = [(t["speaker"], s.speaker) for t, s in zip(want.get("statements", []),
                                                        release.statements) if "speaker" in t]
    if not pairs:
        pytest.skip("no speaker names annotated")
    fold = lambda s: " ".join((s or "").replace("\u00a0", " ").casefold().split())  # noqa: E731
    wrong = [(w, g) for w, g in pairs if fold(w) not in fold(g)]
    assert not wrong, f"expected name not in parsed speaker: {wrong}"


@pytest.mark.parametrize("name", RELEASES)
def test_on_behalf_of_groups(corpus, name):
    want = expected(name)
    if want["style"] == "C":
        pytest.skip("no group speakers annotated in style C")
    release = parsed(corpus, name)
    wanted = [(t["delegation_key"], bool(t.get("on_behalf_key"))) for t in want["statements"]]
    got = [(s.delegation_key, bool(s.on_behalf_key)) for s in release.statements]
    assert got == wanted, turn_diff([f"{k} on-behalf={b}" for k, b in wanted],
                                    [f"{k} on-behalf={b}" for k, b in got])


@pytest.mark.parametrize("name", RELEASES)
def test_no_paragraph_is_silently_dropped(corpus, name):
    text, _ = read_source(corpus(f"{name}.txt"))
    release = parsed(corpus, name)
    blocks = [block for block in text.split("\n\n") if block.strip()]
    assert [p.pid for p in release.paragraphs] == [f"p{i}" for i in range(1, len(blocks) + 1)]
    assert [p.text.strip() for p in release.paragraphs] == [b.strip() for b in blocks]
    assert all(p.kind in PARAGRAPH_KINDS for p in release.paragraphs)
    in_statements = {pid for s in release.statements for pid in s.paragraphs}
    unattributed = {p.pid for p in release.unattributed}
    for paragraph in release.paragraphs:
        if paragraph.kind == STATEMENT:
            assert paragraph.pid in in_statements, f"{paragraph.pid} is a statement paragraph " \
                f"in no statement: {paragraph.text[:80]!r}"
    assert in_statements <= {p.pid for p in release.paragraphs}
    assert unattributed <= {p.pid for p in release.paragraphs}


@pytest.mark.parametrize("name", RELEASES)
def test_repeat_turns_point_to_the_first_turn(corpus, name):
    release = parsed(corpus, name)
    for statement in release.statements:
        if statement.repeat_of is not None:
            first = release.statements[statement.repeat_of]
            assert first.index < statement.index
            assert first.delegation_key == statement.delegation_key


@pytest.mark.parametrize("name", [n for n in RELEASES if "meeting" in expected(n)])
def test_meeting_header(corpus, name):
    meeting = parsed(corpus, name).meeting
    for field, value in expected(name)["meeting"].items():
        assert getattr(meeting, field) == value, field


@pytest.mark.parametrize("name", RELEASES)
def test_language_and_name(corpus, name):
    release = parsed(corpus, name)
    assert release.meeting.language == name.split(".")[1]
    assert release.name == name.split(".")[0]


def test_poland_inside_frances_paragraph_is_polands(corpus):
    """GA-12548 p33: France's turn, then Poland's representative takes over in mid-paragraph
    and speaks to its end (our reading of the release)."""
    release = parsed(corpus, "GA-12548.en")
    pieces = [(s.delegation_key, p.text) for s in release.statements for p in s.passages
              if p.pid == "p33"]
    assert [key for key, _ in pieces] == ["FR", "PL"]
    france, poland = (text for _, text in pieces)
    assert "Poland" not in france and "Polish" not in france
    assert poland.startswith("Echoing") and "Poland" in poland
    assert release.paragraph("p33").text == f"{france} {poland}"
    poland_turn = next(s for s in release.statements if s.delegation_key == "PL")
    assert poland_turn.paragraphs == ("p33",) and poland_turn.repeat_of is None


@pytest.mark.parametrize("name", RELEASES)
def test_passages_are_exact_pieces_of_their_paragraph(corpus, name):
    """A passage is its paragraph or some of its sentences, as written: never text moved
    from elsewhere, so every bullet can be traced and checked against the release."""
    release = parsed(corpus, name)
    for passage in [p for s in release.statements for p in s.passages] + list(
            release.unattributed):
        assert passage.text and passage.text in release.paragraph(passage.pid).text


@pytest.mark.parametrize("name", RELEASES)
def test_the_lead_is_never_a_statement(corpus, name):
    release = parsed(corpus, name)
    lead = set(release.lead)  # SC-16023 opens with the first briefer: no lead
    in_statements = {pid for s in release.statements for pid in s.paragraphs}
    assert not lead & in_statements
    assert not lead & {p.pid for p in release.unattributed}


_CAPITAL_NAME = re.compile(r"\b(?:[A-ZÀ-Þ][A-ZÀ-Þ’'\-.]*\s+){0,6}[A-ZÀ-Þ][A-ZÀ-Þ’'\-]+(?=\s*\()")


def mixed_case_names(text: str) -> str:
    """The release as a copy from a page that only shows the capitals leaves it: `M. JAMES
    KARIUKI (Royaume-Uni)` -> `M. James Kariuki (Royaume-Uni)`; acronyms stay."""
    return _CAPITAL_NAME.sub(lambda m: m.group().title() if len(re.sub(r"\W", "", m.group())) > 4
                             else m.group(), text)


@pytest.mark.parametrize("name", [n for n in RELEASES if expected(n)["style"] == "A"])
def test_style_a_with_names_in_mixed_case_parses_the_same(corpus, name):
    text, stem = read_source(corpus(f"{name}.txt"))
    variant = mixed_case_names(text)
    assert variant != text
    turns = lambda release: [(s.delegation_key, s.kind, s.paragraphs)  # noqa: E731
                             for s in release.statements]
    assert turns(parse_module.parse_release(variant, stem)) == turns(parsed(corpus, name))
