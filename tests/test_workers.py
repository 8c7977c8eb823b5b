"""Many cores, Ray and interrupted runs: the same corpus gives the same events every way."""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest

from dyadwatch.pipeline import SMALL_RUN, run
from dyadwatch.settings import Settings
from dyadwatch.store import Store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The demo articles, copied under new names until there are more than a small run."""
    folder = tmp_path_factory.mktemp("corpus")
    with resources.as_file(resources.files("dyadwatch") / "data" / "demo") as demo:
        files = sorted(p for p in demo.glob("*") if p.suffix in (".txt", ".md"))
        copies = 0
        while copies < SMALL_RUN + 8:
            for path in files:
                shutil.copy(path, folder / f"copy{copies // len(files)}-{path.name}")
                copies += 1
    return folder


def _coded(corpus: Path, db: Path, **how) -> set[tuple[str, str | None]]:
    with Store(db) as store:
        run([corpus], store, Settings(**how))
        events = list(store.events())
    ids = [e.id for e in events]
    assert len(ids) == len(set(ids))
    return {(e.id, e.link) for e in events}


def test_workers_give_the_same_events_and_clusters_as_one_process(corpus, tmp_path):
    one = _coded(corpus, tmp_path / "one.duckdb", workers=1)

    assert one and _coded(corpus, tmp_path / "two.duckdb", workers=2) == one


@pytest.mark.skipif(importlib.util.find_spec("ray") is None and not os.environ.get("CI"),
                    reason="Ray is an optional extra (uv sync --extra ray)")
def test_ray_engine_gives_the_same_events_as_one_process(corpus, tmp_path):
    one = _coded(corpus, tmp_path / "one.duckdb", workers=1)

    assert _coded(corpus, tmp_path / "ray.duckdb", workers=2, engine="ray") == one


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_run_killed_again_and_again_resumes_with_no_duplicate_or_missing_event(corpus, tmp_path, workers):
    whole = _coded(corpus, tmp_path / "whole.duckdb", workers=1)
    db = tmp_path / "killed.duckdb"
    command = [sys.executable, "-m", "dyadwatch.cli", "run", str(corpus), "--db", str(db), "--workers", workers]
    for seconds in (3.5, 5, 6.5):  # loading, coding, writing or linking: any moment must do
        started = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(seconds)
        started.send_signal(signal.SIGKILL)
        started.wait()
        if db.exists():
            with Store(db, read_only=True) as store:
                assert {e.doc_id for e in store.events()} <= {d["doc_id"] for d in store.documents()}

    finished = subprocess.run(command, capture_output=True, text=True, timeout=600)

    assert finished.returncode == 0, finished.stderr
    with Store(db, read_only=True) as store:
        events = list(store.events())
    assert len(events) == len({e.id for e in events})
    assert {(e.id, e.link) for e in events} == whole


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (read from /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # a zombie has ended; only its parent's bookkeeping is left


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds processes through /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_with_their_run_however_it_ends(corpus, tmp_path, sig):
    db = tmp_path / "x.duckdb"
    started = subprocess.Popen([sys.executable, "-m", "dyadwatch.cli", "run", str(corpus), "--db", str(db),
                                "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    give_up = time.monotonic() + 120
    while len(_children(started.pid)) < 3 and time.monotonic() < give_up:  # two workers and a resource tracker
        time.sleep(0.2)
    time.sleep(3)  # the workers load the model and take their first chunks
    workers = _children(started.pid)
    assert len(workers) >= 2

    started.send_signal(sig)
    _, err = started.communicate(timeout=60)

    give_up = time.monotonic() + 20
    while any(_running(pid) for pid in workers) and time.monotonic() < give_up:
        time.sleep(0.2)
    assert not [pid for pid in workers if _running(pid)]
    if sig == signal.SIGTERM:  # as Ctrl-C: a message with what is stored, exit status 2, the lock released
        assert started.returncode == 2 and "stopped by SIGTERM" in err, err
        with Store(db) as store:
            assert store.counts()["events"] >= 0
