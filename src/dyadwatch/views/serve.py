"""The local web view: a read-only JSON API under /api/ (OpenAPI schema at /openapi.json) and one
page that uses it. Article text reaches the page only as JSON and is put in as text, never as
markup. Every answer is declared in the schema and checked against it as it leaves. The schemas of
an event and of an analysis are ``model.Event`` and ``model.Analysis`` themselves, the shapes the
exports and ``analysis.to_json`` write (tests/test_serve_schema.py).

The page loads nothing from elsewhere (there are no /docs or /redoc pages, which would load from a
CDN), and every answer carries a Content-Security-Policy that lets the page run only its own inline
script and style, by their hashes."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from pydantic import ConfigDict
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.types import Message as AsgiMessage

from ..analyse import PERIODS, analyse
from ..compare import MAX_WITHIN, WITHIN, compare
from ..lexicon import event_types_and_contexts, known_codes
from ..model import (
    DATASETS,
    MODALITIES,
    Alert,
    Analysis,
    Comparison,
    DateValue,
    DateValueError,
    Dyad,
    DyadError,
    Event,
    MapPoint,
    SourceState,
)
from ..store import EventQuery, Store, StoreError
from .analysis import NAMES, comparison_json, to_json
from .chart import chart_svg, comparison_svg
from .export import event_record
from .worldmap import map_svg

MAX_PAGE = 500
MAX_OFFSET = 10**12  # far past any database, and well inside the 64-bit integers DuckDB takes
MAX_TEXT = 200  # characters of a text filter
DYAD = r" *[A-Za-z]{2,6} *- *[A-Za-z]{2,6} *"  # the dyads model.Dyad.parse reads, as the schema declares them

# A date filter: a year (1000-2999), a month, an ISO week or a day that exists (empty: none). The
# pattern knows month lengths and leap years; week 53 of a year that has 52 is the one date it admits
# and the strict parse refuses.
YEAR = r"[12]\d{3}"
LEAP_YEAR = r"[12]\d(0[48]|[2468][048]|[13579][26])|(1[26]|2[048])00"  # by 4, and by 400 when by 100
MONTH = r"0[1-9]|1[0-2]"
WEEK = r"W(0[1-9]|[1-4]\d|5[0-3])"
DAY = (rf"({YEAR})-(({MONTH})-(0[1-9]|1\d|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)"
       rf"|({LEAP_YEAR})-02-29")
DATE = rf"^(({YEAR})(-({MONTH})|-{WEEK})?|{DAY})?$"
DATE_FORMS = "write YYYY, YYYY-MM, YYYY-Www or YYYY-MM-DD, of a day that exists"

PAGE = "app.html"  # the one page, in dyadwatch/templates
# What a browser may do with an answer: the page's own inline script and style (by hash, filled in
# from the page) and requests to this server; nothing else, and no framing.
CSP = ("default-src 'none'; script-src {script}; style-src {style}; connect-src 'self'; img-src 'self' data:; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")

# --- what the API answers, besides model.Event and model.Analysis ---------------------------------

_EXACT = ConfigDict(extra="forbid")


@dataclass(frozen=True)
class EventPage:
    __pydantic_config__ = _EXACT
    total: int
    offset: int
    events: list[Event]


@dataclass(frozen=True)
class Document:
    __pydantic_config__ = _EXACT
    doc_id: str
    title: str | None
    url: str | None
    published: str | None
    text: str


@dataclass(frozen=True)
class Report(Event):
    """One report of an event's cluster, with the article it is in."""

    __pydantic_config__ = _EXACT

    document: Document | None


@dataclass(frozen=True)
class EventDetail:
    __pydantic_config__ = _EXACT
    event: Event
    cluster: list[Report]


@dataclass(frozen=True)
class Facets:
    __pydantic_config__ = _EXACT
    types: list[str]
    contexts: list[str]
    modalities: list[str]


@dataclass(frozen=True)
class PlaceMap:
    __pydantic_config__ = _EXACT
    places: list[MapPoint]
    svg: str  # the map, as the report draws it: an SVG with no script, one element per place (data-place)


@dataclass(frozen=True)
class Chart:
    __pydantic_config__ = _EXACT
    dyad: str
    svg: str  # the chart, as the report draws it: an SVG with no script


@dataclass(frozen=True)
class DyadCount:
    __pydantic_config__ = _EXACT
    dyad: str
    events: int


@dataclass(frozen=True)
class Watching:
    __pydantic_config__ = _EXACT
    sources: list[SourceState]  # every source a watcher polled, the longest failing first
    alerts: list[Alert]  # the latest first


@dataclass(frozen=True)
class Compared:
    __pydantic_config__ = _EXACT
    dataset: str
    name: str  # "GDELT"
    svg: str  # the comparison's chart, as the report draws it
    comparison: Comparison


@dataclass(frozen=True)
class Message:
    detail: str


class SecurityHeaders:
    """ASGI middleware that sets the same headers on every HTTP answer of the app it wraps."""

    def __init__(self, app: ASGIApp, headers: Mapping[str, str]) -> None:
        self.app = app
        self.headers = dict(headers)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: AsgiMessage) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def security_headers(page: str) -> dict[str, str]:
    """The headers every answer carries, with a policy that admits the inline script and style of
    ``page``, the page as served."""
    return {"Content-Security-Policy": CSP.format(script=_inline_hash(page, "script"),
                                                  style=_inline_hash(page, "style")),
            "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


def _inline_hash(page: str, tag: str) -> str:
    """The CSP source of the one inline ``<tag>`` element of ``page``: 'sha256-' and the base64 of the
    SHA-256 of its text as UTF-8, the text between the tags, as a browser hashes it."""
    found = re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", page, flags=re.DOTALL | re.IGNORECASE)
    if len(found) != 1:
        raise ValueError(f"{PAGE} should have exactly one inline <{tag}>, not {len(found)}")
    digest = hashlib.sha256(found[0].encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def create_app(db: str | Path) -> FastAPI:
    """The app for one database, opened read-only for each request. While a run writes a batch the
    request waits for it; a database busy for longer, or gone, is a 503 that says why."""
    app = FastAPI(title="dyadwatch", description="Coded, dated, sourced events between countries (read-only).",
                  version="1", responses={503: {"model": Message, "description": "The database is busy or gone"}},
                  docs_url=None, redoc_url=None)
    # read once, so that the page served is the page hashed
    html = (resources.files("dyadwatch") / "templates" / PAGE).read_text(encoding="utf-8")
    headers = security_headers(html)
    app.add_middleware(SecurityHeaders, headers=headers)

    @app.exception_handler(StoreError)
    def unavailable(request: Request, error: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=503, headers={"Retry-After": "10"})

    @app.exception_handler(Exception)
    def failed(request: Request, error: Exception) -> PlainTextResponse:
        # answered outside the middleware, so it sets the headers itself
        return PlainTextResponse("Internal Server Error", status_code=500, headers=headers)

    @contextmanager
    def store() -> Iterator[Store]:
        with Store(db, read_only=True) as opened:
            yield opened

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> str:
        return html

    unknown: dict[int | str, dict[str, Any]] = {
        404: {"model": Message, "description": "A code of the dyad that no table or stored event has"}}

    @app.get("/api/events", summary="Events matching every filter given, a page at a time", response_model=EventPage,
             responses=unknown)
    def events(filters: Annotated[Filters, Depends()], limit: int = Query(50, ge=1, le=MAX_PAGE),
               offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
        with store() as opened:
            query = dataclasses.replace(filters.query(opened), limit=limit, offset=offset)
            total, found = opened.query_events(query)
        return {"total": total, "offset": offset, "events": [event_record(e) for e in found]}

    @app.get("/api/map", summary="Where the events matching the filters happened: their places and a map",
             response_model=PlaceMap, responses=unknown)
    def places(filters: Annotated[Filters, Depends()]) -> dict[str, Any]:
        with store() as opened:
            found = opened.places(filters.query(opened))
        return {"places": found, "svg": map_svg(found, highlight=[filters.place] if filters.place else ())}

    @app.get("/api/events/{event_id}", summary="One event, its cluster and every source sentence in its article",
             response_model=EventDetail, responses={404: {"model": Message, "description": "No such event"}})
    def event(event_id: str) -> dict[str, Any]:
        with store() as opened:
            found = opened.event(event_id)
            if found is None:
                raise HTTPException(404, f"no event {event_id}")
            reports = opened.cluster(found.link) if found.link else [found]
            documents = {r.doc_id: opened.document(r.doc_id) for r in reports}
        return {"event": event_record(found),
                "cluster": [{**event_record(r), "document": _document(documents.get(r.doc_id))} for r in reports]}

    @app.get("/api/analysis", summary="A dyad over time: series, turning points, contexts, parties, speakers",
             response_model=Analysis, responses=unknown)
    def analysis(dyad: str = Query(..., description="two codes, e.g. RUS-AZE",
                                   json_schema_extra={"pattern": f"^{DYAD}$"}),
                 by: str = Query("year", pattern="^(" + "|".join(PERIODS) + ")$")) -> dict[str, Any]:
        with store() as opened:
            return to_json(analyse(list(opened.events()), _dyad(dyad, opened), by))

    @app.get("/api/chart", summary="A dyad's chart over time, as the report draws it", response_model=Chart,
             responses=unknown)
    def chart(dyad: str = Query(..., description="two codes, e.g. RUS-AZE", json_schema_extra={"pattern": f"^{DYAD}$"}),
              by: str = Query("year", pattern="^(" + "|".join(PERIODS) + ")$")) -> dict[str, Any]:
        with store() as opened:
            found = analyse(list(opened.events()), _dyad(dyad, opened), by)
        return {"dyad": found.dyad, "svg": chart_svg(found.series, by, found.turning_points)}

    @app.get("/api/compare", summary="A dyad held against each imported dataset (or one), as the report does",
             response_model=list[Compared], responses=unknown)
    def compared(dyad: str = Query(..., description="two codes, e.g. RUS-AZE",
                                   json_schema_extra={"pattern": f"^{DYAD}$"}),
                 dataset: str | None = Query(None, pattern="^(" + "|".join(DATASETS) + ")$"),
                 by: str = Query("year", pattern="^(" + "|".join(PERIODS) + ")$"),
                 within: int = Query(WITHIN, ge=0, le=MAX_WITHIN)) -> list[dict[str, Any]]:
        with store() as opened:
            pair = _dyad(dyad, opened)
            datasets = [dataset] if dataset else sorted(opened.external_counts())
            theirs = {name: rows for name in datasets if (rows := opened.external_events(name, pair))}
            events = list(opened.events(pair)) if theirs else []
        held = [compare(events, rows, pair, name, by, within) for name, rows in theirs.items()]
        return [{"dataset": c.dataset, "name": NAMES[c.dataset], "svg": comparison_svg(c, NAMES[c.dataset]),
                 "comparison": comparison_json(c)} for c in held]

    @app.get("/api/dyads", summary="The pairs of sides with the most events, most first",
             response_model=list[DyadCount])
    def dyads(limit: int = Query(10, ge=1, le=100)) -> list[dict[str, Any]]:
        with store() as opened:
            return [{"dyad": str(dyad), "events": n} for dyad, n in opened.dyads(limit)]

    @app.get("/api/watch", summary="The sources a watcher polls, when and with what result, and its alerts",
             response_model=Watching)
    def watching(limit: int = Query(50, ge=1, le=500)) -> dict[str, Any]:
        with store() as opened:
            return {"sources": opened.source_states(), "alerts": opened.alerts(limit)}

    @app.get("/api/facets", summary="The values the filters can take", response_model=Facets)
    def facets() -> dict[str, list[str]]:
        with store() as opened:
            return opened.facets()

    return app


def _dyad(text: str, store: Store) -> Dyad:
    """The dyad of a query, with codes the tables or the database know. The pattern is declared in the
    schema but checked here, so that one that does not match gets the shape of any other invalid
    parameter with a message that names an example."""
    if not re.fullmatch(DYAD, text):
        raise _invalid("dyad", text, f"dyad '{text}' should be two codes joined by '-', e.g. RUS-AZE")
    try:
        return Dyad.parse(text).known_in(known_codes(), store.codes)
    except DyadError as error:  # well formed, but no such side: not found rather than invalid
        raise HTTPException(404, str(error)) from None


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, frozenset[str]]:
    """The values the closed filters take: the event types of the ontology, its contexts, the modalities."""
    types, contexts = event_types_and_contexts()
    return {"type": types, "context": contexts, "modality": frozenset(MODALITIES)}


def _any_of(name: str) -> str:
    """The schema's pattern for a filter on a closed set: one of its values, or empty (no filter)."""
    return "^(" + "|".join(re.escape(value) for value in sorted(vocabulary()[name])) + ")?$"


def _one_of(name: str, value: str | None, values: frozenset[str]) -> None:
    """A filter on a closed set takes one of its values: "type=FOO" is an error, not an empty page."""
    if value and value not in values:
        raise _invalid(name, value, f"{name} '{value}' is not one of {', '.join(sorted(values))}")


def _invalid(name: str, value: str, message: str) -> RequestValidationError:
    return RequestValidationError([{"type": "value_error", "loc": ("query", name), "input": value, "msg": message}])


def _date(name: str, text: str | None) -> DateValue | None:
    """A date filter, read strictly: one the pattern refuses, or a day or week that does not exist
    ("2004-02-30", "2001-W53"), is an invalid parameter, not the end of its month or year. The pattern
    is declared in the schema but checked here, like the dyad's, so that the message names the
    parameter and the forms a date takes rather than the pattern."""
    if not text:
        return None
    try:
        if re.fullmatch(DATE, text):
            return DateValue.parse(text)
    except DateValueError:
        pass
    raise _invalid(name, text, f"{name} '{text}' is not a date: {DATE_FORMS}")


def _document(row: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if row is None else {k: row[k] for k in ("doc_id", "title", "url", "published", "text")}


@dataclass
class Filters:
    """The filters of the events and the map, as query parameters (FastAPI reads them from this class)."""

    dyad: str | None = Query(None, description="two codes, e.g. RUS-AZE (empty: any)",
                             json_schema_extra={"pattern": f"^({DYAD})?$"})
    start: str | None = Query(None, description="first date, YYYY[-MM[-DD]] or YYYY-Www",
                              json_schema_extra={"pattern": DATE})
    end: str | None = Query(None, description="last date, YYYY[-MM[-DD]] or YYYY-Www",
                            json_schema_extra={"pattern": DATE})
    type: str | None = Query(None, description="PLOVER event type", json_schema_extra={"pattern": _any_of("type")})
    context: str | None = Query(None, json_schema_extra={"pattern": _any_of("context")})
    actor: str | None = Query(None, description="country code or name", max_length=MAX_TEXT)
    modality: str | None = Query(None, json_schema_extra={"pattern": _any_of("modality")})
    q: str | None = Query(None, description="words of the sentence", max_length=MAX_TEXT)
    place: str | None = Query(None, description="a location's GeoNames id, or its name where it has none",
                              max_length=MAX_TEXT)

    def query(self, store: Store) -> EventQuery:
        """The store's query; a value outside the vocabulary is a 422, an unknown dyad code a 404."""
        first, last = _date("start", self.start), _date("end", self.end)
        for name, value in {"type": self.type, "context": self.context, "modality": self.modality}.items():
            _one_of(name, value, vocabulary()[name])
        return EventQuery(_dyad(self.dyad, store) if self.dyad else None, first, last, self.type, self.context,
                          self.actor, self.modality, self.q, place=self.place)
