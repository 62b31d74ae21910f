"""`briefgen make` as a user runs it: files written, warnings, and clean failures."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "sample-release.fr.txt"


def run_cli(*args: str):
    return CliRunner().invoke(cli, list(args))


def run_process(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run([sys.executable, "-m", "briefgen.cli", *args], capture_output=True,
                          text=True, env=env, timeout=120, **kwargs)


@pytest.fixture
def example() -> Path:
    if not EXAMPLE.is_file():
        pytest.skip(f"bundled example {EXAMPLE.name} is missing")
    return EXAMPLE


def test_make_writes_every_format_and_warns_once_about_the_original_language(example, tmp_path):
    result = run_cli("make", str(example), "--lang", "en", "--format", "html,md,json",
                     "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    written = [Path(line) for line in result.stdout.splitlines()]
    assert [p.name for p in written] == ["CS-99999.en.html", "CS-99999.en.md",
                                         "CS-99999.en.json"]
    assert all(p.is_file() and p.stat().st_size for p in written)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "French" in warnings[0] and "--translator" in warnings[0]
    data = json.loads(written[2].read_text())
    assert data["language"] == "en" and data["notices"] and data["key_points"]
    body = written[0].read_text().split("<body>")[1]
    assert ">United Kingdom" in body and ">Royaume-Uni" not in body  # names, not quoted text


def test_make_in_the_release_language_has_no_warning(example, tmp_path):
    result = run_cli("make", str(example), "--lang", "fr", "--format", "md", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    md = (tmp_path / "CS-99999.fr.md").read_text()
    assert "## Points clés" in md and "## Orateurs" in md


def test_make_gives_the_garbage_collector_back_to_its_caller(example, tmp_path):
    assert gc.isenabled()
    assert run_cli("make", str(example), "--format", "md", "-o", str(tmp_path)).exit_code == 0
    assert run_cli("make", str(tmp_path / "missing.txt"), "-o", str(tmp_path)).exit_code == 1
    assert gc.isenabled()  # off only for the one release, even when it fails


def test_make_short_and_full_lengths(example, tmp_path):
    sizes = {}
    for length in ("short", "standard", "full"):
        out = tmp_path / length
        result = run_cli("make", str(example), "--lang", "fr", "--format", "json",
                         "--length", length, "-o", str(out))
        assert result.exit_code == 0, result.output
        data = json.loads((out / "CS-99999.fr.json").read_text())
        assert data["length"] == length and data["key_points"]
        sizes[length] = sum(len(s["summary"]) for s in data["statements"])
    assert sizes["short"] == 0 < sizes["standard"] <= sizes["full"]


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    blank = tmp_path / "blank.txt"
    blank.write_text("   \n\n \t\n")
    prose = tmp_path / "prose.txt"  # fictional: a text that is not a meetings-coverage release
    prose.write_text("Shopping list\n\nApples, pears and a loaf of bread.\n\n"
                     "Remember to water the plants on Tuesday.\n")
    return {"missing": tmp_path / "nope.txt", "empty": empty, "blank": blank, "prose": prose,
            "folder-without-releases": tmp_path / "emptydir"}


@pytest.mark.parametrize("case", ["missing", "empty", "blank", "prose",
                                  "folder-without-releases"])
def test_bad_input_is_one_line_nonzero_and_writes_nothing(tmp_path, case):
    (tmp_path / "emptydir").mkdir()
    source = _bad_inputs(tmp_path)[case]
    out = tmp_path / "out"
    result = run_cli("make", str(source), "--format", "pdf,html,json", "-o", str(out))
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not out.exists() or not any(out.iterdir())


def test_bad_input_in_a_real_process_has_no_traceback(tmp_path):
    prose = _bad_inputs(tmp_path)["prose"]
    for source in (tmp_path / "nope.txt", prose):
        done = run_process("make", str(source), "-o", str(tmp_path / "out"))
        assert done.returncode == 1
        assert "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_make_pdf_end_to_end_in_a_real_process(example, tmp_path):
    done = run_process("make", str(example), "--lang", "en", "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "CS-99999.en.pdf"
    assert done.stdout.strip() == str(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == [pdf.name]  # no temporary files left


HEAVY = ("weasyprint", "transformers", "torch")


@pytest.mark.parametrize("args", [["--help"], ["make", "--help"]])
def test_help_imports_no_heavy_library(args):
    code = ("import sys\nfrom briefgen.cli import cli\n"
            f"try:\n    cli.main({args!r}, prog_name='briefgen')\nexcept SystemExit:\n    pass\n"
            f"print('HEAVY', sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert "HEAVY []" in done.stdout, done.stdout.splitlines()[-1]
    assert "Example" in done.stdout
