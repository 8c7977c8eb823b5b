"""Event dates in the seed articles, with their publication dates supplied: the date issue's checks.

    python bench/seeds_dates.py [--seeds DIR]           (or DYADWATCH_SEEDS=DIR)

For each check: the seed (by the start of its file name) is coded as published on the given
day, and the events of the sentence that contains the given words must all carry the expected
date. Prints PASS or FAIL with what was found.
"""

from __future__ import annotations

import sys

from dyadwatch.coder import Coder
from seeds import seed_events, seeds_folder

CHECKS = [  # (file prefix, publication date, words of the sentence, expected event date)
    ("000", "2001-01-16", "Wednesday's meeting in Baku", "2001-01-10"),
    ("000", "2001-01-16", "On Tuesday, Russia's LUKOIL signed", "2001-01-09"),
    ("000", "2001-01-16", "In September, however", "2000-09"),
    ("000", "2001-01-16", "last month Moscow slapped a visa regime", "2000-12"),
    ("002", "2003-03-12", "visited Baku on February 26 and 27", "2003-02-26"),
    ("001", "2004-02-11", "traveled to Baku two months ago", "2003-12"),
]


def main() -> int:
    seeds = seeds_folder(__doc__)
    coder, failed = Coder(), 0
    for prefix, published, words, expected in CHECKS:
        events = [e for e in seed_events(seeds, prefix, published, coder) if words in e.sentence]
        dates = sorted({f"{e.date} ({e.event_type}, {e.date_basis})" for e in events})
        ok = bool(dates) and all(d.startswith(expected + " ") for d in dates)
        failed += not ok
        found = ", ".join(dates) or "no event"
        print(f"{'PASS' if ok else 'FAIL'}  {prefix} published {published}  {words!r} → {found}")
    print(f"{len(CHECKS) - failed} of {len(CHECKS)} checks pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
