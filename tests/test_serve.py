"""The web view's JSON API, on a store built by hand (conftest's ``served_db``; no model needed)."""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import date

import pytest
from fastapi.testclient import TestClient

from dyadwatch.model import DateValue, DateValueError
from dyadwatch.views.serve import DATE, MAX_OFFSET, create_app


@pytest.fixture
def client(served_db):
    return TestClient(create_app(served_db))


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("", ["met", "met2", "sold", "xss"]),
        ("?q=%25", []),  # % and _ typed are characters to find, not wildcards
        ("?q=_", []),
        ("?actor=%25", []),
        ("?dyad=AZE-RUS", ["met", "met2", "xss"]),
        ("?type=AID", ["sold"]),
        ("?start=2001-01-10&end=2003", ["met2", "sold"]),
        ("?start=2001-W02&end=2001-W02", ["met", "met2"]),  # ISO week: 8 to 14 January 2001
        ("?start=2003-05-01&end=2004-02-29", ["sold", "xss"]),  # a leap day is a date
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


def test_serve_event_carries_its_date_evidence(client):
    data = client.get("/api/events/met").json()

    assert "date_evidence" in data["event"] and data["event"]["date_evidence"] is None
    assert all("date_evidence" in report for report in data["cluster"])


def test_serve_article_text_stays_text_in_json(client):
    data = client.get("/api/events/xss").json()

    assert "<script>document.title='owned'</script>" in data["event"]["sentence"]
    assert client.get("/").text.count("<script>") == 1  # the page's own script only: nothing is built as markup


def test_serve_answers_unknown_events_and_bad_dyads_with_messages(client):
    assert client.get("/api/events/nope").json() == {"detail": "no event nope"}
    answer = client.get("/api/events?dyad=RUSSIA")
    assert answer.status_code == 422
    [problem] = answer.json()["detail"]  # the shape of every other invalid parameter (issue 9, schemathesis)
    assert problem["loc"] == ["query", "dyad"] and "e.g. RUS-AZE" in problem["msg"]


@pytest.mark.parametrize(("query", "name", "words"), [
    ("/api/events?type=FOO", "type", "type 'FOO' is not one of ACCUSE, AGREE"),
    ("/api/events?modality=maybe", "modality", "modality 'maybe' is not one of asserted, future"),
    ("/api/events?context=weather", "context", "context 'weather' is not one of cbrn, cyber"),
    ("/api/events?start=2020-13-01", "start", "start '2020-13-01' is not a date"),
])
def test_serve_refuses_values_outside_what_a_filter_takes(client, query, name, words):
    """Issue 16: "type=FOO" or an unknown code in a dyad was an empty 200, as if nothing matched."""
    answer = client.get(query)
    assert answer.status_code == 422
    [problem] = answer.json()["detail"]
    assert problem["loc"] == ["query", name] and words in problem["msg"]


@pytest.mark.parametrize(("query", "words"), [("/api/events?dyad=RUS-XYZ", "dyad RUS-XYZ: XYZ is not a code"),
                                              ("/api/analysis?dyad=QQQ-AZE", "dyad QQQ-AZE: QQQ is not a code")])
def test_serve_a_dyad_with_a_code_nothing_knows_is_not_found(client, query, words):
    answer = client.get(query)
    assert answer.status_code == 404 and words in answer.json()["detail"]


def test_serve_a_known_type_with_no_events_is_an_empty_page(client):
    assert client.get("/api/events?type=ASSAULT&dyad=USA-AZE").json()["total"] == 0


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("/api/analysis?dyad=", 422),  # issue 9, schemathesis: was an AssertionError, a 500
        ("/api/analysis?dyad=%20rus%20-%20aze%20", 200),
        ("/api/analysis?dyad=RUS-AZE%0A", 422),  # the pattern in the schema, to its end
        ("/api/analysis?dyad=RUS-%C5%BF%C5%BF", 422),  # 'ſſ' is not 'SS', though upper() makes it so
        ("/api/events?dyad=", 200),  # an empty filter is no filter
    ],
)
def test_serve_reads_dyads_as_its_schema_declares(client, query, status):
    assert client.get(query).status_code == status


def test_serve_declares_every_answer_in_its_schema(client):
    """Issue 9, schemathesis: the 404 was undeclared and the answers were free-form objects."""
    paths = client.get("/openapi.json").json()["paths"]
    answers = {path: paths[path]["get"]["responses"] for path in paths}

    assert set(answers["/api/events/{event_id}"]) == {"200", "404", "422", "503"}
    assert {path: answer["200"]["content"]["application/json"]["schema"] for path, answer in answers.items()} == {
        "/api/events": {"$ref": "#/components/schemas/EventPage"},
        "/api/events/{event_id}": {"$ref": "#/components/schemas/EventDetail"},
        "/api/map": {"$ref": "#/components/schemas/PlaceMap"},
        "/api/analysis": {"$ref": "#/components/schemas/Analysis"},
        "/api/facets": {"$ref": "#/components/schemas/Facets"},
        "/api/chart": {"$ref": "#/components/schemas/Chart"},
        "/api/dyads": {"items": {"$ref": "#/components/schemas/DyadCount"}, "title": "Response Dyads Api Dyads Get",
                       "type": "array"},
        "/api/watch": {"$ref": "#/components/schemas/Watching"},
        "/api/compare": {"items": {"$ref": "#/components/schemas/Compared"},
                         "title": "Response Compared Api Compare Get", "type": "array"},
    }


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


@pytest.mark.parametrize("query", ["start=yesterday", "end=2001-1", "start=2001-01-09T00", "start=2001-13",
                                   "end=2004-W54", "q=" + "a" * 201, "start=2004-13-45", "start=2004-02-30",
                                   "end=2004-02-30", "end=2003-04-31", "start=2001-W53", "end=2100-02-29"])
def test_serve_a_filter_that_is_not_a_date_or_too_long_is_refused(client, query):
    answer = client.get(f"/api/events?{query}")

    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", query.split("=")[0]]


@pytest.mark.parametrize("name", ["start", "end"])
def test_serve_a_date_that_does_not_exist_is_refused_not_clamped(client, name):
    """2004-02-30 was read as the end of February; now it is an invalid parameter, named in its message."""
    [problem] = client.get(f"/api/events?{name}=2004-02-30").json()["detail"]

    assert problem["loc"] == ["query", name]
    assert problem["msg"].startswith(f"{name} '2004-02-30' is not a date")


def _parses(text: str) -> bool:
    try:
        DateValue.parse(text)
    except DateValueError:
        return False
    return True


def test_serve_date_pattern_admits_the_dates_that_exist():
    """The schema's pattern and the strict parse agree on every day and month of these years (leap,
    not leap, centuries); of the weeks, the pattern admits week 53 of every year and the parse only
    of a year that has one."""
    years = (1900, 2000, 2001, 2004, 2100)
    texts = [f"{y}-{m:02d}" for y in years for m in range(14)]
    texts += [f"{y}-{m:02d}-{d:02d}" for y in years for m in range(14) for d in range(33)]
    texts += [f"{y}-W{w:02d}" for y in years for w in range(55)]
    admitted = {text for text in texts if re.fullmatch(DATE, text)}
    dates = {text for text in texts if _parses(text)}

    assert dates <= admitted
    assert admitted - dates == {f"{y}-W53" for y in years if date(y, 12, 28).isocalendar()[1] == 52}


@pytest.mark.parametrize("query", ["offset=9223372036854775808", f"offset={MAX_OFFSET + 1}", "offset=-1",
                                   "limit=9223372036854775808", "limit=0", "limit=501"])
def test_serve_a_page_out_of_range_is_refused(client, query):
    """Issue: an offset of 2**63 or more reached DuckDB and was a 500."""
    answer = client.get(f"/api/events?{query}")

    assert answer.status_code == 422
    [problem] = answer.json()["detail"]
    assert problem["loc"] == ["query", query.split("=")[0]]


def test_serve_the_last_offset_is_an_empty_page(client):
    data = client.get(f"/api/events?offset={MAX_OFFSET}").json()

    assert data == {"total": 4, "offset": MAX_OFFSET, "events": []}


# --- the page needs nothing from elsewhere, and every answer says what a browser may do ----------

EXTERNAL = re.compile(r"""(?:src|href|action)\s*=\s*["']?\s*(?:[a-z]+:)?//|<link\b|@import|\burl\(""", re.IGNORECASE)


def test_serve_has_no_docs_pages_that_load_from_a_cdn(client):
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    assert client.get("/openapi.json").status_code == 200


@pytest.mark.parametrize("path", ["/", "/openapi.json"])
def test_serve_page_and_schema_reference_nothing_external(client, path):
    text = client.get(path).text

    assert not EXTERNAL.findall(text)
    assert set(re.findall(r"https?://[^\s\"']*", text)) <= {"http://www.w3.org/2000/svg"}  # a namespace: a name only


def _directives(answer) -> dict[str, str]:
    policy = answer.headers["content-security-policy"]
    return {part.split()[0]: part.split(maxsplit=1)[1] for part in policy.split(";")}


def _hash(page: str, tag: str) -> str:
    """The CSP source of a page's one inline element, as a browser hashes its text."""
    [text] = re.findall(rf"<{tag}>(.*?)</{tag}>", page, flags=re.DOTALL)
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_serve_page_allows_its_own_inline_script_and_style_only(client):
    answer = client.get("/")

    assert _directives(answer) == {
        "default-src": "'none'", "script-src": _hash(answer.text, "script"), "style-src": _hash(answer.text, "style"),
        "connect-src": "'self'", "img-src": "'self' data:", "base-uri": "'none'", "form-action": "'none'",
        "frame-ancestors": "'none'",
    }


@pytest.mark.parametrize(("path", "status"), [("/", 200), ("/api/facets", 200), ("/api/events/nope", 404),
                                              ("/api/events?offset=-1", 422), ("/nowhere", 404)])
def test_serve_every_answer_carries_the_security_headers(client, path, status):
    answer = client.get(path)

    assert answer.status_code == status
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] == "no-referrer"
    assert _directives(answer)["default-src"] == "'none'"


def test_serve_unavailable_and_failing_answers_carry_the_security_headers(tmp_path, served_db, monkeypatch):
    gone = TestClient(create_app(tmp_path / "gone.duckdb")).get("/api/facets")
    monkeypatch.setattr("dyadwatch.store.Store.facets", lambda self: 1 / 0)
    failing = TestClient(create_app(served_db), raise_server_exceptions=False).get("/api/facets")

    assert (gone.status_code, failing.status_code) == (503, 500)
    for answer in (gone, failing):
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "no-referrer"
        assert _directives(answer)["frame-ancestors"] == "'none'"


def test_serve_a_database_busy_past_the_wait_is_a_503_that_says_so(served_db, monkeypatch):
    import subprocess
    import sys

    monkeypatch.setattr("dyadwatch.store.READER_WAIT", 0.3)
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; held = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(60)", str(served_db)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        answer = TestClient(create_app(served_db)).get("/api/facets")
    finally:
        holder.kill()
        holder.wait()

    assert answer.status_code == 503
    assert "the database is busy" in answer.json()["detail"]
    assert answer.headers["retry-after"] == "10"


def test_serve_map_counts_the_places_of_the_filtered_events_and_draws_them(client):
    """Issue 17: the web view's map, for the filters of the events table; a place is a filter too.
    Every event served_db holds is in Vienna (the test events' place): two meetings (quad 1), an arms
    sale (2), a protest (4)."""
    everything = client.get("/api/map").json()
    sales = client.get("/api/map", params={"type": "AID"}).json()
    elsewhere = client.get("/api/map", params={"place": "587084"}).json()

    assert [(p["key"], p["name"], p["reports"]) for p in everything["places"]] == [("2761369", "Vienna", [2, 1, 0, 1])]
    assert 'data-place="2761369"' in everything["svg"] and "<script" not in everything["svg"]
    assert sales["places"][0]["reports"] == [0, 1, 0, 0]
    assert elsewhere["places"] == [] and "No event with a known place" in elsewhere["svg"]


def test_serve_place_filter_keeps_the_events_at_that_place(client):
    there = client.get("/api/events", params={"place": "2761369"}).json()
    nowhere = client.get("/api/events", params={"place": "587084"}).json()

    assert there["total"] == 4 and nowhere["total"] == 0


def test_serve_gives_the_most_reported_dyads_and_the_reports_chart(client):
    dyads = client.get("/api/dyads").json()
    chart = client.get("/api/chart", params={"dyad": "RUS-AZE"}).json()
    empty = client.get("/api/chart", params={"dyad": "AZE-ARM"}).json()

    assert dyads == [{"dyad": "RUS-AZE", "events": 3}, {"dyad": "RUS-ARM", "events": 1}]
    assert chart["dyad"] == "RUS-AZE" and chart["svg"].startswith("<svg") and "<script" not in chart["svg"]
    assert "index (−10 conflict … +10 cooperation)" in chart["svg"]  # the right axis, as the report has it
    assert "No dated events" in empty["svg"]
