"""GDELT 2.0: the event export (``*.export.CSV.zip``: 61 tab-separated columns, no header) and its
mentions file (``*.mentions.CSV.zip``: 16 columns), as the GDELT 2.0 Event Codebook lays them out. A
file is told by its columns; GDELT 1.0's 57 or 58 columns are refused with a message."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..model import ExternalEvent, ExternalMention, Reject
from .files import STAGE, ExternalFileError, iso_day, lines, number, plover_of_cameo, scaled

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS = ("GLOBALEVENTID", "Day", "MonthYear", "Year", "FractionDate", *(f"Actor1{c}" for c in _ACTOR),
           *(f"Actor2{c}" for c in _ACTOR), "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
           "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
           *(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in _GEO), "DATEADDED", "SOURCEURL")
MENTION_COLUMNS = ("GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
                   "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
                   "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras")
EVENTS, MENTIONS = len(COLUMNS), len(MENTION_COLUMNS)  # 61 and 16
(ID, DAY, ACTOR1_NAME, ACTOR1_COUNTRY, ACTOR2_NAME, ACTOR2_COUNTRY, EVENT_CODE, QUAD_CLASS, GOLDSTEIN, ACTION_PLACE,
 ACTION_LAT, ACTION_LON, SOURCE_URL) = (COLUMNS.index(name) for name in (
    "GLOBALEVENTID", "Day", "Actor1Name", "Actor1CountryCode", "Actor2Name", "Actor2CountryCode", "EventCode",
    "QuadClass", "GoldsteinScale", "ActionGeo_FullName", "ActionGeo_Lat", "ActionGeo_Long", "SOURCEURL"))
MENTION_ID, MENTION_URL = 0, MENTION_COLUMNS.index("MentionIdentifier")
# CAMEO country codes that are not ISO 3166-1 alpha-3 codes of the same country
CAMEO_COUNTRIES = {"ROM": "ROU", "TMP": "TLS", "MTN": "MNE"}


def rows(path: Path) -> Iterator[ExternalEvent | ExternalMention | Reject]:
    """Each row of an event export or a mentions file, or a Reject saying why not."""
    layout: int | None = None
    member = None
    for where, number_, line in lines(path):
        if where != member:  # each file of a zip is told by its own columns
            layout, member = None, where
        if not line.strip():
            continue
        cells = line.split("\t")
        if cells[0] == "GLOBALEVENTID":  # a header line, as some exports (BigQuery's) add
            continue
        if layout is None:
            layout = _layout(where, len(cells))
        origin = f"{where}: line {number_}"
        if len(cells) != layout:
            yield Reject(origin, f"{len(cells)} columns, not the {layout} of a GDELT 2.0 "
                         f"{'event export' if layout == EVENTS else 'mentions file'} (a cut or broken line?)",
                         STAGE)
            continue
        try:
            yield _event(cells, origin) if layout == EVENTS else _mention(cells, origin)
        except ValueError as error:
            yield Reject(origin, str(error), STAGE)
    if member is None:
        raise ExternalFileError(f"{path}: empty; nothing imported, what it brought before kept")


def _layout(where: str, columns: int) -> int:
    if columns in (EVENTS, MENTIONS):
        return columns
    if columns in (57, 58):
        raise ExternalFileError(f"{where}: {columns} columns: a GDELT 1.0 file; dyadwatch reads GDELT 2.0 event "
                                "exports (61 columns) and mentions files (16)")
    raise ExternalFileError(f"{where}: line 1 has {columns} tab-separated columns; a GDELT 2.0 event export has "
                            f"{EVENTS} and a mentions file {MENTIONS}")


def _event(cells: list[str], origin: str) -> ExternalEvent:
    if not cells[ID].strip():
        raise ValueError("no GLOBALEVENTID")
    code, their_quad = cells[EVENT_CODE].strip(), cells[QUAD_CLASS].strip()
    if their_quad not in ("1", "2", "3", "4"):
        raise ValueError(f"QuadClass '{their_quad}' is not 1, 2, 3 or 4")
    event_type = plover_of_cameo(code)
    quad, intensity = scaled(event_type)
    return ExternalEvent(
        dataset="gdelt", id=cells[ID].strip(), date=iso_day(cells[DAY]), actor=cells[ACTOR1_NAME].strip(),
        recipient=cells[ACTOR2_NAME].strip(), actor_countries=_country(cells[ACTOR1_COUNTRY]),
        recipient_countries=_country(cells[ACTOR2_COUNTRY]), cameo=code, event_type=event_type,
        quad_code=quad or int(their_quad),
        intensity=intensity, score=number(cells[GOLDSTEIN], "GoldsteinScale"), url=cells[SOURCE_URL].strip() or None,
        source=None, place=cells[ACTION_PLACE].strip() or None, lat=number(cells[ACTION_LAT], "ActionGeo_Lat"),
        lon=number(cells[ACTION_LON], "ActionGeo_Long"), origin=origin)


def _mention(cells: list[str], origin: str) -> ExternalMention:
    if not cells[MENTION_ID].strip() or not cells[MENTION_URL].strip():
        raise ValueError("a mention needs its GLOBALEVENTID and its MentionIdentifier")
    return ExternalMention("gdelt", cells[MENTION_ID].strip(), cells[MENTION_URL].strip(), origin)


def _country(code: str) -> tuple[str, ...]:
    code = code.strip().upper()
    return (CAMEO_COUNTRIES.get(code, code),) if code else ()
