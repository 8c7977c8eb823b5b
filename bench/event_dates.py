"""Event dates as the article gives them: how many events the document pass dates, and which.

    python bench/event_dates.py --seeds DIR --evaldata DIR [--list all|changed|none]
    (or DYADWATCH_SEEDS=DIR DYADWATCH_EVALDATA=DIR)

Codes the seed articles (with the publication dates of ``seeds.SEED_DATES`` where their text states
none) and the White House readouts of ``DIR/wh-readouts-dev`` (each published on the day its file
name starts with; the YAML front matter is left out of the text here, so the figures do not depend
on ingest reading it). Each article is parsed once; "before" is what the events stage dates from
each sentence alone, "after" the same events through ``episodes.date_by_document`` (what ``dyadwatch
run`` stores). Prints, per corpus and for both: events by date basis, by precision, and how many
carry a date other than the publication day; then the events whose date is not the publication day
after the pass (``--list all``, the default) or every event the pass changed (``--list changed``),
each with document, sentence number, date, basis, evidence and sentence, for a hand check.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dyadwatch.clean import clean
from dyadwatch.coder import Coder
from dyadwatch.episodes import date_by_document
from dyadwatch.ingest import read_sources
from dyadwatch.model import Actor, Article, DateValue, Event, ParsedArticle
from seeds import SEED_DATES

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_DAY_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})-")


def _options() -> argparse.Namespace:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--seeds", default=os.environ.get("DYADWATCH_SEEDS"), help="folder of the seed articles")
    options.add_argument("--evaldata", default=os.environ.get("DYADWATCH_EVALDATA"),
                         help="folder holding wh-readouts-dev/")
    options.add_argument("--list", choices=("all", "changed", "none"), default="all",
                         help="which events to print for the hand check")
    return options.parse_args()


def seed_articles(folder: Path) -> Iterator[Article]:
    for path in sorted(folder.glob("*.txt")):
        day = SEED_DATES.get(path.name[:3])
        yield from _articles([path], DateValue(day, "day") if day else None)


def readout_articles(folder: Path) -> Iterator[Article]:
    """The readouts as JSONL records: text without its front matter, date from the file name."""
    records = []
    for path in sorted(folder.glob("*.md")):
        day = _DAY_PREFIX.match(path.name)
        text = _FRONT_MATTER.sub("", path.read_text(encoding="utf-8"))
        records.append({"id": path.name, "text": text, "date": day.group(1) if day else None})
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "readouts.jsonl"
        feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        yield from _articles([feed], None)


def _articles(paths: list[Path], published: DateValue | None) -> Iterator[Article]:
    for item in read_sources(paths, published):
        if isinstance(item, Article):
            yield clean(item)
        else:
            print(f"  skipped {item.origin}: {item.reason}", file=sys.stderr)


@dataclass(frozen=True)
class Coded:
    parsed: ParsedArticle
    before: tuple[Event, ...]  # as the events stage dates them, a sentence at a time
    after: tuple[Event, ...]  # through the document pass

    def other_days(self, events: tuple[Event, ...]) -> int:
        return sum(_other_day(e, self.parsed.article.published) for e in events)


def code(coder: Coder, articles: Iterator[Article]) -> list[Coded]:
    """Each article parsed once: its events before and after the document pass."""
    coded = []
    for parsed in coder.parser.pipe(articles):
        before = coder.code(parsed, coder.resolve(parsed))
        coded.append(Coded(parsed, before, date_by_document(parsed, before)))
    return coded


def _other_day(event: Event, published: DateValue | None) -> bool:
    return event.date is not None and (published is None or event.date != published.value)


def summary(name: str, coded: list[Coded]) -> None:
    print(f"\n== {name}: {len(coded)} documents")
    for label in ("before", "after"):
        events = [e for c in coded for e in getattr(c, label)]
        bases = Counter(e.date_basis for e in events)
        precisions = Counter(e.date_precision or "none" for e in events)
        other = sum(c.other_days(getattr(c, label)) for c in coded)
        print(f"  {label:<6} {len(events)} events; basis " + ", ".join(f"{k} {v}" for k, v in sorted(bases.items()))
              + "; precision " + ", ".join(f"{k} {v}" for k, v in sorted(precisions.items()))
              + f"; dated other than the publication day: {other}")


def listing(coded: list[Coded], which: str) -> None:
    if which == "none":
        return
    for parsed, before, after in ((c.parsed, c.before, c.after) for c in coded):
        numbers = {s.start: s.index + 1 for s in parsed.sentences}
        published = parsed.article.published
        for old, new in zip(before, after, strict=True):
            changed = (old.date, old.date_precision, old.date_basis) != (new.date, new.date_precision, new.date_basis)
            if not (changed if which == "changed" else _other_day(new, published)):
                continue
            sides = f"{','.join(_countries(new.actor))}→{','.join(_countries(new.recipient))}"
            print(f"  {'*' if changed else ' '} {parsed.article.doc_id[:40]:<40} s{numbers.get(new.span[0], '?'):<3} "
                  f"{new.event_type:<9} {sides:<9} {new.date} ({new.date_precision}, {new.date_basis}"
                  f"{', was ' + str(old.date) + ' ' + old.date_basis if changed else ''}) {new.modality}"
                  f"\n      {new.date_evidence or ''} | {new.sentence[:160]}")


def _countries(actors: tuple[Actor, ...]) -> list[str]:
    return sorted({a.country or "?" for a in actors})


def main() -> int:
    options = _options()
    if not options.seeds and not options.evaldata:
        print("give --seeds DIR and/or --evaldata DIR (or set DYADWATCH_SEEDS / DYADWATCH_EVALDATA)", file=sys.stderr)
        return 2
    coder = Coder()
    corpora = []
    if options.seeds:
        corpora.append(("seeds", code(coder, seed_articles(Path(options.seeds)))))
    if options.evaldata:
        corpora.append(("wh-readouts-dev", code(coder, readout_articles(Path(options.evaldata) / "wh-readouts-dev"))))
    for name, coded in corpora:
        summary(name, coded)
        print("  events dated other than the publication day (* = the document pass changed it):")
        listing(coded, options.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
