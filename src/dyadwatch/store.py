"""The DuckDB store: schema, migrations and every SQL statement of dyadwatch."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from .model import (
    TIMESTAMP,
    Actor,
    Alert,
    Article,
    DateValue,
    DocumentResult,
    Dyad,
    Event,
    ExternalEvent,
    ExternalMention,
    LinkRow,
    Location,
    MapPoint,
    Reject,
    SourceState,
    countries,
)

DEFAULT_DB = "dyadwatch.duckdb"
_ROWS_PER_STATEMENT = 200


WRITER_WAIT = 60.0  # seconds a writer waits for readers to close the file
READER_WAIT = 10.0  # seconds a reader waits for a writer's transaction to end


class StoreError(RuntimeError):
    """The database cannot be opened or is not a dyadwatch database."""


def _writer_lock(path: str) -> IO[str]:
    """Hold ``<db>.lock`` for as long as the returned file is open; fail if another writer holds it.
    The lock is the kernel's: it ends with the process, however it ends."""
    try:
        handle = open(f"{path}.lock", "a+", encoding="utf-8")  # noqa: SIM115 (held open on purpose)
    except OSError as error:
        raise StoreError(f"{path}: cannot create its lock file {path}.lock ({error.strerror}); check that the "
                         "folder exists and can be written to, or use another --db") from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.seek(0)
        holder = handle.read().strip()
        handle.close()
        who = f"another dyadwatch run (PID {holder})" if holder.isdigit() else "another dyadwatch run"
        raise StoreError(f"{path}: the database is busy: {who} is writing to it; wait for it to finish, "
                         "or use another --db") from None
    handle.truncate(0)
    handle.write(str(os.getpid()))
    handle.flush()
    return handle


def _migration_1(con: Any) -> None:
    con.execute("""
        CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY, origin VARCHAR, fmt VARCHAR, title VARCHAR, author VARCHAR,
            published VARCHAR, published_precision VARCHAR, published_basis VARCHAR, url VARCHAR,
            source VARCHAR, text VARCHAR, content_hash VARCHAR, coder VARCHAR, sentences INTEGER,
            stored_at TIMESTAMP)""")
    con.execute("""
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY, doc_id VARCHAR, event_type VARCHAR, mode VARCHAR, context VARCHAR[],
            quad_code INTEGER, intensity DOUBLE, actor VARCHAR, recipient VARCHAR,
            actor_countries VARCHAR[], recipient_countries VARCHAR[], date VARCHAR, date_precision VARCHAR,
            date_basis VARCHAR, modality VARCHAR, sentence VARCHAR, span_start INTEGER, span_end INTEGER,
            trigger VARCHAR, location VARCHAR, quote VARCHAR, confidence DOUBLE, coder VARCHAR, cameo VARCHAR,
            link VARCHAR)""")
    con.execute("CREATE INDEX events_doc ON events (doc_id)")
    con.execute("""
        CREATE TABLE rejects (
            origin VARCHAR, reason VARCHAR, stage VARCHAR, doc_id VARCHAR, seen_at TIMESTAMP,
            PRIMARY KEY (origin, reason))""")


def _migration_2(con: Any) -> None:
    """Events carry the evidence of a date taken from another sentence, and the first day of their
    date (``date_first``), by which dates of any precision (a week included) sort and filter."""
    con.execute("ALTER TABLE events ADD COLUMN date_evidence VARCHAR")
    con.execute("ALTER TABLE events ADD COLUMN date_first DATE")
    con.execute("""
        UPDATE events SET date_first = CASE date_precision
            WHEN 'day' THEN TRY_CAST(date AS DATE)
            WHEN 'month' THEN TRY_CAST(date || '-01' AS DATE)
            WHEN 'year' THEN TRY_CAST(date || '-01-01' AS DATE) END
        WHERE date IS NOT NULL""")  # databases before version 2 hold no week dates


def _migration_3(con: Any) -> None:
    """Events carry where they happened as columns too (``place``: the GeoNames id or the name; ``lat``,
    ``lon``), for maps and the place filter; documents keep the place of their dateline. A location
    stored before version 3 is a name the sentence gave, with no gazetteer entry: it keeps its name."""
    for column in ("place VARCHAR", "lat DOUBLE", "lon DOUBLE"):
        con.execute(f"ALTER TABLE events ADD COLUMN {column}")
    con.execute("ALTER TABLE documents ADD COLUMN dateline VARCHAR")
    rows = con.execute("SELECT id, location FROM events WHERE location IS NOT NULL").fetchall()
    places = [[*_place_columns(_location(text)), key] for key, text in rows]
    if places:
        con.executemany("UPDATE events SET place = ?, lat = ?, lon = ? WHERE id = ?", places)


def _migration_4(con: Any) -> None:
    """What a watcher keeps between polls: each source's state (the feed's ETag and Last-Modified, how
    far a growing file was read, when it was polled, its last failure and when to try again), every
    URL it has handled, and the alerts it raised."""
    con.execute("""
        CREATE TABLE watch_sources (
            source VARCHAR PRIMARY KEY, kind VARCHAR, etag VARCHAR, last_modified VARCHAR, position BIGINT,
            polled_at TIMESTAMP, ok_at TIMESTAMP, failures INTEGER, retry_at TIMESTAMP, error VARCHAR,
            items INTEGER)""")
    con.execute("CREATE TABLE watch_seen (url VARCHAR PRIMARY KEY, source VARCHAR, outcome VARCHAR, seen_at TIMESTAMP)")
    con.execute("""
        CREATE TABLE alerts (
            id VARCHAR PRIMARY KEY, raised_at TIMESTAMP, kind VARCHAR, dyad VARCHAR, message VARCHAR,
            events VARCHAR[], sources VARCHAR[])""")


def _migration_5(con: Any) -> None:
    """Other datasets' events (GDELT, ICEWS, POLECAT), imported to compare with, apart from coded
    events; and the articles GDELT's mentions files name for them. ``file``: the file they came from;
    ``imported``: which import of it (``external_imports``: only a finished one is read, and it
    replaces the earlier ones of its file). And ``link_pending``: per event type, the day from which
    linking is to be done again because events of that type went (relink.py)."""
    con.execute(f"CREATE TABLE external_events ({', '.join(f'{name} {kind}' for name, kind in _EXTERNAL)})")
    con.execute("CREATE TABLE external_mentions (dataset VARCHAR, id VARCHAR, url VARCHAR, origin VARCHAR, "
                "file VARCHAR, imported VARCHAR)")
    con.execute("CREATE TABLE external_imports (imported VARCHAR PRIMARY KEY, dataset VARCHAR, file VARCHAR, "
                "started_at TIMESTAMP, finished_at TIMESTAMP)")
    con.execute("CREATE TABLE link_pending (event_type VARCHAR PRIMARY KEY, since DATE)")


MIGRATIONS: list[tuple[int, str, Callable[[Any], None]]] = [
    (1, "documents, events and rejects", _migration_1),
    (2, "events: date_evidence and date_first", _migration_2),
    (3, "events: place, lat, lon; documents: dateline", _migration_3),
    (4, "watch_sources, watch_seen and alerts", _migration_4),
    (5, "external_events, external_mentions, external_imports; link_pending", _migration_5),
]
_EXTERNAL = (("dataset", "VARCHAR"), ("id", "VARCHAR"), ("date", "DATE"), ("actor", "VARCHAR"),
             ("recipient", "VARCHAR"), ("actor_countries", "VARCHAR[]"), ("recipient_countries", "VARCHAR[]"),
             ("cameo", "VARCHAR"), ("event_type", "VARCHAR"), ("quad_code", "INTEGER"), ("intensity", "DOUBLE"),
             ("score", "DOUBLE"), ("url", "VARCHAR"), ("source", "VARCHAR"), ("place", "VARCHAR"), ("lat", "DOUBLE"),
             ("lon", "DOUBLE"), ("origin", "VARCHAR"), ("file", "VARCHAR"), ("imported", "VARCHAR"))


def content_hash(article: Article) -> str:
    """Changes when the text or any metadata that reaches the events changes (a new --date too)."""
    published = article.published.value if article.published else ""
    parts = (article.text, published, article.published_basis, article.title, article.author, article.url,
             article.source, article.dateline)
    return hashlib.sha1("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()


class Store:
    """An open database: ``Store(":memory:")`` in tests, a file path otherwise.

    One writer at a time: a writing Store holds ``<db>.lock`` until it is closed, and a second one
    fails at once with "the database is busy". A writer may ``release()`` DuckDB's own lock between
    transactions (a run does after each batch), so that readers such as ``dyadwatch serve`` can open
    the file meanwhile and see every transaction whole; either side waits a while for the other's
    lock before it reports the database busy."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False, wait: float | None = None) -> None:
        if read_only and str(path) != ":memory:" and not Path(path).exists():
            raise StoreError(f"{path}: no such database; create it with 'dyadwatch run PATH --db {path}'")
        self.path = str(path)
        self.read_only = read_only
        self.wait = (READER_WAIT if read_only else WRITER_WAIT) if wait is None else wait
        self._lock = None if read_only or self.path == ":memory:" else _writer_lock(self.path)
        self._con: Any = None
        self._aside = False  # a writer that gave up its lock for a while (step_aside)
        try:
            if not read_only:
                self._migrate()
            elif not self._has_table("schema_migrations"):
                raise StoreError(f"{path}: not a dyadwatch database")
        except BaseException:
            self.close()
            raise

    @property
    def con(self) -> Any:
        """The DuckDB connection, opened again after ``release``."""
        if self._aside:
            raise StoreError(f"{self.path}: this writer stepped aside for others; take_back() before writing")
        if self._con is None:
            self._con = self._connect()
        return self._con

    def _connect(self) -> Any:
        import duckdb

        give_up = time.monotonic() + self.wait
        while True:
            try:
                return duckdb.connect(self.path, read_only=self.read_only)
            except duckdb.Error as error:
                if "lock" not in str(error).lower():
                    raise StoreError(f"{self.path}: cannot open the database ({error})") from error
                if time.monotonic() >= give_up:
                    holder = re.search(r"\(PID (\d+)\)", str(error))
                    who = f"another process (PID {holder.group(1)})" if holder else "another process"
                    raise StoreError(f"{self.path}: the database is busy: {who} holds it; wait for it to finish, "
                                     "or use another --db") from error
                time.sleep(0.05)

    def release(self) -> None:
        """Close the connection until the next statement, letting readers in; a writer keeps its lock."""
        if self._con is not None and self.path != ":memory:":
            self._con.close()
            self._con = None

    def step_aside(self) -> None:
        """Give up the writer's lock too, until ``take_back``: another run, import or watcher may write
        meanwhile (a watcher does, between its polls)."""
        self.release()
        if self._lock is not None:
            self._lock.close()
            self._lock = None
            self._aside = True

    def take_back(self) -> None:
        """Be the writer again after ``step_aside``; StoreError ("busy") while another writer is."""
        if self._aside:
            self._lock = _writer_lock(self.path)
            self._aside = False

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        if self._lock is not None:
            self._lock.close()  # the lock goes with the file descriptor
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _has_table(self, name: str) -> bool:
        row = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()
        return bool(row and row[0])

    def _migrate(self) -> None:
        """Bring the schema up to date in one transaction; refuse databases that are not ours."""
        import duckdb

        tables = self.con.execute("SELECT count(*) FROM information_schema.tables").fetchone()
        if not self._has_table("schema_migrations") and tables and tables[0]:
            raise StoreError(f"{self.path}: this DuckDB database was not made by dyadwatch; use another --db file")
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                             "name VARCHAR, applied_at TIMESTAMP)")
            done = {row[0] for row in self.con.execute("SELECT version FROM schema_migrations").fetchall()}
            if done - {version for version, _, _ in MIGRATIONS}:
                raise StoreError(f"{self.path}: made by a newer dyadwatch (schema {max(done)}); upgrade dyadwatch")
            for version, name, apply in MIGRATIONS:
                if version not in done:
                    apply(self.con)
                    self.con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, _now()])
            self.con.execute("COMMIT")
        except (duckdb.Error, StoreError) as error:
            self.con.execute("ROLLBACK")
            raise error if isinstance(error, StoreError) else StoreError(
                f"{self.path}: cannot prepare the database ({error})") from error

    def schema_version(self) -> int:
        row = self.con.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    # -- writing ---------------------------------------------------------------------------------
    def stored_documents(self, doc_ids: Iterable[str]) -> dict[str, tuple[str, str, str]]:
        """Origin, content hash and coder of those of ``doc_ids`` that are stored, by id (a run asks
        about its documents a few hundred at a time, not one by one, nor about every stored one)."""
        rows = self.con.execute("SELECT doc_id, origin, content_hash, coder FROM documents "
                                "WHERE doc_id IN (SELECT unnest(?))", [list(doc_ids)]).fetchall()
        return {str(row[0]): (str(row[1]), str(row[2]), str(row[3])) for row in rows}

    def save_documents(self, results: Iterable[DocumentResult], coder: str, rejects: Iterable[Reject] = ()
                       ) -> None:
        """Replace documents and their events, and add rejects, all in one transaction."""
        results, rejects = list(results), list(rejects)
        if not results and not rejects:
            return
        ids = [r.article.doc_id for r in results]
        origins = [r.article.origin for r in results]
        self.con.execute("BEGIN TRANSACTION")
        try:
            if results:
                self._note_relink(ids)
                self.con.execute("DELETE FROM events WHERE list_contains(?, doc_id)", [ids])
                self.con.execute("DELETE FROM documents WHERE list_contains(?, doc_id)", [ids])
                self.con.execute("DELETE FROM rejects WHERE list_contains(?, doc_id) OR list_contains(?, origin)",
                                 [ids, origins])
                self._insert("documents", [_document_row(r, coder) for r in results])
                self._insert("events", [_event_row(e) for r in results for e in r.events], replace=True,
                             columns=EVENT_COLUMNS)
            self.save_rejects(rejects)
            self.con.execute("COMMIT")
        except BaseException:  # Ctrl-C and SIGTERM too: a batch is stored whole or not at all
            self.con.execute("ROLLBACK")
            raise

    def _note_relink(self, doc_ids: list[str]) -> None:
        """Before the events of ``doc_ids`` go: note, per event type, the earliest day of theirs, from
        which the next linking links again what their going can change (relink.py); the links stay as
        they are until then."""
        self.con.execute(
            "INSERT INTO link_pending SELECT event_type, min(date_first) FROM events WHERE list_contains(?, doc_id) "
            f"AND {_LINKABLE} GROUP BY event_type ON CONFLICT (event_type) DO UPDATE SET "
            "since = least(since, excluded.since)", [doc_ids])

    def pending_links(self) -> dict[str, date]:
        """Per event type, the day from which linking must be done again because events went."""
        return dict(self.con.execute("SELECT event_type, since FROM link_pending").fetchall())

    def _insert(self, table: str, rows: list[list[Any]], replace: bool = False, columns: tuple[str, ...] = ()
                ) -> None:
        """Many rows in few statements (DuckDB runs one statement of many rows far faster than many); the
        values are for ``columns`` if given, else for every column in the table's order."""
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        if columns:
            table = f"{table} ({', '.join(columns)})"
        for start in range(0, len(rows), _ROWS_PER_STATEMENT):
            chunk = rows[start:start + _ROWS_PER_STATEMENT]
            values = ", ".join(["(" + ", ".join("?" * len(chunk[0])) + ")"] * len(chunk))
            self.con.execute(f"{verb} INTO {table} VALUES {values}", [v for row in chunk for v in row])

    def save_rejects(self, rejects: Iterable[Reject]) -> None:
        now = _now()
        rows = {(r.origin, r.reason): [r.origin, r.reason, r.stage, r.doc_id, now] for r in rejects}
        if rows:
            self._insert("rejects", list(rows.values()), replace=True)

    def set_links(self, links: dict[str, str], done: Iterable[str] = ()) -> None:
        """Give each event its cluster; only the links that change are written (a poll that adds a few
        events changes few); ``done``: the event types whose pending linking this was, no longer
        pending once the links are written (in the same transaction)."""
        done = list(done)
        current = dict(self.con.execute("SELECT id, link FROM events WHERE id IN (SELECT unnest(?))",
                                        [list(links)]).fetchall()) if links else {}
        links = {event_id: link for event_id, link in links.items() if current.get(event_id) != link}
        if not links and not done:
            return
        self.con.execute("BEGIN TRANSACTION")
        try:
            if links:
                self.con.execute("CREATE TEMP TABLE IF NOT EXISTS new_links (link VARCHAR, id VARCHAR)")
                self.con.execute("DELETE FROM new_links")
                self._insert("new_links", [[link, event_id] for event_id, link in links.items()])
                self.con.execute("UPDATE events SET link = new_links.link FROM new_links "
                                 "WHERE events.id = new_links.id AND events.link IS DISTINCT FROM new_links.link")
            if done:
                self.con.execute("DELETE FROM link_pending WHERE list_contains(?, event_type)", [done])
            self.con.execute("COMMIT")
        except BaseException:  # Ctrl-C and SIGTERM too: a batch is stored whole or not at all
            self.con.execute("ROLLBACK")
            raise

    def replace_external(self, dataset: str, file: str,
                         batches: Iterable[tuple[list[ExternalEvent], list[ExternalMention]]]) -> int:
        """Store what one file of another dataset brings, a transaction a batch (so that memory stays
        flat); once it is all in, the import counts as finished and what earlier imports of the file
        brought goes. Until then readers see the earlier import; a failure midway (a damaged file,
        Ctrl-C) takes back what this import stored, and what an import stopped harder (SIGKILL) left is
        taken back by the next. Returns the events stored."""
        self._drop_external("imported IN (SELECT imported FROM external_imports WHERE finished_at IS NULL)", [])
        token = uuid.uuid4().hex
        self.con.execute("INSERT INTO external_imports VALUES (?, ?, ?, ?, NULL)", [token, dataset, file, _now()])
        stored = 0
        try:
            for events, mentions in batches:
                self.con.execute("BEGIN TRANSACTION")
                try:
                    self._add_external(events, mentions, file, token)
                    self.con.execute("COMMIT")
                except BaseException:
                    self.con.execute("ROLLBACK")
                    raise
                stored += len(events)
        except BaseException:
            self._drop_external("imported = ?", [token])
            raise
        self.con.execute("UPDATE external_imports SET finished_at = ? WHERE imported = ?", [_now(), token])
        self._drop_external("imported IN (SELECT imported FROM external_imports WHERE dataset = ? AND file = ? "
                            "AND imported <> ?)", [dataset, file, token])
        return stored

    def _add_external(self, events: list[ExternalEvent], mentions: list[ExternalMention], file: str, token: str
                      ) -> None:
        if events:
            columns = {name: _objects(getattr(e, name) for e in events) for name, _ in _EXTERNAL[:-2]}
            columns["actor_countries"] = _objects(list(e.actor_countries) for e in events)
            columns["recipient_countries"] = _objects(list(e.recipient_countries) for e in events)
            columns["file"], columns["imported"] = _objects(file for _ in events), _objects(token for _ in events)
            self.con.register("batch", columns)
            self.con.execute("INSERT INTO external_events SELECT "
                             + ", ".join(f"CAST({n} AS {k})" for n, k in _EXTERNAL) + " FROM batch")
        if mentions:
            self.con.register("batch", {
                "dataset": _objects(m.dataset for m in mentions), "id": _objects(m.id for m in mentions),
                "url": _objects(m.url for m in mentions), "origin": _objects(m.origin for m in mentions),
                "file": _objects(file for _ in mentions), "imported": _objects(token for _ in mentions)})
            self.con.execute("INSERT INTO external_mentions SELECT * FROM batch")
        self.con.unregister("batch")

    def _drop_external(self, where: str, params: list[Any]) -> None:
        """Take back the imports that ``where`` names (by their ``imported``), rows and record."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table in ("external_events", "external_mentions", "external_imports"):
                self.con.execute(f"DELETE FROM {table} WHERE {where}", params)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    # -- reading ---------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {table: int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in ("documents", "events", "rejects")}

    def events(self, dyad: Dyad | None = None) -> Iterator[Event]:
        """Events in date order (undated last); with a dyad, those between its two sides."""
        where, params = ("", []) if dyad is None else (f"WHERE {_BETWEEN}", _between(dyad))
        sources = dict(self.con.execute("SELECT link, list(DISTINCT doc_id ORDER BY doc_id) FROM events "
                                        "WHERE link IS NOT NULL GROUP BY link").fetchall())
        cursor = self.con.execute(
            f"SELECT * FROM events {where} ORDER BY date_first NULLS LAST, doc_id, span_start, id", params)
        names = [d[0] for d in cursor.description]
        for row in cursor.fetchall():
            yield _event_from_row(dict(zip(names, row, strict=True)), sources)

    def dyad_days(self, dyad: Dyad) -> tuple[date, date] | None:
        """The first and last day of the dated events between a dyad's sides (None: there are none)."""
        row = self.con.execute(f"SELECT min(date_first), max(date_first) FROM events WHERE {_BETWEEN}",
                               _between(dyad)).fetchone()
        return (row[0], row[1]) if row and row[0] is not None else None

    def dyad_events_since(self, dyad: Dyad, since: date) -> list[Event]:
        """The events between a dyad's sides in the clusters that have one of them from ``since`` on, each
        cluster whole (its reports dated before ``since`` too)."""
        return self._events_of(self.con.execute(
            f"SELECT * FROM events WHERE {_BETWEEN} AND coalesce(link, id) IN (SELECT coalesce(link, id) FROM "
            f"events WHERE {_BETWEEN} AND date_first >= ?) ORDER BY date_first NULLS LAST, doc_id, span_start, id",
            [*_between(dyad), *_between(dyad), since]))

    def query_events(self, query: EventQuery) -> tuple[int, list[Event]]:
        """The events that match a query (all its filters at once), a page of them, and how many match."""
        clauses, params = _query_clauses(query)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        total = int(self.con.execute(f"SELECT count(*) FROM events {where}", params).fetchone()[0])
        return total, self._events_of(self.con.execute(
            f"SELECT * FROM events {where} ORDER BY date_first NULLS LAST, doc_id, span_start, id LIMIT ? OFFSET ?",
            [*params, query.limit, query.offset]))

    def _events_of(self, cursor: Any) -> list[Event]:
        """The events a query's rows are, each with the documents of its cluster."""
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        links = sorted({row["link"] for row in rows if row["link"]})
        sources = dict(self.con.execute(
            "SELECT link, list(DISTINCT doc_id ORDER BY doc_id) FROM events WHERE link IN (SELECT unnest(?)) "
            "GROUP BY link", [links]).fetchall()) if links else {}
        return [_event_from_row(row, sources) for row in rows]

    def event(self, event_id: str) -> Event | None:
        _, found = self.query_events(EventQuery(ids=(event_id,), limit=1))
        return found[0] if found else None

    def cluster(self, link: str) -> list[Event]:
        """Every report of one real event, in date and document order."""
        return self.query_events(EventQuery(link=link, limit=10_000))[1]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        cursor = self.con.execute("SELECT doc_id, title, url, published, published_basis, origin, text "
                                  "FROM documents WHERE doc_id = ?", [doc_id])
        row = cursor.fetchone()
        return dict(zip([d[0] for d in cursor.description], row, strict=True)) if row else None

    def codes(self) -> set[str]:
        """Every country or organisation code on a side of a stored event."""
        rows = self.con.execute("SELECT DISTINCT unnest(list_concat(actor_countries, recipient_countries)) "
                                "FROM events").fetchall()
        return {str(row[0]) for row in rows if row[0] is not None}

    def places(self, query: EventQuery) -> list[MapPoint]:
        """The places of the events a query matches (its page aside), with their events by quad class:
        what a map of them draws. Events with no coordinates are not on it."""
        clauses, params = _query_clauses(query)
        where = " AND ".join([*clauses, "lat IS NOT NULL"])
        rows = self.con.execute(f"SELECT place, min(location), quad_code, count(*) FROM events WHERE {where} "
                                "GROUP BY place, quad_code ORDER BY place, quad_code", params).fetchall()
        reports: dict[str, list[int]] = {}
        located: dict[str, Location] = {}
        for key, text, quad, count in rows:
            located.setdefault(key, _location(text))
            reports.setdefault(key, [0, 0, 0, 0])[quad - 1] += count
        return [MapPoint(key, place.name, place.country, place.lat or 0.0, place.lon or 0.0,
                         (reports[key][0], reports[key][1], reports[key][2], reports[key][3]))
                for key, place in located.items()]

    def dyads(self, limit: int = 10) -> list[tuple[Dyad, int]]:
        """The pairs of sides with the most events, either way round, each named the way round it is
        told more often ("RUS-AZE" when Russia acts more often): events counted once a pair."""
        rows = self.con.execute(
            "WITH pairs AS (SELECT id, a, unnest(recipient_countries) AS r FROM "
            "(SELECT id, unnest(actor_countries) AS a, recipient_countries FROM events)) "
            "SELECT least(a, r) AS one, greatest(a, r) AS other, count(DISTINCT id) AS n, mode(a) AS first "
            "FROM pairs WHERE a <> r GROUP BY one, other ORDER BY n DESC, one, other LIMIT ?", [limit]).fetchall()
        return [(Dyad(first, other if first == one else one), int(n)) for one, other, n, first in rows]

    def external_events(self, dataset: str, dyad: Dyad) -> list[ExternalEvent]:
        """The events of another dataset between a dyad's sides (either way round), by date; an event
        imported from two files is read once; one without a source URL has the alphabetically first of
        the articles its mentions name (GDELT), if any. Only finished imports are read."""
        names = [name for name, _ in _EXTERNAL[:-2]]
        mentioned = ("coalesce(e.url, (SELECT min(m.url) FROM external_mentions m WHERE m.dataset = e.dataset "
                     "AND m.id = e.id)) AS url")
        columns = ", ".join(f"e.{name}" if name != "url" else mentioned for name in names)
        if not self._has_table("external_events"):  # a database made before schema 5, read only
            return []
        rows = self.con.execute(
            f"SELECT DISTINCT ON (e.id) {columns} FROM external_events e WHERE e.dataset = ? AND {_BETWEEN} "
            f"AND {_FINISHED} ORDER BY e.id, e.origin", [dataset, *_between(dyad)]).fetchall()
        found = [ExternalEvent(**{**dict(zip(names, row, strict=True)), "date": row[2].isoformat(),
                                  "actor_countries": tuple(row[5] or ()), "recipient_countries": tuple(row[6] or ())})
                 for row in rows]
        return sorted(found, key=lambda e: (e.date, e.id))

    def external_counts(self) -> dict[str, int]:
        """How many events of each other dataset are stored."""
        if not self._has_table("external_events"):
            return {}
        rows = self.con.execute(f"SELECT dataset, count(DISTINCT id) FROM external_events WHERE {_FINISHED} "
                                "GROUP BY dataset").fetchall()
        return {str(d): int(n) for d, n in rows}

    def external_ids(self, dataset: str, dyad: Dyad) -> set[str]:
        """The ids of a dataset's stored events between a dyad's sides (whose mentions an import keeps)."""
        rows = self.con.execute(f"SELECT DISTINCT id FROM external_events WHERE dataset = ? AND {_BETWEEN} AND "
                                f"{_FINISHED}", [dataset, *_between(dyad)]).fetchall()
        return {str(row[0]) for row in rows}

    # -- watching ------------------------------------------------------------------------------
    def source_state(self, source: str) -> SourceState | None:
        row = self.con.execute(f"SELECT {_STATE_COLUMNS} FROM watch_sources WHERE source = ?", [source]).fetchone()
        return _state(row) if row else None

    def source_states(self) -> list[SourceState]:
        """Every source a watcher has polled, the longest failing first, then by name."""
        rows = self.con.execute(f"SELECT {_STATE_COLUMNS} FROM watch_sources ORDER BY failures DESC, source")
        return [_state(row) for row in rows.fetchall()]

    def save_source_state(self, state: SourceState) -> None:
        values = [getattr(state, f.name) for f in fields(SourceState)]
        self.con.execute(f"INSERT OR REPLACE INTO watch_sources ({_STATE_COLUMNS}) VALUES "
                         f"({', '.join('?' for _ in values)})", values)

    def seen(self, urls: Iterable[str]) -> set[str]:
        """Those of ``urls`` a watcher has handled before (stored, unchanged or rejected)."""
        return {url for url, _ in self.seen_outcomes(urls)}

    def seen_outcomes(self, urls: Iterable[str]) -> list[tuple[str, str]]:
        """Those of ``urls`` (or paths) a watcher has handled, with what it noted of each."""
        urls = list(urls)
        if not urls:
            return []
        found = self.con.execute("SELECT url, outcome FROM watch_seen WHERE url IN (SELECT unnest(?))", [urls])
        return [(url, outcome) for url, outcome in found.fetchall()]

    def mark_seen(self, url: str, source: str, outcome: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO watch_seen VALUES (?, ?, ?, ?)", [url, source, outcome, _now()])

    def save_alerts(self, alerts: Iterable[Alert]) -> list[Alert]:
        """Store alerts not raised before (by id); returns those that are new."""
        new = []
        for alert in alerts:
            if not self.con.execute("SELECT 1 FROM alerts WHERE id = ?", [alert.id]).fetchone():
                self.con.execute("INSERT INTO alerts VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 [alert.id, alert.raised_at, alert.kind, alert.dyad, alert.message,
                                  list(alert.events), list(alert.sources)])
                new.append(alert)
        return new

    def alerts(self, limit: int = 50) -> list[Alert]:
        rows = self.con.execute(f"SELECT id, strftime(raised_at, '{TIMESTAMP}'), kind, dyad, message, events, "
                                "sources FROM alerts ORDER BY raised_at DESC, id LIMIT ?", [limit]).fetchall()
        return [Alert(i, at, kind, dyad, message, tuple(events or ()), tuple(sources or ()))
                for i, at, kind, dyad, message, events, sources in rows]

    def document_events(self, doc_ids: Iterable[str]) -> list[Event]:
        """The events of the documents named, as stored, with the documents of their clusters."""
        ids = list(doc_ids)
        if not ids:
            return []
        return self._events_of(self.con.execute(
            "SELECT * FROM events WHERE doc_id IN (SELECT unnest(?)) ORDER BY doc_id, span_start, id", [ids]))

    def facets(self) -> dict[str, list[str]]:
        """The values the filters can take: event types, contexts, modalities."""
        return {
            "types": [r[0] for r in self.con.execute("SELECT DISTINCT event_type FROM events ORDER BY 1").fetchall()],
            "contexts": [r[0] for r in self.con.execute(
                "SELECT DISTINCT unnest(context) FROM events ORDER BY 1").fetchall()],
            "modalities": [r[0] for r in self.con.execute(
                "SELECT DISTINCT modality FROM events ORDER BY 1").fetchall()],
        }

    def link_rows(self) -> list[LinkRow]:
        """What linking needs of every stored event."""
        return self._link_rows("TRUE", [])

    def unlinked_rows(self) -> list[LinkRow]:
        """The events not linked yet: those stored since the last linking."""
        return self._link_rows("link IS NULL", [])

    def linkable_rows(self, event_type: str, since: date, before: date | None = None, coarse: bool = False
                      ) -> list[LinkRow]:
        """The events of a type that can share clusters (dated, a side on each hand), from ``since`` on
        (and before ``before``), by their first day; ``coarse``: only those dated by a week, month or year."""
        where = (f"event_type = ? AND date_first >= ? AND {_LINKABLE}" + (" AND date_first < ?" if before else "")
                 + (" AND date_precision <> 'day'" if coarse else ""))
        return self._link_rows(where, [event_type, since, *([before] if before else [])])

    def latest_linkable_rows(self, event_type: str, before: date, actors: Sequence[str],
                             recipients: Sequence[str]) -> Iterator[LinkRow]:
        """The linkable events of a type before a day with a side in common with each of two sides (either
        way round), the latest first, read a page at a time."""
        cursor = self.con.execute(
            f"SELECT {_LINK_COLUMNS} FROM events WHERE event_type = ? AND date_first < ? AND {_LINKABLE} AND "
            "((list_has_any(actor_countries, ?) AND list_has_any(recipient_countries, ?)) OR "
            "(list_has_any(actor_countries, ?) AND list_has_any(recipient_countries, ?))) "
            "ORDER BY date_first DESC, id", [event_type, before, list(actors), list(recipients), list(recipients),
                                             list(actors)])
        while page := cursor.fetchmany(200):
            yield from (_link_row(row) for row in page)

    def _link_rows(self, where: str, params: list[Any]) -> list[LinkRow]:
        cursor = self.con.execute(f"SELECT {_LINK_COLUMNS} FROM events WHERE {where} ORDER BY id", params)
        rows: list[LinkRow] = []
        while chunk := cursor.fetchmany(10_000):  # a chunk of sentences at a time, not all of them
            rows += [_link_row(row) for row in chunk]
        return rows

    def documents(self) -> list[dict[str, Any]]:
        cursor = self.con.execute("SELECT doc_id, title, url, published, origin FROM documents ORDER BY doc_id")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def rejects(self) -> list[Reject]:
        rows = self.con.execute("SELECT origin, reason, stage, doc_id FROM rejects ORDER BY origin").fetchall()
        return [Reject(*row) for row in rows]


@dataclass(frozen=True)
class EventQuery:
    """Filters on stored events; every one given must hold. An event is from ``start`` on when its first
    day is not before the first day of ``start``, and up to ``end`` when its first day is not after the
    last day of ``end`` (so "2001" is within start 2001-01-01, end 2001-05; a week is within end 2001-05
    when it begins in May)."""

    dyad: Dyad | None = None
    start: DateValue | None = None
    end: DateValue | None = None
    event_type: str | None = None
    context: str | None = None
    actor: str | None = None  # a country code on either side, or words of an actor's name or text
    modality: str | None = None
    text: str | None = None  # words of the sentence
    link: str | None = None
    place: str | None = None  # a location's GeoNames id, or its name where it has none
    ids: tuple[str, ...] = ()
    limit: int = 50
    offset: int = 0


# an event between a dyad's sides, either way round (model.Dyad.involves says the same in Python)
_BETWEEN = ("((list_contains(actor_countries, ?) AND list_contains(recipient_countries, ?)) "
            "OR (list_contains(actor_countries, ?) AND list_contains(recipient_countries, ?)))")


def _between(dyad: Dyad) -> list[str]:
    return [dyad.first, dyad.second, dyad.second, dyad.first]


def _query_clauses(query: EventQuery) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if query.dyad is not None:
        clauses.append(_BETWEEN)
        params += _between(query.dyad)
    if query.start:
        clauses.append("date_first >= ?")
        params.append(query.start.first_day)
    if query.end:
        clauses.append("date_first <= ?")
        params.append(query.end.last_day)
    for column, value in (("event_type", query.event_type), ("modality", query.modality),
                          ("coalesce(link, id)", query.link), ("place", query.place)):  # not linked yet: its own
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if query.context:
        clauses.append("list_contains(context, ?)")
        params.append(query.context)
    if query.actor:
        clauses.append("(list_contains(actor_countries, upper(?)) OR list_contains(recipient_countries, upper(?)) "
                       "OR actor ILIKE ? ESCAPE '\\' OR recipient ILIKE ? ESCAPE '\\')")
        params += [query.actor, query.actor, _containing(query.actor), _containing(query.actor)]
    if query.text:
        clauses.append("sentence ILIKE ? ESCAPE '\\'")
        params.append(_containing(query.text))
    if query.ids:
        clauses.append("list_contains(?, id)")
        params.append(list(query.ids))
    return clauses, params


def _containing(text: str) -> str:
    """An ILIKE pattern for text that contains ``text`` as typed: its % and _ are not wildcards."""
    return "%" + re.sub(r"([\\%_])", r"\\\1", text) + "%"


_STATE_COLUMNS = ", ".join(f.name for f in fields(SourceState))


def _state(row: tuple[Any, ...]) -> SourceState:
    values: list[Any] = [v.strftime(TIMESTAMP) if isinstance(v, datetime) else v for v in row]
    return SourceState(*values)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _document_row(result: DocumentResult, coder: str) -> list[Any]:
    article, published = result.article, result.article.published
    return [article.doc_id, article.origin, article.fmt, article.title, article.author,
            published.value if published else None, published.precision if published else None,
            article.published_basis, article.url, article.source, article.text, content_hash(article),
            coder, result.sentences, _now(), article.dateline]


def _actors_json(actors: tuple[Actor, ...]) -> str:
    return json.dumps([asdict(a) for a in actors], ensure_ascii=False)


def _actors(text: str) -> tuple[Actor, ...]:
    return tuple(Actor(**a) for a in json.loads(text))


# How the fields of model.Event are stored: each in a column of its name, as it is, except these. The
# span takes two columns, the sources are not stored (they are the documents of the event's cluster,
# found from ``link`` when read), and three more columns are derived for filters and order.
_ENCODE: dict[str, Callable[[Any], Any]] = {
    "actor": _actors_json, "recipient": _actors_json, "context": list,
    "location": lambda place: json.dumps(asdict(place), ensure_ascii=False) if place else None}
_DECODE: dict[str, Callable[[Any], Any]] = {
    "actor": _actors, "recipient": _actors, "context": lambda codes: tuple(codes or ()),
    "location": lambda text: _location(text) if text else None}
_SPAN = ("span_start", "span_end")
_DERIVED = ("actor_countries", "recipient_countries", "date_first", "place", "lat", "lon")
_STORED_FIELDS = tuple(f.name for f in fields(Event) if f.name not in ("span", "sources"))
EVENT_COLUMNS = (*_STORED_FIELDS, *_SPAN, *_DERIVED)  # the events table, whatever order migrations gave it


def _event_row(e: Event) -> list[Any]:
    """The values of ``EVENT_COLUMNS`` for one event (one not linked yet has no link: the next linking
    gives it one)."""
    values = [_ENCODE.get(name, _same)(getattr(e, name)) for name in _STORED_FIELDS]
    return [*values, *e.span, countries(e.actor), countries(e.recipient),
            e.date_value.first_day if e.date_value else None, *_place_columns(e.location)]


def _location(text: str) -> Location:
    """A stored location; one stored before version 3 has only a name, a country and empty coordinates."""
    found = json.loads(text)
    return Location(**{**found, "alternatives": tuple(found.get("alternatives", ()))})


def _place_columns(location: Location | None) -> tuple[str | None, float | None, float | None]:
    """The place filter's key (the GeoNames id, else the name) and the coordinates of a location."""
    if location is None:
        return None, None, None
    return str(location.geonameid) if location.geonameid else location.name, location.lat, location.lon


_LINK_COLUMNS = ("id, event_type, actor_countries, recipient_countries, date, date_precision, date_basis, sentence, "
                 "link")
_FINISHED = "imported IN (SELECT imported FROM external_imports WHERE finished_at IS NOT NULL)"
_LINKABLE = ("date_first IS NOT NULL AND date_precision IN ('day', 'week', 'month', 'year') "
             "AND len(actor_countries) > 0 AND len(recipient_countries) > 0")


def _link_row(row: tuple[Any, ...]) -> LinkRow:
    event_id, event_type, actors, recipients, day, precision, basis, sentence, link = row
    return LinkRow(event_id, event_type, tuple(actors or ()), tuple(recipients or ()), day, precision, basis,
                   sentence, link)


def _objects(values: Iterable[Any]) -> Any:
    """A column of values for DuckDB to read as a table (None stays NULL)."""
    import numpy

    items = list(values)
    column = numpy.empty(len(items), dtype=object)
    for i, value in enumerate(items):  # one by one: a list value stays one value
        column[i] = value
    return column


def _event_from_row(row: dict[str, Any], sources: dict[str, list[str]]) -> Event:
    """An event as stored; one not linked yet is read as its own cluster."""
    found = Event(**{name: _DECODE.get(name, _same)(row[name]) for name in _STORED_FIELDS},
                  span=(row["span_start"], row["span_end"]), sources=tuple(sources.get(row["link"] or "",
                                                                                       [row["doc_id"]])))
    return found if found.link else replace(found, link=found.id)


def _same(value: Any) -> Any:
    return value
