"""Feeds as a source for the watch folder: each new item's page is dropped into its INBOX.

The watch folder already turns a file into notes exactly once across crashes, with a journal,
done/ and failed/; a feed only has to produce files for it.  So a poll fetches each feed
(conditionally), and for every item it has not seen fetches the page and renames it into
INBOX under a name made from the item's key: the release symbol of a press.un.org page
(sc14794.doc.htm -> SC-14794.html), else a digest of the item's guid.  The watcher's journal
is then keyed by that name too.

What a poll remembers lives in ``INBOX/.feeds/``: one record per item (``items/KEY.json``)
and the validators of each feed.  A record is written only after its page is in INBOX, and a
page is dropped only when no file of that name is in INBOX, ``.processing/``, ``done/`` or
``failed/``; so a kill between the two leaves a page that the next poll recognizes instead of
dropping it again.  The temporary files of a page being written stay in ``.feeds/pages/``, out
of the watcher's sight (and out of the way of a user's own dotfiles in INBOX).

Corrections: for `RECHECK_WINDOW` after an item is first seen its page is fetched again,
conditionally, when its feed entry changes and at least every `RECHECK_EVERY`.  When the
release text (not the page chrome) differs from what was briefed, the page is dropped as
``KEY.rev2.html``, which the watcher makes into a note marked as revision 2.

A page that cannot be had is an error file in failed/ (``KEY.error.txt``): at once when
trying again cannot help (404, not HTML, too large...), after `MAX_ATTEMPTS` polls when it
might (5xx, timeouts).  A feed that cannot be read is reported and tried at the next poll.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..errors import BriefgenError
from ..fetch import FEED_TYPES, PRESS_PAGE, Fetcher, FetchError, name_from_url, redact
from ..render import atomic_leftovers, write_atomic
from .batch import Outcome
from .watch import read_json

log = logging.getLogger(__name__)

DEFAULT_INTERVAL = 300.0  # seconds between polls: press.un.org posts a few releases an hour
JITTER = 0.1  # each wait is the interval +-10 %, so that many watchers do not poll in step
RECHECK_WINDOW = 3 * 24 * 3600.0  # corrections come within days of a release
RECHECK_EVERY = 3600.0
MAX_ATTEMPTS = 3  # polls that may fail transiently before an item goes to failed/


@dataclass(frozen=True, slots=True)
class Item:
    key: str  # file-name stem: the release symbol, or item-<digest of the guid>
    link: str
    fingerprint: str  # changes when the feed entry does (updated, title...)


def item_key(link: str, guid: str) -> str:
    last = urlsplit(link).path.rstrip("/").rsplit("/", 1)[-1]
    if PRESS_PAGE.match(last):
        return name_from_url(link)
    return "item-" + hashlib.sha256(guid.encode()).hexdigest()[:16]


def feed_items(content: bytes, base_url: str) -> list[Item]:
    """The items of an RSS or Atom feed that link to a page, in feed order."""
    import feedparser

    parsed = feedparser.parse(content, response_headers={"content-location": base_url})
    if parsed.bozo and not parsed.entries:
        raise FetchError(f"cannot read the feed {redact(base_url)}: "
                         f"{str(parsed.get('bozo_exception', 'not RSS or Atom')).strip()}")
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        link = urljoin(base_url, link)
        guid = entry.get("id") or link
        # dict.get: feedparser's own get maps a missing "updated" to "published", warning.
        seen = json.dumps([dict.get(entry, k) for k in ("updated", "published", "title")])
        items.append(Item(item_key(link, guid), link, hashlib.sha256(seen.encode()).hexdigest()))
    return items


def text_digest(content: bytes) -> str:
    """A digest of the release text in a page, so that new page chrome is no revision."""
    from ..loading import read_source

    try:
        text, _ = read_source(content)
    except BriefgenError:  # the watcher will say what is wrong with it; compare the bytes
        text = content.decode("latin-1")
    return hashlib.sha256(text.encode()).hexdigest()


class FeedPoller:
    """Fetches feeds and drops their new (and corrected) release pages into an Inbox."""

    def __init__(self, feeds: Sequence[str], inbox, *, interval: float = DEFAULT_INTERVAL,
                 fetcher: Fetcher | None = None, recheck_every: float = RECHECK_EVERY,
                 on_failure: Callable[[Outcome], None] = lambda _o: None) -> None:
        self.feeds = tuple(dict.fromkeys(feeds))
        self.inbox = inbox
        self.interval = interval
        self.fetcher = fetcher or Fetcher()
        self.recheck_every = recheck_every
        self.on_failure = on_failure
        self.unread_feeds = 0  # of the last poll
        self.state = Path(inbox.root) / ".feeds"

    def next_delay(self) -> float:
        return self.interval * random.uniform(1 - JITTER, 1 + JITTER)

    def start(self) -> None:
        """Once, under the watcher's lock: nothing else writes here, so temp files are dead."""
        for folder in (self.state, self.state / "items", self.state / "pages"):
            folder.mkdir(exist_ok=True)
        for folder in (self.state, self.state / "items", self.state / "pages"):
            for leftover in atomic_leftovers(folder):
                leftover.unlink(missing_ok=True)

    def poll(self) -> int:
        """Fetch every feed and drop what is new; the number of pages dropped."""
        now = time.time()
        dropped, unread, rechecked = 0, 0, set()
        for url in self.feeds:
            try:
                items, validators = self._items(url)
            except FetchError as exc:
                unread += 1
                self.on_failure(Outcome(redact(url), error=str(exc)))
                continue
            for item in items:
                record = self._record(item.key)
                if record is None or (record["version"] == 0 and not record["error"]):
                    dropped += self._new(item, record, now)
                elif (record["version"] and item.fingerprint != record["fingerprint"]
                      and now - record["first_seen"] < RECHECK_WINDOW):
                    rechecked.add(item.key)
                    dropped += self._recheck(record, now, fingerprint=item.fingerprint)
            validators()  # only now: a kill before this must see the same items again
        for path in (self.state / "items").glob("*.json"):
            record = _read(path)
            if (record and record["version"] and record["key"] not in rechecked
                    and now - record["first_seen"] < RECHECK_WINDOW
                    and now - record["checked"] >= self.recheck_every):
                dropped += self._recheck(record, now)
        self.unread_feeds = unread
        return dropped

    # --- feeds -------------------------------------------------------------------------------

    def _items(self, url: str) -> tuple[list[Item], Callable[[], None]]:
        """The feed's items ([] when it has not changed since the last poll), and what records
        its validators, for the caller to call once every item is handled."""
        path = self.state / f"feed-{hashlib.sha256(url.encode()).hexdigest()[:16]}.json"
        known = _read(path) or {}
        page = self.fetcher.get(url, accept=FEED_TYPES, etag=known.get("etag"),
                                last_modified=known.get("last_modified"))
        if page is None:
            return [], lambda: None
        record = json.dumps({"url": redact(url), "etag": page.etag,
                             "last_modified": page.last_modified}).encode()

        def validators() -> None:
            write_atomic(path, record)

        return feed_items(page.content, page.url), validators

    # --- items -------------------------------------------------------------------------------

    def _new(self, item: Item, record: dict | None, now: float) -> int:
        record = record or {"key": item.key, "link": item.link, "version": 0, "attempts": 0,
                            "error": None, "first_seen": now}
        try:
            page = self.fetcher.get(item.link)
        except FetchError as exc:
            record["attempts"] += 1
            if exc.transient and record["attempts"] < MAX_ATTEMPTS:
                log.warning("%s (try %d of %d; again at the next poll)", exc,
                            record["attempts"], MAX_ATTEMPTS)
            else:
                record["error"] = str(exc)
                write_atomic(self.inbox.failed / f"{item.key}.error.txt",
                             f"{redact(item.link)}\n{exc}\n".encode())
                self.on_failure(Outcome(item.key, error=str(exc)))
            self._save(record | {"fingerprint": item.fingerprint, "checked": now})
            return 0
        self._drop(item.key, 1, page.content)
        self._save(record | {"version": 1, "digest": text_digest(page.content),
                            "etag": page.etag, "last_modified": page.last_modified,
                            "fingerprint": item.fingerprint, "checked": now, "error": None})
        return 1

    def _recheck(self, record: dict, now: float, *, fingerprint: str | None = None) -> int:
        """Fetch a briefed page again; drop it as the next revision if its text changed."""
        record = record | {"checked": now, "fingerprint": fingerprint or record["fingerprint"]}
        try:
            page = self.fetcher.get(record["link"], etag=record["etag"],
                                    last_modified=record["last_modified"])
        except FetchError as exc:  # the note made before stands; try at the next recheck
            log.warning("rechecking %s: %s", record["key"], exc)
            page = None
        dropped = 0
        if page is not None:
            digest = text_digest(page.content)
            if digest != record["digest"]:
                record["version"] += 1
                self._drop(record["key"], record["version"], page.content)
                dropped = 1
            record |= {"digest": digest, "etag": page.etag,
                       "last_modified": page.last_modified}
        self._save(record)
        return dropped

    def _drop(self, key: str, version: int, content: bytes) -> None:
        name = f"{key}.html" if version == 1 else f"{key}.rev{version}.html"
        if self.inbox.holds(name):  # dropped before a kill, its record not yet written
            return
        staged = write_atomic(self.state / "pages" / name, content)
        os.rename(staged, self.inbox.root / name)

    def _record(self, key: str) -> dict | None:
        return _read(self.state / "items" / f"{key}.json")

    def _save(self, record: dict) -> None:
        write_atomic(self.state / "items" / f"{record['key']}.json",
                     json.dumps(record, ensure_ascii=False).encode())


def _read(path: Path) -> dict | None:
    return read_json(path) or None
