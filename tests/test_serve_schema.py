"""The web view's JSON API against its own OpenAPI schema (issue 9). Schemathesis sends every
operation valid and invalid requests, always the same ones, and checks that no answer is a server
error, that valid requests are accepted and invalid ones refused, and that each answer has a
declared status code, content type and shape. Generated requests rarely name an event that exists
or a dyad with events, so answers with data are also checked on cases written out here."""

from __future__ import annotations

import pytest
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from dyadwatch.model import Article, DocumentResult
from dyadwatch.store import Store
from dyadwatch.views.serve import create_app

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          negative_data_rejection, positive_data_acceptance]

# A fixed seed and derandomized generation: the same requests on every run, about 10 s in all.
# No stateful phase: a read-only API declares no links between its operations.
CONFIG = schemathesis.Config.from_dict({
    "seed": 9,
    "generation": {"mode": "all", "max-examples": 40, "deterministic": True, "database": "none"},
    "phases": {"stateful": {"enabled": False}},
})

# The schema does not depend on the database: it is read from an app on none, and every request
# goes to an app on the test's database.
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app("no.duckdb"), config=CONFIG)


@pytest.fixture(scope="module")
def served_app(served_db):
    return create_app(served_db)


@schema.parametrize()
def test_serve_schema_every_operation_answers_as_declared(case, served_app):
    case.call_and_validate(app=served_app, checks=CHECKS)


@pytest.mark.parametrize(
    ("path", "request_", "shown"),
    [
        ("/api/events", {}, lambda data: data["total"] == 4 and len(data["events"]) == 4),
        ("/api/events/{event_id}", {"path_parameters": {"event_id": "met"}},
         lambda data: [r["document"]["doc_id"] for r in data["cluster"]] == ["a.txt", "b.txt"]),
        ("/api/analysis", {"query": {"dyad": "RUS-AZE", "by": "month"}},
         lambda data: [r["period"] for r in data["series"]] == ["2001-01"]),
        ("/api/facets", {}, lambda data: data["modalities"] == ["asserted", "negated"]),
    ],
)
def test_serve_schema_answers_with_data_as_declared(served_app, path, request_, shown):
    response = schema[path]["GET"].Case(**request_).call_and_validate(app=served_app, checks=CHECKS)

    assert response.status_code == 200 and shown(response.json())


@pytest.mark.parametrize(
    "query",
    [{"offset": 2**63}, {"offset": -1}, {"limit": 0},  # 2**63 was a DuckDB conversion error, a 500
     {"start": "2004-13-45"}, {"start": "2004-02-30"}, {"end": "2004-02-30"}],  # 02-30 was read as 02-29
    ids=lambda query: "&".join(f"{name}={value}" for name, value in query.items()),
)
def test_serve_schema_refuses_edge_values_as_declared(served_app, query):
    response = schema["/api/events"]["GET"].Case(query=query).call_and_validate(app=served_app, checks=CHECKS)

    assert response.status_code == 422
    assert [problem["loc"] for problem in response.json()["detail"]] == [["query", *query]]


@pytest.fixture
def turning_db(tmp_path, make_event):
    """RUS–AZE meeting in 2001, fighting in 2002 with a quote, and Armenia drawn in: a turning point,
    a speaker and a third party."""
    events = [make_event("met", "a.txt", date="2001-03-01", link="L1"),
              make_event("shot", "a.txt", "RUS", ("AZE", "ARM"), event_type="FIGHT", quad_code=4, intensity=-9.0,
                         date="2002-07-01", link="L2", quote="we will respond")]
    db = tmp_path / "turning.duckdb"
    with Store(db) as store:
        article = Article("a.txt", "Text.", "a.txt", "txt")
        store.save_documents([DocumentResult(article, 1, tuple(events))], "t")
    return db


def test_serve_schema_turning_points_as_declared(turning_db):
    case = schema["/api/analysis"]["GET"].Case(query={"dyad": "RUS-AZE"})
    data = case.call_and_validate(app=create_app(turning_db), checks=CHECKS).json()

    assert [(t["period"], [d["link"] for d in t["drivers"]]) for t in data["turning_points"]] == [("2002", ["L2"])]
    assert data["third_parties"] and data["speakers"]
