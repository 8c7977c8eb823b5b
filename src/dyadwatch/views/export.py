"""Export events as JSONL or CSV with the fields of the output contract."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import fields
from typing import Any, TextIO

from pydantic import TypeAdapter

from ..model import Event, countries

FORMATS = ("jsonl", "csv")


class ExportError(ValueError):
    """An export was asked for in a way that cannot work."""


_EVENT = TypeAdapter(Event)
EVENT_FIELDS = tuple(f.name for f in fields(Event))  # the contract's keys, in its order


def event_record(event: Event) -> dict[str, Any]:
    """One event as the contract's JSON object: every field of ``model.Event``, in its order."""
    record: dict[str, Any] = _EVENT.dump_python(event, mode="json")
    return record


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(event_record(event), ensure_ascii=False) + "\n")
        count += 1
    return count


# A spreadsheet reads a cell that starts with one of these as a formula (=HYPERLINK(...), =cmd|...) and runs
# it. OWASP's advice for CSV injection: put a single quote in front, which makes the cell plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"


def neutralise(text: str) -> str:
    """A text cell as a spreadsheet should show it: with ``TEXT_MARK`` in front when it starts like a formula."""
    return TEXT_MARK + text if text.startswith(FORMULA_STARTS) else text


def _cell(value: Any) -> Any:
    """One CSV cell: lists and objects as JSON text, text neutralised, numbers as they are, None empty."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)  # starts with [ or {, never like a formula
    if isinstance(value, str):
        return neutralise(value)
    return "" if value is None else value  # an int or a float the exporter wrote: stays a number, never marked


CSV_FIELDS = (*EVENT_FIELDS, "actor_countries", "recipient_countries", "lat", "lon")


def _has_carriage_return(row: dict[str, Any]) -> bool:
    """Whether a text cell of the row holds a carriage return (see ``write_csv``)."""
    return any(isinstance(value, str) and "\r" in value for value in row.values())


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    """One row per event; lists and objects as JSON text, plus flat country and coordinate columns for
    spreadsheets and GIS. A text cell that starts like a formula gets a single quote in front
    (``neutralise``); numbers stay numbers."""
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    # Python before 3.11.9 leaves a carriage return unquoted when the line ends in "\n" (CPython gh-67044),
    # which splits the row for a reader: a row with one is written with every text cell quoted instead.
    quoted = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writeheader()
    count = 0
    for event in events:
        row = {key: _cell(value) for key, value in event_record(event).items()}
        row["actor_countries"] = neutralise(";".join(countries(event.actor)))
        row["recipient_countries"] = neutralise(";".join(countries(event.recipient)))
        row["lat"], row["lon"] = (_cell(event.location.lat), _cell(event.location.lon)) if event.location else ("", "")
        (quoted if _has_carriage_return(row) else writer).writerow(row)
        count += 1
    return count


def write(events: Iterable[Event], out: TextIO, fmt: str) -> int:
    if fmt not in FORMATS:
        raise ExportError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    return write_jsonl(events, out) if fmt == "jsonl" else write_csv(events, out)
