"""render: templates, escaping, JSON schema, the PDF itself, and atomic writes."""

from __future__ import annotations

import importlib
import io
import json
import re
from pathlib import Path

import pytest
from fictional import fictional_analysis, fictional_release, fictional_summaries

from briefgen.compose import compose
from briefgen.errors import BriefgenError
from briefgen.render import (
    css_string,
    md_escape,
    output_path,
    render,
    shipped_templates,
    write_outputs,
)
from briefgen.settings import Settings

# briefgen.render is also the name of the package-level function: fetch the module itself.
render_module = importlib.import_module("briefgen.render")
SCHEMA = Path(render_module.__file__).parent / "schema" / "briefing.schema.json"


def note(lang: str = "en", length: str = "standard"):
    release = fictional_release("fr")
    summaries = fictional_summaries(release)
    return compose(release, summaries, fictional_analysis(release, summaries),
                   Settings(lang=lang, length=length))


def test_shipped_templates_are_found():
    folder = shipped_templates()
    for name in ("briefing.html", "briefing.css", "briefing.md", "fonts/OFL.txt"):
        assert (folder / name).is_file(), name


@pytest.mark.parametrize("lang, labels, absent", [
    ("en", ["Key points", "Where delegations diverge", "Speakers", "United Kingdom",
            "16 February 2022", "9999th meeting"], ["Royaume-Uni", "Points clés"]),
    ("fr", ["Points clés", "Divergences", "Orateurs", "Royaume-Uni", "16 février 2022",
            "9999e séance"], ["United Kingdom", "Key points"]),
])
def test_html_labels_and_names_switch_with_the_note_language(lang, labels, absent):
    page = render(note(lang), "html").decode()
    assert f'<html lang="{lang}">' in page
    html = page.split("<body>")[1]
    for text in labels:
        assert text in html, text
    for text in absent:
        assert text not in html, text


def test_release_text_is_escaped_in_html_and_inert_in_markdown():
    briefing = note()
    html = render(briefing, "html").decode()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    md = render(briefing, "md").decode()
    assert "\\<script\\>" in md and "<script>" not in md
    assert md_escape("*bold* [link](x) `code` | pipe") == \
        "\\*bold\\* \\[link\\](x) \\`code\\` \\| pipe"
    assert md_escape("1. not a list") == "1\\. not a list"


def test_markdown_note_reads_as_markdown():
    md = render(note("en"), "md").decode()
    assert md.startswith("# ")
    assert "## Key points" in md and "## Where delegations diverge" in md
    assert "| Issue | Backed | Raised concerns | Other positions |" in md
    # the briefer's point under the briefer's name (the French role would not read in English)
    assert re.search(r"^1\. \*\*Alma Verenska \(United Nations\)\*\* — .+\(¶\u00a0\d+\)$", md,
                     re.MULTILINE)
    assert "> **FR** Summaries are quoted in the original French" in md
    assert "\n\n\n\n" not in md


def test_css_string_cannot_break_out_of_the_style_element():
    value = str(css_string('CS/1 "}</style><script>'))
    assert value.startswith('"') and value.endswith('"')
    assert not set('<>{};') & set(value[1:-1]) and value.count('"') == 2


def test_json_matches_the_documented_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema,
                                                format_checker=jsonschema.FormatChecker())
    for lang, length in (("en", "standard"), ("fr", "full"), ("en", "short")):
        data = json.loads(render(note(lang, length), "json"))
        validator.validate(data)
    assert data["key_points"][0]["delegation"] and data["key_points"][0]["source"]


def test_user_templates_come_first_and_can_extend_the_shipped_ones(tmp_path):
    (tmp_path / "briefing.html").write_text(
        '{% extends "default:briefing.html" %}'
        '{% block key_points %}<p id="mine">{{ briefing.key_points | length }} points</p>'
        '{% endblock %}')
    html = render(note(), "html", templates=tmp_path).decode()
    assert '<p id="mine">' in html and "Where delegations diverge" in html
    assert "<ol>" not in html.split("Where delegations diverge")[0]


def test_a_broken_user_template_is_a_one_line_user_error(tmp_path):
    (tmp_path / "briefing.md").write_text("{% block x %}unclosed")
    with pytest.raises(BriefgenError, match="template error") as info:
        render(note(), "md", templates=tmp_path)
    assert "\n" not in str(info.value)


def test_the_pdf_fetcher_refuses_remote_and_outside_files(tmp_path):
    pytest.importorskip("weasyprint")
    fetcher = render_module._local_fetcher((shipped_templates().resolve(),))
    for url in ("http://example.org/x.css", "https://example.org/f.otf", "ftp://h/x",
                Path("/etc/hostname").as_uri(), (shipped_templates() / ".." / "pyproject.toml")
                .as_uri()):
        with pytest.raises(ValueError, match="refusing"):
            fetcher.fetch(url)
    response = fetcher.fetch((shipped_templates() / "briefing.css").resolve().as_uri())
    assert b"@page" in response.read()


@pytest.fixture(scope="module")
def pdfs():
    pytest.importorskip("weasyprint")
    return {lang: render(note(lang), "pdf") for lang in ("en", "fr")}


@pytest.mark.parametrize("lang, footer, heading, gb", [
    ("en", "Page 1 of", "WHERE DELEGATIONS DIVERGE", "United Kingdom"),
    ("fr", "Page 1 sur", "DIVERGENCES", "Royaume-Uni"),
])
def test_pdf_text_metadata_and_language(pdfs, lang, footer, heading, gb):
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(pdfs[lang]))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert footer in text and heading in text and gb in text
    assert "Barrage d’Arcadie" in text
    assert f"Page {len(reader.pages)} " in text
    # an English note of a French release is titled in English from its facts
    assert reader.metadata.title.startswith(
        "Conseil de sécurité : débat fictif" if lang == "fr" else "Security Council: Barrage")
    assert reader.metadata.author == "briefgen"
    assert reader.trailer["/Root"]["/Lang"] == lang


def test_pdf_first_page_is_a4_and_not_blank(pdfs):
    pdfium = pytest.importorskip("pypdfium2")
    page = pdfium.PdfDocument(pdfs["en"])[0]
    image = page.render(scale=60 / 72).to_pil().convert("L")
    width, height = image.size
    assert abs(height / width - 297 / 210) < 0.01
    histogram = image.histogram()
    dark = sum(histogram[:128]) / (width * height)
    assert 0.01 < dark < 0.5  # text on a white page, not an empty or black one


def test_write_outputs_names_files_and_leaves_no_temporary_files(tmp_path):
    briefing = note("en")
    settings = Settings(lang="en", formats=("html", "md", "json"), out_dir=tmp_path / "new")
    paths = write_outputs(briefing, settings)
    assert [p.name for p in paths] == ["CS-99999.en.html", "CS-99999.en.md", "CS-99999.en.json"]
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == sorted(p.name for p in paths)
    assert output_path(briefing, "pdf", Path("out")) == Path("out/CS-99999.en.pdf")


def test_a_failing_format_writes_nothing(tmp_path, monkeypatch):
    def broken(briefing, fmt, templates=None, *, pdf_path=None, **options):
        if fmt == "md":
            raise BriefgenError("boom")
        return b"ok"

    monkeypatch.setattr(render_module, "render", broken)
    settings = Settings(formats=("html", "md"), out_dir=tmp_path)
    with pytest.raises(BriefgenError):
        write_outputs(note(), settings)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_rename_removes_the_temporary_file(tmp_path, monkeypatch):
    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(render_module.os, "replace", refuse)
    with pytest.raises(BriefgenError, match="cannot write"):
        write_outputs(note(), Settings(formats=("md",), out_dir=tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_ninjs_and_unknown_formats():
    data = json.loads(render(note(), "ninjs"))
    assert data["language"] == "en"
    with pytest.raises(BriefgenError, match="unknown format"):
        render(note(), "docx")


def test_short_note_renders_without_sections():
    html = render(note(length="short"), "html").decode().split("<body>")[1]
    assert "Key points" in html and "Speakers" not in html and "Issues and positions" not in html


@pytest.fixture(scope="module")
def french_sample_pdfs():
    """The real French release (CS/14794) as PDF notes in both languages, made once."""
    pytest.importorskip("weasyprint")
    from conftest import corpus_file

    from briefgen.pipeline import make_briefing

    path = corpus_file("CS-14794.fr.txt")
    notes = {lang: make_briefing(path, Settings(lang=lang)) for lang in ("en", "fr")}
    return {lang: (b, render(b, "pdf")) for lang, b in notes.items()}


@pytest.mark.parametrize("lang, footer, names", [
    ("en", "Page 1 of", ["United Kingdom", "Russian Federation", "United States", "Kazakhstan"]),
    ("fr", "Page 1 sur", ["Royaume-Uni", "Fédération de Russie", "États-Unis", "Kazakhstan"]),
])
def test_real_release_pdf_has_delegations_issues_and_footer(french_sample_pdfs, lang, footer,
                                                            names):
    pypdf = pytest.importorskip("pypdf")
    briefing, pdf = french_sample_pdfs[lang]
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert footer in text
    for name in names + [s.delegation for s in briefing.statements]:
        assert name in text, name
    assert len(briefing.issues) >= 3
    for issue in briefing.issues:
        assert " ".join(issue.label.split()) in text, issue.label
    assert reader.metadata.title.startswith(
        "Conseil de sécurité" if lang == "fr" else "Security Council: ")
    assert reader.trailer["/Root"]["/Lang"] == lang


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_real_release_standard_note_fits_on_two_pages(french_sample_pdfs, lang):
    pypdf = pytest.importorskip("pypdf")
    assert len(pypdf.PdfReader(io.BytesIO(french_sample_pdfs[lang][1])).pages) <= 2


def test_only_turns_under_a_right_of_reply_heading_are_labelled_replies():
    from briefgen.pipeline import make_briefing
    from briefgen.settings import Settings

    text = ("Fictional example: Council members debated the canal of Arcadia.\n\n"
            "Statements\n\n"
            "PETER ALDRIDGE (United Kingdom) said the canal must stay open to all ships.\n\n"
            "DMITRI OSIPOV (Russian Federation) said the canal belongs to its riparian States.\n\n"
            "Mr. ALDRIDGE (United Kingdom), taking the floor again, said the treaty is clear.\n\n"
            "Right of Reply\n\n"
            "The representative of the Russian Federation, speaking in exercise of the right of "
            "reply, said the treaty had lapsed long ago.\n")
    note = make_briefing(text, Settings(formats=("md",)))
    markdown = render(note, "md").decode()
    lines = [line for line in markdown.splitlines() if line[:3].strip(". ").isdigit()]
    gb_again, ru_reply = lines[-2], lines[-1]
    assert "took the floor again" in gb_again and "right of reply" not in gb_again
    assert "right of reply" in ru_reply
