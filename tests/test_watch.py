"""Watching (issue 19): a local HTTP server on 127.0.0.1 serves feeds and pages that change between
polls, and every fault a feed can have; the watcher codes each story once, keeps its state in the
database across restarts, records each fault with its reason and goes on, and raises alerts once.
The stories are written for the tests."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dyadwatch.cli import main
from dyadwatch.model import Dyad
from dyadwatch.store import Store
from dyadwatch.watch.fetch import Fetcher
from dyadwatch.watch.poll import Watcher
from dyadwatch.watch.sources import Source, SourceError, WatchConfig, read_config

pytestmark = pytest.mark.slow

STORY = ("<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
         "<p>{text}</p><p>Officials gave no further details on the matter.</p></article></body></html>")
SHELLING = "Russian forces shelled Azerbaijani villages near Tartar on 3 May 2024, killing four civilians."
TALKS = "Russia and Azerbaijan signed a transit agreement in Baku on 6 May 2024."


def _rss(*items):
    entries = "".join(f"<item><title>{t}</title><link>{link}</link></item>" for link, t in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title><link>http://x/</link>'
            f"{entries}</channel></rss>").encode()


class _Site:
    """What the server answers: path → (status, headers, body); a body may be a callable (slow answers)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.hits: list[str] = []
        self.posted: list[bytes] = []
        self.agents: set[str] = set()


@pytest.fixture(scope="module")
def site():
    state = _Site()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802 (the name http.server calls)
            state.hits.append(self.path)
            state.agents.add(self.headers.get("User-Agent", ""))
            status, headers, body = state.routes.get(self.path, (404, {}, b"not here"))
            if callable(body):
                body = body()
            if headers.get("ETag") and self.headers.get("If-None-Match") == headers["ETag"]:
                status, body = 304, b""
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):  # noqa: N802
            state.posted.append(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            self.send_response(204)
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()


def _page(site, path, title, text):
    page = STORY.format(title=title, text=text).encode()
    site.routes[path] = (200, {"Content-Type": "text/html; charset=utf-8"}, page)


def _feed(site, path, *items, etag=None):
    headers = {"Content-Type": "application/rss+xml", **({"ETag": etag} if etag else {})}
    site.routes[path] = (200, headers, _rss(*((site.base + link, title) for link, title in items)))


def _watcher(store, coder, *sources, **config):
    return Watcher(store, WatchConfig(tuple(sources), **config), coder=coder,
                   fetcher=Fetcher(delay=0, timeout=1.0, max_bytes=200_000), say=lambda line: None)


def test_watch_codes_each_new_story_once_across_polls_and_restarts(site, coder, tmp_path):
    _page(site, "/a/talks", "Transit deal", TALKS)
    _page(site, "/a/shelling", "Villages shelled", SHELLING)
    _feed(site, "/a/rss", ("/a/talks", "Transit deal"), etag='"v1"')
    source = Source("url", site.base + "/a/rss")
    db = tmp_path / "w.duckdb"

    with Store(db) as store:
        first = _watcher(store, coder, source).poll()
        unchanged = _watcher(store, coder, source).poll()  # the feed answers 304 to its ETag
        _feed(site, "/a/rss", ("/a/talks", "Transit deal"), ("/a/shelling", "Villages shelled"), etag='"v2"')
        fetched = len(site.hits)
        second = _watcher(store, coder, source).poll()
        pages = [hit for hit in site.hits[fetched:] if hit.startswith("/a/") and hit != "/a/rss"]
        documents = store.counts()["documents"]
        state = store.source_state(source.key)

    with Store(db) as store:  # a watcher started again
        again = _watcher(store, coder, source).poll()

    assert (first.coded, unchanged.coded, second.coded, again.coded) == (1, 0, 1, 0)
    assert pages == ["/a/shelling"]  # the story seen before is not fetched again
    assert documents == 2 and state.etag == '"v2"' and state.failures == 0
    assert any(agent.startswith("dyadwatch/") for agent in site.agents)


@pytest.mark.parametrize(("path", "answer", "reason"), [
    ("/bad/malformed", (200, {"Content-Type": "text/html"}, b"<html><body>no feed here</body></html>"),
     "not a feed (an HTML page)"),
    ("/bad/gone", (404, {}, b""), "answered 404"),
    ("/bad/broken", (500, {}, b""), "answered 500"),
    ("/bad/hangs", (200, {}, lambda: time.sleep(2.5) or b""), "no answer in time"),
    ("/bad/huge", (200, {"Content-Type": "application/rss+xml"}, b"<rss>" + b"x" * 300_000), "larger than"),
    ("/bad/loop", (302, {"Location": "/bad/loop"}, b""), "redirects (a loop?)"),
])
def test_watch_a_faulty_feed_is_recorded_with_its_reason_and_the_others_go_on(site, coder, tmp_path, path, answer,
                                                                               reason):
    site.routes[path] = answer
    _page(site, "/ok/talks", "Transit deal", TALKS)
    _feed(site, "/ok/rss", ("/ok/talks", "Transit deal"))
    bad, good = Source("url", site.base + path), Source("url", site.base + "/ok/rss")

    with Store(tmp_path / "w.duckdb") as store:
        done = _watcher(store, coder, bad, good).poll()
        state = store.source_state(bad.key)
        rejects = store.con.execute("SELECT reason FROM rejects WHERE origin = ?", [bad.where]).fetchall()
        later = _watcher(store, coder, bad, good).poll()  # within the pause: the bad source waits

    assert done.coded == 1 and len(done.failed) == 1 and reason in done.failed[0]
    assert state.failures == 1 and reason in state.error and state.retry_at is not None
    assert rejects and reason in rejects[0][0]
    assert later.failed == [] and later.coded == 0


def test_watch_a_story_that_is_no_page_or_that_robots_forbid_is_rejected_and_not_fetched_again(site, coder, tmp_path):
    site.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n")
    site.routes["/r/report.pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4")
    site.routes["/r/moved"] = (302, {"Location": "/private/moved"}, b"")
    _feed(site, "/r/rss", ("/r/report.pdf", "A report"), ("/private/note", "Private"), ("/r/moved", "Moved"))

    with Store(tmp_path / "w.duckdb") as store:
        done = _watcher(store, coder, Source("url", site.base + "/r/rss")).poll()
        hits = len(site.hits)
        _watcher(store, coder, Source("url", site.base + "/r/rss")).poll()

    reasons = sorted(r.reason for r in done.rejected)
    assert any("not an HTML page (application/pdf)" in r for r in reasons)
    assert any("robots.txt" in r for r in reasons) and "/private/note" not in site.hits
    assert any("redirected to" in r and "/private/moved" in r and "robots.txt" in r for r in reasons)
    assert "/private/moved" not in site.hits and "/r/moved" not in site.hits[hits:]
    assert "/r/report.pdf" not in site.hits[hits:]


def test_watch_a_folder_and_a_growing_jsonl_file(coder, tmp_path):
    inbox, feed = tmp_path / "inbox", tmp_path / "scraper.jsonl"
    inbox.mkdir()
    (inbox / "talks.txt").write_text(f"Transit deal\n\n{TALKS}\n", encoding="utf-8")
    first_record = json.dumps({"id": "s1", "text": SHELLING, "date": "2024-05-03"})
    feed.write_text(f'{first_record}\n{{"id": "s2", "text": "Azerbaijan recalled its ambassador',
                    encoding="utf-8")  # the second line is still being written
    sources = (Source("folder", str(inbox)), Source("jsonl", str(feed)))

    with Store(tmp_path / "w.duckdb") as store:
        first = _watcher(store, coder, *sources).poll()
        same = _watcher(store, coder, *sources).poll()
        with feed.open("a", encoding="utf-8") as out:
            out.write(' from Moscow on 6 May 2024 after the shelling near Tartar.", "date": "2024-05-06"}\n')
        (inbox / "talks.txt").write_text(f"Transit deal\n\n{TALKS} Both sides welcomed it.\n", encoding="utf-8")
        grown = _watcher(store, coder, *sources).poll()
        ids = sorted(r[0] for r in store.con.execute("SELECT doc_id FROM documents").fetchall())

    assert (first.coded, same.coded + same.unchanged, grown.coded) == (2, 0, 2)
    assert ids == ["s1", "s2", "talks.txt"]


def test_watch_alerts_once_on_a_violent_event_of_the_dyad(site, coder, tmp_path):
    _page(site, "/al/shelling", "Villages shelled", SHELLING)
    _feed(site, "/al/rss", ("/al/shelling", "Villages shelled"))
    log = tmp_path / "alerts.jsonl"
    said: list[str] = []
    config = WatchConfig((Source("url", site.base + "/al/rss"),), dyad=Dyad("RUS", "AZE"), alert_log=log,
                         webhook=site.base + "/hook")

    with Store(tmp_path / "w.duckdb") as store:
        watcher = Watcher(store, config, coder=coder, fetcher=Fetcher(delay=0), say=said.append)
        first = watcher.poll()
        site.routes["/al/rss"] = (200, {"Content-Type": "application/rss+xml"}, _rss())
        second = watcher.poll()
        stored = store.alerts()

    assert first.alerts >= 1 and second.alerts == 0
    event_alerts = [a for a in stored if a.kind == "event"]
    assert event_alerts and event_alerts[0].sources == (site.base + "/al/shelling",)
    assert any(line.startswith("ALERT event:") and "ASSAULT" in line for line in said)
    logged = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert any(entry["kind"] == "event" for entry in logged)
    assert site.posted and json.loads(site.posted[-1])["alerts"]


def test_watch_config_file_is_read_and_a_bad_one_is_named(tmp_path):
    good = tmp_path / "watch.toml"
    good.write_text('every = 60\ndyad = "RUS-AZE"\nalert_types = ["assault"]\n[[source]]\nurl = "https://x.org/rss"\n'
                    '[[source]]\nfolder = "inbox"\n', encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text('[[source]]\nurl = "ftp://x.org/feed"\n', encoding="utf-8")

    config = read_config(good)

    assert (config.every, str(config.dyad), config.alert_types) == (60.0, "RUS-AZE", frozenset({"ASSAULT"}))
    assert [s.kind for s in config.sources] == ["url", "folder"]
    with pytest.raises(SourceError, match="bad.toml: .*not an http or https address"):
        read_config(bad)


def test_cli_watch_once_on_a_feed(site, tmp_path, capsys):
    _page(site, "/c/talks", "Transit deal", TALKS)
    _feed(site, "/c/rss", ("/c/talks", "Transit deal"))
    db = tmp_path / "c.duckdb"

    status = main(["watch", "--once", "--db", str(db), site.base + "/c/rss"])
    out = capsys.readouterr().out

    assert status == 0 and "polled 1 sources" in out and "1 new" in out
    assert main(["watch", "--once", "--db", str(db)]) == 2
    assert "no sources" in capsys.readouterr().err


def test_watch_the_web_view_lists_sources_their_problems_and_alerts(site, coder, tmp_path):
    import shutil
    import socket
    import subprocess

    import uvicorn

    from dyadwatch.views.serve import create_app

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("no chromium on this machine")
    _page(site, "/v/shelling", "Villages shelled", SHELLING)
    _feed(site, "/v/rss", ("/v/shelling", "Villages shelled"))
    site.routes["/v/gone"] = (404, {}, b"")
    db = tmp_path / "v.duckdb"
    config = WatchConfig((Source("url", site.base + "/v/rss"), Source("url", site.base + "/v/gone")),
                         dyad=Dyad("RUS", "AZE"))
    with Store(db) as store:
        Watcher(store, config, coder=coder, fetcher=Fetcher(delay=0), say=lambda line: None).poll()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    try:
        dom = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=15000",
                              "--dump-dom", f"http://127.0.0.1:{port}/"], capture_output=True, text=True,
                             timeout=120).stdout
    finally:
        server.should_exit = True
    watching = dom[dom.index('id="watching"'):dom.index('id="chart"')]

    assert "hidden" not in watching.split(">")[0]
    assert site.base + "/v/gone" in watching and "answered 404" in watching and "1 in a row" in watching
    assert "event: " in watching and "ASSAULT" in watching and site.base + "/v/shelling" in watching


def test_watch_killed_with_sigkill_misses_nothing_when_started_again(site, tmp_path):
    import os
    import signal
    import subprocess
    import sys

    for n in range(8):
        _page(site, f"/k/story{n}", f"Story {n}", f"Russia and Azerbaijan signed transit agreement number {n} in "
                                                   f"Baku on {n + 1} May 2024.")
    _feed(site, "/k/rss", *((f"/k/story{n}", f"Story {n}") for n in range(8)))
    db = tmp_path / "k.duckdb"
    before = len(site.hits)
    watcher = subprocess.Popen([sys.executable, "-m", "dyadwatch.cli", "watch", "--every", "3600", "--db", str(db),
                                site.base + "/k/rss"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        give_up = time.monotonic() + 90
        while sum(hit.startswith("/k/story") for hit in site.hits[before:]) < 3 and time.monotonic() < give_up:
            time.sleep(0.05)
        time.sleep(1.0)  # somewhere in fetching, coding or storing
    finally:
        os.kill(watcher.pid, signal.SIGKILL)
        watcher.wait(timeout=30)

    assert main(["watch", "--once", "--db", str(db), site.base + "/k/rss"]) == 0
    with Store(db) as store:
        stored = sorted(row[0] for row in store.con.execute("SELECT doc_id FROM documents").fetchall())
        seen = store.seen(site.base + f"/k/story{n}" for n in range(8))

    assert stored == sorted(site.base + f"/k/story{n}" for n in range(8))  # each story once, none missed
    assert len(seen) == 8


def test_watch_stops_cleanly_on_sigterm_between_polls(site, tmp_path):
    import signal
    import subprocess
    import sys

    _page(site, "/t/talks", "Transit deal", TALKS)
    _feed(site, "/t/rss", ("/t/talks", "Transit deal"))
    watcher = subprocess.Popen([sys.executable, "-m", "dyadwatch.cli", "watch", "--every", "3600", "--db",
                                str(tmp_path / "t.duckdb"), site.base + "/t/rss"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    first: list[str] = []
    reader = threading.Thread(target=lambda: first.append(watcher.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout=90)
    watcher.send_signal(signal.SIGTERM)
    _, err = watcher.communicate(timeout=30)

    assert first and "polled 1 sources" in first[0] and "1 new" in first[0]
    assert watcher.returncode == 2 and "stopped by SIGTERM" in err and "holds 1 document, " in err


@pytest.mark.parametrize("by", ["year", "quarter", "month"])
def test_watch_index_alerts_from_the_recent_periods_are_those_from_every_event(make_event, by):
    """Index alerts compare the last two periods with events: reading only the clusters near them (far
    back, after a quiet spell) gives the same alerts as reading all of the dyad's twenty years."""
    from dataclasses import replace
    from datetime import date, timedelta

    from dyadwatch.model import Article, DocumentResult
    from dyadwatch.relink import relink
    from dyadwatch.watch.alerts import AlertRules, raised, recent_events

    dyad = Dyad("RUS", "AZE")
    events = [make_event(f"e{n}", f"d{n % 40}.txt", event_type="ACCUSE" if n % 3 else "AGREE",
                         quad_code=3 if n % 3 else 1, intensity=-4.0 if n % 3 else 6.0,
                         date=(date(2004, 1, 5) + timedelta(days=23 * n)).isoformat()) for n in range(320)]
    events.append(make_event("late", "d0.txt", event_type="ASSAULT", quad_code=4, intensity=-9.0,
                             date="2027-03-02"))  # after three quiet years: the period before is far back
    with Store(":memory:") as store:
        store.save_documents([DocumentResult(Article(f"d{n}.txt", "t", f"d{n}.txt", "txt"), 1,
                                             tuple(e for e in events if e.doc_id == f"d{n}.txt")) for n in range(40)],
                             "t")
        relink(store)
        rules = AlertRules(dyad, index_level=-1.0, by=by)
        new = store.document_events(["d0.txt"])
        everything = list(store.events(dyad))
        recent = recent_events(store, dyad, by)
        few, full = (raised(new, found, rules) for found in (recent, everything))
    assert len(recent) < len(everything) / 4
    assert [replace(a, raised_at="") for a in few] == [replace(a, raised_at="") for a in full]
    assert any(a.kind in ("index", "turning point") for a in full)


def test_watch_lets_another_writer_in_between_polls(site, coder, tmp_path):
    """Between polls the watcher is not the writer: a run may write meanwhile; a poll that finds another
    writer still at work waits for its next turn, then goes on."""
    from dyadwatch.model import Article, DocumentResult

    _page(site, "/w/talks", "Transit deal", TALKS)
    _feed(site, "/w/rss", ("/w/talks", "Transit deal"))
    db = tmp_path / "w.duckdb"
    said: list[str] = []
    other: list[Store] = []

    def say(line: str) -> None:
        said.append(line)
        if len(said) == 1:  # after the first poll: another writer comes, stores a document, stays
            other.append(Store(db))
            other[0].save_documents([DocumentResult(Article("mine.txt", "t", "mine.txt", "txt"), 1, ())], "t")
        elif "not polled" in line:
            other[0].close()  # it is done; the watcher's next turn goes ahead
        elif len(said) >= 3:
            raise KeyboardInterrupt

    with Store(db) as store:
        watcher = Watcher(store, WatchConfig((Source("url", site.base + "/w/rss"),), every=0.1), coder=coder,
                          fetcher=Fetcher(delay=0, timeout=1.0), say=say)
        with pytest.raises(KeyboardInterrupt):
            watcher.watch()
        store.take_back()
        documents = sorted(row[0] for row in store.con.execute("SELECT doc_id FROM documents").fetchall())

    assert "polled 1 sources" in said[0] and "the database is busy" in said[1] and "polled 1 sources" in said[2]
    assert len(documents) == 2 and "mine.txt" in documents
