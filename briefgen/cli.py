"""The `briefgen` command line: parse flags, build Settings, call the library.

Only click and the settings are imported at module level so that `briefgen --help` stays
fast and never pulls in WeasyPrint, transformers or torch.  Every BriefgenError becomes one
line on stderr and exit status 1; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import atexit
import gc
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from .errors import BriefgenError
from .settings import (DEVICES, FORMATS, LANGUAGES, LENGTHS, PDF_VARIANTS, SUMMARIZER_CHOICES,
                       TRANSLATOR_CHOICES, Settings)


class _Group(click.Group):
    """Turn BriefgenError into a clean one-line message wherever a command raises it."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BriefgenError as exc:
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise click.ClickException(message) from None


def _formats(_ctx, _param, value: str) -> tuple[str, ...]:
    wanted = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise click.BadParameter(f"unknown format {', '.join(unknown) or value!r}; "
                                 f"choose from {', '.join(FORMATS)}")
    return wanted


def _email_options(prefix: str = "--email-"):
    """The email flags of `make` and `watch` (--email-to), and of `send` (--to, --subject)."""
    def decorate(command):
        for option in reversed((
            click.option(f"{prefix}to", "email_to", multiple=True, metavar="ADDR",
                         help="Email the PDF note to ADDR; repeat for more recipients. "
                              f"Example: {prefix}to desk@example.org"),
            click.option(f"{prefix}subject", "email_subject", metavar="TEXT",
                         help="Subject instead of the meeting title and symbol. "
                              f"Example: {prefix}subject 'Security Council: today'"),
            click.option("--smtp-host", metavar="HOST",
                         help="SMTP server; overrides BRIEFGEN_SMTP_HOST and the config file's "
                              "[smtp] host. Example: --smtp-host smtp.example.org"),
            click.option("--smtp-port", type=click.IntRange(1, 65535), metavar="PORT",
                         help="SMTP port; default 587 (starttls), 465 (ssl) or 25 (none) per "
                              "BRIEFGEN_SMTP_SECURITY. Example: --smtp-port 2525"),
            click.option("--dry-run", is_flag=True,
                         help="Write the email as <note>.eml beside the PDF instead of sending "
                              f"it. Example: {prefix}to desk@example.org --dry-run"),
        )):
            command = option(command)
        return command
    return decorate


def _note_options(command):
    """The flags of `make` and `watch` that shape the note's PDF and HTML."""
    for option in reversed((
        click.option("--sources/--no-sources", default=None,
                     help="End the PDF and HTML note with the release paragraphs it cites, "
                          "word for word, each ¶ number linking to its paragraph "
                          "[default: only with --length full]. Example: --sources"),
        click.option("--pdf-variant", type=click.Choice(PDF_VARIANTS), default=None,
                     help="pdf/ua-1: tagged and accessible; pdf/a-3b: for archives, tagged, "
                          "with the JSON note attached as its data [default: pdf/ua-1]. "
                          "Example: --pdf-variant pdf/a-3b"),
    )):
        command = option(command)
    return command


def _email_job(email_to, email_subject, smtp_host, smtp_port, dry_run, config):
    if not email_to and not dry_run:  # no mail asked for: smtplib and ssl stay unloaded
        return None
    from .deliver.email import email_job

    return email_job(email_to, subject=email_subject, dry_run=dry_run, config=config,
                     smtp_options={"host": smtp_host, "port": smtp_port})


def _echo_outcome(outcome, *, batch: bool) -> None:
    """Paths on stdout; notices and errors on stderr, named by input in a batch."""
    where = f"{outcome.source}: " if batch else ""
    for path in outcome.paths:
        click.echo(str(path))
    for notice in outcome.notices:
        click.echo(f"warning: {where}{notice}", err=True)
    if outcome.error and batch:
        click.echo(f"error: {where}{outcome.error}", err=True)


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
@_note_options
@click.option("--templates", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Folder of your own templates, tried before the shipped ones "
                   "(extend 'default:briefing.html'). Example: --templates my-templates/")
@click.option("--issues", "issues_file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="TOML file of your own issues ([[issue]] tables with id, label.en/fr, "
                   "terms.en/fr and optional patterns.en/fr regexes), used instead of the "
                   "discovered ones (see --issues-mode). Example: --issues beat-issues.toml")
@click.option("--issues-mode", type=click.Choice(("replace", "merge")), default=None,
              help="replace: only the issues of --issues; merge: those plus the discovered ones "
                   "[default: replace]. Example: --issues beat.toml --issues-mode merge")
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
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes for a batch; default: the number of CPUs (1 with a neural "
                   "summarizer or translator: each worker loads the model). Example: -j 4")
@_email_options()
def make(inputs: tuple[str, ...], jobs: int | None, email_to: tuple[str, ...],
         email_subject: str | None, smtp_host: str | None, smtp_port: int | None,
         dry_run: bool, **options) -> None:
    """Make briefing notes from one or more releases (text or HTML files, or - for stdin).

    Each note is written to OUT/<name>.<lang>.<ext>, where <name> is the release symbol
    (CS/14794 -> CS-14794) or the input file's name, and every path written is printed.

    \b
    Folders stand for their .txt/.html files and quoted globs are expanded.  In a batch a bad
    release is reported as `error: FILE: message` and skipped, a summary line ends the run, and
    the exit status is 1 if any failed.

    \b
    Examples:
      briefgen make release.txt --lang en
      briefgen make release.txt --lang fr --format pdf,html,md,json -o notes/
      briefgen make release.txt --sources --pdf-variant pdf/a-3b
      briefgen make inbox/ 'archive/2022-*.txt' --jobs 2
      briefgen make release.txt --email-to desk@example.org --smtp-host smtp.example.org
    """
    from .deliver.batch import expand_inputs, make_notes, run_batch, summary_line

    settings = settings_from_options(options)
    _log_to_stderr(settings.verbose)
    email = _email_job(email_to, email_subject, smtp_host, smtp_port, dry_run,
                       options.get("config"))
    sources = expand_inputs(inputs)
    if len(sources) == 1:
        from .pdfworker import prewarmed

        # The PDF's template and WeasyPrint get ready in a second process while this one
        # runs the pipeline.
        with _without_cycle_collection(), prewarmed(
                "pdf" in settings.formats or email is not None, settings.templates,
                settings.lang):
            outcome = make_notes(sources[0], settings, email)
        _echo_outcome(outcome, batch=False)
        if outcome.error:
            raise BriefgenError(outcome.error)
        return
    if not sources:
        raise BriefgenError(f"no releases (.txt, .html) found in {', '.join(inputs)}")
    outcomes = run_batch(sources, settings, jobs=jobs, email=email,
                         progress=sys.stderr.isatty(),
                         on_outcome=lambda o: _echo_outcome(o, batch=True))
    click.echo(summary_line(outcomes), err=True)
    if not all(o.ok for o in outcomes):
        sys.exit(1)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """One release is a short-lived run whose memory goes back at exit, so the cyclic garbage
    collector's passes over the parse's and the layout's many small objects are pure cost
    (~3 % of a make, bench/make_speed.py; ~10 MB more at the peak), and so is the collection
    the interpreter makes of them all at exit (~20 ms): they are frozen out of it first.
    Batches, the watch folder and the service keep the collector; so does a caller that goes
    on after this block."""
    atexit.unregister(gc.freeze)  # once, however many makes a process runs
    atexit.register(gc.freeze)
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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


@cli.command()
@click.argument("pdf", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@_email_options("--")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path),
              help="TOML config file whose [smtp] table to use. Example: --config newsroom.toml")
def send(pdf: Path, email_to: tuple[str, ...], email_subject: str | None,
         smtp_host: str | None, smtp_port: int | None, dry_run: bool,
         config: Path | None) -> None:
    """Email a note that was already made (the subject comes from its file name).

    \b
    Example:
      briefgen send output/CS-14794.en.pdf --to desk@example.org --smtp-host smtp.example.org
    """
    from .deliver.email import deliver_pdf

    if not email_to:
        raise click.UsageError("give at least one recipient: --to ADDR")
    job = _email_job(email_to, email_subject, smtp_host, smtp_port, dry_run, config)
    eml = deliver_pdf(None, pdf, job)
    click.echo(str(eml) if eml else f"sent {pdf} to {', '.join(email_to)}")


@cli.command()
@click.argument("inbox", type=click.Path(file_okay=False, path_type=Path), required=False)
@click.option("--feed", "feeds", multiple=True, metavar="URL",
              help="RSS or Atom feed to follow; each new item's page becomes notes once. "
                   "Repeat for more feeds. Without INBOX, pages go through OUT/inbox/. "
                   "Example: --feed https://example.org/meetings-coverage.xml")
@click.option("--feed-interval", type=click.FloatRange(min=0.05), default=300.0,
              show_default=True, metavar="SECONDS",
              help="Time between polls of the feeds (each wait varies by 10 %). "
                   "Example: --feed-interval 600")
@click.option("--send-revisions", is_flag=True,
              help="Also email the note of a release republished with corrections (it is "
                   "always made, as <name>.rev2...). Example: --send-revisions")
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("output"), show_default=True,
              help="Folder the notes are written to. Example: --out notes/")
@click.option("--lang", "langs", default="en", show_default=True,
              help="Comma-separated note languages; one note per language and release. "
                   "Example: --lang en,fr")
@click.option("--format", "formats", default="pdf", show_default=True, callback=_formats,
              help="Comma-separated output formats: pdf, html, md, json, ninjs. "
                   "Example: --format pdf,json")
@click.option("--length", type=click.Choice(LENGTHS), default="standard", show_default=True,
              help="Length of the notes. Example: --length short")
@_note_options
@click.option("--templates", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Folder of your own templates. Example: --templates my-templates/")
@_email_options()
@click.option("--once", is_flag=True,
              help="Process what is in INBOX now, then exit (for cron). Example: --once")
@click.option("--poll", is_flag=True,
              help="Poll the folder instead of using file-system events (network shares). "
                   "Example: --poll")
@click.option("--settle", type=click.FloatRange(min=0), default=1.0, show_default=True,
              metavar="SECONDS",
              help="A file is read once its size and mtime have not changed for this long. "
                   "Example: --settle 3")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path),
              help="TOML config file ([briefgen] and [smtp] tables). Example: --config newsroom.toml")
def watch(inbox: Path | None, feeds: tuple[str, ...], feed_interval: float,
          send_revisions: bool, langs: str, email_to: tuple[str, ...],
          email_subject: str | None, smtp_host: str | None, smtp_port: int | None,
          dry_run: bool, once: bool, poll: bool, settle: float, **options) -> None:
    """Turn every release dropped into INBOX, or published in a --feed, into notes; the
    release then moves to INBOX/done/ (or INBOX/failed/, with a .error.txt beside it).

    Safe to kill at any moment: on restart every release is processed exactly once.
    Write big files under a temporary name (*.part, *.tmp, .name) and rename them when done.
    A feed item whose page is republished with corrections becomes a revision note.

    \b
    Examples:
      briefgen watch inbox/ --out notes/ --lang en,fr
      briefgen watch inbox/ --out notes/ --email-to desk@example.org --once
      briefgen watch --feed https://example.org/coverage.xml --out notes/ --lang en,fr
    """
    from dataclasses import replace

    from .deliver.watch import Watcher

    languages = [lang.strip() for lang in langs.split(",") if lang.strip()]
    unknown = [lang for lang in languages if lang not in LANGUAGES]
    if unknown or not languages:
        raise click.BadParameter(f"unknown language {', '.join(unknown) or langs!r}; choose "
                                 f"from {', '.join(LANGUAGES)}", param_hint="--lang")
    if inbox is None and not feeds:
        raise click.UsageError("give a folder to watch (INBOX), a --feed URL, or both")
    settings = settings_from_options(options)
    email = _email_job(email_to, email_subject, smtp_host, smtp_port, dry_run,
                       options.get("config"))
    if inbox is None:
        inbox = settings.out_dir / "inbox"
        inbox.mkdir(parents=True, exist_ok=True)

    def report(outcome) -> None:
        _echo_outcome(outcome, batch=True)
        click.echo(f"{'failed' if outcome.error else 'done'}: {outcome.source}", err=True)

    watcher = Watcher(inbox, [replace(settings, lang=lang) for lang in languages],
                      email=email, settle=settle, on_outcome=report, feeds=feeds,
                      feed_interval=feed_interval, send_revisions=send_revisions)
    try:
        watcher.run(once=once, poll=poll)
    except KeyboardInterrupt:
        sys.exit(130)
    if once and watcher.feeds is not None and watcher.feeds.unread_feeds:
        sys.exit(1)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 for every interface. Example: --host 0.0.0.0")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True,
              help="TCP port. Example: --port 9000")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Server processes. Example: --workers 2")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Processes making notes, per server process; default: CPUs, at most 4. "
                   "Example: --jobs 2")
@click.option("--max-bytes", type=click.IntRange(min=1), default=2 * 1024 * 1024,
              show_default=True,
              help="Largest request body accepted (413 above). Example: --max-bytes 5000000")
@click.option("--allow-urls", is_flag=True,
              help="Accept POST /briefs?url=ADDRESS and fetch that page (public addresses "
                   "only). Off by default: a public service must not fetch any address for "
                   "anyone. Example: --allow-urls")
@click.option("--allow-private-urls", is_flag=True,
              help="With --allow-urls, also fetch loopback and private addresses (an intranet "
                   "mirror). Example: --allow-urls --allow-private-urls")
def serve(host: str, port: int, workers: int, jobs: int | None, max_bytes: int,
          allow_urls: bool, allow_private_urls: bool) -> None:
    """Serve notes over HTTP: POST /briefs?lang=en&format=pdf with the release as the body.

    GET /health answers {"status": "ok"}; the OpenAPI description is at /openapi.json.

    \b
    Examples:
      briefgen serve --port 8080
      curl -sf -H 'Content-Type: text/plain' --data-binary @release.txt \\
           'http://127.0.0.1:8080/briefs?lang=en&format=pdf' -o note.pdf
    """
    from .deliver.service import serve as run_server

    if allow_private_urls and not allow_urls:
        raise click.UsageError("--allow-private-urls needs --allow-urls")
    urls = ("any" if allow_private_urls else "public") if allow_urls else "off"
    run_server(host, port, workers=workers, jobs=jobs, max_bytes=max_bytes, urls=urls)


@cli.group("eval")
def eval_group() -> None:
    """Measure briefgen against references (needs the eval extra: pip install 'briefgen[eval]').

    \b
    Example:
      briefgen eval summaries ../shared/corpus/*.txt
    """


@eval_group.command("summaries")
@click.argument("sources", nargs=-1, required=True)
@click.option("--length", type=click.Choice(LENGTHS), default="standard", show_default=True,
              help="Summary length to evaluate. Example: --length short")
def eval_summaries(sources: tuple[str, ...], length: str) -> None:
    """ROUGE-1/2/L F1 of key points and statement summaries against each release's lead,
    next to Lead-k, LexRank and TextRank baselines, as Markdown tables.

    \b
    Example:
      briefgen eval summaries ../shared/corpus/*.txt > rouge.md
    """
    from .evaluation.summaries import evaluate, markdown

    click.echo(markdown(evaluate(sources, Settings(length=length))))


def _gold_options(kind: str):
    """--gold and --details, shared by the scorers that read the project's gold."""
    def decorate(command):
        command = click.option("--details", is_flag=True, help="List what is not right, with "
                               "the gold and what briefgen gave.")(command)
        return click.option("--gold", "gold", default=None, help=f"Folder of {kind} gold "
                            f"files (default: the project's tests/gold/{kind}). Example: "
                            "--gold my-gold/",
                            type=click.Path(exists=True, file_okay=False, path_type=Path)
                            )(command)
    return decorate


def _scored(module, sources: tuple[str, ...], gold: Path | None, details: bool) -> None:
    folder = gold or module.DEFAULT_GOLD
    if not folder.is_dir():
        raise BriefgenError(f"no gold folder at {folder}: pass --gold DIR")
    results = module.evaluate(sources, folder)
    if not results:
        raise BriefgenError(f"none of the releases has a gold file in {folder}")
    click.echo(module.report(results, details=details))


@eval_group.command("attribution")
@click.argument("sources", nargs=-1, required=True)
@_gold_options("attribution")
def eval_attribution(sources: tuple[str, ...], gold: Path | None, details: bool) -> None:
    """Who said what, paragraph by paragraph, against gold: paragraphs correct / missed
    (left unattributed) / wrong (given to someone who does not speak there), sentences where a
    paragraph changes hands, briefers, groups, spurious repeat turns.  Releases without a gold
    file are skipped.

    \b
    Example:
      briefgen eval attribution ../shared/corpus/*.txt --details
    """
    from .evaluation import attribution

    _scored(attribution, sources, gold, details)


@eval_group.command("votes")
@click.argument("sources", nargs=-1, required=True)
@_gold_options("votes")
def eval_votes(sources: tuple[str, ...], gold: Path | None, details: bool) -> None:
    """Vote items against gold: every text decided at the meeting found, and exact (outcome,
    counts, named lists, veto); decisions of other meetings and anything else the gold does
    not hold counted as spurious.  Releases without a gold file are skipped.

    \b
    Example:
      briefgen eval votes ../shared/corpus/*.txt --details
    """
    from .evaluation import votes

    _scored(votes, sources, gold, details)


def main() -> None:
    cli(prog_name="briefgen")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
