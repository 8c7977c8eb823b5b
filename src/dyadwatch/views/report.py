"""The HTML report: one self-contained file, a chart of cooperation and conflict over time and
the events with their sentences. Article text is always escaped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..analyse import analyse, cluster_period, clusters, counted, periods_between
from ..model import Analysis, Cluster, Dyad, Event, MapPoint, PeriodRow, TurningPoint
from .worldmap import map_svg

_WIDTH, _HEIGHT, _PAD, _LABEL_WIDTH = 900, 260, 40, 64


@dataclass(frozen=True)
class ReportContext:
    dyad: str
    by: str
    generated: str
    rows: list[PeriodRow]
    dated: list[Event]
    undated: list[Event]
    not_counted: int
    documents: dict[str, dict[str, Any]]
    analysis: Analysis
    timeline: list[Cluster]  # the dyad's clusters in date order: what every figure rests on
    by_link: dict[str, Cluster]  # the same, by link: the clusters behind each turning point
    summaries: list[tuple[str, str]]  # period, a plain-language account of it
    actors: list[tuple[str, str, int]]  # name, country, events
    quotes: list[Event]
    places: list[MapPoint]  # where the dyad's asserted events happened, for the map


def build_context(events: list[Event], dyad: Dyad, documents: list[dict[str, Any]],
                  by: str = "year", places: list[MapPoint] | None = None) -> ReportContext:
    """Everything the report shows, from all stored events (third parties need more than the dyad's)."""
    analysis = analyse(events, dyad, by)
    between = [e for e in events if dyad.involves(e)]
    cited = {e.doc_id for e in between}
    timeline = clusters(between)
    return ReportContext(
        dyad="–".join(dyad.codes),
        by=by,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        rows=list(analysis.series),
        dated=[e for e in between if e.date is not None],
        undated=[e for e in between if e.date is None],
        not_counted=sum(1 for e in between if not counted(e)),
        documents={d["doc_id"]: d for d in documents if d["doc_id"] in cited},
        analysis=analysis,
        timeline=timeline,
        by_link={c.link: c for c in timeline},
        summaries=period_summaries(analysis, timeline),
        actors=_actors(between, dyad),
        quotes=[e for e in between if e.quote],
        places=sorted(places or [], key=lambda p: (-sum(p.reports), p.name)),
    )


def _actors(events: list[Event], dyad: Dyad) -> list[tuple[str, str, int]]:
    """The persons and bodies of either side that act most often in the dyad's events."""
    seen: dict[tuple[str, str], set[str]] = {}
    for event in events:
        for actor in event.actor + event.recipient:
            if actor.country in dyad.codes and actor.name != actor.country:
                seen.setdefault((actor.name, actor.country or "?"), set()).add(event.link or event.id)
    ranked = sorted(((name, country, len(links)) for (name, country), links in seen.items()),
                    key=lambda item: (-item[2], item[0]))
    return ranked[:12]


def period_summaries(analysis: Analysis, timeline: list[Cluster]) -> list[tuple[str, str]]:
    """One plain-language paragraph a period, written from its figures and its strongest events."""
    points = {p.period: p for p in analysis.turning_points}
    summaries = []
    for row in analysis.series:
        inside = [c for c in timeline if cluster_period(c, analysis.by) == row.period]
        strongest = sorted(inside, key=lambda c: (-abs(c.anchor.intensity), c.link))[:3]
        text = (f"{row.clusters} event{'s' if row.clusters != 1 else ''}: {row.cooperation} cooperative, "
                f"{row.conflict} conflictual; index {row.index:+.1f}")
        point = points.get(row.period)
        if point is not None:
            text += (f", {'warmer' if point.change > 0 else 'cooler'} than {point.previous} "
                     f"({point.before:+.1f}): a turning point")
        if strongest:
            text += ". Main events: " + "; ".join(_told(c) for c in strongest)
        summaries.append((row.period, text + "."))
    return summaries


def _told(cluster: Cluster) -> str:
    event = cluster.anchor
    actor = ", ".join(sorted({a.name for a in event.actor})) or "?"
    recipient = ", ".join(sorted({a.name for a in event.recipient})) or "?"
    return f"{actor} {_VERBS.get(event.event_type, event.event_type.lower())} {recipient} ({event.date})"


_VERBS = {"AGREE": "agreed with", "CONSULT": "met", "SUPPORT": "supported", "CONCEDE": "conceded to",
          "COOPERATE": "cooperated with", "AID": "aided", "RETREAT": "withdrew from or released to",
          "REQUEST": "asked", "ACCUSE": "accused", "REJECT": "rejected", "THREATEN": "threatened",
          "PROTEST": "protested against", "MOBILIZE": "mobilised against", "SANCTION": "sanctioned",
          "COERCE": "coerced", "ASSAULT": "attacked"}


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("dyadwatch", "templates"), autoescape=select_autoescape(["html", "j2"]))


def render(context: ReportContext) -> str:
    env = _environment().overlay()  # the report's filters, on the one environment the chart uses too
    env.filters["sentence"] = highlighted_sentence
    env.filters["web_url"] = _web_url
    env.filters["actors"] = lambda actors: ", ".join(f"{a.name} ({a.country or '?'})" for a in actors)
    env.filters["where"] = _where
    chart = chart_svg(context.rows, context.by, context.analysis.turning_points)
    return env.get_template("report.html.j2").render(c=context, chart=chart, map=Markup(map_svg(context.places)))


def _where(event: Event) -> str:
    """Where an event happened, as the table shows it: "Tartar, AZE (near; from the sentence)"."""
    place = event.location
    if place is None:
        return "—"
    how = {1: "at the place", 2: "near or within", 3: "country or sea"}.get(place.precision or 0, "name only")
    return f"{place.name}{', ' + place.country if place.country else ''} ({how}; from the {place.basis})"


def _web_url(url: object) -> str | None:
    """Only http(s) links reach the page: never javascript: or data: from an article's metadata."""
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) else None


def highlighted_sentence(event: Event) -> Markup:
    """The sentence, escaped, with its trigger word marked."""
    text = event.sentence
    found = re.search(rf"\b{re.escape(event.trigger)}\b", text) if event.trigger else None
    if found is None:
        return escape(text)
    at, end = found.span()
    return escape(text[:at]) + Markup("<mark>") + escape(text[at:end]) + Markup("</mark>") + escape(text[end:])


@dataclass(frozen=True)
class _Slot:
    """One period's place on the chart: its label (when it fits), its bars and index point, its marker."""

    period: str
    x: float
    width: float
    label: bool
    row: PeriodRow | None
    up: float
    down: float
    point: TurningPoint | None


def chart_svg(rows: list[PeriodRow], by: str = "year", turning: tuple[TurningPoint, ...] = ()) -> Markup:
    """Bars of cooperation (up) and conflict (down) per period, the index as a line, and a marker
    on each turning point. Periods without events keep their place, so the time axis is to scale.
    The geometry is computed here; ``templates/chart.svg.j2`` writes it."""
    if not rows:
        return Markup('<p class="empty">No dated events that happened between these two sides yet.</p>')
    by_period = {r.period: r for r in rows}
    periods = periods_between(rows[0].period, rows[-1].period, by)
    top = max(max(r.cooperation, r.conflict) for r in rows) or 1
    step = (_WIDTH - 2 * _PAD) / len(periods)
    middle = _HEIGHT / 2
    scale = (middle - _PAD / 2) / top
    every = max(1, -(-len(periods) * _LABEL_WIDTH // (_WIDTH - 2 * _PAD)))  # labels that fit side by side
    slots = []
    for i, period in enumerate(periods):
        row = by_period.get(period)
        slots.append(_Slot(period, _PAD + i * step + step * 0.15, step * 0.7, i % every == 0, row,
                           row.cooperation * scale if row else 0.0, row.conflict * scale if row else 0.0,
                           next((p for p in turning if p.period == period), None)))
    line = " ".join(f"{s.x + s.width / 2:.1f},{middle - s.row.index / 10 * (middle - _PAD / 2):.1f}"
                    for s in slots if s.row is not None)
    template = _environment().get_template("chart.svg.j2")
    return Markup(template.render(slots=slots, line=line, width=_WIDTH, height=_HEIGHT, pad=_PAD, middle=middle))
