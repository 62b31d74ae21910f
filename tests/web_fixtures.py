"""A small web server on loopback that serves fictional press.un.org pages and feeds.

FICTIONAL CONTENT written for briefgen's tests: the meetings, speakers and sentences are
invented (only country names are real, so that delegations resolve).  The pages have the
shape of a press.un.org release page (page chrome, an <article> with the title, meeting line,
symbol and body fields); the feeds are RSS 2.0 and Atom 1.0 as a feed reader receives them.

Each route can answer slowly, redirect, fail, or change; the server honours If-None-Match
with a strong ETag of the body, and records every request's path and headers so that tests
can check what the client sent.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from deliver_fixtures import release_text

ENGLISH = """\
{number}th Meeting (AM)
SC/{number}

Security Council Holds Fictional Debate No. {n} on Sharing the Waters of the Arcadia River

The Security Council met this morning to discuss the fictional situation along the Arcadia \
River, where a new dam has raised tensions between the riparian countries.

Statements

JEAN MARTIN (France) called on the parties to resume their dialogue on sharing the \
waters. He announced {n}2 million euros in aid to monitor the river.

JOHN SMITH (United Kingdom) voiced concern over what the dam means for {n}0,000 farmers. \
He asked for an independent inquiry into the floods.

IVAN PETROV (Russian Federation) rejected any outside interference in how the river is \
run. He welcomed the regional agreement reached by the riparian countries.

For information media. Not an official record.
"""


def english_text(n: int = 1) -> str:
    return ENGLISH.format(n=n, number=99900 + n)


def page_name(n: int, lang: str = "en") -> str:
    """press.un.org's page name for release n: sc99901.doc.htm (en), cs99901.doc.htm (fr)."""
    return f"{'sc' if lang == 'en' else 'cs'}{99900 + n}.doc.htm"


def release_page(n: int = 1, lang: str = "en", *, correction: str = "") -> str:
    """Release n as press.un.org shows it; `correction` is added to its first statement."""
    text = english_text(n) if lang == "en" else release_text(n)
    meeting, title, *body = text.strip().split("\n\n")
    if correction:
        body[2] = f"{body[2]} {correction}"
    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in body)
    return f"""<!DOCTYPE html>
<html lang="{lang}" dir="ltr"><head><meta charset="utf-8">
<title>{escape(title)} | Meetings Coverage and Press Releases</title></head>
<body>
<header role="banner"><a href="/{lang}">United Nations</a>
<nav><ul><li><a href="/{lang}/content/security-council">Security Council</a></li>
<li><a href="/{lang}/content/general-assembly">General Assembly</a></li></ul></nav></header>
<main role="main"><article class="node node--type-press-release">
<p class="meeting">{"<br>".join(escape(line) for line in meeting.splitlines())}</p>
<h1 class="page-header">{escape(title)}</h1>
<div class="field field--name-body">
{paragraphs}
</div></article></main>
<footer role="contentinfo"><a href="/{lang}/copyright">Copyright</a></footer>
</body></html>
"""


def rss_feed(items: list[tuple[str, str, str]], lang: str = "en") -> str:
    """RSS 2.0 with one <item> per (link, guid, title)."""
    entries = "\n".join(
        f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
        f"<guid isPermaLink=\"false\">{escape(guid)}</guid>"
        f"<pubDate>Wed, 16 Feb 2022 1{i % 10}:00:00 +0000</pubDate></item>"
        for i, (link, guid, title) in enumerate(items))
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Meetings Coverage (fictional)</title>
<link>http://press.invalid/{lang}</link><description>Fictional test feed</description>
<language>{lang}</language>
{entries}
</channel></rss>
"""


def atom_feed(items: list[tuple[str, str, str]], lang: str = "en",
              updated: str = "2022-02-16T10:00:00Z") -> str:
    """Atom 1.0 with one <entry> per (link, id, title), all `updated` at the same moment."""
    entries = "\n".join(
        f"<entry><title>{escape(title)}</title><link href=\"{escape(link)}\"/>"
        f"<id>{escape(guid)}</id><updated>{updated}</updated></entry>"
        for link, guid, title in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">
<title>Meetings Coverage (fictional)</title><id>urn:briefgen:test:{lang}</id>
<updated>{updated}</updated>
{entries}
</feed>
"""


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a client that hangs up early (size cap, timeout) is what the tests want


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0  # seconds before answering
    location: str | None = None  # for 3xx
    chunked: bool = False  # no Content-Length: the size is only known by reading
    lie_length: int | None = None  # a Content-Length header that is not the body's
    headers: dict[str, str] = field(default_factory=dict)


class WebServer:
    """ThreadingHTTPServer on 127.0.0.1, in a daemon thread; `routes` may change any time."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.fail_first: dict[str, int] = {}  # path -> how many 503s to answer first
        self._lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> WebServer:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, html: str, **options) -> str:
        self.routes[path] = Route(html.encode(), **options)
        return self.url(path)

    def hits(self, path: str) -> list[dict[str, str]]:
        with self._lock:
            return [headers for p, headers in self.requests if p == path]

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args) -> None:  # keep pytest's output clean
                pass

            def do_GET(self) -> None:  # noqa: N802 - the http.server hook name
                path = self.path
                with server._lock:
                    server.requests.append((path, dict(self.headers)))
                    failures = server.fail_first.get(path, 0)
                    if failures:
                        server.fail_first[path] = failures - 1
                route = server.routes.get(path)
                if route is None:
                    return self._send(404, b"<h1>Not found</h1>", "text/html", {})
                if failures:
                    return self._send(503, b"busy", "text/plain", {})
                time.sleep(route.delay)
                headers = dict(route.headers)
                if route.location:
                    headers["Location"] = route.location
                etag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
                if route.status == 200:
                    headers["ETag"] = etag
                    if self.headers.get("If-None-Match") == etag:
                        return self._send(304, b"", None, headers)
                self._send(route.status, route.body, route.content_type, headers,
                           chunked=route.chunked, length=route.lie_length)

            def _send(self, status, body, content_type, headers, *, chunked=False,
                      length=None) -> None:
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                for key, value in headers.items():
                    self.send_header(key, value)
                if chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                elif status != 304:
                    self.send_header("Content-Length", str(length or len(body)))
                self.end_headers()
                try:
                    if chunked:
                        for start in range(0, len(body), 65536):
                            piece = body[start:start + 65536]
                            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                        self.wfile.write(b"0\r\n\r\n")
                    elif status != 304:
                        self.wfile.write(body[: length or len(body)])
                except (BrokenPipeError, ConnectionResetError):  # the client gave up: fine
                    self.close_connection = True

        return Handler
