"""The chart of a dyad over time, one self-contained SVG string (``chart_svg``) that the report
embeds and the web view asks the server for, so that both draw the same picture.

Per period: a green bar up for its cooperative event clusters and a red bar down for its conflictual
ones, read on the left axis (counts); the index (−10..+10) as a blue line read on the right axis.
Time is to scale: every period between the first and the last keeps its place, and a period without
events is a gap, the index line broken there rather than drawn across it. A turning point carries a
▲ above its period. One period is one narrow bar and a dot; hundreds thin their labels.
The colours are attributes of the elements, not classes, so the SVG looks the same anywhere.
``comparison_svg`` draws a dyad in dyadwatch and in another dataset on the same frame.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..analyse import periods_between
from ..model import Comparison, PeriodRow, TurningPoint
from .words import counted_noun, index_text

WIDTH, HEIGHT = 900, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 56, 24, 56  # room for the count axis, the index axis, the ▲ and the labels
COOPERATION, CONFLICT, INDEX, AXIS, TURN = "#3a8f5c", "#c0392b", "#1f4e9c", "#888", "#b36b00"
OURS, THEIRS, THEIR_INDEX = "#5b7db8", "#e3a857", "#b35c00"  # a comparison with another dataset
MAX_BAR = 36.0  # px: one period is a bar, not a wall
LABEL_WIDTH = 64  # px a period label needs
EMPTY_MESSAGE = "No dated events that happened between these two sides yet."


@dataclass(frozen=True)
class _Frame:
    """Where things go: the x of each period's centre, the bars' scale, the middle line."""

    periods: list[str]
    step: float
    middle: float
    half: float  # px from the middle line to the top (and bottom) of the plot
    top_count: int  # the count at the top of the left axis

    def x(self, i: int) -> float:
        return LEFT + self.step * (i + 0.5)

    def count_y(self, count: float) -> float:
        return self.middle - count / self.top_count * self.half

    def index_y(self, index: float) -> float:
        return self.middle - index / 10 * self.half


def chart_svg(rows: Sequence[PeriodRow], by: str = "year", turning: Sequence[TurningPoint] = ()) -> str:
    """The chart of ``rows`` (one per period with events), or a sentence saying there is nothing to draw."""
    if not rows:
        return f'<p class="empty">{EMPTY_MESSAGE}</p>'
    periods = periods_between(rows[0].period, rows[-1].period, by)
    largest = max(max(r.cooperation, r.conflict) for r in rows)
    frame = _Frame(periods, (WIDTH - LEFT - RIGHT) / len(periods), TOP + (HEIGHT - TOP - BOTTOM) / 2,
                   (HEIGHT - TOP - BOTTOM) / 2, _nice_top(largest))
    by_period = {r.period: r for r in rows}
    turned = {t.period: t for t in turning}
    body = [_axes(frame, by), *_bars(frame, by_period), *_index(frame, by_period), *_labels(frame, turned)]
    label = (f"Cooperation and conflict per {by}, {periods[0]} to {periods[-1]}: bars count event clusters "
             "(left axis), the line is the index (right axis, −10 to +10)")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
            f'aria-label="{_text(label)}" font-family="sans-serif">{"".join(body)}{_legend()}</svg>')


def comparison_svg(comparison: Comparison, name: str) -> str:
    """Our clusters (bars up, left axis above the middle) and another dataset's events (bars down, its
    own scale below the middle) per period, and both indexes (right axis; theirs dashed)."""
    rows = comparison.periods
    if not rows:
        return f'<p class="empty">Neither dyadwatch nor {_text(name)} has dated events between these sides.</p>'
    periods = periods_between(rows[0].period, rows[-1].period, comparison.by)
    frame = _Frame(periods, (WIDTH - LEFT - RIGHT) / len(periods), TOP + (HEIGHT - TOP - BOTTOM) / 2,
                   (HEIGHT - TOP - BOTTOM) / 2, _nice_top(max(r.clusters for r in rows)))
    their_top = _nice_top(max(r.theirs for r in rows))
    by_period = {r.period: r for r in rows}
    width = min(frame.step * 0.7, MAX_BAR)
    body = [_comparison_axes(frame, their_top, name)]
    for i, period in enumerate(frame.periods):
        if (row := by_period.get(period)) is None:
            continue
        x = frame.x(i) - width / 2
        up, down = row.clusters / frame.top_count * frame.half, row.theirs / their_top * frame.half
        body.append(f'<rect x="{x:.1f}" y="{frame.middle - up:.1f}" width="{width:.1f}" height="{up:.1f}" '
                    f'fill="{OURS}"><title>{period}: {counted_noun(row.clusters, "cluster")} in dyadwatch</title>'
                    '</rect>')
        body.append(f'<rect x="{x:.1f}" y="{frame.middle:.1f}" width="{width:.1f}" height="{down:.1f}" '
                    f'fill="{THEIRS}"><title>{period}: {counted_noun(row.theirs, "event")} in {_text(name)}</title>'
                    '</rect>')
    body += _line(frame, {r.period: (r.index, f"dyadwatch's index {index_text(r.index)}") for r in rows
                          if r.index is not None}, INDEX)
    body += _line(frame, {r.period: (r.their_index, f"{name}'s index {index_text(r.their_index)}") for r in rows
                          if r.their_index is not None}, THEIR_INDEX, dashed=True)
    body += _labels(frame, {})
    label = (f"dyadwatch and {name} per {comparison.by}, {periods[0]} to {periods[-1]}: bars up count dyadwatch's "
             f"event clusters, bars down {name}'s events (each on its own scale, left axis); the lines are the "
             "indexes (right axis, −10 to +10), theirs dashed")
    legend = _legend_of([("rect", OURS, "dyadwatch clusters"), ("rect", THEIRS, f"{name} events"),
                         ("line", INDEX, "dyadwatch index"), ("dash", THEIR_INDEX, f"{name} index")])
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
            f'aria-label="{_text(label)}" font-family="sans-serif">{"".join(body)}{legend}</svg>')


def _comparison_axes(frame: _Frame, their_top: int, name: str) -> str:
    right = WIDTH - RIGHT
    parts = [f'<line x1="{LEFT}" y1="{frame.middle:.1f}" x2="{right}" y2="{frame.middle:.1f}" stroke="{AXIS}"/>',
             f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{HEIGHT - BOTTOM}" stroke="{AXIS}"/>',
             f'<line x1="{right}" y1="{TOP}" x2="{right}" y2="{HEIGHT - BOTTOM}" stroke="{INDEX}"/>']
    for count in sorted({frame.top_count // 2, frame.top_count} - {0}):
        parts.append(_tick(LEFT, frame.middle - count / frame.top_count * frame.half, -1, f"{count:,}", OURS))
    for count in sorted({their_top // 2, their_top} - {0}):
        parts.append(_tick(LEFT, frame.middle + count / their_top * frame.half, -1, f"{count:,}", THEIRS))
    parts.append(_tick(LEFT, frame.middle, -1, "0", "#444"))
    for index in (10, 5, 0, -5, -10):
        parts.append(_tick(right, frame.index_y(index), 1, index_text(index).removesuffix(".0"), INDEX))
    parts.append(f'<text x="12" y="{frame.middle:.1f}" font-size="11" fill="#444" text-anchor="middle" '
                 f'transform="rotate(-90 12 {frame.middle:.1f})">clusters (up) / {_text(name)} events (down)</text>')
    return "".join(parts)


def _nice_top(largest: int) -> int:
    """The smallest 1, 2 or 5 × 10ⁿ at or above the largest count, so the axis has round ticks."""
    if largest <= 1:
        return 1
    power = int(10 ** math.floor(math.log10(largest)))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= largest)


def _axes(frame: _Frame, by: str) -> str:
    """The middle line, the count axis on the left (counts up and down) and the index axis on the right."""
    right = WIDTH - RIGHT
    parts = [f'<line x1="{LEFT}" y1="{frame.middle:.1f}" x2="{right}" y2="{frame.middle:.1f}" stroke="{AXIS}"/>',
             f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{HEIGHT - BOTTOM}" stroke="{AXIS}"/>',
             f'<line x1="{right}" y1="{TOP}" x2="{right}" y2="{HEIGHT - BOTTOM}" stroke="{INDEX}"/>']
    for count in sorted({0, frame.top_count // 2, frame.top_count}):
        for sign in ((1,) if count == 0 else (1, -1)):
            y = frame.count_y(sign * count)
            parts.append(_tick(LEFT, y, -1, str(count), "#444"))
    for index in (10, 5, 0, -5, -10):
        parts.append(_tick(right, frame.index_y(index), 1, index_text(index).removesuffix(".0"), INDEX))
    parts.append(f'<text x="12" y="{frame.middle:.1f}" font-size="11" fill="#444" text-anchor="middle" '
                 f'transform="rotate(-90 12 {frame.middle:.1f})">event clusters (up / down)</text>')
    parts.append(f'<text x="{WIDTH - 10}" y="{frame.middle:.1f}" font-size="11" fill="{INDEX}" text-anchor="middle" '
                 f'transform="rotate(90 {WIDTH - 10} {frame.middle:.1f})">index (−10 conflict … +10 cooperation)'
                 '</text>')
    return "".join(parts)


def _tick(x: float, y: float, side: int, text: str, colour: str) -> str:
    anchor = "end" if side < 0 else "start"
    return (f'<line x1="{x}" y1="{y:.1f}" x2="{x + 4 * side}" y2="{y:.1f}" stroke="{colour}"/>'
            f'<text x="{x + 7 * side}" y="{y + 4:.1f}" font-size="10" fill="{colour}" text-anchor="{anchor}">'
            f'{text}</text>')


def _bars(frame: _Frame, by_period: dict[str, PeriodRow]) -> list[str]:
    width = min(frame.step * 0.7, MAX_BAR)
    parts = []
    for i, period in enumerate(frame.periods):
        row = by_period.get(period)
        if row is None:
            continue
        x = frame.x(i) - width / 2
        up, down = frame.middle - frame.count_y(row.cooperation), frame.count_y(-row.conflict) - frame.middle
        parts.append(f'<rect x="{x:.1f}" y="{frame.middle - up:.1f}" width="{width:.1f}" height="{up:.1f}" '
                     f'fill="{COOPERATION}"><title>{period}: {counted_noun(row.cooperation, "cooperative cluster")}'
                     '</title></rect>')
        parts.append(f'<rect x="{x:.1f}" y="{frame.middle:.1f}" width="{width:.1f}" height="{down:.1f}" '
                     f'fill="{CONFLICT}"><title>{period}: {counted_noun(row.conflict, "conflictual cluster")}'
                     '</title></rect>')
    return parts


def _index(frame: _Frame, by_period: dict[str, PeriodRow]) -> list[str]:
    return _line(frame, {period: (row.index, f"index {index_text(row.index)} from "
                                  f"{counted_noun(row.clusters, 'cluster')}") for period, row in by_period.items()},
                 INDEX)


def _line(frame: _Frame, points: dict[str, tuple[float, str]], colour: str, dashed: bool = False) -> list[str]:
    """An index as lines through consecutive periods that have one, broken at each gap, and a dot a
    period (its title says what the index is of)."""
    runs: list[list[tuple[float, float]]] = [[]]
    dots = []
    for i, period in enumerate(frame.periods):
        if period not in points:
            if runs[-1]:
                runs.append([])
            continue
        index, what = points[period]
        point = (frame.x(i), frame.index_y(index))
        runs[-1].append(point)
        dots.append(f'<circle cx="{point[0]:.1f}" cy="{point[1]:.1f}" r="3" fill="{colour}"><title>{period}: '
                    f'{_text(what)}</title></circle>')
    dash = ' stroke-dasharray="6 3"' if dashed else ""
    lines = [f'<polyline points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in run)}" fill="none" stroke="{colour}" '
             f'stroke-width="2"{dash}/>' for run in runs if len(run) > 1]
    return lines + dots


def _labels(frame: _Frame, turned: dict[str, TurningPoint]) -> list[str]:
    """The period under its place, as many as fit side by side (always the first and the last), and ▲."""
    every = max(1, math.ceil(len(frame.periods) * LABEL_WIDTH / (WIDTH - LEFT - RIGHT)))
    last = len(frame.periods) - 1
    parts = []
    for i, period in enumerate(frame.periods):
        if i % every == 0 or (i == last and last % every >= every / 2):
            parts.append(f'<text x="{frame.x(i):.1f}" y="{HEIGHT - BOTTOM + 16}" font-size="11" fill="#444" '
                         f'text-anchor="middle">{_text(period)}</text>')
        if (point := turned.get(period)) is not None:
            parts.append(f'<text x="{frame.x(i):.1f}" y="{TOP - 6}" font-size="13" fill="{TURN}" '
                         f'text-anchor="middle">▲<title>{period}: turning point, index {index_text(point.before)} → '
                         f'{index_text(point.after)}</title></text>')
    return parts


def _legend() -> str:
    return _legend_of([("rect", COOPERATION, "cooperative clusters"), ("rect", CONFLICT, "conflictual clusters"),
                       ("line", INDEX, "index; a gap: no events"), ("text", TURN, "turning point")])


def _legend_of(items: list[tuple[str, str, str]]) -> str:
    y = HEIGHT - 14
    parts, x = [], LEFT
    for kind, colour, text in items:
        if kind == "rect":
            parts.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{colour}"/>')
        elif kind in ("line", "dash"):
            dash = ' stroke-dasharray="6 3"' if kind == "dash" else ""
            parts.append(f'<line x1="{x - 2}" y1="{y - 4}" x2="{x + 12}" y2="{y - 4}" stroke="{colour}" '
                         f'stroke-width="2"{dash}/>')
        else:
            parts.append(f'<text x="{x + 5}" y="{y}" font-size="12" fill="{colour}" text-anchor="middle">▲</text>')
        parts.append(f'<text x="{x + 16}" y="{y}" font-size="11" fill="#444">{text}</text>')
        x += 40 + 6 * len(text)
    return "".join(parts)


def _text(value: str) -> str:
    return html.escape(value, quote=True)
