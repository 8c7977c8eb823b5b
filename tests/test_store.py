"""Store: schema, saving and reloading hand-built events, links, rejects (DuckDB in memory)."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.model import Actor, Article, DateValue, DocumentResult, Dyad, Event, Location, Reject
from dyadwatch.store import EVENT_COLUMNS, EventQuery, Store, StoreError, content_hash

CODER = "test-coder"


@pytest.fixture
def store():
    with Store(":memory:") as opened:
        yield opened


def _article(doc_id: str = "a.txt", text: str = "The two foreign ministers met in Vienna on Wednesday.",
             origin: str | None = None) -> Article:
    return Article(doc_id, text, origin or f"corpus/{doc_id}", "txt", title="Vienna talks",
                   published=DateValue("2004-02-11", "day"), published_basis="supplied")


def _save(store: Store, article: Article, events, coder: str = CODER) -> None:
    store.save_documents([DocumentResult(article, 1, tuple(events))], coder)


def _unstored(event: Event) -> Event:
    """The event without what the store fills in (``link`` and ``sources``)."""
    return replace(event, link=None, sources=())


def test_store_records_schema_version_5(store):
    rows = store.con.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()

    assert [row[0] for row in rows] == [1, 2, 3, 4, 5]
    assert store.schema_version() == 5


def test_store_reopening_a_file_applies_migrations_once(tmp_path):
    path = tmp_path / "news.duckdb"
    Store(path).close()

    with Store(path) as reopened:
        assert reopened.con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall() == [
            (1,), (2,), (3,), (4,), (5,)]


def _version_1_database(path: Path) -> None:
    """A database as dyadwatch wrote it before schema 2: events without date_evidence or date_first."""
    from dyadwatch.store import MIGRATIONS

    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    MIGRATIONS[0][2](con)
    con.execute("INSERT INTO schema_migrations VALUES (1, 'documents, events and rejects', NULL)")
    for event_id, date, precision in (("d", "2004-02-06", "day"), ("m", "2004-02", "month"), ("y", "2003", "year"),
                                      ("u", None, None)):
        con.execute("INSERT INTO events (id, doc_id, event_type, actor, recipient, date, date_precision, date_basis, "
                    "sentence, span_start, span_end, link) VALUES (?, 'a.txt', 'CONSULT', '[]', '[]', ?, ?, "
                    "'stated', 'They met.', 0, 9, ?)", [event_id, date, precision, event_id])
    con.execute("UPDATE events SET location = '{\"name\": \"Baku\", \"country\": \"AZE\", \"lat\": null, "
                "\"lon\": null}' WHERE id = 'd'")  # a location as version 1 stored it
    con.close()


def test_store_a_version_1_database_migrates_and_keeps_its_events_in_date_order(tmp_path):
    path = tmp_path / "old.duckdb"
    _version_1_database(path)

    with Store(path) as store:
        firsts = dict(store.con.execute("SELECT id, CAST(date_first AS VARCHAR) FROM events").fetchall())
        ordered = [event.id for event in store.events()]
        evidence = {event.date_evidence for event in store.events()}

    assert firsts == {"d": "2004-02-06", "m": "2004-02-01", "y": "2003-01-01", "u": None}
    assert ordered == ["y", "m", "d", "u"]
    assert evidence == {None}


def test_store_a_version_1_location_migrates_to_a_named_place_without_coordinates(tmp_path):
    """Issue 17: a location stored before the gazetteer keeps its name; the place filter finds it; it is
    on no map (no coordinates), and its basis is what it was: a place the sentence named."""
    path = tmp_path / "old.duckdb"
    _version_1_database(path)

    with Store(path) as store:
        [event] = store.query_events(EventQuery(place="Baku"))[1]
        on_map = store.places(EventQuery())
        dateline = store.con.execute("SELECT count(dateline) FROM documents").fetchone()

    assert event.id == "d"
    assert event.location == Location("Baku", "AZE", basis="sentence")
    assert on_map == [] and dateline == (0,)


def test_store_migrating_again_changes_nothing(tmp_path):
    path = tmp_path / "old.duckdb"
    _version_1_database(path)
    Store(path).close()

    with Store(path) as again:
        versions = again.con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()
        columns = [row[0] for row in again.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()]
        count = again.counts()["events"]

    assert versions == [(1,), (2,), (3,), (4,), (5,)]
    assert columns.count("date_evidence") == 1 and columns.count("date_first") == 1 and columns.count("place") == 1
    assert count == 4


def test_store_events_table_has_a_column_for_every_field_of_the_model(store):
    """Issue 16: model.Event is the one definition of an event; a field added there without a migration
    that stores it (or a column a migration adds that the model does not know) fails here."""
    columns = {row[0] for row in store.con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()}
    assert columns == set(EVENT_COLUMNS)
    assert {f.name for f in fields(Event)} - set(EVENT_COLUMNS) == {"span", "sources"}  # two columns; derived


def test_store_round_trips_events(store, make_event, make_actor):
    full = make_event(
        "e1", context=("border", "energy"), quote="We will not give up an inch.",
        actor=(make_actor("Moscow", "RUS", sector=None, entity_id="Q649"),
               make_actor("the Kremlin", "RUS", rule="seat", confidence=0.75)),
        recipient=(make_actor("Baku", "AZE"),), mode=None, intensity=-4.5, quad_code=3,
        event_type="ACCUSE", modality="historical", confidence=0.55, span=(12, 64))
    bare = make_event("e2", date=None, date_precision=None, date_basis="unknown", location=None, context=(),
                      recipient=(make_actor("the rebels", None, sector="REB"),))
    located = make_event("e3", location=Location("Ganja", "AZE", 40.68, 46.36, 586523, "city", 1, "sentence",
                                                 ("Ganja, ARM",)), date="2004-02", date_precision="month")

    _save(store, _article(), [full, bare, located])

    got = {event.id: event for event in store.events()}
    assert {i: _unstored(e) for i, e in got.items()} == {"e1": full, "e2": bare, "e3": located}


def test_store_places_count_the_located_events_of_a_query_by_quad_class(store, make_event):
    baku = Location("Baku", "AZE", 40.38, 49.89, 587084, "city", 1, "sentence")
    tartar = Location("Tartar", "AZE", 40.34, 46.93, 584871, "city", 2, "sentence")
    _save(store, _article(), [
        make_event("m1", location=baku, quad_code=1), make_event("m2", location=baku, quad_code=1),
        make_event("s1", location=tartar, quad_code=4, event_type="ASSAULT"),
        make_event("a1", location=baku, quad_code=4, event_type="ASSAULT"),
        make_event("n1", location=Location("Nowhere", None), quad_code=4, event_type="ASSAULT"),
        make_event("u1", location=None)])

    everything = {p.key: p for p in store.places(EventQuery())}
    attacks = {p.key: p.reports for p in store.places(EventQuery(event_type="ASSAULT"))}
    [at_tartar] = store.query_events(EventQuery(place="584871"))[1]

    assert set(everything) == {"587084", "584871"}  # no coordinates, no point on the map
    assert everything["587084"].reports == (2, 0, 0, 1)
    assert (everything["587084"].name, everything["587084"].lat) == ("Baku", 40.38)
    assert attacks == {"587084": (0, 0, 0, 1), "584871": (0, 0, 0, 1)}
    assert at_tartar.id == "s1"


def test_store_fills_link_and_sources_of_an_unlinked_event(store, make_event):
    _save(store, _article("a.txt"), [make_event("e1", "a.txt")])

    [event] = store.events()

    assert (event.link, event.sources) == ("e1", ("a.txt",))


def test_store_returns_events_in_date_order_undated_last(store, make_event):
    _save(store, _article(), [make_event("late", date="2004-03-01"), make_event("undated", date=None),
                              make_event("early", date="2001-05-02")])

    assert [event.id for event in store.events()] == ["early", "late", "undated"]


def test_store_round_trips_a_week_and_the_evidence_of_a_document_date(store, make_event):
    week = make_event("w", date="2004-W06", date_precision="week", date_basis="relative")
    borrowed = make_event("b", date="2004-02-06", date_basis="document",
                          date_evidence='dated by sentence 1: "6 February" (visited)')

    _save(store, _article(), [week, borrowed])

    assert {e.id: _unstored(e) for e in store.events()} == {"w": week, "b": borrowed}


def _dated(make_event, dates: dict[str, tuple[str, str]]) -> list[Event]:
    return [make_event(i, date=value, date_precision=precision) for i, (value, precision) in dates.items()]


_DATES = {"year": ("2004", "year"), "feb": ("2004-02", "month"), "w05": ("2004-W05", "week"),
          "w06": ("2004-W06", "week"), "d03": ("2004-02-03", "day"), "d09": ("2004-02-09", "day")}


def test_store_a_week_sorts_by_its_first_day(store, make_event):
    _save(store, _article(), _dated(make_event, _DATES))

    # 2004-W05 is 26 January to 1 February, W06 2 to 8 February
    assert [e.id for e in store.events()] == ["year", "w05", "feb", "w06", "d03", "d09"]


@pytest.mark.parametrize(
    ("start", "end", "ids"),
    [
        ("2004-02", None, ["feb", "w06", "d03", "d09"]),  # W05 begins in January
        (None, "2004-W06", ["year", "w05", "feb", "w06", "d03"]),  # up to Sunday 8 February
        ("2004-W06", "2004-W06", ["w06", "d03"]),
        ("2004-02-03", "2004-02-08", ["d03"]),
        (None, "2004-01", ["year", "w05"]),
        ("2004", "2004", list(_DATES)),
    ],
)
def test_store_date_filters_compare_the_days_a_date_covers(store, make_event, start, end, ids):
    from dyadwatch.store import EventQuery

    _save(store, _article(), _dated(make_event, _DATES))
    query = EventQuery(start=DateValue.parse(start) if start else None, end=DateValue.parse(end) if end else None)

    total, found = store.query_events(query)

    assert sorted(e.id for e in found) == sorted(ids) and total == len(ids)


def test_store_saving_the_same_document_twice_does_not_duplicate(store, make_event):
    article, events = _article(), [make_event("e1"), make_event("e2", actor="AZE", recipient="RUS")]

    _save(store, article, events)
    _save(store, article, events)

    assert sorted(event.id for event in store.events()) == ["e1", "e2"]
    assert store.counts() == {"documents": 1, "events": 2, "rejects": 0}


def test_store_changed_events_replace_the_old_ones(store, make_event):
    _save(store, _article("a.txt"), [make_event("a1", "a.txt"), make_event("a2", "a.txt")])
    _save(store, _article("b.txt"), [make_event("b1", "b.txt")])

    changed = make_event("a3", "a.txt", event_type="ACCUSE", quad_code=3, intensity=-3.0)
    _save(store, _article("a.txt", text="The ministers met again and argued."), [changed])

    got = {event.id: event for event in store.events()}
    assert sorted(got) == ["a3", "b1"]
    assert _unstored(got["a3"]) == changed
    assert store.counts()["documents"] == 2


@pytest.mark.parametrize(
    ("text", "coder", "current"),
    [
        ("The two foreign ministers met in Vienna on Wednesday.", CODER, True),
        ("The two foreign ministers met in Vienna on Thursday.", CODER, False),
        ("The two foreign ministers met in Vienna on Wednesday.", "other-coder", False),
    ],
)
def test_store_stored_documents_tell_the_same_text_and_coder_apart(store, make_event, text, coder, current):
    _save(store, _article("a.txt"), [make_event()])

    origin, digest, stored_coder = store.stored_documents(["a.txt", "b.txt"])["a.txt"]

    assert origin == _article("a.txt").origin
    assert ((digest, stored_coder) == (content_hash(_article("a.txt", text=text)), coder)) is current


def test_store_dyad_filter_returns_both_directions_only(store, make_event):
    _save(store, _article(), [
        make_event("rus-aze"),
        make_event("aze-rus", actor="AZE", recipient="RUS"),
        make_event("rus-geo", actor="RUS", recipient="GEO"),
        make_event("usa-aze", actor="USA", recipient="AZE"),
        make_event("both-aze", actor=("USA", "RUS"), recipient="AZE"),
        make_event("aze-aze", actor="AZE", recipient="AZE"),
    ])

    assert sorted(event.id for event in store.events(Dyad("RUS", "AZE"))) == ["aze-rus", "both-aze", "rus-aze"]
    assert sorted(event.id for event in store.events()) == [
        "aze-aze", "aze-rus", "both-aze", "rus-aze", "rus-geo", "usa-aze"]


def test_store_set_links_fills_sources_with_every_document_of_the_cluster(store, make_event):
    _save(store, _article("c.txt"), [make_event("c1", "c.txt")])
    _save(store, _article("a.txt"), [make_event("a1", "a.txt")])
    _save(store, _article("b.txt"), [make_event("b1", "b.txt", actor="AZE", recipient="RUS"),
                                     make_event("b2", "b.txt")])

    store.set_links({"a1": "L1", "b1": "L1", "c1": "L1", "b2": "L2"})

    got = {event.id: event for event in store.events()}
    assert {i: (e.link, e.sources) for i, e in got.items()} == {
        "a1": ("L1", ("a.txt", "b.txt", "c.txt")),
        "b1": ("L1", ("a.txt", "b.txt", "c.txt")),
        "c1": ("L1", ("a.txt", "b.txt", "c.txt")),
        "b2": ("L2", ("b.txt",)),
    }


def test_store_rejects_are_stored_and_listed(store):
    first = Reject("corpus/empty.txt", "empty file", "ingest.files.v1")
    second = Reject("corpus/feed.jsonl:3", "malformed JSON (Expecting value at column 1)", "ingest.files.v1", "w3")

    store.save_rejects([second, first])
    store.save_rejects([first])

    assert store.rejects() == [first, second]


def test_store_saving_a_document_clears_its_old_reject(store, make_event):
    store.save_rejects([Reject("corpus/a.txt", "empty file", "ingest.files.v1"),
                        Reject("corpus/b.txt", "empty file", "ingest.files.v1")])

    _save(store, _article("a.txt", origin="corpus/a.txt"), [make_event()])

    assert [r.origin for r in store.rejects()] == ["corpus/b.txt"]


def test_store_opening_a_missing_file_read_only_raises_store_error(tmp_path):
    path = tmp_path / "missing.duckdb"

    with pytest.raises(StoreError, match="missing.duckdb"):
        Store(path, read_only=True)
    assert not path.exists()


def test_store_opening_another_database_read_only_raises_store_error(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE things (x INTEGER)")
    con.close()

    with pytest.raises(StoreError, match="not a dyadwatch database"):
        Store(path, read_only=True)


def test_store_read_only_reads_what_was_saved(tmp_path, make_event):
    path = Path(tmp_path / "news.duckdb")
    event = make_event()
    with Store(path) as writable:
        _save(writable, _article(), [event])

    with Store(path, read_only=True) as readable:
        assert [_unstored(e) for e in readable.events()] == [event]


# --- property: what is stored comes back --------------------------------------------------------

_TEXTS = st.text(max_size=30)
_CODES = st.sampled_from(["RUS", "AZE", "GEO", "ARM", None])


# make_event/make_actor return plain functions, so sharing them between examples is safe
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    actor_text=_TEXTS,
    recipient_text=_TEXTS,
    country=_CODES,
    sentence=st.text(min_size=1, max_size=120),
    day=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
    context=st.lists(_TEXTS, max_size=3).map(tuple),
    intensity=st.floats(-10, 10, allow_nan=False),
    quote=st.one_of(st.none(), _TEXTS),
)
def test_store_reload_gives_the_same_event(make_event, make_actor, actor_text, recipient_text, country,
                                           sentence, day, context, intensity, quote):
    event = make_event(
        "e1", actor=(make_actor(actor_text, country),), recipient=(make_actor(recipient_text, "AZE"),),
        sentence=sentence, span=(0, len(sentence)), date=day, date_precision="day" if day else None,
        date_basis="stated" if day else "unknown", context=context, intensity=intensity, quote=quote)

    with Store(":memory:") as store:
        _save(store, _article(text=sentence), [event])
        [got] = store.events()

    assert _unstored(got) == event


def test_store_actor_fields_survive_json(store, make_event):
    actor = Actor("Ilham Aliyev", "Ilham Aliyev", "AZE", "GOV", "Q14", "person.role", 0.95)
    event = make_event(actor=(actor,))

    _save(store, _article(), [event])

    assert next(store.events()).actor == (actor,)


def test_store_refuses_a_duckdb_database_it_did_not_make(tmp_path):
    import duckdb

    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE documents (x INTEGER)")
    with pytest.raises(StoreError, match="not made by dyadwatch"):
        Store(path)
    with duckdb.connect(str(path)) as con:
        tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert tables == {"documents"}


def test_store_refuses_a_database_from_a_newer_dyadwatch(tmp_path):
    path = tmp_path / "new.duckdb"
    with Store(path) as store:
        store.con.execute("INSERT INTO schema_migrations VALUES (99, 'future', NULL)")
    with pytest.raises(StoreError, match="newer dyadwatch"):
        Store(path)


def test_store_a_database_another_process_writes_is_busy_with_a_clear_message(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "busy.duckdb"
    with Store(db):
        other = subprocess.run([sys.executable, "-m", "dyadwatch.cli", "export", "--db", str(db)],
                               capture_output=True, text=True, timeout=60)
    assert other.returncode == 2
    assert "the database is busy" in other.stderr and "wait for it to finish" in other.stderr


def test_store_keeps_a_watchers_state_seen_urls_and_alerts_once(store):
    from dyadwatch.model import Alert, SourceState

    store.save_source_state(SourceState("https://x.org/rss", "url", etag='"v1"', failures=2, error="answered 500"))
    store.mark_seen("https://x.org/a", "https://x.org/rss", "read")
    alert = Alert("event:L1", "2024-05-03 10:00:00", "event", "RUS-AZE", "shelled", ("e1",), ("a.txt",))

    assert store.source_state("https://x.org/rss").etag == '"v1"' and store.source_states()[0].failures == 2
    assert store.seen(["https://x.org/a", "https://x.org/b"]) == {"https://x.org/a"}
    assert store.save_alerts([alert]) == [alert] and store.save_alerts([alert]) == []
    assert store.alerts() == [alert]
