"""The one chart of a dyad over time, which the report embeds and the web view fetches (issue 18):
axes with their scales, time to scale with gaps shown as gaps, and a sane picture for one period
and for hundreds."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from dyadwatch.model import PeriodRow, TurningPoint
from dyadwatch.views.chart import HEIGHT, MAX_BAR, chart_svg

SVG = "{http://www.w3.org/2000/svg}"


def _row(period, cooperation=0, conflict=0, index=0.0):
    return PeriodRow(period=period, index=index, clusters=cooperation + conflict, verbal_cooperation=cooperation,
                     material_cooperation=0, verbal_conflict=conflict, material_conflict=0, cooperation=cooperation,
                     conflict=conflict)


def _parsed(svg):
    return ET.fromstring(svg)


def _texts(root):
    return ["".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")]


def test_chart_has_a_count_axis_an_index_axis_and_a_legend():
    root = _parsed(chart_svg([_row("2001", 8, 2, 3.0), _row("2002", 1, 5, -4.0)]))
    texts = _texts(root)

    assert {"10", "5", "0"} <= set(texts)  # the count axis: 8 events reach below its top, not the +10 line
    assert {"+10", "+5", "0", "−5", "−10"} <= set(texts)  # the index axis
    assert any("event clusters" in t for t in texts) and any(t.startswith("index (") for t in texts)
    assert {"cooperative clusters", "conflictual clusters", "turning point"} <= set(texts)


def test_chart_bars_are_to_the_count_scale():
    root = _parsed(chart_svg([_row("2001", 8, 0, 3.0), _row("2002", 10, 0, 3.0)]))
    heights = [float(r.get("height")) for r in root.iter(f"{SVG}rect") if r.get("fill") == "#3a8f5c"
               and r.find(f"{SVG}title") is not None]

    assert heights[0] / heights[1] == 0.8


def test_chart_keeps_time_to_scale_and_breaks_the_index_line_at_a_gap():
    root = _parsed(chart_svg([_row("1992", 1, 0, 3.0), _row("1993", 1, 0, 2.0), _row("1997", 2, 1, 0.3),
                              _row("1998", 1, 0, 4.0)]))
    lines = [p.get("points").split() for p in root.iter(f"{SVG}polyline")]
    dots = [float(c.get("cx")) for c in root.iter(f"{SVG}circle")]

    assert [len(line) for line in lines] == [2, 2]  # 1992–93 and 1997–98: nothing drawn across 1994–96
    assert abs((dots[2] - dots[1]) - 4 * (dots[1] - dots[0])) < 0.5  # 1993 → 1997 is four steps


def test_chart_of_one_period_is_a_narrow_bar_and_a_dot():
    root = _parsed(chart_svg([_row("2012", 0, 2, -5.5)], turning=()))
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]

    assert widths and max(widths) <= MAX_BAR
    assert len(list(root.iter(f"{SVG}circle"))) == 1 and not list(root.iter(f"{SVG}polyline"))
    assert "2012" in _texts(root)


def test_chart_of_hundreds_of_periods_labels_what_fits_and_marks_turning_points():
    rows = [_row(f"{1900 + i // 12}-{i % 12 + 1:02d}", 1, 0, 1.0) for i in range(300)]
    point = TurningPoint(period="1910-01", previous="1909-12", before=1.0, after=6.0, change=5.0, drivers=())
    root = _parsed(chart_svg(rows, "month", (point,)))
    labels = [t for t in _texts(root) if re.fullmatch(r"\d{4}-\d{2}", t)]

    assert 5 <= len(labels) <= 20 and labels[0] == "1900-01"
    assert any("1910-01: turning point" in "".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert all(0 <= float(c.get("cy")) <= HEIGHT for c in root.iter(f"{SVG}circle"))


def test_chart_without_rows_says_so():
    assert "No dated events" in chart_svg([])
