"""The PDF as assistive technology and a checking reader meet it: tags, languages, outline,
and the Sources appendix with its links, read back with pypdf, poppler's tools and a PNG."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from fictional import fictional_briefing

from briefgen.cli import cli
from briefgen.pipeline import make_briefing
from briefgen.render import render
from briefgen.settings import Settings

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("weasyprint")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "sample-release.fr.txt"  # fictional, shipped with briefgen


def needs(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} not installed (poppler-utils: apt-get install poppler-utils)")
    return path


def struct_elements(reader) -> list:
    """Every structure element of the tagged PDF, in tree order."""
    found = []

    def walk(node):
        node = node.get_object()
        if not isinstance(node, pypdf.generic.DictionaryObject):
            return
        if node.get("/Type") == "/StructElem":
            found.append(node)
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pypdf.generic.ArrayObject) else [kids]:
            if isinstance(kid, pypdf.generic.IndirectObject):
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def outline_titles(reader) -> list[tuple[int, str, int]]:
    titles = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                titles.append((depth, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return titles


def flat(text: str) -> str:
    """Text without any whitespace: line breaks, the justification's spaces and the no-break
    spaces of French typography then compare equal, and every other character must match."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def note():
    return fictional_briefing("en")


@pytest.fixture(scope="module")
def plain_pdf(note):
    return render(note, "pdf")


@pytest.fixture(scope="module", params=["bundled example", "CS-14794.fr.txt"])
def release_path(request) -> Path:
    """The fictional example, and a real release where the shared corpus is present."""
    if request.param == "bundled example":
        return EXAMPLE
    from conftest import corpus_file

    return corpus_file(request.param)


@pytest.fixture(scope="module")
def example_note(release_path):
    return make_briefing(release_path, Settings(lang="en"))


@pytest.fixture(scope="module")
def sourced_pdf(example_note):
    return render(example_note, "pdf", sources=True)


def test_the_default_pdf_is_tagged_pdf_ua_with_language_and_title(plain_pdf, tmp_path):
    reader = pypdf.PdfReader(io.BytesIO(plain_pdf))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == pypdf.generic.BooleanObject(True)
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == pypdf.generic.BooleanObject(True)
    assert root["/Lang"] == "en"
    assert reader.metadata.title.startswith("Security Council: Barrage d’Arcadie")
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in xmp
    path = tmp_path / "note.pdf"
    path.write_bytes(plain_pdf)
    info = subprocess.run([needs("pdfinfo"), str(path)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), info


def test_structure_has_headings_lists_and_tables_with_header_cells(plain_pdf):
    elements = struct_elements(pypdf.PdfReader(io.BytesIO(plain_pdf)))
    tags = [e["/S"] for e in elements]
    assert tags.count("/H1") == 1
    assert tags.count("/H2") >= 4 and "/H3" in tags
    assert "/L" in tags and "/LI" in tags and "/LBody" in tags
    assert tags.count("/Table") == 1  # the divergences; the roll of speakers is layout
    headers = [e for e in elements if e["/S"] == "/TH"]
    cells = [e for e in elements if e["/S"] == "/TD"]
    assert headers and all("/ID" in th for th in headers)
    ids = {th["/ID"] for th in headers}
    assert cells and all(set(td["/A"]["/Headers"]) <= ids and td["/A"]["/Headers"]
                         for td in cells)


def test_quotes_in_the_other_language_and_symbols_are_spelled_out(plain_pdf):
    elements = struct_elements(pypdf.PdfReader(io.BytesIO(plain_pdf)))
    # The release is French, the note English: the quoted summaries are marked French.
    french = [e for e in elements if e.get("/Lang") == "fr"]
    assert len(french) >= 6
    # ... and so is the release's headline, shown under the note's English title
    assert {e["/S"] for e in french} >= {"/Span", "/P"}
    # ¶ is read as a word; the stance dots carry the stance.
    expansions = [e["/E"] for e in elements if "/E" in e]
    assert expansions.count("paragraph") >= 6
    assert {e["/Alt"] for e in elements if "/Alt" in e} >= {"Backed", "Raised concerns"}


def test_outline_follows_the_note_headings(plain_pdf, note):
    titles = outline_titles(pypdf.PdfReader(io.BytesIO(plain_pdf)))
    from briefgen.compose import briefing_title

    assert titles[0][:2] == (0, briefing_title(note))  # no "FR" badge in it
    top = [title for depth, title, _ in titles if depth == 1]
    assert top[:2] == ["Key points", "Where delegations diverge"]
    assert "Speakers" in top and "Sources" not in top
    issues = [title for depth, title, _ in titles if depth == 2]
    assert issues == [issue.label for issue in note.issues]  # without "3 delegations"


def test_a_french_note_says_so_everywhere(note):
    reader = pypdf.PdfReader(io.BytesIO(render(fictional_briefing("fr"), "pdf")))
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    expansions = {e["/E"] for e in struct_elements(reader) if "/E" in e}
    assert "paragraphe" in expansions
    assert [t for d, t, _ in outline_titles(reader) if d == 1][0] == "Points clés"


def test_without_sources_no_reference_is_a_link(plain_pdf):
    reader = pypdf.PdfReader(io.BytesIO(plain_pdf))
    assert not any(str(a.get("/Dest", "")).startswith(("source-", "cite-"))
                   for _, a in _links(reader))
    assert not any(name.startswith(("source-", "cite-")) for name in reader.named_destinations)


def test_every_name_in_the_divergence_table_links_to_what_places_it(plain_pdf, note):
    # Issue 14: each placement is reachable from the table; the link lands in the issue
    # section, on the delegation's line or name, which cites its paragraph.
    reader = pypdf.PdfReader(io.BytesIO(plain_pdf))
    destinations = _destinations(reader)
    links = [(page, a) for page, a in _links(reader) if str(a["/Dest"]).startswith("ev-")]
    placed = {f"ev-{d.issue_id}-{key.replace(':', '-')}" for d in note.divergences
              for keys in d.sides.values() for key in keys}
    assert placed and {str(a["/Dest"]) for _, a in links} == placed
    issues_page = next(p for d, t, p in outline_titles(reader) if t == "Issues and positions")
    for page, annotation in links:
        assert destinations[str(annotation["/Dest"])][0] >= issues_page >= page
        assert annotation["/Contents"].endswith("the words that place it, under the issue")


def _destinations(reader) -> dict[str, tuple[int, float]]:
    return {name: (reader.get_destination_page_number(dest), float(dest.top))
            for name, dest in reader.named_destinations.items()}


def _links(reader) -> list[tuple[int, dict]]:
    return [(number, annot.get_object()) for number, page in enumerate(reader.pages)
            for annot in page.get("/Annots", [])]


def test_every_reference_links_to_its_source_paragraph_and_back(sourced_pdf, example_note):
    reader = pypdf.PdfReader(io.BytesIO(sourced_pdf))
    destinations = _destinations(reader)
    links = _links(reader)
    cited = {pid for bullet in _bullets(example_note) for pid in bullet.source}
    forward = [(page, a) for page, a in links if str(a["/Dest"]).startswith("source-")]
    back = [(page, a) for page, a in links if str(a["/Dest"]).startswith("cite-")]
    assert {str(a["/Dest"]).removeprefix("source-") for _, a in forward} == cited
    assert len(forward) == sum(len(b.source) for b in _bullets(example_note))
    appendix_page = next(p for d, t, p in outline_titles(reader) if t == "Sources")
    for page, annotation in forward:
        target_page, _ = destinations[str(annotation["/Dest"])]
        assert target_page >= appendix_page > page
        number = str(annotation["/Dest"]).removeprefix("source-p")
        assert annotation["/Contents"] == f"Paragraph {number} of the release"  # PDF/UA 7.18.5
        assert "/StructParent" in annotation
    assert back and {str(a["/Dest"]).rsplit("-", 1)[1] for _, a in back} == cited
    for page, annotation in back:
        assert destinations[str(annotation["/Dest"])][0] < appendix_page <= page
        assert annotation["/Contents"].startswith("Back to ")


def test_each_source_link_lands_on_its_paragraph_word_for_word(sourced_pdf, example_note,
                                                               release_path):
    """The destination is the top of the paragraph's entry: the entry's first line of text
    is the next text below it on that page, and the entry holds the release's paragraph."""
    reader = pypdf.PdfReader(io.BytesIO(sourced_pdf))
    release = example_note.release
    source_file = flat(release_path.read_text(encoding="utf-8"))
    for name, (page_number, top) in _destinations(reader).items():
        if not name.startswith("source-"):
            continue
        paragraph = release.paragraph(name.removeprefix("source-"))
        lines: list[tuple[float, str]] = []

        def visit(text, cm, tm, font, size, lines=lines):
            if text.strip():
                lines.append((tm[5] * cm[3] + cm[5], text))

        reader.pages[page_number].extract_text(visitor_text=visit)
        below = sorted(((top - y, text) for y, text in lines if 0 < top - y), key=lambda x: x[0])
        assert below[0][0] < 20, (name, below[:2])  # the entry's head line, right there
        number = name.removeprefix("source-p")
        head = "".join(text for _, text in below[:4])
        assert f"¶\u00a0{number}" in head or f"¶ {number}" in head, (name, head)
        entry = flat("".join(text for _, text in below[:60]))
        assert flat(paragraph.text)[:80] in entry, name
        assert flat(paragraph.text) in source_file  # the release's own text


def _bullets(briefing):
    yield from briefing.key_points
    for issue in briefing.issues:
        for position in issue.positions:
            yield from position.summary
            if not position.summary and position.stance_evidence:  # named, its ¶ cited
                yield position.stance_evidence
    for statement in briefing.statements:
        yield from statement.summary


def test_the_appendix_is_the_release_text_as_pdftotext_reads_it(sourced_pdf, example_note,
                                                                  tmp_path):
    path = tmp_path / "note.pdf"
    path.write_bytes(sourced_pdf)
    # The page area only (A4 less briefing.css's 15 mm / 14 mm margins, in points): the
    # running header and footer would otherwise interrupt a paragraph that breaks across pages.
    # -raw: in its default mode pdftotext joins "Al-" and "Qaida" at a line end into "AlQaida".
    text = subprocess.run([needs("pdftotext"), "-raw", "-enc", "UTF-8", "-x", "0", "-y", "43",
                           "-W",
                           "596", "-H", "757", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    appendix = flat(text.split("SOURCES", 1)[1])
    cited = sorted({pid for b in _bullets(example_note) for pid in b.source},
                   key=lambda pid: int(pid[1:]))
    position = 0
    for pid in cited:
        found = appendix.find(flat(example_note.release.paragraph(pid).text), position)
        assert found >= 0, pid  # present, whole, and in reading order
        position = found


def test_the_sources_page_renders(sourced_pdf, tmp_path):
    pdftoppm = needs("pdftoppm")
    reader = pypdf.PdfReader(io.BytesIO(sourced_pdf))
    page = next(p for d, t, p in outline_titles(reader) if t == "Sources") + 1
    path = tmp_path / "note.pdf"
    path.write_bytes(sourced_pdf)
    subprocess.run([pdftoppm, "-png", "-r", "50", "-f", str(page), "-l", str(page), str(path),
                    str(tmp_path / "page")], check=True)
    png = next(tmp_path.glob("page*.png"))
    pdfium = pytest.importorskip("pypdfium2")
    del pdfium  # the PNG is read with Pillow, which pypdfium2 brings
    from PIL import Image

    image = Image.open(png).convert("L")
    width, height = image.size
    assert abs(height / width - 297 / 210) < 0.01
    dark = sum(image.histogram()[:128]) / (width * height)
    assert 0.01 < dark < 0.5


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href", "").startswith("#"):
            self.hrefs.append(attrs["href"][1:])


def test_html_note_links_with_anchors_and_markdown_keeps_plain_numbers(example_note):
    html = render(example_note, "html", sources=True).decode()
    anchors = _Anchors()
    anchors.feed(html)
    assert anchors.hrefs and set(anchors.hrefs) <= anchors.ids
    cited = {pid for b in _bullets(example_note) for pid in b.source}
    assert {f"source-{pid}" for pid in cited} <= set(anchors.hrefs)
    assert any(h.startswith("cite-") for h in anchors.hrefs)
    assert "<abbr title=\"paragraph\">¶</abbr>" in html
    plain = render(example_note, "html").decode()  # off by default
    assert 'id="source-' not in plain and 'href="#source-' not in plain
    md = render(example_note, "md", sources=True).decode()
    assert "](#" not in md and re.search(r"\(¶\u00a0\d+", md)


def test_the_full_note_has_sources_unless_told_otherwise(example_note):
    full = make_briefing(EXAMPLE, Settings(lang="en", length="full"))
    assert 'id="source-' in render(full, "html").decode()
    assert 'id="source-' not in render(full, "html", sources=False).decode()


def test_pdf_a_3b_carries_the_json_note_as_its_data(note):
    pdf = render(note, "pdf", pdf_variant="pdf/a-3b")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    assert root["/MarkInfo"]["/Marked"] == pypdf.generic.BooleanObject(True)  # and accessible
    (name, (data,)), = reader.attachments.items()
    assert name == "CS-99999.en.json"
    assert json.loads(data) == json.loads(render(note, "json"))
    assert root["/AF"][0].get_object()["/AFRelationship"] == "/Data"


def test_cli_flags_and_a_bad_variant(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["make", str(EXAMPLE), "--format", "html", "--sources",
                                 "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert 'id="source-' in (tmp_path / "CS-99999.en.html").read_text()
    result = runner.invoke(cli, ["make", str(EXAMPLE), "--pdf-variant", "pdf/x-4",
                                 "-o", str(tmp_path / "x")])
    assert result.exit_code == 2 and "pdf/ua-1" in result.output
    config = tmp_path / "c.toml"
    config.write_text('[briefgen]\npdf_variant = "pdf/a-1b"\n')
    result = runner.invoke(cli, ["make", str(EXAMPLE), "--config", str(config),
                                 "-o", str(tmp_path / "y")])
    assert result.exit_code == 1 and "pdf_variant" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "y").exists()


def test_the_readme_command_in_a_real_process_gives_a_tagged_pdf_with_an_outline(tmp_path):
    """As a user runs it, with the forked PDF worker: the options reach the worker too."""
    import os
    import sys

    for extra, out in (((), "plain"), (("--sources",), "sourced")):
        done = subprocess.run([sys.executable, "-m", "briefgen.cli", "make", str(EXAMPLE),
                               "--lang", "en", "-o", str(tmp_path / out), *extra],
                              capture_output=True, text=True, timeout=120,
                              env={**os.environ, "PYTHONWARNINGS": "ignore"})
        assert done.returncode == 0, done.stderr
        reader = pypdf.PdfReader(done.stdout.strip())
        assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"] == pypdf.generic.BooleanObject(True)
        assert [t for d, t, _ in outline_titles(reader) if d == 1][0] == "Key points"
        linked = any(n.startswith("source-") for n in reader.named_destinations)
        assert linked is bool(extra)


def test_settings_from_the_environment():
    from briefgen.config import resolve_settings

    settings = resolve_settings({}, environ={"BRIEFGEN_SOURCES": "yes",
                                             "BRIEFGEN_PDF_VARIANT": "pdf/a-3b"})
    assert settings.sources is True and settings.pdf_variant == "pdf/a-3b"
    assert resolve_settings({}, environ={}).sources is None


def test_verapdf_finds_the_note_pdf_ua_1_compliant(sourced_pdf, tmp_path):
    verapdf = shutil.which("verapdf")
    if verapdf is None:
        pytest.skip("veraPDF is not installed (it is not in PyPI, Debian or npm; install it "
                    "from verapdf.org and put `verapdf` on PATH to run this check)")
    path = tmp_path / "note.pdf"
    path.write_bytes(sourced_pdf)
    report = subprocess.run([verapdf, "--flavour", "ua1", str(path)], capture_output=True,
                            text=True, timeout=300).stdout
    assert 'isCompliant="true"' in report, report[-2000:]
