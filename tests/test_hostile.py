"""Hostile and broken input, generated here (nothing large is committed): a run finishes, stores
the good documents, names each rejected file with its reason, and stays under a memory ceiling."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dyadwatch.store import Store

pytestmark = pytest.mark.slow
MEMORY_CEILING = 600 * 2**20  # bytes: the run and its children together (measured: about 420 MiB)
STORY = "Russia and Azerbaijan signed a border treaty in Baku on 3 September 2010."


def hostile_corpus(folder: Path) -> dict[str, str | None]:
    """Write the corpus; map each file (or JSONL line) to the reason it must be rejected for, None if good."""
    rng = random.Random(7)
    expect: dict[str, str | None] = {}

    def put(name: str, data: bytes, reason: str | None) -> None:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
        expect[name] = reason

    put("good.txt", f"Headline\n\n{STORY}\n".encode(), None)
    put("random.txt", bytes(rng.randrange(256) for _ in range(4096)), "binary|not UTF-8")
    put("empty.txt", b"", "empty")
    put("blank.txt", b" \n\t\n  \r\n", "empty")
    with (folder / "huge.txt").open("wb") as huge:  # 200 MB, written a megabyte at a time
        for _ in range(200):
            huge.write((STORY + "\n").encode() * (2**20 // (len(STORY) + 1)))
    expect["huge.txt"] = "too large"
    put("one-line.txt", b"x" * (50 * 2**20), "too large")
    put("nested.html", ("<html><body>" + "<div>" * 20_000 + f"<p>{STORY}</p>" + "</div>" * 20_000
                        + "</body></html>").encode(), None)  # the story is lifted out of its containers
    put("nested-b.html", ("<html><body>" + "<b>" * 20_000 + f"<p>{STORY}</p>" + "</b>" * 20_000
                          + "</body></html>").encode(), r"nested too deep to parse \(20,00\d levels")
    put("scripts.html", (f"<html><head><script>alert(1)</script></head><body><iframe src='x'></iframe>"
                         f"<img src='data:image/png;base64,AAAA'><article><p>{STORY}</p><p>{STORY}</p>"
                         f"</article></body></html>").encode(), None)
    put("utf16.txt", f"Headline\n\n{STORY}\n".encode("utf-16"), None)
    put("latin1.txt", "Headline\n\nThe caf\xe9 in Baku hosted talks.\n".encode("latin-1"), "not UTF-8")
    put("endings.txt", f"Headline\r\n\r\n{STORY}\rMore text here.\n".encode(), None)
    put("nul.txt", b"Headline\n\n" + STORY.encode() + b"\x00\x00\x00", "binary")
    records = [json.dumps({"id": "j1", "text": STORY}), "{not json", json.dumps({"id": "j1", "text": STORY}),
               json.dumps({"id": "j2", "text": "y " * 600_000})]
    put("feed.jsonl", "\n".join(records).encode(), None)
    expect.update({"feed.jsonl:2": "malformed JSON", "feed.jsonl:3": "duplicate document id",
                   "feed.jsonl:4": "too long"})
    put("long.txt", ("Headline\n\n" + " ".join(f"Officials met on day {n}." for n in range(10_000))).encode(),
        "too long to parse")  # 10,000 sentences: longer than one article may be
    # 188k characters: parsed in pieces
    put("long-ok.txt", ("Headline\n\n" + " ".join(f"Officials met on day {n}." for n in range(7_000))).encode(), None)
    put("unreadable.txt", f"Headline\n\n{STORY}\n".encode(), None if os.geteuid() == 0 else "cannot be read")
    (folder / "unreadable.txt").chmod(0)  # root reads it all the same
    loop = folder / "loop"
    loop.mkdir()
    os.symlink("..", loop / "up")  # a folder that contains itself
    return expect


def test_hostile_corpus_is_coded_or_rejected_by_name_within_the_memory_ceiling(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    expect = hostile_corpus(corpus)
    db = tmp_path / "x.duckdb"
    run = subprocess.Popen([sys.executable, "-m", "dyadwatch.cli", "run", str(corpus), "--db", str(db),
                            "--workers", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while run.poll() is None:
        peak = max(peak, _rss(run.pid))
        time.sleep(0.1)
    out, err = run.communicate()

    assert run.returncode == 1, err  # something was rejected: exit 1, the rest stored
    assert peak < MEMORY_CEILING, f"{peak / 2**20:.0f} MiB"
    with Store(db, read_only=True) as store:
        stored = {d["doc_id"] for d in store.documents()}
        rejects = {r.origin.replace(str(corpus) + "/", ""): r.reason for r in store.rejects()}
    for name, reason in expect.items():
        if reason is None and ":" not in name and name != "feed.jsonl":
            assert name in stored, (name, rejects.get(name))
        elif reason is not None:
            assert name in rejects and re.search(reason, rejects[name]), (name, rejects.get(name))
    assert {"j1"} <= stored and "j2" not in stored


def _rss(pid: int) -> int:
    try:
        return int(re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text()).group(1)) * 1024
    except (OSError, AttributeError):
        return 0
