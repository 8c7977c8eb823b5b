"""Analyse v1: a dyad's cooperation and conflict per period, counted by event cluster."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Event

COUNTED = ("asserted", "historical")


@dataclass(frozen=True)
class PeriodRow:
    """One period of a dyad's history; ``index`` is the mean intensity (−10..+10) of its clusters."""

    period: str
    clusters: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    index: float

    @property
    def cooperation(self) -> int:
        return self.verbal_cooperation + self.material_cooperation

    @property
    def conflict(self) -> int:
        return self.verbal_conflict + self.material_conflict


def period_of(date: str, by: str) -> str | None:
    """The period a date falls in, or None when the date is less precise than the period."""
    year, _, rest = date.partition("-")
    if by == "year":
        return year
    if not rest:
        return None
    month = int(rest[:2])
    return f"{year}-Q{(month - 1) // 3 + 1}" if by == "quarter" else f"{year}-{month:02d}"


_PER_YEAR = {"year": 1, "quarter": 4, "month": 12}
PERIODS = tuple(_PER_YEAR)


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


def dyad_series(events: Iterable[Event], by: str = "year") -> list[PeriodRow]:
    """One row per period with at least one event cluster, in time order."""
    clusters: dict[str, dict[str, Event]] = {}
    for event in events:
        if counted(event):
            period = period_of(event.date or "", by)
            if period is not None:
                clusters.setdefault(period, {}).setdefault(event.link or event.id, event)
    rows = []
    for period in sorted(clusters):
        chosen = list(clusters[period].values())
        quads = [sum(1 for e in chosen if e.quad_code == q) for q in (1, 2, 3, 4)]
        index = round(sum(e.intensity for e in chosen) / len(chosen), 2)
        rows.append(PeriodRow(period, len(chosen), quads[0], quads[1], quads[2], quads[3], index))
    return rows
