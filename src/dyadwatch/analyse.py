"""Analyse: a dyad's relationship over time, counted by event cluster, never by report.

A cluster (``Event.link``) is one real event, however many reports it has; it is dated by its
anchor, the report with the most precise and earliest date of its own (so a look-back in a later
article does not move it). A week counts in the year, quarter and month of its Thursday, as ISO
8601 gives a week the year of its Thursday ("2004-W01" is in 2004 though it begins on 29
December 2003). Only events that happened count: asserted or historical, dated. Every
figure can be traced to its clusters and their sentences.
"""

from __future__ import annotations

from collections.abc import Iterable

from .lexicon import code_names
from .model import (
    PRECISIONS,
    Actor,
    Analysis,
    Cluster,
    ContextRow,
    DateValue,
    Driver,
    Dyad,
    Event,
    Party,
    PeriodRow,
    TurningPoint,
)

COUNTED = ("asserted", "historical")
PERIODS = ("year", "quarter", "month")
_PER_YEAR = {"year": 1, "quarter": 4, "month": 12}
_PRECISION_RANK = {precision: rank for rank, precision in enumerate(PRECISIONS)}  # day, week, month, year
_OWN_DATE_RANK = {"stated": 0, "relative": 0, "document": 1}  # else: dated by its publication only


def cluster_period(cluster: Cluster, by: str) -> str | None:
    """The period a cluster's anchor falls in (None: undated, or less precise than the period)."""
    return period_of(cluster.anchor.date_value, by) if cluster.anchor.date_value else None


def period_of(date: DateValue, by: str) -> str | None:
    """The period a date falls in, or None when the date is less precise than the period (a year has
    no quarter); a week falls in the periods of its Thursday."""
    if by == "year":
        return str(date.year)
    if date.precision == "year":
        return None
    day = date.placing_day
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}" if by == "quarter" else f"{day.year}-{day.month:02d}"


def _period_number(period: str, by: str) -> int:
    year, _, part = period.partition("-")
    return int(year) * _PER_YEAR[by] + (int(part.lstrip("Q")) - 1 if part else 0)


def _period_label(number: int, by: str) -> str:
    year, part = divmod(number, _PER_YEAR[by])
    return {"year": f"{year}", "quarter": f"{year}-Q{part + 1}", "month": f"{year}-{part + 1:02d}"}[by]


def periods_between(first: str, last: str, by: str) -> list[str]:
    """Every period from ``first`` to ``last``, gaps included, so that a chart keeps time to scale."""
    return [_period_label(n, by) for n in range(_period_number(first, by), _period_number(last, by) + 1)]


def counted(event: Event) -> bool:
    """Events that happened and have a date: not negated, hypothetical, future or a reported claim."""
    return event.modality in COUNTED and event.date is not None


def clusters(events: Iterable[Event]) -> list[Cluster]:
    """The clusters of the events that count, in the order of their anchors' dates."""
    grouped: dict[str, list[Event]] = {}
    for event in events:
        if counted(event):
            grouped.setdefault(event.link or event.id, []).append(event)
    found = [Cluster(link, tuple(reports), min(reports, key=_anchor_order)) for link, reports in grouped.items()]
    return sorted(found, key=lambda c: (_first_day(c.anchor), c.link))


def _first_day(event: Event) -> str:
    return event.date_value.first_day.isoformat() if event.date_value else ""


def _anchor_order(event: Event) -> tuple[int, int, int, str, str]:
    """A date of its own (its sentence's or its document's) before one of its publication; then the most
    precise, its sentence's before its document's, the earliest."""
    own = _OWN_DATE_RANK.get(event.date_basis)
    return (0 if own is not None else 1, _PRECISION_RANK.get(event.date_precision or "", 4), own or 0,
            _first_day(event), event.id)


def dyad_series(events: Iterable[Event], by: str = "year") -> list[PeriodRow]:
    """One row per period with at least one event cluster, in time order."""
    return _series(clusters(events), by)


def _series(found: list[Cluster], by: str) -> list[PeriodRow]:
    periods: dict[str, list[Cluster]] = {}
    for cluster in found:
        period = cluster_period(cluster, by)
        if period is not None:
            periods.setdefault(period, []).append(cluster)
    rows = []
    for period in sorted(periods):
        chosen = [c.anchor for c in periods[period]]
        vc, mc, vf, mf = (sum(1 for e in chosen if e.quad_code == q) for q in (1, 2, 3, 4))
        rows.append(PeriodRow(period=period, index=_mean(e.intensity for e in chosen), clusters=len(chosen),
                              verbal_cooperation=vc, material_cooperation=mc, verbal_conflict=vf,
                              material_conflict=mf, cooperation=vc + mc, conflict=vf + mf))
    return rows


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return round(sum(items) / len(items), 2) if items else 0.0


def turning_points(found: list[Cluster], rows: list[PeriodRow], by: str, threshold: float = 2.5
                   ) -> list[TurningPoint]:
    """Periods whose index differs from the previous period with events by ``threshold`` or more;
    the drivers are the clusters of the period that pull the index that way, strongest first."""
    points = []
    for previous, row in zip(rows, rows[1:], strict=False):
        change = row.index - previous.index
        if abs(change) < threshold:
            continue
        inside = [c for c in found if cluster_period(c, by) == row.period]
        drivers = sorted(inside, key=lambda c: (-c.anchor.intensity if change > 0 else c.anchor.intensity, c.link))
        points.append(TurningPoint(period=row.period, previous=previous.period, before=previous.index,
                                   after=row.index, change=round(row.index - previous.index, 2),
                                   drivers=tuple(Driver.of(c) for c in drivers[:3])))
    return points


def context_rows(found: list[Cluster]) -> list[ContextRow]:
    """Clusters per context (military, energy, diplomatic, …), with their cooperation–conflict index."""
    by_context: dict[str, list[Event]] = {}
    for cluster in found:
        for context in sorted({c for e in cluster.reports for c in e.context}) or ["none"]:
            by_context.setdefault(context, []).append(cluster.anchor)
    rows = [ContextRow(context, len(anchors), sum(1 for e in anchors if e.quad_code in (1, 2)),
                       sum(1 for e in anchors if e.quad_code in (3, 4)), _mean(e.intensity for e in anchors))
            for context, anchors in by_context.items()]
    return sorted(rows, key=lambda r: (-r.clusters, r.context))


def third_parties(events: Iterable[Event], dyad: Dyad) -> list[Party]:
    """Countries and organisations that take part in events with either side of the dyad, by clusters."""
    seen: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for event in events:
        if not counted(event):
            continue
        sides = event.actor + event.recipient
        codes = {a.country for a in sides if a.country}
        if not codes & set(dyad.codes):
            continue
        for actor in sides:
            if actor.country and actor.country not in dyad.codes:
                seen.setdefault(actor.country, set()).add(event.link or event.id)
                names.setdefault(actor.country, _party_name(actor))
    return sorted((Party(code, names[code], len(links)) for code, links in seen.items()),
                  key=lambda p: (-p.count, p.code))


def _party_name(actor: Actor) -> str:
    """A third party by the name of its country or organisation, never by a bare code."""
    code = actor.country or ""
    return code_names().get(code) or (actor.name if actor.sector == "IGO" or not code else code)


def speakers(events: Iterable[Event], dyad: Dyad) -> list[Party]:
    """Who is quoted most in events that involve the dyad: persons (else the side) by distinct quotes."""
    quotes: dict[str, set[str]] = {}
    codes: dict[str, str] = {}
    for event in events:
        if event.quote is None or not {a.country for a in event.actor + event.recipient} & set(dyad.codes):
            continue
        for actor in event.actor:
            quotes.setdefault(actor.name, set()).add(event.quote)
            codes.setdefault(actor.name, actor.country or "?")
    return sorted((Party(codes[name], name, len(said)) for name, said in quotes.items()),
                  key=lambda p: (-p.count, p.name))


def analyse(events: list[Event], dyad: Dyad, by: str = "year", threshold: float = 2.5) -> Analysis:
    """The dyad's analysis from all stored events (the dyad's own, and those with third parties)."""
    between = [e for e in events if dyad.involves(e)]
    found = clusters(between)
    rows = _series(found, by)
    return Analysis(dyad=str(dyad), by=by, clusters=len(found), reports=sum(len(c.reports) for c in found),
                    series=tuple(rows), contexts=tuple(context_rows(found)),
                    turning_points=tuple(turning_points(found, rows, by, threshold)),
                    third_parties=tuple(third_parties(events, dyad)[:10]), speakers=tuple(speakers(events, dyad)[:10]))
