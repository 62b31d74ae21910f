"""Email a note: build the message with the stdlib `email` package, send it with `smtplib`.

Why the stdlib and not a hand-made MIME string: `email.policy.SMTP` folds and encodes headers
and refuses CR/LF inside a header value, so a release title can never smuggle in a `Bcc:`.
Subjects are still flattened to one line first, so the refusal never reaches the user as an
error for what is only an odd title.

SMTP settings come, in this order of precedence, from command-line options, `BRIEFGEN_SMTP_*`
environment variables and the `[smtp]` table of the config file.  The password is kept out of
`repr()`, logs and error messages: errors are built from server replies and exception names,
and anything that still contains the password is redacted.
"""

from __future__ import annotations

import base64
import html
import logging
import os
import smtplib
import socket
import ssl
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import formatdate, make_msgid
from pathlib import Path

from ..compose import briefing_title
from ..errors import BriefgenError
from ..i18n import label
from ..model import Briefing

log = logging.getLogger(__name__)

SECURITY_MODES = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
ENV_PREFIX = "BRIEFGEN_SMTP_"
DEFAULT_SENDER = "briefgen@localhost"
NO_HOST = ("no SMTP server configured: pass --smtp-host HOST, set BRIEFGEN_SMTP_HOST or host in "
           "the config file's [smtp] table (or use --dry-run to write the .eml)")

# The sentences only the message needs, per note language (the note's labels are in i18n).
TEXT = {
    "en": {"attached": "The full briefing note is attached: {file}",
           "no_points": "The briefing note is attached: {file}"},
    "fr": {"attached": "La note d’information complète est jointe : {file}",
           "no_points": "La note d’information est jointe : {file}"},
}


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str | None = None
    port: int | None = None  # None: the usual port for `security`
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    sender: str = DEFAULT_SENDER
    security: str = "starttls"
    cafile: str | None = None  # extra CA bundle, for a relay with an internal certificate
    timeout: float = 30.0
    retries: int = 3  # extra attempts after a transient failure
    backoff: float = 1.0  # seconds before the first retry, doubled each time

    @property
    def effective_port(self) -> int:
        return self.port or DEFAULT_PORTS[self.security]


# Settings field -> (environment variable suffix, config-file key, type).
_SOURCES: dict[str, tuple[str, str, type]] = {
    "host": ("HOST", "host", str),
    "port": ("PORT", "port", int),
    "user": ("USER", "user", str),
    "password": ("PASSWORD", "password", str),
    "sender": ("FROM", "from", str),
    "security": ("SECURITY", "security", str),
    "cafile": ("CAFILE", "cafile", str),
    "timeout": ("TIMEOUT", "timeout", float),
    "retries": ("RETRIES", "retries", int),
    "backoff": ("BACKOFF", "backoff", float),
}


def smtp_settings(options: Mapping[str, object] | None = None,
                  env: Mapping[str, str] | None = None,
                  file: Mapping[str, object] | None = None,
                  config: Path | None = None) -> SmtpSettings:
    """Merge the three sources: options (non-None) over environment over the config file.

    `file` is the config file's `[smtp]` table; when omitted it is read from `config` (or the
    default config file, see briefgen.config).
    """
    env = os.environ if env is None else env
    file = _config_smtp_table(config, env) if file is None else file
    values: dict[str, object] = {}
    for name, (suffix, key, kind) in _SOURCES.items():
        for where, raw in (("option", (options or {}).get(name)),
                           (ENV_PREFIX + suffix, env.get(ENV_PREFIX + suffix) or None),
                           (f"[smtp] {key}", file.get(key))):
            if raw is not None:
                values[name] = _convert(raw, kind, where, secret=name == "password")
                break
    security = str(values.get("security", "starttls")).lower()
    if security not in SECURITY_MODES:
        raise BriefgenError(f"unknown SMTP security {security!r}: use one of "
                            f"{', '.join(SECURITY_MODES)} (e.g. BRIEFGEN_SMTP_SECURITY=starttls)")
    values["security"] = security
    return SmtpSettings(**values)


def _convert(raw: object, kind: type, where: str, *, secret: bool) -> object:
    try:
        return kind(raw)
    except (TypeError, ValueError):
        shown = "***" if secret else repr(raw)
        raise BriefgenError(f"bad SMTP setting {where}={shown}: expected {kind.__name__}") from None


def _config_smtp_table(config: Path | None, env: Mapping[str, str]) -> Mapping[str, object]:
    from ..config import load_config_file

    table = load_config_file(config, env).get("smtp", {})
    if not isinstance(table, Mapping):
        raise BriefgenError("the config file's [smtp] entry must be a table, e.g. [smtp] host = ...")
    return table


# --- building the message -------------------------------------------------------------------

def one_line(text: str) -> str:
    """Collapse every run of whitespace, CR and LF included, into one space."""
    return " ".join(text.split())


def default_subject(briefing: Briefing) -> str:
    meeting = briefing.release.meeting
    title = one_line(briefing_title(briefing))
    if briefing.revision > 1:
        title = f"{label('revision', briefing.language, n=briefing.revision)}: {title}"
    return f"{title} ({one_line(meeting.symbol)})" if meeting.symbol else title


def parse_address(text: str) -> Address:
    """One mailbox, `name@example.org` or `Name <name@example.org>`; anything else is refused."""
    from email.headerregistry import HeaderRegistry

    if any(c in text for c in "\r\n"):
        raise BriefgenError(f"invalid email address {one_line(text)!r}: it contains a line break")
    try:
        header = HeaderRegistry()("To", text)
        addresses = header.addresses
    except (IndexError, ValueError, TypeError):
        addresses = ()
    if len(addresses) != 1 or not addresses[0].domain or not addresses[0].username \
            or getattr(header, "defects", None):
        raise BriefgenError(f"invalid email address {text!r}: expected name@example.org")
    return addresses[0]


def build_message(briefing: Briefing | None, pdf_path: Path, to: Sequence[str],
                  subject: str | None = None, *, sender: str = DEFAULT_SENDER,
                  lang: str = "en") -> EmailMessage:
    """The note as an email: key points in the body (text and HTML), the PDF attached.

    With no Briefing (e.g. `briefgen send` on an existing PDF) the body just names the file.
    """
    pdf_path = Path(pdf_path)
    if not to:
        raise BriefgenError("no recipient: pass --email-to ADDR (or --to ADDR for send)")
    try:
        pdf = pdf_path.read_bytes()
    except OSError as exc:
        raise BriefgenError(f"cannot read {pdf_path}: {exc.strerror or exc}") from None
    lang = _lang(briefing.language if briefing else lang)
    words = TEXT[lang]
    sender_addr = parse_address(sender)
    if subject is None:
        subject = default_subject(briefing) if briefing else f"{label('note', lang)} {pdf_path.stem}"

    msg = EmailMessage(policy=SMTP_POLICY)
    msg["Subject"] = one_line(subject) or label("note", lang)
    msg["From"] = sender_addr
    msg["To"] = [parse_address(a) for a in to]
    msg["Date"] = formatdate(localtime=True)
    # The domain is given so make_msgid does not wait on a DNS lookup of this host's name.
    msg["Message-ID"] = make_msgid(domain=sender_addr.domain)

    points = [one_line(b.text) for b in briefing.key_points] if briefing else []
    heading = one_line(default_subject(briefing)) if briefing else ""
    attached = words["attached" if points else "no_points"].format(file=pdf_path.name)
    text_lines = [heading, ""] if heading else []
    if points:
        text_lines += [label("key_points", lang), ""] + [f"- {p}" for p in points] + [""]
    msg.set_content("\n".join(text_lines + [attached]) + "\n")
    esc = html.escape
    html_parts = [f"<h1>{esc(heading)}</h1>"] if heading else []
    if points:
        html_parts += [f"<h2>{esc(label('key_points', lang))}</h2>", "<ul>"]
        html_parts += [f"<li>{esc(p)}</li>" for p in points] + ["</ul>"]
    html_parts.append(f"<p>{esc(attached)}</p>")
    msg.add_alternative(f'<!DOCTYPE html><html lang="{lang}"><body>{"".join(html_parts)}'
                        "</body></html>\n", subtype="html")
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename=pdf_path.name)
    msg["Content-Language"] = lang  # after the parts: set_content() clears Content-* headers
    return msg


def _lang(lang: str) -> str:
    return lang if lang in TEXT else "en"


# --- sending -------------------------------------------------------------------------------

class _Transient(Exception):
    """A failure worth another attempt (no connection, timeout, 4xx reply)."""


def send_message(msg: EmailMessage, smtp: SmtpSettings, *,
                 sleep: Callable[[float], None] = time.sleep) -> None:
    """Send, retrying transient failures with exponential backoff; raise BriefgenError otherwise."""
    if not smtp.host:
        raise BriefgenError(NO_HOST)
    attempts = max(0, smtp.retries) + 1
    for attempt in range(1, attempts + 1):
        try:
            _send_once(msg, smtp)
            return
        except _Transient as exc:
            reason = _redact(str(exc), smtp.password)
            if attempt == attempts:
                raise BriefgenError(f"email not sent after {attempts} attempts: {reason}") from None
            delay = smtp.backoff * 2 ** (attempt - 1)
            log.warning("SMTP attempt %d/%d failed (%s); retrying in %.2g s",
                        attempt, attempts, reason, delay)
            sleep(delay)
        except BriefgenError as exc:
            raise BriefgenError(_redact(str(exc), smtp.password)) from None


def _send_once(msg: EmailMessage, smtp: SmtpSettings) -> None:
    where = f"{smtp.host}:{smtp.effective_port}"
    try:
        context = ssl.create_default_context(cafile=smtp.cafile) if smtp.security != "none" \
            else None
    except OSError as exc:
        raise BriefgenError(f"cannot read the CA file {smtp.cafile}: {exc.strerror or exc}") from None
    try:
        if smtp.security == "ssl":
            client = smtplib.SMTP_SSL(smtp.host, smtp.effective_port, timeout=smtp.timeout,
                                      context=context)
        else:
            client = smtplib.SMTP(smtp.host, smtp.effective_port, timeout=smtp.timeout)
        with client:
            if smtp.security == "starttls":
                client.starttls(context=context)
            if smtp.user:
                client.login(smtp.user, smtp.password or "")
            refused = client.send_message(msg)
    except smtplib.SMTPRecipientsRefused as exc:
        refused = exc.recipients
        if all(400 <= code < 500 for code, _ in refused.values()):
            raise _Transient(f"{where} deferred every recipient: {_refusals(refused)}") from None
        raise BriefgenError(f"the SMTP server {where} refused the recipients: "
                            f"{_refusals(refused)}") from None
    except smtplib.SMTPNotSupportedError as exc:
        raise BriefgenError(f"the SMTP server {where} does not support {exc}: check "
                            "BRIEFGEN_SMTP_SECURITY (starttls|ssl|none)") from None
    except smtplib.SMTPResponseException as exc:
        reply = f"{exc.smtp_code} {_decode(exc.smtp_error)}"
        if 400 <= exc.smtp_code < 500:
            raise _Transient(f"{where} replied {reply}") from None
        what = "rejected the login" if isinstance(exc, smtplib.SMTPAuthenticationError) \
            else "refused the message"
        raise BriefgenError(f"the SMTP server {where} {what}: {reply}") from None
    except ssl.SSLCertVerificationError as exc:
        raise BriefgenError(f"the TLS certificate of {where} was not trusted "
                            f"({exc.verify_message}); set BRIEFGEN_SMTP_CAFILE to its CA") from None
    except ssl.SSLError as exc:
        raise BriefgenError(f"TLS with {where} failed ({exc.reason or exc}); check "
                            "BRIEFGEN_SMTP_SECURITY and the port") from None
    except socket.gaierror:
        raise BriefgenError(f"unknown SMTP host {smtp.host!r}: check --smtp-host") from None
    except (smtplib.SMTPException, OSError) as exc:
        # No connection, a timeout, a dropped connection: the server may be back shortly.
        raise _Transient(f"cannot talk to {where}: {exc.strerror or exc or type(exc).__name__}") \
            from None
    if refused:
        raise BriefgenError(f"the SMTP server {where} refused some recipients: "
                            f"{_refusals(refused)}")


def _refusals(refused: Mapping[str, tuple[int, bytes]]) -> str:
    return "; ".join(f"{addr} ({code} {_decode(text)})" for addr, (code, text) in refused.items())


def _decode(reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    return one_line(text)


def _redact(text: str, secret: str | None) -> str:
    """Hide the password and its base64 forms (what AUTH PLAIN/LOGIN put on the wire)."""
    if not secret:
        return text
    forms = {secret, base64.b64encode(secret.encode()).decode()}
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, "***")
    return text


# --- what `make`, `send` and `watch` call ---------------------------------------------------

@dataclass(frozen=True, slots=True)
class EmailJob:
    """Everything needed to deliver a note by email; picklable, so batch workers can use it."""

    to: tuple[str, ...]
    smtp: SmtpSettings
    subject: str | None = None
    dry_run: bool = False


def email_job(to: Sequence[str], *, subject: str | None = None, dry_run: bool = False,
              smtp_options: Mapping[str, object] | None = None,
              config: Path | None = None) -> EmailJob | None:
    """Check what the command line asked for before any work is done; None when no email."""
    if not to:
        if dry_run:
            raise BriefgenError("--dry-run writes the email instead of sending it: "
                                "it needs --email-to ADDR")
        return None
    for address in to:
        parse_address(address)
    smtp = smtp_settings(smtp_options, config=config)
    if not dry_run and not smtp.host:
        raise BriefgenError(NO_HOST)
    return EmailJob(tuple(to), smtp, subject, dry_run)


def deliver_pdf(briefing: Briefing | None, pdf_path: Path, job: EmailJob) -> Path | None:
    """Send the note (or, with dry_run, write <pdf>.eml beside it and return that path).

    A failure raises BriefgenError naming the PDF, which is left where it is.
    """
    msg = build_message(briefing, pdf_path, job.to, job.subject, sender=job.smtp.sender,
                        lang=_lang_from_name(pdf_path))
    if job.dry_run:
        from ..render import write_atomic

        return write_atomic(pdf_path.with_suffix(".eml"), msg.as_bytes())
    try:
        send_message(msg, job.smtp)
    except BriefgenError as exc:
        raise BriefgenError(f"{exc} (the note is still at {pdf_path})") from None
    return None


def _lang_from_name(path: Path) -> str:
    """`CS-14794.fr.pdf` -> "fr": the language part of the names `make` writes."""
    parts = Path(path).name.split(".")
    return parts[-2] if len(parts) >= 3 and parts[-2] in TEXT else "en"
