"""Fuzzing the parts that read untrusted text: cleaning, dates, person names and JSONL records.

    python bench/fuzz.py [--inputs 100000] [--seed 1]

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
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from dyadwatch.clean import clean
from dyadwatch.dates import parse_date
from dyadwatch.ingest import read_sources
from dyadwatch.lexicon import load_lexicon
from dyadwatch.model import Article
from dyadwatch.persons import PersonIndex, skeleton
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
    text = random_text(rng)
    once = clean(Article("x.txt", text, "x.txt", "txt"))
    twice = clean(once)
    assert twice.text == once.text, f"cleaning is not a fixed point: {text!r} → {once.text!r} → {twice.text!r}"


def fuzz_dates(rng: random.Random) -> None:
    text = random_text(rng)
    anchor = date(1900, 1, 1) + timedelta(days=rng.randrange(200 * 365)) if rng.random() < 0.8 else None
    for found in tag(text, anchor, rng.choice([None, "past", "future"])):
        assert text[found.start:found.end] == found.text and found.type in ("DATE", "TIME", "DURATION", "SET")
    parse_date(text)


def fuzz_names(rng: random.Random, index: PersonIndex) -> None:
    name = random_text(rng, 3)
    skeleton(name)
    index.pick(name, date(1991, 1, 1) + timedelta(days=rng.randrange(35 * 365)) if rng.random() < 0.8 else None)


def fuzz_jsonl(rng: random.Random, folder: Path) -> None:
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
    path = folder / "feed.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
    for item in read_sources([path]):
        assert item.origin.startswith(str(path))


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--inputs", type=int, default=100_000, help="inputs in all, shared by the targets")
    options.add_argument("--seed", type=int, default=1)
    args = options.parse_args()
    return run(args.inputs, args.seed)


def run(inputs: int, seed: int, quiet: bool = False) -> int:
    """Fuzz every target with ``inputs`` inputs in all; the number of failures."""
    rng = random.Random(seed)
    index = PersonIndex(load_lexicon().roles)
    with tempfile.TemporaryDirectory() as folder:
        targets = {"clean": fuzz_clean, "dates": fuzz_dates, "names": lambda r: fuzz_names(r, index),
                   "jsonl": lambda r: fuzz_jsonl(r, Path(folder))}
        tried = dict.fromkeys(targets, 0)
        failed = dict.fromkeys(targets, 0)
        start = time.perf_counter()
        for n in range(inputs):
            name = list(targets)[n % len(targets)]
            try:
                targets[name](rng)
            except Exception as error:  # the point: anything raised is a finding
                failed[name] += 1
                if not quiet:
                    print(f"FAIL {name}: {type(error).__name__}: {error} (input {n}, seed {seed})")
            tried[name] += 1
        seconds = time.perf_counter() - start
    if not quiet:
        for name in targets:
            print(f"{name:<6} {tried[name]:>8,} inputs  {failed[name]:>4} failures")
        print(f"{sum(tried.values()):,} inputs in {seconds:.0f} s, {sum(failed.values())} failures")
    return sum(failed.values())


if __name__ == "__main__":
    sys.exit(1 if main() else 0)
