"""Fuzzing the parts that read untrusted text: cleaning, dates, person names and JSONL records.

    python bench/fuzz.py [--inputs 100000] [--seed 1]
    python bench/fuzz.py --atheris [--runs 100000] [--seed 1] [--target clean]

Each input is made from a random mix of news-like fragments (dates, names, markup, furniture,
quotes), random Unicode and random bytes, then fed to one target in turn:

- clean:   ``clean.clean`` on an Article with that text, and again on its output (it must be a
           fixed point);
- dates:   ``timex.tag`` with a random anchor and tense, and ``dates.parse_date``;
- names:   ``persons.skeleton`` and ``PersonIndex.pick`` on the packaged persons at a random day;
- jsonl:   ``ingest`` on a JSONL file of random records (valid, broken, odd types, huge).

A target may refuse an input with the error it documents; anything else raised is a failure,
printed with the input. Prints inputs tried and failures per target; exits 1 on any failure.
The tests run a small number of inputs of the same generator (tests/test_fuzz.py).

``--atheris`` fuzzes the same targets guided by coverage instead: libFuzzer, through atheris, mutates
inputs towards new branches of the dyadwatch modules, which are imported instrumented. Its corpus
starts from inputs of the random generator and its dictionary is the fragments; the first byte of
an input picks the target (unless ``--target``), the next three the anchor or day and the tense,
the rest is the text (UTF-8) or the JSONL file. The first 20 failures of a target are printed.
Runs with the same seed are alike but not identical (timing and Python's hash seed steer
libFuzzer), so a failure is reproduced from its printed input. atheris is in the ``bench`` group
(``uv sync --group bench``; a wheel exists for Python 3.11-3.13 on x86-64 Linux).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any


def _instrumented() -> contextlib.AbstractContextManager[Any]:
    """atheris' coverage instrumentation of the dyadwatch imports below, when this file runs with
    --atheris and atheris is installed (main says so when it is not); otherwise nothing."""
    if __name__ != "__main__" or "--atheris" not in sys.argv:
        return contextlib.nullcontext()
    try:
        import atheris
    except ImportError:
        return contextlib.nullcontext()
    return atheris.instrument_imports(include=["dyadwatch"])


with _instrumented():
    from dyadwatch.actors.persons import PersonIndex, skeleton
    from dyadwatch.clean import clean
    from dyadwatch.dates import parse_date
    from dyadwatch.ingest import read_sources
    from dyadwatch.lexicon import load_lexicon
    from dyadwatch.model import Article
    from dyadwatch.timex import tag

FRAGMENTS = [
    "On Tuesday", "last week", "2 May 2010", "May 2, 2010", "10.01.2001", "1/10/2001", "the 1990s", "'82",
    "two months ago", "next year", "Q3", "12:00 UTC", "mid-2011", "Aliyev", "Aliiev", "Heydar", "Putin", "Baku",
    "<script>alert(1)</script>", "<p>", "</div>", "Read 1234 times", "Leave a comment", "Source URL: http://x",
    "\u201cwe will respond\u201d", "\u2028", "\r\n", "\n\n", "\x00", "\ufeff", "ÅŸ", "Москва", "٢٠١٠", "🙂", "  ",
    "By Staff Reporter", "Published on 9 February 2004", "9999-99-99", "0000-00-00", "31 February 2001",
]


def random_text(rng: random.Random, size: int = 30) -> str:
    parts = []
    for _ in range(rng.randint(0, size)):
        roll = rng.random()
        if roll < 0.6:
            parts.append(rng.choice(FRAGMENTS))
        elif roll < 0.8:
            parts.append("".join(chr(rng.randint(32, 0x2FFF)) for _ in range(rng.randint(1, 12))))
        else:
            parts.append(bytes(rng.randrange(256) for _ in range(rng.randint(1, 12))).decode("latin-1"))
    return rng.choice([" ", "\n", ". ", ""]).join(parts)


def fuzz_clean(rng: random.Random) -> None:
    check_clean(random_text(rng))


def check_clean(text: str) -> None:
    once = clean(Article("x.txt", text, "x.txt", "txt"))
    twice = clean(once)
    assert twice.text == once.text, f"cleaning is not a fixed point: {text!r} → {once.text!r} → {twice.text!r}"


def fuzz_dates(rng: random.Random) -> None:
    text = random_text(rng)
    anchor = date(1900, 1, 1) + timedelta(days=rng.randrange(200 * 365)) if rng.random() < 0.8 else None
    check_dates(text, anchor, rng.choice([None, "past", "future"]))


def check_dates(text: str, anchor: date | None, tense: str | None) -> None:
    for found in tag(text, anchor, tense):
        assert text[found.start:found.end] == found.text and found.type in ("DATE", "TIME", "DURATION", "SET")
    parse_date(text)


def fuzz_names(rng: random.Random, index: PersonIndex) -> None:
    name = random_text(rng, 3)
    check_names(index, name,
                date(1991, 1, 1) + timedelta(days=rng.randrange(35 * 365)) if rng.random() < 0.8 else None)


def check_names(index: PersonIndex, name: str, day: date | None) -> None:
    skeleton(name)
    index.pick(name, day)


def random_jsonl(rng: random.Random) -> bytes:
    lines = []
    for n in range(rng.randint(1, 8)):
        roll = rng.random()
        if roll < 0.4:
            lines.append(json.dumps({"id": rng.choice([f"r{n}", n, "", None, True]), "text": random_text(rng),
                                     "date": rng.choice(["2004-02-11", "nonsense", None, 5])}))
        elif roll < 0.7:
            lines.append(random_text(rng, 5))
        else:
            lines.append(json.dumps(rng.choice([[1, 2], "text", {"html": random_text(rng)}, {"id": "h", "text": 3}])))
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def fuzz_jsonl(rng: random.Random, folder: Path) -> None:
    check_jsonl(folder, random_jsonl(rng))


def check_jsonl(folder: Path, data: bytes) -> None:
    path = folder / "feed.jsonl"
    path.write_bytes(data)
    for item in read_sources([path]):
        assert item.origin.startswith(str(path))


TARGETS = ("clean", "dates", "names", "jsonl")


class Tally:
    """Inputs tried and failures per target; a failure is printed with its input when it happens."""

    def __init__(self, names: list[str], quiet: bool = False, shown: int | None = None) -> None:
        self.tried = dict.fromkeys(names, 0)
        self.failed = dict.fromkeys(names, 0)
        self.quiet, self.shown = quiet, shown
        self.start = time.perf_counter()

    def run(self, name: str, target: Callable[[], None], where: str) -> None:
        try:
            target()
        except Exception as error:  # the point: anything raised is a finding
            self.failed[name] += 1
            if not self.quiet and (self.shown is None or self.failed[name] <= self.shown):
                print(f"FAIL {name}: {type(error).__name__}: {error} ({where})", flush=True)
        self.tried[name] += 1

    def report(self, how: str) -> int:
        """Prints the tally; the number of failures."""
        seconds = time.perf_counter() - self.start
        tried, failed = sum(self.tried.values()), sum(self.failed.values())
        if not self.quiet:
            for name in self.tried:
                unshown = self.failed[name] - (self.shown if self.shown is not None else self.failed[name])
                print(f"{name:<6} {self.tried[name]:>8,} inputs  {self.failed[name]:>4} failures"
                      + (f" ({unshown} not printed)" if unshown > 0 else ""))
            print(f"{tried:,} inputs in {seconds:.0f} s ({how}), {failed} failures", flush=True)
        return failed


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--inputs", "--runs", type=int, default=100_000,
                         help="inputs in all, shared by the targets (with --atheris: libFuzzer's -runs)")
    options.add_argument("--seed", type=int, default=1)
    options.add_argument("--atheris", action="store_true", help="coverage-guided, through atheris (bench group)")
    options.add_argument("--target", choices=TARGETS, help="with --atheris: fuzz this target only")
    args = options.parse_args()
    if args.atheris:
        return run_atheris(args.inputs, args.seed, args.target)
    return 1 if run(args.inputs, args.seed) else 0


def run(inputs: int, seed: int, quiet: bool = False) -> int:
    """Fuzz every target with ``inputs`` inputs in all; the number of failures."""
    rng = random.Random(seed)
    index = PersonIndex(load_lexicon().roles)
    with tempfile.TemporaryDirectory() as folder:
        targets = {"clean": fuzz_clean, "dates": fuzz_dates, "names": lambda r: fuzz_names(r, index),
                   "jsonl": lambda r: fuzz_jsonl(r, Path(folder))}
        tally = Tally(list(targets), quiet)
        for n in range(inputs):
            name = TARGETS[n % len(TARGETS)]
            tally.run(name, functools.partial(targets[name], rng), f"input {n}, seed {seed}")
        return tally.report(f"random, seed {seed}")


# --- coverage-guided: libFuzzer through atheris -------------------------------------------------


def run_atheris(inputs: int, seed: int, only: str | None = None) -> int:
    """Fuzz the targets (or ``only`` one) for ``inputs`` runs of libFuzzer. libFuzzer ends the process
    itself, so the last run prints the tally and exits, 1 on any failure; returns 2 without atheris."""
    try:
        import atheris
    except ImportError:
        print("atheris is not installed: uv sync --group bench --group dev "
              "(it has wheels for Python 3.11-3.13 on x86-64 Linux)", file=sys.stderr)
        return 2
    names = [only] if only else list(TARGETS)
    folder = Path(tempfile.mkdtemp(prefix="dyadwatch-fuzz-"))
    feeds = _feeds(PersonIndex(load_lexicon().roles), folder)
    tally = Tally(names, shown=20)

    def one_input(data: bytes) -> None:
        name, body = (names[data[0] % len(names)], data[1:]) if data and not only else (names[0], data)
        tally.run(name, lambda: feeds[name](body), f"run {sum(tally.tried.values()) + 1}, input {body[:400]!r}")
        if sum(tally.tried.values()) == inputs:
            failures = tally.report(f"atheris, seed {seed}")
            shutil.rmtree(folder, ignore_errors=True)
            os._exit(1 if failures else 0)

    atheris.Setup([sys.argv[0], f"-runs={inputs}", f"-seed={seed}", "-max_len=4096", "-timeout=60",
                   f"-dict={_dictionary(folder)}", f"-artifact_prefix={folder}/", str(_corpus(folder, names, seed))],
                  one_input)
    atheris.Fuzz()
    return 0  # not reached


def _feeds(index: PersonIndex, folder: Path) -> dict[str, Callable[[bytes], None]]:
    """Each target fed from bytes: text as UTF-8; for dates and names, three bytes before it give the
    day (two) and the tense and whether there is a day at all (one)."""
    return {"clean": lambda data: check_clean(_text(data)),
            "dates": lambda data: check_dates(_text(data[3:]), _day(data, date(1900, 1, 1), 200 * 365), _tense(data)),
            "names": lambda data: check_names(index, _text(data[3:]), _day(data, date(1991, 1, 1), 35 * 365)),
            "jsonl": lambda data: check_jsonl(folder, data)}


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _day(data: bytes, first: date, days: int) -> date | None:
    head = data[:3].ljust(3, b"\0")
    return None if head[2] & 4 else first + timedelta(days=int.from_bytes(head[:2], "big") % days)


def _tense(data: bytes) -> str | None:
    return (None, "past", "future", None)[data[2] & 3] if len(data) > 2 else None


def _corpus(folder: Path, names: list[str], seed: int, each: int = 25) -> Path:
    """Where libFuzzer starts: ``each`` inputs of the random generator per target, as bytes."""
    rng = random.Random(seed)
    made = {"clean": lambda: random_text(rng).encode(), "dates": lambda: rng.randbytes(3) + random_text(rng).encode(),
            "names": lambda: rng.randbytes(3) + random_text(rng, 3).encode(), "jsonl": lambda: random_jsonl(rng)}
    corpus = folder / "corpus"
    corpus.mkdir()
    for number, name in enumerate(names):
        for n in range(each):
            (corpus / f"{name}-{n}").write_bytes((bytes([number]) if len(names) > 1 else b"") + made[name]())
    return corpus


def _dictionary(folder: Path) -> Path:
    """The fragments as a libFuzzer dictionary: words it splices into inputs."""
    path = folder / "fragments.dict"
    path.write_text("".join('"' + "".join(chr(b) if 32 <= b < 127 and b not in b'"\\' else f"\\x{b:02X}"
                                          for b in fragment.encode()) + '"\n' for fragment in FRAGMENTS))
    return path


if __name__ == "__main__":
    sys.exit(main())
