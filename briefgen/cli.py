"""The `briefgen` command line: parse flags, build Settings, call the library.

Only click and the settings are imported at module level so that `briefgen --help` stays
fast and never pulls in WeasyPrint, transformers or torch.  Every BriefgenError becomes one
line on stderr and exit status 1; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .errors import BriefgenError
from .settings import FORMATS, LANGUAGES, LENGTHS, Settings


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
    for source in inputs:
        briefing = make_briefing(source, settings)
        for path in write_outputs(briefing, settings):
            click.echo(str(path))


def settings_from_options(options: dict) -> Settings:
    """Build Settings from the options that name one of its fields; the rest stay with the CLI.

    Options left at None fall back to the Settings default.
    """
    fields = set(Settings.__dataclass_fields__)
    return Settings(**{k: v for k, v in options.items() if k in fields and v is not None})


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


def main() -> None:
    cli(prog_name="briefgen")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
