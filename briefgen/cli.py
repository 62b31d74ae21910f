"""The `briefgen` command line: parse flags, build Settings, call the library.

Only click and the settings are imported at module level so that `briefgen --help` stays
fast and never pulls in WeasyPrint, transformers or torch.  Every BriefgenError becomes one
line on stderr and exit status 1; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from .errors import BriefgenError
from .settings import (DEVICES, FORMATS, LANGUAGES, LENGTHS, SUMMARIZER_CHOICES,
                       TRANSLATOR_CHOICES, Settings)


class _Group(click.Group):
    """Turn BriefgenError into a clean one-line message wherever a command raises it."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BriefgenError as exc:
            raise click.ClickException(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


def _formats(_ctx, _param, value: str) -> tuple[str, ...]:
    wanted = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise click.BadParameter(f"unknown format {', '.join(unknown) or value!r}; "
                                 f"choose from {', '.join(FORMATS)}")
    return wanted


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefgen")
def cli() -> None:
    """Turn a UN meetings-coverage press release into a short, faithful briefing note.

    \b
    Example:
      briefgen make examples/sample-release.fr.txt --lang en
    """


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--lang", type=click.Choice(LANGUAGES), default="en", show_default=True,
              help="Language of the note, whatever the release's language. Example: --lang fr")
@click.option("--format", "formats", default="pdf", show_default=True, callback=_formats,
              help="Comma-separated output formats: pdf, html, md, json, ninjs. "
                   "Example: --format pdf,html,md,json")
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("output"), show_default=True,
              help="Folder the notes are written to, as <name>.<lang>.<ext>. Example: -o notes/")
@click.option("--length", type=click.Choice(LENGTHS), default="standard", show_default=True,
              help="short: key points only; standard: the default note; full: every statement "
                   "in detail. Example: --length short")
@click.option("--templates", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Folder of your own templates, tried before the shipped ones "
                   "(extend 'default:briefing.html'). Example: --templates my-templates/")
@click.option("--summarizer", type=click.Choice(SUMMARIZER_CHOICES), default="extractive",
              show_default=True,
              help="extractive: the statements' own sentences, no model needed; neural: a local "
                   "seq2seq model, every sentence checked against the source. "
                   "Example: --summarizer neural --summarizer-model ~/models/bart-large-cnn")
@click.option("--summarizer-model", metavar="PATH_OR_ID",
              help="Model folder, or a hub id already in the local cache (see `briefgen models "
                   "list`). Example: --summarizer-model facebook/bart-large-cnn")
@click.option("--translator", type=click.Choice(TRANSLATOR_CHOICES), default="none",
              show_default=True,
              help="Translate the note's sentences when the release is in the other language; "
                   "none keeps them in the original, marked. Example: --translator marian")
@click.option("--translator-model", metavar="PATH_OR_ID",
              help="Model folder or cached hub id; default Helsinki-NLP/opus-mt-<from>-<to>. "
                   "Example: --translator-model ~/models/opus-mt-fr-en")
@click.option("--device", type=click.Choice(DEVICES), default="auto", show_default=True,
              help="Where neural models run; auto takes the GPU when torch sees one. "
                   "Example: --device cpu")
@click.option("-v", "--verbose", is_flag=True, default=None,
              help="Report progress on stderr (model loads, batches, input coverage). "
                   "Example: -v")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path),
              help="TOML config file ([briefgen] table); default $BRIEFGEN_CONFIG, else "
                   "~/.config/briefgen/config.toml. Flags beat environment variables, which "
                   "beat the file. Example: --config newsroom.toml")
def make(inputs: tuple[str, ...], **options) -> None:
    """Make briefing notes from one or more releases (text or HTML files, or - for stdin).

    Each note is written to OUT/<name>.<lang>.<ext>, where <name> is the release symbol
    (CS/14794 -> CS-14794) or the input file's name, and every path written is printed.

    \b
    Examples:
      briefgen make release.txt --lang en
      briefgen make release.txt --lang fr --format pdf,html,md,json -o notes/
    """
    from .pipeline import make_briefing
    from .render import write_outputs

    settings = settings_from_options(options)
    _log_to_stderr(settings.verbose)
    for source in inputs:
        briefing = make_briefing(source, settings)
        for path in write_outputs(briefing, settings):
            click.echo(str(path))


def settings_from_options(options: dict) -> Settings:
    """Settings from the config file and environment, overridden by the options that name a
    Settings field and that the user actually typed (see briefgen.config for the order).

    A flag left at its default must not mask the config file, so click is asked where each
    value came from; outside a click command every option given counts as typed.
    """
    from click.core import ParameterSource

    from .config import resolve_settings

    ctx = click.get_current_context(silent=True)
    defaults = (ParameterSource.DEFAULT, ParameterSource.DEFAULT_MAP)
    fields = set(Settings.__dataclass_fields__)
    explicit = {k: v for k, v in options.items() if k in fields and v is not None
                and (ctx is None or ctx.get_parameter_source(k) not in defaults)}
    return resolve_settings(explicit, options.get("config"))


class _EchoHandler(logging.Handler):
    """Log records as `briefgen: message` on the current stderr (click's, under tests too)."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"briefgen: {self.format(record)}", err=True)


_STDERR = _EchoHandler()


def _log_to_stderr(verbose: bool) -> None:
    logger = logging.getLogger("briefgen")
    if verbose:
        logger.addHandler(_STDERR)
        logger.setLevel(logging.INFO)
    else:
        logger.removeHandler(_STDERR)
        logger.setLevel(logging.NOTSET)


@cli.command()
@click.argument("source")
@click.option("--stats", is_flag=True,
              help="Print counts (statements, delegations, unattributed text) instead of JSON. "
                   "Example: briefgen parse release.txt --stats")
def parse(source: str, stats: bool) -> None:
    """Print the parsed release as JSON (or counts with --stats).

    \b
    Example:
      briefgen parse release.txt > release.json
    """
    from .pipeline import parse_source
    from .serialize import release_stats, release_to_dict

    release = parse_source(source)
    data = release_stats(release) if stats else release_to_dict(release)
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@cli.group()
def models() -> None:
    """Local neural models: which are configured and found, download, verify.

    Models are found offline only: a folder, or a hub id already in the local Hugging Face
    cache.  Only `download` uses the network.

    \b
    Examples:
      briefgen models list
      briefgen models download Helsinki-NLP/opus-mt-fr-en
      briefgen models verify ~/models/opus-mt-fr-en
    """


@models.command("list")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path),
              help="Config file whose models to check. Example: --config newsroom.toml")
def models_list(config: Path | None) -> None:
    """List the configured and recommended models, and those in the local cache, with
    whether each is found locally.

    \b
    Example:
      briefgen models list
    """
    from .config import resolve_settings
    from .models import list_models

    settings = resolve_settings({}, config)
    for status in list_models(settings.summarizer_model, settings.translator_model):
        where = f"  {status.where}" if status.where else ""
        click.echo(f"{'found  ' if status.found else 'missing'}  {status.role:<24}  "
                   f"{status.name}{where}")


@models.command("download")
@click.argument("model_id")
def models_download(model_id: str) -> None:
    """Download MODEL_ID from the Hugging Face hub into the local cache (needs internet).

    \b
    Example:
      briefgen models download Helsinki-NLP/opus-mt-fr-en
    """
    from .models import download

    click.echo(str(download(model_id)))


@models.command("verify")
@click.argument("path_or_id")
@click.option("--device", type=click.Choice(DEVICES), default="auto", show_default=True,
              help="Where to run the check. Example: --device cpu")
def models_verify(path_or_id: str, device: str) -> None:
    """Load PATH_OR_ID (tokenizer and model) and generate once; print OK with its size.

    \b
    Example:
      briefgen models verify ~/models/opus-mt-fr-en
    """
    from .models import verify

    click.echo(verify(path_or_id, device))


def main() -> None:
    cli(prog_name="briefgen")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
