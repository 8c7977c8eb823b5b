"""The packaged tables (countries, organisations, persons, triggers, …) and users' own additions.

Each table is a tab-separated file with a header; cells holding lists use ``|``. A user
directory given in the settings may hold files of the same names: their rows are added.
"""

from __future__ import annotations

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
class Outlet:
    """A news source (a web domain such as ``kremlin.ru``, or an outlet's name such as ``TASS``) and
    the country it speaks for: a government's or state medium's home; empty for wires and
    independent media."""

    source: str
    name: str
    country: str
    kind: str  # government, state-media, wire, independent


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
    leaders: tuple[tuple[str, str, date | None, date | None], ...]  # country, office, start, end
    sectors: dict[str, str]  # lower-case word → sector code
    verb_triggers: dict[str, str]  # lemma, "lemma particle" or "lemma object" → event type
    noun_triggers: dict[str, str]  # lemma or "modifier lemma" → event type
    trigger_modes: dict[tuple[str, str], str]  # (pos, trigger) → PLOVER mode, where the table gives one
    trigger_cameo: dict[tuple[str, str], str]  # (pos, trigger) → CAMEO root, where it is not the type's
    contexts: dict[str, str]
    quote_cues: dict[str, str]  # words that make a quote a statement of a type: "aggression" → ACCUSE
    event_types: dict[str, EventType]
    outlets: tuple[Outlet, ...] = ()  # sources.tsv


COLUMNS = {
    "countries.tsv": ("code", "name", "aliases", "adjectives", "capitals", "seats"),
    "igos.tsv": ("code", "name", "aliases", "kind"),
    "places.tsv": ("code", "name", "aliases", "country", "sector", "kind"),
    "organisations.tsv": ("code", "name", "aliases", "country", "sector"),
    "persons.tsv": ("id", "name", "variants", "country", "sector", "role", "start", "end"),
    "leaders.tsv": ("country", "office", "start", "end"),
    "sectors.tsv": ("word", "sector"),
    "agents.tsv": ("word", "sector"),
    "triggers.tsv": ("trigger", "pos", "event_type"),
    "contexts.tsv": ("word", "context"),
    "quotes.tsv": ("cue", "event_type"),
    "plover.tsv": ("event_type", "quad_code", "intensity", "cameo", "cameo_name"),
    "cameo.tsv": ("cameo", "event_type", "note"),
    "sources.tsv": ("source", "name", "country", "kind"),
    "gazetteer.tsv": ("code", "name", "aliases", "country", "feature", "lat", "lon", "geonameid", "source"),
}
_CHOICES = {("igos.tsv", "kind"): {"IGO", "NGO"}, ("places.tsv", "kind"): {"region", "facility"},
            ("triggers.tsv", "pos"): {"VERB", "NOUN"},
            ("gazetteer.tsv", "feature"): {"city", "region", "country", "facility", "sea", "river"},
            ("sources.tsv", "kind"): {"government", "state-media", "wire", "independent"}}


def read_table(name: str, extra: Path | None) -> Iterator[tuple[str, dict[str, str]]]:
    """Each row of a table with where it stands ('file: line N'): the hand-kept packaged rows first,
    then those made from the Phoenix dictionaries (data/phoenix/), then the user's."""
    data = resources.files("dyadwatch") / "data"
    files = [data / name] if name != "agents.tsv" else []  # agents come from Phoenix and users only
    if (data / "phoenix" / name).is_file():
        files.append(data / "phoenix" / name)
    if extra is not None and (extra / name).is_file():
        files.append(extra / name)
    for file in files:
        try:
            with file.open(encoding="utf-8") as handle:
                yield from _checked_rows(name, str(file), handle.read().splitlines())
        except UnicodeDecodeError as error:
            raise LexiconError(f"{file}: not UTF-8 text (byte 0x{error.object[error.start]:02x})") from error


def _checked_rows(name: str, file: str, lines: list[str]) -> Iterator[tuple[str, dict[str, str]]]:
    header = lines[0].split("\t") if lines else []
    missing = [c for c in COLUMNS[name] if c not in header]
    if missing:
        raise LexiconError(f"{file}: line 1: missing column(s) {', '.join(missing)}; the header must be "
                           f"{' '.join(COLUMNS[name])} (tab-separated)")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        where = f"{file}: line {number}"
        if len(cells) != len(header):
            raise LexiconError(f"{where}: {len(cells)} cells for {len(header)} columns (cells are separated by tabs)")
        row = dict(zip(header, (c.strip() for c in cells), strict=True))
        for (table, column), allowed in _CHOICES.items():
            if table == name and row[column] not in allowed:
                raise LexiconError(f"{where}: {column} '{row[column]}' is not one of {', '.join(sorted(allowed))}")
        yield where, row


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _day(cell: str, where: str) -> date | None:
    try:
        return date.fromisoformat(cell) if cell.strip() else None
    except ValueError as error:
        raise LexiconError(f"{where}: '{cell}' is not a date (write YYYY-MM-DD)") from error


def _role(where: str, row: dict[str, str]) -> Role:
    if not row["id"] or not row["name"] or not _split(row["variants"]):
        raise LexiconError(f"{where}: a person needs an id, a name and at least one variant")
    start, end = _day(row["start"], where), _day(row["end"], where)
    if start and end and end < start:
        raise LexiconError(f"{where}: the role ends ({end}) before it starts ({start})")
    return Role(f"person:{row['id']}", row["name"], tuple(_split(row["variants"])), row["country"], row["sector"],
                row["role"], start, end)


def _names(extra: Path | None) -> dict[str, Name]:
    names: dict[str, Name] = {}
    for _, row in read_table("countries.tsv", extra):
        code = row["code"]
        for kind, column, sector in (("country", "aliases", None), ("adjective", "adjectives", None),
                                     ("capital", "capitals", "GOV"), ("seat", "seats", "GOV")):
            for form in _split(row[column]):
                names.setdefault(form, Name(f"country:{code}", row["name"], code, sector, kind))
        names[row["name"]] = Name(f"country:{code}", row["name"], code, None, "country")
    for _, row in read_table("igos.tsv", extra):
        for form in [row["name"], row["code"], *_split(row["aliases"])]:
            names.setdefault(form, Name(f"igo:{row['code']}", row["name"], row["code"], row["kind"], "igo"))
    for _, row in read_table("places.tsv", extra):
        for form in [row["name"], *_split(row["aliases"])]:
            names.setdefault(form, Name(f"place:{row['code']}", row["name"], row["country"], row["sector"] or None,
                                        row["kind"]))
    for _, row in read_table("organisations.tsv", extra):
        for form in [row["name"], row["code"], *_split(row["aliases"])]:
            names.setdefault(form, Name(f"org:{row['code']}", row["name"], row["country"], row["sector"], "org"))
    return names


def _outlet(where: str, row: dict[str, str], codes: set[str]) -> Outlet:
    """A row of sources.tsv: a government or state medium has a home country, others none."""
    source, country, kind = row["source"], row["country"], row["kind"]
    if not source or not row["name"] or "/" in source:
        raise LexiconError(f"{where}: an outlet needs a source (a domain such as kremlin.ru, not a URL) and a name")
    if country and country not in codes:
        raise LexiconError(f"{where}: country '{country}' is not a code of countries.tsv or igos.tsv")
    if bool(country) != (kind in ("government", "state-media")):
        raise LexiconError(f"{where}: a {kind} outlet " + ("needs a home country" if not country else
                           "has no home country (leave country empty)"))
    return Outlet(source, row["name"], country, kind)


def tables_digest(folder: Path) -> str:
    """A short fingerprint of a user's tables, so that changing them re-codes stored documents."""
    digest = hashlib.sha1()
    for file in sorted(folder.glob("*.tsv")):
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:12]


def _known_type(where: str, row: dict[str, str], event_types: dict[str, EventType]) -> bool:
    if row["event_type"] not in event_types:
        raise LexiconError(f"{where}: event type '{row['event_type']}' is not a PLOVER type "
                           f"({', '.join(sorted(event_types))})")
    return True


@lru_cache(maxsize=1)
def known_codes() -> frozenset[str]:
    """The codes of the packaged countries and organisations (a dyad's sides are checked against these
    and the codes stored in a database, which a user's own tables may have added)."""
    return frozenset(row["code"] for name in ("countries.tsv", "igos.tsv") for _, row in read_table(name, None))


@lru_cache(maxsize=1)
def code_names() -> dict[str, str]:
    """The name of each packaged country and organisation code, as people write it: ARM → Armenia."""
    return {row["code"]: row["name"] for name in ("countries.tsv", "igos.tsv") for _, row in read_table(name, None)}


@lru_cache(maxsize=1)
def event_types_and_contexts() -> tuple[frozenset[str], frozenset[str]]:
    """The ontology's event types and the contexts of the packaged tables (without loading the rest)."""
    return (frozenset(row["event_type"] for _, row in read_table("plover.tsv", None)),
            frozenset(row["context"] for _, row in read_table("contexts.tsv", None)))


@lru_cache(maxsize=1)
def plover_scale() -> dict[str, tuple[int, float]]:
    """Each PLOVER type's quad class and intensity (plover.tsv)."""
    return {row["event_type"]: (int(row["quad_code"]), float(row["intensity"]))
            for _, row in read_table("plover.tsv", None)}


@lru_cache(maxsize=1)
def cameo_types() -> dict[str, str | None]:
    """CAMEO codes (roots and the longer codes that differ from their root) → PLOVER type, None where
    PLOVER has none (cameo.tsv); the longest code that begins a given code decides."""
    known = plover_scale()
    found: dict[str, str | None] = {}
    for where, row in read_table("cameo.tsv", None):
        if row["event_type"] and row["event_type"] not in known:
            raise LexiconError(f"{where}: '{row['event_type']}' is not an event type of plover.tsv")
        found[row["cameo"]] = row["event_type"] or None
    return found


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """Country names as datasets write them ("Russian Federation", "Azerbaijan"), lower-cased → code:
    the packaged names and aliases, then ISO 3166's names (pycountry)."""
    import pycountry

    found: dict[str, str] = {}
    for country in pycountry.countries:
        for name in ("name", "official_name", "common_name"):
            if value := getattr(country, name, None):
                found[value.lower()] = country.alpha_3
    for _, row in read_table("countries.tsv", None):
        for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
            found[name.lower()] = row["code"]
    return found


@lru_cache(maxsize=4)
def load_lexicon(extra: Path | None = None) -> Lexicon:
    """Read every table once per process (and per user directory)."""
    roles = tuple(_role(where, row) for where, row in read_table("persons.tsv", extra))
    event_types = {r["event_type"]: EventType(r["event_type"], int(r["quad_code"]), float(r["intensity"]),
                                              r["cameo"]) for _, r in read_table("plover.tsv", extra)}
    triggers = [row for where, row in read_table("triggers.tsv", extra) if _known_type(where, row, event_types)]
    sectors = {r["word"].lower(): r["sector"] for _, r in read_table("sectors.tsv", extra)}
    for _, row in read_table("agents.tsv", extra):  # generic agents: a word sectors.tsv gives keeps its sector
        sectors.setdefault(row["word"].lower(), row["sector"])
    names = _names(extra)
    codes = {name.country for name in names.values() if name.kind in ("country", "igo")}
    return Lexicon(
        names=names,
        roles=roles,
        leaders=tuple((r["country"], r["office"], _day(r["start"], w), _day(r["end"], w))
                      for w, r in read_table("leaders.tsv", extra)),
        sectors=sectors,
        verb_triggers={r["trigger"]: r["event_type"] for r in triggers if r["pos"] == "VERB"},
        noun_triggers={r["trigger"]: r["event_type"] for r in triggers if r["pos"] == "NOUN"},
        trigger_modes={(r["pos"], r["trigger"]): r["mode"] for r in triggers if r.get("mode")},
        trigger_cameo={(r["pos"], r["trigger"]): r["cameo"] for r in triggers if r.get("cameo")},
        contexts={r["word"].lower(): r["context"] for _, r in read_table("contexts.tsv", extra)},
        quote_cues={r["cue"].lower(): r["event_type"] for w, r in read_table("quotes.tsv", extra)
                    if _known_type(w, r, event_types)},
        event_types=event_types,
        outlets=tuple(_outlet(where, row, codes) for where, row in read_table("sources.tsv", extra)),
    )
