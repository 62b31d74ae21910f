"""Fetching a release page or a feed from the web: a polite client that fails in one line.

press.un.org is a public service that correspondents hit every few minutes, so the client
says who it is (User-Agent with briefgen's version), asks only for what changed (ETag,
If-Modified-Since) and backs off when the server struggles (5xx, timeouts).  What it accepts
is narrow on purpose: http and https only (a `file:` address would read local files), at most
`MAX_REDIRECTS` hops, each one checked like the first, a size cap counted on the decoded body
(a small gzip can inflate to gigabytes), a total time limit as well as a per-read one (a
server trickling one byte a second never trips a read timeout), and the content type the
caller asked for.  Every failure is a `FetchError`: one line, naming the address without any
user:password part, and saying whether trying again later may help.

`allow_private=False` is for the HTTP service, which fetches addresses chosen by its
clients: the host is resolved here, every address must be public, and the connection goes to
the address that was checked (TLS still verifies the name), so a DNS answer that changes
between the check and the connection cannot point it at the server's own network.
"""

from __future__ import annotations

import ipaddress
import logging
import random
import re
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

from .errors import BriefgenError

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml")
ACCEPT = {HTML_TYPES: "text/html,application/xhtml+xml;q=0.9",
          FEED_TYPES: "application/atom+xml,application/rss+xml,application/xml;q=0.9,"
                      "text/xml;q=0.8"}
MAX_REDIRECTS = 5
MAX_BYTES = 5 * 1024 * 1024  # a press.un.org release page is 50-200 kB
REDIRECTS = (301, 302, 303, 307, 308)
# Written "scheme://..." or "file:...": anything else (C:\x.txt, notes:today.txt) is a path.
URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]+):(?://|(?<=file:))", re.IGNORECASE)
# press.un.org names each release page after its symbol: sc14794.doc.htm is SC/14794.
PRESS_PAGE = re.compile(r"^(?P<series>[a-z]+?)(?P<number>\d+)\.doc\.html?$", re.IGNORECASE)


class FetchError(BriefgenError):
    """A page or feed that could not be had; `transient` when a later try may succeed,
    `refused` when the address itself is not one this client fetches."""

    def __init__(self, message: str, *, transient: bool = False, refused: bool = False) -> None:
        super().__init__(message)
        self.transient = transient
        self.refused = refused


@dataclass(frozen=True, slots=True)
class Page:
    url: str  # where the content came from, after redirects
    content: bytes
    media_type: str
    etag: str | None = None
    last_modified: str | None = None


def looks_like_url(text: str) -> bool:
    return bool(URL.match(text))


def redact(url: str) -> str:
    """The address as it may be shown or logged: without a user:password part."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<malformed address>"
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def name_from_url(url: str) -> str:
    """An output stem for a page: sc14794.doc.htm -> SC-14794, else the last path segment."""
    last = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    match = PRESS_PAGE.match(last)
    if match:
        return f"{match['series'].upper()}-{match['number']}"
    return re.sub(r"[^\w.-]+", "_", last.split(".", 1)[0])[:80] or "release"


def user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        own = version("briefgen")
    except PackageNotFoundError:  # run from a source tree that was never installed
        own = "dev"
    return f"briefgen/{own} (UN meetings-coverage briefing notes)"


@dataclass
class Fetcher:
    """One polite client; reuse it for many requests (keep-alive), close it when done."""

    timeout: float = 20.0  # seconds per connect/read; the whole answer gets 3 times that
    max_bytes: int = MAX_BYTES
    retries: int = 2  # more tries after the first, on 5xx, timeouts and dropped connections
    backoff: float = 1.0  # seconds before the first retry, doubling (with jitter)
    allow_private: bool = True
    _client: object = field(default=None, init=False, repr=False)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def get(self, url: str, *, accept: tuple[str, ...] = HTML_TYPES, etag: str | None = None,
            last_modified: str | None = None) -> Page | None:
        """The page at `url`, or None when the server says it has not changed (304)."""
        conditional = {k: v for k, v in (("If-None-Match", etag),
                                         ("If-Modified-Since", last_modified)) if v}
        for attempt in range(self.retries + 1):
            try:
                return self._follow(url, accept, conditional)
            except FetchError as exc:
                if not exc.transient or attempt == self.retries:
                    raise
                delay = self.backoff * 2 ** attempt * random.uniform(0.75, 1.25)
                log.info("%s; trying again in %.1f s", exc, delay)
                time.sleep(delay)
        raise AssertionError("unreachable")  # the loop returns or raises

    # --- one try: the redirect chain ---------------------------------------------------------

    def _follow(self, url: str, accept: tuple[str, ...], conditional: dict) -> Page | None:
        shown = first = redact(url)
        for _hop in range(MAX_REDIRECTS + 1):
            response = self._send(url, shown, accept, conditional)
            try:
                if response.status_code in REDIRECTS and "location" in response.headers:
                    url = urljoin(url, response.headers["location"])
                    shown = redact(url)
                    continue
                return self._answer(response, url, shown, accept)
            finally:
                response.close()
        raise FetchError(f"cannot fetch {first}: more than {MAX_REDIRECTS} redirects")

    def _send(self, url: str, shown: str, accept: tuple[str, ...], conditional: dict):
        import httpx

        parts = _checked(url, shown)
        headers = {"Accept": ACCEPT.get(accept, ", ".join(accept)), **conditional}
        target, extensions = url, {}
        if not self.allow_private:
            address = _public_address(parts.hostname, parts.port, shown)
            netloc = f"[{address}]" if ":" in address else address
            target = urlunsplit(parts._replace(
                netloc=f"{netloc}:{parts.port}" if parts.port else netloc))
            headers["Host"] = parts.netloc.rsplit("@", 1)[-1]
            extensions = {"sni_hostname": parts.hostname}
        log.info("fetching %s", shown)
        request = self.client.build_request("GET", target, headers=headers,
                                            extensions=extensions)
        try:
            return self.client.send(request, stream=True)
        except httpx.TimeoutException:
            raise FetchError(f"cannot fetch {shown}: no answer within {self.timeout:g} s",
                             transient=True) from None
        except httpx.TransportError as exc:
            raise _transport_error(exc, shown) from None

    def _answer(self, response, url: str, shown: str, accept: tuple[str, ...]) -> Page | None:
        import httpx

        status = response.status_code
        if status == 304:
            return None
        if status >= 400:
            reason = f"{status} {response.reason_phrase}".strip()
            raise FetchError(f"cannot fetch {shown}: the server answered {reason}",
                             transient=status >= 500 or status == 429)
        if status >= 300:
            raise FetchError(f"cannot fetch {shown}: the server answered {status} "
                             "without an address to go to")
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if media not in accept:
            kind = "an HTML page" if accept == HTML_TYPES else "a feed"
            raise FetchError(f"cannot fetch {shown}: it is not {kind} "
                             f"({media or 'no content type'})")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise self._too_large(shown)
        deadline = time.monotonic() + 3 * self.timeout
        chunks, size = [], 0
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise self._too_large(shown)
                if time.monotonic() > deadline:
                    raise FetchError(f"cannot fetch {shown}: the answer took over "
                                     f"{3 * self.timeout:g} s", transient=True)
                chunks.append(chunk)
        except httpx.TimeoutException:
            raise FetchError(f"cannot fetch {shown}: the answer stalled for over "
                             f"{self.timeout:g} s", transient=True) from None
        except httpx.TransportError as exc:
            raise _transport_error(exc, shown) from None
        return Page(url, b"".join(chunks), media, response.headers.get("etag"),
                    response.headers.get("last-modified"))

    def _too_large(self, shown: str) -> FetchError:
        return FetchError(f"cannot fetch {shown}: the answer is over the "
                          f"{self.max_bytes} byte limit")

    @property
    def client(self):
        """The httpx client, made on first use so that `briefgen --help` never imports it.

        Redirects are followed by `_follow`, not httpx, so that every hop is checked.
        Proxies from the environment are honoured except for the service, whose connections
        must go to the address it checked.
        """
        if self._client is None:
            import httpx

            self._client = httpx.Client(
                headers={"User-Agent": user_agent()}, follow_redirects=False,
                timeout=httpx.Timeout(self.timeout), trust_env=self.allow_private)
        return self._client


def _checked(url: str, shown: str):
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise FetchError(f"cannot fetch {shown}: not a valid address", refused=True) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"cannot fetch {shown}: only http:// and https:// addresses are "
                         "fetched", refused=True)
    if not parts.hostname:
        raise FetchError(f"cannot fetch {shown}: no host name in the address", refused=True)
    return parts


def _public_address(host: str, port: int | None, shown: str) -> str:
    """The first address of `host`, once every address it has is a public one."""
    try:
        infos = socket.getaddrinfo(host, port or 443, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise _dns_error(exc, host, shown) from None
    addresses = [info[4][0] for info in infos]
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        ip = getattr(ip, "ipv4_mapped", None) or ip
        if not ip.is_global or ip.is_multicast:
            raise FetchError(f"cannot fetch {shown}: {host} is a loopback or private address "
                             "(this server fetches public addresses only)", refused=True)
    return addresses[0]


def _transport_error(exc: Exception, shown: str) -> FetchError:
    """A one-line FetchError for an httpx transport failure; DNS failures named as such."""
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, socket.gaierror):
        cause = cause.__cause__ or cause.__context__
    if isinstance(cause, socket.gaierror):
        return _dns_error(cause, urlsplit(shown).hostname or shown, shown)
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return FetchError(f"cannot fetch {shown}: {detail}", transient=True)


def _dns_error(exc: socket.gaierror, host: str, shown: str) -> FetchError:
    # EAI_AGAIN is a resolver that did not answer (the network is down); EAI_NONAME and
    # friends are a name that does not exist, which trying again will not change.
    transient = exc.errno in (socket.EAI_AGAIN, getattr(socket, "EAI_SYSTEM", None))
    return FetchError(f"cannot fetch {shown}: the host {host} was not found (DNS)",
                      transient=transient)


def fetch_page(url: str, **options) -> Page:
    """One HTML page, for `briefgen make URL` and the service."""
    with Fetcher(**options) as fetcher:
        page = fetcher.get(url)
    assert page is not None  # no validators were sent, so no 304
    return page
