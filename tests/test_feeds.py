"""`briefgen watch --feed`, run as a user runs it (real processes, one killed with SIGKILL
and restarted) against a loopback web server serving a fictional feed (RSS and Atom) and
fictional release pages.  Nothing here reaches beyond 127.0.0.1."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_email import Inbox as MailInbox
from test_email import smtp_server  # noqa: F401 - the fixture
from web_fixtures import WebServer, atom_feed, page_name, release_page, rss_feed

from briefgen.deliver.feeds import FeedPoller, feed_items, item_key
from briefgen.deliver.watch import Inbox

BRIEFGEN = [sys.executable, "-m", "briefgen.cli"]
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX file locking and signals")


@pytest.fixture
def web():
    with WebServer() as server:
        yield server


def publish(web: WebServer, numbers, *, atom: bool = False, lang: str = "en",
            updated: str = "2022-02-16T10:00:00Z") -> str:
    """Pages for releases `numbers` and a feed of them; the feed's address."""
    items = []
    for n in numbers:
        path = f"/{lang}/2022/{page_name(n, lang)}"
        web.page(path, release_page(n, lang))
        items.append((web.url(path), f"urn:fictional:{lang}:{n}", f"Fictional meeting {n}"))
    if atom:
        body = atom_feed(items, lang, updated)
        return web.page(f"/{lang}/atom.xml", body, content_type="application/atom+xml")
    return web.page(f"/{lang}/rss.xml", rss_feed(items, lang),
                    content_type="application/rss+xml; charset=utf-8")


def watch_args(out: Path, *feeds: str, extra: tuple[str, ...] = ()) -> list[str]:
    return [*BRIEFGEN, "watch", *(a for f in feeds for a in ("--feed", f)), "--out", str(out),
            "--settle", "0", "--feed-interval", "0.3", "--format", "md,json", *extra]


def run_once(out: Path, *feeds: str, extra: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run(watch_args(out, *feeds, extra=(*extra, "--once")),
                          capture_output=True, text=True, timeout=120, check=False)


def notes(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.is_file() and not p.name.startswith("."))


def visible(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def test_items_are_keyed_by_symbol_or_guid():
    assert item_key("https://press.un.org/en/2022/sc14794.doc.htm", "x") == "SC-14794"
    assert item_key("https://press.un.org/fr/2022/cs14794.doc.htm", "x") == "CS-14794"
    other = item_key("https://example.invalid/news/42", "tag:example.invalid,2022:42")
    assert other.startswith("item-") and other == item_key("https://elsewhere.invalid/",
                                                           "tag:example.invalid,2022:42")


@pytest.mark.parametrize("atom", [False, True], ids=["rss", "atom"])
def test_both_feed_kinds_are_read(atom):
    items = [(f"/en/2022/{page_name(n)}", f"urn:fictional:{n}", f"Meeting {n}") for n in (1, 2)]
    body = (atom_feed if atom else rss_feed)(items)
    read = feed_items(body.encode(), "http://127.0.0.1:9/en/feed")
    assert [(i.key, i.link) for i in read] == [
        ("SC-99901", f"http://127.0.0.1:9/en/2022/{page_name(1)}"),
        ("SC-99902", f"http://127.0.0.1:9/en/2022/{page_name(2)}")]


def test_five_items_become_five_notes_once_then_nothing(web, tmp_path):
    feed = publish(web, range(1, 6))
    out = tmp_path / "notes"
    result = run_once(out, feed, extra=("--lang", "en,fr"))
    assert result.returncode == 0, result.stderr
    assert notes(out) == sorted(f"SC-9990{n}.{lang}.{ext}" for n in range(1, 6)
                                for lang in ("en", "fr") for ext in ("md", "json"))
    assert visible(out / "inbox" / "done") == [f"SC-9990{n}.html" for n in range(1, 6)]
    again = run_once(out, feed)
    assert again.returncode == 0 and again.stdout == "", again.stderr
    feed_hits = web.hits("/en/rss.xml")
    assert "If-None-Match" in feed_hits[-1]  # the second poll asked only for a change
    assert all(len(web.hits(f"/en/2022/{page_name(n)}")) == 1 for n in range(1, 6))


def test_sigkill_and_restart_make_each_note_exactly_once(web, tmp_path):
    """Kill the watcher (SIGKILL) at moments spread over the first poll, restart, repeat;
    at the end each of the 5 items has one set of notes and one page in done/."""
    feeds = [publish(web, range(1, 4)), publish(web, range(4, 6), atom=True)]
    out = tmp_path / "notes"
    rng = random.Random(11)
    log = tmp_path / "watch.log"
    kills = 0
    deadline = time.monotonic() + 90
    done = out / "inbox" / "done"
    while kills < 4 and time.monotonic() < deadline:
        before = len(visible(done)) if done.is_dir() else 0
        if before == 5:
            break
        with log.open("a") as sink:
            proc = subprocess.Popen(watch_args(out, *feeds), stdout=sink, stderr=sink)
            try:
                time.sleep(rng.uniform(0.3, 1.5))
            finally:
                proc.kill()
                proc.wait(timeout=10)
        kills += 1
    result = run_once(out, *feeds)
    assert result.returncode == 0, result.stderr + log.read_text()
    assert visible(done) == [f"SC-9990{n}.html" for n in range(1, 6)]  # no SC-99901.2.html
    assert notes(out) == sorted(f"SC-9990{n}.en.{ext}" for n in range(1, 6)
                                for ext in ("md", "json"))
    for note in out.glob("*.json"):
        json.loads(note.read_text(encoding="utf-8"))
    inbox = out / "inbox"
    assert visible(inbox) == ["done", "failed"] and visible(inbox / "failed") == []
    assert not list((inbox / ".processing").iterdir())
    assert "Traceback" not in log.read_text()


def test_a_corrected_page_becomes_a_revision_sent_only_when_asked(
        web, tmp_path, monkeypatch, smtp_server):  # noqa: F811 - the fixture imported above
    mail = MailInbox()
    port = smtp_server(mail)
    feed = publish(web, (1, 2), atom=True)
    out = tmp_path / "notes"
    monkeypatch.setenv("BRIEFGEN_SMTP_SECURITY", "none")
    email = ("--email-to", "desk@example.org", "--smtp-host", "127.0.0.1",
             "--smtp-port", str(port))
    first = run_once(out, feed, extra=email)
    assert first.returncode == 0, first.stderr
    assert len(mail.messages) == 2
    # The UN republishes release 1 with a correction; the feed entry is updated.
    web.page(f"/en/2022/{page_name(1)}", release_page(1, correction="He corrected himself."))
    publish_feed = atom_feed([(web.url(f"/en/2022/{page_name(n)}"),
                               f"urn:fictional:en:{n}", f"Fictional meeting {n}")
                              for n in (1, 2)], updated="2022-02-17T09:00:00Z")
    web.page("/en/atom.xml", publish_feed, content_type="application/atom+xml")
    second = run_once(out, feed, extra=email)
    assert second.returncode == 0, second.stderr
    assert "SC-99901.rev2.en.md" in notes(out) and len(mail.messages) == 2  # not sent
    revised = (out / "SC-99901.rev2.en.md").read_text(encoding="utf-8")
    assert "Revised release, version 2" in revised
    page = (out / "inbox" / "done" / "SC-99901.rev2.html").read_text(encoding="utf-8")
    assert "corrected himself" in page
    assert json.loads((out / "SC-99901.rev2.en.json").read_text())["revision"] == 2
    assert "Revised" not in (out / "SC-99901.en.md").read_text(encoding="utf-8")
    # A second correction, with --send-revisions: version 3, sent.
    web.page(f"/en/2022/{page_name(1)}", release_page(1, correction="And again."))
    web.page("/en/atom.xml", publish_feed.replace("2022-02-17", "2022-02-18"),
             content_type="application/atom+xml")
    third = run_once(out, feed, extra=(*email, "--send-revisions"))
    assert third.returncode == 0, third.stderr
    assert len(mail.messages) == 3
    assert "Revised release, version 3" in mail.messages[-1]["Subject"]


def test_a_page_whose_chrome_changes_is_no_revision(web, tmp_path):
    feed = publish(web, (1,))
    inbox_dir = tmp_path / "inbox"
    inbox_dir.mkdir()
    inbox = Inbox(inbox_dir)
    inbox.prepare()
    poller = FeedPoller([feed], inbox, recheck_every=0)
    poller.start()
    assert poller.poll() == 1
    path = f"/en/2022/{page_name(1)}"
    web.page(path, release_page(1).replace("Copyright", "Copyright 2022 (new footer)"))
    assert poller.poll() == 0  # fetched again (its ETag changed), same release text
    web.page(path, release_page(1, correction="A corrected figure."))
    assert poller.poll() == 1
    assert visible(inbox_dir) == ["SC-99901.html", "SC-99901.rev2.html", "done", "failed"]


def test_failures_are_entries_in_failed_never_a_traceback(web, tmp_path):
    good = (1,)
    feed_items_ = [(web.url(f"/en/2022/{page_name(n)}"), f"urn:fictional:{n}", f"Meeting {n}")
                   for n in (1, 2, 3, 4, 5)]
    web.page(f"/en/2022/{page_name(1)}", release_page(1))
    # 2: missing (404); 3: a PDF; 4: too big; 5: on a host that does not exist
    web.page(f"/en/2022/{page_name(3)}", "%PDF-1.7", content_type="application/pdf")
    web.page(f"/en/2022/{page_name(4)}", "x" * (5 * 1024 * 1024 + 1))
    feed_items_[4] = (f"http://briefgen-test.invalid/en/2022/{page_name(5)}",
                      "urn:fictional:5", "Meeting 5")
    feed = web.page("/en/rss.xml", rss_feed(feed_items_), content_type="application/rss+xml")
    out = tmp_path / "notes"
    result = run_once(out, feed)
    assert result.returncode == 0, result.stderr
    assert notes(out) == [f"SC-9990{n}.en.{ext}" for n in good for ext in ("json", "md")]
    failed = out / "inbox" / "failed"
    assert visible(failed) == [f"SC-9990{n}.error.txt" for n in (2, 3, 4, 5)]
    reasons = {n: (failed / f"SC-9990{n}.error.txt").read_text() for n in (2, 3, 4, 5)}
    assert "404 Not Found" in reasons[2] and "not an HTML page" in reasons[3]
    assert "byte limit" in reasons[4] and "was not found (DNS)" in reasons[5]
    assert "Traceback" not in result.stderr
    for n in (2, 3, 4, 5):
        assert f"failed: SC-9990{n}" in result.stderr
    again = run_once(out, feed)  # failed items are not fetched again
    assert again.returncode == 0 and len(web.hits(f"/en/2022/{page_name(2)}")) == 1


def test_a_feed_that_cannot_be_read_is_one_line_and_status_1_with_once(web, tmp_path):
    out = tmp_path / "notes"
    for feed, words in ((web.url("/nothing.xml"), "404 Not Found"),
                        ("http://briefgen-test.invalid/rss.xml", "was not found (DNS)"),
                        (web.page("/page.xml", release_page(1)), "not a feed")):
        result = run_once(out, feed)
        assert result.returncode == 1
        assert words in result.stderr and "Traceback" not in result.stderr


def test_watch_needs_a_folder_or_a_feed(tmp_path):
    result = subprocess.run([*BRIEFGEN, "watch", "--out", str(tmp_path)], capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 2 and "--feed" in result.stderr
