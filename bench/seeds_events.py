"""Events in the seed articles, with their publication dates supplied: the event coder issue's checks.

    python bench/seeds_events.py [--seeds DIR]          (or DYADWATCH_SEEDS=DIR)

For each check: the seed (by the start of its file name) is coded as published on the given
day; among the events of the sentence that contains the given words there must be one of an
expected type whose source includes the expected country and whose target includes the
expected one ("" = any), and, where given, with the expected modality. Prints PASS or FAIL with
the events of the sentence.
"""

from __future__ import annotations

import sys

from dyadwatch.coder import Coder
from dyadwatch.model import Event, countries
from seeds import seed_events, seeds_folder

CHECKS = [  # (file prefix, publication date, words of the sentence, types, source, target, modality)
    ("000", "2001-01-16", "last week's talks between", ("CONSULT",), "RUS", "AZE", None),
    ("000", "2001-01-16", "Putin made a point of thanking", ("SUPPORT",), "RUS", "AZE", None),
    ("000", "2001-01-16", "threatened to impose a visa regime", ("THREATEN",), "RUS", "AZE", None),
    ("000", "2001-01-16", "by handing over to the Russian", ("COOPERATE", "CONCEDE"), "AZE", "RUS", None),
    ("002", "2003-03-12", "two documents were signed", ("AGREE",), "RUS", "AZE", None),
    ("002", "2003-03-12", "Agreement on military-technical cooperation", ("AGREE",), "AZE", "RUS", None),
    ("001", "2004-02-11", "four intergovernmental agreements were signed", ("AGREE",), "AZE", "RUS", None),
    # 004 states no date; 2013-02-05 is after everything it names, and the check does not depend on it
    ("004", "2013-02-05", "had stopped the sale of anti aircraft", ("SANCTION",), "RUS", "AZE", None),
    ("002", "2003-03-12", "will be compelled to restore", ("THREATEN",), "AZE", "", "hypothetical"),
    ("003", "2024-08-20", "plans to meet with Armenian", ("CONSULT",), "RUS", "ARM", "future"),
]


def _matches(event: Event, types: tuple[str, ...], source: str, target: str, modality: str | None) -> bool:
    return (event.event_type in types and source in countries(event.actor)
            and (not target or target in countries(event.recipient))
            and (modality is None or event.modality == modality))


def _show(event: Event) -> str:
    sides = f"{','.join(countries(event.actor)) or '?'}→{','.join(countries(event.recipient)) or '?'}"
    return f"{event.event_type} {sides} {event.modality} ({event.trigger!r})"


def main() -> int:
    seeds = seeds_folder(__doc__)
    coder, failed = Coder(), 0
    for prefix, published, words, types, source, target, modality in CHECKS:
        events = [e for e in seed_events(seeds, prefix, published, coder) if words in e.sentence]
        ok = any(_matches(e, types, source, target, modality) for e in events)
        failed += not ok
        wanted = f"{'/'.join(types)} {source}→{target or 'any'}" + (f" {modality}" if modality else "")
        found = "; ".join(_show(e) for e in events) or "no event"
        print(f"{'PASS' if ok else 'FAIL'}  {prefix}  {words!r}: want {wanted}; found {found}")
    print(f"{len(CHECKS) - failed} of {len(CHECKS)} checks pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
