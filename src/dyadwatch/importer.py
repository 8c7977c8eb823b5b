"""Import: the files of another dataset (GDELT, ICEWS, POLECAT) into the store, apart from coded
events. Each file is streamed and stored in batches (memory stays flat however long it is); once it
is all in, what an earlier import of it brought goes. A row that cannot be read is a reject naming
the file, the line and why; a file that cannot be read at all keeps nothing of this import (and what
was there before) and does not stop the others. With a dyad, only its events are kept (a GDELT month
holds millions of rows)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .external import READERS, ExternalFileError
from .model import Dyad, ExternalEvent, ExternalMention, Reject
from .store import Store

BATCH = 20_000  # rows a batch
KEPT_REJECTS = 1_000  # rejects stored a file; more are counted
Progress = Callable[[int, str], None]  # rows read so far, the file being read


@dataclass
class ImportSummary:
    files: int = 0
    rows: int = 0  # lines read, rejects included
    events: int = 0
    mentions: int = 0
    untyped: int = 0  # events whose CAMEO code has no PLOVER type (stored, not compared)
    outside: int = 0  # events left out as not between the dyad's sides
    outside_mentions: int = 0  # mentions of events not kept (or not imported before)
    rejects: list[Reject] = field(default_factory=list)  # those stored (at most KEPT_REJECTS a file)
    rejected: int = 0
    failed: list[str] = field(default_factory=list)  # files not read, each with its reason
    seconds: float = 0.0


def import_files(dataset: str, paths: Iterable[Path], store: Store, dyad: Dyad | None = None,
                 progress: Progress | None = None) -> ImportSummary:
    """Import each file (mentions files after the event files whose events they name)."""
    read = READERS[dataset]
    summary = ImportSummary()
    began = time.monotonic()
    kept = store.external_ids(dataset, dyad) if dyad else set()  # with a dyad: events whose mentions are kept
    for path in sorted(paths, key=lambda p: ".mentions." in p.name.lower()):
        rejects: list[Reject] = []
        counted = (summary.events, summary.mentions, summary.untyped, summary.outside, summary.outside_mentions)
        try:
            store.replace_external(dataset, str(path.resolve()),
                                   _batches(read(path), dyad, kept, summary, rejects, progress, str(path)))
        except ExternalFileError as error:  # nothing of it stored: nothing of it counted but its rows
            summary.events, summary.mentions, summary.untyped, summary.outside, summary.outside_mentions = counted
            summary.failed.append(str(error))
            continue
        summary.files += 1
        summary.rejected += len(rejects)
        summary.rejects += rejects[:KEPT_REJECTS]
        store.save_rejects(rejects[:KEPT_REJECTS])
        store.release()
    summary.seconds = time.monotonic() - began
    return summary


def _batches(rows: Iterator[ExternalEvent | ExternalMention | Reject], dyad: Dyad | None, kept: set[str],
             summary: ImportSummary, rejects: list[Reject], progress: Progress | None, name: str
             ) -> Iterator[tuple[list[ExternalEvent], list[ExternalMention]]]:
    events: list[ExternalEvent] = []
    mentions: list[ExternalMention] = []
    for row in rows:
        summary.rows += 1
        if isinstance(row, Reject):
            rejects.append(row)
        elif isinstance(row, ExternalMention):
            if dyad is None or row.id in kept:
                mentions.append(row)
            else:
                summary.outside_mentions += 1
        elif dyad is not None and not dyad.between(row.actor_countries, row.recipient_countries):
            summary.outside += 1
        else:
            events.append(row)
            summary.untyped += row.event_type is None
            if dyad is not None:
                kept.add(row.id)
        if len(events) + len(mentions) >= BATCH:
            summary.events, summary.mentions = summary.events + len(events), summary.mentions + len(mentions)
            yield events, mentions
            events, mentions = [], []
        if progress and summary.rows % 100_000 == 0:
            progress(summary.rows, name)
    summary.events, summary.mentions = summary.events + len(events), summary.mentions + len(mentions)
    yield events, mentions

