"""The runner: sources → ingest → clean → nlp → actors → events → dates → store → link."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from . import clean, ingest, nlp
from .clean import clean as clean_article
from .clean import mostly_latin
from .coder import Coder, coder_version
from .ingest import read_sources
from .model import Article, DocumentResult, Reject
from .relink import relink
from .settings import Settings
from .store import Store, content_hash
from .timelimit import TimeLimit, time_limit
from .workers import code_in_processes, code_on_ray

BATCH = 50  # documents written per transaction
SMALL_RUN = 32  # fewer documents than this are coded in this process whatever the workers asked
LOOKUP = 256  # documents read ahead to ask the store which of them it holds
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
    undated: int = 0  # documents coded with no publication date of their own (from metadata, text or name)
    coded: list[str] = field(default_factory=list)  # the ids of the documents coded


def run(paths: Iterable[str | Path], store: Store, settings: Settings | None = None, coder: Coder | None = None,
        progress: Progress | None = None) -> RunSummary:
    """Ingest, code and store every document under ``paths`` as ``settings`` say; documents already
    stored with the same text and coder are left as they are. More than one worker codes in that
    many processes (or Ray workers); the results are the same. A document whose cleaning or coding
    takes longer than the time limit is rejected. ``coder``, if given, codes in this process (tests
    and benches load the model once for many runs).

    Each batch of documents, with the rejects found so far, is written in one transaction, after
    which the database is released until the next, so that readers can open it meanwhile."""
    settings = settings or Settings()
    return run_items(read_sources(paths, settings.published, settings.follow_links), store, settings, coder, progress)


def run_items(read: Iterable[Article | Reject], store: Store, settings: Settings | None = None,
              coder: Coder | None = None, progress: Progress | None = None) -> RunSummary:
    """``run`` on articles (and rejects) already read: what a watcher fetched, say."""
    settings = settings or Settings()
    summary = RunSummary()
    version = coder.version if coder else coder_version(settings.tables)
    articles: Iterator[Article] = iter(_to_code(read, store, summary, version, settings.time_limit))
    head = list(islice(articles, SMALL_RUN))
    local_few = len(head) < SMALL_RUN and settings.engine == "local"  # a few documents do not pay for workers
    articles = chain(head, articles)
    coded: Iterable[DocumentResult | Reject]
    if settings.engine == "ray":
        coded = code_on_ray(articles, settings)
    elif settings.workers > 1 and not local_few:
        coded = code_in_processes(articles, settings)
    else:
        coded = (coder or Coder(settings))(articles)
    batch: list[DocumentResult] = []
    saved_rejects = 0

    def write() -> None:
        nonlocal saved_rejects
        store.save_documents(batch, version, summary.rejects[saved_rejects:])
        saved_rejects = len(summary.rejects)
        batch.clear()
        store.release()

    for result in coded:
        if isinstance(result, Reject):
            summary.rejects.append(result)
            continue
        batch.append(result)
        summary.documents += 1
        summary.sentences += result.sentences
        summary.events += len(result.events)
        summary.undated += result.article.published is None
        summary.coded.append(result.article.doc_id)
        if len(batch) == BATCH:
            write()
        if progress:
            progress(summary.documents, result.article.doc_id)
    write()
    relink(store)  # what the new events can change, not the database
    summary.stored = store.counts()
    return summary


def _to_code(read: Iterable[Article | Reject], store: Store, summary: RunSummary, version: str,
             seconds: float | None) -> Iterator[Article]:
    """Clean what ingest read; set aside rejects, repeats and documents already stored as they are."""
    seen: dict[str, str] = {}
    items = iter(read)
    while chunk := list(islice(items, LOOKUP)):
        known = store.stored_documents(item.doc_id for item in chunk if isinstance(item, Article))
        store.release()
        yield from _new_in(chunk, known, seen, summary, version, seconds)


def _new_in(items: list[Article | Reject], known: dict[str, tuple[str, str, str]], seen: dict[str, str],
            summary: RunSummary, version: str, seconds: float | None) -> Iterator[Article]:
    for item in items:
        reason = _reason_to_skip(item, seen) if isinstance(item, Article) else None
        if isinstance(item, Reject):
            summary.rejects.append(item)
        elif reason is not None:
            summary.rejects.append(Reject(item.origin, reason, ingest.STAGE, item.doc_id))
        else:
            seen[item.doc_id] = item.origin
            try:
                with time_limit(seconds):
                    article = clean_article(item)
            except TimeLimit as error:
                summary.rejects.append(Reject(item.origin, f"cleaning {error} (the limit per document; see "
                                              "--time-limit)", clean.STAGE, item.doc_id))
                continue
            stored, digest = known.get(article.doc_id), content_hash(article)
            if not article.text.strip():
                summary.rejects.append(Reject(item.origin, "no story text left after removing page furniture",
                                              clean.STAGE, item.doc_id))
            elif stored is not None and stored[1:] == (digest, version):
                summary.unchanged += 1
            elif stored is not None and stored[1] != digest and not _same_file(stored[0], item.origin):
                summary.rejects.append(Reject(item.origin, f"document id '{item.doc_id}' is already stored from "
                                              f"{stored[0]}; give the files distinct names or use another --db",
                                              ingest.STAGE, item.doc_id))
            else:
                yield article


def _reason_to_skip(article: Article, seen: dict[str, str]) -> str | None:
    if article.doc_id in seen:
        return f"duplicate document id '{article.doc_id}' (already read from {seen[article.doc_id]})"
    if len(article.text) > nlp.MAX_CHARS:
        return (f"too long to parse as one article ({len(article.text):,} characters; the limit is "
                f"{nlp.MAX_CHARS:,}); split it into its articles")
    if not mostly_latin(article.text):
        return "not English: most of the text is in another script (dyadwatch codes English news)"
    return None


def _same_file(first: str, second: str) -> bool:
    """The same file, however the path was typed (a JSONL origin ends in its line number)."""
    def file_of(origin: str) -> Path:
        return Path(re.sub(r":\d+$", "", origin)).resolve()
    return file_of(first) == file_of(second)
