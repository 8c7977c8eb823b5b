"""Polling the sources a watcher follows and coding what is new.

Each poll reads, per source, only what is new since the last: a feed asked with its ETag and
Last-Modified, its stories not handled before (by URL); a folder's files that are new or changed
(by size and time); a growing JSONL file from where the last poll stopped. What is new is coded,
stored and linked as ``run`` does, and the alerts it raises are said. The state of each source and
every URL handled are kept in the database, each after what they describe is stored, so a watcher
stopped at any point (SIGKILL too) neither misses a story nor stores one twice: a story fetched
again is unchanged and skipped. A source that fails is recorded with its reason (in the watcher's
status and the ``rejects`` table) and tried again after a pause that doubles with each failure in a
row, up to six hours; the other sources go on."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .. import ingest
from ..coder import Coder
from ..model import TIMESTAMP, Article, Reject, SourceState
from ..pipeline import RunSummary, run_items
from ..settings import Settings
from ..store import Store, StoreError
from .alerts import AlertRules, announce, raised, recent_events
from .feeds import FeedError, stories
from .fetch import Fetcher, FetchError
from .sources import Source, WatchConfig

STAGE = "watch.v1"
MAX_PAUSE = timedelta(hours=6)
MAX_STORIES = 200  # stories fetched from one source in one poll; the rest wait for the next
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class Poll:
    """What one poll did."""

    coded: int = 0
    unchanged: int = 0
    rejected: list[Reject] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # sources that failed, with their reasons
    alerts: int = 0
    seconds: float = 0.0


class Watcher:
    def __init__(self, store: Store, config: WatchConfig, *, settings: Settings | None = None,
                 coder: Coder | None = None, fetcher: Fetcher | None = None,
                 say: Callable[[str], None] = print) -> None:
        self.store = store
        self.config = config
        self.settings = settings or Settings(workers=1)
        self.coder = coder
        self.fetcher = fetcher or Fetcher()
        self.say = say
        self.rules = AlertRules(config.dyad, config.alert_intensity, config.alert_types, config.alert_index,
                                log=config.alert_log, webhook=config.webhook)

    def poll(self) -> Poll:
        """Poll each source once (those still pausing after failures wait), code what is new, raise alerts."""
        began = time.monotonic()
        done = Poll()
        for source in self.config.sources:
            state = self.store.source_state(source.key) or SourceState(source.key, source.kind)
            if state.retry_at and state.retry_at > _now():
                continue
            try:
                read, state, handled = self._read(source, state)
            except (FetchError, FeedError, OSError) as error:
                self._failed(source, state, str(error), done)
                continue
            summary = run_items(read, self.store, self.settings, self._coder()) if read else RunSummary()
            for url, outcome in handled:  # after the stories are stored: a stop before this fetches them again
                self.store.mark_seen(url, source.key, outcome)
            self.store.save_source_state(replace(state, polled_at=_now(), ok_at=_now(), failures=0, retry_at=None,
                                                 error=None, items=len(read)))
            self.store.release()
            done.coded += summary.documents
            done.unchanged += summary.unchanged
            done.rejected += summary.rejects
            done.alerts += self._alert(summary)
        done.seconds = time.monotonic() - began
        return done

    def _coder(self) -> Coder:
        """The coder, loaded once for all polls (the first poll that brings something pays for it)."""
        if self.coder is None:
            self.coder = Coder(self.settings)
        return self.coder

    def watch(self, once: bool = False) -> None:
        """Poll every ``config.every`` seconds until stopped (Ctrl-C or SIGTERM end it between two steps).
        Between polls the watcher is not the database's writer: ``dyadwatch run`` or ``import`` may write
        to it meanwhile; a poll that finds one still writing waits for the next turn."""
        while True:
            done = self.poll()
            if not once:
                self.store.step_aside()
            self.say(f"{_now()} polled {len(self.config.sources)} sources in {done.seconds:.1f} s: {done.coded} "
                     f"new, {done.unchanged} unchanged, {len(done.rejected)} rejected, {len(done.failed)} failed, "
                     f"{done.alerts} alerts")
            if once:
                return
            while True:
                time.sleep(self.config.every)
                try:
                    self.store.take_back()
                    break
                except StoreError as busy:
                    self.say(f"{_now()} not polled: {busy}; trying again in {self.config.every:g} s")

    def _read(self, source: Source, state: SourceState) -> tuple[list[Article | Reject], SourceState,
                                                                 list[tuple[str, str]]]:
        if source.kind == "url":
            return self._read_feed(source, state)
        if source.kind == "jsonl":
            path = Path(source.where)
            if not path.exists():
                return [], state, []
            read, position = ingest.read_jsonl_from(path, state.position)
            return read, replace(state, position=position), []
        return self._read_folder(source, state)

    def _read_feed(self, source: Source, state: SourceState) -> tuple[list[Article | Reject], SourceState,
                                                                      list[tuple[str, str]]]:
        listing = self.fetcher.get(source.where, state.etag, state.last_modified)
        state = replace(state, etag=listing.etag or state.etag,
                        last_modified=listing.last_modified or state.last_modified)
        if listing.status == 304:
            return [], state, []
        items = stories(listing.body, source.where)
        for nested in [i for i in items if i.listing][:10]:  # a sitemap index: its sitemaps, one level down
            items += [i for i in stories(self.fetcher.get(nested.url).body, nested.url) if not i.listing]
        urls = list(dict.fromkeys(i.url for i in items if not i.listing))
        seen = self.store.seen(urls)
        read: list[Article | Reject] = []
        handled = []
        for url in [u for u in urls if u not in seen][:MAX_STORIES]:
            found = self._story(url)
            read.append(found)
            if isinstance(found, Article) or not found.reason.startswith("transient: "):
                handled.append((url, "read" if isinstance(found, Article) else found.reason))
        return read, state, handled

    def _story(self, url: str) -> Article | Reject:
        try:
            page = self.fetcher.get(url)
        except FetchError as error:
            prefix = "transient: " if error.transient else ""
            return Reject(url, f"{prefix}{error.reason}", STAGE, url)
        kind = page.content_type.split(";")[0].strip().lower()
        if kind and kind not in HTML_TYPES:
            return Reject(url, f"not an HTML page ({kind}); not read", STAGE, url)
        return ingest.from_page(url, page.text)

    def _read_folder(self, source: Source, state: SourceState) -> tuple[list[Article | Reject], SourceState,
                                                                        list[tuple[str, str]]]:
        folder = Path(source.where)
        if not folder.is_dir():
            raise OSError(f"{folder}: no such folder")
        stamps = {str(p.resolve()): f"{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in sorted(folder.rglob("*"))
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)}
        known = dict(self.store.seen_outcomes(list(stamps)))
        changed = [path for path, stamp in stamps.items() if known.get(path) != stamp]
        read = [item for path in changed for item in ingest.read_sources([path])]
        # ids relative to the folder, as run gives them, so that a watched folder and a run on it agree
        read = [replace(item, doc_id=Path(item.origin).resolve().relative_to(folder.resolve()).as_posix())
                if isinstance(item, Article) else item for item in read]
        return read, state, [(path, stamps[path]) for path in changed]

    def _failed(self, source: Source, state: SourceState, reason: str, done: Poll) -> None:
        failures = state.failures + 1
        pause = min(timedelta(seconds=self.config.every) * 2 ** (failures - 1), MAX_PAUSE)
        retry = (datetime.now(UTC) + pause).strftime(TIMESTAMP)
        self.store.save_source_state(replace(state, polled_at=_now(), failures=failures, retry_at=retry,
                                             error=reason))
        self.store.save_rejects([Reject(source.where, reason, STAGE)])
        self.store.release()
        done.failed.append(reason)
        self.say(f"source failed ({failures} in a row; next try after {retry} UTC): {reason}")

    def _alert(self, summary: RunSummary) -> int:
        if not summary.coded:
            return 0
        new = self.store.document_events(summary.coded)
        stored = recent_events(self.store, self.rules.dyad, self.rules.by) if self.rules.dyad else []
        alerts = self.store.save_alerts(raised(new, stored, self.rules))
        self.store.release()
        for problem in announce(alerts, self.rules, self.say):
            self.say(problem)
        return len(alerts)


def _now() -> str:
    return datetime.now(UTC).strftime(TIMESTAMP)
