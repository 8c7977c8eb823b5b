"""Memory and time of parsing one long article, whole and in pieces.

    python bench/long_article.py [--chars 199000]

Each way runs in a fresh process: the spaCy pipeline is loaded, then one made-up article of about
``--chars`` characters (paragraphs of news-like sentences) is parsed. Prints the peak resident
memory before and after the parse, and the parse time. "whole" gives spaCy the article at once;
"pieces" is what dyadwatch does (nlp.PIECE characters a piece, nlp.BATCH_CHARS a batch).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time

PARAGRAPH = ("Russia and Azerbaijan held talks in Baku on Monday, officials said, and the ministers agreed "
             "to meet again in May. ")


def measure(way: str, chars: int) -> None:
    from dyadwatch.model import Article
    from dyadwatch.nlp import MAX_CHARS, Parser

    parser = Parser() if way == "pieces" else Parser(piece=MAX_CHARS, batch_chars=MAX_CHARS)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    text = "\n\n".join(PARAGRAPH * 3 for _ in range(chars // (3 * len(PARAGRAPH)) + 1))[:chars]
    start = time.perf_counter()
    parsed = parser(Article("long.txt", text, "long.txt", "txt"))
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{way:<7} {len(text):>9,} chars  {len(parsed.sentences):>6,} sentences  {seconds:5.1f} s  "
          f"peak RSS {before:,} MiB with the model, {after:,} MiB after the parse")


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--chars", type=int, default=199_000)
    options.add_argument("--way", choices=("whole", "pieces"), help=argparse.SUPPRESS)
    args = options.parse_args()
    if args.way:
        measure(args.way, args.chars)
        return 0
    for way in ("whole", "pieces"):
        subprocess.run([sys.executable, __file__, "--way", way, "--chars", str(args.chars)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
