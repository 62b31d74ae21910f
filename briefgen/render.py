"""Turn a Briefing into the bytes of a file: HTML, PDF, Markdown, JSON (and ninjs).

Templates are looked up in the user's `--templates` folder first, then in the shipped ones;
a user template can `{% extends "default:briefing.html" %}` and override one block (`header`,
`key_points`, `issue`, `divergences`, `speakers`), as datasette does.  HTML is autoescaped:
everything in a release is untrusted text.  The PDF is the HTML laid out by WeasyPrint, which
is imported only when a PDF is asked for and may read local template files, nothing else.

The PDF is tagged (PDF/UA-1 by default, or PDF/A-3b with the JSON note attached as its data):
headings, lists and tables reach a screen reader as such, with the languages, expansions and
labels that `pdftags` adds.  With `sources`, the note ends with the cited paragraphs
(`briefgen.sources`) and every ¶ number links to its paragraph, in the PDF and the HTML.
"""

from __future__ import annotations

import glob
import json
import os
import re
import sys
import tempfile
import threading
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from . import i18n
from . import sources as cited
from .compose import briefing_title, delegation_names, is_machine_translated
from .errors import BriefgenError
from .model import STANCES, Briefing, Issue, Position, Release
from .settings import PDF_VARIANTS, Settings

if TYPE_CHECKING:
    import jinja2

TEMPLATES = {"html": "briefing.html", "pdf": "briefing.html", "md": "briefing.md"}
EXTENSIONS = {"pdf": "pdf", "html": "html", "md": "md", "json": "json", "ninjs": "ninjs.json"}


def render(briefing: Briefing, fmt: str, templates: Path | str | None = None, *,
           pdf_path: Path | None = None, sources: bool | None = None,
           pdf_variant: str = PDF_VARIANTS[0]) -> bytes:
    """The note as `fmt` bytes ("pdf", "html", "md", "json" or "ninjs").

    `pdf_path` is where the PDF of the same note is written, for the ninjs rendition link;
    `sources` adds the Sources appendix to the PDF and HTML (None: as the note's length
    wants, see `briefgen.sources.wanted`); `pdf_variant` is one of settings.PDF_VARIANTS.
    """
    if fmt == "json":
        from .serialize import briefing_to_dict

        return (json.dumps(briefing_to_dict(briefing), ensure_ascii=False, indent=2)
                + "\n").encode()
    if fmt == "ninjs":
        from .ninjs import render_ninjs

        return render_ninjs(briefing, pdf_path)
    if fmt not in TEMPLATES:
        raise BriefgenError(f"unknown format {fmt!r}; choose from {', '.join(EXTENSIONS)}")
    user_dir = Path(templates) if templates else None
    appendix = cited.wanted(sources, briefing.length)
    if fmt == "pdf":
        if pdf_variant not in PDF_VARIANTS:
            raise BriefgenError(f"unknown PDF variant {pdf_variant!r}; "
                                f"choose from {', '.join(PDF_VARIANTS)}")
        return briefing_to_pdf(briefing, user_dir, appendix, pdf_variant)
    return render_template(briefing, TEMPLATES[fmt], user_dir,
                           sources=appendix and fmt == "html").encode()


def render_template(briefing: Briefing, name: str, user_dir: Path | None = None,
                    *, pdf: bool = False, sources: bool = False) -> str:
    import jinja2  # here, not at the top: a `make` with a PDF worker never needs it

    try:
        template = environment(user_dir).get_template(name)
        return template.render(**context(briefing, sources), for_print=pdf)
    except jinja2.TemplateNotFound as exc:
        where = user_dir or "the shipped templates"
        raise BriefgenError(f"template {exc.name} not found in {where}; "
                            f"name an existing one such as default:{name}") from None
    except jinja2.TemplateError as exc:
        where = f" ({exc.filename}:{exc.lineno})" if getattr(exc, "lineno", None) else ""
        raise BriefgenError(f"template error{where}: {exc.message}; "
                            "fix the template or drop --templates") from None


def context(briefing: Briefing, sources: bool = False) -> dict:
    """What every template gets: the Briefing plus lookups computed once, in the note's language.

    `t(key, **values)` is the label table, `names[key]` a delegation's display name,
    `facts` the meeting facts ("Security Council", "8967th meeting", ...); `sources` whether
    the note has the Sources appendix, `cite(pid, section)` records a ¶ reference and says
    where it links (`briefgen.sources.Citations`).
    """
    lang = briefing.language
    names = delegation_names(briefing)
    meeting = briefing.release.meeting
    symbol = meeting.symbol or briefing.release.name
    return {
        "briefing": briefing,
        "meeting": meeting,
        "lang": lang,
        "t": lambda key, **values: i18n.label(key, lang, **values),
        "on_behalf": lambda name, key: i18n.on_behalf_of(name, key, lang),
        "replies": rights_of_reply(briefing.release),
        "names": names,
        "speaks_for": lambda st: i18n.speaks_for(st, names, lang),
        "facts": i18n.meeting_facts(meeting, lang),
        "date": i18n.format_date(meeting.date, lang) if meeting.date else "",
        "symbol": symbol,
        "title": briefing_title(briefing),
        "original_lang": meeting.language if meeting.language != lang else None,
        "machine_translated": is_machine_translated(briefing),
        "translated_from": i18n.language_name(meeting.language, lang),
        "stances": STANCES,
        "by_side": by_side,
        "side_heading": lambda issue, stance: side_heading(issue, stance, lang),
        "sources": sources,
        "cite": cited.Citations(briefing.release),
    }


def rights_of_reply(release: Release) -> set[int]:
    """Statements made under a "Right of Reply" heading: only those are labelled so; other
    repeat turns (explanations after a vote, answers to a question) are "took the floor again"."""
    starts = [_order(h.pid) for h in release.headings if h.kind == "reply"]
    if not starts:
        return set()
    return {st.index for st in release.statements
            if st.paragraphs and _order(st.paragraphs[0]) > min(starts)}


def _order(pid: str) -> int:
    return int(pid.lstrip("p"))


@dataclass(frozen=True, slots=True)
class Side:
    stance: str | None
    positions: tuple[Position, ...]


def by_side(positions: tuple[Position, ...]) -> list[Side]:
    """The positions of a contested issue as sides (backed, concerned, other, then those
    without a stance), in speaking order within each: the sides then read as blocks."""
    groups = [Side(stance, tuple(p for p in positions if p.stance == stance))
              for stance in STANCES]
    groups.append(Side(None, tuple(p for p in positions if p.stance not in STANCES)))
    return [side for side in groups if side.positions]


def side_heading(issue: Issue, stance: str, lang: str) -> str:
    """"Criticized the CSTO's deployment in Kazakhstan": a side of a party's action names
    the action, so the section reads on its own; vote sides ("For the text") and a right's
    sides keep their label."""
    key = (f"side.{issue.sides}." if issue.sides else "stance.") + stance
    if issue.target_object and f"{key}.on" in i18n.LABELS:
        return i18n.label(f"{key}.on", lang, target=issue.target_object)
    return i18n.label(key, lang)


@lru_cache(maxsize=8)
def environment(user_dir: Path | None = None) -> jinja2.Environment:
    """Jinja environment: user folder, then shipped templates; `default:` names the shipped ones.

    Autoescaping follows the file name: on for .html/.xml, off for .md and .css (Markdown gets
    its own `md` filter instead).
    """
    import jinja2

    shipped = jinja2.FileSystemLoader(str(shipped_templates()))
    user = [jinja2.FileSystemLoader(str(user_dir))] if user_dir else []
    default = jinja2.PrefixLoader({"default": shipped}, delimiter=":")
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([*user, shipped, default]),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "htm", "xml"),
                                            default_for_string=True, default=False),
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined)
    env.filters.update(md=md_escape, css_string=css_string, refs=refs,
                       source_target=cited.target)
    return env


def shipped_templates() -> Path:
    """The shipped templates folder: `briefgen.templates` when installed, else the repo's."""
    try:
        folder = Path(str(resources.files("briefgen.templates")))
        if (folder / "briefing.html").is_file():
            return folder
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / "templates"


def refs(source: tuple[str, ...] | list[str]) -> str:
    """Paragraph ids as a compact citation: ("p12", "p13") -> "¶ 12, 13"."""
    if not source:
        return ""
    numbers = [cited.number(pid) for pid in source]
    return "¶\u00a0" + ", ".join(numbers)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#])")
_MD_LIST_MARKER = re.compile(r"^(\s*)(?:([-+])|(\d+)([.)]))(?=\s)", re.MULTILINE)


def md_escape(text: object) -> str:
    """Release text made inert in Markdown: it cannot open emphasis, links, HTML or tables."""
    escaped = _MD_SPECIAL.sub(r"\\\1", str(text))
    escaped = _MD_LIST_MARKER.sub(  # "- x" -> "\- x", "1. x" -> "1\. x"
        lambda m: m.group(1) + (f"\\{m.group(2)}" if m.group(2) else
                                f"{m.group(3)}\\{m.group(4)}"), escaped)
    return " ".join(escaped.split())


def css_string(text: object) -> Markup:
    """A quoted CSS string that is also inert inside HTML (<style>): anything but plain letters,
    digits and spaces becomes a CSS hex escape, so no release text can close the string or the
    style element.  (The space after each escape ends it and is not part of the string.)"""
    out = "".join(c if (c.isascii() and c.isalnum()) or c == " " else f"\\{ord(c):x} "
                  for c in str(text))
    return Markup(f'"{out}"')


def briefing_to_pdf(briefing: Briefing, user_dir: Path | None = None, sources: bool = False,
                    variant: str = PDF_VARIANTS[0]) -> bytes:
    """The note's PDF: from the warmed-up worker when `make` started one (see pdfworker),
    else templated and laid out here."""
    from . import pdfworker

    worker = pdfworker.current()
    if worker is not None:
        return worker.pdf(briefing, user_dir, sources, variant)
    return briefing_to_pdf_here(briefing, user_dir, sources, variant)


def briefing_to_pdf_here(briefing: Briefing, user_dir: Path | None = None,
                         sources: bool = False, variant: str = PDF_VARIANTS[0]) -> bytes:
    """briefing_to_pdf in this process."""
    html = render_template(briefing, TEMPLATES["pdf"], user_dir, pdf=True, sources=sources)
    # PDF/A-3 lets an archive keep the data a document was made from inside it.
    data = ({f"{briefing.release.name}.{briefing.language}.json": render(briefing, "json")}
            if variant.startswith("pdf/a-3") else {})
    return html_to_pdf(html, base_dir=user_dir or shipped_templates(),
                       allowed=[d for d in (user_dir, shipped_templates()) if d],
                       variant=variant, data=data)


def warm_up(user_dir: Path | None = None, lang: str = "en") -> None:
    """What every first PDF of a process pays before the note is known: Jinja's import and
    the compiled note template, the date formats of `lang`, and, on a one-line page in the
    shipped style, WeasyPrint's import, the fonts, the first layout."""
    environment(user_dir).get_template(TEMPLATES["pdf"])
    i18n.format_date(date.today(), lang)
    shipped = shipped_templates()
    css = (shipped / "briefing.css").read_text(encoding="utf-8")
    html_to_pdf(f"<html lang=en><title>Warm-up</title><style>{css}</style><h1>Briefing</h1>"
                "<p>Warm-up.</p>",
                base_dir=shipped, allowed=[shipped])


def html_to_pdf(html: str, *, base_dir: Path, allowed: list[Path],
                variant: str = PDF_VARIANTS[0], data: dict[str, bytes] | None = None) -> bytes:
    """Lay out `html` as a tagged PDF of `variant` with WeasyPrint, loading only files under
    `allowed` folders; `data` ({file name: bytes}) is attached as the document's data."""
    from . import pdftags

    weasyprint = _import_weasyprint()
    pdftags.install()
    fetcher = _local_fetcher(tuple(p.resolve() for p in allowed))
    document = weasyprint.HTML(string=html, base_url=base_dir.resolve().as_uri() + "/",
                               url_fetcher=fetcher)
    attachments = [weasyprint.Attachment(string=content, name=name, relationship="Data")
                   for name, content in (data or {}).items()]
    # full_fonts: the shipped fonts are already cut to Latin (~100 kB each); letting
    # WeasyPrint subset them again costs ~0.4 s of fontTools per note for ~150 kB saved.
    return document.write_pdf(full_fonts=True, pdf_variant=variant, pdf_tags=True,
                              attachments=attachments or None)


def _import_weasyprint():
    """`import weasyprint`, with ctypes' library search limited to the ld.so cache meanwhile.

    WeasyPrint tries up to six names per C library, Windows and macOS ones first; on Linux
    every name the cache lacks makes `ctypes.util.find_library` run gcc and then ld too
    (~10 ms each, ~0.13 s of every PDF run).  Those only find libraries outside the cache,
    which dlopen finds anyway under WeasyPrint's own `lib*.so.N` names: the same libraries load.
    """
    import ctypes.util

    cache_only = getattr(ctypes.util, "_findSoname_ldconfig", None)
    with _IMPORT_LOCK:
        if "weasyprint" in sys.modules or cache_only is None or sys.platform != "linux":
            import weasyprint

            return weasyprint
        find_library = ctypes.util.find_library
        ctypes.util.find_library = cache_only
        try:
            import weasyprint
        finally:
            ctypes.util.find_library = find_library
    return weasyprint


_IMPORT_LOCK = threading.Lock()


def _local_fetcher(roots: tuple[Path, ...]):
    """A WeasyPrint URL fetcher that refuses the network and files outside `roots`.

    Release text is untrusted; it is autoescaped, but a user template could still point at a
    remote stylesheet: WeasyPrint's own security notes advise a restrictive fetcher.
    """
    from urllib.request import url2pathname

    from weasyprint.urls import URLFetcher

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if not url.startswith("file:"):
                raise ValueError(f"refusing to load {url}: only local template files load")
            path = Path(url2pathname(url.split("?")[0].removeprefix("file:"))).resolve()
            if not any(path.is_relative_to(root) for root in roots):
                raise ValueError(f"refusing to load {path}: outside the template folders")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols=("file", "data"))


def output_path(briefing: Briefing, fmt: str, out_dir: Path) -> Path:
    """OUT/<name>.<lang>.<ext>, e.g. output/CS-14794.en.pdf; a revision is a file of its own
    (CS-14794.rev2.en.pdf), so the note that went out first stays as it was."""
    name = briefing.release.name + (f".rev{briefing.revision}" if briefing.revision > 1 else "")
    return Path(out_dir) / f"{name}.{briefing.language}.{EXTENSIONS[fmt]}"


def write_outputs(briefing: Briefing, settings: Settings) -> list[Path]:
    """Write the note in every format of `settings.formats`; the paths written, in order.

    Every format is rendered before anything is written, and each file is written to a
    temporary file in the same folder and renamed, so a failure never leaves a partial note.
    """
    pdf_path = (output_path(briefing, "pdf", settings.out_dir)
                if "pdf" in settings.formats else None)
    rendered = [(output_path(briefing, fmt, settings.out_dir),
                 render(briefing, fmt, settings.templates, pdf_path=pdf_path,
                        sources=settings.sources, pdf_variant=settings.pdf_variant))
                for fmt in settings.formats]
    out_dir = Path(settings.out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefgenError(f"cannot create output folder {out_dir}: {exc.strerror}; "
                            "choose another with -o") from None
    return [write_atomic(path, data) for path, data in rendered]


TEMP_SUFFIX = ".tmp"


def atomic_leftovers(folder: Path, name: str = "*", *, before: float | None = None) -> list[Path]:
    """The temporary files of write_atomic for `name` that a killed process left in `folder`.

    Only a process that knows no other writer is at work there (a lock, or `before`: a time
    older than any write still in flight) may delete them.
    """
    pattern = f".{glob.escape(name) if name != '*' else name}.*{TEMP_SUFFIX}"
    found = []
    for path in folder.glob(pattern):
        try:
            if before is None or path.stat().st_mtime < before:
                found.append(path)
        except FileNotFoundError:  # renamed into place meanwhile
            continue
    return found


def write_atomic(path: Path, data: bytes) -> Path:
    """Write `data` to `path` through a temporary file in the same folder and a rename."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    except OSError as exc:
        raise BriefgenError(f"cannot write to {path.parent}: {exc.strerror}; "
                            "choose another folder with -o") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise BriefgenError(f"cannot write {path}: {exc.strerror}; "
                                "choose another folder with -o") from None
        raise
    return path
