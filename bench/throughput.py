"""Pipeline throughput against spaCy parse-only throughput on the same text, in the same run.

    python bench/throughput.py [PATH ...] [--repeat N]

PATH defaults to the bundled demo corpus. The corpus is read and cleaned once; then spaCy
parses the cleaned texts (parse only), and the whole pipeline (ingest, clean, parse, actors,
events, dates, store into an in-memory database) runs on the same files. Both figures are
words per second of cleaned story text; the ratio is pipeline / parse-only.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from importlib import resources
from pathlib import Path

from dyadwatch.clean import clean
from dyadwatch.coder import Coder
from dyadwatch.ingest import read_sources
from dyadwatch.model import Article
from dyadwatch.nlp import Parser
from dyadwatch.pipeline import run
from dyadwatch.store import Store


def _corpus(paths: list[str], repeat: int, workdir: Path) -> list[str]:
    """Copy the corpus ``repeat`` times (distinct ids) so that timings are not dominated by start-up."""
    for n in range(repeat):
        for path in paths:
            source = Path(path)
            target = workdir / f"copy{n}" / source.name
            if source.is_dir():
                shutil.copytree(source, target)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(source, target)
    return [str(workdir)]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("paths", nargs="*")
    options.add_argument("--repeat", type=int, default=5, help="copies of the corpus to process (default 5)")
    args = options.parse_args()
    with resources.as_file(resources.files("dyadwatch") / "data" / "demo") as demo, \
            tempfile.TemporaryDirectory() as tmp:
        paths = _corpus(args.paths or [str(demo)], args.repeat, Path(tmp))
        articles = [clean(a) for a in read_sources(paths) if isinstance(a, Article)]
        texts = [a.text for a in articles]
        words = sum(len(t.split()) for t in texts)
        parser = Parser()
        coder = Coder(parser=parser)
        list(parser.nlp.pipe(texts[:5]))  # warm up

        start = time.perf_counter()
        for _ in parser.nlp.pipe(texts, batch_size=parser.batch_size):
            pass
        parse_seconds = time.perf_counter() - start

        start = time.perf_counter()
        with Store(":memory:") as store:
            summary = run(paths, store, coder=coder)
        pipeline_seconds = time.perf_counter() - start

    print(f"documents            {len(texts)}  ({summary.events} events)")
    print(f"words                {words}")
    print(f"spaCy parse-only     {words / parse_seconds:10.0f} words/s  ({parse_seconds:.2f} s)")
    print(f"dyadwatch pipeline   {words / pipeline_seconds:10.0f} words/s  ({pipeline_seconds:.2f} s)")
    print(f"ratio                {parse_seconds / pipeline_seconds:10.2f}  (pipeline / parse-only)")


if __name__ == "__main__":
    main()
