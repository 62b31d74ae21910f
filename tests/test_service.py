"""The HTTP service, started as a user starts it (`briefgen serve` in its own process) on a free
loopback port, and spoken to over real HTTP with httpx."""

from __future__ import annotations

import concurrent.futures
import json
import socket
import subprocess
import sys
import time

import httpx
import pytest
from deliver_fixtures import NOT_A_RELEASE, release_html, release_text, symbol_name

LIMIT = 200_000  # bytes: small, so that the 413 test stays quick


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`briefgen serve` on a free port; the base URL once /health answers. Always stopped."""
    yield from running(tmp_path_factory)


def running(tmp_path_factory, *flags: str):
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "server.log"
    with log.open("w") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "briefgen.cli", "serve", "--port",
                                 str(port), "--jobs", "2", "--max-bytes", str(LIMIT), *flags],
                                stdout=sink, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"server did not start:\n{log.read_text()}")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
    assert "Traceback" not in log.read_text()


def post(base: str, body: str | bytes, *, content_type: str = "text/plain; charset=utf-8",
         **params: str) -> httpx.Response:
    return httpx.post(f"{base}/briefs", params=params, content=body, timeout=60,
                      headers={"Content-Type": content_type})


def test_health(server):
    response = httpx.get(f"{server}/health", timeout=5)
    assert response.status_code == 200 and response.json()["status"] == "ok"


@pytest.mark.parametrize("fmt, media, check", [
    ("pdf", "application/pdf", lambda body: body.startswith(b"%PDF-")),
    ("html", "text/html", lambda body: b"<html" in body and b"France" in body),
    ("md", "text/markdown", lambda body: b"France" in body),
    ("json", "application/json", lambda body: "key_points" in json.loads(body)),
    ("ninjs", "application/json", lambda body: json.loads(body)["uri"].startswith("urn:")),
])
def test_each_format(server, fmt, media, check):
    response = post(server, release_text(1), lang="en", format=fmt)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media
    ext = "ninjs.json" if fmt == "ninjs" else fmt
    assert f'filename="{symbol_name(1)}.en.{ext}"' in response.headers["content-disposition"]
    assert check(response.content)


def test_html_release_and_french_note(server):
    response = post(server, release_html(2), content_type="text/html", lang="fr", format="json")
    assert response.status_code == 200, response.text
    note = response.json()
    assert note["meeting"]["symbol"] == "CS/99902" and note["language"] == "fr"
    assert response.headers["content-disposition"].endswith(f"{symbol_name(2)}.fr.json")


@pytest.mark.parametrize("params, body, content_type, status, words", [
    ({"lang": "xx"}, release_text(1), "text/plain", 400, "lang"),
    ({"format": "docx"}, release_text(1), "text/plain", 400, "format"),
    ({}, release_text(1), "application/pdf", 415, "text/plain or text/html"),
    ({}, "", "text/plain", 400, "empty request body"),
    ({}, NOT_A_RELEASE, "text/plain", 422, "no statements"),
])
def test_bad_input_is_a_clear_json_4xx(server, params, body, content_type, status, words):
    response = post(server, body, content_type=content_type, **params)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    error = response.json()
    assert list(error) == ["error"] and words in error["error"]
    assert "Traceback" not in response.text and "File \"" not in response.text


def test_too_large_is_413(server):
    response = post(server, "x" * (LIMIT + 1))
    assert response.status_code == 413
    assert "limit" in response.json()["error"]


def test_unknown_path_is_json_404(server):
    response = httpx.get(f"{server}/nothing", timeout=5)
    assert response.status_code == 404 and response.json() == {"error": "Not Found"}


def test_concurrent_requests_are_served_and_health_stays_quick(server):
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        started = time.monotonic()
        briefs = [pool.submit(post, server, release_text(n), format="md") for n in (1, 2, 3, 4)]
        health = httpx.get(f"{server}/health", timeout=5)
        health_seconds = time.monotonic() - started
        responses = [f.result(timeout=60) for f in briefs]
    assert [r.status_code for r in responses] == [200] * 4
    for n, response in zip((1, 2, 3, 4), responses):
        assert f"{symbol_name(n)}.en.md" in response.headers["content-disposition"]
    assert health.status_code == 200 and health_seconds < 2.0


def test_openapi_document(server):
    spec = httpx.get(f"{server}/openapi.json", timeout=5).json()
    assert spec["info"]["title"] == "briefgen" and "/briefs" in spec["info"]["description"]
    operation = spec["paths"]["/briefs"]["post"]
    assert {"text/plain", "text/html"} <= set(operation["requestBody"]["content"])
    assert {p["name"] for p in operation["parameters"]} >= {"lang", "format"}
    assert "application/pdf" in operation["responses"]["200"]["content"]
    assert "/health" in spec["paths"]


# --- POST /briefs?url=: fetching a release page --------------------------------------------

@pytest.fixture(scope="module")
def web():
    from web_fixtures import WebServer

    with WebServer() as server:
        yield server


@pytest.fixture(scope="module")
def public_only(tmp_path_factory):
    yield from running(tmp_path_factory, "--allow-urls")


@pytest.fixture(scope="module")
def any_address(tmp_path_factory):
    yield from running(tmp_path_factory, "--allow-urls", "--allow-private-urls")


def brief_url(base: str, url: str, **params: str) -> httpx.Response:
    return httpx.post(f"{base}/briefs", params={"url": url, **params}, timeout=60)


def test_urls_are_refused_unless_the_server_allows_them(server, web):
    from web_fixtures import page_name, release_page

    url = web.page(f"/en/2022/{page_name(1)}", release_page(1))
    response = brief_url(server, url)
    assert response.status_code == 403 and "--allow-urls" in response.json()["error"]
    assert web.hits(f"/en/2022/{page_name(1)}") == []


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]", "10.0.0.1",
                                  "169.254.169.254"])
def test_a_public_server_does_not_fetch_loopback_or_private_addresses(public_only, web, host):
    response = brief_url(public_only, f"http://{host}:{web.base.rsplit(':', 1)[1]}/x")
    assert response.status_code == 400
    assert "loopback or private address" in response.json()["error"]
    assert web.hits("/x") == []


def test_a_public_server_refuses_other_schemes(public_only):
    response = brief_url(public_only, "file:///etc/passwd")
    assert response.status_code == 400 and "only http://" in response.json()["error"]


def test_with_private_urls_allowed_the_page_is_briefed(any_address, web):
    from web_fixtures import page_name, release_page

    url = web.page(f"/en/2022/{page_name(4)}", release_page(4))
    response = brief_url(any_address, url, format="json")
    assert response.status_code == 200, response.text
    assert response.json()["meeting"]["symbol"] == "SC/99904"
    assert response.headers["content-disposition"].endswith("SC-99904.en.json")
    assert web.hits(f"/en/2022/{page_name(4)}")[0]["User-Agent"].startswith("briefgen/")
    missing = brief_url(any_address, web.url("/gone.doc.htm"))
    assert missing.status_code == 502 and "404 Not Found" in missing.json()["error"]
