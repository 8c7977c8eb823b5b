"""What one poll of a watcher costs as the database grows: a folder with 5 new stories, polled into a
database that already holds 0, 1,000 and 10,000 documents (their events copied from one coded
article, with their own ids and dates). The coder is loaded once, before timing, as a watcher does.

    python bench/watch_poll.py [--sizes 0 1000 10000] [--new 5]

Two kinds of stored database: "same", every stored event of the new stories' types and sides (a poll
links again the stored events of its types near its events' days); and "varied", the stored events
spread over the 16 PLOVER types, as in a database of many kinds of news. Printed per kind and size:
the seconds the poll took and how much of it was coding the new stories (the rest is reading what the
database knows of them, storing and linking)."""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
from pathlib import Path

from dyadwatch.coder import Coder
from dyadwatch.model import Article, DocumentResult
from dyadwatch.relink import relink
from dyadwatch.store import Store
from dyadwatch.watch.poll import Watcher
from dyadwatch.watch.sources import Source, WatchConfig

STORY = ("Officials in Baku said on {day} May 2024 that Russia and Azerbaijan had signed an agreement on "
         "transit through the Caspian port of Alat, story number {n}. Moscow welcomed the accord.")


TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT")


def _filled(store: Store, coder: Coder, size: int, varied: bool) -> None:
    """``size`` documents, each with the events of one coded story, under ids and dates of their own
    (and, ``varied``, of a type of their own too)."""
    model = next(iter(coder([Article("model.txt", STORY.format(day=3, n=0), "model.txt", "txt")])))
    assert isinstance(model, DocumentResult)
    batch = []
    for n in range(size):
        article = dataclasses.replace(model.article, doc_id=f"old/{n}.txt", origin=f"old/{n}.txt",
                                      text=model.article.text + f" ({n})")
        date = f"{2000 + n % 25}-0{1 + n % 9}-1{n % 10}"
        events = tuple(dataclasses.replace(e, id=f"{e.id}-{n}", doc_id=article.doc_id, date=date, link=None,
                                           event_type=TYPES[n % len(TYPES)] if varied else e.event_type)
                       for e in model.events)
        batch.append(DocumentResult(article, model.sentences, events))
        if len(batch) == 500:
            store.save_documents(batch, coder.version)
            batch = []
    store.save_documents(batch, coder.version)
    relink(store)  # a database a watcher polls into is linked already


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 10000])
    options.add_argument("--new", type=int, default=5)
    args = options.parse_args()
    coder = Coder()
    for varied, size in [(varied, size) for varied in (False, True) for size in args.sizes]:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            inbox = root / "inbox"
            inbox.mkdir()
            with Store(root / "w.duckdb") as store:
                _filled(store, coder, size, varied)
                for n in range(args.new):
                    (inbox / f"new{n}.txt").write_text(STORY.format(day=4 + n, n=size + n), encoding="utf-8")
                watcher = Watcher(store, WatchConfig((Source("folder", str(inbox)),)), coder=coder,
                                  say=lambda line: None)
                began = time.perf_counter()
                done = watcher.poll()
                took = time.perf_counter() - began
            coded_alone = _coding_time(coder, inbox)
            print(f"{'varied' if varied else 'same':>6} {size:>6} stored documents: poll of {done.coded} new stories "
                  f"{took:.2f} s "
                  f"(coding them alone {coded_alone:.2f} s; the rest {took - coded_alone:.2f} s)")


def _coding_time(coder: Coder, inbox: Path) -> float:
    from dyadwatch.ingest import read_sources

    articles = [a for a in read_sources([inbox]) if isinstance(a, Article)]
    began = time.perf_counter()
    list(coder(articles))
    return time.perf_counter() - began


if __name__ == "__main__":
    main()
