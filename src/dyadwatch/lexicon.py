"""The packaged tables (countries, organisations, persons, triggers, …) and users' own additions.

Each table is a tab-separated file with a header; cells holding lists use ``|``. A user
directory given in the settings may hold files of the same names: their rows are added.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path


class LexiconError(ValueError):
    """A data table is missing a column or has a malformed row."""


@dataclass(frozen=True)
class Name:
    """A name that points at an entity: a country, capital, seat, IGO or organisation."""

    entity_id: str
    name: str
    country: str
    sector: str | None
    kind: str  # country, adjective, capital, seat, igo, org, region, facility


@dataclass(frozen=True)
class Role:
    """A person holding a role between two dates (``end`` None: still in office)."""

    entity_id: str
    name: str
    variants: tuple[str, ...]
    country: str
    sector: str
    role: str
    start: date | None
    end: date | None

    def held_on(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True)
class EventType:
    name: str
    quad_code: int
    intensity: float
    cameo: str


@dataclass(frozen=True)
class Lexicon:
    names: dict[str, Name]  # surface form as written → entity
    roles: tuple[Role, ...]
    sectors: dict[str, str]  # lower-case word → sector code
    verb_triggers: dict[str, str]  # lemma or "lemma particle" → event type
    noun_triggers: dict[str, str]
    contexts: dict[str, str]
    event_types: dict[str, EventType]


def _rows(name: str, extra: Path | None) -> Iterator[dict[str, str]]:
    files = [resources.files("dyadwatch") / "data" / name]
    if extra is not None and (extra / name).is_file():
        files.append(extra / name)
    for file in files:
        with file.open(encoding="utf-8") as handle:
            for number, row in enumerate(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
                if None in row or None in row.values():
                    raise LexiconError(f"{file}: line {number} has the wrong number of columns")
                yield row


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _day(cell: str) -> date | None:
    return date.fromisoformat(cell) if cell.strip() else None


def _names(extra: Path | None) -> dict[str, Name]:
    names: dict[str, Name] = {}
    for row in _rows("countries.tsv", extra):
        code = row["code"]
        for kind, column, sector in (("country", "aliases", None), ("adjective", "adjectives", None),
                                     ("capital", "capitals", "GOV"), ("seat", "seats", "GOV")):
            for form in _split(row[column]):
                names.setdefault(form, Name(f"country:{code}", row["name"], code, sector, kind))
        names[row["name"]] = Name(f"country:{code}", row["name"], code, None, "country")
    for row in _rows("igos.tsv", extra):
        for form in [row["name"], row["code"], *_split(row["aliases"])]:
            names.setdefault(form, Name(f"igo:{row['code']}", row["name"], row["code"], row["kind"], "igo"))
    for row in _rows("places.tsv", extra):
        for form in [row["name"], *_split(row["aliases"])]:
            names.setdefault(form, Name(f"place:{row['code']}", row["name"], row["country"], row["sector"] or None,
                                        row["kind"]))
    for row in _rows("organisations.tsv", extra):
        for form in [row["name"], row["code"], *_split(row["aliases"])]:
            names.setdefault(form, Name(f"org:{row['code']}", row["name"], row["country"], row["sector"], "org"))
    return names


def tables_digest(folder: Path) -> str:
    """A short fingerprint of a user's tables, so that changing them re-codes stored documents."""
    digest = hashlib.sha1()
    for file in sorted(folder.glob("*.tsv")):
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:12]


@lru_cache(maxsize=4)
def load_lexicon(extra: Path | None = None) -> Lexicon:
    """Read every table once per process (and per user directory)."""
    roles = tuple(
        Role(f"person:{r['id']}", r["name"], tuple(_split(r["variants"])), r["country"], r["sector"],
             r["role"], _day(r["start"]), _day(r["end"]))
        for r in _rows("persons.tsv", extra)
    )
    triggers = list(_rows("triggers.tsv", extra))
    return Lexicon(
        names=_names(extra),
        roles=roles,
        sectors={r["word"].lower(): r["sector"] for r in _rows("sectors.tsv", extra)},
        verb_triggers={r["trigger"]: r["event_type"] for r in triggers if r["pos"] == "VERB"},
        noun_triggers={r["trigger"]: r["event_type"] for r in triggers if r["pos"] == "NOUN"},
        contexts={r["word"].lower(): r["context"] for r in _rows("contexts.tsv", extra)},
        event_types={r["event_type"]: EventType(r["event_type"], int(r["quad_code"]), float(r["intensity"]),
                                                r["cameo"]) for r in _rows("plover.tsv", extra)},
    )
