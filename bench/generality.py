"""Generality: sides and dates on text the coder was not tuned to, in one run (issue 14's figures).

    python bench/generality.py --evaldata DIR [--seeds DIR] [--sample FILE]
    (or DYADWATCH_EVALDATA=DIR DYADWATCH_SEEDS=DIR)

Example: ``python bench/generality.py --evaldata ../shared/evaldata --seeds ../shared/seeds``

It prints, in order:

1. ``DIR/wh-readouts-dev``: the White House readouts coded as a user codes them (``dyadwatch run`` on
   the folder: front matter read by ingest, the source's home country from its url), with the number of
   events, the share with a country on both sides, and the share whose actor includes the USA; and 40
   of the USA-actor events, evenly spaced through the corpus, for a hand check (``--sample FILE``
   writes them as TSV with an empty ``right`` column to fill in).
2. Source and target country accuracy on the PLOVER gold standard and the PETRARCH-2 validation
   records, as ``bench/accuracy.py`` computes them (its per-type tables are printed too).
3. The project's own gold set of sides (``bench/sides.py``): recall, source, target and both sides.
4. Event dates on the seeds (with ``--seeds``) and the readouts: events by date basis and how many carry
   a date other than the publication day (``bench/event_dates.py`` lists them for a hand check).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import accuracy  # noqa: E402
import event_dates  # noqa: E402
from dyadwatch.coder import Coder  # noqa: E402
from dyadwatch.model import Event, countries  # noqa: E402
from dyadwatch.pipeline import run  # noqa: E402
from dyadwatch.store import Store  # noqa: E402
from golden_sides import GOLD, code_gold, load_gold, score  # noqa: E402

SAMPLE = 40


def readouts(coder: Coder, folder: Path, sample: Path | None) -> None:
    with Store(":memory:") as store:
        run([folder], store, coder=coder)
        events = sorted(store.events(), key=lambda e: (e.doc_id, e.span[0], e.id))
    both = [e for e in events if countries(e.actor) and countries(e.recipient)]
    american = [e for e in events if "USA" in countries(e.actor)]
    print(f"\n== wh-readouts-dev: {len(events)} events")
    print(f"  a country on both sides  {len(both) / len(events):.3f}  ({len(both)})")
    print(f"  actor includes the USA   {len(american) / len(events):.3f}  ({len(american)})")
    picked = american[::max(1, len(american) // SAMPLE)][:SAMPLE]
    print(f"  {len(picked)} USA-actor events for a hand check:")
    for event in picked:
        print(f"    {_sides(event):<16} {event.event_type:<9} {event.sentence[:110]}")
    if sample is not None:
        with sample.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, delimiter="\t", lineterminator="\n")
            writer.writerow(["doc", "type", "actor", "actor_rule", "recipient", "sentence", "right"])
            writer.writerows([e.doc_id, e.event_type, ",".join(countries(e.actor)), e.actor[0].rule,
                              ",".join(countries(e.recipient)), e.sentence, ""] for e in picked)


def _sides(event: Event) -> str:
    return f"{','.join(countries(event.actor)) or '-'}→{','.join(countries(event.recipient)) or '-'}"


def countries_on_gold_sets(evaldata: Path) -> None:
    results, _ = accuracy.run_sets(accuracy.read_sets(evaldata, ["plover-gsr", "petr2-gsr"]), 0)
    print("\n== country accuracy (exact)")
    for name, figures in results.items():
        print(f"  {name:<12} source {figures['source_country']:.3f}  target {figures['target_country']:.3f}")


def own_gold(coder: Coder) -> None:
    report = score(load_gold(GOLD), code_gold(GOLD, coder)[1]).overall
    print(f"\n== own gold set of sides ({report.gold} events): recall {report.recall:.2f}, source "
          f"{report.source_country:.2f}, target {report.target_country:.2f}, both sides {report.both_sides:.2f}")


def dates(coder: Coder, evaldata: Path, seeds: Path | None) -> None:
    if seeds is not None:
        event_dates.summary("seeds (dates)", event_dates.code(coder, event_dates.seed_articles(seeds)))
    event_dates.summary("wh-readouts-dev (dates)",
                        event_dates.code(coder, event_dates.readout_articles(evaldata / "wh-readouts-dev")))


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--evaldata", default=os.environ.get("DYADWATCH_EVALDATA"), help="the evaluation data folder")
    options.add_argument("--seeds", default=os.environ.get("DYADWATCH_SEEDS"), help="the seed articles' folder")
    options.add_argument("--sample", type=Path, help="write the hand-check sample to this TSV file")
    args = options.parse_args()
    if not args.evaldata or not (Path(args.evaldata) / "wh-readouts-dev").is_dir():
        print("give --evaldata DIR (holding wh-readouts-dev/) or set DYADWATCH_EVALDATA", file=sys.stderr)
        return 2
    evaldata, coder = Path(args.evaldata), Coder()
    readouts(coder, evaldata / "wh-readouts-dev", args.sample)
    countries_on_gold_sets(evaldata)
    own_gold(coder)
    dates(coder, evaldata, Path(args.seeds) if args.seeds else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
