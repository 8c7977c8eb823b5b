"""Link v1: reports of the same event (same type, same sides, same day) share one cluster id.

Cluster ids come from what the events say, so the same input gives the same ids on every run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

_SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}


def link_events(rows: Iterable[tuple[str, str, list[str], list[str], str | None, str | None]]) -> dict[str, str]:
    """Map each event id to its cluster id; an event without a day date is its own cluster."""
    links: dict[str, str] = {}
    for event_id, event_type, actors, recipients, date, precision in rows:
        if date is None or precision != "day" or not actors or not recipients:
            links[event_id] = event_id
            continue
        sides = [",".join(sorted(actors)), ",".join(sorted(recipients))]
        if event_type in _SYMMETRIC:
            sides.sort()
        key = f"{event_type}|{sides[0]}|{sides[1]}|{date}"
        links[event_id] = "L" + hashlib.sha1(key.encode()).hexdigest()[:15]
    return links
