"""docs/api.md is run as written: its Python blocks, in order, as one script."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "api.md"


def python_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", markdown, flags=re.DOTALL | re.MULTILINE)


def test_the_documented_example_runs(tmp_path, examples):
    blocks = python_blocks(DOC.read_text(encoding="utf-8"))
    assert len(blocks) == 2
    shutil.copytree(examples, tmp_path / "examples")
    result = subprocess.run([sys.executable, "-c", "\n".join(blocks)], cwd=tmp_path,
                            capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert re.search(r"^\* .+\('p\d+'", out, flags=re.MULTILINE)  # bullets with their ids
    assert "cannot brief: " in out and "Traceback" not in result.stderr
    written = {p.name for p in (tmp_path / "notes").iterdir()}
    assert {n for n in written if n.endswith((".en.pdf", ".en.json"))}
    assert (tmp_path / "note.md").read_text(encoding="utf-8").strip()
    assert (tmp_path / "note.eml").read_bytes().count(b"application/pdf") == 1
    assert any(n.endswith(".en.eml") for n in written)  # deliver_pdf with dry_run
    assert re.search(r"^fr \d+$", out, flags=re.MULTILINE)


def test_public_names_are_exported():
    import briefgen

    for name in ("make_briefing", "render", "Settings", "BriefgenError", "parse_source",
                 "Briefing"):
        assert name in briefgen.__all__ and hasattr(briefgen, name)
