"""The runner: sources → ingest → clean → nlp → actors → events → dates → store → link."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import actors, clean, events, link
from .actors import ActorResolver
from .clean import clean as clean_article
from .clean import mostly_latin
from .events import EventCoder
from .ingest import read_sources
from .lexicon import load_lexicon
from .model import Article, DateValue, DocumentResult, ParsedArticle, Reject
from .nlp import Parser
from .store import Store

CODER = "+".join((clean.STAGE, actors.STAGE, events.STAGE))
BATCH = 50  # documents written per transaction
Progress = Callable[[int, str], None]


@dataclass
class RunSummary:
    """What a run did, for the one-screen summary."""

    documents: int = 0
    unchanged: int = 0
    sentences: int = 0
    events: int = 0
    rejects: list[Reject] = field(default_factory=list)
    stored: dict[str, int] = field(default_factory=dict)


class Coder:
    """Loads the model and tables once; codes parsed articles into events."""

    def __init__(self, parser: Parser | None = None) -> None:
        lexicon = load_lexicon()
        self.parser = parser or Parser()
        self.resolve = ActorResolver(lexicon)
        self.code = EventCoder(lexicon)

    def code_parsed(self, parsed: ParsedArticle) -> DocumentResult:
        mentions = self.resolve(parsed)
        return DocumentResult(parsed.article, len(parsed.sentences), self.code(parsed, mentions))

    def __call__(self, articles: Iterable[Article]) -> Iterator[DocumentResult]:
        for parsed in self.parser.pipe(articles):
            yield self.code_parsed(parsed)


def run(paths: Iterable[str | Path], store: Store, published: DateValue | None = None,
        coder: Coder | None = None, progress: Progress | None = None) -> RunSummary:
    """Ingest, code and store every document under ``paths``; documents already stored with the
    same text and coder are left as they are."""
    summary = RunSummary()
    coder = coder or Coder()
    articles = _to_code(read_sources(paths, published), store, summary)
    batch: list[DocumentResult] = []
    for result in coder(articles):
        batch.append(result)
        summary.documents += 1
        summary.sentences += result.sentences
        summary.events += len(result.events)
        if len(batch) == BATCH:
            store.save_documents(batch, CODER)
            batch.clear()
        if progress:
            progress(summary.documents, result.article.doc_id)
    store.save_documents(batch, CODER)
    for reject in summary.rejects:
        store.save_reject(reject)
    store.set_links(link.link_events(store.link_keys()))
    summary.stored = store.counts()
    return summary


def _to_code(items: Iterable[Article | Reject], store: Store, summary: RunSummary) -> Iterator[Article]:
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Reject):
            summary.rejects.append(item)
            continue
        if item.doc_id in seen:
            summary.rejects.append(Reject(item.origin, f"duplicate document id '{item.doc_id}' "
                                          f"(already read from {seen[item.doc_id]})", "ingest", item.doc_id))
            continue
        seen[item.doc_id] = item.origin
        if not mostly_latin(item.text):
            summary.rejects.append(Reject(item.origin, "not English: most of the text is in another script "
                                          "(dyadwatch codes English news)", clean.STAGE, item.doc_id))
            continue
        article = clean_article(item)
        if not article.text.strip():
            summary.rejects.append(Reject(item.origin, "no story text left after removing page furniture",
                                          clean.STAGE, item.doc_id))
        elif store.is_current(article, CODER):
            summary.unchanged += 1
        else:
            yield article
