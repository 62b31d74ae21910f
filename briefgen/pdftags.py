"""What WeasyPrint's PDF tags leave out, added from the note's HTML attributes.

WeasyPrint (68-70) builds the structure tree of a tagged PDF from the laid-out boxes, and
maps the document's `<html lang>` to the catalog, but no other attribute reaches the tree.
A screen reader then reads a French quote in an English note with English phonetics, says
"pilcrow" for ¶ and announces every ¶ link by its destination name.  So, for the boxes of
elements that carry them:

- `lang` becomes the structure element's `/Lang` (ISO 32000-1, 14.9.2);
- an `<abbr title>` becomes a `/Span` with the title as its expansion `/E` (14.9.5), which is
  how the PDF reference says an abbreviation or a symbol is spelled out;
- `aria-label` becomes the element's alternate description `/Alt` (14.9.3);
- a link's `aria-label` (else `title`) becomes its annotation's `/Contents`, the description
  PDF/UA-1 (7.18.5) requires of every link;
- a `<table role="presentation">` (a table used for layout only, as the standard note's roll
  of speakers is) becomes plain `/Div`s: a screen reader must not announce rows and columns
  that have no headers.

WeasyPrint has no hook for this, so `install()` wraps its private tree builder, which calls
itself through the module attribute: every box of the tree passes through the wrapper.  The
version range in pyproject.toml is the one this was checked against (tests/test_accessible.py
reads the attributes back from the PDF, so a WeasyPrint that changes the builder fails there).
"""

from __future__ import annotations

import threading

_LOCK = threading.Lock()


def install() -> None:
    """Wrap WeasyPrint's structure-tree builder, once per process."""
    from weasyprint.pdf import tags

    with _LOCK:
        if getattr(tags._build_box_tree, "briefgen", False):
            return
        tags._build_box_tree = _described(tags._build_box_tree)


def _described(build):
    import pydyf
    from weasyprint.formatting_structure import boxes

    def build_described(box, parent, *args):
        element = getattr(box, "element", None)
        if (element is None or box.element_tag in ("html", "body")
                or isinstance(box, (boxes.PageBox, boxes.MarginBox))):
            yield from build(box, parent, *args)
            return
        annotation = getattr(box, "link_annotation", None)
        label = element.get("aria-label") or element.get("title")
        if annotation is not None and label:
            annotation["Contents"] = pydyf.String(label)
        for struct in build(box, parent, *args):
            if struct.get("P") == parent.reference:
                _describe(struct, box.element_tag, element, annotation is not None, pydyf)
                if struct["S"] == "/Table" and element.get("role") in ("presentation", "none"):
                    _untable(struct, pdf=args[0])
            yield struct

    build_described.briefgen = True
    return build_described


def _describe(struct, tag: str, element, is_link: bool, pydyf) -> None:
    if lang := element.get("lang"):
        struct["Lang"] = pydyf.String(lang)
    if tag == "abbr" and (expansion := element.get("title")):
        struct["S"] = "/Span"
        struct["E"] = pydyf.String(expansion)
    elif (label := element.get("aria-label")) and not is_link:
        struct["Alt"] = pydyf.String(label)


TABLE_PARTS = ("/Table", "/THead", "/TBody", "/TFoot", "/TR", "/TH", "/TD")


def _untable(struct, pdf) -> None:
    """A layout table's elements, itself, rows and cells, as `/Div`s (no table attributes)."""
    struct["S"] = "/Div"
    struct.pop("A", None)
    for kid in struct["K"]:
        if isinstance(kid, bytes) and kid.endswith(b" R"):  # a reference: b"12 0 R"
            child = pdf.objects[int(kid.split()[0])]
            if isinstance(child, dict) and child.get("S") in TABLE_PARTS:
                _untable(child, pdf)
