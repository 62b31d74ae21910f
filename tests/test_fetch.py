"""The web client and `briefgen make URL`, against a real HTTP server on loopback serving
fictional release pages.  Nothing here reaches beyond 127.0.0.1 (the DNS test asks for a
name under the reserved .invalid TLD, which no resolver answers)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from web_fixtures import WebServer, page_name, release_page

from briefgen.deliver.batch import expand_inputs
from briefgen.fetch import (
    FEED_TYPES,
    MAX_BYTES,
    Fetcher,
    FetchError,
    looks_like_url,
    name_from_url,
    redact,
)

BRIEFGEN = [sys.executable, "-m", "briefgen.cli"]


@pytest.fixture
def web():
    with WebServer() as server:
        yield server


def fast(**options) -> Fetcher:
    return Fetcher(**{"timeout": 2.0, "retries": 2, "backoff": 0.01, **options})


def make(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([*BRIEFGEN, "make", *args], capture_output=True, text=True,
                          timeout=120, check=False, cwd=cwd)


def test_names_and_addresses():
    assert name_from_url("https://press.un.org/en/2022/sc14794.doc.htm") == "SC-14794"
    assert name_from_url("https://press.un.org/fr/2022/cs14794.doc.htm") == "CS-14794"
    assert name_from_url("http://example.invalid/notes/today.html") == "today"
    assert looks_like_url("https://press.un.org/en") and looks_like_url("file:/etc/passwd")
    assert not looks_like_url("release.txt") and not looks_like_url("C:\\notes\\a.txt")
    assert redact("https://ann:secret@example.invalid/x?a=1") == "https://example.invalid/x?a=1"
    assert expand_inputs(["https://example.invalid/a.htm?x=[1]*"]) == [
        "https://example.invalid/a.htm?x=[1]*"]


def test_sends_who_it_is_and_asks_only_for_what_changed(web):
    url = web.page("/en/2022/" + page_name(1), release_page(1))
    with fast() as fetcher:
        page = fetcher.get(url)
        assert page.media_type == "text/html" and b"Arcadia" in page.content
        assert page.etag and page.url == url
        assert fetcher.get(url, etag=page.etag) is None  # 304: unchanged
    first, second = web.hits("/en/2022/" + page_name(1))
    assert first["User-Agent"].startswith("briefgen/") and "If-None-Match" not in first
    assert second["If-None-Match"] == page.etag


def test_follows_up_to_five_redirects_and_no_more(web):
    final = web.page("/final", release_page(1))
    for hop in range(6):
        web.page(f"/r{hop}", "", status=302, location=f"/r{hop + 1}" if hop < 5 else "/final")
    with fast() as fetcher:
        assert fetcher.get(web.url("/r1")).url == final  # five hops
        with pytest.raises(FetchError, match="more than 5 redirects") as caught:
            fetcher.get(web.url("/r0"))  # six
    assert not caught.value.transient


def test_a_redirect_to_another_scheme_is_refused(web):
    web.page("/sneaky", "", status=301, location="file:///etc/passwd")
    with fast() as fetcher, pytest.raises(FetchError, match="only http:// and https://"):
        fetcher.get(web.url("/sneaky"))


def test_server_errors_are_retried_then_reported(web):
    url = web.page("/busy", release_page(1))
    web.fail_first["/busy"] = 2
    with fast() as fetcher:
        assert fetcher.get(url) is not None  # third try
    assert len(web.hits("/busy")) == 3
    web.fail_first["/busy"] = 5
    with fast() as fetcher, pytest.raises(FetchError, match="503") as caught:
        fetcher.get(url)
    assert caught.value.transient


def test_a_slow_server_times_out_after_retries(web):
    url = web.page("/slow", release_page(1), delay=1.5)
    started = time.monotonic()
    with fast(timeout=0.3, retries=1) as fetcher, pytest.raises(
            FetchError, match="no answer within 0.3 s") as caught:
        fetcher.get(url)
    assert caught.value.transient and time.monotonic() - started < 3
    assert len(web.hits("/slow")) == 2


@pytest.mark.parametrize("options", [{}, {"chunked": True}, {"lie_length": MAX_BYTES * 10}],
                         ids=["declared", "chunked", "declared-only"])
def test_an_oversized_answer_is_refused(web, options):
    body = "<!DOCTYPE html><html><body>" + "x" * (MAX_BYTES if options != {
        "lie_length": MAX_BYTES * 10} else 10) + "</body></html>"
    url = web.page("/huge", body, **options)
    with fast() as fetcher, pytest.raises(FetchError, match="over the 5242880 byte limit"):
        fetcher.get(url)


def test_only_the_types_asked_for(web):
    url = web.page("/note.pdf", "%PDF-1.7", content_type="application/pdf")
    with fast() as fetcher:
        with pytest.raises(FetchError, match=r"not an HTML page \(application/pdf\)"):
            fetcher.get(url)
        with pytest.raises(FetchError, match="not a feed"):
            fetcher.get(web.page("/page", release_page(1)), accept=FEED_TYPES)


def test_private_addresses_are_refused_when_asked(web):
    url = web.page("/p", release_page(1))
    with fast(allow_private=False) as fetcher, pytest.raises(
            FetchError, match="loopback or private address"):
        fetcher.get(url)
    with fast(allow_private=False) as fetcher, pytest.raises(FetchError, match="localhost"):
        fetcher.get(url.replace("127.0.0.1", "localhost"))
    assert web.hits("/p") == []  # refused before any connection


def test_make_url_briefs_the_page_named_by_its_symbol(web, tmp_path):
    url = web.page("/en/2022/" + page_name(1), release_page(1))
    result = make(url, "--lang", "en", "--format", "md,json", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert [p.rsplit("/", 1)[-1] for p in result.stdout.split()] == [
        "SC-99901.en.md", "SC-99901.en.json"]
    assert "Arcadia" in (tmp_path / "SC-99901.en.md").read_text(encoding="utf-8")


def test_a_batch_mixes_addresses_and_files(web, tmp_path):
    from deliver_fixtures import write_release

    url = web.page("/fr/2022/" + page_name(2, "fr"), release_page(2, "fr"))
    local = write_release(tmp_path / "local.txt", 3)
    out = tmp_path / "notes"
    result = make(url, str(local), web.url("/missing.doc.htm"), "--format", "md",
                  "-o", str(out), "--jobs", "2")
    assert result.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == ["CS-99902.en.md", "CS-99903.en.md"]
    assert f"error: {web.url('/missing.doc.htm')}: cannot fetch" in result.stderr
    assert "2 done, 1 failed" in result.stderr


@pytest.mark.parametrize("url, words", [
    ("{base}/gone.doc.htm", "the server answered 404 Not Found"),
    ("http://briefgen-test.invalid/sc1.doc.htm", "the host briefgen-test.invalid was not found"),
    ("{base}/note.pdf", "not an HTML page (application/pdf)"),
    ("{base}/huge", "byte limit"),
    ("file:///etc/hostname", "only http:// and https:// addresses"),
    ("ftp://example.invalid/x", "only http:// and https:// addresses"),
    ("http://ann:secret@127.0.0.1:1/x", "cannot fetch http://127.0.0.1:1/x"),
])
def test_make_url_failures_are_one_line(web, tmp_path, url, words):
    web.page("/note.pdf", "%PDF-1.7", content_type="application/pdf")
    web.page("/huge", "x" * (MAX_BYTES + 1))
    result = make(url.format(base=web.base), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert "Traceback" not in result.stderr and "secret" not in result.stderr
    assert not (tmp_path / "out").exists()
