"""Two runs on one database, and readers while a run writes: one writer at a time, and every
transaction seen whole (issue 9)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dyadwatch.pipeline import BATCH
from dyadwatch.store import Store
from dyadwatch.views.serve import create_app

pytestmark = pytest.mark.slow
ARTICLES = 3 * BATCH + 10
PLACES = ["Baku", "Moscow", "Tbilisi", "Yerevan", "Ankara", "Tehran", "Astana", "Minsk"]
VERBS = ["met", "criticised", "praised", "accused", "thanked", "visited"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Short made-up wire stories, different enough that each codes to its own events."""
    folder = tmp_path_factory.mktemp("wire")
    for n in range(ARTICLES):
        place, verb = PLACES[n % len(PLACES)], VERBS[n % len(VERBS)]
        day = 1 + n % 28
        text = (f"Talks in {place}, item {n}\n\n"
                f"Russian Foreign Minister Sergei Lavrov {verb} Azerbaijani officials in {place} on {day} May 2012. "
                f"Azerbaijan's foreign ministry said on {day} May 2012 that the talks covered transit number {n}. "
                f"Officials in {place} said a further round would follow.\n")
        (folder / f"2012-05-{day:02d}-item-{n:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def _run(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "dyadwatch.cli", "run", str(corpus), "--db", str(db), "--workers", "1"]


def _writing(db: Path, process: subprocess.Popen[str]) -> None:
    """Wait until ``process`` holds the writer's lock on ``db`` and has made the file."""
    lock = Path(f"{db}.lock")
    give_up = time.monotonic() + 60
    while not (lock.exists() and lock.read_text(encoding="utf-8") == str(process.pid) and db.exists()):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < give_up, "the run never took the database"
        time.sleep(0.02)


def test_a_second_run_on_a_database_being_written_fails_at_once_as_busy(corpus, tmp_path):
    db = tmp_path / "news.duckdb"
    first = subprocess.Popen(_run(corpus, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _writing(db, first)

    second = subprocess.run(_run(corpus, db), capture_output=True, text=True, timeout=120)
    still_running = first.poll() is None
    out, err = first.communicate(timeout=600)

    assert still_running, "the first run ended before the second started: the test proves nothing"
    assert second.returncode == 2
    assert f"{db}: the database is busy: another dyadwatch run (PID {first.pid}) is writing" in second.stderr
    assert first.returncode == 0, err
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == ARTICLES
    again = subprocess.run(_run(corpus, db), capture_output=True, text=True, timeout=600)
    assert again.returncode == 0 and f"{ARTICLES} unchanged" in again.stdout + again.stderr


def test_readers_while_a_run_writes_see_whole_batches_and_are_never_refused(corpus, tmp_path):
    db = tmp_path / "news.duckdb"
    writer = subprocess.Popen(_run(corpus, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _writing(db, writer)
    client = TestClient(create_app(db))
    seen: list[int] = []
    while writer.poll() is None:
        with Store(db, read_only=True) as store:
            documents = {d["doc_id"] for d in store.documents()}
            events = list(store.events())
        assert {e.doc_id for e in events} <= documents, "an event whose document is not there"
        assert len(documents) % BATCH == 0 or len(documents) == ARTICLES, "half a batch"
        answer = client.get("/api/events", params={"limit": 1})
        assert answer.status_code == 200, answer.text
        assert answer.json()["total"] >= len(events)
        seen.append(len(documents))
        time.sleep(0.05)
    assert writer.returncode == 0, writer.communicate()
    assert seen == sorted(seen), "a reader saw documents go away"
    assert any(0 < n < ARTICLES for n in seen), f"no read fell between two batches: {sorted(set(seen))}"
