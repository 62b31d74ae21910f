"""Email delivery against a real SMTP server (aiosmtpd) on loopback, started by the tests.

Covers: the message (headers, body, attachment), header injection, settings precedence,
plain SMTP, STARTTLS and implicit TLS with a throwaway self-signed certificate, AUTH PLAIN and
LOGIN, a 550 rejection (one line, exit 1, the PDF kept), a 451 that succeeds on retry, a refused
connection, and the password staying out of errors and logs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import email.policy
import io
import logging
import socket
import ssl
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from click.testing import CliRunner
from deliver_fixtures import symbol_name, write_release
from fictional import fictional_briefing

from briefgen.cli import cli
from briefgen.deliver.email import (
    EmailJob,
    SmtpSettings,
    build_message,
    deliver_pdf,
    send_message,
    smtp_settings,
)
from briefgen.errors import BriefgenError

PASSWORD = "s3cret-Pa55word!"
FAST = {"retries": 2, "backoff": 0.01, "timeout": 5.0}


# --- fixtures: a real PDF, a certificate, SMTP servers -------------------------------------

@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "CS-99999.en.pdf"
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    """A throwaway self-signed certificate for localhost / 127.0.0.1: (cert.pem, key.pem)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.timezone.utc)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True,
                                         content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False,
                                         crl_sign=False, encipher_only=False,
                                         decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .add_extension(ski, critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski),
                           critical=False)
            .sign(key, hashes.SHA256()))
    folder = tmp_path_factory.mktemp("tls")
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """aiosmtpd handler that keeps what it receives; `replies` scripts the DATA answers."""

    def __init__(self, replies: list[str] | None = None) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes = []
        self.replies = list(replies or [])
        self.attempts = 0

    async def handle_DATA(self, server, session, envelope) -> str:
        self.attempts += 1
        if self.replies:
            reply = self.replies.pop(0)
            if not reply.startswith("250"):
                return reply
        self.envelopes.append(envelope)
        self.messages.append(email.message_from_bytes(envelope.content,
                                                      policy=email.policy.default))
        return "250 Message accepted for delivery"


def authenticator(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = (isinstance(auth_data, LoginPassword) and auth_data.login == b"desk"
          and auth_data.password == PASSWORD.encode())
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def smtp_server():
    """Start aiosmtpd servers on free loopback ports; all are stopped at the end."""
    started: list[Controller] = []

    def start(handler: Inbox, **kwargs) -> int:
        port = free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port,
                                ready_timeout=5.0, **kwargs)
        controller.start()
        started.append(controller)
        return port

    yield start
    for controller in started:
        controller.stop()


def server_tls(certificate) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    return context


# --- the message ------------------------------------------------------------------------------

def test_message_has_headers_body_and_pdf(pdf):
    briefing = fictional_briefing("en")
    msg = build_message(briefing, pdf, ["desk@example.org", "Chief <chief@example.org>"],
                        sender="briefgen@example.org")
    parsed = email.message_from_bytes(msg.as_bytes(), policy=email.policy.default)
    # the English note of a French release is titled in English, from its facts
    assert parsed["Subject"] == ("Security Council: Barrage d’Arcadie, Médiation régionale "
                                 "(CS/99999)")
    assert parsed["To"] == "desk@example.org, Chief <chief@example.org>"
    assert parsed["From"] == "briefgen@example.org"
    assert email.utils.parsedate_to_datetime(parsed["Date"]) is not None
    assert parsed["Message-ID"].endswith("@example.org>")
    text = parsed.get_body(("plain",)).get_content()
    for point in briefing.key_points:
        assert point.text in text
    assert "CS-99999.en.pdf" in text
    html = parsed.get_body(("html",)).get_content()
    assert "<script>" not in html
    french = build_message(fictional_briefing("fr"), pdf, ["desk@example.org"],
                           sender="briefgen@example.org")
    html = email.message_from_bytes(french.as_bytes(), policy=email.policy.default).get_body(
        ("html",)).get_content()
    assert "<script>" not in html and "&lt;script&gt;" in html  # the release's title, escaped
    attachments = list(parsed.iter_attachments())
    assert [(a.get_content_type(), a.get_filename()) for a in attachments] == \
        [("application/pdf", "CS-99999.en.pdf")]
    assert attachments[0].get_content() == pdf.read_bytes()


def test_french_note_gets_a_french_body(pdf):
    msg = build_message(fictional_briefing("fr"), pdf, ["desk@example.org"])
    assert "Points clés" in msg.get_body(("plain",)).get_content()
    assert msg["Content-Language"] == "fr"


def test_title_with_crlf_cannot_add_headers(pdf):
    briefing = fictional_briefing("en")
    evil = "Debate\r\nBcc: spy@evil.example\r\n\r\nbody"
    meeting = dataclasses.replace(briefing.release.meeting, title=evil, symbol="CS/1\nX-Evil: 1")
    briefing = dataclasses.replace(briefing, release=dataclasses.replace(briefing.release,
                                                                         meeting=meeting))
    for subject in (None, "Today\r\nBcc: spy@evil.example"):
        raw = build_message(briefing, pdf, ["desk@example.org"], subject).as_bytes()
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        assert parsed["Bcc"] is None and parsed["X-Evil"] is None
        assert "\n" not in parsed["Subject"] and "\r" not in parsed["Subject"]
        assert b"\nBcc:" not in raw and b"\nX-Evil:" not in raw


@pytest.mark.parametrize("address", ["desk@example.org\r\nBcc: spy@evil.example",
                                     "not-an-address", "a@example.org, b@example.org"])
def test_bad_recipient_is_refused(pdf, address):
    with pytest.raises(BriefgenError, match="invalid email address"):
        build_message(None, pdf, [address])


def test_send_without_briefing_names_the_file(pdf):
    msg = build_message(None, pdf, ["desk@example.org"])
    assert msg["Subject"] == "Briefing note CS-99999.en"
    assert "CS-99999.en.pdf" in msg.get_body(("plain",)).get_content()


# --- settings -----------------------------------------------------------------------------------

def test_options_override_environment_override_file():
    file = {"host": "file.example", "port": 2500, "user": "fileuser", "from": "f@example.org",
            "security": "ssl"}
    env = {"BRIEFGEN_SMTP_HOST": "env.example", "BRIEFGEN_SMTP_PORT": "2600",
           "BRIEFGEN_SMTP_PASSWORD": PASSWORD}
    smtp = smtp_settings({"host": "opt.example", "port": None}, env=env, file=file)
    assert (smtp.host, smtp.port, smtp.user, smtp.sender, smtp.security) == \
        ("opt.example", 2600, "fileuser", "f@example.org", "ssl")
    assert smtp.password == PASSWORD and PASSWORD not in repr(smtp)
    assert smtp_settings({}, env={}, file={"security": "none"}).effective_port == 25
    assert smtp_settings({}, env={}, file={}).effective_port == 587


def test_config_file_smtp_table(tmp_path):
    config = tmp_path / "newsroom.toml"
    config.write_text('[smtp]\nhost = "relay.example"\nsecurity = "none"\nport = 2525\n')
    smtp = smtp_settings({}, env={}, config=config)
    assert (smtp.host, smtp.effective_port, smtp.security) == ("relay.example", 2525, "none")


@pytest.mark.parametrize("env, match", [({"BRIEFGEN_SMTP_SECURITY": "tls13"}, "security"),
                                        ({"BRIEFGEN_SMTP_PORT": "smtp"}, "BRIEFGEN_SMTP_PORT")])
def test_bad_settings_are_one_clear_error(env, match):
    with pytest.raises(BriefgenError, match=match):
        smtp_settings({}, env=env, file={})


# --- real SMTP conversations ------------------------------------------------------------------

def test_plain_smtp_delivery(smtp_server, pdf):
    inbox = Inbox()
    port = smtp_server(inbox)
    smtp = SmtpSettings(host="127.0.0.1", port=port, security="none",
                        sender="briefgen@example.org", **FAST)
    job = EmailJob(("desk@example.org", "chief@example.org"), smtp)
    assert deliver_pdf(fictional_briefing("en"), pdf, job) is None
    [envelope], [msg] = inbox.envelopes, inbox.messages
    assert envelope.mail_from == "briefgen@example.org"
    assert envelope.rcpt_tos == ["desk@example.org", "chief@example.org"]
    assert msg["Subject"].endswith("(CS/99999)")
    [attachment] = msg.iter_attachments()
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == pdf.read_bytes()


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_starttls_with_auth(smtp_server, pdf, certificate, mechanism):
    inbox = Inbox()
    other = "LOGIN" if mechanism == "PLAIN" else "PLAIN"
    port = smtp_server(inbox, tls_context=server_tls(certificate), require_starttls=True,
                       authenticator=authenticator, auth_required=True,
                       auth_exclude_mechanism=[other])
    smtp = SmtpSettings(host="127.0.0.1", port=port, security="starttls", user="desk",
                        password=PASSWORD, cafile=str(certificate[0]), **FAST)
    send_message(build_message(None, pdf, ["desk@example.org"]), smtp)
    assert len(inbox.messages) == 1


def test_implicit_tls(smtp_server, pdf, certificate):
    inbox = Inbox()
    port = smtp_server(inbox, ssl_context=server_tls(certificate))
    smtp = SmtpSettings(host="127.0.0.1", port=port, security="ssl",
                        cafile=str(certificate[0]), **FAST)
    send_message(build_message(None, pdf, ["desk@example.org"]), smtp)
    assert len(inbox.messages) == 1


def test_untrusted_certificate_is_a_clear_error(smtp_server, pdf, certificate):
    port = smtp_server(Inbox(), tls_context=server_tls(certificate), require_starttls=True)
    smtp = SmtpSettings(host="127.0.0.1", port=port, security="starttls", **FAST)
    with pytest.raises(BriefgenError, match="certificate .* not trusted.*BRIEFGEN_SMTP_CAFILE"):
        send_message(build_message(None, pdf, ["desk@example.org"]), smtp)


def test_wrong_password_never_shown(smtp_server, pdf, certificate, caplog):
    port = smtp_server(Inbox(), tls_context=server_tls(certificate), require_starttls=True,
                       authenticator=authenticator, auth_required=True)
    wrong = "Wr0ng-" + PASSWORD
    smtp = SmtpSettings(host="127.0.0.1", port=port, user="desk", password=wrong,
                        cafile=str(certificate[0]), **FAST)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(BriefgenError) as info:
        send_message(build_message(None, pdf, ["desk@example.org"]), smtp)
    assert "rejected the login" in str(info.value) and "535" in str(info.value)
    assert wrong not in str(info.value) + caplog.text + repr(smtp)


def test_550_rejection_exits_1_with_one_line_and_keeps_the_pdf(smtp_server, pdf, monkeypatch):
    inbox = Inbox(replies=["550 5.7.1 Message refused by policy"])
    port = smtp_server(inbox)
    monkeypatch.setenv("BRIEFGEN_SMTP_SECURITY", "none")
    monkeypatch.setenv("BRIEFGEN_SMTP_PASSWORD", PASSWORD)
    monkeypatch.setenv("BRIEFGEN_SMTP_BACKOFF", "0.01")
    result = CliRunner().invoke(cli, ["send", str(pdf), "--to", "desk@example.org",
                                      "--smtp-host", "127.0.0.1", "--smtp-port", str(port)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "550" in lines[0] and "refused the message" in lines[0]
    assert str(pdf) in lines[0] and PASSWORD not in result.output
    assert "Traceback" not in result.output
    assert pdf.is_file() and inbox.attempts == 1  # a permanent failure is not retried


def test_451_is_retried_and_then_delivered(smtp_server, pdf):
    inbox = Inbox(replies=["451 4.3.0 Try again later"])
    port = smtp_server(inbox)
    smtp = SmtpSettings(host="127.0.0.1", port=port, security="none", **FAST)
    send_message(build_message(None, pdf, ["desk@example.org"]), smtp)
    assert inbox.attempts == 2 and len(inbox.messages) == 1


def test_refused_connection_is_retried_with_backoff_then_fails(pdf):
    delays: list[float] = []
    smtp = SmtpSettings(host="127.0.0.1", port=free_port(), security="none", retries=3,
                        backoff=0.01, timeout=2.0)
    with pytest.raises(BriefgenError, match="not sent after 4 attempts"):
        send_message(build_message(None, pdf, ["desk@example.org"]), smtp, sleep=delays.append)
    assert delays == [0.01, 0.02, 0.04]


def test_send_command_delivers_and_dry_run_writes_eml(smtp_server, pdf, monkeypatch):
    inbox = Inbox()
    port = smtp_server(inbox)
    monkeypatch.setenv("BRIEFGEN_SMTP_SECURITY", "none")
    monkeypatch.setenv("BRIEFGEN_SMTP_FROM", "Briefings <briefgen@example.org>")
    runner = CliRunner()
    result = runner.invoke(cli, ["send", str(pdf), "--to", "desk@example.org",
                                 "--subject", "Council today",
                                 "--smtp-host", "127.0.0.1", "--smtp-port", str(port)])
    assert result.exit_code == 0, result.output
    [msg] = inbox.messages
    assert msg["Subject"] == "Council today" and msg["From"] == "Briefings <briefgen@example.org>"

    result = runner.invoke(cli, ["send", str(pdf), "--to", "desk@example.org", "--dry-run"])
    assert result.exit_code == 0, result.output
    eml = pdf.with_suffix(".eml")
    assert result.output.strip() == str(eml)
    saved = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert saved["To"] == "desk@example.org" and len(inbox.messages) == 1


def test_no_smtp_host_is_a_clear_error(pdf, monkeypatch):
    monkeypatch.delenv("BRIEFGEN_SMTP_HOST", raising=False)
    monkeypatch.delenv("BRIEFGEN_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(pdf.parent))  # no config file there
    result = CliRunner().invoke(cli, ["send", str(pdf), "--to", "desk@example.org"])
    assert result.exit_code == 1 and "no SMTP server configured" in result.output


# --- `briefgen make --email-to`: the whole path --------------------------------------------

def test_make_emails_the_pdf_it_writes(smtp_server, tmp_path, monkeypatch):
    inbox = Inbox()
    port = smtp_server(inbox)
    monkeypatch.setenv("BRIEFGEN_SMTP_SECURITY", "none")
    release = write_release(tmp_path / "release.txt", 1)
    result = CliRunner().invoke(cli, [
        "make", str(release), "--format", "md", "-o", str(tmp_path / "notes"),
        "--email-to", "desk@example.org", "--email-to", "chief@example.org",
        "--smtp-host", "127.0.0.1", "--smtp-port", str(port)])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "notes" / f"{symbol_name(1)}.en.pdf"
    assert pdf.is_file() and (tmp_path / "notes" / f"{symbol_name(1)}.en.md").is_file()
    [envelope], [msg] = inbox.envelopes, inbox.messages
    assert envelope.rcpt_tos == ["desk@example.org", "chief@example.org"]
    assert msg["Subject"].endswith(f"({symbol_name(1).replace('-', '/')})")
    [attachment] = msg.iter_attachments()
    assert attachment.get_filename() == pdf.name
    assert attachment.get_content() == pdf.read_bytes()
    assert "- " in msg.get_body(("plain",)).get_content()  # the key points


def test_make_with_a_refusing_server_keeps_the_pdf_and_exits_1(smtp_server, tmp_path,
                                                               monkeypatch):
    port = smtp_server(Inbox(replies=["554 5.7.1 Relay access denied"]))
    monkeypatch.setenv("BRIEFGEN_SMTP_SECURITY", "none")
    release = write_release(tmp_path / "release.txt", 1)
    result = CliRunner().invoke(cli, ["make", str(release), "-o", str(tmp_path),
                                      "--email-to", "desk@example.org",
                                      "--smtp-host", "127.0.0.1", "--smtp-port", str(port)])
    pdf = tmp_path / f"{symbol_name(1)}.en.pdf"
    assert result.exit_code == 1 and pdf.is_file()
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "554" in errors[0] and str(pdf) in errors[0]


def test_make_dry_run_writes_the_eml_beside_the_pdf(tmp_path):
    release = write_release(tmp_path / "release.txt", 1)
    result = CliRunner().invoke(cli, ["make", str(release), "-o", str(tmp_path / "notes"),
                                      "--email-to", "desk@example.org", "--dry-run"])
    assert result.exit_code == 0, result.output
    eml = tmp_path / "notes" / f"{symbol_name(1)}.en.eml"
    assert str(eml) in result.output.split()
    msg = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    [attachment] = msg.iter_attachments()
    assert attachment.get_filename() == f"{symbol_name(1)}.en.pdf"
