"""Compare: a dyad in dyadwatch's events and in another dataset's (GDELT, ICEWS, POLECAT), period by
period, with what each has that the other lacks, so that a user can see which coder is right.

Ours are counted by cluster, theirs by event (they publish no clusters; GDELT in particular repeats
one occurrence in many rows). Both indexes are the mean PLOVER intensity of what is counted, theirs
from the PLOVER type of each event's CAMEO code (or its own type, for POLECAT); their events with no
PLOVER type (CAMEO's public statements and investigations) are counted apart and not compared. One of
our clusters and one of their events are the same when they have the same quad class and their days
are at most ``within`` apart (a cluster dated by a week, month or year spans its days); both are the
dyad's, either way round. Only the days both cover are compared: from the later of the two first
days to the earlier of the two last, ``within`` days wider (what lies outside is counted, not listed)."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from .analyse import clusters, dyad_series, period_of
from .model import Cluster, ComparedPeriod, Comparison, DateValue, Driver, Dyad, Event, ExternalEvent

WITHIN = 3  # days
MAX_WITHIN = 60
SHOWN = 20  # their events we lack, listed


def compare(events: Iterable[Event], theirs: Sequence[ExternalEvent], dyad: Dyad, dataset: str, by: str = "year",
            within: int = WITHIN, shown: int = SHOWN) -> Comparison:
    between = [e for e in events if dyad.involves(e)]
    every = [c for c in clusters(between) if c.anchor.date_value is not None]
    typed = [t for t in theirs if t.event_type is not None and t.quad_code is not None]
    span = _common_days(every, typed, within)
    ours = [c for c in every if span and span[0] <= _day(c) <= span[1]]
    inside = [t for t in typed if span and span[0] <= date.fromisoformat(t.date) <= span[1]]
    kept = {c.link for c in ours}
    periods = _periods([e for e in between if (e.link or e.id) in kept], inside, by)
    their_days = {(t.quad_code, date.fromisoformat(t.date)) for t in inside}
    ours_only = [c for c in ours if not any((c.anchor.quad_code, day) in their_days for day in _days(c, within))]
    our_days = {(c.anchor.quad_code, day) for c in ours for day in _days(c, within)}
    theirs_only = [t for t in inside if (t.quad_code, date.fromisoformat(t.date)) not in our_days]
    both = [p for p in periods if p.index is not None and p.their_index is not None]
    latest = sorted(theirs_only, key=lambda t: (t.date, t.id), reverse=True)[:shown]
    return Comparison(
        dataset=dataset, dyad=str(dyad), by=by, within=within, periods=tuple(periods),
        start=span[0].isoformat() if span else None, end=span[1].isoformat() if span else None,
        outside=len(every) - len(ours), their_outside=len(typed) - len(inside),
        index_correlation=_correlation([p.index or 0.0 for p in both], [p.their_index or 0.0 for p in both]),
        count_correlation=_correlation([float(p.clusters) for p in periods], [float(p.theirs) for p in periods]),
        matched=len(ours) - len(ours_only), ours_only=tuple(Driver.of(c) for c in ours_only),
        their_matched=len(inside) - len(theirs_only), their_unmatched=len(theirs_only), theirs_only=tuple(latest),
        left_out=len(theirs) - len(typed))


def _day(cluster: Cluster) -> date:
    """The first day of a dated cluster's anchor."""
    assert cluster.anchor.date_value is not None
    return cluster.anchor.date_value.first_day


def _common_days(ours: list[Cluster], theirs: list[ExternalEvent], within: int) -> tuple[date, date] | None:
    """The days from the later of the two first days to the earlier of the two last, ``within`` days
    wider on each side (None: none): what both cover, so that a dataset imported for a month is not
    said to lack our other years."""
    if not ours or not theirs:
        return None
    days, wider = [date.fromisoformat(t.date) for t in theirs], timedelta(days=within)
    first = max(min(map(_day, ours)), min(days)) - wider
    last = min(max(map(_day, ours)), max(days)) + wider
    return (first, last) if first <= last else None


def _periods(between: list[Event], typed: list[ExternalEvent], by: str) -> list[ComparedPeriod]:
    rows = {row.period: row for row in dyad_series(between, by)}
    theirs: dict[str, list[float]] = {}
    for event in typed:
        period = period_of(DateValue(event.date, "day"), by)
        if period is not None:
            theirs.setdefault(period, []).append(event.intensity or 0.0)
    return [ComparedPeriod(period=period, clusters=rows[period].clusters if period in rows else 0,
                           index=rows[period].index if period in rows else None, theirs=len(theirs.get(period, ())),
                           their_index=round(statistics.fmean(theirs[period]), 2) if period in theirs else None)
            for period in sorted(set(rows) | set(theirs))]


def _days(cluster: Cluster, within: int) -> list[date]:
    """The days a cluster's anchor covers, widened by ``within`` on each side."""
    when = cluster.anchor.date_value
    if when is None:
        return []
    first, last = when.first_day - timedelta(days=within), when.last_day + timedelta(days=within)
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _correlation(ours: list[float], theirs: list[float]) -> float | None:
    """Pearson's r of two series, or None with fewer than 3 periods or a series that never changes."""
    if len(ours) < 3 or len(set(ours)) < 2 or len(set(theirs)) < 2:
        return None
    return round(statistics.correlation(ours, theirs), 2)
