"""Link: the reports of one real event, across sentences and articles, form one cluster.

Two coded events are the same occurrence when they have the same type, sides that overlap (either
way round for meetings, agreements and cooperation) and dates that fit: days at most a window
apart (three days for meetings and visits, which last, one otherwise), or a week, month or year
that holds the other's day when exactly one cluster fits. A sentence that looks back ("had signed",
"were subsequently signed") and has no date but its article's joins the latest earlier cluster
of its type and sides instead of making a new event on the publication day; so does any report
dated only by its article when an event of its kind and sides happened in the two weeks before
("the two presidents also discussed …" in a weekly about last week's visit). Events without a
date or without two sides stay on their own.

A cluster's id comes from its anchor, the report with the most precise and earliest date: the
same input gives the same ids on every run, whatever the order. A report's cluster depends only on
the anchors of the clusters made before it, so the events before a change keep their links, and
linking can start from the anchors already made (``fixed``; see relink.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .model import PRECISIONS, LinkRow

SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
_WINDOW_DAYS = {"CONSULT": 3}
_PRECISION_RANK = {precision: rank for rank, precision in enumerate(PRECISIONS)}  # day, week, month, year
_RECENT_DAYS = 14  # a report dated only by its article joins an event of its kind this recent


@dataclass
class _Cluster:
    anchor: LinkRow
    members: list[LinkRow]
    order: int  # when it was made: of two that fit, the first made wins


class _Clusters:
    """The clusters made so far, of one event type (clusters never mix types), with those anchored on
    a day also kept under that day: a report of a day is compared only with clusters a few days off,
    not with every one (linking is then near linear in the events, not quadratic)."""

    def __init__(self) -> None:
        self.all: list[_Cluster] = []
        self.on_day: dict[int, list[_Cluster]] = {}

    def add(self, row: LinkRow, order: int) -> None:
        cluster = _Cluster(row, [row], order)
        self.all.append(cluster)
        if row.precision == "day":
            self.on_day.setdefault(_first(row).toordinal(), []).append(cluster)

    def same_days(self, row: LinkRow) -> _Cluster | None:
        """The first made cluster anchored on a day within the row's window that fits it."""
        day, window = _first(row).toordinal(), max(_WINDOW_DAYS.values(), default=1)
        near = sorted((c for d in range(day - window, day + window + 1) for c in self.on_day.get(d, ())),
                      key=lambda c: c.order)
        return next((c for c in near if _same_days(c.anchor, row)), None)


def link_events(rows: Iterable[LinkRow], fixed: Iterable[LinkRow] = ()) -> dict[str, str]:
    """Map each event id to its cluster id (an event on its own keeps its id unless it is dated).
    ``fixed`` are anchors of clusters made before (stored, linkable, not among ``rows``): each makes
    its cluster where it comes in the order, and gets no link here."""
    made_before = {row.id for row in fixed}
    usable = sorted([*rows, *fixed], key=lambda r: (_order(r), r.id))
    by_type: dict[str, _Clusters] = {}
    alone: list[LinkRow] = []
    made = 0
    for row in usable:
        if not linkable(row):
            alone.append(row)
            continue
        clusters = by_type.get(row.event_type) or by_type.setdefault(row.event_type, _Clusters())
        if row.id in made_before:
            joined = None
        elif row.looks_back:  # the latest earlier event, else a report of the same days (a reprint)
            joined = _latest_before(clusters.all, row) or clusters.same_days(row)
        elif row.precision == "day":
            joined = clusters.same_days(row)
            if joined is None and row.basis == "publication":  # told after the fact: "the presidents discussed"
                joined = _latest_before(clusters.all, row, _RECENT_DAYS)
        else:
            holding = [c for c in clusters.all if _holds(row, c.anchor)]
            joined = holding[0] if len(holding) == 1 else None
        if joined is None:
            clusters.add(row, made)
            made += 1
        else:
            joined.members.append(row)
    links = {row.id: row.id for row in alone}
    for clusters in by_type.values():
        for cluster in clusters.all:
            cluster_id = _cluster_id(cluster.anchor)
            links.update((member.id, cluster_id) for member in cluster.members if member.id not in made_before)
    return links


def linkable(row: LinkRow) -> bool:
    """Dated, with a side on each hand: the events that can share a cluster with others."""
    return row.first is not None and bool(row.actors) and bool(row.recipients)


def anchors(row: LinkRow) -> bool:
    """Whether a stored row anchors its cluster, as far as linking can tell: its link is the id it
    gives a cluster (another report of the same type, sides and date would give the same id, and
    stands for the anchor equally well)."""
    return row.link is not None and row.link == _cluster_id(row)


def _order(row: LinkRow) -> tuple[int, str, int]:
    """Precise dates first, then coarser ones, then the ones that look back; earliest first, and of two
    that begin on one day the coarser first (a year before its January)."""
    if row.date is None or row.precision not in _PRECISION_RANK:
        return (3, "", 0)
    return (2 if row.looks_back else 0 if row.precision == "day" else 1, _first(row).isoformat(),
            -_PRECISION_RANK[row.precision or ""])


def sides_fit(a: LinkRow, b: LinkRow) -> bool:
    if a.event_type != b.event_type:
        return False
    straight = bool(set(a.actors) & set(b.actors)) and bool(set(a.recipients) & set(b.recipients))
    crossed = bool(set(a.actors) & set(b.recipients)) and bool(set(a.recipients) & set(b.actors))
    return straight or (a.event_type in SYMMETRIC and crossed)


def _same_days(anchor: LinkRow, row: LinkRow) -> bool:
    if anchor.precision != "day" or not sides_fit(anchor, row):
        return False
    gap = abs((_first(row) - _first(anchor)).days)
    return gap <= _WINDOW_DAYS.get(row.event_type, 1)


def _holds(coarse: LinkRow, anchor: LinkRow) -> bool:
    """A week, month or year report of the anchor's event: same type and sides, the anchor inside it."""
    return sides_fit(coarse, anchor) and coarse.when.holds(anchor.when)


def _latest_before(clusters: list[_Cluster], row: LinkRow, within: int | None = None) -> _Cluster | None:
    """The latest cluster of the row's type and sides dated before it (at most ``within`` days before)."""
    earlier = [c for c in clusters if sides_fit(c.anchor, row) and _first(c.anchor) < _first(row)
               and (within is None or _days_between(c.anchor, row) <= within)]
    return max(earlier, key=lambda c: _first(c.anchor), default=None)


def _days_between(anchor: LinkRow, row: LinkRow) -> int:
    """Days from the first day the anchor covers to the row's day."""
    return (_first(row) - _first(anchor)).days


def _first(row: LinkRow) -> date:
    """The first day a dated row covers."""
    assert row.first is not None
    return row.first


def _cluster_id(anchor: LinkRow) -> str:
    sides = [",".join(sorted(anchor.actors)), ",".join(sorted(anchor.recipients))]
    if anchor.event_type in SYMMETRIC:
        sides.sort()
    key = f"{anchor.event_type}|{sides[0]}|{sides[1]}|{anchor.date}"
    return "L" + hashlib.sha1(key.encode()).hexdigest()[:15]
