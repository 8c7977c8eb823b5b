"""The HTML report: one self-contained file, a chart of cooperation and conflict over time and
the events with their sentences. Article text is always escaped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from .analyse import PeriodRow, counted, dyad_series, periods_between
from .model import Event

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


def build_context(events: list[Event], dyad: tuple[str, str], documents: list[dict[str, Any]],
                  by: str = "year") -> ReportContext:
    cited = {e.doc_id for e in events}
    return ReportContext(
        dyad="–".join(dyad),
        by=by,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        rows=dyad_series(events, by),
        dated=[e for e in events if e.date is not None],
        undated=[e for e in events if e.date is None],
        not_counted=sum(1 for e in events if not counted(e)),
        documents={d["doc_id"]: d for d in documents if d["doc_id"] in cited},
    )


def render(context: ReportContext) -> str:
    env = Environment(loader=PackageLoader("dyadwatch", "templates"), autoescape=select_autoescape(["html", "j2"]))
    env.filters["sentence"] = highlighted_sentence
    env.filters["web_url"] = _web_url
    env.filters["actors"] = lambda actors: ", ".join(f"{a.name} ({a.country or '?'})" for a in actors)
    return env.get_template("report.html.j2").render(c=context, chart=chart_svg(context.rows, context.by))


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


def chart_svg(rows: list[PeriodRow], by: str = "year") -> Markup:
    """Bars of cooperation (up) and conflict (down) per period, and the index as a line.
    Periods without events keep their place, so the time axis is to scale."""
    if not rows:
        return Markup('<p class="empty">No dated events that happened between these two sides yet.</p>')
    by_period = {r.period: r for r in rows}
    periods = periods_between(rows[0].period, rows[-1].period, by)
    top = max(max(r.cooperation, r.conflict) for r in rows) or 1
    step = (_WIDTH - 2 * _PAD) / len(periods)
    middle = _HEIGHT / 2
    scale = (middle - _PAD / 2) / top
    every = max(1, -(-len(periods) * _LABEL_WIDTH // (_WIDTH - 2 * _PAD)))  # labels that fit side by side
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH + 40} {_HEIGHT + 30}" role="img" '
             f'aria-label="Cooperation and conflict per period">',
             f'<line x1="{_PAD}" y1="{middle}" x2="{_WIDTH - _PAD}" y2="{middle}" class="axis"/>',
             f'<text x="{_WIDTH - _PAD + 4}" y="{_PAD / 2 + 4}" class="scale">index +10</text>',
             f'<text x="{_WIDTH - _PAD + 4}" y="{middle + 4}" class="scale">0</text>',
             f'<text x="{_WIDTH - _PAD + 4}" y="{_HEIGHT - _PAD / 2 + 4}" class="scale">−10</text>']
    points = []
    for i, period in enumerate(periods):
        x, width = _PAD + i * step + step * 0.15, step * 0.7
        if i % every == 0:
            parts.append(f'<text x="{x + width / 2:.1f}" y="{_HEIGHT + 20}" class="label">{escape(period)}</text>')
        row = by_period.get(period)
        if row is None:
            continue
        up, down = row.cooperation * scale, row.conflict * scale
        parts.append(f'<rect class="coop" x="{x:.1f}" y="{middle - up:.1f}" width="{width:.1f}" height="{up:.1f}">'
                     f'<title>{escape(period)}: {row.cooperation} cooperative</title></rect>')
        parts.append(f'<rect class="conf" x="{x:.1f}" y="{middle:.1f}" width="{width:.1f}" height="{down:.1f}">'
                     f'<title>{escape(period)}: {row.conflict} conflictual</title></rect>')
        points.append(f"{x + width / 2:.1f},{middle - row.index / 10 * (middle - _PAD / 2):.1f}")
    parts.append(f'<polyline class="index" points="{" ".join(points)}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))
