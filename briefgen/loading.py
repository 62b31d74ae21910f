"""Reading a release: bytes from a file, stdin or a caller, to one clean text.

Whatever form a release arrives in (UTF-8 or a legacy code page, UTF-16 from a Windows tool,
a saved web page, text hard-wrapped by a PDF export, CRLF line ends) the parser must see the
same thing: one paragraph per blank-line-separated block, in reading order.  That is what makes
paragraph ids, and so every bullet's source, independent of how the release was saved.
"""

from __future__ import annotations

import copy
import re
import sys
from pathlib import Path

from .errors import BriefgenError
from .fetch import fetch_page, looks_like_url, name_from_url, redact

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
# Extensions dropped from a file name to make the output stem: SC-14808.en.txt -> SC-14808.
FORMAT_SUFFIXES = (".txt", ".text", ".md") + HTML_SUFFIXES
LANGUAGE_SUFFIX = re.compile(r"\.[a-z]{2}(?:[-_][A-Za-z]{2})?$")

BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Western code pages that a detector easily confuses with cp1252 on English/French text.
WESTERN = {"cp1252", "latin_1", "iso8859_15", "cp1250", "cp1254", "cp1257", "cp1258",
           "mac_roman", "mac_latin2", "iso8859_2", "iso8859_3", "iso8859_9", "cp775", "cp850"}

# Line and paragraph separators that are not "\n" but mean a line or paragraph break.
BREAKS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u0085": "\n", "\x0b": "\n",
                        "\u2029": "\n\n", "\x0c": "\n\n"})
LINE_BREAK = "\u2028"  # stands for <br>; normalize() makes it a line break
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dd", "dt",
              "section", "header", "blockquote", "pre"}
CHROME_TAGS = {"nav", "footer", "aside", "form", "script", "style", "noscript", "button"}
CHROME_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary"}
SHORT_LINE = 60  # header lines, headings: a release paragraph is longer
SENTENCE_END = tuple(".!?:;»”\"'’)")


# --------------------------------------------------------------------------------- reading

def read_source(source: str | Path | bytes) -> tuple[str, str]:
    """Read a path, an http(s) address, '-' (stdin) or raw bytes/str; return (normalized
    text, name stem).

    A str containing a line break is taken as the release itself, one that looks like an
    address is fetched and read as a saved web page, any other str is a path.  The stem is
    "stdin" for '-', the release symbol in a press.un.org address, and "" for raw input (the
    caller names it).
    """
    if isinstance(source, bytes):
        return _text_from_bytes(source, "input", html_hint=False), ""
    if isinstance(source, str) and source == "-":
        return _text_from_bytes(sys.stdin.buffer.read(), "stdin", html_hint=False), "stdin"
    if isinstance(source, str) and ("\n" in source or "\r" in source):
        text = html_to_text(source) if looks_like_html(source) else source
        return _checked(normalize(text), "input"), ""
    if isinstance(source, str) and looks_like_url(source):
        page = fetch_page(source)
        return (_text_from_bytes(page.content, redact(source), html_hint=True),
                name_from_url(source))
    path = Path(source)
    return _text_from_bytes(_read_bytes(path), path.name,
                            html_hint=path.suffix.lower() in HTML_SUFFIXES), stem_of(path)


def stem_of(path: Path) -> str:
    """File name without format and language extensions: SC-14808.en.txt -> SC-14808."""
    name = path.name
    lowered = name.lower()
    for suffix in FORMAT_SUFFIXES:
        if lowered.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    match = LANGUAGE_SUFFIX.search(name)
    if match and match.start() > 0:
        name = name[: match.start()]
    return name


def _read_bytes(path: Path) -> bytes:
    if path.is_dir():
        raise BriefgenError(f"cannot read release '{path}': it is a directory, "
                            "give the release file itself")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise BriefgenError(f"cannot read release '{path}': no such file") from None
    except PermissionError:
        raise BriefgenError(f"cannot read release '{path}': permission denied") from None
    except OSError as exc:
        raise BriefgenError(f"cannot read release '{path}': {exc.strerror or exc}") from None


def _text_from_bytes(data: bytes, name: str, *, html_hint: bool) -> str:
    if not data.strip():
        raise BriefgenError(f"release '{name}' is empty: give a file with the release text")
    text = decode(data, name)
    if html_hint or looks_like_html(text):
        text = html_to_text(text)
        if not text.strip():
            raise BriefgenError(f"release '{name}' has no article text: save the press "
                                "release page itself, or its text")
    return _checked(normalize(text), name)


def _checked(text: str, name: str) -> str:
    if not text.strip():
        raise BriefgenError(f"release '{name}' is empty: give a file with the release text")
    return text


# -------------------------------------------------------------------------------- decoding

def decode(data: bytes, name: str = "input") -> str:
    """Bytes to str: BOM first, then strict UTF-8, then a detected legacy code page.

    Strict UTF-8 goes first because legacy text almost never decodes as valid UTF-8 while
    detectors do misread short UTF-8 text.  Among legacy code pages cp1252 wins whenever it
    decodes about as cleanly as the detector's favourite: on English/French text a detector
    often names cp1250 or mac_roman, which turn "é" or "Š" into the wrong letter.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if data.startswith(b"%PDF"):
        raise BriefgenError(f"release '{name}' is a PDF: save the release as text or HTML "
                            "(e.g. from the press.un.org page) and try again")
    if b"\x00" in data:
        raise BriefgenError(f"release '{name}' is not text: give the release as .txt or .html")
    return _decode_legacy(data)


def _decode_legacy(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    western = from_bytes(data, cp_isolation=["cp1252"]).best()
    if western is not None and (best is None or best.encoding in WESTERN
                                or western.chaos <= best.chaos + 0.05):
        return str(western)
    if best is not None:
        return str(best)
    return data.decode("latin-1")  # every byte is a character: never fails


# ------------------------------------------------------------------------------------ HTML

def looks_like_html(text: str) -> bool:
    """A saved web page rather than text: it opens with a doctype or an <html> element."""
    head = text.lstrip("\ufeff \t\r\n")[:1024].lower()
    return head.startswith(("<!doctype html", "<html")) or (
        head.startswith("<?xml") and "<html" in head)


def html_to_text(html: str) -> str:
    """The release in a saved web page, one block (p, heading, list item) per paragraph.

    trafilatura finds where the article is; the blocks are then read from the page itself,
    because trafilatura also drops what the parser needs: the meeting header lines and <h1>
    above the body (short, so "boilerplate"), a closing footnote, and every non-breaking
    space.  When its text cannot be located in the page, its own blocks are used.
    """
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for br in tree.iter("br"):  # a line break inside a block separates two lines
        br.tail = LINE_BREAK + (br.tail or "")
    found, title = _article_blocks(tree)
    if not found:
        return ""
    area = next(iter(tree.xpath("//article | //main | //*[@role='main']")), None)
    if area is None:
        area = tree.body if tree.find("body") is not None else tree
    leaves = list(_leaves(area))
    keys = [_key(text) for _, text in leaves]
    start = next((i for i, text in enumerate(found) if len(text) > SHORT_LINE
                  and text != title), None)
    if start is None or _key(found[start]) not in keys or _key(found[-1]) not in keys:
        return "\n\n".join(([title] if title and title not in found else []) + found)
    first = keys.index(_key(found[start]))
    last = len(keys) - 1 - keys[::-1].index(_key(found[-1]))
    body = _common_ancestor(leaves[first][0], leaves[max(first, last)][0])
    prelude = [text for _, text in leaves[:first]
               if text == title or (len(text) <= SHORT_LINE and text not in found[start:])]
    if title and title not in prelude:
        prelude.append(title)
    article = [text for node, text in leaves[first:] if _within(node, body)]
    return "\n\n".join(dict.fromkeys(prelude)) + "\n\n" + "\n\n".join(article)


def _article_blocks(tree) -> tuple[list[str], str]:
    """trafilatura's idea of the article (its text blocks) and of the page title."""
    import trafilatura

    document = trafilatura.bare_extraction(
        copy.deepcopy(tree), output_format="python", favor_recall=True,
        include_formatting=False, include_comments=False, include_tables=True,
        include_images=False, include_links=False, with_metadata=True)
    if document is None or document.body is None:
        return [], ""
    blocks = [_inline("".join(node.itertext())) for node in _blocks(document.body)]
    return [block for block in blocks if block], _inline(document.title or "")


def _blocks(body):
    """Paragraph-level nodes of trafilatura's XML body, lists and tables flattened."""
    for node in body:
        if node.tag in ("list", "table", "row", "div", "quote") and len(node):
            yield from _blocks(node)
        else:
            yield node


def _leaves(area):
    """(node, text) for each innermost text block of the page area, in reading order."""
    for node in area.iter(*BLOCK_TAGS):
        if _in_chrome(node) or any(True for _ in node.iterdescendants(*BLOCK_TAGS)):
            continue
        text = _inline(node.text_content())
        if text.strip(LINE_BREAK + " ") and not _only_links(node, text):
            yield node, text.strip(LINE_BREAK + " ")


def _in_chrome(node) -> bool:
    """Inside navigation, banners, footers, forms or scripts: page furniture, not the release."""
    return any(ancestor.tag in CHROME_TAGS or ancestor.get("role") in CHROME_ROLES
               for ancestor in node.iterancestors())


def _only_links(node, text: str) -> bool:
    links = "".join(_inline(a.text_content()) for a in node.iter("a"))
    return bool(links) and links.replace(" ", "") == text.replace(" ", "")


def _common_ancestor(a, b):
    ancestors = {id(node) for node in (a, *a.iterancestors())}
    return next(node for node in (b, *b.iterancestors()) if id(node) in ancestors)


def _within(node, ancestor) -> bool:
    return node is ancestor or any(parent is ancestor for parent in node.iterancestors())


def _key(text: str) -> str:
    return " ".join(text.split())


def _inline(text: str) -> str:
    return re.sub(r"[ \t\r\n]+", " ", text).strip(" ")


# ---------------------------------------------------------------------------- normalizing

def normalize(text: str) -> str:
    """One paragraph per blank-line-separated block, whatever the line ends and wrapping."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").translate(BREAKS)
    lines = [re.sub(r"[ \t]+", " ", line).strip(" \t") for line in text.split("\n")]
    return unwrap("\n".join(lines))


def unwrap(text: str) -> str:
    """Join the lines of hard-wrapped paragraphs; every other line break ends a paragraph.

    A line was cut by wrapping when the next line's first word would not have fitted on it
    (the rule every wrapper, textwrap or a PDF export, follows).  The width comes from the
    line-length distribution; a text whose lines do not bunch under one width is not wrapped,
    and each of its lines is a paragraph, blank lines or not.  So short standalone lines (a
    meeting header, "CS/14794", a heading) stay paragraphs of their own either way.
    """
    lines = text.split("\n")
    width = wrap_width(lines)
    paragraphs: list[str] = []
    for previous, line in zip([""] + lines, lines):
        if not line:
            continue
        if previous and width and _is_wrapped(previous, line, width):
            paragraphs[-1] = _join(paragraphs[-1], line)
        else:
            paragraphs.append(line)
    return "\n\n".join(paragraphs) + ("\n" if paragraphs else "")


def wrap_width(lines: list[str]) -> int | None:
    """The column a text was wrapped at, or None when it was not hard-wrapped.

    Wrapped text has almost no line longer than the width, most lines close to it, and most
    full lines ending mid-sentence (a paragraph's own line ends with its final punctuation).
    """
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 4:
        return None
    width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.98))]
    if width > 160 or width < 30:
        return None
    full = [line for line in lines if line and len(line) >= 0.7 * width]
    if len(full) < 3 or len(full) < 0.4 * len(lengths):
        return None
    mid_sentence = sum(not line.endswith(SENTENCE_END) for line in full)
    if mid_sentence < 0.5 * len(full):
        return None
    return width


def _is_wrapped(previous: str, line: str, width: int) -> bool:
    """`previous` was cut because `line`'s first word would have overflowed it.

    Proportional fonts (PDF exports) leave ragged full lines, so a long line that stops
    mid-sentence counts as cut too.
    """
    if len(previous) + 1 + len(line.split(" ", 1)[0]) > width:
        return True
    return len(previous) >= 0.8 * width and not previous.endswith(SENTENCE_END)


def _join(current: str, line: str) -> str:
    # textwrap and word processors break compounds after their hyphen: keep "Secretary-General".
    if re.search(r"[^\W\d_]-$", current) and line[:1].isalpha():
        return current + line
    return current + " " + line
