"""Alerts on a watched dyad: a new event as violent as asked (intensity ≤ −7 by default) or of a chosen
type; the current period's index past a level; a turning point in the current period. Each names its
events and sources and has an id made from what it is about, so that it is raised once however often
the same news is polled. Said as one console line, appended to a JSONL log, and POSTed to a webhook."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from ..analyse import analyse, cluster_period, clusters, counted, dyad_series, period_of
from ..lexicon import code_names
from ..model import TIMESTAMP, Actor, Alert, DateValue, Dyad, Event
from ..store import Store
from ..views.words import index_text

INTENSITY = -7.0
_PERIOD_DAYS = {"year": 366, "quarter": 92, "month": 31}


@dataclass(frozen=True)
class AlertRules:
    dyad: Dyad | None = None  # None: every event of any dyad, and no index alerts
    intensity: float = INTENSITY  # an event this violent or more
    types: frozenset[str] = frozenset()  # or of one of these types
    index_level: float | None = None  # the current period's index at or past this (below it when negative)
    by: str = "year"
    log: Path | None = None
    webhook: str | None = None


def raised(new: Sequence[Event], stored: Iterable[Event], rules: AlertRules) -> list[Alert]:
    """The alerts the events just coded (``new``) raise, in the light of the stored events of the dyad
    (``recent_events``: enough for its last two periods)."""
    now = datetime.now(UTC).strftime(TIMESTAMP)
    found = []
    for event in new:
        if not counted(event) or (rules.dyad is not None and not rules.dyad.involves(event)):
            continue
        if event.intensity <= rules.intensity or event.event_type in rules.types:
            found.append(Alert(f"event:{event.link or event.id}", now, "event", _dyad_of(event, rules), _told(event),
                               (event.id,), event.sources or (event.doc_id,)))
    if rules.dyad is not None and new:
        found += _index_alerts(list(stored), rules, now)
    return found


def recent_events(store: Store, dyad: Dyad, by: str) -> list[Event]:
    """Enough of the dyad's events to tell its last two periods whole (what index alerts compare), not
    all of them: those of the clusters with a report in the last two periods' span, a span that doubles
    until two whole periods lie inside it (or it holds every event)."""
    days = store.dyad_days(dyad)
    if days is None:
        return []
    first, last = days
    span = timedelta(days=2 * _PERIOD_DAYS[by])
    while True:
        since = last - span
        events = store.dyad_events_since(dyad, since)
        # a cluster is whole when its anchor is on or after ``since``: so is one in a period after the
        # week after it (a week is placed by its Thursday)
        edge = period_of(DateValue((since + timedelta(days=7)).isoformat(), "day"), by)
        whole = [row for row in dyad_series([e for e in events if dyad.involves(e)], by)
                 if edge is not None and row.period > edge]
        if len(whole) >= 2 or since <= first:
            return events
        span *= 2


def _index_alerts(events: list[Event], rules: AlertRules, now: str) -> list[Alert]:
    dyad = rules.dyad
    assert dyad is not None
    analysis = analyse(events, dyad, rules.by)
    if not analysis.series:
        return []
    current = analysis.series[-1]
    inside = [c for c in clusters(e for e in events if dyad.involves(e))
              if cluster_period(c, rules.by) == current.period]
    ids = tuple(sorted(e.id for c in inside for e in c.reports))
    sources = tuple(sorted({d for c in inside for d in c.documents}))
    found = []
    level = rules.index_level
    if level is not None and (current.index <= level if level < 0 else current.index >= level):
        found.append(Alert(f"index:{dyad}:{current.period}:{level}", now, "index", str(dyad),
                           f"{dyad} {current.period}: index {index_text(current.index)}, past the level "
                           f"{index_text(level)} ({current.clusters} clusters)", ids, sources))
    for point in analysis.turning_points:
        if point.period == current.period:
            direction = "warmer" if point.change > 0 else "cooler"
            found.append(Alert(f"turning:{dyad}:{point.period}:{direction}", now, "turning point", str(dyad),
                               f"{dyad} {point.period}: a turning point, {direction} than {point.previous} (index "
                               f"{index_text(point.before)} → {index_text(point.after)})", ids, sources))
    return found


def _dyad_of(event: Event, rules: AlertRules) -> str:
    if rules.dyad is not None:
        return str(rules.dyad)
    sides = [sorted({a.country for a in side if a.country}) for side in (event.actor, event.recipient)]
    return "-".join(",".join(codes) or "unknown" for codes in sides)


def _told(event: Event) -> str:
    def side(actors: tuple[Actor, ...]) -> str:
        names = code_names()
        return " and ".join(sorted({names.get(a.name, a.name) if a.name == a.country else a.name for a in actors})) \
            or "someone not named"

    return (f"{event.date or 'undated'} {event.event_type} (intensity {event.intensity:+.0f}): {side(event.actor)} → "
            f"{side(event.recipient)}: {event.sentence}")


def announce(alerts: Sequence[Alert], rules: AlertRules, say: Callable[[str], None] = print) -> list[str]:
    """Say each alert on one line, append it to the log, POST it to the webhook; the problems met, in words."""
    problems = []
    for alert in alerts:
        say(f"ALERT {alert.kind}: {alert.message} [{', '.join(alert.sources)}]")
    if rules.log is not None and alerts:
        try:
            with rules.log.open("a", encoding="utf-8") as log:
                log.writelines(json.dumps(asdict(alert), ensure_ascii=False) + "\n" for alert in alerts)
        except OSError as error:
            problems.append(f"alert log {rules.log}: cannot be written ({error.strerror or error})")
    if rules.webhook and alerts:
        try:
            answer = httpx.post(rules.webhook, json={"alerts": [asdict(a) for a in alerts]}, timeout=10.0)
            if answer.status_code >= 400:
                problems.append(f"webhook {rules.webhook}: answered {answer.status_code}")
        except httpx.HTTPError as error:
            problems.append(f"webhook {rules.webhook}: cannot be reached ({type(error).__name__})")
    return problems
