"""What finding names costs per sentence: the indexes of ``dyadwatch.actors.matcher`` against the design they
replaced (one regular expression alternating every known name), on the same parsed sentences.

    python bench/actor_cost.py [PATH ...]

PATH defaults to the bundled demo corpus. The texts are parsed once; then, per sentence: the whole actor
resolver (``ActorResolver.__call__``), finding names with the indexes (countries and organisations by
surface form, persons by skeleton), finding the same names with the old alternation, and the whole
coding of a parsed article (``Coder.code_parsed``, in CPU time). It prints microseconds per sentence,
and how many names and spellings the tables hold.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable, Iterable
from importlib import resources

from dyadwatch.actors.resolver import ActorResolver
from dyadwatch.clean import clean
from dyadwatch.coder import Coder
from dyadwatch.ingest import read_sources
from dyadwatch.lexicon import load_lexicon
from dyadwatch.model import Article, ParsedArticle
from dyadwatch.nlp import Parser


def _alternation(forms: Iterable[str]) -> re.Pattern[str]:
    """The replaced design: every form in one pattern, longest first."""
    alternatives = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w]|-\w)")


def _per_sentence(parsed: list[ParsedArticle], work: Callable[[ParsedArticle], object],
                  clock: Callable[[], float] = time.perf_counter) -> float:
    """Microseconds per sentence; ``time.process_time`` (CPU time) is steadier on a shared machine."""
    sentences = sum(len(p.sentences) for p in parsed)
    start = clock()
    for article in parsed:
        work(article)
    return (clock() - start) / sentences * 1e6


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("paths", nargs="*")
    args = options.parse_args()
    with resources.as_file(resources.files("dyadwatch") / "data" / "demo") as demo:
        articles = [clean(a) for a in read_sources(args.paths or [str(demo)]) if isinstance(a, Article)]
    parser = Parser()
    parsed = list(parser.pipe(articles))
    lexicon = load_lexicon()
    resolver = ActorResolver(lexicon)
    spellings = {v for role in lexicon.roles for v in role.variants}
    start = time.perf_counter()
    names, persons = _alternation(lexicon.names), _alternation(spellings)
    compile_seconds = time.perf_counter() - start

    def indexes(article: ParsedArticle) -> None:
        for sentence in article.sentences:
            resolver.names.find(sentence.text)
            resolver.persons.find(sentence)

    def alternation(article: ParsedArticle) -> None:
        for sentence in article.sentences:
            names.findall(sentence.text)
            persons.findall(sentence.text)

    print(f"sentences            {sum(len(p.sentences) for p in parsed)}")
    print(f"names, spellings     {len(lexicon.names)}, {len(spellings)}  ({len(lexicon.roles)} person rows)")
    print(f"actor resolver       {_per_sentence(parsed, resolver):8.0f} µs/sentence")
    print(f"names by index       {_per_sentence(parsed, indexes):8.0f} µs/sentence")
    print(f"names by alternation {_per_sentence(parsed, alternation):8.0f} µs/sentence  "
          f"(compiled in {compile_seconds:.1f} s)")
    coder = Coder(parser=parser)
    cpu = min(_per_sentence(parsed, coder.code_parsed, time.process_time) for _ in range(3))
    print(f"whole coding         {cpu:8.0f} µs/sentence of CPU time (actors, events, document dates; best of 3)")


if __name__ == "__main__":
    main()
