"""An offline map of where events happened, as one self-contained inline SVG string (``map_svg``).

Each place is a stack of concentric circles, one per quad class it has events in, over country outlines;
the SVG has no script, no link and nothing to fetch, so it can be embedded as it is in a report or a page.

The outlines come from the ``countryinfo`` package (MIT; 1.0.1 when written), loaded once. Its README says
its data is "sourced primarily from Wikipedia" and thanks johan's world.geo.json
(https://github.com/johan/world.geo.json) for making the GeoJSON possible; neither package names Natural
Earth, and world.geo.json's own README gives no source and calls its legal coverage "maybe dubious".
Some entries have no outline (in 1.0.1 e.g. Hungary, Serbia, Montenegro, Myanmar and most small islands):
those are not drawn.
"""

from __future__ import annotations

import functools
import html
import math
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from countryinfo import all_countries

from ..model import MapPoint
from .words import counted_noun

QUAD_COLOURS = ("#7fbf8f", "#2e7d4f", "#e08a3c", "#c0392b")
QUAD_NAMES = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
EMPTY_MESSAGE = "No event with a known place"
MIN_SPAN_DEG = 12.0
MIN_RADIUS, MAX_RADIUS = 2.5, 18.0
SCALE_FLOOR = 25  # the count drawn at MAX_RADIUS is at least this, so a lone 1-event place stays small
MIN_STEP_PX = 0.7
LEGEND_HEIGHT = 44
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # escaping cannot make these well-formed


@dataclass(frozen=True)
class _Ring:
    box: tuple[float, float, float, float]  # west, south, east, north
    points: tuple[tuple[float, float], ...]  # (lon, lat), not closed


@dataclass(frozen=True)
class _Country:
    rings: tuple[_Ring, ...]  # outer rings and holes alike: drawn with the even-odd rule
    label_at: tuple[float, float] | None  # (lon, lat)


@dataclass(frozen=True)
class _View:
    """The part of the world shown, and pixels per degree of longitude (``x_scale``) and latitude."""

    west: float
    south: float
    east: float
    north: float
    x_scale: float
    y_scale: float

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.x_scale, (self.north - lat) * self.y_scale

    def overlaps(self, ring: _Ring) -> bool:
        west, south, east, north = ring.box
        return west <= self.east and east >= self.west and south <= self.north and north >= self.south


def map_svg(points: Sequence[MapPoint], *, highlight: Collection[str] = (), width: int = 720,
            height: int = 400) -> str:
    """The places as an SVG of ``width``×``height`` px: fitted to the points (at least ~12° across, at most the
    world), with the outlines of the countries in view, the places in ``highlight`` (keys) outlined, and a
    legend. Without a place with valid coordinates, an SVG of the same size saying so."""
    placed = [p for p in points if math.isfinite(p.lat) and math.isfinite(p.lon) and abs(p.lat) <= 90
              and abs(p.lon) <= 180]
    if not placed:
        message = f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" font-size="14">{EMPTY_MESSAGE}</text>'
        return _svg(width, height, EMPTY_MESSAGE, [message])
    view = _fit_view(placed, width, max(height - LEGEND_HEIGHT, 1))
    largest = max(1, *(max(p.reports) for p in placed))
    body = [_outlines_svg(view), _labels_svg(placed, view), _places_svg(placed, view, set(highlight), largest),
            _legend_svg(largest, width, height)]
    return _svg(width, height, f"Map of events at {counted_noun(len(placed), 'place')}", body, view)


def _svg(width: int, height: int, label: str, body: list[str], view: _View | None = None) -> str:
    """``data-view`` gives the longitudes and latitudes shown: west south east north."""
    bounds = f' data-view="{view.west:.2f} {view.south:.2f} {view.east:.2f} {view.north:.2f}"' if view else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="worldmap" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" role="img" aria-label="{_text(label)}"{bounds} '
            f'font-family="sans-serif" font-size="11">'
            f'<rect width="{width}" height="{height}" fill="#f7fafc"/>{"".join(body)}</svg>')


def _fit_view(points: Sequence[MapPoint], width: int, height: int) -> _View:
    west, east = _padded_span(min(p.lon for p in points), max(p.lon for p in points), 360.0)
    south, north = _padded_span(min(p.lat for p in points), max(p.lat for p in points), 180.0)
    # one degree of longitude is cos(latitude) as long as one of latitude; near the poles, not less than 0.1
    x_factor = max(math.cos(math.radians((south + north) / 2)), 0.1)
    lon_span = max(east - west, (north - south) * width / height / x_factor)  # pad to the aspect ratio
    lat_span = max(north - south, lon_span * x_factor * height / width)
    west, east = _placed_span((west + east) / 2, lon_span, 180.0)
    south, north = _placed_span((south + north) / 2, lat_span, 90.0)
    y_scale = height / lat_span
    return _View(west, south, east, north, y_scale * x_factor, y_scale)


def _padded_span(low: float, high: float, world: float) -> tuple[float, float]:
    """low…high with a margin, at least MIN_SPAN_DEG and at most the world wide."""
    span = min(max((high - low) * 1.3 + 2.0, MIN_SPAN_DEG), world)
    return (low + high - span) / 2, (low + high + span) / 2


def _placed_span(middle: float, span: float, limit: float) -> tuple[float, float]:
    """A span around middle, moved inside -limit…limit where it fits, else centred on 0."""
    low = -span / 2 if span >= 2 * limit else min(max(middle - span / 2, -limit), limit - span)
    return low, low + span


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, _Country]:
    """Every country of countryinfo by ISO alpha-3; an entry that fails to read is left out."""
    countries: dict[str, _Country] = {}
    for info in all_countries():
        try:
            code = info.iso(3)
            country = _Country(tuple(_rings(info.geo_json())), _label_at(info.latlng()))
        except (LookupError, TypeError, ValueError, AttributeError):
            continue
        # several entries may share a code (Wales and the United Kingdom): the one with an outline wins
        if code and (code not in countries or not countries[code].rings):
            countries[code] = country
    return countries


def _rings(geo_json: dict[str, Any]) -> Iterator[_Ring]:
    for feature in geo_json.get("features", ()):
        geometry = feature.get("geometry") or {}
        kind, coordinates = geometry.get("type"), geometry.get("coordinates") or ()
        polygons = [coordinates] if kind == "Polygon" else coordinates if kind == "MultiPolygon" else ()
        for polygon in polygons:
            yield from (ring for ring in map(_ring, polygon) if ring is not None)


def _ring(coordinates: Sequence[Sequence[float]]) -> _Ring | None:
    points = tuple((float(lon), float(lat)) for lon, lat, *_ in coordinates)
    if len(points) > 1 and points[0] == points[-1]:
        points = points[:-1]
    if len(points) < 3:
        return None
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return _Ring((min(lons), min(lats), max(lons), max(lats)), points)


def _label_at(latlng: Sequence[float]) -> tuple[float, float] | None:
    return (float(latlng[1]), float(latlng[0])) if len(latlng) == 2 else None


def _outlines_svg(view: _View) -> str:
    paths = []
    for code, country in sorted(_countries().items()):
        d = "".join(_ring_path(ring, view) for ring in country.rings if view.overlaps(ring))
        if d:
            paths.append(f'<path data-country="{_text(code)}" d="{d}"/>')
    return (f'<g class="countries" fill="#eeeeee" stroke="#bbbbbb" stroke-width="0.6" fill-rule="evenodd" '
            f'stroke-linejoin="round">{"".join(paths)}</g>')


def _ring_path(ring: _Ring, view: _View) -> str:
    """The ring in tenths of a pixel, each point relative to the last one kept (shorter), a point closer than
    MIN_STEP_PX to that one left out; rounding first keeps the relative steps exact."""
    steps: list[str] = []
    last_x = last_y = 0
    for lon, lat in ring.points:
        x, y = view.project(lon, lat)
        tenth_x, tenth_y = round(x * 10), round(y * 10)
        if not steps or (tenth_x - last_x) ** 2 + (tenth_y - last_y) ** 2 >= (MIN_STEP_PX * 10) ** 2:
            steps.append(f"{_tenths(tenth_x - last_x)},{_tenths(tenth_y - last_y)}")
            last_x, last_y = tenth_x, tenth_y
    return f"M{steps[0]}l{' '.join(steps[1:])}z" if len(steps) >= 3 else ""


def _tenths(value: int) -> str:
    """A number of tenths, shortest: 12 → "1.2", -5 → "-.5", 30 → "3"."""
    whole, tenth = divmod(abs(value), 10)
    sign = "-" if value < 0 else ""
    return f"{sign}{whole or ''}.{tenth}" if tenth else f"{sign}{whole}"


def _labels_svg(points: Sequence[MapPoint], view: _View) -> str:
    countries = _countries()
    labels = []
    for code in sorted({p.country for p in points if p.country and p.country in countries}):
        at = countries[code].label_at
        if at is not None and view.west <= at[0] <= view.east and view.south <= at[1] <= view.north:
            x, y = view.project(*at)
            labels.append(f'<text x="{x:.1f}" y="{y:.1f}">{_text(code)}</text>')
    return (f'<g class="country-labels" fill="#8a8a8a" font-size="10" text-anchor="middle" '
            f'pointer-events="none">{"".join(labels)}</g>')


def _places_svg(points: Sequence[MapPoint], view: _View, chosen: set[str], largest: int) -> str:
    unit = max(SCALE_FLOOR, largest)
    in_order = sorted(points, key=lambda p: (p.key in chosen, -sum(p.reports), p.key))  # small ones on top
    places = "".join(_place_svg(p, view, unit, p.key in chosen) for p in in_order)
    return f'<g class="places" stroke="#ffffff" stroke-width="0.6">{places}</g>'


def _place_svg(point: MapPoint, view: _View, unit: int, chosen: bool) -> str:
    x, y = view.project(point.lon, point.lat)
    circles = sorted(((_radius(n, unit), quad) for quad, n in enumerate(point.reports, 1) if n > 0), reverse=True)
    shapes = [f'<circle r="{r:.1f}" fill="{QUAD_COLOURS[quad - 1]}" data-quad="{quad}"/>' for r, quad in circles]
    shapes = shapes or [f'<circle r="{MIN_RADIUS}" fill="#999999"/>']  # a place with no event counted
    if chosen:
        ring = (circles[0][0] if circles else MIN_RADIUS) + 2.5
        shapes.append(f'<circle class="chosen" r="{ring:.1f}" fill="none" stroke="#1a1a1a" stroke-width="2"/>')
    return (f'<g class="place" data-place="{_text(point.key)}" tabindex="0" transform="translate({x:.1f},{y:.1f})">'
            f'<title>{_text(_title(point))}</title>{"".join(shapes)}</g>')


def _radius(count: int, unit: int) -> float:
    """Circle area proportional to the count; ``unit`` events fill MAX_RADIUS."""
    return max(MIN_RADIUS, MAX_RADIUS * math.sqrt(count / unit))


def _title(point: MapPoint) -> str:
    """E.g. "Baku (AZE): 12 events — 5 verbal cooperation, 4 material cooperation, 3 verbal conflict"."""
    where = f"{point.name} ({point.country})" if point.country else point.name
    parts = [f"{n} {name}" for n, name in zip(point.reports, QUAD_NAMES, strict=True) if n > 0]
    summary = f"{where}: {counted_noun(sum(point.reports), 'event')}"
    return f"{summary} — {', '.join(parts)}" if parts else summary


def _legend_svg(largest: int, width: int, height: int) -> str:
    """A strip under the map (so that it hides no place): the quad classes, and circles for 1 and the largest
    count."""
    quads = [f'<circle cx="{12 + 140 * (i % 2)}" cy="{14 + 16 * (i // 2)}" r="5" fill="{colour}"/>'
             f'<text x="{22 + 140 * (i % 2)}" y="{18 + 16 * (i // 2)}">{name}</text>'
             for i, (colour, name) in enumerate(zip(QUAD_COLOURS, QUAD_NAMES, strict=True))]
    one, r = _radius(1, max(SCALE_FLOOR, largest)), _radius(largest, max(SCALE_FLOOR, largest))
    sizes = (f'<circle cx="296" cy="22" r="{one:.1f}" fill="none" stroke="#777777"/><text x="302" y="26">1</text>'
             f'<circle cx="{312 + r:.1f}" cy="22" r="{r:.1f}" fill="none" stroke="#777777"/>'
             f'<text x="{317 + 2 * r:.1f}" y="26">{counted_noun(largest, "event")} of one class at a place '
             f'(circle area ∝ events)</text>')
    return (f'<g class="legend" transform="translate(0,{height - LEGEND_HEIGHT})" fill="#333333">'
            f'<rect width="{width}" height="{LEGEND_HEIGHT}" fill="#ffffff"/>'
            f'<path d="M0,0h{width}" stroke="#cccccc"/>{"".join(quads)}{sizes}</g>')


def _text(value: str) -> str:
    return html.escape(_NOT_XML.sub("", value), quote=True)
