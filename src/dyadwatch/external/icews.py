"""ICEWS coded event data (Harvard Dataverse ``events.YYYY.*.tab``, also zipped, and the weekly
``*-icews-events.tab``): tab-separated, a header line of 20 columns ("Event ID", "Event Date",
"Source Name", "Source Country", "CAMEO Code", "Intensity", "Target Name", "Target Country", …,
"Latitude", "Longitude"). Countries are named in words ("Russian Federation"); CAMEO codes keep their
zeros ("040"); dates are YYYY-MM-DD (M/D/YYYY in one re-release). An event id can repeat across
days, so an event is its id and its date."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..lexicon import country_codes
from ..model import ExternalEvent, Reject
from .files import cameo_quad, iso_day, named_rows, number, plover_of_cameo, scaled

REQUIRED = ("Event ID", "Event Date", "Source Name", "Source Country", "CAMEO Code", "Target Name",
            "Target Country")
COLUMNS = ("Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
           "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
           "City", "District", "Province", "Country", "Latitude", "Longitude")


def rows(path: Path) -> Iterator[ExternalEvent | Reject]:
    return named_rows(path, "ICEWS", REQUIRED, COLUMNS, _event)


def _event(row: dict[str, str], origin: str) -> ExternalEvent:
    if not row["Event ID"]:
        raise ValueError("no Event ID")
    day, code = iso_day(row["Event Date"]), row["CAMEO Code"]
    event_type = plover_of_cameo(code)
    quad, intensity = scaled(event_type)
    place = next((row.get(c) for c in ("City", "District", "Province", "Country") if row.get(c)), None)
    return ExternalEvent(
        dataset="icews", id=f"{row['Event ID']}/{day}", date=day, actor=row["Source Name"],
        recipient=row["Target Name"],
        actor_countries=_country(row["Source Country"]), recipient_countries=_country(row["Target Country"]),
        cameo=code, event_type=event_type, quad_code=quad or cameo_quad(code), intensity=intensity,
        score=number(row.get("Intensity", ""), "Intensity"), url=None, source=row.get("Publisher") or None,
        place=place, lat=number(row.get("Latitude", ""), "Latitude"), lon=number(row.get("Longitude", ""), "Longitude"),
        origin=origin)


def _country(name: str) -> tuple[str, ...]:
    code = country_codes().get(name.strip().lower())
    return (code,) if code else ()
