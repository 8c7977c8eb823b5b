"""Export events as JSONL or CSV with the fields of the output contract."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any, TextIO

from .model import Actor, Event, countries

FORMATS = ("jsonl", "csv")
ACTOR_FIELDS = ("text", "name", "country", "sector", "entity_id")


class ExportError(ValueError):
    """An export was asked for in a way that cannot work."""


def parse_dyad(text: str) -> tuple[str, str]:
    """'RUS-AZE' → ('RUS', 'AZE')."""
    parts = [part.strip() for part in text.upper().split("-")]
    if len(parts) != 2 or not all(re.fullmatch(r"[A-Z]{2,6}", part) for part in parts):
        raise ExportError(f"dyad '{text}' should be two codes joined by '-', e.g. RUS-AZE")
    return parts[0], parts[1]


def _actor(actor: Actor) -> dict[str, Any]:
    record = {name: getattr(actor, name) for name in ACTOR_FIELDS}
    record["rule"] = actor.rule
    record["confidence"] = actor.confidence
    record["evidence"] = actor.evidence
    return record


def event_record(event: Event) -> dict[str, Any]:
    """One event as the contract's JSON object (plus ``trigger`` and ``cameo``)."""
    return {
        "id": event.id,
        "doc_id": event.doc_id,
        "event_type": event.event_type,
        "mode": event.mode,
        "context": list(event.context),
        "quad_code": event.quad_code,
        "intensity": event.intensity,
        "actor": [_actor(a) for a in event.actor],
        "recipient": [_actor(a) for a in event.recipient],
        "date": event.date,
        "date_precision": event.date_precision,
        "date_basis": event.date_basis,
        "date_evidence": event.date_evidence,
        "modality": event.modality,
        "sentence": event.sentence,
        "span": list(event.span),
        "location": asdict(event.location) if event.location else None,
        "quote": event.quote,
        "confidence": event.confidence,
        "link": event.link,
        "sources": list(event.sources),
        "coder": event.coder,
        "trigger": event.trigger,
        "cameo": event.cameo,
    }


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(event_record(event), ensure_ascii=False) + "\n")
        count += 1
    return count


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


CSV_FIELDS = ("id", "doc_id", "event_type", "mode", "context", "quad_code", "intensity", "actor", "recipient",
              "date", "date_precision", "date_basis", "date_evidence", "modality", "sentence", "span", "location",
              "quote",
              "confidence", "link", "sources", "coder", "trigger", "cameo", "actor_countries", "recipient_countries")


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    """One row per event; lists and objects as JSON text, plus flat country columns for spreadsheets."""
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        row = {key: _cell(value) for key, value in event_record(event).items()}
        row["actor_countries"] = ";".join(countries(event.actor))
        row["recipient_countries"] = ";".join(countries(event.recipient))
        writer.writerow(row)
        count += 1
    return count


def write(events: Iterable[Event], out: TextIO, fmt: str) -> int:
    if fmt not in FORMATS:
        raise ExportError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    return write_jsonl(events, out) if fmt == "jsonl" else write_csv(events, out)
