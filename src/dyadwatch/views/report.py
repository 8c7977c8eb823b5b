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

from ..analyse import analyse, cluster_period, clusters, counted
from ..lexicon import code_names
from ..model import Actor, Analysis, Cluster, Comparison, Dyad, Event, MapPoint, PeriodRow
from .analysis import NAMES, span_text
from .chart import chart_svg, comparison_svg
from .words import correlation_text, counted_noun, index_text
from .worldmap import map_svg


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
    comparisons: list[Comparison]  # the dyad held against other datasets imported


def build_context(events: list[Event], dyad: Dyad, documents: list[dict[str, Any]],
                  by: str = "year", places: list[MapPoint] | None = None,
                  comparisons: list[Comparison] | None = None) -> ReportContext:
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
        comparisons=comparisons or [],
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
        text = (f"{counted_noun(row.clusters, 'event')}: {row.cooperation} cooperative and {row.conflict} "
                f"conflictual; index {index_text(row.index)}")
        point = points.get(row.period)
        if point is not None:
            text += (f", {'warmer' if point.change > 0 else 'cooler'} than {point.previous} "
                     f"({index_text(point.before)}): a turning point")
        if strongest:
            text += ". " + " ".join(told(c.anchor) for c in strongest)
        summaries.append((row.period, text if text.endswith(".") else text + "."))
    return summaries


def told(event: Event) -> str:
    """The event as a person says it, from its sides and type: "Vladimir Putin and Heydar Aliyev
    signed an agreement on 9 January 2001." A recipient already among the actors ("Aliyev and Putin
    agreed with Azerbaijan") is left out, and the act is then told of the actors together."""
    doers = _names(event.actor)
    done_to = _names(tuple(a for a in event.recipient if a.country not in {x.country for x in event.actor}))
    alone, towards = _VERBS.get(event.event_type, (event.event_type.lower(), event.event_type.lower()))
    who = _joined(doers) or "someone not named"
    what = f"{towards} {_joined(done_to)}" if done_to else alone
    when = _when(event)
    return f"{who[0].upper()}{who[1:]} {what}{' ' + when if when else ''}."


def _names(actors: tuple[Actor, ...]) -> list[str]:
    """Each actor once, a country by its name: "Vladimir Putin", "Azerbaijan"."""
    names = code_names()
    return list(dict.fromkeys(names.get(a.name, a.name) if a.name == a.country else a.name for a in actors))


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


def _when(event: Event) -> str:
    """The event's date as words: "on 9 January 2001", "in March 2004", "in the week of 2004-W12", "in 2001"."""
    value = event.date_value
    if value is None:
        return ""
    day = value.first_day
    return {"day": f"on {day.day} {day:%B %Y}", "month": f"in {day:%B %Y}", "week": f"in the week of {value.value}",
            "year": f"in {day.year}"}[value.precision]


# What each type of event is, said without and with a recipient.
_VERBS = {"AGREE": ("reached an agreement", "reached an agreement with"), "CONSULT": ("met", "met"),
          "SUPPORT": ("gave support", "backed"), "CONCEDE": ("made a concession", "made a concession to"),
          "COOPERATE": ("cooperated", "cooperated with"), "AID": ("gave aid", "gave aid to"),
          "RETREAT": ("stepped back", "stepped back in favour of"), "REQUEST": ("made a request", "asked"),
          "ACCUSE": ("made accusations", "accused"), "REJECT": ("refused", "rejected a demand of"),
          "THREATEN": ("made threats", "threatened"), "PROTEST": ("protested", "protested against"),
          "MOBILIZE": ("mobilised", "mobilised against"), "SANCTION": ("imposed sanctions", "sanctioned"),
          "COERCE": ("used force short of attack", "coerced"), "ASSAULT": ("attacked", "attacked")}


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("dyadwatch", "templates"), autoescape=select_autoescape(["html", "j2"]))


def render(context: ReportContext) -> str:
    env = _environment().overlay()  # the report's filters, on the one environment the chart uses too
    env.filters["sentence"] = highlighted_sentence
    env.filters["web_url"] = _web_url
    env.filters["actors"] = _actors_text
    env.filters["where"] = _where
    env.filters["index"] = index_text
    env.filters["counted"] = counted_noun
    env.filters["correlation"] = correlation_text
    env.filters["span"] = span_text
    chart = Markup(chart_svg(context.rows, context.by, context.analysis.turning_points))
    compared = [Markup(comparison_svg(c, NAMES[c.dataset])) for c in context.comparisons]
    return env.get_template("report.html.j2").render(c=context, chart=chart, map=Markup(map_svg(context.places)),
                                                     compared=compared, names=NAMES)


def _actors_text(actors: tuple[Actor, ...]) -> str:
    """A side as the tables show it: "Vladimir Putin (RUS), Russia (RUS)"; "unknown" once for none."""
    return ", ".join(f"{a.name} ({a.country or 'no country'})" for a in actors) or "unknown"


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
