"""The web view's JSON API, on a store built by hand (no model needed)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dyadwatch.model import Article, DateValue, DocumentResult
from dyadwatch.serve import create_app
from dyadwatch.store import Store

TEXT = "Headline\n\nPutin met Aliyev in Baku. Moscow <script>document.title='owned'</script> protested."


@pytest.fixture
def client(make_event, tmp_path):
    db = tmp_path / "x.duckdb"
    events = [
        make_event("met", "a.txt", date="2001-01-09", link="L1", sentence="Putin met Aliyev in Baku.", span=(10, 35),
                   context=("diplomatic",)),
        make_event("met2", "b.txt", date="2001-01-10", link="L1", sentence="The presidents met.", span=(0, 19)),
        make_event("sold", "b.txt", "RUS", "ARM", event_type="AID", quad_code=2, date="2003-05-01", link="L2",
                   sentence="Russia sold arms to Armenia.", context=("military",)),
        make_event("xss", "a.txt", "RUS", "AZE", event_type="PROTEST", quad_code=4, date="2004-02-11", link="L3",
                   sentence="Moscow <script>document.title='owned'</script> protested.", span=(36, 91),
                   modality="negated"),
    ]
    with Store(db) as store:
        for doc_id, text in (("a.txt", TEXT), ("b.txt", "Other text. The presidents met.")):
            article = Article(doc_id, text, doc_id, "txt", title=f"Title {doc_id}",
                              published=DateValue("2004-02-11", "day"), published_basis="supplied")
            store.save_documents([DocumentResult(article, 2, tuple(e for e in events if e.doc_id == doc_id))], "t")
    return TestClient(create_app(db))


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("", ["met", "met2", "sold", "xss"]),
        ("?dyad=AZE-RUS", ["met", "met2", "xss"]),
        ("?type=AID", ["sold"]),
        ("?start=2001-01-10&end=2003", ["met2", "sold"]),
        ("?context=military", ["sold"]),
        ("?actor=arm", ["sold"]),
        ("?modality=negated", ["xss"]),
        ("?q=presidents", ["met2"]),
        ("?limit=2&offset=1", ["met2", "sold"]),
    ],
)
def test_serve_events_filters_all_at_once(client, query, ids):
    data = client.get("/api/events" + query).json()

    assert [e["id"] for e in data["events"]] == ids
    assert data["total"] == (4 if "limit" in query else len(ids))


def test_serve_event_shows_its_cluster_with_each_article_and_span(client):
    data = client.get("/api/events/met").json()

    assert data["event"]["id"] == "met"
    reports = {r["id"]: r for r in data["cluster"]}
    assert set(reports) == {"met", "met2"}
    text, (start, end) = reports["met"]["document"]["text"], reports["met"]["span"]
    assert text[start:end] == "Putin met Aliyev in Baku."
    assert reports["met2"]["document"]["title"] == "Title b.txt"


def test_serve_article_text_stays_text_in_json(client):
    data = client.get("/api/events/xss").json()

    assert "<script>document.title='owned'</script>" in data["event"]["sentence"]
    assert client.get("/").text.count("<script>") == 1  # the page's own script only: nothing is built as markup


def test_serve_answers_unknown_events_and_bad_dyads_with_messages(client):
    assert client.get("/api/events/nope").status_code == 404
    answer = client.get("/api/events?dyad=RUSSIA")
    assert answer.status_code == 422 and "RUS-AZE" in answer.json()["detail"]


def test_serve_publishes_its_openapi_schema_and_facets(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/analysis", "/api/facets"} <= set(paths)
    assert client.get("/api/facets").json()["types"] == ["AID", "CONSULT", "PROTEST"]


def test_serve_analysis_of_a_dyad(client):
    data = client.get("/api/analysis?dyad=RUS-AZE").json()

    assert [row["period"] for row in data["series"]] == ["2001"]  # the negated protest does not count
    assert client.get("/api/analysis?dyad=RUS-AZE&by=week").status_code == 422


def test_serve_is_read_only(client):
    assert client.post("/api/events").status_code == 405
