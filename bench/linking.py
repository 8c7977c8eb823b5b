"""Linking: pair decisions on the hand-written golden pairs, with precision and recall.

    python bench/linking.py [--pairs FILE]

FILE defaults to tests/golden/link_pairs.tsv: pairs of coded reports written by hand (two lines
per pair), each labelled same or different real event. Each pair is linked on its own; a pair is
decided "same" when both reports get one cluster id. Precision and recall are over the "same"
decisions; every wrong decision is listed. (The BBN event-mention clusters are not in the
evaluation data available here, so this set is what linking is scored on.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from dyadwatch.link import link_events  # noqa: E402
from golden_links import load_pairs  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "golden" / "link_pairs.tsv"


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--pairs", type=Path, default=DEFAULT, help="the golden pairs (TSV)")
    pairs = load_pairs(options.parse_args().pairs)
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for pair in pairs:
        links = link_events([pair.a, pair.b])
        linked = links[pair.a.id] == links[pair.b.id]
        outcome = ("tp" if pair.same else "fp") if linked else ("fn" if pair.same else "tn")
        counts[outcome] += 1
        if outcome in ("fp", "fn"):
            print(f"WRONG pair {pair.name} ({'same' if pair.same else 'different'}): {pair.a.sentence!r} / "
                  f"{pair.b.sentence!r}")
    precision = counts["tp"] / ((counts["tp"] + counts["fp"]) or 1)
    recall = counts["tp"] / ((counts["tp"] + counts["fn"]) or 1)
    print(f"{len(pairs)} pairs ({counts['tp'] + counts['fn']} same, {counts['fp'] + counts['tn']} different): "
          f"precision {precision:.3f}, recall {recall:.3f}, "
          f"{counts['tp'] + counts['tn']} of {len(pairs)} decisions right")
    return 0


if __name__ == "__main__":
    sys.exit(main())
