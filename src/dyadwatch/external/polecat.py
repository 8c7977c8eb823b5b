"""POLECAT (Harvard Dataverse ``ngecEvents*.txt``, also zipped): tab-separated, a header line of 40
columns ("Event ID", "Event Date", "Event Type", "Event Mode", "Intensity" or "Event Intensity",
"Quad Code", "Contexts", "Actor Name", "Actor Country", …, "Recipient Name", "Recipient Country", …,
"Placename", …, "Latitude", "Longitude", …, "Source", "Publication Date", …). Event types are PLOVER's
already; countries are ISO codes, several split by ";"; "None" is an empty cell. Some published files
have extra names in their header or tabs at the ends of lines: their rows are read by the 40 columns.
POLECAT publishes no story URLs, only the source's name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..lexicon import plover_scale
from ..model import ExternalEvent, Reject
from .files import iso_day, named_rows, number

REQUIRED = ("Event ID", "Event Date", "Event Type", "Actor Name", "Actor Country", "Recipient Name",
            "Recipient Country")
COLUMNS = ("Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts", "Actor Name",
           "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title", "Actor Name Raw",
           "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
           "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
           "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type",
           "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language",
           "Version")


def rows(path: Path) -> Iterator[ExternalEvent | Reject]:
    return named_rows(path, "POLECAT", REQUIRED, COLUMNS, _event)


def _event(cells: dict[str, str], origin: str) -> ExternalEvent:
    row = {name: "" if value == "None" else value for name, value in cells.items()}  # POLECAT's empty cell
    if not row["Event ID"]:
        raise ValueError("no Event ID")
    event_type = row["Event Type"].strip().upper()
    if event_type not in plover_scale():
        raise ValueError(f"Event Type '{row['Event Type']}' is not a PLOVER event type")
    quad, intensity = plover_scale()[event_type]
    score = row.get("Intensity", row.get("Event Intensity", ""))
    return ExternalEvent(
        dataset="polecat", id=row["Event ID"], date=iso_day(row["Event Date"]), actor=row["Actor Name"],
        recipient=row["Recipient Name"], actor_countries=_countries(row["Actor Country"]),
        recipient_countries=_countries(row["Recipient Country"]), cameo=None, event_type=event_type, quad_code=quad,
        intensity=intensity, score=number(score, "Intensity"), url=None, source=row.get("Source") or None,
        place=row.get("Placename") or None, lat=number(row.get("Latitude", ""), "Latitude"),
        lon=number(row.get("Longitude", ""), "Longitude"), origin=origin)


def _countries(cell: str) -> tuple[str, ...]:
    codes = (code.strip().upper() for code in cell.split(";"))
    return tuple(dict.fromkeys(code for code in codes if code and code != "NONE"))
