"""The input layer: every saved form of a release reads as the same paragraphs.

Variants of the real releases (hard-wrapped, CRLF, cp1252, UTF-16, a saved web page) are made
here at run time from the corpus files, never stored.  Short strings below are fictional.
"""

from __future__ import annotations

import html
import io
import sys
import textwrap
import unicodedata
from pathlib import Path

import pytest

from briefgen.errors import BriefgenError
from briefgen.loading import decode, html_to_text, normalize, read_source, stem_of, unwrap

RELEASES = ["CS-14794.fr.txt", "SC-14808.en.txt", "SC-14819.en.txt", "SC-15462.en.txt",
            "GA-12406.en.txt", "GA-12548.en.txt", "SC-15570.en.txt", "GA-12553.en.txt",
            "SC-16023.en.txt"]


# ------------------------------------------------------------------------- variant makers

def paragraphs(text: str) -> list[str]:
    return [block.strip("\n") for block in text.split("\n\n") if block.strip()]


def hard_wrapped(text: str, width: int = 72) -> str:
    """As a PDF export or an e-mail client leaves it: blank lines between wrapped paragraphs."""
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs(text)) + "\n"


def one_per_line(text: str) -> str:
    return "\n".join(paragraphs(text)) + "\n"


def cp1252_safe(text: str) -> str:
    """The text as a cp1252 file can hold it: other letters lose their accents (Ć -> C)."""
    def safe(ch: str) -> str:
        try:
            ch.encode("cp1252")
            return ch
        except UnicodeEncodeError:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch)
                           if c.encode("cp1252", "ignore"))
            return base or "-"
    return "".join(safe(ch) for ch in text)


def web_page(text: str, lang: str) -> str:
    """A saved press-release page: banner and menu, meeting header block, <h1>, body, footer."""
    paras = paragraphs(text)
    header = []
    while paras and len(paras[0]) <= 40:
        header.append(paras.pop(0))
    title = paras.pop(0)
    esc = lambda s: html.escape(s, quote=False)  # noqa: E731
    body = "\n".join(
        f"<h2>{esc(p)}</h2>" if len(p) <= 60 and not p.endswith(".") else f"<p>{esc(p)}</p>"
        for p in paras)
    header_html = "".join(f'<div class="field--item">{esc(h)}</div>' for h in header)
    return f"""<!DOCTYPE html>
<html lang="{lang}" dir="ltr"><head><meta charset="utf-8">
<title>{esc(title)} | Meetings Coverage and Press Releases</title>
<meta property="og:title" content="{html.escape(title)}"></head>
<body><a href="#main-content" class="skip">Skip to main content</a>
<header role="banner"><div class="site-name"><a href="/">United Nations</a></div>
<nav role="navigation"><ul class="menu"><li><a href="/sg">Secretary-General</a></li>
<li><a href="/sc">Security Council</a></li><li><a href="/ga">General Assembly</a></li>
<li><a href="/briefings">Press Briefings</a></li></ul></nav></header>
<main id="main-content" role="main"><article class="node node--type-press-release">
<div class="press-header">{header_html}</div>
<h1 class="page-header"><span>{esc(title)}</span></h1>
<div class="field field--name-body field--type-text-with-summary">
{body}
</div>
<div class="field--name-field-tags"><a href="/tags/council">Security Council</a></div>
</article></main>
<footer role="contentinfo"><ul><li><a href="/about">About Us</a></li>
<li><a href="/terms">Terms of Use</a></li></ul><p>Copyright United Nations</p></footer>
</body></html>"""


def language(name: str) -> str:
    return name.split(".")[-2]


VARIANTS = {
    "hard-wrapped": lambda text, lang: hard_wrapped(text).encode("utf-8"),
    "hard-wrapped-crlf": lambda text, lang: hard_wrapped(text).replace("\n", "\r\n").encode(),
    "crlf": lambda text, lang: text.replace("\n", "\r\n").encode("utf-8"),
    "one-per-line": lambda text, lang: one_per_line(text).encode("utf-8"),
    "utf-8-bom": lambda text, lang: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "utf-16": lambda text, lang: text.encode("utf-16"),
    "utf-16-be": lambda text, lang: b"\xfe\xff" + text.encode("utf-16-be"),
    "html": lambda text, lang: web_page(text, lang).encode("utf-8"),
}


def variant_file(corpus, name: str, variant: str, tmp_path: Path) -> tuple[Path, str]:
    """Write the variant of a corpus release; return its path and the clean text."""
    clean, _ = read_source(corpus(name))
    suffix = ".html" if variant == "html" else ".txt"
    path = tmp_path / f"{name.split('.')[0]}{suffix}"
    path.write_bytes(VARIANTS[variant](clean, language(name)))
    return path, clean


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("name", RELEASES)
def test_variant_reads_as_the_clean_text(corpus, name, variant, tmp_path):
    path, clean = variant_file(corpus, name, variant, tmp_path)
    text, stem = read_source(path)
    assert paragraphs(text) == paragraphs(clean)
    assert stem == name.split(".")[0]


@pytest.mark.parametrize("variant", ["hard-wrapped", "html"])
@pytest.mark.parametrize("name", RELEASES)
def test_variant_parses_as_the_clean_text(corpus, name, variant, tmp_path):
    """Same statements, delegations and kinds from the variant as from the clean text."""
    parse = pytest.importorskip("briefgen.parse").parse_release
    path, clean = variant_file(corpus, name, variant, tmp_path)
    text, _ = read_source(path)
    keys = lambda release: [(s.delegation_key, s.kind, s.on_behalf_key, s.paragraphs)  # noqa: E731
                            for s in release.statements]
    assert keys(parse(text)) == keys(parse(clean))


@pytest.mark.parametrize("name", RELEASES)
def test_cp1252_file_reads_as_the_clean_text(corpus, name, tmp_path):
    clean = cp1252_safe(read_source(corpus(name))[0])
    path = tmp_path / "release.txt"
    path.write_bytes(clean.replace("\n", "\r\n").encode("cp1252"))
    assert paragraphs(read_source(path)[0]) == paragraphs(clean)


def test_html_sniffed_without_extension(corpus, tmp_path):
    clean, _ = read_source(corpus("SC-16023.en.txt"))
    path = tmp_path / "saved-page"
    path.write_text(web_page(clean, "en"), encoding="utf-8")
    assert paragraphs(read_source(path)[0]) == paragraphs(clean)


def test_clean_corpus_keeps_one_paragraph_per_block(corpus):
    raw = corpus("CS-14794.fr.txt").read_text(encoding="utf-8")
    text, _ = read_source(corpus("CS-14794.fr.txt"))
    # The header block's two short lines become two paragraphs; nothing else moves.
    assert paragraphs(text)[:2] == ["8967e séance – matin", "CS/14794"]
    assert len(paragraphs(text)) == len(paragraphs(raw)) + 1
    assert "\u00a0" in text


# ----------------------------------------------------- unit tests on our own (fictional) text

FICTIONAL = (
    "9999e séance – matin\nCS/99999\n\n"
    "Conseil de sécurité : un débat entièrement inventé pour les tests du logiciel\n\n"
    "M.\u00a0JEAN EXEMPLE (Ruritanie) a déclaré que ce texte est fictif et qu’il sert "
    "uniquement à vérifier la lecture des fichiers\u00a0: « rien de réel\u00a0».\n\n"
    "Déclarations\n\n"
    "Mme\u00a0ANNE MODÈLE (Freedonie) a jugé que la coopération entre les deux pays fictifs "
    "devait se poursuivre, a-t-elle ajouté, avec 3\u00a0800 personnes engagées.\n"
)


def test_decode_legacy_and_unicode_forms():
    assert decode(FICTIONAL.encode("utf-8")) == FICTIONAL
    assert decode(FICTIONAL.encode("utf-16")) == FICTIONAL
    assert decode(FICTIONAL.encode("utf-16-le").join([b"\xff\xfe", b""])) == FICTIONAL
    latin = FICTIONAL.replace("–", "-").replace("’", "'")
    assert decode(latin.encode("latin-1")) == latin
    assert decode(FICTIONAL.encode("cp1252")) == FICTIONAL


def test_decode_short_cp1252_word():
    # Detectors misjudge short legacy text; cp1252 must still win for Western text.
    assert decode("Déclarations".encode("cp1252")) == "Déclarations"
    assert decode("“Quoted” — fictional".encode("cp1252")) == "“Quoted” — fictional"


def test_normalize_line_ends_and_separators():
    text = "Title line\r\n\r\n\r\n\r\nFirst  paragraph. \t\rSecond\u2028Third\u2029Fourth\x0cFifth"
    assert paragraphs(normalize(text)) == ["Title line", "First paragraph.", "Second",
                                           "Third", "Fourth", "Fifth"]
    assert "\n\n\n" not in normalize(text)


def test_normalize_keeps_nbsp_inside_lines():
    assert normalize("M.\u00a0EXEMPLE a dit 3\u00a0800.\n") == "M.\u00a0EXEMPLE a dit 3\u00a0800.\n"


def test_unwrap_joins_wrapped_lines_and_keeps_short_ones():
    wrapped = hard_wrapped(normalize(FICTIONAL), 40)
    assert paragraphs(normalize(wrapped)) == paragraphs(normalize(FICTIONAL))
    # Compounds cut after their hyphen ("a-t-" / "elle") are rejoined without a space.
    for width in range(30, 90):  # a short text needs several full lines to show its width
        assert paragraphs(normalize(hard_wrapped(normalize(FICTIONAL), width))) == \
            paragraphs(normalize(FICTIONAL)), width


def test_unwrap_leaves_unwrapped_text_alone():
    lines = ["STATEMENTS", "A fictional delegate said something rather long about the "
             "invented matter before the body.", "He added a second fictional sentence."]
    assert paragraphs(unwrap("\n".join(lines))) == lines


def test_one_paragraph_per_line_without_blank_lines():
    text = normalize(FICTIONAL)
    assert paragraphs(normalize(one_per_line(text))) == paragraphs(text)


def test_html_to_text_fictional_page():
    page = web_page(normalize(FICTIONAL), "fr")
    assert paragraphs(normalize(html_to_text(page))) == paragraphs(normalize(FICTIONAL))


def test_html_without_article_text_is_an_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<!DOCTYPE html><html><head><title></title></head><body><nav>"
                    "<a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    with pytest.raises(BriefgenError, match="no article text"):
        read_source(path)


# ------------------------------------------------------------------------- errors, stems

def test_missing_file(tmp_path):
    with pytest.raises(BriefgenError, match=r"cannot read release .*no such file"):
        read_source(tmp_path / "absent.txt")


def test_directory(tmp_path):
    with pytest.raises(BriefgenError, match="directory"):
        read_source(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\n \t\r\n", "\ufeff \n".encode("utf-8")])
def test_empty_file(tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    with pytest.raises(BriefgenError, match=r"release 'blank.txt' is empty"):
        read_source(path)


def test_pdf_given_by_mistake(tmp_path):
    path = tmp_path / "note.pdf"
    path.write_bytes(b"%PDF-1.7\n\x00\x01\x02\xff binary")
    with pytest.raises(BriefgenError, match="PDF"):
        read_source(path)


def test_error_messages_are_one_line(tmp_path):
    for source in (tmp_path / "absent.txt", tmp_path):
        with pytest.raises(BriefgenError) as info:
            read_source(source)
        assert "\n" not in str(info.value)


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(FICTIONAL.encode("utf-16"))))
    text, stem = read_source("-")
    assert stem == "stdin"
    assert paragraphs(text) == paragraphs(normalize(FICTIONAL))


def test_empty_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with pytest.raises(BriefgenError, match="'stdin' is empty"):
        read_source("-")


def test_raw_bytes_and_text():
    assert read_source(FICTIONAL.encode("cp1252")) == (normalize(FICTIONAL), "")
    assert read_source(FICTIONAL) == (normalize(FICTIONAL), "")


@pytest.mark.parametrize("name, stem", [
    ("SC-14808.en.txt", "SC-14808"), ("CS-14794.fr.html", "CS-14794"),
    ("release.txt", "release"), ("release", "release"), ("GA-12553.htm", "GA-12553"),
    ("notes.v2.txt", "notes.v2"), ("page.fr-CA.html", "page"), (".txt", ".txt"),
])
def test_stems(name, stem):
    assert stem_of(Path(name)) == stem
