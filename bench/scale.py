"""Scaling: words/s and peak memory for 1 and 2 workers, the local and the Ray engine, at two sizes.

    python bench/scale.py [--sizes 1000,10000] [--runs local:1,local:2,ray:2]

Builds a synthetic corpus of each size from the demo corpus (one JSONL file: each record a demo
article with its years shifted and its leaders' names varied, so that ids and texts differ), then
runs ``dyadwatch run`` on it in a fresh database for each engine and worker count, as a separate
process, sampling the resident memory of that process and all its children (workers, Ray) every
0.2 s. Words/s is the corpus's words over the wall time of the whole run (start-up included).
spaCy parse-only throughput is measured in this process on the first 1,000 texts of the same
corpus; "per core" divides a run's words/s by its workers. The Ray runs need the 'ray' extra.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

from dyadwatch.nlp import Parser

NAMES = [("Putin", "Medvedev"), ("Aliyev", "Aliev"), ("Lavrov", "Lavrov"), ("Baku", "Baku")]


def build_corpus(size: int, target: Path) -> int:
    """A JSONL corpus of ``size`` varied demo articles; returns its words."""
    with resources.as_file(resources.files("dyadwatch") / "data" / "demo") as demo:
        texts = [p.read_text(encoding="utf-8") for p in sorted(demo.glob("*")) if p.suffix in (".txt", ".md")]
    words = 0
    with target.open("w", encoding="utf-8") as out:
        for n in range(size):
            shift = n % 7
            text = re.sub(r"\b(19[9]\d|20[0-2]\d)\b", lambda m, shift=shift: str(int(m.group(1)) + shift),
                          texts[n % len(texts)])
            if n % 3 == 1:
                for old, new in NAMES:
                    text = text.replace(old, new)
            words += len(text.split())
            out.write(json.dumps({"id": f"syn-{n:06d}", "text": text}) + "\n")
    return words


def tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        stack.extend(children.get(current, []))
        try:
            status = (Path("/proc") / str(current) / "status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) * 1024  # type: ignore[union-attr]
        except (OSError, AttributeError):
            continue
    return total


def timed_run(corpus: Path, db: Path, engine: str, workers: int) -> tuple[float, int, int]:
    """Seconds, peak tree RSS and exit status of one ``dyadwatch run``."""
    command = [sys.executable, "-m", "dyadwatch.cli", "run", str(corpus), "--db", str(db), "--workers", str(workers),
               "--engine", engine]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        print(f"  run failed: {(process.stderr.read() if process.stderr else '').strip()[-300:]}")
    return seconds, peak, process.returncode


def parse_only(corpus: Path, count: int = 1000) -> float:
    texts = [json.loads(line)["text"] for _, line in zip(range(count), corpus.open(encoding="utf-8"), strict=False)]
    parser = Parser()
    list(parser.nlp.pipe(texts[:5]))
    start = time.perf_counter()
    for _ in parser.nlp.pipe(texts, batch_size=parser.batch_size):
        pass
    return sum(len(t.split()) for t in texts) / (time.perf_counter() - start)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--sizes", default="1000,10000", help="corpus sizes in documents (default 1000,10000)")
    options.add_argument("--runs", default="local:1,local:2,ray:2", help="engine:workers pairs")
    args = options.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    runs = [(engine, int(workers)) for engine, workers in (r.split(":") for r in args.runs.split(","))]
    print(f"{os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            corpus = Path(folder) / f"corpus-{size}.jsonl"
            words = build_corpus(size, corpus)
            parse = parse_only(corpus)
            print(f"\n{size:,} documents, {words:,} words; spaCy parse-only {parse:,.0f} words/s (one process)")
            print(f"{'engine':<8}{'workers':>8}{'seconds':>10}{'words/s':>10}{'per core':>10}{'ratio':>7}"
                  f"{'peak RSS':>11}")
            for engine, workers in runs:
                db = Path(folder) / f"{size}-{engine}-{workers}.duckdb"
                seconds, peak, status = timed_run(corpus, db, engine, workers)
                if status != 0:
                    continue
                rate = words / seconds
                print(f"{engine:<8}{workers:>8}{seconds:>10.1f}{rate:>10,.0f}{rate / workers:>10,.0f}"
                      f"{rate / workers / parse:>7.2f}{peak / 2**20:>8,.0f} MiB", flush=True)
                db.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
