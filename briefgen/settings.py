"""Run settings: shipped defaults, then a config file, then environment, then flags.

One explicit object is passed down instead of globals so that a batch worker, the watch
folder and the HTTP service can each build their own without touching the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

LANGUAGES = ("en", "fr")
FORMATS = ("pdf", "html", "md", "json", "ninjs")
LENGTHS = ("short", "standard", "full")
SUMMARIZER_CHOICES = ("extractive", "neural")  # = summarize.SUMMARIZERS (test_config checks)
TRANSLATOR_CHOICES = ("none", "marian")  # "none" + translate.TRANSLATORS
DEVICES = ("auto", "cpu", "cuda")
# WeasyPrint's variant names.  PDF/UA-1 (tagged, accessible) is the default because UN and
# government desks must publish accessible documents; PDF/A-3b is for archives, and carries
# the JSON note inside as its data.  Both are tagged.
PDF_VARIANTS = ("pdf/ua-1", "pdf/a-3b")


@dataclass(frozen=True, slots=True)
class Settings:
    lang: str = "en"  # language of the note
    formats: tuple[str, ...] = ("pdf",)
    length: str = "standard"  # short | standard | full
    out_dir: Path = Path("output")
    templates: Path | None = None  # user template folder, tried before the shipped one
    issues_file: Path | None = None  # user-defined issues (TOML)
    issues_mode: str = "replace"  # replace | merge (with the discovered issues)
    summarizer: str = "extractive"  # extractive | neural
    summarizer_model: str | None = None
    translator: str = "none"  # none | marian
    translator_model: str | None = None
    device: str = "auto"  # auto | cpu | cuda
    pdf_variant: str = PDF_VARIANTS[0]
    sources: bool | None = None  # the Sources appendix; None: only in the full note
    verbose: bool = False
    extra: dict[str, str] = field(default_factory=dict)
