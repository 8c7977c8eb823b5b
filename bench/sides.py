"""Sides: who did what to whom, on the project's own gold set of news texts.

    python bench/sides.py [--gold FILE] [--errors FILE]

Example: ``python bench/sides.py --errors /tmp/sides-errors.tsv``

FILE defaults to tests/golden/sides/gold.jsonl: short news texts written for this set (wire copy,
government readouts, state media, analysis), each with the events a careful PLOVER coder records
(tests/golden/sides/README.md gives the conventions). The file is dyadwatch JSONL input, so it is
coded as a user would code it: the real pipeline (``run``) into an in-memory store, with the packaged
tables, each record's ``date`` as its publication date and its ``source``/``url``.

What it measures, overall, per kind of document and per hard case (the ``cases`` of the gold events):

- gold: the number of gold events;
- recall: the share of gold events matched. For each gold event the candidates are the predicted
  events of its document whose sentence contains the gold sentence substring; the match is the one of
  the gold type with the highest confidence, ties broken by text order (none of that type: missed);
- source / target: country accuracy over ALL gold events, the exact agreement of the set of countries
  (IGO codes for IGOs) of the side with the gold set; a missed gold event counts as wrong on both sides.
  For a gold event marked ``symmetric`` (meetings, joint signings and exercises, exchanges) the reading
  the other way round counts as well: the orientation with more right sides is taken;
- both sides: the share of ALL predicted events of those documents with a country on each side (the
  gold itself has empty sides where the text places none, so this is not expected to reach 1.0);
- modality and date: accuracy over matched events (the date right when value and precision agree;
  a gold null date wants no date).

``--errors FILE`` writes a TSV of every gold event that is missed or has a side, the modality or the
date wrong: doc, sentence, what is wrong, gold and predicted (type, sides, modality, date/precision),
and the predicted event's sentence. tests/test_sides_golden.py holds the figures at the floors pinned
in tests/golden/floors.json (sides_source_country, sides_target_country, sides_both_sides).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from dyadwatch.coder import Coder  # noqa: E402
from golden_sides import GOLD, Figures, GoldError, code_gold, error_row, known_codes, load_gold, score  # noqa: E402

HEADER = f"{'':<22}{'gold':>6}{'recall':>8}{'source':>8}{'target':>8}{'pred':>6}{'both':>7}{'modal':>7}{'date':>7}"


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--gold", type=Path, default=GOLD, help="the gold file (JSONL)")
    options.add_argument("--errors", type=Path, help="write every wrong gold event to this TSV file")
    args = options.parse_args()
    try:
        docs = load_gold(args.gold)
    except (OSError, GoldError) as error:
        print(f"cannot read the gold file: {error}", file=sys.stderr)
        return 2
    unknown = sorted({c for d in docs for e in d.events for c in e.actor | e.recipient} - known_codes())
    if unknown:
        print(f"{args.gold}: codes not in countries.tsv or igos.tsv: {', '.join(unknown)}", file=sys.stderr)
        return 2
    summary, predicted = code_gold(args.gold, Coder())
    for reject in summary.rejects:
        print(f"REJECTED {reject.origin}: {reject.reason}", file=sys.stderr)
    report = score(docs, predicted)
    print(f"{len(docs)} documents, {report.overall.gold} gold events ({args.gold.name})\n")
    print(HEADER)
    print(_line("all", report.overall))
    for kind, figures in report.kinds.items():
        print(_line(kind, figures))
    print("\nhard cases (gold events tagged with the case)\n" + HEADER)
    for case, figures in report.cases.items():
        print(_line(case, figures, predicted=False))
    if args.errors:
        _write_errors(args.errors, [error_row(o) for o in report.wrong])
        print(f"\n{len(report.wrong)} wrong gold events written to {args.errors}")
    return 0


def _line(name: str, f: Figures, predicted: bool = True) -> str:
    both = f"{f.predicted:>6}{f.both_sides:>7.2f}" if predicted else f"{'':>6}{'':>7}"
    return (f"{name:<22}{f.gold:>6}{f.recall:>8.2f}{f.source_country:>8.2f}{f.target_country:>8.2f}{both}"
            f"{f.modality:>7.2f}{f.date:>7.2f}")


def _write_errors(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else ["doc"], delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    sys.exit(main())
