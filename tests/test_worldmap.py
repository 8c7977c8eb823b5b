"""The offline map of places: a well-formed, self-contained SVG fitted to the points."""

from __future__ import annotations

import math
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from dyadwatch.views.worldmap import (
    EMPTY_MESSAGE,
    LEGEND_HEIGHT,
    MAX_RADIUS,
    MIN_RADIUS,
    QUAD_COLOURS,
    QUAD_NAMES,
    MapPoint,
    _tenths,
    map_svg,
)

NS = "{http://www.w3.org/2000/svg}"
BAKU = MapPoint("587084", "Baku", "AZE", 40.38, 49.89, (5, 4, 3, 0))
YEREVAN = MapPoint("616052", "Yerevan", "ARM", 40.18, 44.51, (40, 10, 60, 30))
TBILISI = MapPoint("611717", "Tbilisi", "GEO", 41.69, 44.83, (1, 0, 0, 0))
KARABAKH = MapPoint("KARABAKH", "Stepanakert", "AZE", 39.82, 46.75, (0, 0, 3, 300))
CAUCASUS = [BAKU, YEREVAN, TBILISI, KARABAKH]
WORLD = [MapPoint("a", "Wellington", "NZL", -41.3, 174.8, (1, 0, 0, 0)),
         MapPoint("b", "Anchorage", "USA", 61.2, -149.9, (0, 1, 0, 0)),
         MapPoint("c", "Ushuaia", "ARG", -54.8, -68.3, (0, 0, 1, 0)),
         MapPoint("d", "Murmansk", "RUS", 68.97, 33.1, (0, 0, 0, 1)),
         MapPoint("e", "Accra", "GHA", 5.6, -0.2, (2, 2, 2, 2))]


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def _places(root: ET.Element) -> dict[str, ET.Element]:
    return {g.attrib["data-place"]: g for g in root.iter(f"{NS}g") if "data-place" in g.attrib}


def _at(place: ET.Element) -> tuple[float, float]:
    match = re.fullmatch(r"translate\(([-\d.]+),([-\d.]+)\)", place.attrib["transform"])
    assert match
    return float(match[1]), float(match[2])


def _view(root: ET.Element) -> tuple[float, float, float, float]:
    west, south, east, north = map(float, root.attrib["data-view"].split())
    return west, south, east, north


def _quad_radii(place: ET.Element) -> dict[int, float]:
    circles = [c for c in place.iter(f"{NS}circle") if "data-quad" in c.attrib]
    return {int(c.attrib["data-quad"]): float(c.attrib["r"]) for c in circles}


def test_svg_is_well_formed_with_size_role_and_label() -> None:
    root = _parse(map_svg(CAUCASUS, width=640, height=360))
    assert root.tag == f"{NS}svg"
    assert (root.attrib["width"], root.attrib["height"], root.attrib["viewBox"]) == ("640", "360", "0 0 640 360")
    assert root.attrib["role"] == "img" and "4 places" in root.attrib["aria-label"]


def test_a_circle_per_quad_class_with_its_colour_and_the_place_key() -> None:
    places = _places(_parse(map_svg(CAUCASUS)))
    assert set(places) == {p.key for p in CAUCASUS}
    yerevan = places["616052"]
    assert yerevan.attrib["class"] == "place" and yerevan.attrib["tabindex"] == "0"
    fills = {int(c.attrib["data-quad"]): c.attrib["fill"] for c in yerevan.iter(f"{NS}circle")}
    assert fills == dict(enumerate(QUAD_COLOURS, 1))
    assert set(_quad_radii(places["587084"])) == {1, 2, 3}  # Baku has no material conflict


def test_more_events_larger_circle_within_bounds_and_largest_underneath() -> None:
    places = _places(_parse(map_svg(CAUCASUS)))
    karabakh, tbilisi = _quad_radii(places["KARABAKH"]), _quad_radii(places["611717"])
    assert karabakh[4] > _quad_radii(places["616052"])[4] > karabakh[3]
    assert karabakh[4] <= MAX_RADIUS and tbilisi[1] >= MIN_RADIUS
    drawn = [float(c.attrib["r"]) for c in places["616052"].iter(f"{NS}circle")]
    assert drawn == sorted(drawn, reverse=True)


def test_highlight_outlines_only_the_chosen_place() -> None:
    places = _places(_parse(map_svg(CAUCASUS, highlight={"616052"})))
    chosen = {key for key, g in places.items() if any(c.get("class") == "chosen" for c in g.iter(f"{NS}circle"))}
    assert chosen == {"616052"}
    assert "chosen" not in map_svg(CAUCASUS)


def test_titles_are_readable_and_plural_aware() -> None:
    places = _places(_parse(map_svg(CAUCASUS)))
    titles = {key: g.findtext(f"{NS}title") for key, g in places.items()}
    assert titles["587084"] == "Baku (AZE): 12 events — 5 verbal cooperation, 4 material cooperation, 3 verbal conflict"
    assert titles["611717"] == "Tbilisi (GEO): 1 event — 1 verbal cooperation"
    nowhere = MapPoint("x", "Somewhere", None, 10.0, 10.0, (0, 1, 0, 0))
    title = _places(_parse(map_svg([nowhere])))["x"].findtext(f"{NS}title")
    assert title == "Somewhere: 1 event — 1 material cooperation"


def test_names_and_keys_are_escaped() -> None:
    odd = MapPoint('k"<&>', "<Baku & Sons>\x01", "AZE", 40.38, 49.89, (1, 0, 0, 0))
    places = _places(_parse(map_svg([odd])))
    assert places['k"<&>'].findtext(f"{NS}title") == "<Baku & Sons> (AZE): 1 event — 1 verbal cooperation"


def test_single_point_view_is_at_least_12_degrees_and_contains_it() -> None:
    root = _parse(map_svg([BAKU]))
    west, south, east, north = _view(root)
    assert east - west >= 12 and north - south >= 12
    assert west < BAKU.lon < east and south < BAKU.lat < north
    x, y = _at(_places(root)["587084"])
    assert 0 < x < 720 and 0 < y < 400 - LEGEND_HEIGHT


def test_view_keeps_the_aspect_ratio_with_longitude_scaled_by_latitude() -> None:
    west, south, east, north = _view(_parse(map_svg(CAUCASUS)))
    squeeze = math.cos(math.radians((south + north) / 2))
    assert (east - west) * squeeze / (north - south) == pytest.approx(720 / (400 - LEGEND_HEIGHT), rel=0.01)


def test_points_over_the_world_are_all_in_view_and_the_view_not_wider_than_the_world() -> None:
    root = _parse(map_svg(WORLD))
    west, south, east, north = _view(root)
    assert west >= -180 and east <= 180
    for point, place in zip(WORLD, (_places(root)[p.key] for p in WORLD), strict=True):
        assert west < point.lon < east and south < point.lat < north
        x, y = _at(place)
        assert 0 < x < 720 and 0 < y < 400 - LEGEND_HEIGHT


def test_places_at_the_same_coordinates_are_all_drawn() -> None:
    twins = [BAKU, MapPoint("other", "Baku city", "AZE", BAKU.lat, BAKU.lon, (0, 0, 0, 2))]
    places = _places(_parse(map_svg(twins)))
    assert set(places) == {"587084", "other"} and _at(places["587084"]) == _at(places["other"])


@pytest.mark.parametrize("points", [[], [MapPoint("n", "Nowhere", None, math.nan, 0.0, (1, 0, 0, 0))]])
def test_no_place_gives_a_message_of_the_same_size(points: list[MapPoint]) -> None:
    root = _parse(map_svg(points, width=500, height=300))
    assert (root.attrib["width"], root.attrib["height"]) == ("500", "300")
    assert [t.text for t in root.iter(f"{NS}text")] == [EMPTY_MESSAGE] and not _places(root)


def test_output_is_deterministic() -> None:
    assert map_svg(CAUCASUS, highlight=["KARABAKH"]) == map_svg(list(CAUCASUS), highlight={"KARABAKH"})


def test_output_does_not_depend_on_string_hashing() -> None:
    code = ("import hashlib; from dyadwatch.views.worldmap import MapPoint, map_svg; "
            "points = [MapPoint(k, k, c, 40.0 + i / 3, 45.0 + i, (1, i, 0, 2)) for i, (k, c) in "
            "enumerate([('x', 'AZE'), ('y', 'ARM'), ('z', 'GEO'), ('w', 'IRN')])]; "
            "print(hashlib.sha256(map_svg(points, highlight={'x', 'y', 'z'}).encode()).hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": seed},
                              capture_output=True, text=True, check=True).stdout for seed in ("1", "2", "3")}
    assert len(digests) == 1


def test_outlines_of_the_countries_in_view_only() -> None:
    root = _parse(map_svg([BAKU]))
    countries = {p.attrib["data-country"]: p for p in root.iter(f"{NS}path") if "data-country" in p.attrib}
    assert {"AZE", "ARM", "GEO"} <= set(countries) and "BRA" not in countries
    assert re.fullmatch(r"(M[-\d.]+,[-\d.]+l[-\d., ]+z)+", countries["AZE"].attrib["d"])
    outlines = next(g for g in root.iter(f"{NS}g") if g.get("class") == "countries")
    assert (outlines.attrib["fill"], outlines.attrib["stroke"]) == ("#eeeeee", "#bbbbbb")


def test_legend_names_the_quad_classes_and_the_circle_size() -> None:
    legend = next(g for g in _parse(map_svg(CAUCASUS)).iter(f"{NS}g") if g.get("class") == "legend")
    texts = [t.text or "" for t in legend.iter(f"{NS}text")]
    assert all(name in texts for name in QUAD_NAMES)
    assert {c.get("fill") for c in legend.iter(f"{NS}circle")} >= set(QUAD_COLOURS)
    assert "300 events of one class at a place (circle area ∝ events)" in texts  # Stepanakert's material conflict


def test_self_contained_and_small() -> None:
    for points in (CAUCASUS, WORLD):
        svg = map_svg(points)
        root = _parse(svg)
        assert not any(el.tag == f"{NS}script" or el.tag.endswith("foreignObject") for el in root.iter())
        assert not any(name.endswith("href") or name.startswith("on") for el in root.iter() for name in el.attrib)
        assert "url(" not in svg and svg.count("http") == 1  # the xmlns only
        assert len(svg.encode()) < 150_000


def test_tenths_are_written_shortest() -> None:
    assert [_tenths(n) for n in (12, -5, 30, 0, -123, 7)] == ["1.2", "-.5", "3", "0", "-12.3", ".7"]
