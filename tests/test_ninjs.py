"""--format ninjs: the note as an IPTC ninjs 2.1 item.

The schema below is ours: the ninjs 2.1 rules for the properties briefgen writes (only `uri`
is required; headlines, bodies and descriptions need a `value`, renditions a `name`; no
property outside the standard's list), so a typo in a property name fails here.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from fictional import fictional_briefing

from briefgen.ninjs import ninjs_item, render_ninjs
from briefgen.render import render

TEXT_ITEM = {"type": "object", "required": ["value"], "additionalProperties": False,
             "properties": {"role": {"type": "string"}, "contenttype": {"type": "string"},
                            "value": {"type": "string"}, "charcount": {"type": "number"},
                            "wordcount": {"type": "number"}}}
NAMED = {"type": "object", "additionalProperties": False,
         "properties": {k: {"type": "string"} for k in ("name", "rel", "uri", "literal")}}
NINJS_21_SUBSET = {
    "type": "object",
    "required": ["uri"],
    "additionalProperties": False,
    "properties": {
        "uri": {"type": "string", "pattern": r"^[a-z][a-z0-9+.-]*:"},
        "standard": {"type": "object", "additionalProperties": False,
                     "properties": {"name": {"const": "ninjs"}, "version": {"const": "2.1"},
                                    "schema": {"type": "string"}}},
        "type": {"enum": ["text", "audio", "video", "picture", "graphic", "composite",
                          "component"]},
        "representationtype": {"enum": ["full", "partial"]},
        "version": {"type": "string"},
        "versioncreated": {"type": "string"},
        "pubstatus": {"enum": ["usable", "withheld", "canceled"]},
        "language": {"type": "string"},
        "title": {"type": "string"},
        "slugline": {"type": "string"},
        "by": {"type": "string"},
        "ednote": {"type": "string"},
        "headlines": {"type": "array", "items": TEXT_ITEM},
        "descriptions": {"type": "array", "items": TEXT_ITEM},
        "bodies": {"type": "array", "items": TEXT_ITEM},
        "subjects": {"type": "array", "items": NAMED},
        "organisations": {"type": "array", "items": NAMED},
        "renditions": {"type": "array", "items": {
            "type": "object", "required": ["name"], "additionalProperties": False,
            "properties": {"name": {"type": "string"}, "href": {"type": "string"},
                           "contenttype": {"type": "string"}, "title": {"type": "string"},
                           "sizeinbytes": {"type": "number"}}}},
    },
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_item_is_valid_and_carries_the_note(lang):
    briefing = fictional_briefing(lang)
    item = json.loads(render_ninjs(briefing))
    jsonschema.validate(item, NINJS_21_SUBSET)
    assert item["uri"] == f"urn:briefgen:CS-99999:{lang}"
    assert item["type"] == "text" and item["language"] == lang
    created = dt.datetime.fromisoformat(item["versioncreated"].replace("Z", "+00:00"))
    assert created.tzinfo is not None
    title = " ".join(briefing.release.meeting.title.split()) if lang == "fr" else \
        "Security Council: Barrage d’Arcadie, Médiation régionale"  # built in the note's language
    assert item["headlines"][0] == {"role": "main", "contenttype": "text/plain", "value": title}
    body = item["bodies"][0]["value"]
    for point in briefing.key_points:
        assert point.text in body and point.text in item["descriptions"][0]["value"]
    assert item["subjects"] == [{"name": i.label, "literal": i.id, "rel": "about"}
                                for i in briefing.issues]
    for issue in briefing.issues:
        assert issue.label in body
        for position in issue.positions:
            assert position.delegation in body
    assert "renditions" not in item


def test_pdf_rendition(tmp_path: Path):
    pdf = tmp_path / "CS-99999.en.pdf"
    item = ninjs_item(fictional_briefing("en"), pdf)
    jsonschema.validate(item, NINJS_21_SUBSET)
    assert item["renditions"] == [{"name": "pdf", "href": pdf.resolve().as_uri(),
                                   "contenttype": "application/pdf", "title": pdf.name}]


def test_render_dispatches_ninjs():
    item = json.loads(render(fictional_briefing("en"), "ninjs"))
    jsonschema.validate(item, NINJS_21_SUBSET)
    assert item["standard"]["version"] == "2.1"


def test_write_outputs_links_the_pdf_written_in_the_same_run(tmp_path: Path):
    from briefgen.render import write_outputs
    from briefgen.settings import Settings

    paths = write_outputs(fictional_briefing("en"),
                          Settings(formats=("pdf", "ninjs"), out_dir=tmp_path))
    pdf, ninjs = paths
    item = json.loads(ninjs.read_bytes())
    assert [r["href"] for r in item["renditions"]] == [pdf.resolve().as_uri()]
    assert pdf.read_bytes().startswith(b"%PDF")
