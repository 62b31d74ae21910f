"""The HTTP service: POST a release, get the note back (FastAPI + uvicorn).

The pipeline is CPU-bound Python, so requests are handed to a process pool (`jobs` workers per
server process) and the event loop stays free to answer `/health` and accept more requests;
`--workers` adds whole server processes on top.  The pool's processes are started from a clean
fork server that has already imported the pipeline, so the first request does not pay for it.

Clients only ever see JSON errors of the form {"error": "..."}: 4xx for what they can fix, a
generic 500 for the rest (the traceback goes to the server log, never to the client).
Configuration travels in environment variables because uvicorn builds the app in each worker
process through `create_app`: BRIEFGEN_SERVE_MAX_BYTES (request size limit, default 2 MB),
BRIEFGEN_SERVE_JOBS (pool size per server process) and BRIEFGEN_SERVE_URLS (`off`, `public`
or `any`: whether `POST /briefs?url=` may fetch a page, and from which addresses).

Fetching is off by default: a server that fetches any address for anyone can be made to
probe the network it sits in, or to hammer a third party.  `public` refuses loopback and
private addresses, checked on the address actually connected to (see briefgen.fetch).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import replace
from functools import partial
from typing import Literal
from urllib.parse import quote

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from ..errors import BriefgenError
from ..settings import Settings

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
# How much of an oversized body is still read (and thrown away) before answering 413: a client
# that is still sending when the server closes the connection may never see the answer.
DRAIN_FACTOR = 8
ACCEPTED_TYPES = ("text/plain", "text/html", "application/xhtml+xml")
URL_MODES = ("off", "public", "any")
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "json": "application/json",
    "ninjs": "application/json",
}
EXTENSIONS = {"pdf": "pdf", "html": "html", "md": "md", "json": "json", "ninjs": "ninjs.json"}

DESCRIPTION = """\
Turn a UN meetings-coverage press release into a short, faithful briefing note.

POST the release (text or HTML) to `/briefs` and get the note back as PDF, HTML, Markdown,
JSON or an IPTC ninjs item. Errors are JSON objects: `{"error": "..."}`.

    curl -sf -H 'Content-Type: text/plain' --data-binary @release.txt \\
         'http://127.0.0.1:8080/briefs?lang=en&format=pdf' -o note.pdf
"""


def _brief(body: bytes, settings: Settings, fmt: str, name: str) -> tuple[bytes, str]:
    """Runs in a pool process: the release in, (the rendered note, its file name) out."""
    from ..pipeline import make_briefing
    from ..render import render

    briefing = make_briefing(body, settings, name=name)
    data = render(briefing, fmt, settings.templates, sources=settings.sources,
                  pdf_variant=settings.pdf_variant)
    return data, f"{briefing.release.name}.{settings.lang}.{EXTENSIONS[fmt]}"


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def content_disposition(filename: str) -> str:
    """`attachment` with an ASCII fallback name and the exact name in RFC 5987 form."""
    fallback = "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else "_"
                       for c in filename)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"


def _pool(jobs: int) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["briefgen.pipeline", "briefgen.render"])
    else:
        ctx = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_exit_with_server,
                               initargs=(os.getpid(),))


def _exit_with_server(server_pid: int) -> None:
    """In each pool process: leave once the server process is gone.

    A server killed with SIGKILL never sends its pool the shutdown message; an idle pool
    process would then wait for work forever (and keep the fork server alive with it).
    """
    import threading
    import time

    def alive() -> bool:
        try:
            os.kill(server_pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # a pid reused by another user's process: ours is gone
            return False
        return True

    def watch() -> None:
        while alive():
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-server", daemon=True).start()


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    try:
        return int(raw) if raw else default
    except ValueError:
        raise BriefgenError(f"{name}={raw!r} is not a whole number") from None


def create_app(*, max_bytes: int | None = None, jobs: int | None = None,
               settings: Settings | None = None, urls: str | None = None) -> FastAPI:
    """Build the app; arguments left at None come from BRIEFGEN_SERVE_* or the defaults."""
    from importlib.metadata import version

    __version__ = version("briefgen")
    max_bytes = max_bytes or _env_int("BRIEFGEN_SERVE_MAX_BYTES", DEFAULT_MAX_BYTES)
    jobs = jobs or _env_int("BRIEFGEN_SERVE_JOBS", min(4, os.cpu_count() or 1))
    urls = urls or os.environ.get("BRIEFGEN_SERVE_URLS") or "off"
    if urls not in URL_MODES:
        raise BriefgenError(f"BRIEFGEN_SERVE_URLS={urls!r}: choose from {', '.join(URL_MODES)}")
    base = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.pool = _pool(jobs)
        try:
            yield
        finally:
            # Waiting matters: without the shutdown sentinel, pool processes outlive the server.
            app.state.pool.shutdown(wait=True, cancel_futures=True)

    app = FastAPI(title="briefgen", version=__version__, description=DESCRIPTION,
                  lifespan=lifespan, docs_url=None, redoc_url=None)  # both load from a CDN

    @app.exception_handler(RequestValidationError)
    async def bad_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: "
                             f"{e['msg']}" for e in exc.errors())
        return _error(400, problems or "bad request")

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> JSONResponse:
        log.error("error on %s %s", request.method, request.url.path, exc_info=exc)
        return _error(500, "internal server error")

    @app.get("/health", summary="Liveness check")
    async def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.post(
        "/briefs",
        summary="Make a briefing note from a release",
        description="The body is the release, as text/plain or text/html (UTF-8 or a "
                    "detectable legacy encoding), at most the server's size limit.",
        response_class=Response,
        responses={
            200: {"description": "The note",
                  "content": {t.split(";")[0]: {} for t in MEDIA_TYPES.values()}},
            400: {"description": "Bad request (parameters, empty body, an address this "
                                 "server does not fetch)"},
            403: {"description": "`url` given, but this server does not fetch addresses"},
            413: {"description": "Body larger than the server's limit"},
            415: {"description": "Body is not text/plain or text/html"},
            422: {"description": "Not a release briefgen can read (e.g. no statements)"},
            502: {"description": "The page at `url` could not be fetched"},
        },
        openapi_extra={"requestBody": {"required": True, "content": {
            t: {"schema": {"type": "string"}} for t in ACCEPTED_TYPES}}},
    )
    async def briefs(
        request: Request,
        lang: Literal["en", "fr"] = Query("en", description="Language of the note"),
        format: Literal["pdf", "html", "md", "json", "ninjs"] = Query(
            "pdf", description="Output format"),
        length: Literal["short", "standard", "full"] = Query("standard"),
        name: str = Query("", max_length=100, pattern=r"^[\w.\-]*$",
                          description="File name stem when the release has no symbol"),
        url: str | None = Query(None, max_length=2000, description=(
            "Address of the release page to fetch instead of a body; only on a server "
            "started with --allow-urls")),
    ) -> Response:
        if url is not None:
            return await _brief_url(request, url, lang, format, length, name)
        media = request.headers.get("content-type", "text/plain").split(";")[0].strip().lower()
        if media not in ACCEPTED_TYPES:
            return _error(415, f"unsupported Content-Type {media!r}: send the release as "
                               "text/plain or text/html")
        body, too_large = await _read_limited(request, max_bytes)
        if too_large:
            return _error(413, f"request body over the {max_bytes} byte limit",
                          {"Connection": "close"})
        if not body.strip():
            return _error(400, "empty request body: send the release text as the body")
        return await _note(request, body, lang, format, length, name or "release")

    async def _brief_url(request: Request, url: str, lang: str, fmt: str, length: str,
                         name: str) -> Response:
        from ..fetch import FetchError, fetch_page, name_from_url

        if urls == "off":
            return _error(403, "this server does not fetch addresses: send the release as "
                               "the body (or start the server with --allow-urls)")
        loop = asyncio.get_running_loop()
        try:  # in a thread: the event loop must not wait on a slow web server
            page = await loop.run_in_executor(None, partial(
                fetch_page, url, allow_private=urls == "any", max_bytes=max_bytes))
        except FetchError as exc:
            return _error(400 if exc.refused else 502, str(exc))
        return await _note(request, page.content, lang, fmt, length, name or name_from_url(url))

    async def _note(request: Request, body: bytes, lang: str, fmt: str, length: str,
                    name: str) -> Response:
        settings = replace(base, lang=lang, length=length, formats=(fmt,))
        loop = asyncio.get_running_loop()
        try:
            data, filename = await loop.run_in_executor(
                request.app.state.pool, _brief, body, settings, fmt, name)
        except BriefgenError as exc:
            return _error(422, str(exc).splitlines()[0] if str(exc) else "unreadable release")
        return Response(data, media_type=MEDIA_TYPES[fmt],
                        headers={"Content-Disposition": content_disposition(filename)})

    return app


async def _read_limited(request: Request, limit: int) -> tuple[bytes, bool]:
    """The body, or (b"", True) once it passes `limit` (reading on a little, then stopping)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit * DRAIN_FACTOR:
        return b"", True
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit * DRAIN_FACTOR:
            break
        if size <= limit:
            chunks.append(chunk)
    return (b"", True) if size > limit else (b"".join(chunks), False)


def serve(host: str = "127.0.0.1", port: int = 8080, *, workers: int = 1,
          jobs: int | None = None, max_bytes: int | None = None, urls: str = "off",
          log_level: str = "info") -> None:
    """Run uvicorn; every server process builds its own app (and pool) through create_app."""
    import uvicorn

    os.environ["BRIEFGEN_SERVE_URLS"] = urls
    if max_bytes:
        os.environ["BRIEFGEN_SERVE_MAX_BYTES"] = str(max_bytes)
    if jobs:
        os.environ["BRIEFGEN_SERVE_JOBS"] = str(jobs)
    uvicorn.run("briefgen.deliver.service:create_app", factory=True, host=host, port=port,
                workers=workers, log_level=log_level)
