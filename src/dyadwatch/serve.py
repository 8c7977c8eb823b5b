"""The local web view: a read-only JSON API under /api/ (OpenAPI schema at /openapi.json) and one
page that uses it. Article text reaches the page only as JSON and is put in as text, never as
markup."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse

from .analyse import PERIODS, analyse
from .analysis_view import to_json
from .export import ExportError, event_record, parse_dyad
from .store import EventQuery, Store

MAX_PAGE = 500


def create_app(db: str | Path) -> FastAPI:
    """The app for one database, opened read-only for each request."""
    app = FastAPI(title="dyadwatch", description="Coded, dated, sourced events between countries (read-only).",
                  version="1")

    @contextmanager
    def store() -> Iterator[Store]:
        with Store(db, read_only=True) as opened:
            yield opened

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> str:
        return (resources.files("dyadwatch") / "templates" / "app.html").read_text(encoding="utf-8")

    @app.get("/api/events", summary="Events matching every filter given, a page at a time")
    def events(dyad: str | None = Query(None, description="two codes, e.g. RUS-AZE"),
               start: str | None = Query(None, description="first date, YYYY[-MM[-DD]]"),
               end: str | None = Query(None, description="last date, YYYY[-MM[-DD]]"),
               type: str | None = Query(None, description="PLOVER event type"),
               context: str | None = None, actor: str | None = Query(None, description="country code or name"),
               modality: str | None = None, q: str | None = Query(None, description="words of the sentence"),
               limit: int = Query(50, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)) -> dict[str, Any]:
        query = EventQuery(_dyad(dyad), start, end, type, context, actor, modality, q, limit=limit, offset=offset)
        with store() as opened:
            total, found = opened.query_events(query)
        return {"total": total, "offset": offset, "events": [event_record(e) for e in found]}

    @app.get("/api/events/{event_id}", summary="One event, its cluster and every source sentence in its article")
    def event(event_id: str) -> dict[str, Any]:
        with store() as opened:
            found = opened.event(event_id)
            if found is None:
                raise HTTPException(404, f"no event {event_id}")
            reports = opened.cluster(found.link) if found.link else [found]
            documents = {r.doc_id: opened.document(r.doc_id) for r in reports}
        return {"event": event_record(found),
                "cluster": [{**event_record(r), "document": _document(documents.get(r.doc_id))} for r in reports]}

    @app.get("/api/analysis", summary="A dyad over time: series, turning points, contexts, parties, speakers")
    def analysis(dyad: str = Query(..., description="two codes, e.g. RUS-AZE"),
                 by: str = Query("year", pattern="^(" + "|".join(PERIODS) + ")$")) -> dict[str, Any]:
        pair = _dyad(dyad)
        assert pair is not None
        with store() as opened:
            return to_json(analyse(list(opened.events()), pair, by))

    @app.get("/api/facets", summary="The values the filters can take")
    def facets() -> dict[str, list[str]]:
        with store() as opened:
            return opened.facets()

    return app


def _dyad(text: str | None) -> tuple[str, str] | None:
    if not text:
        return None
    try:
        return parse_dyad(text)
    except ExportError as error:
        raise HTTPException(422, str(error)) from error


def _document(row: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if row is None else {k: row[k] for k in ("doc_id", "title", "url", "published", "text")}
